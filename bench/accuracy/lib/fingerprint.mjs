// A finding's identity for verdicts: rule id, the file's path relative to the corpus, and the
// normalised text of its span with up to 32 characters either side on the same line; never a
// line number, so a verdict survives text added or removed elsewhere. The n-th identical
// finding in a file gets `#n` (as baselines count copies).

import { createHash } from 'node:crypto';

const AROUND = 32;

export function normalise(s) {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The fingerprint text of a span [start, end) of `text` (original offsets). */
export function fingerprintText(text, start, end) {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(Math.max(lineStart, start - AROUND), start);
  const after = text.slice(end, Math.min(lineEnd, end + AROUND));
  return `${normalise(before)}\u0001${normalise(text.slice(start, end))}\u0001${normalise(after)}`;
}

export function fingerprint(ruleId, rel, text, start, end, nth = 1) {
  const h = createHash('sha256').update(`${ruleId}\u0000${rel}\u0000${fingerprintText(text, start, end)}\u0000${nth}`).digest('hex');
  return h.slice(0, 16);
}

/** Ids for a file's findings, in their order, with copies numbered. */
export function assignIds(rel, text, findings) {
  const seen = new Map();
  return findings.map((f) => {
    const key = `${f.ruleId}\u0000${fingerprintText(text, f.offset, f.endOffset)}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return fingerprint(f.ruleId, rel, text, f.offset, f.endOffset, n);
  });
}

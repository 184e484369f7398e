// Baseline fingerprints and hiding: a fingerprint is the rule id plus the normalised text of the
// finding's span and its neighbourhood on the same line, never a line number, so it survives edits
// elsewhere in the file. Identical fingerprints are counted. Pure (no I/O): the CLI reads and
// writes baseline files, the pipeline hides what they record.

import type { Document } from '../parse/document.js';
import { countFindings } from './run.js';
import { sha256Hex } from './sha256.js';
import type { FileResult, Finding } from './types.js';

export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  count: number;
  /** For people reading the file: the span's text when recorded. */
  text: string;
}

export interface Baseline {
  version: 1;
  files: Record<string, BaselineEntry[]>;
}

const CONTEXT = 32;

function norm(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Text of the finding's span and up to 32 characters either side, within its own line(s). */
export function fingerprintParts(text: string, offset: number, endOffset: number): { before: string; span: string; after: string } {
  let lineStart = offset;
  while (lineStart > 0 && lineStart > offset - CONTEXT && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = endOffset;
  while (lineEnd < text.length && lineEnd < endOffset + CONTEXT && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  return { before: norm(text.slice(lineStart, offset)), span: norm(text.slice(offset, endOffset)), after: norm(text.slice(endOffset, lineEnd)) };
}

export function fingerprint(doc: Pick<Document, 'original'>, f: Pick<Finding, 'ruleId' | 'offset' | 'endOffset'>): string {
  const p = fingerprintParts(doc.original, f.offset, f.endOffset);
  return sha256Hex(`${f.ruleId}\u0000${p.before}\u0000${p.span}\u0000${p.after}`).slice(0, 32);
}

/** Entries for one file's findings (grouped by fingerprint, counted). */
export function entriesFor(doc: Pick<Document, 'original'>, findings: Finding[]): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const fp = fingerprint(doc, f);
    const e = byKey.get(fp);
    if (e) e.count++;
    else byKey.set(fp, { ruleId: f.ruleId, fingerprint: fp, count: 1, text: doc.original.slice(f.offset, f.endOffset).slice(0, 80) });
  }
  return [...byKey.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
}

/** Hides the findings recorded in the baseline (each entry hides up to `count`). Returns how many. */
export function applyBaseline(doc: Pick<Document, 'original'>, result: FileResult, entries: BaselineEntry[] | undefined): number {
  if (!entries?.length) return 0;
  const left = new Map<string, number>();
  for (const e of entries) left.set(`${e.ruleId}:${e.fingerprint}`, (left.get(`${e.ruleId}:${e.fingerprint}`) ?? 0) + e.count);
  const before = result.findings.length;
  result.findings = result.findings.filter((f) => {
    const k = `${f.ruleId}:${fingerprint(doc, f)}`;
    const n = left.get(k) ?? 0;
    if (n <= 0) return true;
    left.set(k, n - 1);
    return false;
  });
  countFindings(result);
  return before - result.findings.length;
}


// Applying fixes to a text, as ESLint does: fixes sorted by position, a fix whose edits overlap
// an already accepted edit is dropped (deterministically: the earlier fix, then the shorter,
// then the earlier finding wins), then the caller re-lints and repeats a bounded number of
// passes. Edits are on the ORIGINAL text, so every byte outside them is kept.

import type { Applicability, FileResult, ResolvedFix } from './types.js';

type Edit = ResolvedFix['edits'][number];

export interface ApplyResult {
  output: string;
  applied: number;
  /** Fixes dropped because they overlapped one already accepted (or were malformed). */
  skipped: number;
}

/** The line ending most used in a text (`\n` when it has none). */
export function dominantEol(text: string): '\n' | '\r\n' | '\r' {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  return crlf > lf && crlf >= cr ? '\r\n' : cr > lf ? '\r' : '\n';
}

function conflicts(a: Edit, b: Edit): boolean {
  if (a.offset < b.endOffset && b.offset < a.endOffset) return true;
  // an insertion at the edge of (or inside) another edit: order would be ambiguous
  const ins = (x: Edit, y: Edit): boolean => x.offset === x.endOffset && y.offset <= x.offset && x.offset <= y.endOffset;
  return ins(a, b) || ins(b, a);
}

/**
 * Applies the fixes whose applicability is in `accept` (default: safe only). Newlines in
 * inserted text follow the text's own line ending.
 */
export function applyFixes(text: string, fixes: ResolvedFix[], accept: ReadonlySet<Applicability> = new Set(['safe'])): ApplyResult {
  const eol = dominantEol(text);
  const candidates = fixes
    .map((fix, index) => ({ fix, index, edits: [...fix.edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset) }))
    .filter((c) => accept.has(c.fix.applicability) && c.edits.length > 0);
  candidates.sort((a, b) => {
    const as = a.edits[0].offset;
    const bs = b.edits[0].offset;
    const ae = a.edits[a.edits.length - 1].endOffset;
    const be = b.edits[b.edits.length - 1].endOffset;
    return as - bs || ae - be || a.index - b.index;
  });
  const accepted: Edit[] = [];
  let applied = 0;
  let skipped = 0;
  for (const c of candidates) {
    const bad = c.edits.some((e, i) => e.offset < 0 || e.endOffset > text.length || e.offset > e.endOffset || (i > 0 && conflicts(c.edits[i - 1], e)));
    if (bad || c.edits.some((e) => accepted.some((a) => conflicts(a, e)))) {
      skipped++;
      continue;
    }
    accepted.push(...c.edits);
    applied++;
  }
  if (!accepted.length) return { output: text, applied, skipped };
  accepted.sort((a, b) => a.offset - b.offset);
  let out = '';
  let pos = 0;
  for (const e of accepted) {
    out += text.slice(pos, e.offset) + (eol === '\n' ? e.text : e.text.replace(/\r\n|\r|\n/g, eol));
    pos = e.endOffset;
  }
  out += text.slice(pos);
  return { output: out, applied, skipped };
}

export interface FixLoopResult<D> {
  /** The final text (the original when nothing was fixed). */
  output: string;
  /** Findings of the final text. */
  result: FileResult;
  doc: D;
  fixed: number;
  passes: number;
}

/**
 * Lint, apply, re-parse, repeat, at most `maxPasses` times or until a pass changes nothing.
 * `lint` and `reparse` come from the caller so the loop knows no format and no config.
 */
export function fixLoop<D extends { original: string }>(
  doc: D,
  lint: (doc: D) => FileResult,
  reparse: (text: string, previous: D) => D,
  opts: { maxPasses?: number; accept?: ReadonlySet<Applicability> } = {},
): FixLoopResult<D> {
  const maxPasses = opts.maxPasses ?? 10;
  let current = doc;
  let result = lint(current);
  let fixed = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const fixes = result.findings.flatMap((f) => (f.fix ? [f.fix] : []));
    const { output, applied } = applyFixes(current.original, fixes, opts.accept);
    if (applied === 0 || output === current.original) break;
    passes++;
    fixed += applied;
    current = reparse(output, current);
    result = lint(current);
  }
  return { output: current.original, result, doc: current, fixed, passes };
}

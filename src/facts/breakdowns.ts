// Breakdowns: a stated total followed by its parts, as list items under the paragraph that
// states the total (nested to any depth: each level is its own breakdown, linked to the part it
// details) or inline in one sentence ("tổng số 120 hộ, trong đó 45 hộ nghèo, 75 hộ cận nghèo").
// Also the check of a breakdown tree with interval arithmetic and the root-cause search: the one
// stated figure whose replacement (by the sum of its own parts, or by its total minus the other
// parts) makes every level consistent.
//
// API: fact `breakdowns` -> Breakdown[] (text order); checkTree(list, rounding) -> LevelResult[].

import { Decimal } from 'decimal.js';
import { defineFact } from '../engine/facts.js';
import type { Block, Document } from '../parse/document.js';
import {
  intersects,
  modesOf,
  point,
  statedInterval,
  subtractIntervals,
  sumIntervals,
  type Interval,
  type Rounding,
  type RoundingMode,
} from './intervals.js';
import { isExact, quantities, sameUnit, type Quantity } from './quantities.js';
import { cueKindOf, ELLIPSIS_MARKS, HEAD_CUES, INCOMPLETE_MARKERS, INLINE_CUES, type CueKind } from './lexicon/figures.js';

export type { CueKind };

export interface Breakdown {
  index: number;
  kind: 'list' | 'inline';
  cue: string;
  cueKind: CueKind;
  total: Quantity;
  parts: Quantity[];
  /** For each part, the index of the breakdown that details it (a nested list), or -1. */
  partDetail: number[];
  /** The breakdown this one details (its total is a part there), or -1. */
  parent: number;
  /** Some figure is hedged (khoảng, hơn, about…): never the basis of an error. */
  hedged: boolean;
}

// A list head ends with its cue (and usually a colon).
const HEAD_CUE = new RegExp(`(?:^|[^\\p{L}])(${HEAD_CUES.source})\\s*[:：]?\\s*$`, 'iu');
// An inline cue inside a sentence.
const INLINE_CUE = new RegExp(`(?:^|[^\\p{L}])(${INLINE_CUES.source})(?![\\p{L}])`, 'giu');
// The list or the cue says it is not exhaustive: a marker word (`như`, but not `như sau`) or an ellipsis.
const INCOMPLETE_WORD = new RegExp(`(?:^|[^\\p{L}])(${INCOMPLETE_MARKERS.source})(?![\\p{L}])`, 'giu');
const INCOMPLETE = {
  test(s: string): boolean {
    if (ELLIPSIS_MARKS.some((m) => s.includes(m))) return true;
    for (const m of s.matchAll(INCOMPLETE_WORD)) {
      const end = m.index! + m[0].length;
      if (m[1].toLowerCase() === 'như' && /^ sau/iu.test(s.slice(end, end + 4))) continue;
      return true;
    }
    return false;
  },
};

/** Families whose figures add up. */
const ADDITIVE = new Set(['money', 'count', 'area', 'length', 'mass']);

function byBlock(qs: Quantity[]): Map<number, Quantity[]> {
  const m = new Map<number, Quantity[]>();
  for (const q of qs) {
    const list = m.get(q.block);
    if (list) list.push(q);
    else m.set(q.block, [q]);
  }
  return m;
}

/** Quantities outside parentheses, of an additive family (percentages, years, durations are mentions). */
function amounts(doc: Document, qs: Quantity[], from: number): Quantity[] {
  const text = doc.text;
  const out: Quantity[] = [];
  let depth = 0;
  let at = from;
  for (const q of qs) {
    if (q.span.start < from) continue;
    for (; at < q.span.start; at++) {
      if (text[at] === '(') depth++;
      else if (text[at] === ')' && depth > 0) depth--;
    }
    if (depth > 0) continue;
    if (ADDITIVE.has(q.unit.family) || q.unit.family === 'none') out.push(q);
  }
  return out;
}

function parenDepth(text: string, from: number, to: number): number {
  let d = 0;
  for (let i = from; i < to; i++) {
    if (text[i] === '(') d++;
    else if (text[i] === ')' && d > 0) d--;
  }
  return d;
}

/** Offset of the `)` closing a group open at `from`, or -1 before `to`. */
function closingParen(text: string, from: number, to: number): number {
  let d = 0;
  for (let i = from; i < to; i++) {
    if (text[i] === '(') d++;
    else if (text[i] === ')') {
      if (d === 0) return i;
      d--;
    }
  }
  return -1;
}

function directChildren(blocks: Block[], head: Block): Block[] {
  const out: Block[] = [];
  const inside = new Set<number>([head.index]);
  for (let j = head.index + 1; j < blocks.length; j++) {
    const b = blocks[j];
    if (!inside.has(b.parent)) break;
    inside.add(j);
    if (b.parent === head.index && b.marker) out.push(b);
  }
  return out;
}

/** The one amount of a list item in the total's unit, or undefined (none, or more than one). */
function partAmount(doc: Document, total: Quantity, qs: Quantity[], b: Block): Quantity | undefined {
  const same = amounts(doc, qs, b.content.start).filter((q) => sameUnit(q.unit, total.unit));
  return same.length === 1 ? same[0] : undefined;
}

export function findBreakdowns(doc: Document, qs: Quantity[]): Breakdown[] {
  const blocksQ = byBlock(qs);
  const out: Breakdown[] = [];
  const byTotal = new Map<number, number>(); // total quantity index -> breakdown index

  // heads whose parts carry on in the next paragraph ("…10.367,700 tỷ đồng; trong đó:" / "thu nội địa …")
  const carried: Array<{ head: Block; cueM: RegExpExecArray; cueStart: number; next: Block }> = [];

  // List breakdowns: a block ending with a cue, its direct list children each stating one amount.
  for (const head of doc.blocks) {
    if (head.kind === 'table') continue;
    const cueM = HEAD_CUE.exec(head.text);
    if (!cueM) continue;
    const cueStart = head.content.start + cueM.index + cueM[0].indexOf(cueM[1]);
    const headQs = (blocksQ.get(head.index) ?? []).filter((q) => q.span.end <= cueStart);
    const kids = directChildren(doc.blocks, head);
    if (kids.length < 2) {
      const next = doc.blocks[head.index + 1];
      if (kids.length === 0 && next && next.kind === 'paragraph' && !next.marker && /^\p{Ll}/u.test(next.text)) carried.push({ head, cueM, cueStart, next });
      continue;
    }
    // the total: the last amount before the cue, in the same sentence, whose unit every child states once
    const candidates = amounts(doc, headQs, head.content.start).filter((q) => ADDITIVE.has(q.unit.family)).reverse();
    for (const total of candidates) {
      if (headQs.some((q) => q.sentence !== total.sentence && q.span.start > total.span.start && q.unit.family !== 'percent')) break;
      const parts: Quantity[] = [];
      for (const k of kids) {
        const p = partAmount(doc, total, blocksQ.get(k.index) ?? [], k);
        if (!p) break;
        parts.push(p);
      }
      if (parts.length !== kids.length) continue;
      const tail = doc.text.slice(total.span.end, head.content.end);
      if (INCOMPLETE.test(tail) || kids.some((k) => INCOMPLETE.test(k.text.slice(-12)))) break;
      const bd: Breakdown = {
        index: out.length,
        kind: 'list',
        cue: cueM[1],
        cueKind: cueKindOf(cueM[1]),
        total,
        parts,
        partDetail: parts.map(() => -1),
        parent: -1,
        hedged: total.hedged || parts.some((p) => p.hedged),
      };
      byTotal.set(total.index, bd.index);
      out.push(bd);
      break;
    }
  }

  // Inline breakdowns: total, cue, then at least two parts in the same sentence (up to a `;`).
  for (const [, list] of blocksQ) {
    const b = doc.blocks[list[0].block];
    if (!b || b.kind === 'table') continue;
    const text = doc.text;
    const seg = text.slice(b.content.start, b.content.end);
    for (const m of seg.matchAll(INLINE_CUE)) {
      const cueStart = b.content.start + m.index + m[0].indexOf(m[1]);
      const cueEnd = cueStart + m[1].length;
      // the total: the last amount before the cue, outside parentheses (not a comparison "(21.546 tỷ đồng)")
      const inParens = parenDepth(text, b.content.start, cueStart) > 0;
      const before = inParens ? list.filter((q) => q.span.end <= cueStart) : amounts(doc, list.filter((q) => q.span.end <= cueStart), b.content.start);
      const total = before[before.length - 1];
      if (!total || !ADDITIVE.has(total.unit.family)) continue;
      if (!inParens && parenDepth(text, b.content.start, total.span.start) > 0) continue;
      // between the total and the cue: the rest of its clause, or a full stop right before "Trong đó"
      const between = text.slice(total.span.end, cueStart).replace(/\d[.,]\d/g, '');
      const sentenceBreak = /^[^.;:]*\.\s*$/.test(between) && /^\p{Lu}/u.test(m[1]);
      if ((/[;.:]/.test(between) && !sentenceBreak) || between.length > 60) continue;
      // the clause of the parts: up to `;`, the sentence end or the block end
      let stop = b.content.end;
      // "trong đó: a; b; c." runs to the sentence end; otherwise the clause ends at `;`
      const semi = text.slice(cueEnd, b.content.end).search(/^\s*:/.test(text.slice(cueEnd, cueEnd + 3)) ? /\.(?:\s|$)/ : /[;]|\.(?:\s|$)/);
      if (semi >= 0) stop = cueEnd + semi;
      // a cue inside parentheses ("125 trạm (trong đó: …)") ends at the closing one
      if (parenDepth(text, b.content.start, cueStart) > 0) {
        const close = closingParen(text, cueEnd, stop);
        if (close >= 0) stop = close;
      }
      const after = amounts(doc, list.filter((q) => q.span.start >= cueEnd && q.span.end <= stop && (q.sentence === total.sentence || sentenceBreak)), cueEnd);
      if (after.length < 2) continue;
      const elliptical = (q: Quantity): boolean => total.unit.family === 'count' && q.unit.family === 'none' && q.unit.scale.equals(1);
      if (!after.every((q) => sameUnit(q.unit, total.unit) || elliptical(q))) continue;
      if (INCOMPLETE.test(text.slice(cueStart, stop))) continue;
      if (byTotal.has(total.index)) continue;
      const bd: Breakdown = {
        index: out.length,
        kind: 'inline',
        cue: m[1],
        cueKind: cueKindOf(m[1]),
        total,
        parts: after,
        partDetail: after.map(() => -1),
        parent: -1,
        hedged: total.hedged || after.some((p) => p.hedged),
      };
      byTotal.set(total.index, bd.index);
      out.push(bd);
    }
  }

  for (const { head, cueM, cueStart, next } of carried) {
    const headQs = amounts(doc, (blocksQ.get(head.index) ?? []).filter((q) => q.span.end <= cueStart), head.content.start);
    const total = headQs[headQs.length - 1];
    if (!total || !ADDITIVE.has(total.unit.family) || byTotal.has(total.index)) continue;
    if (!/^[^;:.]*[;,.]?\s*$/.test(doc.text.slice(total.span.end, cueStart).replace(/\d[.,]\d/g, ''))) continue;
    let stop = next.content.end;
    const end = doc.text.slice(next.content.start, next.content.end).search(/[;]|\.(?:\s|$)/);
    if (end >= 0) stop = next.content.start + end;
    const parts = amounts(doc, (blocksQ.get(next.index) ?? []).filter((q) => q.span.end <= stop), next.content.start);
    if (parts.length < 2 || !parts.every((q) => sameUnit(q.unit, total.unit))) continue;
    if (INCOMPLETE.test(doc.text.slice(cueStart, stop))) continue;
    const bd: Breakdown = {
      index: out.length,
      kind: 'inline',
      cue: cueM[1],
      cueKind: cueKindOf(cueM[1]),
      total,
      parts,
      partDetail: parts.map(() => -1),
      parent: -1,
      hedged: total.hedged || parts.some((p) => p.hedged),
    };
    byTotal.set(total.index, bd.index);
    out.push(bd);
  }

  // nesting: a part that is the total of another breakdown
  for (const bd of out) {
    bd.parts.forEach((p, i) => {
      const child = byTotal.get(p.index);
      if (child !== undefined && child !== bd.index) {
        bd.partDetail[i] = child;
        out[child].parent = bd.index;
      }
    });
  }
  return out;
}

export const breakdowns = defineFact('breakdowns', (doc: Document, facts): Breakdown[] => findBreakdowns(doc, facts.get(quantities)));

// ---------------------------------------------------------------------------------------------
// Checking a tree of breakdowns

export interface LevelResult {
  breakdown: Breakdown;
  consistent: boolean;
  /** Σ parts in the total's unit (exact point sum of the stated values). */
  sum: Decimal;
  /** Decimals to print the sum with. */
  sumDecimals: number;
  /** parts / total (point values), e.g. 0.97. */
  coverage: Decimal;
  /** 'over' when the parts exceed the total, 'under' when they fall short. */
  direction: 'over' | 'under' | 'equal';
  /** The likely root cause when one replaced figure makes every level of the tree consistent. */
  rootCause?: RootCause;
}

export interface RootCause {
  /** The figure that is probably wrong. */
  quantity: Quantity;
  /** What it should probably be, in its own unit. */
  expected: Decimal;
  expectedDecimals: number;
}

type Override = Map<number, (mode: RoundingMode) => Interval>;

function ivOf(q: Quantity, mode: RoundingMode, ov: Override): Interval {
  const f = ov.get(q.index);
  if (f) return f(mode);
  return isExact(q) ? point(q.base) : statedInterval(q.value, q.decimals, mode, q.unit.scale);
}

function levelOk(bd: Breakdown, mode: RoundingMode, ov: Override): boolean {
  const t = ivOf(bd.total, mode, ov);
  const s = sumIntervals(bd.parts.map((p) => ivOf(p, mode, ov)));
  return intersects(t, s);
}

function treeOk(levels: Breakdown[], rounding: Rounding, ov: Override): boolean {
  return modesOf(rounding).some((mode) => levels.every((bd) => levelOk(bd, mode, ov)));
}

function partsInterval(bd: Breakdown, mode: RoundingMode, ov: Override): Interval {
  return sumIntervals(bd.parts.map((p) => ivOf(p, mode, ov)));
}

/** Checks every breakdown; for trees with two or more levels, looks for a single root cause. */
export function checkTree(list: Breakdown[], rounding: Rounding): LevelResult[] {
  const results: LevelResult[] = [];
  const empty: Override = new Map();
  for (const bd of list) {
    const consistent = treeOk([bd], rounding, empty);
    const sumBase = bd.parts.reduce((acc, p) => acc.plus(p.base), new Decimal(0));
    const sum = sumBase.div(bd.total.unit.scale);
    const sumDecimals = Math.max(sum.decimalPlaces(), ...bd.parts.map((p) => p.decimals));
    const cmp = sumBase.comparedTo(bd.total.base);
    results.push({
      breakdown: bd,
      consistent,
      sum,
      sumDecimals,
      coverage: bd.total.base.isZero() ? new Decimal(0) : sumBase.div(bd.total.base),
      direction: consistent ? 'equal' : cmp > 0 ? 'over' : cmp < 0 ? 'under' : 'equal',
    });
  }
  // trees: group by root
  const rootOf = (i: number): number => {
    let r = i;
    const seen = new Set<number>();
    while (list[r].parent >= 0 && !seen.has(r)) {
      seen.add(r);
      r = list[r].parent;
    }
    return r;
  };
  const trees = new Map<number, Breakdown[]>();
  for (const bd of list) {
    const r = rootOf(bd.index);
    const t = trees.get(r);
    if (t) t.push(bd);
    else trees.set(r, [bd]);
  }
  for (const levels of trees.values()) {
    if (levels.length < 2) continue;
    if (levels.some((bd) => bd.hedged)) continue;
    if (levels.every((bd) => results[bd.index].consistent)) continue;
    const found: RootCause[] = [];
    // candidates, most precise first: a total replaced by the sum of its own parts, then a part
    // replaced by its total minus the other parts
    const candidates: Array<[Breakdown, Quantity, Override]> = [];
    for (const bd of levels) candidates.push([bd, bd.total, new Map([[bd.total.index, (mode: RoundingMode) => partsInterval(bd, mode, empty)]])]);
    for (const bd of levels) {
      bd.parts.forEach((p, i) => {
        const others = bd.parts.filter((_, j) => j !== i);
        candidates.push([bd, p, new Map([
          [p.index, (mode: RoundingMode) => subtractIntervals(ivOf(bd.total, mode, empty), sumIntervals(others.map((o) => ivOf(o, mode, empty))))],
        ])]);
      });
    }
    for (const [bd, q, ov] of candidates) {
      if (found.some((f) => f.quantity.index === q.index)) continue;
      if (!treeOk(levels, rounding, ov)) continue;
      let expected: Decimal;
      if (q.index === bd.total.index) {
        expected = bd.parts.reduce((acc, p) => acc.plus(p.base), new Decimal(0)).div(q.unit.scale);
      } else {
        const others = bd.parts.filter((o) => o.index !== q.index).reduce((acc, o) => acc.plus(o.base), new Decimal(0));
        expected = bd.total.base.minus(others).div(q.unit.scale);
      }
      found.push({ quantity: q, expected, expectedDecimals: Math.max(q.decimals, expected.decimalPlaces()) });
    }
    if (found.length !== 1) continue;
    for (const bd of levels) if (!results[bd.index].consistent) results[bd.index].rootCause = found[0];
  }
  return results;
}

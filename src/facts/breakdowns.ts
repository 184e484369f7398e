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
  above,
  type Interval,
  type Rounding,
  type RoundingMode,
} from './intervals.js';
import { isExact, quantities, sameUnit, type Quantity } from './quantities.js';
import {
  cueKindOf, ELLIPSIS_MARKS, HEAD_CUES, NEGATION_WORDS, NOT_COUNTED_WORDS, PLACE_PREPOSITIONS_EN, PLACE_UNITS, INCOMPLETE_MARKERS, INLINE_CUES, LIST_CLOSERS, NOT_REMAINDER, REMAINDER_PART_WORDS,
  SENTENCE_COMPLETE_CUES, SENTENCE_SUBSET_CUES, TOTAL_AFTER_PARTS, TOTAL_LINKS, TOTAL_CLOSING_PARTS, type CueKind,
} from './lexicon/figures.js';

export type { CueKind };

export interface Breakdown {
  index: number;
  /** list: a head and its items; inline: one sentence; next-sentence: the total closes the sentence before; parts-first: the total after its parts; enumeration: the parts in parentheses after the total. */
  kind: 'list' | 'inline' | 'next-sentence' | 'parts-first' | 'enumeration' | 'formula';
  cue: string;
  /** What the cue itself promises. */
  cueKind: CueKind;
  /** The reading the check uses: complete (Σ parts = total) or subset (Σ parts <= total). */
  reading: CueKind;
  /** Why that reading (the cue, a total word after the parts, a part named as the rest, an enumeration). */
  basis: Basis;
  /** The last part follows a conjunction (và, and): the list names every part it means to. */
  closed: boolean;
  /** The parts count kinds of the whole, in nouns other than the total's (xã, phường of đơn vị hành chính). */
  kinds: boolean;
  total: Quantity;
  parts: Quantity[];
  /** For each part, the index of the breakdown that details it (a nested list), or -1. */
  partDetail: number[];
  /** The breakdown this one details (its total is a part there), or -1. */
  parent: number;
  /** Some figure is hedged (khoảng, hơn, about…): never the basis of an error. */
  hedged: boolean;
  /** A calculation written out (A + B + C = D, A - B - C = D): its sign and its stated result. */
  formula?: { op: '+' | '-'; result: Quantity };
  /** The cue announces a list with a colon ("trong đó: A …, B …"): the parts are items of a list written inline. */
  announced?: boolean;
  /** The last part is the complement of the others (basis 'complement'): its negated words and the words it negates. */
  complement?: { yes: string; no: string };
}

// A list head ends with its cue (and usually a colon).
const HEAD_CUE = new RegExp(`(?:^|[^\\p{L}])(${HEAD_CUES.source})\\s*[:：]?\\s*$`, 'iu');
// An inline cue inside a sentence.
const INLINE_CUE = new RegExp(`(?:^|[^\\p{L}])(${INLINE_CUES.source})(?![\\p{L}])`, 'giu');
const INLINE_CUE_ONE = new RegExp(INLINE_CUE.source, 'iu');
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

/** Why a breakdown is read as a complete partition (or as notable parts only). */
export type Basis =
  /** the cue's own promise: gồm, bao gồm, comprising (complete); trong đó, of which (subset) */
  | 'cue'
  /** a total word stated after the parts: "… Tổng cộng: 750 triệu đồng", "…, for a total of $750" */
  | 'total-word'
  /** the last part is the rest of the whole ("thu khác", "còn lại", "other"): the list is exhaustive */
  | 'remainder'
  /** the parts in parentheses right after the figure, closed by "và"/"and" */
  | 'enumeration'
  /** a calculation written out with its signs: "25,4375 triệu đồng + 9 triệu đồng + 1,5 triệu đồng = 35,9375 triệu đồng" */
  | 'formula'
  /** the last part negates what the parts before it are ("… hình thành sau sắp xếp và 06 xã không thực hiện sắp xếp"): together they are the whole */
  | 'complement';

/** The last part joined by a conjunction (và, and): the list names every part it means to. */
const CLOSER = new RegExp(`(?:^|[^\\p{L}])(?:${LIST_CLOSERS.source})(?![\\p{L}])`, 'iu');
const CLOSER_ALL = new RegExp(`(?:^|[^\\p{L}])(?:${LIST_CLOSERS.source})(?![\\p{L}])`, 'giu');
const SEPARATOR = new RegExp(`[,;+]|(?:^|[^\\p{L}])(?:${LIST_CLOSERS.source})(?![\\p{L}])`, 'iu');
const REMAINDER_PART = new RegExp(`(?:^|[^\\p{L}])(${REMAINDER_PART_WORDS.source})(?![\\p{L}])`, 'giu');
const NOT_REMAINDER_RE = new RegExp(`^(?:${NOT_REMAINDER.source})(?![\\p{L}])`, 'iu');
const SENTENCE_CUE = new RegExp(`^\\s*(${SENTENCE_SUBSET_CUES.source}|${SENTENCE_COMPLETE_CUES.source})(?![\\p{L}])\\s*[,:：]?`, 'iu');
const PARTS_FIRST = new RegExp(`^\\s*(${TOTAL_AFTER_PARTS.source})\\s*[,:=]?\\s*(?:là|có|cộng|was|were|is|are|came to|amounted to)?\\s*(?:[:=]\\s*)?$`, 'iu');
const CLOSING_TOTAL = new RegExp(`(?:^|[^\\p{L}])(${TOTAL_CLOSING_PARTS.source})\\s*:?\\s*$`, 'iu');

/** A remainder word in `s` (not inside "khác nhau", "each other", "on the other hand"). */
function namesRemainder(s: string): boolean {
  const not = NOT_REMAINDER.all(s);
  for (const m of s.matchAll(REMAINDER_PART)) {
    const at = m.index! + m[0].length - m[1].length;
    const end = at + m[1].length;
    if (!not.some((n) => n.start < end && n.end > at)) return true;
  }
  return false;
}

/**
 * The label of the last part names it as the rest of the whole. Vietnamese writes the label
 * before the figure ("…, thu khác 500 tỷ đồng"), English after it ("… and $0.5 million for other
 * costs"); `before` is the text since the previous part, `after` the text to the next separator.
 */
function lastIsRemainder(before: string, after: string, en: boolean): boolean {
  if (en) return namesRemainder(after);
  const k = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
  return namesRemainder(before.slice(k + 1)) || namesRemainder(after);
}

/** Counts of kinds of the whole ("102 đơn vị hành chính, gồm 85 xã, 14 phường và 03 đặc khu"): nouns differ, all counts. */
function kindsOf(total: Quantity, parts: Quantity[]): boolean {
  return total.unit.family === 'count' && total.unit.scale.equals(1) && parts.every((p) => (p.unit.family === 'count' || p.unit.family === 'none') && p.unit.scale.equals(1) && p.decimals === 0);
}

/** A token of digits and letters right before the unit ("I9 dự án", "1O tỷ đồng"): a figure damaged by OCR or typing. */
function damagedFigure(gap: string, unit: string): boolean {
  if (!unit) return false;
  const at = gap.toLowerCase().indexOf(' ' + unit.toLowerCase());
  if (at < 0) return false;
  const token = gap.slice(0, at).split(/\s/).pop() ?? '';
  return /\d/.test(token) && /\p{L}/u.test(token);
}

interface Enumeration {
  parts: Quantity[];
  /** The last part follows a conjunction (và, and). */
  closed: boolean;
  /** The last part is named as the rest. */
  remainder: boolean;
  /** The parts count kinds of the whole (nouns other than the total's). */
  kinds: boolean;
  /** The last part negates the words of the one before it: the parts are a status and its complement. */
  complement?: { yes: string; no: string };
}

const WORDS_OF = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{M}-]+/u).filter(Boolean);

/**
 * The label of the last part negates words of the label before it: "79 xã … hình thành sau sắp
 * xếp … và 06 xã không thực hiện sắp xếp", "30 hộ đã thoát nghèo và 15 hộ chưa thoát nghèo",
 * "23 were paid correctly and 55 were not paid correctly". A negation word, then within four
 * words a pair of words (Vietnamese writes a word in syllables) or an English word of four letters
 * or more that the previous label states without a negation.
 */
export function complementOf(prevLabel: string, lastLabel: string): { yes: string; no: string } | undefined {
  if (NEGATION_WORDS.all(prevLabel).length) return undefined;
  const prev = WORDS_OF(prevLabel);
  const pairs = new Set(prev.slice(1).map((w, i) => `${prev[i]} ${w}`));
  for (const n of NEGATION_WORDS.all(lastLabel)) {
    // the negation must stand near the start of the label, not in a clause after it
    if (WORDS_OF(lastLabel.slice(0, n.start)).length > 3) break;
    const after = WORDS_OF(lastLabel.slice(n.end)).slice(0, 4);
    for (let i = 0; i < after.length; i++) {
      const pair = i + 1 < after.length ? `${after[i]} ${after[i + 1]}` : '';
      if (pair && pairs.has(pair)) return { yes: pair, no: `${n.phrase.toLowerCase()} ${after.slice(0, i + 2).join(' ')}` };
      if (/^[a-z]{4,}$/.test(after[i]) && prev.includes(after[i])) return { yes: after[i], no: `${n.phrase.toLowerCase()} ${after.slice(0, i + 1).join(' ')}` };
    }
  }
  return undefined;
}

/**
 * The parts of an enumeration after `from` (a cue's end), up to `stop`: amounts in the total's
 * unit (or unit-less after a count), each after a separator (`,` `;` `+` và and), none after a
 * nested cue, and none after the part a conjunction closed the list with ("A, B và C …, 550": not 550).
 */
function enumerate(doc: Document, list: Quantity[], total: Quantity, from: number, stop: number, opts: { kinds: boolean; sentence?: number; en: boolean }): Enumeration | undefined {
  const text = doc.text;
  const parts: Quantity[] = [];
  let closed = false;
  let prevEnd = from;
  for (const q of amounts(doc, list.filter((x) => x.span.start >= from && x.span.end <= stop), from)) {
    if (opts.sentence !== undefined && q.sentence !== opts.sentence) break;
    // what stands between two parts, asides in parentheses left out ("(gồm cả chi đầu tư)" is no nested cue)
    const gap = text.slice(prevEnd, q.span.start).replace(/\([^()]*\)/g, ' ');
    if (parts.length && (INLINE_CUE_ONE.test(gap) || closed || !SEPARATOR.test(gap))) break;
    // the conjunction right before this part (after the last comma) closes the list
    if (parts.length && CLOSER.test(gap.slice(Math.max(gap.lastIndexOf(','), gap.lastIndexOf(';')) + 1))) closed = true;
    // a figure we could not read stands there (OCR "I9 dự án", "1O tỷ đồng"): the enumeration cannot be checked
    if (parts.length && damagedFigure(gap, q.unit.raw || total.unit.raw)) return undefined;
    parts.push(q);
    prevEnd = q.span.end;
  }
  if (parts.length < 2) return undefined;
  const elliptical = (q: Quantity): boolean => total.unit.family === 'count' && !TEXT_NOUNS.has(total) && q.unit.family === 'none' && q.unit.scale.equals(1);
  let kinds = false;
  if (!parts.every((q) => sameUnit(q.unit, total.unit) || elliptical(q))) {
    if (!opts.kinds || !kindsOf(total, parts) || parts.every((q) => q.unit.family === 'none')) return undefined;
    kinds = true;
  }
  const last = parts[parts.length - 1];
  const before = text.slice(parts[parts.length - 2].span.end, last.span.start);
  const after = text.slice(last.span.end, Math.min(stop, last.span.end + 40)).split(/[,;.]/)[0];
  // counts of other nouns are kinds of the whole only when they are of its size (5 đoàn gồm 50 người, 10 xe: not kinds)
  if (kinds) {
    const sum = parts.reduce((a, p) => a.plus(p.value), new Decimal(0));
    if (sum.lessThan(total.value.times('0.5')) || sum.greaterThan(total.value.times('1.5'))) return undefined;
  }
  // the label of the part before the last runs from its figure to the conjunction; the last part's from the conjunction on
  const closers = [...before.matchAll(CLOSER_ALL)];
  const cut = closers.length ? closers[closers.length - 1] : undefined;
  const prevLabel = (cut ? before.slice(0, cut.index) : before).split(/[,;]/)[0];
  const lastLabel = (cut ? before.slice(cut.index! + cut[0].length) : '') + ' ' + after;
  const complement = closed ? complementOf(prevLabel, lastLabel) : undefined;
  return { parts, closed, remainder: lastIsRemainder(before, after, opts.en), kinds, complement };
}

// a lower-case word right after a bare figure: what it counts when the lexicon does not know the noun
const WORD_AFTER = /^[ \u00a0](\p{Ll}[\p{L}\p{M}]*)(?![\p{L}\p{M}\d])/u;

/**
 * Counts in nouns the lexicon does not know, taken from the text: a bare whole figure followed by a
 * word that follows at least three bare whole figures of its paragraph ("Tổng số bên đã thực hiện
 * là 906 bên. Trong đó, xã Văn Khê 456 bên, …") is a count of that word. Function words are never
 * nouns. Copies only: the other facts keep their quantities.
 */
/** Quantities whose noun was taken from the text: their parts must each repeat it (no bare figure stands for one). */
const TEXT_NOUNS = new WeakSet<Quantity>();

export function withTextNouns(doc: Document, qs: Quantity[]): Quantity[] {
  const text = doc.text;
  const wordOf = (q: Quantity): string | undefined => {
    if (q.unit.family !== 'none' || q.unit.raw !== '' || q.decimals !== 0 || !q.unit.scale.equals(1)) return undefined;
    const m = WORD_AFTER.exec(text.slice(q.valueSpan.end, q.valueSpan.end + 24));
    return m && !NOT_COUNTED_WORDS.has(m[1]) ? m[1] : undefined;
  };
  // a paragraph, or a list head with its items
  const group = (q: Quantity): number => {
    const b = doc.blocks[q.block];
    return b && b.marker && b.parent >= 0 ? b.parent : q.block;
  };
  const tally = new Map<string, number>();
  const words = qs.map((q) => {
    const w = wordOf(q);
    if (w) tally.set(`${group(q)}|${w}`, (tally.get(`${group(q)}|${w}`) ?? 0) + 1);
    return w;
  });
  return qs.map((q, i) => {
    const w = words[i];
    if (!w || (tally.get(`${group(q)}|${w}`) ?? 0) < 3) return q;
    const end = q.valueSpan.end + 1 + w.length;
    const copy: Quantity = { ...q, span: { start: q.span.start, end }, unit: { family: 'count', scale: q.unit.scale, noun: w, raw: w } };
    TEXT_NOUNS.add(copy);
    return copy;
  });
}

/**
 * Parts named first, each amount alone in parentheses after its name: "$14.1 billion including cash
 * and cash equivalents ($4.6 billion) and short-term investments in U.S. Treasury securities ($9.5
 * billion)". Every amount of the clause in the total's unit stands so, two at least, and the last
 * follows a conjunction.
 */
function parenthesized(doc: Document, list: Quantity[], total: Quantity, from: number, stop: number): Enumeration | undefined {
  const text = doc.text;
  const inClause = list.filter((q) => q.span.start >= from && q.span.end <= stop && q.sentence === total.sentence);
  if (inClause.length < 2 || !inClause.every((q) => sameUnit(q.unit, total.unit))) return undefined;
  let prevEnd = from;
  let closed = false;
  for (const q of inClause) {
    if (!/\(\s*$/.test(text.slice(prevEnd, q.span.start)) || !/^\s*\)/.test(text.slice(q.span.end, q.span.end + 3))) return undefined;
    // the name between the parts: words only, no nested cue
    const name = text.slice(prevEnd, q.span.start);
    if (/\d/.test(name.replace(/^\s*\)/, '')) || INLINE_CUE_ONE.test(name)) return undefined;
    closed = CLOSER.test(name.slice(Math.max(name.lastIndexOf(','), 0)));
    prevEnd = text.indexOf(')', q.span.end) + 1;
  }
  const tail = text.slice(prevEnd, stop);
  if (!closed || /\d/.test(tail) || tail.trim().length > 40) return undefined;
  return { parts: inClause, closed, remainder: false, kinds: false };
}

export function findBreakdowns(doc: Document, qsIn: Quantity[], locale: 'vi' | 'en' = 'vi'): Breakdown[] {
  const en = locale === 'en';
  const qs = withTextNouns(doc, qsIn);
  const blocksQ = byBlock(qs);
  const out: Breakdown[] = [];
  const byTotal = new Map<number, number>(); // total quantity index -> breakdown index
  const text = doc.text;
  const add = (bd: Omit<Breakdown, 'index' | 'partDetail' | 'parent' | 'hedged'>): void => {
    if (byTotal.has(bd.total.index)) return;
    const full: Breakdown = { ...bd, index: out.length, partDetail: bd.parts.map(() => -1), parent: -1, hedged: bd.total.hedged || bd.parts.some((p) => p.hedged) };
    byTotal.set(bd.total.index, full.index);
    out.push(full);
  };
  const reading = (cue: string, remainder: boolean, complement?: Enumeration['complement']): { cueKind: CueKind; reading: CueKind; basis: Basis; complement?: Enumeration['complement'] } => {
    const cueKind = cueKindOf(cue);
    if (remainder && cueKind === 'subset') return { cueKind, reading: 'complete', basis: 'remainder' };
    if (complement && cueKind === 'subset') return { cueKind, reading: 'complete', basis: 'complement', complement };
    return { cueKind, reading: cueKind, basis: 'cue' };
  };

  // calculations written out first: the most explicit claim a text makes
  readFormulas(doc, blocksQ, add);

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
      const tail = text.slice(total.span.end, head.content.end);
      if (INCOMPLETE.test(tail) || kids.some((k) => INCOMPLETE.test(k.text.slice(-12)))) break;
      const lastKid = kids[kids.length - 1];
      add({ kind: 'list', cue: cueM[1], ...reading(cueM[1], namesRemainder(lastKid.text)), closed: false, kinds: false, total, parts });
      break;
    }
  }

  // Inline breakdowns: total, cue, then at least two parts in the same sentence (up to a `;`).
  for (const [, list] of blocksQ) {
    const b = doc.blocks[list[0].block];
    if (!b || b.kind === 'table') continue;
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
      // the total's unit again without a figure ("85.000 USD, doanh số USD, trong đó"): a figure was lost (text of two columns run together)
      if (total.unit.raw && new RegExp(`(?<![\\p{L}\\p{M}])${total.unit.raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'iu').test(between)) continue;
      // the clause of the parts: up to `;`, the sentence end or the block end
      let stop = b.content.end;
      // "trong đó: a; b; c." runs to the sentence end; otherwise the clause ends at `;`
      const semi = text.slice(cueEnd, b.content.end).search(/^\s*:/.test(text.slice(cueEnd, cueEnd + 3)) ? /\.(?:\s|$)/ : /[;]|\.(?:\s|$)/);
      if (semi >= 0) stop = cueEnd + semi;
      // a cue inside parentheses ("125 trạm (trong đó: …)") ends at the closing one
      if (inParens) {
        const close = closingParen(text, cueEnd, stop);
        if (close >= 0) stop = close;
      }
      const firstPart = list.find((q) => q.span.start >= cueEnd);
      const partsSentence = sentenceBreak ? firstPart?.sentence : total.sentence;
      if (partsSentence === undefined) continue;
      const e = enumerate(doc, list, total, cueEnd, stop, { kinds: cueKindOf(m[1]) === 'complete', sentence: partsSentence, en }) ?? parenthesized(doc, list, total, cueEnd, stop);
      if (!e) continue;
      if (INCOMPLETE.test(text.slice(cueStart, stop))) continue;
      const announced = /^\s*[:：]/.test(text.slice(cueEnd, cueEnd + 3));
      add({ kind: 'inline', cue: m[1], ...reading(m[1], e.remainder, e.complement), closed: e.closed, kinds: e.kinds, total, parts: e.parts, announced });
    }
  }

  for (const { head, cueM, cueStart, next } of carried) {
    const headQs = amounts(doc, (blocksQ.get(head.index) ?? []).filter((q) => q.span.end <= cueStart), head.content.start);
    const total = headQs[headQs.length - 1];
    if (!total || !ADDITIVE.has(total.unit.family) || byTotal.has(total.index)) continue;
    if (!/^[^;:.]*[;,.]?\s*$/.test(text.slice(total.span.end, cueStart).replace(/\d[.,]\d/g, ''))) continue;
    let stop = next.content.end;
    const end = text.slice(next.content.start, next.content.end).search(/[;]|\.(?:\s|$)/);
    if (end >= 0) stop = next.content.start + end;
    const parts = amounts(doc, (blocksQ.get(next.index) ?? []).filter((q) => q.span.end <= stop), next.content.start);
    if (parts.length < 2 || !parts.every((q) => sameUnit(q.unit, total.unit))) continue;
    if (INCOMPLETE.test(text.slice(cueStart, stop))) continue;
    add({ kind: 'inline', cue: cueM[1], ...reading(cueM[1], false), closed: false, kinds: false, total, parts, announced: /[:：]\s*$/.test(head.text) });
  }

  readRestatements(doc, blocksQ, out, en);

  // a figure already read as a part is not the total of the next sentence's breakdown
  const partOf = new Set(out.flatMap((bd) => bd.parts.map((p) => p.index)));
  readNextSentence(doc, blocksQ, add, en, partOf);
  readEnumerations(doc, blocksQ, add, en);
  readPartsFirst(doc, blocksQ, add);

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

type Add = (bd: Omit<Breakdown, 'index' | 'partDetail' | 'parent' | 'hedged'>) => void;

/** Right after an English figure (and its noun): "in Springfield", "at Dayton", each word capitalised, then a separator or the end. */
const PLACE_AFTER_EN = new RegExp(`^(?:\\s+[\\p{Ll}]+){0,2}?\\s+(?:${PLACE_PREPOSITIONS_EN.source})\\s+((?:\\p{Lu}[\\p{L}'’.-]*)(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3})\\s*(?:[,;.)]|\\s+(?:${LIST_CLOSERS.source})(?![\\p{L}])|$)`, 'u');
const PLACE_NAMED = new RegExp(`(?:^|[^\\p{L}])(?:${PLACE_UNITS.source})\\s+((?:\\p{Lu}[\\p{L}\\p{M}'’]*\\s*)+)`, 'giu');

/**
 * The parts are each named by a place ("phường Tân Dân có 574 cơ quan, phường Cửa Đông có 461 cơ
 * quan", "xã Vĩnh An 122 thành viên, …"), all different: places do not overlap, so parts of
 * one whole named by them cannot add up to more than it.
 */
export function partsArePlaces(text: string, bd: Breakdown, en = false): boolean {
  const names = new Set<string>();
  for (let i = 0; i < bd.parts.length; i++) {
    const p = bd.parts[i];
    let name: string | undefined;
    if (en) {
      // English names the place after the figure: "120 in Springfield, 200 in Dayton, and 131 in Akron"
      const to = i + 1 < bd.parts.length ? bd.parts[i + 1].span.start : p.span.end + 60;
      const m = PLACE_AFTER_EN.exec(text.slice(p.span.end, to));
      if (m) name = m[1];
    } else {
      const from = i === 0 ? Math.max(bd.total.span.end, p.span.start - 60) : bd.parts[i - 1].span.end;
      const label = [...text.slice(from, p.span.start).matchAll(PLACE_NAMED)];
      if (label.length === 1) name = label[0][0];
    }
    if (!name) return false;
    name = name.trim().toLowerCase().replace(/\s+/gu, ' ');
    if (names.has(name)) return false;
    names.add(name);
  }
  return true;
}

// The signs of a calculation between two figures: an optional per-unit tail (đồng/giờ), then the
// sign. A hyphen or dash is a minus only with spaces on both sides (10-15 is a range).
const PLUS_GAP = /^(\/\p{L}+)?\s*\+\s*$/u;
const MINUS_GAP = /^(\/\p{L}+)?(?:\s+[-–—]\s+|\s*−\s*)$/u;
const EQUALS_GAP = /^(\/\p{L}+)?\s*=\s*$/u;
// what may not stand right before the first figure or right after the result: another operation
// (2 x 100 + 50 = 250 is not 100 + 50 = 250), a division, a decimal or a sign
const OPERATION_BEFORE = /(?:[-+−–—×*/÷=^.,]|(?:^|\s)[xX])[ \t\u00a0]*$/u;
const OPERATION_AFTER = /^[ \t\u00a0]*(?:[-+−–—×*/÷^]|[xX](?:\s|\d|$)|[.,]\d)/u;
const PER_UNIT_TAIL = /^\/\p{L}+/u;

/**
 * Calculations written out with their signs, in one clause: "25,4375 triệu đồng + 9 triệu đồng +
 * 1,5 triệu đồng = 35,9375 triệu đồng", "60.000 đồng/giờ - 40.000 đồng/giờ = 20.000 đồng/giờ".
 * Every term is in one unit (with the same per-unit tail), joined by one sign throughout; no
 * other operation touches the chain. A sum is a complete breakdown of its result; a difference
 * A - B - C = D one of A into B, C and D.
 */
function readFormulas(doc: Document, blocksQ: Map<number, Quantity[]>, add: Add): void {
  const text = doc.text;
  for (const list of blocksQ.values()) {
    const b = doc.blocks[list[0].block];
    if (!b) continue;
    for (let i = 0; i + 2 < list.length; i++) {
      const first = list[i];
      if (OPERATION_BEFORE.test(text.slice(Math.max(b.content.start, first.span.start - 8), first.span.start))) continue;
      let op: '+' | '-' | undefined;
      const terms: Quantity[] = [first];
      const tails: string[] = [];
      let result: Quantity | undefined;
      for (let j = i + 1; j < list.length; j++) {
        const gap = text.slice(list[j - 1].span.end, list[j].span.start);
        const eq = EQUALS_GAP.exec(gap);
        if (eq) {
          if (terms.length >= 2) result = list[j];
          tails.push(eq[1] ?? '');
          break;
        }
        const plus = PLUS_GAP.exec(gap);
        const minus = plus ? null : MINUS_GAP.exec(gap);
        const sign = plus ? '+' : minus ? '-' : undefined;
        if (!sign || (op && op !== sign)) break;
        op = sign;
        tails.push((plus ?? minus)![1] ?? '');
        terms.push(list[j]);
      }
      if (!result || !op) continue;
      const rest = text.slice(result.span.end, result.span.end + 24);
      const tail = PER_UNIT_TAIL.exec(rest)?.[0] ?? '';
      if (OPERATION_AFTER.test(rest.slice(tail.length))) continue;
      // one per-unit tail for every term (đồng/giờ - đồng/giờ = đồng/giờ); a result may add one to
      // terms that have none (… triệu đồng = 35,9375 triệu đồng/tháng)
      if (tails.some((t) => t !== tails[0]) || (tail !== tails[0] && tails[0] !== '')) continue;
      const all = [...terms, result];
      if (!all.every((q) => sameUnit(q.unit, first.unit) && q.unit.family !== 'time')) continue;
      // a bare figure in a sum of amounts with units is a factor or a count, not a term
      if (all.some((q) => (q.unit.raw === '') !== (first.unit.raw === ''))) continue;
      const total = op === '+' ? result : first;
      const parts = op === '+' ? terms : [...terms.slice(1), result];
      add({ kind: 'formula', cue: '=', cueKind: 'complete', reading: 'complete', basis: 'formula', closed: true, kinds: false, total, parts, formula: { op, result } });
      i += terms.length; // the chain is read; the next one starts after its result
    }
  }
}

const RESTATEMENT_CUE = new RegExp(`^\\s*;\\s*(${SENTENCE_SUBSET_CUES.source}|${SENTENCE_COMPLETE_CUES.source})(?![\\p{L}])\\s*[,:：]?\\s*(?:${TOTAL_LINKS.source})?(?![\\p{L}])`, 'iu');

/**
 * A second breakdown of the same whole, in the same kinds, right after a complete one: "… có 102
 * đơn vị hành chính cấp xã, gồm 85 xã, 14 phường và 03 đặc khu; trong đó có 79 xã, 14 phường, 03
 * đặc khu hình thành sau sắp xếp … và 06 xã không thực hiện sắp xếp". The cue after the `;` points
 * back to the whole, not to the last part ("03 đặc khu"): every part counts one of the kinds the
 * first breakdown named. Read as the cue promises (parts within the whole), or complete when the
 * last part is the complement of the others.
 */
function readRestatements(doc: Document, blocksQ: Map<number, Quantity[]>, out: Breakdown[], en: boolean): void {
  const text = doc.text;
  for (const first of [...out]) {
    if (first.kind !== 'inline' || first.cueKind !== 'complete' || !first.kinds) continue;
    const list = blocksQ.get(first.total.block) ?? [];
    const last = first.parts[first.parts.length - 1];
    const semi = text.indexOf(';', last.span.end);
    const next = list.find((q) => q.span.start > last.span.end);
    if (semi < 0 || !next || next.span.start < semi) continue;
    // nothing but words between the last part and the `;`
    const cueM = RESTATEMENT_CUE.exec(text.slice(semi, next.span.start));
    if (!cueM) continue;
    const cueEnd = semi + cueM[0].length;
    const cue = cueM[1];
    const b = doc.blocks[first.total.block];
    const dot = text.slice(cueEnd, b.content.end).search(/[.;](?:\s|$)/);
    const stop = dot >= 0 ? cueEnd + dot : b.content.end;
    const e = enumerate(doc, list, first.total, cueEnd, stop, { kinds: true, sentence: first.total.sentence, en });
    if (!e || !e.kinds || INCOMPLETE.test(text.slice(cueEnd, stop))) continue;
    const nouns = new Set(first.parts.map((p) => p.unit.raw.toLowerCase()));
    if (!e.parts.every((p) => nouns.has(p.unit.raw.toLowerCase()))) continue;
    const cueKind = cueKindOf(cue) === 'subset' || SENTENCE_SUBSET_CUES.has(cue) ? 'subset' : 'complete';
    const basis: Basis = cueKind === 'subset' && e.remainder ? 'remainder' : cueKind === 'subset' && e.complement ? 'complement' : 'cue';
    out.push({
      index: out.length, kind: 'inline', cue, cueKind, reading: basis === 'cue' ? cueKind : 'complete', basis, complement: basis === 'complement' ? e.complement : undefined,
      closed: e.closed, kinds: true, total: first.total, parts: e.parts, partDetail: e.parts.map(() => -1), parent: -1,
      hedged: first.total.hedged || e.parts.some((p) => p.hedged),
    });
  }
}

/**
 * The total closes one sentence and the next opens with a cue that points back to it: "Tổng số
 * 1.250 hộ. Trong đó, hộ nghèo 320 hộ, …"; "… a total of $12.5 million. Of this amount, $4.2
 * million …". The total is the last amount of the previous sentence, which must state no other
 * amount in the parts' unit after it.
 */
function readNextSentence(doc: Document, blocksQ: Map<number, Quantity[]>, add: Add, en: boolean, partOf: ReadonlySet<number>): void {
  const text = doc.text;
  const bySentence = new Map<number, Quantity[]>();
  for (const list of blocksQ.values()) for (const q of list) if (q.sentence >= 0) (bySentence.get(q.sentence) ?? bySentence.set(q.sentence, []).get(q.sentence)!).push(q);
  for (const [s, list] of bySentence) {
    const prev = bySentence.get(s - 1);
    if (!prev) continue;
    const b = doc.blocks[list[0].block];
    const pb = doc.blocks[prev[prev.length - 1].block];
    if (!b || !pb || b.kind === 'table' || (b.index !== pb.index && (b.marker || pb.marker))) continue;
    // the sentence starts with the cue (its own start is the first figure's block start or a sentence boundary)
    const sentStart = sentenceStartBefore(text, list[0].span.start, b.content.start);
    const cueM = SENTENCE_CUE.exec(text.slice(sentStart, list[0].span.start));
    if (!cueM) continue;
    const cue = cueM[1];
    const cueEnd = sentStart + cueM[0].length;
    const prevAmounts = amounts(doc, prev, pb.content.start).filter((q) => ADDITIVE.has(q.unit.family));
    const total = prevAmounts[prevAmounts.length - 1];
    if (!total || parenDepth(text, pb.content.start, total.span.start) > 0) continue;
    // the last amount closes a breakdown of its own ("Tổng số 47 đơn, gồm …, 4 đơn kiến nghị. Cụ thể: …"):
    // it is a part, and the next sentence details the whole or that part, which the text does not say
    if (partOf.has(total.index)) continue;
    // after the total only words (no figure of its unit) to the end of its sentence
    if (prev.some((q) => q.span.start > total.span.start && q.unit.family !== 'percent')) continue;
    // the parts run to the end of the sentence, or to a `;` unless the cue opens a list with a colon
    const last = list[list.length - 1].span.end;
    const dot = text.slice(last, b.content.end).search(/[.!?](?:\s|$)/);
    let stop = dot >= 0 ? last + dot : b.content.end;
    const semi = /:/.test(cueM[0]) ? -1 : text.slice(cueEnd, stop).indexOf(';');
    if (semi >= 0) stop = cueEnd + semi;
    const kind = cueKindOf(cue) === 'subset' || SENTENCE_SUBSET_CUES.has(cue) ? 'subset' : 'complete';
    const e = enumerate(doc, list, total, cueEnd, stop, { kinds: kind === 'complete', sentence: s, en });
    if (!e || INCOMPLETE.test(text.slice(cueEnd, stop))) continue;
    const cueKind: CueKind = kind;
    add({
      kind: 'next-sentence', cue, cueKind,
      ...(e.remainder && cueKind === 'subset'
        ? { reading: 'complete' as const, basis: 'remainder' as const }
        : e.complement && cueKind === 'subset'
          ? { reading: 'complete' as const, basis: 'complement' as const, complement: e.complement }
          : { reading: cueKind, basis: 'cue' as const }),
      announced: /:/.test(cueM[0]),
      closed: e.closed, kinds: e.kinds, total, parts: e.parts,
    });
  }
}

/** Start of the sentence that holds `at`, not before `floor`. */
function sentenceStartBefore(text: string, at: number, floor: number): number {
  for (let i = at - 1; i > floor; i--) {
    if ((text[i] === '.' || text[i] === '!' || text[i] === '?') && /\s/.test(text[i + 1] ?? '') && !/\d/.test(text[i - 1] ?? '')) return i + 1;
  }
  return floor;
}

/**
 * The parts in parentheses right after the figure, closed by a conjunction: "102 đơn vị hành
 * chính (85 xã, 14 phường và 03 đặc khu)", "25 organizations (3 agencies, 8 districts, and 14
 * schools)". An enumeration names every member: complete.
 */
function readEnumerations(doc: Document, blocksQ: Map<number, Quantity[]>, add: Add, en: boolean): void {
  const text = doc.text;
  for (const list of blocksQ.values()) {
    for (let i = 0; i + 2 < list.length; i++) {
      const total = list[i];
      if (!ADDITIVE.has(total.unit.family) || total.unit.family === 'none') continue;
      if (!/^\s*\(\s*$/.test(text.slice(total.span.end, list[i + 1].span.start).replace(/^[^\d(]{0,40}?(?=\()/u, ''))) continue;
      // the figure stands alone in its clause: "…55 dự án và 73 dự án (01 … và 127 …)" sums the clause, not its last figure
      const clauseStart = Math.max(sentenceStartBefore(text, total.span.start, doc.blocks[total.block]?.content.start ?? 0), text.lastIndexOf(';', total.span.start) + 1);
      if (list.some((q) => q !== total && q.span.start >= clauseStart && q.span.start < total.span.start && sameUnit(q.unit, total.unit))) continue;
      const open = text.indexOf('(', total.span.end);
      const close = closingParen(text, open + 1, Math.min(text.length, open + 400));
      if (close < 0) continue;
      const e = enumerate(doc, list, total, open + 1, close, { kinds: true, sentence: total.sentence, en });
      if (!e || !e.closed || INCOMPLETE.test(text.slice(open, close))) continue;
      if (e.parts[e.parts.length - 1].span.end < close - 60) continue;
      add({ kind: 'enumeration', cue: '( … )', cueKind: 'complete', reading: 'complete', basis: 'enumeration', closed: true, kinds: e.kinds, total, parts: e.parts });
    }
  }
}

/**
 * A total stated after its parts. A sentence (or a block) that opens with a total word and its
 * figure ("Tổng cộng: 750 triệu đồng") totals the amounts of the sentence before it, or of the
 * run of list items right before it, each stating one amount in its unit; a clause that closes a
 * sentence ("…, for a total of $750") totals the amounts before it in that sentence.
 */
function readPartsFirst(doc: Document, blocksQ: Map<number, Quantity[]>, add: Add): void {
  const text = doc.text;
  const bySentence = new Map<number, Quantity[]>();
  for (const list of blocksQ.values()) for (const q of list) if (q.sentence >= 0) (bySentence.get(q.sentence) ?? bySentence.set(q.sentence, []).get(q.sentence)!).push(q);
  for (const [s, list] of bySentence) {
    const b = doc.blocks[list[0].block];
    if (!b || b.kind === 'table') continue;
    const first = amounts(doc, list, b.content.start).filter((q) => ADDITIVE.has(q.unit.family));
    // closing: "A 250, B 300 và C 150, tổng cộng 700 triệu đồng"
    for (let i = 2; i < first.length; i++) {
      const total = first[i];
      const glue = text.slice(first[i - 1].span.end, total.span.start);
      const m = CLOSING_TOTAL.exec(glue);
      if (!m || !/[,;(–-]/.test(glue.slice(0, m.index + 1))) continue;
      const clauseStart = Math.max(sentenceStartBefore(text, first[0].span.start, b.content.start), text.lastIndexOf(';', first[0].span.start) + 1);
      const parts = first.slice(0, i).filter((q) => q.span.start >= clauseStart);
      if (parts.length < 2 || !parts.every((q) => sameUnit(q.unit, total.unit))) continue;
      if (!parts.every((q, k) => k === 0 || SEPARATOR.test(text.slice(parts[k - 1].span.end, q.span.start)))) continue;
      if (INCOMPLETE.test(text.slice(clauseStart, total.span.start))) continue;
      add({ kind: 'parts-first', cue: m[1], cueKind: 'complete', reading: 'complete', basis: 'total-word', closed: false, kinds: false, total, parts });
    }
    // opening: "… xã C 150 triệu đồng. Tổng cộng: 750 triệu đồng."
    const total = first[0];
    if (!total || first.some((q) => q !== total && sameUnit(q.unit, total.unit))) continue;
    const start = sentenceStartBefore(text, total.span.start, b.content.start);
    const m = PARTS_FIRST.exec(text.slice(start, total.span.start));
    if (!m) continue;
    let parts: Quantity[] | undefined;
    const prev = bySentence.get(s - 1);
    if (start > b.content.start && prev && prev[0].block === b.index) {
      // the sentence before, in the same paragraph
      const ps = amounts(doc, prev, b.content.start);
      if (ps.length >= 2 && ps.every((q) => sameUnit(q.unit, total.unit)) && !INLINE_CUE_ONE.test(text.slice(ps[0].span.start, ps[ps.length - 1].span.end))) parts = ps;
    } else if (start === b.content.start) {
      parts = listBefore(doc, blocksQ, b, total);
    }
    if (!parts || parts.some((q) => q.hedged !== total.hedged && q.hedged)) continue;
    if (INCOMPLETE.test(text.slice(parts[0].span.start, total.span.start))) continue;
    add({ kind: 'parts-first', cue: m[1], cueKind: 'complete', reading: 'complete', basis: 'total-word', closed: false, kinds: false, total, parts });
  }
}

/** The run of list items (or short lines) right before block `b`, each stating one amount in the total's unit. */
function listBefore(doc: Document, blocksQ: Map<number, Quantity[]>, b: Block, total: Quantity): Quantity[] | undefined {
  const parts: Quantity[] = [];
  let parent: number | undefined;
  let marked: boolean | undefined;
  for (let j = b.index - 1; j >= 0; j--) {
    const k = doc.blocks[j];
    if (k.kind === 'table' || k.kind === 'heading') break;
    const isMarked = !!k.marker;
    if (marked === undefined) marked = isMarked;
    if (isMarked !== marked) break;
    if (parent === undefined) parent = k.parent;
    if (k.parent !== parent) break;
    if (!marked && k.text.length > 120) break;
    const same = amounts(doc, blocksQ.get(k.index) ?? [], k.content.start).filter((q) => sameUnit(q.unit, total.unit));
    if (same.length !== 1) break;
    // a list head ("Kinh phí gồm:") or an item with its own breakdown ends the run
    if (HEAD_CUE.test(k.text) || INLINE_CUE_ONE.test(k.text)) break;
    parts.unshift(same[0]);
  }
  return parts.length >= 2 ? parts : undefined;
}

export const breakdowns = defineFact('breakdowns', (doc: Document, facts, settings): Breakdown[] => findBreakdowns(doc, facts.get(quantities), settings.locale));

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

/**
 * A calculation written out is done on its figures as written: the exact result of the terms
 * must round to the stated result (the terms are not widened to the precision they are stated
 * to; only the result is, as it may be rounded).
 */
function formulaHolds(bd: Breakdown, rounding: Rounding): boolean {
  const { op, result } = bd.formula!;
  const terms = op === '+' ? bd.parts : [bd.total, ...bd.parts.filter((p) => p.index !== result.index)];
  const value = op === '+' ? terms.reduce((a, q) => a.plus(q.base), new Decimal(0)) : terms.slice(1).reduce((a, q) => a.minus(q.base), terms[0].base);
  return modesOf(rounding).some((mode) => intersects(point(value), ivOf(result, mode, new Map())));
}

/**
 * A part that alone is larger than its total, in every rounding mode: whatever the cue promises
 * (a complete breakdown or only parts within the whole, which may overlap), no part of a whole
 * can be more than the whole ("Tổng số 820 hộ, trong đó hộ nghèo 235 hộ, hộ cận nghèo 1.250 hộ").
 */
export function partAboveTotal(bd: Breakdown, rounding: Rounding, all: readonly Quantity[]): Quantity | undefined {
  const empty: Override = new Map();
  // the pairing must be sure: another amount in the total's unit in its sentence ("truy thu 1.008 tỷ
  // đồng; giảm lỗ 13.653 tỷ đồng; … 6.839 tỷ đồng. Trong đó … truy thu 431 tỷ, giảm lỗ 6.688 tỷ") means
  // the parts may detail any of them, each its own; then a part above the one paired proves nothing
  const partIdx = new Set(bd.parts.map((p) => p.index));
  if (bd.total.sentence < 0 || all.some((q) => q.index !== bd.total.index && !partIdx.has(q.index) && q.sentence === bd.total.sentence && sameUnit(q.unit, bd.total.unit))) return undefined;
  // counts of kinds of the whole (85 xã of 102 đơn vị hành chính) are parts of it too
  const comparable = (p: Quantity): boolean => sameUnit(p.unit, bd.total.unit) || (bd.kinds && p.unit.scale.equals(1) && (p.unit.family === 'count' || p.unit.family === 'none'));
  return bd.parts.find((p) => comparable(p) && modesOf(rounding).every((mode) => above(ivOf(p, mode, empty), ivOf(bd.total, mode, empty))));
}

/** Checks every breakdown; for trees with two or more levels, looks for a single root cause. */
export function checkTree(list: Breakdown[], rounding: Rounding): LevelResult[] {
  const results: LevelResult[] = [];
  const empty: Override = new Map();
  for (const bd of list) {
    const consistent = bd.formula ? formulaHolds(bd, rounding) : treeOk([bd], rounding, empty);
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

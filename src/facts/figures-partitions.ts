// Partitions: a whole split by status into parts in one sentence, the last part closing the split
// ("tiếp nhận 55 đơn thư, đã giải quyết 40 đơn, còn 15 đơn đang giải quyết"; "biên chế 51 người;
// hiện có 48, còn thiếu 3"; "received 41, resolved 24, and 14 are still pending"; "Of the 80 claims
// reviewed, 23 were paid correctly and 55 incorrectly"). The whole is introduced by a receiving or
// totalling verb, a quota, a passive ("41 complaints were received"), or opens the sentence ("Of
// the 80 claims"); the split closes with a remainder (`còn`, `còn lại`, `remaining`, `pending`…)
// or with two parts whose words are each other's negation (đạt / không đạt, correctly /
// incorrectly). Every part is in the whole's unit (or unit-less after a count) and none is larger than the
// whole. Percentages, years and figures in parentheses
// are mentions, not parts; a figure in the whole's unit in parentheses (a carry-over) makes the
// split unsure. Breakdowns with a cue (gồm, trong đó…) are left to `breakdowns`.
//
// API: fact `partitions` -> Partition[] { whole, parts (closing part last), sentence, closing }.

import { defineFact } from '../engine/facts.js';
import type { Document } from '../parse/document.js';
import {
  DECREASE_WORDS, INCREASE_WORDS, NEGATION_PREFIXES, NEGATION_WORDS, PENDING_AFTER, PENDING_BEFORE, PENDING_COPULAS, PENDING_STATES, QUOTA_WORDS, REMAINDER_BEFORE, REMAINDER_WORDS,
  SPLIT_EXCLUDING_CUES, WHOLE_OPENERS, WHOLE_PASSIVES, WHOLE_VERBS,
} from './lexicon/figures.js';
import { quantities, sameUnit, type Quantity } from './quantities.js';
import { sentences, type Sentence } from './sentences.js';

export interface Partition {
  whole: Quantity;
  /** The parts in text order; the last closes the split. */
  parts: Quantity[];
  sentence: number;
  /** How the split closes: the last part is the remainder, or the two parts are complements. */
  closing: { kind: 'remainder'; word: string } | { kind: 'complement'; yes: string; no: string };
}

const WHOLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${WHOLE_VERBS.source}|${QUOTA_WORDS.source})\\s*(?:[\\p{L}\\s]{0,24}?)?[:\\s]\\s*$`, 'iu');
const WHOLE_OPENING = new RegExp(`^\\s*(?:${WHOLE_OPENERS.source})\\s*$`, 'iu');
const WHOLE_PASSIVE = new RegExp(`^\\s*(?:[\\p{L}]+\\s+){0,3}?(?:${WHOLE_PASSIVES.source})(?![\\p{L}])`, 'iu');
const REMAINDER_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}])(${REMAINDER_BEFORE.source})\\s*$`, 'iu');
const REMAINDER_WORD = new RegExp(`(?:^|[^\\p{L}])(${REMAINDER_WORDS.source})(?![\\p{L}])`, 'iu');
const REMAINDER_AFTER = new RegExp(
  `^\\s*(?:[\\p{L}]+\\s+){0,2}?(${PENDING_AFTER.source}|(?:(?:${PENDING_COPULAS.source})\\s)?(?:${PENDING_STATES.source}))(?![\\p{L}])`,
  'iu',
);
const PENDING_BEFORE_RE = new RegExp(`^\\s*(?:(?:và|and)\\s+)?(${PENDING_BEFORE.source})(?:\\s+[\\p{L}]+){1,3}\\s*$`, 'iu');
const CUE = new RegExp(`(?:^|[^\\p{L}])(?:${SPLIT_EXCLUDING_CUES.source})(?![\\p{L}])`, 'iu');
const SEPARATOR = /[,;]|(?:^|[^\p{L}])(?:và|and|với|with)(?![\p{L}])/iu;
const PART_KINDS = new Set(['count', 'money', 'area', 'length', 'mass', 'none']);
// a figure of change ("tăng 12 đơn so với năm 2024") compares the whole with another period: no part of it
const CHANGE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${INCREASE_WORDS.source}|${DECREASE_WORDS.source}|more|fewer|less)\\s*(?:thêm\\s*)?$`, 'iu');
const NEGATION = new RegExp(`(?:^|[^\\p{L}])(?:${NEGATION_WORDS.source})\\s+$`, 'iu');

/** Depth of parentheses at each quantity: those outside, and whether one in the whole's unit is inside. */
function splitByParens(text: string, from: number, qs: Quantity[]): { outside: Quantity[]; inside: Quantity[] } {
  let depth = 0;
  let at = from;
  const outside: Quantity[] = [];
  const inside: Quantity[] = [];
  for (const q of qs) {
    for (; at < q.span.start; at++) {
      if (text[at] === '(') depth++;
      else if (text[at] === ')' && depth > 0) depth--;
    }
    (depth === 0 ? outside : inside).push(q);
  }
  return { outside, inside };
}

const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{M}-]+/u).filter((w) => w.length >= 2);

/**
 * The words after the second part negate words after the first: "đạt yêu cầu" / "không đạt yêu
 * cầu", "paid correctly" / "incorrectly", "compliant" / "noncompliant", "approved" / "not approved".
 */
function complement(first: string, second: string): { yes: string; no: string } | undefined {
  const a = words(first);
  const low = second.toLowerCase();
  for (const w of a) {
    if (w.length < 3 && !/[\u00c0-\u1ef9]/u.test(w)) continue;
    for (const pre of NEGATION_PREFIXES) {
      if (new RegExp(`(?:^|[^\\p{L}])${pre}${w}(?![\\p{L}])`, 'u').test(low)) return { yes: w, no: pre + w };
    }
    const at = low.search(new RegExp(`(?:^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u'));
    if (at >= 0) {
      const before = low.slice(0, at + (low[at] === w[0] ? 0 : 1));
      const neg = NEGATION.exec(before);
      if (neg) return { yes: w, no: `${neg[0].trim()} ${w}` };
    }
  }
  return undefined;
}

/** How the split closes at part `q`, if it does. */
function closes(text: string, whole: Quantity, parts: Quantity[], stop: number): Partition['closing'] | undefined {
  const q = parts[parts.length - 1];
  const prevEnd = parts.length > 1 ? parts[parts.length - 2].span.end : whole.span.end;
  const before = text.slice(Math.max(prevEnd, q.span.start - 16), q.span.start);
  const after = text.slice(q.span.end, Math.min(stop, q.span.end + 40));
  const rb = REMAINDER_BEFORE_RE.exec(before.replace(/[,\s]+$/, ' '));
  const rw = REMAINDER_WORD.exec(before);
  if (rb && rw) return { kind: 'remainder', word: rw[1] };
  const ra = REMAINDER_AFTER.exec(after);
  if (ra) return { kind: 'remainder', word: ra[1] };
  // the pending state before the last figure, opening its clause: "…, đang giải quyết 465 hồ sơ"
  const clause = text.slice(prevEnd, q.span.start).split(/[,;]/).pop() ?? '';
  const pb = PENDING_BEFORE_RE.exec(clause);
  if (pb) return { kind: 'remainder', word: pb[1] };
  if (parts.length === 2) {
    const firstWords = text.slice(parts[0].span.end, q.span.start);
    const secondWords = text.slice(q.span.end, stop);
    const c = complement(firstWords, secondWords.split(/[;.]/)[0]);
    if (c) return { kind: 'complement', ...c };
  }
  return undefined;
}

/** The whole is named by its words: a verb or quota before it, a passive after it, or "Of the …" opening the sentence. */
function isWhole(text: string, q: Quantity, sentence: Sentence | undefined): boolean {
  if (WHOLE_BEFORE.test(text.slice(Math.max(0, q.span.start - 40), q.span.start))) return true;
  if (WHOLE_PASSIVE.test(text.slice(q.span.end, q.span.end + 40))) return true;
  if (!sentence) return false;
  return WHOLE_OPENING.test(text.slice(sentence.span.start, q.span.start));
}

export function findPartitions(doc: Document, qs: Quantity[], sents: Sentence[]): Partition[] {
  const text = doc.text;
  const bySentence = new Map<number, Quantity[]>();
  for (const q of qs) {
    if (q.sentence < 0 || q.sentence >= sents.length) continue;
    const l = bySentence.get(q.sentence);
    if (l) l.push(q);
    else bySentence.set(q.sentence, [q]);
  }
  const out: Partition[] = [];
  for (const [sentence, list] of bySentence) {
    const sent = sents[sentence];
    const { outside, inside } = splitByParens(text, list[0].span.start, list);
    const figs = outside.filter((q) => PART_KINDS.has(q.unit.family));
    for (let w = 0; w + 2 < figs.length; w++) {
      const whole = figs[w];
      if (!isWhole(text, whole, sent)) continue;
      const unitOk = (q: Quantity): boolean =>
        sameUnit(q.unit, whole.unit) ||
        (q.unit.family === 'none' && q.unit.scale.equals(1) && (whole.unit.family === 'count' || whole.unit.family === 'none'));
      const parts: Quantity[] = [];
      let closing: Partition['closing'] | undefined;
      for (let j = w + 1; j < figs.length; j++) {
        const q = figs[j];
        if (!unitOk(q)) break;
        // each part follows a separator; a part larger than the whole is no part of it
        if (!SEPARATOR.test(text.slice((parts[parts.length - 1] ?? whole).span.end, q.span.start)) && parts.length) break;
        if (q.base.greaterThan(whole.base)) break;
        if (CHANGE_BEFORE.test(text.slice((parts[parts.length - 1] ?? whole).span.end, q.span.start))) break;
        parts.push(q);
        if (parts.length < 2) continue;
        closing = closes(text, whole, parts, sent.span.end);
        if (closing) break;
      }
      if (!closing) continue;
      const last = parts[parts.length - 1];
      if (CUE.test(text.slice(whole.span.end, last.span.start))) continue;
      if (whole.hedged || parts.some((p) => p.hedged)) continue;
      // a figure in the whole's unit in parentheses (a carry-over, a backlog) may belong to the split
      if (inside.some((q) => q.span.start > whole.span.end && q.span.start < last.span.start && (sameUnit(q.unit, whole.unit) || q.unit.family === 'none'))) continue;
      out.push({ whole, parts, sentence, closing });
      break;
    }
  }
  return out.sort((a, b) => a.whole.span.start - b.whole.span.start);
}

export const partitions = defineFact('partitions', (doc: Document, facts): Partition[] =>
  findPartitions(doc, facts.get(quantities), facts.get(sentences)),
);

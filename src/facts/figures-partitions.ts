// Partitions: a whole split into parts in one clause, with the last part a remainder
// ("tiếp nhận 55 đơn thư, đã giải quyết 40 đơn, còn 15 đơn đang giải quyết";
// "received 55 complaints, resolved 40, 14 pending"). The whole is introduced by a receiving or
// totalling verb, the remainder by `còn`, `còn lại`, `remaining`, `pending`…; every figure is in
// the whole's unit (or unit-less after it). Percentages, years and figures in parentheses are
// mentions, not parts. Breakdowns with a cue (gồm, trong đó…) are left to `breakdowns`.
//
// API: fact `partitions` -> Partition[] { whole, parts (remainder last), sentence }.

import { defineFact } from '../engine/facts.js';
import type { Document } from '../parse/document.js';
import { quantities, sameUnit, type Quantity } from './quantities.js';
import { sentences } from './sentences.js';
import { PENDING_AFTER, PENDING_COPULAS, PENDING_STATES, REMAINDER_BEFORE, REMAINDER_WORDS, SPLIT_EXCLUDING_CUES, WHOLE_VERBS } from './lexicon/figures.js';

export interface Partition {
  whole: Quantity;
  /** The parts in text order; the last is the remainder. */
  parts: Quantity[];
  sentence: number;
}

const WHOLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${WHOLE_VERBS.source})\\s*(?:[\\p{L}\\s]{0,24}?)?[:\\s]\\s*$`, 'iu');
const REMAINDER_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}])(?:${REMAINDER_BEFORE.source})\\s*$`, 'iu');
const REMAINDER_WORD = new RegExp(`${REMAINDER_WORDS.source}`, 'iu');
const REMAINDER_AFTER = new RegExp(
  `^\\s*(?:[\\p{L}]+\\s+){0,2}?(?:${PENDING_AFTER.source}|(?:(?:${PENDING_COPULAS.source})\\s)?(?:${PENDING_STATES.source}))(?![\\p{L}])`,
  'iu',
);
const CUE = new RegExp(`(?:^|[^\\p{L}])(?:${SPLIT_EXCLUDING_CUES.source})(?![\\p{L}])`, 'iu');
const PART_KINDS = new Set(['count', 'money', 'area', 'length', 'mass', 'none']);

function outsideParens(text: string, from: number, qs: Quantity[]): Quantity[] {
  let depth = 0;
  let at = from;
  const out: Quantity[] = [];
  for (const q of qs) {
    for (; at < q.span.start; at++) {
      if (text[at] === '(') depth++;
      else if (text[at] === ')' && depth > 0) depth--;
    }
    if (depth === 0) out.push(q);
  }
  return out;
}

export function findPartitions(doc: Document, qs: Quantity[], sentenceCount: number): Partition[] {
  const text = doc.text;
  const bySentence = new Map<number, Quantity[]>();
  for (const q of qs) {
    if (q.sentence < 0 || q.sentence >= sentenceCount) continue;
    const l = bySentence.get(q.sentence);
    if (l) l.push(q);
    else bySentence.set(q.sentence, [q]);
  }
  const out: Partition[] = [];
  for (const [sentence, list] of bySentence) {
    // clauses: split at `;`
    let clause: Quantity[] = [];
    const clauses: Quantity[][] = [];
    for (let i = 0; i < list.length; i++) {
      if (clause.length && text.slice(clause[clause.length - 1].span.end, list[i].span.start).includes(';')) {
        clauses.push(clause);
        clause = [];
      }
      clause.push(list[i]);
    }
    if (clause.length) clauses.push(clause);
    for (const c of clauses) {
      const figs = outsideParens(text, c[0].span.start, c).filter((q) => PART_KINDS.has(q.unit.family));
      for (let w = 0; w + 2 < figs.length; w++) {
        const whole = figs[w];
        const lead = text.slice(Math.max(0, whole.span.start - 40), whole.span.start);
        if (!WHOLE_BEFORE.test(lead)) continue;
        const unitOk = (q: Quantity): boolean =>
          sameUnit(q.unit, whole.unit) || (q.unit.family === 'none' && q.unit.scale.equals(1) && (whole.unit.family === 'count' || whole.unit.family === 'none'));
        const parts: Quantity[] = [];
        let found = false;
        for (let j = w + 1; j < figs.length; j++) {
          const q = figs[j];
          if (!unitOk(q)) break;
          parts.push(q);
          const before = text.slice(Math.max(whole.span.end, q.span.start - 16), q.span.start);
          const after = text.slice(q.span.end, q.span.end + 40);
          if (parts.length >= 2 && (REMAINDER_BEFORE_RE.test(before.replace(/[,\s]+$/, ' ')) && REMAINDER_WORD.test(before) || REMAINDER_AFTER.test(after))) {
            found = true;
            break;
          }
        }
        if (!found) continue;
        const last = parts[parts.length - 1];
        if (CUE.test(text.slice(whole.span.end, last.span.start))) continue;
        if (whole.hedged || parts.some((p) => p.hedged)) continue;
        // a unit-less whole needs its parts unit-less too (or all one noun)
        out.push({ whole, parts, sentence });
        break;
      }
    }
  }
  return out.sort((a, b) => a.whole.span.start - b.whole.span.start);
}

export const partitions = defineFact('partitions', (doc: Document, facts): Partition[] =>
  findPartitions(doc, facts.get(quantities), facts.get(sentences).length),
);

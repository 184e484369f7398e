// The readers of rate phrases: which stated percentage (or multiple) is computed from which two
// stated figures and by which formula, which words claim a relation between a figure and its
// target, and which shares divide one whole. Every phrase is read inside one sentence, from the
// short text ("glue") between adjacent figures, so the cost is linear in the number of figures. A
// phrase whose reading is ambiguous is not recorded. The words are data in lexicon/figures.ts;
// this file holds the grammar (where a word stands and what may come between).

import { Decimal } from 'decimal.js';
import type { Document, Span } from '../parse/document.js';
import {
  CHANGE_FILLERS, CHANGE_FROM, CHANGE_NOUNS_DOWN, CHANGE_NOUNS_UP, CHANGE_TO, CLAIM_WORDS_EN, CLAIM_WORDS_VI, CLAUSE_BREAKS,
  CLAUSE_STARTERS, COMPARED_AFTER, DATE_BEFORE_FRACTION, DECREASE_WORDS, DETERMINERS_EN, EQUAL_TARGETS_VI, FORMULA_WORDS,
  INCREASE_WORDS, INLINE_CUES, LOWER_IS_BETTER, LOWER_IS_BETTER_EN_STEMS, MULTIPLE_WORDS, OF_WORDS, PART_OF_WHOLE, PART_RATE_VERBS,
  PERIOD_BASE_TAILS, PERIOD_BASES, PERIOD_RATE_VERBS, PLAN_CLAIM_NOUNS, PLAN_CLAIM_VERBS, PLAN_NAMING, PLAN_OR_PERIOD_AFTER,
  PLAN_RATE_VERBS, PLAN_WORDS_VI, RATE_NOUNS, REST_WORDS, RESTATE_WORDS, SHARE_CUE_TAILS, SHARE_CUES, SHARE_GLUE_WORDS,
  NUMBER_WORDS_EN, PART_OF_TOTAL, PART_RATE_WORDS_EN, PERIOD_NAMES, SHARE_GROUP_BREAKERS, SHARE_GROUP_CUES, SHARE_NOUNS, SHARE_OF_TOTAL, SHARE_OF_NAMED_TOTAL, PERIOD_PREPOSITIONS, PERIOD_ORDINALS_EN, PERIOD_PARTS_EN, SHARE_VERBS, TARGET_NOUNS, TARGET_NOUNS_EN, TIMES_NOUN,
  BACK_REFERENCES, CLAUSE_TOTAL_LINKS, CLAUSE_TOTAL_SUBJECTS, TOTAL_LINKS, TOTAL_NOUN_HEADS, TOTAL_WORDS, WHOLE_OPENERS, UPPER_BOUND_HEDGES, WHOLE_AREAS, WHOLE_DETERMINERS,
} from './lexicon/figures.js';
import type { NumberToken } from './numbers.js';
import { sameUnit, type Quantity } from './quantities.js';
import { rateConsistent } from './ratios-math.js';
import type { ChangeClaim, Operand, RateFormula, Ratios, Relation } from './ratios.js';
import { sentenceIndexAt, type Sentence } from './sentences.js';

interface Item {
  span: Span;
  q?: Quantity;
  frac?: { num: Operand; den: Operand };
}

const MAX_GLUE = 160;
/** How many figures back a total-cued whole may be. */
const MAX_LOOKBACK = 12;

function fromQuantity(q: Quantity): Operand {
  return {
    span: q.span,
    valueSpan: q.valueSpan,
    value: q.value,
    decimals: q.decimals,
    scale: q.unit.scale,
    exact: q.unit.family === 'count' && q.decimals === 0 && !q.hedged,
    unit: q.unit,
  };
}

function fromToken(t: NumberToken): Operand | undefined {
  const r = t.reading;
  if (!r || !r.wellFormed) return undefined;
  return { span: t.span, valueSpan: t.span, value: r.value, decimals: r.decimals, scale: new Decimal(1), exact: r.decimals === 0 };
}

/** A whole number counting things: a count, or a bare figure without a scale word. */
const wholeCount = (o: Operand): boolean =>
  o.decimals === 0 && o.scale.equals(1) && (!o.unit || o.unit.family === 'count' || (o.unit.family === 'none' && o.unit.raw === ''));
const isPercent = (it: Item | undefined): it is Item & { q: Quantity } => !!it?.q && it.q.unit.family === 'percent';
const isAmount = (it: Item | undefined): it is Item & { q: Quantity } =>
  !!it?.q && it.q.unit.family !== 'percent' && it.q.unit.family !== 'time';
// `ambiguous` (1.234 reads otherwise in the other convention) is not a reason to doubt a figure read in the document's own convention.
const usable = (q: Quantity): boolean => !q.hedged && !q.range && q.wellFormed && q.value.greaterThan(0);
/** An end of `from X to Y` / `từ X đến Y`: the quantity reader calls it a range, here it is a stated figure. */
const usableEnd = (q: Quantity): boolean => !q.hedge && q.wellFormed && q.value.greaterThan(0);

const W = '[\\p{L}\\p{M}\\p{N}]';
/** Words that change what a percentage is computed from: a rate next to them is not a plain share. */
const FORMULA_WORDS_RE = new RegExp(`(?<!${W})(?:${FORMULA_WORDS.source})(?!${W})`, 'u');
/** A percentage followed by one of these is relative to a plan or an earlier period, not to the counts before it. */
const PLAN_AFTER = new RegExp(`^\\s*\\)?\\s*(?:${PLAN_OR_PERIOD_AFTER.source})(?![\\p{L}])`, 'u');
const PLAN_WORD_AFTER = new RegExp(`^\\s*(?:so với\\s+|so\\s+)?(${PLAN_WORDS_VI.source})`);
/** The glue just before a percentage that is a share: "…, đạt 72,7%", "(chiếm 75%)", "(72.7%)", ", or 72.7%". */
const SHARE_CUE_END = new RegExp(`(?:(?:^|[^\\p{L}])(?:${SHARE_CUES.source})(?:\\s+(?:${SHARE_CUE_TAILS.source}))*|[=(:])\\s*$`, 'u');
const CUE_WORDS = new RegExp(`^\\s*(?:(?:${SHARE_GLUE_WORDS.source})\\s*)*$`, 'u');

/**
 * The glue before a percentage names it as the share of the figures before: after the last comma
 * or parenthesis only cue words ("…, đạt tỷ lệ", "(chiếm", "(", ", or"); without one, the glue
 * ends in a cue word ("45/60 xã đạt chuẩn đạt tỷ lệ"). "…, tỷ lệ hộ nghèo là" names another rate.
 */
function shareCue(glue: string): boolean {
  const k = Math.max(glue.lastIndexOf(','), glue.lastIndexOf('('));
  if (k < 0) return SHARE_CUE_END.test(glue);
  const tail = glue.slice(k + 1);
  if (!CUE_WORDS.test(tail)) return false;
  return glue[k] === '(' || tail.trim() !== '';
}

/**
 * What may follow a percentage that is the share of the figures before it: punctuation, the end,
 * or a word that starts a new clause. A noun right after it ("30% tổng số xã", "93,5% dân số",
 * "31 percent of approvals") names another base.
 */
const END_AFTER = new RegExp(`^\\s*(?:[,;.)\\]:!?…]|$|(?:${CLAUSE_STARTERS.source})(?![\\p{L}]))`, 'u');
/** A percentage followed by "of …" (35% of which, 20% của …) is a share of something else. */
const OF_AFTER = new RegExp(`^\\s*(?:${OF_WORDS.source})(?![\\p{L}])`, 'u');
const CONNECT_OF = new RegExp(`^\\s*(?:${PART_OF_WHOLE.source})\\s+(?:(?:${WHOLE_DETERMINERS.source})\\s+)?$`);
// a few words of the part's clause, then a connector that can only name the whole (no comma, no figure between)
const CONNECT_OF_TOTAL = new RegExp(`^[^\\d;,.()%]{0,40}?\\s(?:${PART_OF_TOTAL.source})\\s+(?:(?:${WHOLE_DETERMINERS.source})\\s+)?$`, 'u');
const CONNECT_SLASH = /^\s*(?:\[\d+\]\s*)?\/\s*$/;
const DIRECTION_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${INCREASE_WORDS.source}|${DECREASE_WORDS.source})\\s*(?:(?:${CHANGE_FILLERS.source})\\s*)?$`, 'u');
const TOTAL_CUE = new RegExp(
  `(?:^|[^\\p{L}])(?:(?:${TOTAL_NOUN_HEADS.source})(?: [^\\d;()]{1,30})?|${TOTAL_WORDS.source}|toàn (?:${WHOLE_AREAS.source}) có)(?:\\s+(?:${TOTAL_LINKS.source}))?\\s*:?\\s*$`,
  'u',
);
const BREAKDOWN_AFTER = new RegExp(`^[^\\d;()]{0,30}?(?:^|[,:\\s])\\s*(?:${INLINE_CUES.source})(?![\\p{L}])`, 'u');
const WHOLE_OPENING_RE = new RegExp(`^\\s*(?:${WHOLE_OPENERS.source})\\s*$`, 'u');
const PLAN_CUE = new RegExp(`(?:^|[^\\p{L}])(?:${PLAN_WORDS_VI.source})[^\\d;,.()]{0,30}$`, 'u');
const COMPARED_AFTER_RE = new RegExp(`^\\s*\\)?\\s*(?:${COMPARED_AFTER.source})(?![\\p{L}])`, 'u');
const PART_RATE_GLUE = new RegExp(`^(?:\\s*|[^\\d;:()]{0,30}?[,(]\\s*)(?:${PART_RATE_VERBS.source}|${PART_RATE_WORDS_EN.source})(?:\\s+(?:${RATE_NOUNS.source}))?\\s*$`);
const DATE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${DATE_BEFORE_FRACTION.source})\\s*$`, 'u');

/** Lower case, every white-space character a plain space: same length, so offsets carry over. */
function norm(s: string): string {
  const lower = s.toLowerCase();
  return (lower.length === s.length ? lower : s).replace(/\s/g, ' ');
}

const DIGIT_NAME = /(?<![\p{L}\p{N}.,])\p{N}+\p{L}[\p{L}\p{N}]*(?:\/\p{N}*\p{L}[\p{L}\p{N}]*)*(?![\p{L}\p{N}])/gu;

class SentenceReader {
  constructor(
    private readonly text: string,
    private readonly items: Item[],
    private readonly sentence: Sentence,
  ) {}

  /** Text between two items (lower case, spaces collapsed), or undefined when they are far apart. */
  glue(a: Item, b: Item): string | undefined {
    if (b.span.start - a.span.end > MAX_GLUE || b.span.start < a.span.end) return undefined;
    // names written with digits (5G, 3G/4G) are words here, not figures: the same length, so offsets carry over
    return norm(this.text.slice(a.span.end, b.span.start)).replace(DIGIT_NAME, (m) => '_'.repeat(m.length));
  }

  /** Up to `n` characters after an item, inside the sentence. */
  after(a: Item, n: number): string {
    return norm(this.text.slice(a.span.end, Math.min(this.sentence.span.end, a.span.end + n)));
  }

  /** Up to `n` characters before an item, inside the sentence. */
  before(a: Item, n: number): string {
    return norm(this.text.slice(Math.max(this.sentence.span.start, a.span.start - n), a.span.start));
  }

  at(i: number): Item | undefined {
    return this.items[i];
  }

  /** The lower-case word right after an item ("537 liên" -> "liên"), anywhere in the text; '' when none. */
  wordAfter(a: Item): string {
    return /^[ \u00a0](\p{Ll}[\p{L}\p{M}]*)(?![\p{L}\p{M}\d])/u.exec(this.text.slice(a.span.end, a.span.end + 24))?.[1] ?? '';
  }

  /** The one or two lower-case words right after an item ("132 học viên," -> ["học", "viên"]). */
  nounAfter(a: Item): string[] {
    const m = /^[ \u00a0](\p{Ll}[\p{L}\p{M}]*)(?:[ \u00a0](\p{Ll}[\p{L}\p{M}]*))?(?![\p{L}\p{M}\d])/u.exec(this.text.slice(a.span.end, a.span.end + 40));
    return m ? (m[2] ? [m[1], m[2]] : [m[1]]) : [];
  }

  /** Up to `n` characters right after an item, as written (any sentence). */
  rawAfter(a: Item, n: number): string {
    return this.text.slice(a.span.end, a.span.end + n);
  }

  /** The text between two items anywhere in the text (an earlier sentence's item, then this one's). */
  textBetween(a: Item, b: Item): string {
    return a.span.end <= b.span.start ? this.text.slice(a.span.end, b.span.start) : '';
  }

  /** Up to `n` characters before an item anywhere in the text (for items of other sentences). */
  textBefore(a: Item, n: number): string {
    return this.text.slice(Math.max(0, a.span.start - n), a.span.start);
  }
}

/** Reads every rate phrase and comparison claim of a document. */
export function ratiosOf(doc: Document, qs: Quantity[], tokens: NumberToken[], sents: Sentence[]): Ratios {
  const out: Ratios = { rates: [], comparisons: [], shareGroups: [], changes: [] };
  const text = doc.text;
  // items per sentence: quantities (footnote marks such as `[4]` left out) and fractions
  const bySentence = new Map<number, Item[]>();
  const push = (s: number, it: Item): void => {
    if (s < 0) return;
    const list = bySentence.get(s);
    if (list) list.push(it);
    else bySentence.set(s, [it]);
  };
  for (const q of qs) {
    if (q.unit.family === 'none' && text[q.span.start - 1] === '[' && text[q.valueSpan.end] === ']') continue;
    // a bare figure with a letter right after it is a name (5G, 3G/4G, 4K), not an amount
    if (q.unit.family === 'none' && /^\p{L}/u.test(text.slice(q.valueSpan.end, q.valueSpan.end + 1))) continue;
    push(q.sentence, { span: q.span, q });
  }
  for (const t of tokens) {
    if (t.kind !== 'fraction' || !t.fraction) continue;
    const num = fromToken(t.fraction.numerator);
    const den = fromToken(t.fraction.denominator);
    if (!num || !den) continue;
    push(sentenceIndexAt(sents, t.span.start), { span: t.span, frac: { num, den } });
  }
  for (const items of bySentence.values()) items.sort((a, b) => a.span.start - b.span.start);
  // the sentences a whole may be stated in before a percentage's sentence: up to three before it in
  // its paragraph, then the heading or list head it stands under ("Tiếp nhận 55 đơn. … Đã giải quyết 40 đơn, đạt 72,7%")
  const earlier = (sIdx: number): Item[][] => {
    const block = sents[sIdx]?.blocks[0];
    const outList: Item[][] = [];
    for (let k = sIdx - 1; k >= 0 && k >= sIdx - 3 && sents[k].blocks.includes(block); k--) outList.push(bySentence.get(k) ?? []);
    const b = doc.blocks[block];
    for (const up of [b?.parent, b?.section]) {
      if (up === undefined || up < 0 || up === block) continue;
      const ub = doc.blocks[up];
      const inUp = [...bySentence.entries()].filter(([k]) => sents[k].blocks.includes(up)).flatMap(([, v]) => v);
      if (ub && inUp.length) outList.push(inUp);
    }
    return outList;
  };
  for (const [s, items] of bySentence) readSentence(text, items, sents[s], s, out, () => earlier(s));
  out.rates.sort((a, b) => a.rate.span.start - b.rate.span.start);
  out.comparisons.sort((a, b) => a.cue.start - b.cue.start);
  return out;
}

function readSentence(text: string, items: Item[], sentence: Sentence, sIdx: number, out: Ratios, earlier: () => Item[][]): void {
  const r = new SentenceReader(text, items, sentence);
  const rate = (formula: RateFormula, p: Quantity, numerator: Operand, denominator: Operand, form: string): true => {
    // a part and its whole both whole numbers, one of them a count ("13 out of 22 recommendations",
    // "Of the 27 organizations, 7"): the bare one counts the same things, exactly
    if (formula === 'part' && wholeCount(numerator) && wholeCount(denominator) && (numerator.exact || denominator.exact || form === 'of-before' || form === 'of-after')) {
      numerator = { ...numerator, exact: true };
      denominator = { ...denominator, exact: true };
    }
    out.rates.push({ formula, rate: fromQuantity(p), numerator, denominator, form, sentence: sIdx });
    return true;
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!isPercent(it) || !usable(it.q)) {
      if (it.q && it.q.unit.family === 'count' && it.q.unit.noun === TIMES_NOUN && usable(it.q)) readMultiple(r, i, it.q, rate);
      else if (isAmount(it) && usable(it.q)) readChangeBoth(text, r, i, it.q, sIdx, out);
      continue;
    }
    const p = it.q;
    readComparison(text, r, i, p, sIdx, out);
    // each percentage gets at most one reading: explicit forms first
    void (
      readProduct(r, i, p, rate) ||
      readRestatedOf(r, i, p, rate) ||
      readFractionBefore(r, i, p, rate) ||
      readFractionAfter(r, i, p, rate) ||
      readOfBefore(r, i, p, rate) ||
      readOfAfter(r, i, p, rate) ||
      readPercentOfThe(r, i, p, rate) ||
      readShareOfNamedTotal(r, i, p, rate, earlier) ||
      readFromTo(r, i, p, rate) ||
      readPeriodBase(r, i, p, rate) ||
      readPlanBase(r, i, p, rate) ||
      readChangeAmount(r, i, p, rate) ||
      readTotalCued(r, i, p, rate, earlier)
    );
  }
  readOneIn(text, r, sentence, sIdx, out);
  readShares(text, items, sentence, sIdx, out);
}

type Emit = (formula: RateFormula, p: Quantity, numerator: Operand, denominator: Operand, form: string) => true;

// `A x P% = B`: the sign between the base and the rate (an optional per-unit tail before it), `=` before the result
const TIMES_GLUE = /^(\/\p{L}+)?\s*[x×*]\s*$/u;
const TIMES_ONLY = /^\s*[x×*]\s*$/u;
const EQUALS_GLUE = /^(\/\p{L}+)?\s*=\s*$/u;
const SUM_SIGN_GLUE = /^\s*([-+−–])\s*$/u;
const CLOSE_TIMES_GLUE = /^\s*\)\s*[x×*]\s*$/u;
const RESULT_OPEN_GLUE = /^(\/\p{L}+)?\s*\(\s*=\s*$/u;
// no other operation may touch the chain (2 x 100 đồng x 5% = …; … = 5.000 đồng + 300 đồng); a
// dash or a plus before a word is a list mark ("… = 0,25 triệu đồng + Bậc 2: …")
const OPERATION_BEFORE_TERM = /(?:[-+−–—×*/÷^(]|(?:^|\s)[xX])\s*$/u;
const OPERATION_AFTER_RESULT = /^\s*(?:[-+−–—×*/÷^]\s*[\d(]|[xX]\s*[\d(]|[.,]\d)/u;

/** The base of a product: a figure, or a sum or difference of two in parentheses. */
interface ProductBase {
  operand: Operand;
  first: Item & { q: Quantity };
  tail?: string;
}

/** The base and the result measure the same thing; a bare figure (no unit, no scale word) is in the result's unit. */
function productUnits(base: Quantity, result: Quantity): Operand | undefined {
  if (base.unit.family === 'none' && base.unit.raw === '' && result.unit.family !== 'none' && result.unit.family !== 'percent') {
    return { ...fromQuantity(base), scale: result.unit.scale, unit: result.unit };
  }
  if (base.unit.family === 'none' || !sameUnit(base.unit, result.unit)) return undefined;
  return fromQuantity(base);
}

/**
 * A calculation written out: "100.000.000 đồng x 5% = 5.000.000 đồng", "12.100.000 đồng/tấn x
 * 10% = 1.210.000 đồng/tấn", "60% x 100 triệu đồng = 60 triệu đồng", "(10 triệu đồng - 5 triệu
 * đồng) x 10% = 0,5 triệu đồng", "20.000 USD (=200.000 USD x 10%)". The base and the result in
 * one unit (the same per-unit tail, or one on the result only), no other operation touching the
 * chain. The most explicit claim a text makes about a percentage.
 */
function readProduct(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const at = (k: number): (Item & { q: Quantity }) | undefined => {
    const it = r.at(k);
    return isAmount(it) && usable(it.q) ? it : undefined;
  };
  const glue = (x: Item | undefined, y: Item | undefined): string | undefined => (x && y ? r.glue(x, y) : undefined);
  const pi: Item = { span: p.span };
  let base: ProductBase | undefined;
  let result: (Item & { q: Quantity }) | undefined;
  let resultBefore = false;
  const a1 = at(i - 1);
  const g1 = glue(a1, pi);
  const times = g1 !== undefined ? TIMES_GLUE.exec(g1) : null;
  if (a1 && times) {
    // A x P% = B, or B (= A x P%)
    const b = at(i + 1);
    const g2 = glue(pi, b);
    const b0 = at(i - 2);
    const g0 = glue(b0, a1);
    if (b && g2 !== undefined && EQUALS_GLUE.test(g2)) {
      result = b;
      base = { operand: fromQuantity(a1.q), first: a1, tail: times[1] };
    } else if (b0 && g0 !== undefined && RESULT_OPEN_GLUE.test(g0) && /^\s*\)/.test(r.rawAfter(pi, 4))) {
      result = b0;
      resultBefore = true;
      base = { operand: fromQuantity(a1.q), first: a1, tail: times[1] };
      if ((RESULT_OPEN_GLUE.exec(g0)![1] ?? undefined) !== times[1]) return false;
    }
  } else if (a1 && g1 !== undefined && CLOSE_TIMES_GLUE.test(g1)) {
    // (A ± C) x P% = B
    const a0 = at(i - 2);
    const sign = SUM_SIGN_GLUE.exec(glue(a0, a1) ?? '');
    const b = at(i + 1);
    const g2 = glue(pi, b);
    if (a0 && sign && b && g2 !== undefined && EQUALS_GLUE.test(g2) && /\(\s*$/.test(r.textBefore(a0, 3)) && sameUnit(a0.q.unit, a1.q.unit) && a0.q.unit.family !== 'none') {
      const plus = sign[1] === '+';
      const value = plus ? a0.q.base.plus(a1.q.base) : a0.q.base.minus(a1.q.base);
      if (value.lessThanOrEqualTo(0)) return false;
      const o = fromQuantity(a0.q);
      // the sum with its parentheses, as written
      const lead = r.textBefore(a0, 3);
      const close = r.rawAfter(a1, 4).indexOf(')');
      const span = { start: a0.span.start - lead.length + lead.lastIndexOf('('), end: a1.span.end + (close >= 0 ? close + 1 : 0) };
      base = { operand: { ...o, span, valueSpan: span, value: value.div(o.scale), decimals: Math.max(a0.q.decimals, a1.q.decimals), exact: false }, first: a0 };
      result = b;
    }
  } else {
    // P% x A = B
    const a = at(i + 1);
    const b = at(i + 2);
    const ga = glue(pi, a);
    const gb = glue(a, b);
    const eq = gb !== undefined ? EQUALS_GLUE.exec(gb) : null;
    if (a && b && ga !== undefined && TIMES_ONLY.test(ga) && eq) {
      base = { operand: fromQuantity(a.q), first: a, tail: eq[1] };
      result = b;
      if (OPERATION_BEFORE_TERM.test(r.textBefore(pi, 6))) return false;
    }
  }
  if (!base || !result) return false;
  const operand = base.operand.unit && base.operand.unit.family !== 'none' ? (sameUnit(base.operand.unit, result.q.unit) ? base.operand : undefined) : productUnits(base.first.q, result.q);
  if (!operand) return false;
  // nothing but the chain: no operation before its first term (before the parenthesis of a sum)
  if (base.first.span.start < p.span.start) {
    const lead = r.textBefore(base.first, 8);
    if (OPERATION_BEFORE_TERM.test(base.operand.span.end > base.first.span.end ? lead.replace(/\(\s*$/, '') : lead.replace(/\(\s*=?\s*$/, (m) => (m.includes('=') ? '' : m)))) return false;
  }
  if (!resultBefore) {
    const rest = r.rawAfter(result, 24);
    const tail = /^\/\p{L}+/u.exec(rest)?.[0] ?? '';
    // one per-unit tail on both (đồng/tấn x 10% = đồng/tấn); the result may add one the base has none of (… = 5,390 triệu đồng/tháng)
    if (base.tail !== undefined && tail.toLowerCase() !== base.tail.toLowerCase()) return false;
    if (OPERATION_AFTER_RESULT.test(rest.slice(tail.length))) return false;
  }
  return emit('product', p, fromQuantity(result.q), operand, 'product');
}

// after the rate: "of" and words to the end of the clause, no figure
const OF_WORDS_ONLY = /^\s*of\s+[\p{L}\s'’-]{3,40}(?:[),;]|$)/u;
const RESTATED_GLUE = new RegExp(`^\\s*,\\s*(?:${PART_RATE_WORDS_EN.source})\\s*$`);
const RESTATED_OF = new RegExp(`^\\s*,?\\s*of\\s+(?:(?:${WHOLE_DETERMINERS.source})\\s+)?$`);
const PAREN_RATE_OPEN = /^\s*\(\s*$/;
const PAREN_RATE_OF = new RegExp(`^\\s*\\)\\s*of\\s+(?:(?:${WHOLE_DETERMINERS.source})\\s+)?$`);

/**
 * "$23.7 million, or 66 percent, of the $35.8 million", "$9 billion, or 34 percent of the $14
 * billion", "received $9 billion (34 percent) of the $14 billion": the part, its share set off by
 * commas or brackets, then the whole.
 */
function readRestatedOf(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const a = r.at(i - 1);
  const b = r.at(i + 1);
  if (!isAmount(a) || !isAmount(b) || !usable(a.q) || !usable(b.q)) return false;
  const g1 = r.glue(a, { span: p.span });
  const g2 = r.glue({ span: p.span }, b);
  if (g1 === undefined || g2 === undefined) return false;
  if (!(RESTATED_GLUE.test(g1) && RESTATED_OF.test(g2)) && !(PAREN_RATE_OPEN.test(g1) && PAREN_RATE_OF.test(g2))) return false;
  if (!pairUnits(a.q, b.q) || a.q.base.greaterThan(b.q.base)) return false;
  if (FORMULA_WORDS_RE.test(r.before(a, 16))) return false;
  return emit('part', p, fromQuantity(a.q), fromQuantity(b.q), 'restated-of');
}

/** A fraction that can be a part of a whole: not a day/month (`đến ngày 15/6`), numerator not above denominator. */
function plainFraction(r: SentenceReader, f: Item): boolean {
  if (!f.frac || f.frac.num.value.greaterThan(f.frac.den.value) || f.frac.den.value.isZero()) return false;
  return !DATE_BEFORE.test(r.before(f, 14));
}

/** `45/60 xã đạt chuẩn (chiếm 75%)`, `629/731 trường …, đạt tỷ lệ 86,1%`, `40/55 (72.7%)`. */
function readFractionBefore(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const prev = r.at(i - 1);
  if (!prev?.frac || !plainFraction(r, prev)) return false;
  const glue = r.glue(prev, { span: p.span });
  if (glue === undefined || glue.length > 80 || glue.includes(';') || /\d/.test(glue)) return false;
  if (!shareCue(glue) || FORMULA_WORDS_RE.test(glue)) return false;
  const after = r.after({ span: p.span }, 30);
  if (PLAN_AFTER.test(after) || OF_AFTER.test(after) || !END_AFTER.test(after)) return false;
  return emit('part', p, prev.frac.num, prev.frac.den, 'fraction-before');
}

/** `72,7% (40/55)`, `tỷ lệ … là 72,7% (40/55 đơn)`. */
function readFractionAfter(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const next = r.at(i + 1);
  if (!next?.frac || !plainFraction(r, next)) return false;
  const glue = r.glue({ span: p.span }, next);
  if (glue === undefined || !/^\s*\(\s*$/.test(glue)) return false;
  if (!/^[^\d;()]{0,30}\)/u.test(r.after(next, 40))) return false;
  if (FORMULA_WORDS_RE.test(r.before({ span: p.span }, 16))) return false;
  return emit('part', p, next.frac.num, next.frac.den, 'fraction-after');
}

/** The part and the whole measure the same thing (`40 of 55 cases`: the part may omit the noun). */
function pairUnits(a: Quantity, b: Quantity): boolean {
  if (a.unit.family === 'none') return b.unit.family === 'count' || b.unit.family === 'none';
  return sameUnit(a.unit, b.unit);
}

/** `40 of 55 cases (72.7%)`, `40 out of 55, or 72.7%`, `40 trên tổng số 55 đơn (72,7%)`, `560 tỷ đồng/690 tỷ đồng, đạt 81,16% kế hoạch`. */
function readOfBefore(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const a = r.at(i - 2);
  const b = r.at(i - 1);
  if (!isAmount(a) || !isAmount(b)) return false;
  const g1 = r.glue(a, b);
  if (g1 === undefined) return false;
  const slash = CONNECT_SLASH.test(g1);
  if (!slash && !CONNECT_OF.test(g1) && !CONNECT_OF_TOTAL.test(g1)) return false;
  if (!usable(a.q) || b.q.range || !b.q.wellFormed || !b.q.value.greaterThan(0)) return false;
  if (b.q.hedged && !(b.q.hedge === 'trên' && /trên\s*$/.test(g1))) return false;
  if (!pairUnits(a.q, b.q)) return false;
  const g2 = r.glue(b, { span: p.span });
  if (g2 === undefined || g2.length > 60 || g2.includes(';') || /\d/.test(g2)) return false;
  if (!shareCue(g2) || FORMULA_WORDS_RE.test(g2)) return false;
  // "P% of …" names what it is a share of; only a restatement of the whole just given, in words,
  // may follow: "(24 of 77 drugs, or 31 percent of full approvals)"
  const restatedWhole = /^[\p{L}\s'’-]{0,30},\s*or\s*$/u.test(g2) && CONNECT_OF.test(g1) && OF_WORDS_ONLY.test(r.after({ span: p.span }, 60));
  if (OF_AFTER.test(r.after({ span: p.span }, 12)) && !restatedWhole) return false;
  // a rate relative to a plan is actual/plan only in the `actual/plan` (slash) form
  if (!slash && PLAN_AFTER.test(r.after({ span: p.span }, 30))) return false;
  if (slash && COMPARED_AFTER_RE.test(r.after({ span: p.span }, 30))) return false;
  const after = r.after({ span: p.span }, 30);
  if (!END_AFTER.test(after) && !(slash && PLAN_WORD_AFTER.test(after)) && !restatedWhole) return false;
  const formula: RateFormula = slash && PLAN_WORD_AFTER.test(r.after({ span: p.span }, 30)) ? 'ratio' : 'part';
  return emit(formula, p, fromQuantity(a.q), fromQuantity(b.q), slash ? 'slash-before' : 'of-before');
}

/** `72.7% (40 of 55)`, `72,7% (40 trên tổng số 55 đơn)`. */
function readOfAfter(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const a = r.at(i + 1);
  const b = r.at(i + 2);
  if (!isAmount(a) || !isAmount(b)) return false;
  const g0 = r.glue({ span: p.span }, a);
  if (g0 === undefined || !/^\s*\(\s*$/.test(g0)) return false;
  const g1 = r.glue(a, b);
  if (g1 === undefined || !(CONNECT_OF.test(g1) || CONNECT_SLASH.test(g1))) return false;
  if (!usable(a.q) || b.q.range || !b.q.wellFormed || !b.q.value.greaterThan(0)) return false;
  if (b.q.hedged && !(b.q.hedge === 'trên' && /trên\s*$/.test(g1))) return false;
  if (!pairUnits(a.q, b.q)) return false;
  if (!/^[^\d;()]{0,40}\)/u.test(r.after(b, 50))) return false;
  if (FORMULA_WORDS_RE.test(r.before({ span: p.span }, 16))) return false;
  return emit('part', p, fromQuantity(a.q), fromQuantity(b.q), 'of-after');
}

/** `72.7% of the 55 cases (40)`; `(chiếm 90% trên tổng số 2,54 triệu hộ)` after the part. */
function readPercentOfThe(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const b = r.at(i + 1);
  if (!isAmount(b)) return false;
  const g0 = r.glue({ span: p.span }, b);
  if (g0 === undefined) return false;
  if (PERCENT_OF_THE.test(g0)) {
    // English: the part follows in parentheses
    const a = r.at(i + 2);
    if (!isAmount(a)) return false;
    const g1 = r.glue(b, a);
    if (g1 === undefined || !/^[^\d;()]{0,50}\(\s*$/u.test(g1) || FORMULA_WORDS_RE.test(g1)) return false;
    if (!/^\s*\)/.test(r.after(a, 4))) return false;
    if (!usable(a.q) || !usable(b.q) || !pairUnits(a.q, b.q)) return false;
    if (FORMULA_WORDS_RE.test(r.before({ span: p.span }, 16))) return false;
    return emit('part', p, fromQuantity(a.q), fromQuantity(b.q), 'percent-of-the');
  }
  if (SHARE_OF_TOTAL_RE.test(g0)) {
    const a = r.at(i - 1);
    if (!isAmount(a)) return false;
    const g1 = r.glue(a, { span: p.span });
    if (g1 === undefined || g1.length > 80 || !PART_RATE_END.test(g1) || FORMULA_WORDS_RE.test(g1) || /[;\d]/.test(g1)) return false;
    if (!usable(a.q) || !usable(b.q) || !sameUnit(a.q.unit, b.q.unit)) return false;
    return emit('part', p, fromQuantity(a.q), fromQuantity(b.q), 'share-of-total');
  }
  return false;
}

// the part's clause may run longer when the whole is named after the percentage
const PART_RATE_GLUE_NAMED = new RegExp(`^[^\\d;:()]{0,60}?[,(]\\s*(?:${PART_RATE_VERBS.source})(?:\\s+(?:${RATE_NOUNS.source}))?\\s*$`, 'u');
const NAMED_TOTAL_AFTER = new RegExp(`^\\s*(?:${SHARE_OF_NAMED_TOTAL.source})\\s+(\\p{Ll}[\\p{L}\\p{M}]*)(?:\\s+(\\p{Ll}[\\p{L}\\p{M}]*))?`, 'u');

/**
 * `có 99 học viên có việc làm, chiếm 72% tổng số học viên`: the percentage names its whole by the
 * part's noun and no figure; the whole is the one figure of that noun before the part, in its
 * sentence or (none there) in the sentences and heading before it. Two such figures: unsure, silent.
 */
function readShareOfNamedTotal(r: SentenceReader, i: number, p: Quantity, emit: Emit, earlier: () => Item[][]): boolean {
  const a = r.at(i - 1);
  if (!isAmount(a) || !usable(a.q)) return false;
  const g = r.glue(a, { span: p.span });
  if (g === undefined || FORMULA_WORDS_RE.test(g) || !(PART_RATE_GLUE.test(g) || PART_RATE_GLUE_NAMED.test(g))) return false;
  const m = NAMED_TOTAL_AFTER.exec(r.after({ span: p.span }, 60));
  if (!m) return false;
  const named = m[2] ? [m[1], m[2]] : [m[1]];
  const noun = nounOf(r, a);
  // the noun after the total word is the part's ("học viên" … "tổng số học viên")
  if (!noun.length || named[0] !== noun[0] || (noun.length > 1 && named.length > 1 && named[1] !== noun[1])) return false;
  const sameNoun = (b: Item): b is Item & { q: Quantity } => {
    if (!isAmount(b) || b === a || !usable(b.q)) return false;
    const n = nounOf(r, b);
    return pairUnits(a.q, b.q) && n.length > 0 && n[0] === noun[0] && (n.length < 2 || noun.length < 2 || n[1] === noun[1]);
  };
  const here: Array<Item & { q: Quantity }> = [];
  for (let j = 0; j < i - 1; j++) {
    const b = r.at(j)!;
    if (sameNoun(b)) here.push(b);
  }
  let whole: (Item & { q: Quantity }) | undefined;
  if (here.length > 1) return false;
  if (here.length === 1) whole = here[0];
  else {
    for (const items of earlier()) {
      const same = items.filter(sameNoun);
      if (!same.length) continue;
      if (same.length !== 1) return false;
      whole = same[0];
      break;
    }
  }
  if (!whole || a.q.base.greaterThan(whole.q.base)) return false;
  return emit('part', p, fromQuantity(a.q), fromQuantity(whole.q), 'share-of-named-total');
}

/** The noun a figure counts: its unit as written ("hộ", "người"), or the words after a bare figure. */
function nounOf(r: SentenceReader, a: Item & { q: Quantity }): string[] {
  if (a.q.unit.family === 'count' && a.q.unit.raw) return a.q.unit.raw.toLowerCase().split(/\s+/u).slice(0, 2);
  if (a.q.unit.family === 'none' && a.q.unit.raw === '') return r.nounAfter(a);
  return [];
}

function direction(s: string): 'up' | 'down' | undefined {
  const m = DIRECTION_BEFORE.exec(s);
  if (!m) return undefined;
  return INCREASE_WORDS.has(m[1]) ? 'up' : 'down';
}

// "từ 400 lên 460", "from 400 in 2023 to 460": the years of the two ends may stand between
// the period a figure of a change is of, between the figure and the next word of the change: a year
// (`in 2023`, `in fiscal year 2023`, `năm 2024`), a quarter or half (`in Q2`, `in the second quarter
// of 2025`, `trong quý II`, `quý 3 năm 2025`), a month (`tháng 9`, `tháng 9/2025`, `in June 2025`)
const PERIOD_YEAR = '(?:fiscal year\\s+|fy\\s*)?\\d{4}';
const PERIOD_QUARTER = `(?:q[1-4](?:\\s+(?:of\\s+)?\\d{4})?|the\\s+(?:${PERIOD_ORDINALS_EN.source})\\s+(?:${PERIOD_PARTS_EN.source})(?:\\s+of\\s+(?:fiscal year\\s+|fy\\s*)?\\d{4})?|(?:quý|6 tháng|9 tháng)\\s+(?:[ivx]{1,4}|[1-4]|đầu năm|cuối năm)(?:\\s*(?:năm\\s+|\\/)\\d{4})?|tháng\\s+\\d{1,2}(?:\\s*(?:năm\\s+|\\/)\\d{4})?)`;
const YEAR_OF = `(?:\\s*(?:${PERIOD_PREPOSITIONS.source})\\s+(?:${PERIOD_YEAR}|${PERIOD_QUARTER}))?`;
const FROM_TO = new RegExp(`^${YEAR_OF}\\s*(?:${CHANGE_TO.source})\\s*(?:mức\\s*)?$`);
const PERCENT_OF_THE = new RegExp(`^\\s*of (?:(?:${WHOLE_DETERMINERS.source}) )?$`);
const SHARE_OF_TOTAL_RE = new RegExp(`^\\s*(?:${SHARE_OF_TOTAL.source})\\s*$`);
const PART_RATE_END = new RegExp(`(?:${PART_RATE_VERBS.source})(?:\\s+(?:${RATE_NOUNS.source}))?\\s*$`);
const FROM_AFTER_RATE = new RegExp(`^\\s*(?:so với [^\\d;()]{0,30})?\\s*[,(]?\\s*(?:${CHANGE_FROM.source})\\s*(?:mức\\s*)?$`);
const FROM_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${CHANGE_FROM.source})\\s*(?:mức\\s*)?$`, 'u');
const FROM_AT_END = new RegExp(`\\s*(?:${CHANGE_FROM.source})\\s*(?:mức\\s*)?$`);
const RATE_AFTER_CHANGE = new RegExp(`^${YEAR_OF}[^\\d;]{0,20}?(?:\\(|,)\\s*(?:${RESTATE_WORDS.source})?\\s*((?:${CHANGE_NOUNS_UP.source}|${CHANGE_NOUNS_DOWN.source})\\s*)?$`);
const MULTIPLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${MULTIPLE_WORDS.source})\\s*$`, 'u');
const FROM_AFTER_MULTIPLE = new RegExp(`^\\s*[,(]?\\s*(?:so với [^\\d;()]{0,30})?\\s*[,(]?\\s*(?:từ)\\s*(?:mức\\s*)?$`);
const MULTIPLE_AFTER_CHANGE = new RegExp(`^[^\\d;]{0,20}?(?:\\(|,)\\s*(?:tương ứng\\s*|tức là\\s*|tức\\s*)?(?:${MULTIPLE_WORDS.source})\\s*$`);
const TU_BEFORE = new RegExp(`(?:^|[^\\p{L}])từ\\s*(?:mức\\s*)?$`, 'u');

function fromToUnits(x: Quantity, y: Quantity): boolean {
  if (x.unit.family === 'none' && (y.unit.family === 'count' || y.unit.family === 'none')) return true;
  return sameUnit(x.unit, y.unit);
}

/** `tăng 20% (từ 100 lên 120 hộ)`, `increased by 20% from 100 to 120`, `tăng từ 100 lên 120 hộ, tương ứng 20%`. */
function readFromTo(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const before = r.before({ span: p.span }, 40);
  const dir = direction(before);
  const x1 = r.at(i + 1);
  const y1 = r.at(i + 2);
  if (dir && isAmount(x1) && isAmount(y1)) {
    const g0 = r.glue({ span: p.span }, x1);
    const g1 = r.glue(x1, y1);
    if (
      g0 !== undefined && g1 !== undefined &&
      FROM_AFTER_RATE.test(g0) && FROM_TO.test(g1) &&
      usableEnd(x1.q) && usableEnd(y1.q) && fromToUnits(x1.q, y1.q)
    ) {
      return emit(dir === 'up' ? 'growth' : 'decline', p, fromQuantity(y1.q), fromQuantity(x1.q), 'change-from-to-after');
    }
  }
  const x2 = r.at(i - 2);
  const y2 = r.at(i - 1);
  if (!isAmount(x2) || !isAmount(y2)) return false;
  const g1 = r.glue(x2, y2);
  const g2 = r.glue(y2, { span: p.span });
  if (g1 === undefined || g2 === undefined || !FROM_TO.test(g1)) return false;
  const lead = r.before(x2, 40);
  if (!FROM_BEFORE.test(lead)) return false;
  const m = RATE_AFTER_CHANGE.exec(g2);
  if (!m) return false;
  const leadDir = direction(lead.replace(FROM_AT_END, ' '));
  const glueDir = m[1] ? (CHANGE_NOUNS_UP.has(m[1]) ? 'up' : 'down') : undefined;
  if (leadDir && glueDir && leadDir !== glueDir) return false;
  const d = glueDir ?? leadDir;
  if (!d) return false;
  if (!usableEnd(x2.q) || !usableEnd(y2.q) || !fromToUnits(x2.q, y2.q)) return false;
  return emit(d === 'up' ? 'growth' : 'decline', p, fromQuantity(y2.q), fromQuantity(x2.q), 'change-from-to-before');
}

/** `gấp 1,2 lần (từ 100 lên 120 hộ)`, `tăng từ 100 lên 120 hộ, gấp 1,2 lần`. */
function readMultiple(r: SentenceReader, i: number, n: Quantity, emit: Emit): boolean {
  if (!MULTIPLE_BEFORE.test(r.before({ span: n.span }, 10))) return false;
  const x1 = r.at(i + 1);
  const y1 = r.at(i + 2);
  if (isAmount(x1) && isAmount(y1)) {
    const g0 = r.glue({ span: n.span }, x1);
    const g1 = r.glue(x1, y1);
    if (g0 !== undefined && g1 !== undefined && FROM_AFTER_MULTIPLE.test(g0) && FROM_TO.test(g1) && usableEnd(x1.q) && usableEnd(y1.q) && fromToUnits(x1.q, y1.q)) {
      return emit('multiple', n, fromQuantity(y1.q), fromQuantity(x1.q), 'multiple-after');
    }
  }
  const x2 = r.at(i - 2);
  const y2 = r.at(i - 1);
  if (!isAmount(x2) || !isAmount(y2)) return false;
  const g1 = r.glue(x2, y2);
  const g2 = r.glue(y2, { span: n.span });
  if (g1 === undefined || g2 === undefined || !FROM_TO.test(g1) || !MULTIPLE_AFTER_CHANGE.test(g2)) return false;
  if (!TU_BEFORE.test(r.before(x2, 20))) return false;
  if (!usableEnd(x2.q) || !usableEnd(y2.q) || !fromToUnits(x2.q, y2.q)) return false;
  return emit('multiple', n, fromQuantity(y2.q), fromQuantity(x2.q), 'multiple-before');
}

// "so với cùng kỳ (X)", "so với năm 2024 (X)", "so với cùng kỳ năm trước (X)", "over 2024 (X)": what the rate compares with, then its figure in parentheses
const PERIOD_BASE_OPEN = new RegExp(
  `^\\s*(?:(?:so\\s+(?:với\\s+)?)?(?:${PERIOD_BASES.source})(?:\\s+(?:năm \\d{4}|${PERIOD_BASE_TAILS.source}))?|so\\s+(?:với\\s+)?(?:${PERIOD_NAMES.source})(?:\\s+(?:\\d{4}|[ivx]+|\\d{1,2}\\/\\d{4}|${PERIOD_BASE_TAILS.source}))*|(?:from|over|compared (?:with|to)|than)(?:\\s+(?:the same period (?:of|in) |fiscal year |fy ?|in )?\\s*\\d{4}))\\s*\\(\\s*(?:(?:${PERIOD_BASES.source}|kh)(?:\\s+(?:${PERIOD_BASE_TAILS.source}))?\\s*:?\\s*)?$`,
);
const PERIOD_VERB_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${PERIOD_RATE_VERBS.source}|${INCREASE_WORDS.source}|${DECREASE_WORDS.source})\\s*$`, 'u');
const FIRST_RATE_CLAUSE = new RegExp(`^\\s*(?:(?:in|trong|năm)\\s+(?:fiscal year\\s+|fy\\s*)?\\d{4}\\s*)?,\\s*(?:ước\\s+)?(?:${PERIOD_RATE_VERBS.source}|${INCREASE_WORDS.source}|${DECREASE_WORDS.source})\\s*$`);
const NEXT_RATE_CLAUSE = new RegExp(`^\\s*(?:so\\s+(?:với\\s+)?)?(?:${PERIOD_BASES.source})?(?:\\s+năm trước|\\s+năm)?\\s*,\\s*(?:ước\\s+)?(?:${PERIOD_RATE_VERBS.source})\\s*$`);

/** `500 tỷ đồng, vượt 58,73% so dự toán, tăng 15,47% so cùng kỳ (433 tỷ đồng)`: the base in parentheses. */
function readPeriodBase(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const x = r.at(i + 1);
  if (!isAmount(x)) return false;
  const g0 = r.glue({ span: p.span }, x);
  if (g0 === undefined || !PERIOD_BASE_OPEN.test(g0)) return false;
  if (!/^\s*\)/.test(r.after(x, 4))) return false;
  const cue = PERIOD_VERB_BEFORE.exec(r.before({ span: p.span }, 12));
  if (!cue) return false;
  // Y: the nearest amount before, with only percentages between
  let j = i - 1;
  while (j >= 0 && i - j <= 4 && isPercent(r.at(j))) j--;
  const y = r.at(j);
  if (!isAmount(y)) return false;
  for (let k = j; k < i; k++) {
    const g = r.glue(r.at(k)!, r.at(k + 1)!);
    const clause = k === j ? FIRST_RATE_CLAUSE : NEXT_RATE_CLAUSE;
    if (g === undefined || !clause.test(g)) return false;
  }
  if (!usable(x.q) || !usable(y.q) || !sameUnit(x.q.unit, y.q.unit)) return false;
  const verb = cue[1].toLowerCase();
  const formula: RateFormula = INCREASE_WORDS.has(verb) ? 'growth' : DECREASE_WORDS.has(verb) ? 'decline' : verb === 'vượt' ? 'excess' : 'ratio';
  return emit(formula, p, fromQuantity(y.q), fromQuantity(x.q), 'base-in-parentheses');
}

// "320 hộ nghèo, giảm 80 hộ": the current figure (its noun up to six syllables), maybe its year, a
// comma, the verb of change; CHANGE_VERB_CLAUSE when nothing follows the verb before the next figure
const CHANGE_VERB_LEAD_SOURCE = `^(?:\\s+[\\p{L}\\p{M}]+){0,6}\\s*(?:(?:in|trong|năm)\\s+(?:fiscal year\\s+|fy\\s*)?\\d{4}\\s*)?,\\s*(?:ước\\s+)?(${INCREASE_WORDS.source}|${DECREASE_WORDS.source})`;
const CHANGE_VERB_LEAD = new RegExp(`${CHANGE_VERB_LEAD_SOURCE}(?![\\p{L}])`, 'u');
const CHANGE_VERB_CLAUSE = new RegExp(`${CHANGE_VERB_LEAD_SOURCE}\\s*$`, 'u');

/** Records a change claim; its cue starts at the verb of change, the last one written between `from` and `at`. */
function pushChange(text: string, out: Ratios, word: string, from: number, at: number, end: number, c: Pick<ChangeClaim, 'current' | 'change' | 'previous' | 'form' | 'sentence'>): void {
  const start = from + text.slice(from, at).toLowerCase().lastIndexOf(word);
  out.changes.push({ direction: INCREASE_WORDS.has(word) ? 'up' : 'down', cue: { start, end }, ...c });
}

/**
 * A change as an amount between the current figure and the earlier one in parentheses: "320 hộ
 * nghèo, giảm 80 hộ so với năm 2024 (420 hộ)", "đạt 1.500 tỷ đồng, tăng 400 tỷ đồng (36,4%) so với
 * cùng kỳ (1.100 tỷ đồng)". All three in one unit, none hedged.
 */
function readChangeBoth(text: string, r: SentenceReader, i: number, d: Quantity, sIdx: number, out: Ratios): void {
  const y = r.at(i - 1);
  if (!isAmount(y) || !usable(y.q)) return;
  // every change reader needs a comma before the second figure: test the raw text before normalising it (this runs for every amount)
  const raw = text.slice(y.span.end, d.span.start);
  if (raw.length > MAX_GLUE || !raw.includes(',')) return;
  const glue = r.glue(y, { span: d.span }) ?? '';
  if (readFromToChange(text, r, i, d, sIdx, out, glue) || readDirectionOnly(text, r, i, d, sIdx, out, glue)) return;
  const verb = CHANGE_VERB_CLAUSE.exec(glue);
  if (!verb) return;
  // the earlier figure next, or after the change's rate in parentheses
  let k = i + 1;
  if (isPercent(r.at(k)) && PAREN_RATE_OPEN.test(r.glue({ span: d.span }, r.at(k)!) ?? '') && /^\s*\)/.test(r.after(r.at(k)!, 4))) k++;
  const x = r.at(k);
  if (!isAmount(x) || !usable(x.q)) return;
  let g = r.glue(r.at(k - 1)!, x);
  if (g !== undefined && k === i + 2) g = g.replace(/^\s*\)/, '');
  // "so với năm 2024 (420 hộ)"; "up $80 million from $400 million in 2024"
  const bracketed = g !== undefined && PERIOD_BASE_OPEN.test(g) && /^\s*\)/.test(r.after(x, 4));
  const from = g !== undefined && k === i + 1 && CHANGE_FROM_EN.test(g) && CHANGE_END_EN.test(r.after(x, 30));
  if (!bracketed && !from) return;
  if (!sameUnit(y.q.unit, d.unit) || !sameUnit(d.unit, x.q.unit)) return;
  pushChange(text, out, verb[1].toLowerCase(), y.span.end, d.span.start, x.span.end + (bracketed ? 1 : 0), {
    current: fromQuantity(y.q),
    change: fromQuantity(d),
    previous: fromQuantity(x.q),
    form: 'change-both',
    sentence: sIdx,
  });
}

const CHANGE_FROM_EN = /^\s*(?:from|compared (?:with|to))\s*$/;
const CHANGE_END_EN = /^\s*(?:(?:in|for)\s+(?:fiscal year\s+|fy\s*)?\d{4}\s*)?(?:[,;.)]|$)/;
// after the second figure of "from X to Y": its period, a comma, the change ("…, an increase of $80 million")
const FROM_TO_CHANGE = new RegExp(`^${YEAR_OF}\\s*,\\s*(?:(?:or|that is)\\s+)?(${INCREASE_WORDS.source}|${DECREASE_WORDS.source})\\s*$`, 'u');

/** The direction alone, the earlier figure in parentheses: "đạt 1.500 tỷ đồng, giảm so với năm 2024 (1.100 tỷ đồng)". */
function readDirectionOnly(text: string, r: SentenceReader, i: number, x: Quantity, sIdx: number, out: Ratios, glue: string): boolean {
  const y = r.at(i - 1)!;
  const m = CHANGE_VERB_LEAD.exec(glue);
  if (!m || !PERIOD_BASE_OPEN.test(glue.slice(m[0].length)) || !/^\s*\)/.test(r.after({ span: x.span }, 4))) return false;
  if (!isAmount(y) || !sameUnit(y.q.unit, x.unit)) return false;
  pushChange(text, out, m[1].toLowerCase(), y.span.end, x.span.start, x.span.end + 1, {
    current: fromQuantity(y.q),
    previous: fromQuantity(x),
    form: 'direction-only',
    sentence: sIdx,
  });
  return true;
}

/** "rose from $400 million to $460 million, an increase of $80 million"; "từ 420 hộ xuống 320 hộ, giảm 80 hộ". */
function readFromToChange(text: string, r: SentenceReader, i: number, d: Quantity, sIdx: number, out: Ratios, glue: string): boolean {
  const y = r.at(i - 1)!;
  const x = r.at(i - 2);
  const verb = FROM_TO_CHANGE.exec(glue);
  if (!verb || !isAmount(x) || !isAmount(y) || !usableEnd(x.q) || !usableEnd(y.q)) return false;
  const g = r.glue(x, y);
  if (g === undefined || !FROM_TO.test(g) || !FROM_BEFORE.test(r.before(x, 30))) return false;
  if (!fromToUnits(x.q, y.q) || !sameUnit(y.q.unit, d.unit)) return false;
  pushChange(text, out, verb[1].toLowerCase(), y.span.end, d.span.start, d.span.end, {
    current: fromQuantity(y.q),
    change: fromQuantity(d),
    previous: fromQuantity(x.q),
    form: 'from-to-change',
    sentence: sIdx,
  });
  return true;
}

const RATE_OF_CHANGE_GLUE = /^\s*(?:\(|,\s*(?:tương ứng(?: với)?|tương đương(?: với)?|tức là|tức|or|up|down)?)\s*$/u;
const CURRENT_GLUE = /^[^;\d]{0,60}?(?:\d{4}[^;\d]{0,40}?)?,\s*$/u;

/**
 * The change as an amount and as a rate, the current figure before it: "đạt 500 tỷ đồng, tăng 50 tỷ
 * đồng (11,1%) so với cùng kỳ"; "the average refund was $2,942 …, an increase of $92 (3 percent)
 * from 2024". The earlier figure is the current one less (or plus) the change.
 */
function readChangeAmount(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const d = r.at(i - 1);
  const y = r.at(i - 2);
  if (!isAmount(d) || !isAmount(y) || !usable(d.q) || !usable(y.q) || !sameUnit(d.q.unit, y.q.unit)) return false;
  const g = r.glue(d, { span: p.span });
  if (g === undefined || !RATE_OF_CHANGE_GLUE.test(g)) return false;
  if (/\(\s*$/.test(g) && !/^\s*\)/.test(r.after({ span: p.span }, 4))) return false;
  const g1 = r.glue(y, d);
  if (g1 === undefined) return false;
  const dir = direction(g1);
  if (!dir) return false;
  const lead = g1.slice(0, DIRECTION_BEFORE.exec(g1)!.index + 1);
  if (!CURRENT_GLUE.test(lead)) return false;
  if (!d.q.base.lessThan(y.q.base)) return false;
  return emit(dir === 'up' ? 'growthBy' : 'declineBy', p, fromQuantity(d.q), fromQuantity(y.q), 'change-amount');
}

const PLAN_OF_OPEN = new RegExp(`^\\s*of\\s+(?:the|its|their)\\s+(?:${TARGET_NOUNS_EN.source}|budget|planned amount)\\s*(?:\\(|of)\\s*$`);
const PLAN_OF_GLUE = /^\s*(?:,\s*(?:or|reaching|which (?:is|was)|meeting)?|\s*\(|,?\s*(?:or|which is|which was))\s*$/;

/** `Revenue reached $1.32 million, 120 percent of the target ($1.1 million)`; `…, 120 percent of its goal of $1.1 million`. */
function readPlanBase(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const x = r.at(i + 1);
  const y = r.at(i - 1);
  if (!isAmount(x) || !isAmount(y)) return false;
  const g0 = r.glue({ span: p.span }, x);
  if (g0 === undefined || !PLAN_OF_OPEN.test(g0)) return false;
  if (g0.trimEnd().endsWith('(') && !/^\s*\)/.test(r.after(x, 4))) return false;
  const g = r.glue(y, { span: p.span });
  if (g === undefined || !PLAN_OF_GLUE.test(g)) return false;
  if (!usable(x.q) || !usable(y.q) || !sameUnit(x.q.unit, y.q.unit)) return false;
  return emit('ratio', p, fromQuantity(y.q), fromQuantity(x.q), 'plan-of');
}

/** `đã tiếp nhận 55 đơn thư, đã giải quyết 40 đơn, đạt 72,7%`; `tổng số 120 hộ, … 45 hộ, chiếm 37,5%`. */
function readTotalCued(r: SentenceReader, i: number, p: Quantity, emit: Emit, earlier: () => Item[][]): boolean {
  const a = r.at(i - 1);
  if (!isAmount(a) || !usable(a.q)) return false;
  const g = r.glue(a, { span: p.span });
  if (g === undefined || FORMULA_WORDS_RE.test(g)) return false;
  const paren = /^\s*\(\s*$/.test(g);
  if (!paren && !PART_RATE_GLUE.test(g)) return false;
  if (OF_AFTER.test(r.after({ span: p.span }, 12))) return false;
  const after = r.after({ span: p.span }, 30);
  if (COMPARED_AFTER_RE.test(after)) return false;
  const planMode = PLAN_WORD_AFTER.test(after);
  if (!planMode && !END_AFTER.test(after)) return false;
  // the part named by a total word ("tiếp nhận 55 đơn (…%)") is a whole itself, unless the sentence
  // opens with its whole ("Of the $14 million, USAID received $9 million (34 percent)")
  const opened = r.at(0) !== a && isAmount(r.at(0)) && WHOLE_OPENING_RE.test(r.before(r.at(0)!, 30));
  if ((TOTAL_CUE.test(r.before(a, 30)) && !opened) || (planMode && PLAN_CUE.test(r.before(a, 30)))) return false;
  const same: Array<Item & { q: Quantity }> = [];
  const candidates: Array<Item & { q: Quantity }> = [];
  // look back a bounded distance: a total stated far earlier in a long sentence is not a plain pairing
  let from = i - 2;
  while (from > 0 && i - from < MAX_LOOKBACK && a.span.start - r.at(from - 1)!.span.start <= 400) from--;
  for (let j = from; j < i - 1; j++) {
    const b = r.at(j);
    // a bare figure may pair only with a counted noun ("Of the 55 complaints, 40 (72.7%)")
    if (!isAmount(b) || !pairUnits(a.q, b.q) || (a.q.unit.family === 'none' && b.q.unit.family !== 'count' && !sameBareNoun(r, a, b))) continue;
    same.push(b);
    const lead = r.before(b, 30);
    // the whole named by a total word before it, or broken down right after it ("200.000 tấn, trong đó 190.000 tấn (chiếm 95%)")
    if (planMode ? PLAN_CUE.test(lead) : TOTAL_CUE.test(lead) || (j + 1 < i && BREAKDOWN_AFTER.test(r.after(b, 40)))) candidates.push(b);
  }
  if (candidates.length === 0 && same.length === 0 && !planMode) return readBaseBefore(r, a, p, emit, earlier());
  if (candidates.length !== 1) return false;
  const b = candidates[0];
  // a part larger than its whole means the pairing is not what the sentence says, unless the whole
  // opens the sentence ("Of the 492 states we reviewed, 603 (87 percent) …": a figure is wrong)
  if (!usable(b.q) || (a.q.base.greaterThan(b.q.base) && !WHOLE_OPENING_RE.test(r.before(b, 30)))) return false;
  // ambiguity guard: another pairing of the same-unit figures that also gives P means the reading is unsure
  const claim = { formula: 'part' as const, rate: fromQuantity(p), numerator: fromQuantity(a.q), denominator: fromQuantity(b.q), form: '', sentence: -1 };
  if (p.value.greaterThan(100) && !rateConsistent({ ...claim, numerator: claim.denominator, denominator: claim.numerator }, 'any')) return false;
  if (!rateConsistent(claim, 'any')) {
    const all = [...same, a];
    for (const x of all)
      for (const y of all) {
        // the inverted ratio (B/A) is the slip this rule exists to catch, not another reading
        if (x === y || (x === a && y === b) || (x === b && y === a) || !usable(x.q) || !usable(y.q)) continue;
        if (rateConsistent({ ...claim, numerator: fromQuantity(x.q), denominator: fromQuantity(y.q) }, 'any')) return false;
      }
  }
  return emit(planMode ? 'ratio' : 'part', p, fromQuantity(a.q), fromQuantity(b.q), planMode ? 'plan-cued' : 'total-cued');
}

/**
 * Two bare figures (no unit the lexicon knows) followed by the same noun the text writes: "đào tạo
 * 132 học viên, trong đó 99 học viên có việc làm". Both words must agree where both figures are
 * followed by two ("học viên" is not "học sinh"); one word agrees with a longer noun ("55 đơn thư …
 * 40 đơn").
 */
function sameBareNoun(r: SentenceReader, a: Item & { q: Quantity }, b: Item & { q: Quantity }): boolean {
  if (a.q.unit.raw !== '' || b.q.unit.family !== 'none' || b.q.unit.raw !== '') return false;
  const x = r.nounAfter(a);
  const y = r.nounAfter(b);
  if (!x.length || !y.length || x[0] !== y[0]) return false;
  return x.length < 2 || y.length < 2 || x[1] === y[1];
}

/**
 * The whole in an earlier sentence of the paragraph, or in the heading above it: "Tiếp nhận 55 đơn.
 * … Đã giải quyết 40 đơn, đạt 72,7%". Only a count of the same noun, stated with a total word, the
 * only figure of that noun from there to the part (any other makes the pairing unsure).
 */
function readBaseBefore(r: SentenceReader, a: Item & { q: Quantity }, p: Quantity, emit: Emit, earlier: Item[][]): boolean {
  // a noun the lexicon does not know is taken from the text: both figures followed by the same word ("tiếp nhận 537 liên. … 239 liên")
  const bare = a.q.unit.family === 'none' && a.q.unit.raw === '' ? r.wordAfter(a) : '';
  if ((a.q.unit.family !== 'count' || !a.q.unit.noun) && !bare) return false;
  const sameNoun = (b: Item & { q: Quantity }): boolean =>
    bare ? b.q.unit.family === 'none' && b.q.unit.raw === '' && r.wordAfter(b) === bare : b.q.unit.family === 'count' && sameUnit(a.q.unit, b.q.unit);
  for (const items of earlier) {
    const same = items.filter((b): b is Item & { q: Quantity } => isAmount(b) && sameNoun(b));
    if (same.length === 0) continue;
    if (same.length !== 1) return false;
    const b = same[0];
    // long enough for a total word, the noun it totals and a link ("tổng số trạm đã đi vào hoạt động là")
    const lead = norm(r.textBefore(b, 48));
    if (!(TOTAL_CUE.test(lead) || totalSubject(r.textBefore(b, 240)) || backReference(r.textBetween(b, a))) || !usable(b.q) || a.q.base.greaterThan(b.q.base)) return false;
    return emit('part', p, fromQuantity(a.q), fromQuantity(b.q), 'base-before');
  }
  return false;
}

// the clause before a figure: from the last sentence or clause break (or the start of a clause
// after an opening adverbial and its comma, "Hiện nay, tổng số …"), a total subject, then its link
const CLAUSE_TOTAL = new RegExp(`(?:^|[.;!?\\n]\\s*|,\\s+)(?:${CLAUSE_TOTAL_SUBJECTS.source})\\s[^.;!?\\n]*\\s(?:${CLAUSE_TOTAL_LINKS.source})\\s*$`, 'iu');
/** The figure is the predicate of a clause whose subject is a total: "Tổng số trạm … là 87 trạm". */
function totalSubject(before: string): boolean {
  return CLAUSE_TOTAL.test(before);
}

// the whole closes the sentence right before, and the part's sentence opens by pointing back at it:
// "… includes 2,623 programs. Of those, 2,348 programs (93 percent) …", "… là 87 trạm. Trong số đó, 28 trạm …"
const BACK_REFERENCE = new RegExp(`^[^.!?;\\n]*[.!?]\\s+(?:${BACK_REFERENCES.source})(?![\\p{L}\\p{M}])[^.!?;\\n]*$`, 'iu');
/** The text from the whole to the part: the end of the whole's sentence, then a sentence opening with a back reference. */
function backReference(between: string): boolean {
  return between.length <= 240 && BACK_REFERENCE.test(between);
}

const ONE_IN = new RegExp(`(?:^|[^\\p{L}])(?:one|1)\\s+(?:in|out of)\\s+(?:every\\s+)?(${NUMBER_WORDS_EN.map(([w]) => w).join('|')}|\\d{1,2})(?![\\p{L}\\d])`, 'giu');
const WORD_VALUE = new Map(NUMBER_WORDS_EN);

/**
 * "Of the 120 households surveyed, 30 — one in four — were poor": "one in N" restates the share
 * of the figure right before it in its whole, N rounded to a whole number (whole / part ∈ [N − ½, N + ½]).
 */
function readOneIn(text: string, r: SentenceReader, sentence: Sentence, sIdx: number, out: Ratios): void {
  const s = sentence.text;
  for (const m of s.matchAll(ONE_IN)) {
    const start = sentence.span.start + m.index! + m[0].length - m[0].trimStart().length;
    const end = sentence.span.start + m.index! + m[0].length;
    const n = WORD_VALUE.get(m[1].toLowerCase()) ?? Number(m[1]);
    if (!(n >= 2)) continue;
    // the part: the amount right before, with only a dash, a parenthesis, a comma or "or" between
    let i = -1;
    for (let k = 0; r.at(k); k++) if (r.at(k)!.span.end <= start) i = k;
    const a = r.at(i);
    if (!isAmount(a) || !usable(a.q)) continue;
    if (!/^\s*(?:[,(—–-]|,?\s*or)\s*$/u.test(text.slice(a.span.end, start))) continue;
    const candidates: Array<Item & { q: Quantity }> = [];
    for (let j = 0; j < i; j++) {
      const b = r.at(j);
      if (isAmount(b) && pairUnits(a.q, b.q) && TOTAL_CUE.test(r.before(b, 30))) candidates.push(b);
    }
    if (candidates.length !== 1) continue;
    const b = candidates[0];
    if (!usable(b.q) || a.q.base.greaterThan(b.q.base)) continue;
    const span = { start, end };
    const rate: Operand = { span, valueSpan: span, value: new Decimal(n), decimals: 0, scale: new Decimal(1), exact: false };
    out.rates.push({ formula: 'oneIn', rate, numerator: fromQuantity(b.q), denominator: fromQuantity(a.q), form: 'one-in', sentence: sIdx });
  }
}

// ---------------------------------------------------------------------------------------------
// Comparison claims

const TARGET_NOUN = `(?:${TARGET_NOUNS.source})`;
// words naming the target ("đề ra", "Nghị quyết đề ra", "của tỉnh giao"), then maybe an opening parenthesis
const TARGET_TAIL = '(?:\\s+[^\\d;,.()%]{1,40}?)?\\s*\\(?';
const DET = `(?:${DETERMINERS_EN.source})`;
const EN_TARGET = `(?:${TARGET_NOUNS_EN.source})`;
const claimVi = (words: string, lead: string): RegExp =>
  new RegExp(`^\\s*[,(]?\\s*${lead}(?:${words})\\s+${TARGET_NOUN}${TARGET_TAIL}\\s*(?:là\\s*)?:?\\s*$`);
const claimEn = (words: string): RegExp =>
  new RegExp(`^\\s*[,(]?\\s*(?:which\\s+)?(?:${words})(?:\\s+${DET})?(?:\\s+${EN_TARGET}(?:\\s+of)?)?\\s*:?\\s*$`);
const CLAIMS: Array<[Relation, RegExp]> = [
  ['above', claimVi(CLAIM_WORDS_VI.above.source, '(?:đã\\s+)?')],
  ['above', claimEn(CLAIM_WORDS_EN.above.source)],
  ['below', claimVi(CLAIM_WORDS_VI.below.source, '(?:vẫn\\s+)?')],
  ['below', claimEn(CLAIM_WORDS_EN.below.source)],
  ['atLeast', claimVi(CLAIM_WORDS_VI.atLeast.source, '(?:đã\\s+)?')],
  // "meets the target": the determiner is required, and a plan is not a threshold met
  ['atLeast', new RegExp(`^\\s*[,(]?\\s*(?:which\\s+)?(?:${CLAIM_WORDS_EN.atLeast.source})\\s+${DET}\\s+(?:target|goal|benchmark)(?:\\s+of)?\\s*:?\\s*$`)],
  ['equal', new RegExp(`^\\s*[,(]?\\s*(?:${CLAIM_WORDS_VI.equal.source})\\s+(?:${EQUAL_TARGETS_VI.source})[^\\d;()]{0,30}?\\s*\\(?\\s*(?:là\\s*)?:?\\s*$`)],
  ['equal', new RegExp(`^\\s*[,(]?\\s*(?:${CLAIM_WORDS_EN.equal.source})(?:\\s+${DET})?[^\\d;()]{0,30}?\\s*\\(?\\s*:?\\s*$`)],
];
// English, the target noun after the target's figure: "…, above its 90 percent target", "…, short of the 95 percent goal"
const claimEnNounAfter = (words: string): RegExp => new RegExp(`^([^\\d;()]{0,50}?,\\s*(?:which\\s+(?:is|was)\\s+)?)(${words})\\s+${DET}\\s*$`);
const CLAIMS_EN_NOUN_AFTER: Array<[Relation, RegExp]> = [
  ['above', claimEnNounAfter(CLAIM_WORDS_EN.above.source)],
  ['below', claimEnNounAfter(CLAIM_WORDS_EN.below.source)],
];
const TARGET_NOUN_AFTER_EN = new RegExp(`^\\s*(${EN_TARGET})(?![\\p{L}])`, 'u');
// Lower-is-better figures (poverty, backlog, reductions) turn "vượt" around: stay silent there.
const LOWER_IS_BETTER_RE = new RegExp(`(?:^|[^\\p{L}])(?:(?:${LOWER_IS_BETTER.source})(?![\\p{L}])|${LOWER_IS_BETTER_EN_STEMS.join('|')})`, 'u');
const CLAUSE_BREAK = new RegExp(`(?:^|\\s)(?:${CLAUSE_BREAKS.source})(?=\\s|$)`, 'u');
const MARGIN_AFTER = new RegExp(`^\\s*(?:${PLAN_CLAIM_NOUNS.source}|so(?![\\p{L}]))`, 'u');
const PLAN_RATE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${PLAN_RATE_VERBS.source})\\s*$`, 'u');
const PLAN_CLAIM = new RegExp(
  `^((?:\\s+(?:${PLAN_NAMING.source}|của [^\\d;()]{0,30}?))?\\s*[,(]\\s*)((?:đã\\s+)?(?:${PLAN_CLAIM_VERBS.source}))\\s+(${PLAN_CLAIM_NOUNS.source})(?![\\p{L}])`,
  'u',
);

function readComparison(text: string, r: SentenceReader, i: number, p: Quantity, sIdx: number, out: Ratios): void {
  const q = r.at(i + 1);
  const before = r.before({ span: p.span }, 80);
  if (q?.q && q.q.unit.family === 'percent') {
    const glue = r.glue({ span: p.span }, q);
    if (glue !== undefined && glue.length <= 60) {
      for (const [relation, re] of CLAIMS) {
        if (!re.test(glue)) continue;
        // "vượt kế hoạch và tăng 12%": the figure after belongs to another clause
        if (CLAUSE_BREAK.test(glue)) return;
        if (q.q.range || !q.q.wellFormed) return;
        if (relation !== 'equal' && (LOWER_IS_BETTER_RE.test(before) || LOWER_IS_BETTER_RE.test(glue))) return;
        if (q.q.hedged && (relation !== 'above' || UPPER_BOUND_HEDGES.all(q.q.hedge ?? '').length > 0)) return;
        // "vượt chỉ tiêu 5% kế hoạch": the figure is the margin, not the target
        if (MARGIN_AFTER.test(r.after(q, 12))) return;
        const lead = /^\s*[,(]?\s*/.exec(text.slice(p.span.end, q.span.start))![0].length;
        out.comparisons.push({
          relation,
          cue: { start: p.span.end + lead, end: q.span.end + (glue.slice(lead).includes('(') && text[q.span.end] === ')' ? 1 : 0) },
          value: fromQuantity(p),
          target: fromQuantity(q.q),
          implicitTarget: false,
          form: 'percent-vs-target',
          sentence: sIdx,
        });
        return;
      }
    }
  }
  // "processed 85 percent of claims on time, above its 90 percent target": the claim closes the
  // clause of the figure, the target noun follows the target's figure
  if (q?.q && q.q.unit.family === 'percent') {
    const glue = r.glue({ span: p.span }, q);
    if (glue !== undefined && glue.length <= 80) {
      for (const [relation, re] of CLAIMS_EN_NOUN_AFTER) {
        const m = re.exec(glue);
        if (!m || !TARGET_NOUN_AFTER_EN.test(r.after(q, 16))) continue;
        if (CLAUSE_BREAK.test(glue.slice(0, m.index + m[1].length)) || q.q.range || !q.q.wellFormed || q.q.hedged) return;
        if (LOWER_IS_BETTER_RE.test(before) || LOWER_IS_BETTER_RE.test(glue)) return;
        const cueStart = text.slice(p.span.end, q.span.start).toLowerCase().lastIndexOf(m[2].toLowerCase().split(/\s+/)[0]);
        const noun = TARGET_NOUN_AFTER_EN.exec(r.after(q, 16))!;
        const cueEnd = q.span.end + (text.slice(q.span.end, q.span.end + 16).toLowerCase().indexOf(noun[1]) + noun[1].length);
        out.comparisons.push({
          relation,
          cue: { start: cueStart >= 0 ? p.span.end + cueStart : q.span.start, end: cueEnd },
          value: fromQuantity(p),
          target: fromQuantity(q.q),
          implicitTarget: false,
          form: 'percent-vs-target-noun-after',
          sentence: sIdx,
        });
        return;
      }
    }
  }
  // "đạt 95% kế hoạch, vượt kế hoạch": a plan-relative rate and a claim about the plan
  const after = r.after({ span: p.span }, 80);
  const plan = PLAN_WORD_AFTER.exec(after);
  if (!plan || !PLAN_RATE_BEFORE.test(r.before({ span: p.span }, 12))) return;
  const rest = after.slice(plan[0].length);
  const next = r.at(i + 1);
  const limit = next ? next.span.start - p.span.end - plan[0].length : rest.length;
  const m = PLAN_CLAIM.exec(rest);
  if (!m || m.index + m[0].length > limit || m[3] !== plan[1]) return;
  const start = p.span.end + plan[0].length + m[1].length;
  const cue = { start, end: start + m[0].length - m[1].length };
  const relation: Relation = /vượt/.test(m[2]) ? 'above' : 'atLeast';
  const hundred: Operand = { span: cue, valueSpan: cue, value: new Decimal(100), decimals: 0, scale: new Decimal(1), exact: true };
  out.comparisons.push({ relation, cue, value: fromQuantity(p), target: hundred, implicitTarget: true, form: 'plan-claim', sentence: sIdx });
}

// ---------------------------------------------------------------------------------------------
// Shares of one whole

const BREAKDOWN_CUE = new RegExp(`(?:^|[^\\p{L}])(${SHARE_GROUP_CUES.source})(?![\\p{L}])`, 'u');
const SHARE_LEAD = new RegExp(`(?:${SHARE_VERBS.source})(?:\\s+(?:${SHARE_NOUNS.source}))?\\s*$`);
const NOT_ONE_WHOLE = new RegExp(`${SHARE_GROUP_BREAKERS.source}|\\d{4}|[()]`);
const REST_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${REST_WORDS.source})(?![\\p{L}])`, 'u');

function readShares(text: string, items: Item[], sentence: Sentence, sIdx: number, out: Ratios): void {
  const shares: Quantity[] = [];
  for (const it of items) {
    if (!isPercent(it)) continue;
    const lead = norm(text.slice(Math.max(sentence.span.start, it.span.start - 24), it.span.start));
    if (SHARE_LEAD.test(lead)) shares.push(it.q);
  }
  if (shares.length < 2 || shares.some((q) => !usable(q))) return;
  const head = text.slice(sentence.span.start, shares[0].span.start);
  const cue = BREAKDOWN_CUE.exec(head.toLowerCase());
  if (!cue) return;
  // a nested breakdown ("trong đó …") inside the list shares a different whole
  const inside = norm(text.slice(shares[0].span.end, shares[shares.length - 1].span.start));
  if (NOT_ONE_WHOLE.test(inside)) return;
  const at = sentence.span.start + cue.index + cue[0].length - cue[1].length;
  // Shares sum to one whole only when they split it by one criterion. The label of each share (the
  // words since the previous share) names its part; when the labels count different things ("nữ 21
  // đồng chí" vs "dưới 30 tuổi 29 đồng chí": a count beside an age), they are parts by different
  // attributes that may overlap, and their sum says nothing.
  // (a number glued to letters is a code, RON92, not a count)
  const unitsOf = (from: number, to: number): string =>
    [...norm(text.slice(from, to)).matchAll(/(?<![\p{L}\d.,])\d+(?:[.,]\d+)*\s*(\p{L}+)/gu)].map((m) => m[1]).join(' ');
  // the first label starts after the cue, or after the last colon or semicolon that opens the list
  // ("GRDP ước đạt 172.033 tỷ đồng, trong đó: Khu vực nông … chiếm 34,86%")
  const opening = Math.max(at + cue[1].length, ...[...text.slice(at, shares[0].span.start).matchAll(/[:;]/g)].map((m) => at + m.index! + 1));
  const labelUnits = shares.map((q, k) => unitsOf(k === 0 ? opening : shares[k - 1].span.end, q.span.start));
  if (labelUnits.some((u) => u !== labelUnits[0])) return;
  const last = shares[shares.length - 1];
  const lastLead = norm(text.slice(shares[shares.length - 2].span.end, last.span.start));
  const complete = REST_BEFORE.test(lastLead);
  out.shareGroups.push({ shares: shares.map(fromQuantity), cue: { start: at, end: at + cue[1].length }, complete, sentence: sIdx });
}

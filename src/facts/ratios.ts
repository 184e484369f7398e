// Rate phrases: which stated percentage (or multiple) is computed from which two stated figures
// and by which formula, and which words claim a relation between a figure and its target.
// Built on the quantity reader (quantities.ts) and fraction tokens (numbers.ts); every phrase is
// read inside one sentence, from the short text ("glue") between adjacent figures, so the cost is
// linear in the number of figures. A phrase whose reading is ambiguous is not recorded: the
// checking rules (percent-mismatch, comparison-claim) only see pairings the text makes plain.
//
// API: fact `ratios` -> { rates: RateClaim[], comparisons: ComparisonClaim[], shareGroups: ShareGroup[] }
//   rateRange(claim, mode) -> the interval the stated operands allow for the rate
//   rateConsistent(claim, rounding) / comparisonConsistent(claim, rounding) / sharesConsistent(group, rounding)

import { Decimal } from 'decimal.js';
import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';
import { intersects, modesOf, statedInterval, type Interval, type Rounding, type RoundingMode } from './intervals.js';
import { numberTokens, type NumberToken } from './numbers.js';
import { quantities, sameUnit, type Quantity, type Unit } from './quantities.js';
import { sentenceIndexAt, sentences, type Sentence } from './sentences.js';

/**
 * part: P = 100·A/B (đạt, chiếm, A of B); ratio: P = 100·value/base (bằng P% so với X, đạt P% kế hoạch);
 * growth: P = 100·(Y−X)/X (tăng P%); decline: P = 100·(X−Y)/X (giảm P%);
 * excess: P = 100·(actual/plan − 1) (vượt P% kế hoạch); multiple: N = Y/X (gấp N lần).
 */
export type RateFormula = 'part' | 'ratio' | 'growth' | 'decline' | 'excess' | 'multiple';

export interface Operand {
  /** The figure with its unit as written. */
  span: Span;
  /** The digits. */
  valueSpan: Span;
  value: Decimal;
  decimals: number;
  /** Multiplier to the unit family's base (tỷ đồng -> 1e9). */
  scale: Decimal;
  /** A count of discrete things: the figure is exact, not rounded. */
  exact: boolean;
  unit?: Unit;
}

export interface RateClaim {
  formula: RateFormula;
  /** The stated percentage (or the multiple N of `gấp N lần`). */
  rate: Operand;
  /** A (part), Y (new value, actual). */
  numerator: Operand;
  /** B (whole), X (old value, plan). */
  denominator: Operand;
  /** Which phrase form was read (for tests and explanations). */
  form: string;
  sentence: number;
}

export type Relation = 'above' | 'below' | 'equal' | 'atLeast';

export interface ComparisonClaim {
  relation: Relation;
  /** The words that claim the relation (through the target when it follows them). */
  cue: Span;
  value: Operand;
  /** The target; for plan claims (`đạt 95% kế hoạch, vượt kế hoạch`) a synthetic 100 % placed on the claim. */
  target: Operand;
  /** True when the target is the implicit 100 % of a plan. */
  implicitTarget: boolean;
  form: string;
  sentence: number;
}

export interface ShareGroup {
  /** `chiếm P%` shares of one whole, in text order. */
  shares: Operand[];
  /** The word that announces the breakdown (cơ cấu, gồm…). */
  cue: Span;
  /** The last share is "the rest" (còn lại, the remainder): together they must make 100 %. */
  complete: boolean;
  sentence: number;
}

export interface Ratios {
  rates: RateClaim[];
  comparisons: ComparisonClaim[];
  shareGroups: ShareGroup[];
}

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

const isPercent = (it: Item | undefined): it is Item & { q: Quantity } => !!it?.q && it.q.unit.family === 'percent';
const isAmount = (it: Item | undefined): it is Item & { q: Quantity } =>
  !!it?.q && it.q.unit.family !== 'percent' && it.q.unit.family !== 'time';
// `ambiguous` (1.234 reads otherwise in the other convention) is not a reason to doubt a figure read in the document's own convention.
const usable = (q: Quantity): boolean => !q.hedged && !q.range && q.wellFormed && q.value.greaterThan(0);
/** An end of `from X to Y` / `từ X đến Y`: the quantity reader calls it a range, here it is a stated figure. */
const usableEnd = (q: Quantity): boolean => !q.hedge && q.wellFormed && q.value.greaterThan(0);

// Words that change what a percentage is computed from: a rate next to them is not a plain share.
const FORMULA_WORDS = /tăng|giảm|vượt|so với|so cùng|cùng kỳ|kỳ trước|năm trước|trước đó|kế hoạch|chỉ tiêu|mục tiêu|dự toán|gấp|lần|increase|decrease|grew|rose|fell|declin|higher|lower|more|less|above|below|exceed|change|growth|compared|previous|prior|last year|target|goal|plan/;
// A percentage followed by one of these is relative to a plan or an earlier period, not to the counts before it.
const PLAN_AFTER = /^\s*\)?\s*(?:kế hoạch|kh(?![\p{L}])|dự toán|chỉ tiêu|mục tiêu|nhiệm vụ|so(?![\p{L}])|cùng kỳ|of (?:the )?(?:plan|target|goal|budget)|of plan|of target|compared|over|from)/u;
const PLAN_WORD_AFTER = /^\s*(?:so với\s+|so\s+)?(kế hoạch|dự toán|chỉ tiêu|mục tiêu)/;
// The glue just before a percentage that is a share: "…, đạt 72,7%", "(chiếm 75%)", "(72.7%)", ", or 72.7%".
const SHARE_CUE_END = /(?:(?:^|[^\p{L}])(?:đạt|chiếm|bằng|là|tỷ lệ|tỉ lệ|tương ứng|tức là|tức|hay|or)(?:\s+(?:tỷ lệ|tỉ lệ|là|đạt))*|[=(:])\s*$/u;
const CUE_WORDS = /^\s*(?:(?:ước|đạt|chiếm|bằng|là|tương ứng với|tương ứng|tức là|tức|hay|or|tỷ lệ|tỉ lệ|=|:)\s*)*$/u;

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
const END_AFTER = /^\s*(?:[,;.)\]:!?…]|$|(?:và|còn|nhưng|song|and|but|were|was|are|is|had|have|in|within|by|for|on|at|during)(?![\p{L}]))/u;
/** A percentage followed by "of …" (35% of which, 20% của …) is a share of something else. */
const OF_AFTER = /^\s*(?:of|của|trong số)(?![\p{L}])/u;
const CONNECT_OF = /^\s*(?:out of|of|trên tổng số|trên tổng|trong tổng số|trong số|trên)\s+(?:the\s+|all\s+|all the\s+|a total of\s+)?$/;
const CONNECT_SLASH = /^\s*(?:\[\d+\]\s*)?\/\s*$/;
const DIRECTION_BEFORE =
  /(?:^|[^\p{L}])(tăng|giảm|increased by|increased|decreased by|decreased|rose by|rose|grew by|grew|fell by|fell|declined by|declined|dropped by|dropped|went up by|went up|went down by|went down|up|down|an increase of|a decrease of|a rise of|a drop of|a decline of|a reduction of|reduced by)\s*(?:thêm\s*|khoảng\s*)?$/u;
const TOTAL_CUE =
  /(?:^|[^\p{L}])(?:(?:tổng số|tổng cộng)(?: [^\d;()]{1,30})?|tổng cộng|tổng|tiếp nhận|nhận được|đã nhận|thụ lý|toàn (?:xã|phường|huyện|tỉnh|thành phố|ngành|đơn vị|trường|thị trấn) có|có tổng(?: số)?|được giao|giao|received|a total of|total(?: of)?|of the|out of the)(?:\s+(?:là|được|có|gồm|cộng))?\s*:?\s*$/u;
const PLAN_CUE = /(?:^|[^\p{L}])(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu)[^\d;,.()]{0,30}$/u;

/** Lower case, every white-space character a plain space: same length, so offsets carry over. */
function norm(s: string): string {
  const lower = s.toLowerCase();
  return (lower.length === s.length ? lower : s).replace(/\s/g, ' ');
}

class SentenceReader {
  constructor(
    private readonly text: string,
    private readonly items: Item[],
    private readonly sentence: Sentence,
  ) {}

  /** Text between two items (lower case, spaces collapsed), or undefined when they are far apart. */
  glue(a: Item, b: Item): string | undefined {
    if (b.span.start - a.span.end > MAX_GLUE || b.span.start < a.span.end) return undefined;
    return norm(this.text.slice(a.span.end, b.span.start));
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
}

/** Reads every rate phrase and comparison claim of a document. */
export function ratiosOf(doc: Document, qs: Quantity[], tokens: NumberToken[], sents: Sentence[]): Ratios {
  const out: Ratios = { rates: [], comparisons: [], shareGroups: [] };
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
    push(q.sentence, { span: q.span, q });
  }
  for (const t of tokens) {
    if (t.kind !== 'fraction' || !t.fraction) continue;
    const num = fromToken(t.fraction.numerator);
    const den = fromToken(t.fraction.denominator);
    if (!num || !den) continue;
    push(sentenceIndexAt(sents, t.span.start), { span: t.span, frac: { num, den } });
  }
  for (const [s, items] of bySentence) {
    items.sort((a, b) => a.span.start - b.span.start);
    readSentence(text, items, sents[s], s, out);
  }
  out.rates.sort((a, b) => a.rate.span.start - b.rate.span.start);
  out.comparisons.sort((a, b) => a.cue.start - b.cue.start);
  return out;
}

function readSentence(text: string, items: Item[], sentence: Sentence, sIdx: number, out: Ratios): void {
  const r = new SentenceReader(text, items, sentence);
  const rate = (formula: RateFormula, p: Quantity, numerator: Operand, denominator: Operand, form: string): true => {
    out.rates.push({ formula, rate: fromQuantity(p), numerator, denominator, form, sentence: sIdx });
    return true;
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!isPercent(it) || !usable(it.q)) {
      if (it.q && it.q.unit.family === 'count' && it.q.unit.noun === 'lần' && usable(it.q)) readMultiple(r, i, it.q, rate);
      continue;
    }
    const p = it.q;
    readComparison(text, r, i, p, sIdx, out);
    // each percentage gets at most one reading: explicit forms first
    void (
      readFractionBefore(r, i, p, rate) ||
      readFractionAfter(r, i, p, rate) ||
      readOfBefore(r, i, p, rate) ||
      readOfAfter(r, i, p, rate) ||
      readPercentOfThe(r, i, p, rate) ||
      readFromTo(r, i, p, rate) ||
      readPeriodBase(r, i, p, rate) ||
      readTotalCued(r, i, p, rate)
    );
  }
  readShares(text, items, sentence, sIdx, out);
}

type Emit = (formula: RateFormula, p: Quantity, numerator: Operand, denominator: Operand, form: string) => true;

/** A fraction that can be a part of a whole: not a day/month (`đến ngày 15/6`), numerator not above denominator. */
function plainFraction(r: SentenceReader, f: Item): boolean {
  if (!f.frac || f.frac.num.value.greaterThan(f.frac.den.value) || f.frac.den.value.isZero()) return false;
  return !/(?:^|[^\p{L}])(?:ngày|đến|tới|từ|hết|tháng|lúc|hôm|sáng|chiều|on|as of|since|by|until|dated)\s*$/u.test(r.before(f, 14));
}

/** `45/60 xã đạt chuẩn (chiếm 75%)`, `629/731 trường …, đạt tỷ lệ 86,1%`, `40/55 (72.7%)`. */
function readFractionBefore(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const prev = r.at(i - 1);
  if (!prev?.frac || !plainFraction(r, prev)) return false;
  const glue = r.glue(prev, { span: p.span });
  if (glue === undefined || glue.length > 80 || glue.includes(';') || /\d/.test(glue)) return false;
  if (!shareCue(glue) || FORMULA_WORDS.test(glue)) return false;
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
  if (FORMULA_WORDS.test(r.before({ span: p.span }, 16))) return false;
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
  if (!slash && !CONNECT_OF.test(g1)) return false;
  if (!usable(a.q) || b.q.range || !b.q.wellFormed || !b.q.value.greaterThan(0)) return false;
  if (b.q.hedged && !(b.q.hedge === 'trên' && /trên\s*$/.test(g1))) return false;
  if (!pairUnits(a.q, b.q)) return false;
  const g2 = r.glue(b, { span: p.span });
  if (g2 === undefined || g2.length > 60 || g2.includes(';') || /\d/.test(g2)) return false;
  if (!shareCue(g2) || FORMULA_WORDS.test(g2) || OF_AFTER.test(r.after({ span: p.span }, 12))) return false;
  // a rate relative to a plan is actual/plan only in the `actual/plan` (slash) form
  if (!slash && PLAN_AFTER.test(r.after({ span: p.span }, 30))) return false;
  if (slash && /^\s*\)?\s*(?:so(?![\p{L}])|cùng kỳ|compared|over|from)/u.test(r.after({ span: p.span }, 30))) return false;
  const after = r.after({ span: p.span }, 30);
  if (!END_AFTER.test(after) && !(slash && PLAN_WORD_AFTER.test(after))) return false;
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
  if (FORMULA_WORDS.test(r.before({ span: p.span }, 16))) return false;
  return emit('part', p, fromQuantity(a.q), fromQuantity(b.q), 'of-after');
}

/** `72.7% of the 55 cases (40)`; `(chiếm 90% trên tổng số 2,54 triệu hộ)` after the part. */
function readPercentOfThe(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const b = r.at(i + 1);
  if (!isAmount(b)) return false;
  const g0 = r.glue({ span: p.span }, b);
  if (g0 === undefined) return false;
  if (/^\s*of (?:the |all |all the )?$/.test(g0)) {
    // English: the part follows in parentheses
    const a = r.at(i + 2);
    if (!isAmount(a)) return false;
    const g1 = r.glue(b, a);
    if (g1 === undefined || !/^[^\d;()]{0,50}\(\s*$/u.test(g1) || FORMULA_WORDS.test(g1)) return false;
    if (!/^\s*\)/.test(r.after(a, 4))) return false;
    if (!usable(a.q) || !usable(b.q) || !pairUnits(a.q, b.q)) return false;
    if (FORMULA_WORDS.test(r.before({ span: p.span }, 16))) return false;
    return emit('part', p, fromQuantity(a.q), fromQuantity(b.q), 'percent-of-the');
  }
  if (/^\s*(?:trên tổng số|của tổng số|trong tổng số|so với tổng số)\s*$/.test(g0)) {
    const a = r.at(i - 1);
    if (!isAmount(a)) return false;
    const g1 = r.glue(a, { span: p.span });
    if (g1 === undefined || g1.length > 80 || !/(?:chiếm|bằng|đạt)(?:\s+(?:tỷ lệ|tỉ lệ))?\s*$/.test(g1) || FORMULA_WORDS.test(g1) || /[;\d]/.test(g1)) return false;
    if (!usable(a.q) || !usable(b.q) || !sameUnit(a.q.unit, b.q.unit)) return false;
    return emit('part', p, fromQuantity(a.q), fromQuantity(b.q), 'share-of-total');
  }
  return false;
}

function direction(s: string): 'up' | 'down' | undefined {
  const m = DIRECTION_BEFORE.exec(s);
  if (!m) return undefined;
  return /tăng|increase|rose|grew|up|rise/.test(m[1]) ? 'up' : 'down';
}

const FROM_TO = /^\s*(?:lên|xuống|đến|tới|còn|to)\s*(?:mức\s*)?$/;

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
      /^\s*(?:so với [^\d;()]{0,30})?\s*[,(]?\s*(?:từ|from)\s*(?:mức\s*)?$/.test(g0) && FROM_TO.test(g1) &&
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
  if (!/(?:^|[^\p{L}])(?:từ|from)\s*(?:mức\s*)?$/u.test(lead)) return false;
  const m = /^[^\d;]{0,20}?(?:\(|,)\s*(?:tương ứng|tức là|tức|or|an?)?\s*((?:tăng|giảm|increase of|decrease of|rise of|drop of|decline of|up|down)\s*)?$/.exec(g2);
  if (!m) return false;
  const leadDir = direction(lead.replace(/\s*(?:từ|from)\s*(?:mức\s*)?$/, ' '));
  const glueDir = m[1] ? (/tăng|increase|rise|up/.test(m[1]) ? 'up' : 'down') : undefined;
  if (leadDir && glueDir && leadDir !== glueDir) return false;
  const d = glueDir ?? leadDir;
  if (!d) return false;
  if (!usableEnd(x2.q) || !usableEnd(y2.q) || !fromToUnits(x2.q, y2.q)) return false;
  return emit(d === 'up' ? 'growth' : 'decline', p, fromQuantity(y2.q), fromQuantity(x2.q), 'change-from-to-before');
}

/** `gấp 1,2 lần (từ 100 lên 120 hộ)`, `tăng từ 100 lên 120 hộ, gấp 1,2 lần`. */
function readMultiple(r: SentenceReader, i: number, n: Quantity, emit: Emit): boolean {
  if (!/(?:^|[^\p{L}])gấp\s*$/u.test(r.before({ span: n.span }, 10))) return false;
  const x1 = r.at(i + 1);
  const y1 = r.at(i + 2);
  if (isAmount(x1) && isAmount(y1)) {
    const g0 = r.glue({ span: n.span }, x1);
    const g1 = r.glue(x1, y1);
    if (g0 !== undefined && g1 !== undefined && /^\s*[,(]?\s*(?:so với [^\d;()]{0,30})?\s*[,(]?\s*(?:từ)\s*(?:mức\s*)?$/.test(g0) && FROM_TO.test(g1) && usableEnd(x1.q) && usableEnd(y1.q) && fromToUnits(x1.q, y1.q)) {
      return emit('multiple', n, fromQuantity(y1.q), fromQuantity(x1.q), 'multiple-after');
    }
  }
  const x2 = r.at(i - 2);
  const y2 = r.at(i - 1);
  if (!isAmount(x2) || !isAmount(y2)) return false;
  const g1 = r.glue(x2, y2);
  const g2 = r.glue(y2, { span: n.span });
  if (g1 === undefined || g2 === undefined || !FROM_TO.test(g1) || !/^[^\d;]{0,20}?(?:\(|,)\s*(?:tương ứng\s*|tức là\s*|tức\s*)?gấp\s*$/.test(g2)) return false;
  if (!/(?:^|[^\p{L}])từ\s*(?:mức\s*)?$/u.test(r.before(x2, 20))) return false;
  if (!usableEnd(x2.q) || !usableEnd(y2.q) || !fromToUnits(x2.q, y2.q)) return false;
  return emit('multiple', n, fromQuantity(y2.q), fromQuantity(x2.q), 'multiple-before');
}

/** `500 tỷ đồng, vượt 58,73% so dự toán, tăng 15,47% so cùng kỳ (433 tỷ đồng)`: the base in parentheses. */
function readPeriodBase(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const x = r.at(i + 1);
  if (!isAmount(x)) return false;
  const g0 = r.glue({ span: p.span }, x);
  if (g0 === undefined || !/^\s*(?:so\s+(?:với\s+)?)?(?:cùng kỳ|kế hoạch|dự toán|chỉ tiêu)(?:\s+(?:năm trước|năm \d{4}|năm|giao|được giao|đề ra))?\s*\(\s*$/.test(g0)) return false;
  if (!/^\s*\)/.test(r.after(x, 4))) return false;
  const cue = /(?:^|[^\p{L}])(tăng|giảm|vượt|đạt|bằng)\s*$/u.exec(r.before({ span: p.span }, 12));
  if (!cue) return false;
  // Y: the nearest amount before, with only percentages between
  let j = i - 1;
  while (j >= 0 && i - j <= 4 && isPercent(r.at(j))) j--;
  const y = r.at(j);
  if (!isAmount(y)) return false;
  for (let k = j; k < i; k++) {
    const g = r.glue(r.at(k)!, r.at(k + 1)!);
    const clause = k === j ? /^\s*,\s*(?:ước\s+)?(?:đạt|bằng|vượt|tăng|giảm)\s*$/ : /^\s*(?:so\s+(?:với\s+)?)?(?:cùng kỳ|kế hoạch|dự toán|chỉ tiêu)?(?:\s+năm trước|\s+năm)?\s*,\s*(?:ước\s+)?(?:đạt|bằng|vượt|tăng|giảm)\s*$/;
    if (g === undefined || !clause.test(g)) return false;
  }
  if (!usable(x.q) || !usable(y.q) || !sameUnit(x.q.unit, y.q.unit)) return false;
  const formula: RateFormula = cue[1] === 'tăng' ? 'growth' : cue[1] === 'giảm' ? 'decline' : cue[1] === 'vượt' ? 'excess' : 'ratio';
  return emit(formula, p, fromQuantity(y.q), fromQuantity(x.q), 'base-in-parentheses');
}

/** `đã tiếp nhận 55 đơn thư, đã giải quyết 40 đơn, đạt 72,7%`; `tổng số 120 hộ, … 45 hộ, chiếm 37,5%`. */
function readTotalCued(r: SentenceReader, i: number, p: Quantity, emit: Emit): boolean {
  const a = r.at(i - 1);
  if (!isAmount(a) || !usable(a.q)) return false;
  const g = r.glue(a, { span: p.span });
  if (g === undefined || FORMULA_WORDS.test(g)) return false;
  const paren = /^\s*\(\s*$/.test(g);
  if (!paren && !/^(?:\s*|[^\d;:()]{0,30}?[,(]\s*)(?:đạt|chiếm|bằng)(?:\s+(?:tỷ lệ|tỉ lệ))?\s*$/.test(g)) return false;
  if (OF_AFTER.test(r.after({ span: p.span }, 12))) return false;
  const after = r.after({ span: p.span }, 30);
  if (/^\s*\)?\s*(?:so(?![\p{L}])|cùng kỳ|compared|over|from)/u.test(after)) return false;
  const planMode = PLAN_WORD_AFTER.test(after);
  if (!planMode && !END_AFTER.test(after)) return false;
  if (TOTAL_CUE.test(r.before(a, 30)) || (planMode && PLAN_CUE.test(r.before(a, 30)))) return false;
  const same: Array<Item & { q: Quantity }> = [];
  const candidates: Array<Item & { q: Quantity }> = [];
  // look back a bounded distance: a total stated far earlier in a long sentence is not a plain pairing
  let from = i - 2;
  while (from > 0 && i - from < MAX_LOOKBACK && a.span.start - r.at(from - 1)!.span.start <= 400) from--;
  for (let j = from; j < i - 1; j++) {
    const b = r.at(j);
    // a bare figure may pair only with a counted noun ("Of the 55 complaints, 40 (72.7%)")
    if (!isAmount(b) || !pairUnits(a.q, b.q) || (a.q.unit.family === 'none' && b.q.unit.family !== 'count')) continue;
    same.push(b);
    const lead = r.before(b, 30);
    if (planMode ? PLAN_CUE.test(lead) : TOTAL_CUE.test(lead)) candidates.push(b);
  }
  if (candidates.length !== 1) return false;
  const b = candidates[0];
  // a part larger than its whole means the pairing is not what the sentence says
  if (!usable(b.q) || a.q.base.greaterThan(b.q.base)) return false;
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

// ---------------------------------------------------------------------------------------------
// Comparison claims

const TARGET_NOUN = '(?:chỉ tiêu|kế hoạch|mục tiêu|yêu cầu|mức)';
// words naming the target ("đề ra", "Nghị quyết đề ra", "của tỉnh giao"), then maybe an opening parenthesis
const TARGET_TAIL = '(?:\\s+[^\\d;,.()%]{1,40}?)?\\s*\\(?';
const CLAIMS: Array<[Relation, RegExp]> = [
  ['above', new RegExp(`^\\s*[,(]?\\s*(?:đã\\s+)?(?:vượt(?:\\s+mức)?(?:\\s+so với)?|cao hơn)\\s+${TARGET_NOUN}${TARGET_TAIL}\\s*(?:là\\s*)?:?\\s*$`)],
  ['above', /^\s*[,(]?\s*(?:which\s+)?(?:exceed(?:s|ed|ing)?|above|surpass(?:es|ed|ing)?|higher than|beat(?:s|ing)?|ahead of)(?:\s+(?:the|its|a|their))?(?:\s+(?:target|goal|benchmark|plan)(?:\s+of)?)?\s*:?\s*$/],
  ['below', new RegExp(`^\\s*[,(]?\\s*(?:vẫn\\s+)?(?:chưa đạt|không đạt|thấp hơn|dưới)\\s+${TARGET_NOUN}${TARGET_TAIL}\\s*(?:là\\s*)?:?\\s*$`)],
  ['below', /^\s*[,(]?\s*(?:which\s+)?(?:(?:falls?|fell|falling) short of|short of|below|lower than|missing|missed|misses|under)(?:\s+(?:the|its|a|their))?(?:\s+(?:target|goal|benchmark|plan)(?:\s+of)?)?\s*:?\s*$/],
  ['atLeast', new RegExp(`^\\s*[,(]?\\s*(?:đã\\s+)?(?:đạt|hoàn thành)\\s+${TARGET_NOUN}${TARGET_TAIL}\\s*(?:là\\s*)?:?\\s*$`)],
  ['atLeast', /^\s*[,(]?\s*(?:which\s+)?(?:meet(?:s|ing)?|met|reach(?:es|ed|ing)?)\s+(?:the|its|a|their)\s+(?:target|goal|benchmark)(?:\s+of)?\s*:?\s*$/],
  ['equal', new RegExp(`^\\s*[,(]?\\s*bằng(?:\\s+với)?\\s+(?:chỉ tiêu|kế hoạch|mục tiêu|mức|cùng kỳ|tỷ lệ)[^\\d;()]{0,30}?\\s*\\(?\\s*(?:là\\s*)?:?\\s*$`)],
  ['equal', /^\s*[,(]?\s*(?:equal to|the same as|same as|unchanged from)(?:\s+(?:the|its|a|their))?[^\d;()]{0,30}?\s*\(?\s*:?\s*$/],
];
// Lower-is-better figures (poverty, backlog, reductions) turn "vượt" around: stay silent there.
const LOWER_IS_BETTER = /(?:^|[^\p{L}])(?:(?:giảm|xuống|còn|hạ|nghèo|tai nạn|tử vong|vi phạm|tồn đọng|quá hạn|trễ hạn|chậm|lãi suất|lạm phát)(?![\p{L}])|reduc|decreas|fell|declin|lower|poverty|death|error|backlog|overdue|late(?![\p{L}])|inflation)/u;
const UPPER_HEDGE = /dưới|không quá|tối đa|chưa đến|chưa tới|less than|fewer than|under|at most|up to|below/;

function readComparison(text: string, r: SentenceReader, i: number, p: Quantity, sIdx: number, out: Ratios): void {
  const q = r.at(i + 1);
  const before = r.before({ span: p.span }, 80);
  if (q?.q && q.q.unit.family === 'percent') {
    const glue = r.glue({ span: p.span }, q);
    if (glue !== undefined && glue.length <= 60) {
      for (const [relation, re] of CLAIMS) {
        if (!re.test(glue)) continue;
        // "vượt kế hoạch và tăng 12%": the figure after belongs to another clause
        if (/(?:^|\s)(?:và|tăng|giảm|so với|and|but|while|up|down)(?=\s|$)/u.test(glue)) return;
        if (q.q.range || !q.q.wellFormed) return;
        if (relation !== 'equal' && (LOWER_IS_BETTER.test(before) || LOWER_IS_BETTER.test(glue))) return;
        if (q.q.hedged && (relation !== 'above' || UPPER_HEDGE.test(q.q.hedge ?? ''))) return;
        // "vượt chỉ tiêu 5% kế hoạch": the figure is the margin, not the target
        if (/^\s*(?:kế hoạch|dự toán|chỉ tiêu|so(?![\p{L}]))/u.test(r.after(q, 12))) return;
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
  // "đạt 95% kế hoạch, vượt kế hoạch": a plan-relative rate and a claim about the plan
  const after = r.after({ span: p.span }, 80);
  const plan = PLAN_WORD_AFTER.exec(after);
  if (!plan || !/(?:^|[^\p{L}])(?:đạt|bằng|thực hiện)\s*$/u.test(r.before({ span: p.span }, 12))) return;
  const rest = after.slice(plan[0].length);
  const next = r.at(i + 1);
  const limit = next ? next.span.start - p.span.end - plan[0].length : rest.length;
  const m = /^((?:\s+(?:năm|giao|được giao|đề ra|của [^\d;()]{0,30}?))?\s*[,(]\s*)((?:đã\s+)?(?:vượt(?:\s+mức)?|hoàn thành(?:\s+vượt mức)?|đạt))\s+(kế hoạch|dự toán|chỉ tiêu)(?![\p{L}])/u.exec(rest);
  if (!m || m.index + m[0].length > limit || m[3] !== plan[1]) return;
  const start = p.span.end + plan[0].length + m[1].length;
  const cue = { start, end: start + m[0].length - m[1].length };
  const relation: Relation = /vượt/.test(m[2]) ? 'above' : 'atLeast';
  const hundred: Operand = { span: cue, valueSpan: cue, value: new Decimal(100), decimals: 0, scale: new Decimal(1), exact: true };
  out.comparisons.push({ relation, cue, value: fromQuantity(p), target: hundred, implicitTarget: true, form: 'plan-claim', sentence: sIdx });
}

// ---------------------------------------------------------------------------------------------
// Shares of one whole

const BREAKDOWN_CUE = /(?:^|[^\p{L}])(cơ cấu|bao gồm|gồm|chia ra|phân theo|comprising|broken down|breakdown|composition)(?![\p{L}])/u;

function readShares(text: string, items: Item[], sentence: Sentence, sIdx: number, out: Ratios): void {
  const shares: Quantity[] = [];
  for (const it of items) {
    if (!isPercent(it)) continue;
    const lead = norm(text.slice(Math.max(sentence.span.start, it.span.start - 24), it.span.start));
    if (/(?:chiếm|accounting for|accounted for|accounts for)(?:\s+(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng))?\s*$/.test(lead)) shares.push(it.q);
  }
  if (shares.length < 2 || shares.some((q) => !usable(q))) return;
  const head = text.slice(sentence.span.start, shares[0].span.start);
  const cue = BREAKDOWN_CUE.exec(head.toLowerCase());
  if (!cue) return;
  // a nested breakdown ("trong đó …") inside the list shares a different whole
  const inside = norm(text.slice(shares[0].span.end, shares[shares.length - 1].span.start));
  if (/trong đó|trong số đó|riêng|of which|including|among them|năm|cùng kỳ|tăng|giảm|so với|\d{4}|[()]|year|increase|decrease|compared/.test(inside)) return;
  const at = sentence.span.start + cue.index + cue[0].length - cue[1].length;
  const last = shares[shares.length - 1];
  const lastLead = norm(text.slice(shares[shares.length - 2].span.end, last.span.start));
  const complete = /(?:^|[^\p{L}])(?:còn lại|the rest|the remainder|remaining)(?![\p{L}])/u.test(lastLead);
  out.shareGroups.push({ shares: shares.map(fromQuantity), cue: { start: at, end: at + cue[1].length }, complete, sentence: sIdx });
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

const HUNDRED = new Decimal(100);

function operandInterval(o: Operand, mode: RoundingMode): Interval {
  if (o.exact) {
    const v = o.value.times(o.scale);
    return { lo: v, hi: v, loOpen: false, hiOpen: false };
  }
  return statedInterval(o.value, o.decimals, mode, o.scale);
}

/** The range the operands allow for the rate (percent, or a plain multiple), under one rounding mode. */
export function rateRange(c: RateClaim, mode: RoundingMode): Interval | undefined {
  const a = operandInterval(c.numerator, mode);
  const b = operandInterval(c.denominator, mode);
  if (!b.lo.greaterThan(0) || a.lo.isNegative()) return undefined;
  const lo = a.lo.div(b.hi);
  const hi = a.hi.div(b.lo);
  const closed = (l: Decimal, h: Decimal): Interval => ({ lo: l, hi: h, loOpen: false, hiOpen: false });
  switch (c.formula) {
    case 'part':
    case 'ratio':
      return closed(lo.times(HUNDRED), hi.times(HUNDRED));
    case 'growth':
    case 'excess':
      return closed(lo.minus(1).times(HUNDRED), hi.minus(1).times(HUNDRED));
    case 'decline':
      return closed(new Decimal(1).minus(hi).times(HUNDRED), new Decimal(1).minus(lo).times(HUNDRED));
    case 'multiple':
      return closed(lo, hi);
  }
}

/** The stated rate agrees with its operands under some reading the rounding option allows. */
export function rateConsistent(c: RateClaim, rounding: Rounding): boolean {
  for (const mode of modesOf(rounding)) {
    const range = rateRange(c, mode);
    if (!range) return true;
    if (intersects(range, statedRate(c.rate, mode))) return true;
  }
  return false;
}

/**
 * The interval a stated rate stands for. Rounded rates are also allowed one digit of double
 * rounding (86,046 -> 86,05 -> 86,1): common in reports and not what a reader calls wrong.
 */
function statedRate(r: Operand, mode: RoundingMode): Interval {
  const iv = statedInterval(r.value, r.decimals, mode);
  if (mode !== 'round') return iv;
  const extra = new Decimal(10).pow(-r.decimals).times('0.05');
  return { lo: iv.lo.minus(extra), hi: iv.hi, loOpen: false, hiOpen: false };
}

/** The exact value the operands give (for messages). */
export function rateValue(c: RateClaim): Decimal | undefined {
  const a = c.numerator.value.times(c.numerator.scale);
  const b = c.denominator.value.times(c.denominator.scale);
  if (b.isZero()) return undefined;
  const x = a.div(b);
  switch (c.formula) {
    case 'part':
    case 'ratio':
      return x.times(HUNDRED);
    case 'growth':
    case 'excess':
      return x.minus(1).times(HUNDRED);
    case 'decline':
      return new Decimal(1).minus(x).times(HUNDRED);
    case 'multiple':
      return x;
  }
}

/** The claimed relation holds for some reading of the stated value (precision first). */
export function comparisonConsistent(c: ComparisonClaim, rounding: Rounding): boolean {
  for (const mode of modesOf(rounding)) {
    const v = operandInterval(c.value, mode);
    const t = c.implicitTarget ? operandInterval(c.target, mode) : c.relation === 'equal' ? operandInterval(c.target, mode) : { lo: c.target.value, hi: c.target.value, loOpen: false, hiOpen: false };
    switch (c.relation) {
      case 'above':
        if (v.hi.greaterThan(t.lo)) return true;
        break;
      case 'below':
        if (v.lo.lessThan(t.hi)) return true;
        break;
      case 'atLeast':
        if (v.hi.greaterThanOrEqualTo(t.lo)) return true;
        break;
      case 'equal':
        if (intersects(v, t)) return true;
        break;
    }
  }
  return false;
}

/** Σ shares can be at most 100 % under some reading. */
export function sharesConsistent(g: ShareGroup, rounding: Rounding): boolean {
  return sharesProblem(g, rounding) === undefined;
}

/** 'over' when the shares exceed 100 % under every reading; 'under' when a complete list cannot reach it. */
export function sharesProblem(g: ShareGroup, rounding: Rounding): 'over' | 'under' | undefined {
  let over = true;
  let under = g.complete;
  for (const mode of modesOf(rounding)) {
    let lo = new Decimal(0);
    let hi = new Decimal(0);
    for (const s of g.shares) {
      const iv = operandInterval(s, mode);
      lo = lo.plus(iv.lo);
      hi = hi.plus(iv.hi);
    }
    if (lo.lessThanOrEqualTo(HUNDRED)) over = false;
    if (hi.greaterThanOrEqualTo(HUNDRED)) under = false;
  }
  return over ? 'over' : under ? 'under' : undefined;
}

export const ratios = defineFact('ratios', (doc: Document, facts): Ratios =>
  ratiosOf(doc, facts.get(quantities), facts.get(numberTokens), facts.get(sentences)),
);

// Quantities: every stated figure with its unit, as exact decimals, built on the number reader
// (numbers.ts). Years, dates, document numbers, outline markers, article/section numbers,
// phone numbers and ordinals are not quantities. Figures in different scales of one unit are
// comparable through `unit.scale` (5,616 tỷ đồng = 5.616 triệu đồng).
//
// Stable API (other rules build on it):
//   fact `quantities` -> Quantity[] in text order
//   Quantity { index, span (figure plus unit, plus a prefix currency such as `$`), valueSpan (the
//     digits), raw, value: Decimal, decimals, base (value × scale), unit: Unit, hedged, hedge?,
//     estimate, range, sentence (index into the `sentences` fact, -1 if none), block, token,
//     wellFormed, ambiguous }
//   Unit { family: 'money'|'area'|'length'|'mass'|'percent'|'count'|'time'|'none',
//          scale: Decimal (multiplier to the family's base unit: đồng/USD, m², m, kg, 1),
//          currency?: 'VND'|'USD'|'EUR', noun?: lower-case NFC counted noun, raw: unit text }
//   readUnit(text, end) / quantitiesOf(doc, tokens, sentences) for tests and other facts
//   statedOf(q) -> Stated (intervals.ts), isExact(q): whole counts are exact
//   sameUnit(a, b): the two units measure the same thing (family, currency, compatible nouns)

import { Decimal } from 'decimal.js';
import type { Stated } from './intervals.js';
import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';
import { numberTokens, type NumberToken } from './numbers.js';
import { sentenceIndexAt, sentences, type Sentence } from './sentences.js';
import {
  ACRONYM_NOUNS,
  COUNTED_NOUNS_EN,
  NOT_PLURAL_ENDINGS_EN,
  AFTER_VERB_EN,
  NOT_COUNTED_WORDS,
  COUNTED_NOUNS_VI,
  ESTIMATE_WORDS,
  HEDGES_AFTER,
  HEDGES_BEFORE,
  IDENTIFIER_LABELS,
  PREFIX_CURRENCY_CODES,
  PREFIX_CURRENCY_SIGNS,
  RANGE_CLOSERS,
  RANGE_OPENERS,
  SCALE_WORDS,
  TIME_WORDS,
  UNIT_WORDS,
  type UnitFamily,
} from './lexicon/figures.js';

export type { UnitFamily };

export interface Unit {
  family: UnitFamily;
  /** Multiplier to the family's base unit (đồng or USD, m², m, kg; 1 for percent and counts). */
  scale: Decimal;
  currency?: 'VND' | 'USD' | 'EUR';
  /** Counted noun, lower-case NFC: 'đơn', 'hộ', 'dự án', 'households'. */
  noun?: string;
  /** The unit text as written after (or before) the figure, '' when none. */
  raw: string;
}

export interface Quantity {
  index: number;
  /** The figure with its unit (and a currency sign before it, if any). */
  span: Span;
  /** The digits. */
  valueSpan: Span;
  raw: string;
  value: Decimal;
  decimals: number;
  /** value × unit.scale, in the family's base unit. */
  base: Decimal;
  unit: Unit;
  /** khoảng, hơn, gần, trên, approximately, about, over, nearly, more than, ranges… */
  hedged: boolean;
  hedge?: string;
  /** ước thực hiện, ước đạt, ước tính, dự kiến, estimated: a forecast stated to its last digit. */
  estimate: boolean;
  /** One end of a range (10-15%, 10 to 15): treated as hedged too. */
  range: boolean;
  /** Index into the `sentences` fact; -1 when the figure is in no sentence (tables). */
  sentence: number;
  /** Index of the block it is in; -1 if none. */
  block: number;
  token: NumberToken;
  wellFormed: boolean;
  ambiguous: boolean;
}

const ONE = new Decimal(1);
const pow10 = (n: number): Decimal => new Decimal(10).pow(n);

interface UnitEntry {
  word: string;
  family: UnitFamily;
  scale: Decimal;
  currency?: Unit['currency'];
  exact?: boolean;
}
const UNITS: UnitEntry[] = UNIT_WORDS.map((u) => ({ word: u.word, family: u.family, scale: pow10(u.exponent), ...(u.currency ? { currency: u.currency } : {}), ...(u.exact ? { exact: true } : {}) }));
const SCALES: Array<[string, Decimal]> = SCALE_WORDS.map(([w, e]) => [w, pow10(e)]);
const ACRONYMS = new Set(ACRONYM_NOUNS);
const NOUNS = [...COUNTED_NOUNS_VI, ...COUNTED_NOUNS_EN].sort((a, b) => b.length - a.length);
const UNITS_SORTED = [...UNITS].sort((a, b) => b.word.length - a.word.length);
const SCALES_SORTED = [...SCALES].sort((a, b) => b[0].length - a[0].length);

const isWordChar = (c: string | undefined): boolean => !!c && /[\p{L}\p{M}\d_]/u.test(c);

/** Words bucketed by their first (lower-case) character, so a figure tries only a few. */
function bucket<T>(items: T[], word: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = word(it)[0].toLowerCase();
    const l = m.get(k);
    if (l) l.push(it);
    else m.set(k, [it]);
  }
  return m;
}
const SCALE_BUCKETS = bucket(SCALES_SORTED, (s) => s[0]);
const UNIT_BUCKETS = bucket(UNITS_SORTED, (u) => u.word);
const NOUN_BUCKETS = bucket(NOUNS, (n) => n);
const TIME_BUCKETS = bucket([...TIME_WORDS], (t) => t);

/** A window of the text after `at`, as written and in lower case (one slice per look-up). */
interface Window {
  at: number;
  raw: string;
  low: string;
  text: string;
}
function windowAt(text: string, at: number): Window {
  const raw = text.slice(at, at + 28);
  return { at, raw, low: raw.toLowerCase(), text };
}

function matchWord(w: Window, word: string, exact: boolean): boolean {
  if (!(exact ? w.raw.startsWith(word) : w.low.startsWith(word))) return false;
  // `%` and `²` need no boundary; words do
  if (!/[\p{L}\d]$/u.test(word)) return true;
  return !isWordChar(w.text[w.at + word.length]);
}

function skipSpace(text: string, at: number): number {
  // one space (or a no-break space) between a figure and its unit
  return text[at] === ' ' || text[at] === '\u00a0' ? at + 1 : at;
}

export interface UnitMatch {
  unit: Unit;
  /** End offset of the unit text (= `end` when there is none). */
  end: number;
}

/** Reads the unit written after a figure ending at `end`: optional scale word, then a unit or counted noun. */
export function readUnit(text: string, end: number): UnitMatch {
  let at = skipSpace(text, end);
  let scale = ONE;
  let scaleEnd = -1;
  let w = windowAt(text, at);
  for (const [word, k] of SCALE_BUCKETS.get(w.low[0]) ?? []) {
    if (matchWord(w, word, false)) {
      scale = k;
      scaleEnd = at + word.length;
      break;
    }
  }
  if (scaleEnd >= 0) {
    at = skipSpace(text, scaleEnd);
    w = windowAt(text, at);
  }
  for (const u of UNIT_BUCKETS.get(w.low[0]) ?? []) {
    if (u.family === 'percent' && scaleEnd >= 0) continue;
    if (matchWord(w, u.word, !!u.exact)) {
      const uEnd = at + u.word.length;
      const unit: Unit = { family: u.family, scale: u.scale.times(scale), raw: text.slice(end, uEnd).trim() };
      if (u.currency) unit.currency = u.currency;
      return { unit, end: uEnd };
    }
  }
  for (const n of NOUN_BUCKETS.get(w.low[0]) ?? []) {
    // counted nouns are written in lower case ("5.1 Đơn vị đạt chuẩn" is a heading), acronyms in upper case
    if (matchWord(w, n, true) || (ACRONYMS.has(n) && matchWord(w, n.toUpperCase(), true))) {
      const nEnd = at + n.length;
      return { unit: { family: 'count', scale, noun: n, raw: text.slice(end, nEnd).trim() }, end: nEnd };
    }
  }
  if (scaleEnd < 0) {
    for (const t of TIME_BUCKETS.get(w.low[0]) ?? []) {
      if (matchWord(w, t, false)) return { unit: { family: 'time', scale: ONE, noun: t, raw: t }, end: at + t.length };
    }
  }
  const plural = pluralNounAt(text, at);
  if (plural) {
    const nEnd = at + plural.length;
    return { unit: { family: 'count', scale, noun: plural, raw: text.slice(end, nEnd).trim() }, end: nEnd };
  }
  if (scaleEnd >= 0) return { unit: { family: 'none', scale, raw: text.slice(end, scaleEnd).trim() }, end: scaleEnd };
  return { unit: { family: 'none', scale: ONE, raw: '' }, end };
}

const PLURAL_EN = /^[a-z]{3,}s(?![\p{L}\p{M}\d_'’-])/u;
const TIME_SET = new Set(TIME_WORDS);
/** An English plural noun written at `at` (see NOT_PLURAL_ENDINGS_EN), or undefined. */
function pluralNounAt(text: string, at: number): string | undefined {
  const m = PLURAL_EN.exec(text.slice(at, at + 32));
  if (!m) return undefined;
  const w = m[0];
  if (NOT_PLURAL_ENDINGS_EN.some((e) => w.endsWith(e)) || TIME_SET.has(w) || NOT_COUNTED_WORDS.has(w)) return undefined;
  // `at` is sticky: the phrase must follow the word (after white space); case is ignored, so 'The' counts
  if (/^\s/u.test(text.slice(at + w.length, at + w.length + 1)) && AFTER_VERB_EN.at(text, at + w.length)) return undefined;
  return w;
}

/** A currency written before the figure: `$`, `US$`, `USD `, `VND `, `€`. */
const SIGN_BEFORE = new RegExp(`(${PREFIX_CURRENCY_SIGNS.map(([s]) => s.replace(/[$]/g, '\\$&')).join('|')})$`);
const CODE_BEFORE = new RegExp(`(?:^|[^\\p{L}])((${PREFIX_CURRENCY_CODES.map(([c]) => c).join('|')}) ?)$`, 'u');
const CURRENCY_OF = new Map<string, Unit['currency']>([...PREFIX_CURRENCY_SIGNS, ...PREFIX_CURRENCY_CODES]);
function readPrefixCurrency(text: string, start: number): { currency: Unit['currency']; start: number } | undefined {
  const before = text.slice(Math.max(0, start - 5), start);
  let m = SIGN_BEFORE.exec(before);
  if (m) return { currency: CURRENCY_OF.get(m[1]), start: start - m[1].length };
  m = CODE_BEFORE.exec(before);
  if (m) return { currency: CURRENCY_OF.get(m[2]), start: start - m[1].length };
  return undefined;
}

// Words after which a figure is an identifier, an ordinal or part of a date, not a quantity.
const NOT_QUANTITY_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${IDENTIFIER_LABELS.source})\\s*[.:]?\\s*$`, 'iu');
const HEDGE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${HEDGES_BEFORE.source})\\s*$`, 'iu');
// `50+ người` is a bound, but `25 triệu đồng + 9 triệu đồng` a sum: a plus sign before another figure is an operator
// `50+`, `50+ người` is a bound; a `+` after a space is an operator or a list mark ("… = 0,25 triệu đồng + Bậc 2: …")
const HEDGE_AFTER = new RegExp(`^\\s*(?:${HEDGES_AFTER.source})(?![\\p{L}])(?<!\\+(?=\\s*[\\d$€(]))(?<!\\s\\+)`, 'u');
const ESTIMATE = new RegExp(`(?:^|[^\\p{L}])(?:${ESTIMATE_WORDS.source})(?![\\p{L}])`, 'iu');
// ranges: `từ 10 đến 15`, `from 10 to 15`, `between 10 and 15`, `10-15`
const RANGE_FROM = new RegExp(`(?:^|[^\\p{L}])(?:${RANGE_OPENERS.source}|between)\\s*$`, 'iu');
const RANGE_TO_AFTER = new RegExp(`^\\s*(?:${RANGE_CLOSERS.source}|and|-|–)\\s*\\d`, 'u');
const RANGE_TO_BEFORE = new RegExp(`\\d[^\\d]{0,20}\\s(?:${RANGE_CLOSERS.source})\\s*$`, 'iu');
const RANGE_FROM_IN = new RegExp(`(?:${RANGE_OPENERS.source})\\s+[^\\s]*\\d`, 'iu');

/** Builds the quantities of a document from its number tokens and sentences. */
export function quantitiesOf(doc: Document, tokens: NumberToken[], sents: Sentence[]): Quantity[] {
  const text = doc.text;
  const out: Quantity[] = [];
  for (const token of tokens) {
    if (token.kind !== 'figure' || !token.reading) continue;
    const { start, end } = token.span;
    const raw = token.raw;
    const reading = token.reading;
    const sIdx = sentenceIndexAt(sents, start);
    const sentStart = sIdx >= 0 ? sents[sIdx].span.start : (doc.blockAt(start)?.content.start ?? Math.max(0, start - 60));
    const lead = text.slice(Math.max(sentStart, start - 40), start);
    const prefix = readPrefixCurrency(text, start);
    const { unit, end: unitEnd } = readUnit(text, end);
    if (prefix) {
      if (unit.family === 'none') {
        unit.family = 'money';
        unit.currency = prefix.currency;
        unit.raw = text.slice(prefix.start, start).trim() + (unit.raw ? ' ' + unit.raw : '');
      } else if (unit.family === 'money' && !unit.currency) unit.currency = prefix.currency;
    }
    // identifiers, ordinals and years
    if (unit.family === 'none' || unit.family === 'time') {
      if (NOT_QUANTITY_BEFORE.test(lead) && !/tổng\s+số\s*$/iu.test(lead)) continue;
      if (/^\d{4}$/.test(raw) && +raw >= 1900 && +raw <= 2100 && unit.scale.equals(ONE)) continue;
      if (/^0\d{8,}$/.test(raw)) continue; // phone numbers
    }
    if (/^0\d{8,}$/.test(raw)) continue;
    // `năm 2025 là …` style years were dropped above; also drop numbers glued to a following code
    if (/^[-/][\p{L}\d]/u.test(text.slice(end, end + 2)) && unit.family === 'none') continue;
    let hedge: string | undefined;
    const hb = HEDGE_BEFORE.exec(lead);
    if (hb) hedge = hb[1];
    const ha = HEDGE_AFTER.exec(text.slice(unitEnd, unitEnd + 16));
    if (!hedge && ha) hedge = ha[0].trim();
    const range =
      /\d\s*[-–]\s*$/.test(text.slice(Math.max(0, start - 4), start)) ||
      /^\s*[-–]\s*\d/.test(text.slice(end, end + 4)) ||
      (RANGE_FROM.test(lead) && RANGE_TO_AFTER.test(text.slice(unitEnd, unitEnd + 8))) ||
      (RANGE_TO_BEFORE.test(lead) && RANGE_FROM_IN.test(lead));
    const estimate = ESTIMATE.test(text.slice(Math.max(sentStart, start - 200), start));
    const spanStart = prefix && unit.family === 'money' ? prefix.start : start;
    out.push({
      index: out.length,
      span: { start: spanStart, end: unitEnd },
      valueSpan: { start, end },
      raw,
      value: reading.value,
      decimals: reading.decimals,
      base: reading.value.times(unit.scale),
      unit,
      hedged: !!hedge || range,
      ...(hedge ? { hedge } : {}),
      estimate,
      range,
      sentence: sIdx,
      block: doc.blockAt(start)?.index ?? -1,
      token,
      wellFormed: reading.wellFormed,
      ambiguous: reading.ambiguous,
    });
  }
  return out;
}

/** Singular key of an English or Vietnamese noun for comparison. */
function nounKey(n: string): string {
  if (/[^a-z ]/.test(n)) return n;
  return n.replace(/ies$/, 'y').replace(/(?<=s|x|ch|sh)es$/, '').replace(/s$/, '');
}

/** The two nouns name the same thing: equal, singular/plural, or one is the head of the other ("đơn" / "đơn thư"). */
export function sameNoun(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return a === b;
  const x = nounKey(a);
  const y = nounKey(b);
  return x === y || x.startsWith(y + ' ') || y.startsWith(x + ' ');
}

/** Both units measure the same kind of thing, so their base values can be added and compared. */
export function sameUnit(a: Unit, b: Unit): boolean {
  if (a.family !== b.family) return false;
  if (a.family === 'money') return (a.currency ?? 'VND') === (b.currency ?? 'VND');
  if (a.family === 'count') return sameNoun(a.noun, b.noun);
  if (a.family === 'time') return a.noun === b.noun;
  return true;
}

/** Whole counts of things (55 đơn, 120 households) are exact; other figures stand for intervals. */
export function isExact(q: Quantity): boolean {
  return q.decimals === 0 && q.unit.scale.equals(ONE) && (q.unit.family === 'count' || q.unit.family === 'none');
}

/** The quantity as a stated figure for interval arithmetic (intervals.ts). */
export function statedOf(q: Quantity): Stated {
  return { value: q.value, decimals: q.decimals, scale: q.unit.scale, exact: isExact(q) };
}

export const quantities = defineFact('quantities', (doc: Document, facts): Quantity[] =>
  quantitiesOf(doc, facts.get(numberTokens), facts.get(sentences)),
);

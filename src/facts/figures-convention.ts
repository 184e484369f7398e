// Which number convention a document writes (vi `19.870,477`, en `19,870.477`), inferred from
// the figures that can only be read one way. A figure with a unit or a percent sign after it
// (`0,25%`, `1.4m`, `5,616 tỷ đồng`) is a measured quantity and weighs most; a bare figure
// counts less, and code-like numbers count not at all: a tariff or HS code (`7210.90`, a cell of
// `7210.90.10` codes), a clause or article number (`Điều 5.2`, `mã 72.11`), a phone number
// (`0243.825.123`), anything with a leading zero in its first group, since no figure is written
// `0.003` for three thousand. Years and plain digit runs read the same in both conventions and
// never count.

import { IDENTIFIER_LABELS } from './lexicon/figures.js';
import type { NumberConvention } from './numbers.js';
import { readUnit } from './quantities.js';

const VI_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const EN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const VI_DECIMAL = /^\d+,\d+$/;
const EN_DECIMAL = /^\d+\.\d+$/;
const PLAIN = /^\d+$/;
const RUN = /\d+(?:[.,]\d+)*/g;

/** How much a figure followed by a unit or percent weighs against a bare one. */
const UNIT_WEIGHT = 4;
/** Figures with a unit that decide the convention alone when four in five or more agree. */
const UNITS_DECIDE = 5;

export interface ConventionEvidence {
  /** Figures readable only in the vi convention, with a unit after them. */
  viWithUnit: number;
  enWithUnit: number;
  /** Bare figures readable only one way (code-like numbers left out). */
  viBare: number;
  enBare: number;
}

/** Counts the figures that can be read in one convention only, split by whether a unit follows. */
export function conventionEvidence(text: string): ConventionEvidence {
  const ev: ConventionEvidence = { viWithUnit: 0, enWithUnit: 0, viBare: 0, enBare: 0 };
  RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RUN.exec(text))) {
    const raw = m[0];
    if (PLAIN.test(raw)) continue;
    const start = m.index;
    const end = start + raw.length;
    const before = start > 0 ? text[start - 1] : '';
    const after = text[end] ?? '';
    if (before && /[\p{L}\d_/.-]/u.test(before)) continue;
    if (after === '/' || after === '-' || (after === '.' && /\d/.test(text[end + 1] ?? ''))) continue;
    // outline numbers written inline ("1.1. Mục tiêu", "5.1 Đơn vị đạt…") are not decimals
    if (/^\d{1,2}\.\d{1,2}$/.test(raw) && (after === '.' || after === ')' || /^[ \t]+\p{Lu}/u.test(text.slice(end, end + 3)))) continue;
    const isVi = VI_GROUPED.test(raw) || VI_DECIMAL.test(raw);
    const isEn = EN_GROUPED.test(raw) || EN_DECIMAL.test(raw);
    if (isVi === isEn) continue;
    // a leading zero before a separator other than the decimal mark is a code or a phone number
    if (/^0\d/.test(raw)) continue;
    const unit = readUnit(text, end).unit;
    // a unit, a percent sign or a scale word (3.5 million); a duration is no measure of writing
    const withUnit = unit.family === 'none' ? unit.raw !== '' : unit.family !== 'time';
    if (!withUnit) {
      // a number after an identifier label (Điều 5.2, mã 72.11, số 1.5) or one of a run of
      // dotted codes (7210.90 next to 7210.90.10) is an identifier, not a figure
      if (IDENTIFIER_LABELS.endingAt(text, start)) continue;
      if (isEn && nearDottedCode(text, start, end)) continue;
    }
    if (isVi) {
      if (withUnit) ev.viWithUnit++;
      else ev.viBare++;
    } else if (withUnit) ev.enWithUnit++;
    else ev.enBare++;
  }
  return ev;
}

/** A dotted code of three or more groups (7210.90.10, 8471.30) within the same line, near by. */
function nearDottedCode(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 80);
  const window = text.slice(from, Math.min(text.length, end + 80));
  const lineStart = window.lastIndexOf('\n', start - from);
  const lineEnd = window.indexOf('\n', end - from);
  const line = window.slice(lineStart + 1, lineEnd < 0 ? undefined : lineEnd);
  return /(?<![\d.,])\d{2,4}\.\d{2}\.\d{2}(?![\d])/.test(line);
}

/** Infers vi or en number writing: figures with a unit decide when they agree; otherwise all the evidence, weighted, then the language. */
export function inferNumberFormat(text: string, locale: 'vi' | 'en'): NumberConvention {
  const ev = conventionEvidence(text);
  // measured quantities that speak with one voice decide alone: bare codes (a tariff's 32.08,
  // 32.09, …) cannot outvote hundreds of `0,25%`
  const units = ev.viWithUnit + ev.enWithUnit;
  if (units >= UNITS_DECIDE) {
    if (ev.viWithUnit >= ev.enWithUnit * 4) return 'vi';
    if (ev.enWithUnit >= ev.viWithUnit * 4) return 'en';
  }
  const vi = ev.viWithUnit * UNIT_WEIGHT + ev.viBare;
  const en = ev.enWithUnit * UNIT_WEIGHT + ev.enBare;
  // bare figures alone never turn a document against its language: in a Vietnamese decree the
  // bare `87.02`, `8471.30`, `điểm 1.2` are codes; it takes more figures with a unit on that side
  const withUnit = { vi: ev.viWithUnit, en: ev.enWithUnit };
  const other = locale === 'vi' ? 'en' : 'vi';
  const mayTurn = withUnit[other] > withUnit[locale];
  if (vi > en * 2 && (locale === 'vi' || mayTurn)) return 'vi';
  if (en > vi * 2 && (locale === 'en' || mayTurn)) return 'en';
  return locale;
}

// Every date in the document with its span and calendar value (`19/01/2026`, `ngày 05 tháng 02
// năm 2026`, `19 January 2026`, `May 12, 2021`, `tháng 13/2026`), the periods written as
// "từ ngày A đến ngày B" / "from A to B", and the report's own date or period when it states one
// (the header line "Diễn Châu, ngày 25 tháng 3 năm 2026" or "Mốc thời gian báo cáo từ … đến …").
// Citation and date rules share it; all patterns are linear (bounded quantifiers, no nesting).

import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';
import { DATE_WORDS, PLACE_PREFIX_WORDS } from './lexicon/citations.js';

export type DateStyle = 'numeric' | 'words' | 'english';

/** A word of a date phrase written otherwise than the word it stands for (`nam` for `năm`). */
export interface DateWordSlip {
  span: Span;
  found: string;
  expected: string;
}

export interface DateMention {
  span: Span;
  raw: string;
  day?: number; // undefined for month-year forms ("tháng 3/2026")
  month: number;
  year: number;
  style: DateStyle;
  /** Separator of a numeric date (`/`, `-`, `.`). */
  sep?: string;
  /** As written: day and month digits (for padding advice). */
  dayDigits?: string;
  monthDigits?: string;
  /** The year's digits as written (five digits in `08/6/20210`). */
  yearDigits: string;
  /** Span of the year's digits. */
  yearSpan: Span;
  /** The calendar has this day (false for 31/02/2026, 29/02/2025, month 13, a five-digit year). */
  valid: boolean;
  /** True when the numeric form could be read day-first or month-first (English 03/04/2026). */
  ambiguousOrder: boolean;
  /** The word just before it is `ngày` / `date(d)` / `on`: certainly a date, not a code. */
  introduced: boolean;
  /** Words of a written-out date that are slips for `ngày`, `tháng`, `năm`. */
  wordSlips?: DateWordSlip[];
}

export interface Period {
  span: Span;
  start: DateMention;
  end: DateMention;
  /** The period is the report's own ("Mốc thời gian báo cáo", "kỳ báo cáo", "reporting period"). */
  reportPeriod: boolean;
}

export interface DateFacts {
  dates: DateMention[];
  periods: Period[];
  /** The report's own date (header line), when stated. */
  reportDate?: DateMention;
  /** The report's own period, when stated. */
  reportPeriod?: Period;
}

const MONTHS_EN: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';

/** Letters without their marks, lower case: `Tháng` -> `thang`, `nằm` -> `nam`, `Đ` -> `d`. */
export function bareLetters(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * A character class of every precomposed letter whose bare form is `ch` (`a` -> a à á ả ã ạ ă ằ …
 * and their capitals), so that a date word is matched with any marks and any case; whether the
 * marks are right is decided afterwards.
 */
function anyMarks(ch: string): string {
  if (!LETTERS_BY_BARE) {
    // one pass over the precomposed letters (not one per letter of each date word: ~40 ms at start-up)
    LETTERS_BY_BARE = new Map();
    for (let cp = 0x41; cp <= 0x1ef9; cp++) {
      const c = String.fromCodePoint(cp);
      if (!/\p{L}/u.test(c)) continue;
      const bare = bareLetters(c);
      const list = LETTERS_BY_BARE.get(bare);
      if (list) list.push(c);
      else LETTERS_BY_BARE.set(bare, [c]);
    }
  }
  return `[${(LETTERS_BY_BARE.get(ch) ?? []).join('')}]`;
}
let LETTERS_BY_BARE: Map<string, string[]> | undefined;
const wordClass = (w: string): string => [...bareLetters(w)].map(anyMarks).join('');
const W_DAY = wordClass(DATE_WORDS.day);
const W_MONTH = wordClass(DATE_WORDS.month);
const W_YEAR = wordClass(DATE_WORDS.year);

// One alternation, each branch with bounded quantifiers; guards keep digits out of longer runs.
const DATE_RE = new RegExp(
  [
    // 19/01/2026, 19-01-2026, 19.01.2026 (same separator twice); a five-digit year is read too
    '(?<![\\p{L}\\d/.,-])(?<nd>\\d{1,2})(?<ns>[/.-])(?<nm>\\d{1,2})\\k<ns>(?<ny>\\d{4,5})(?![\\d/]|[.,-]\\d)',
    // 19 tháng 01 năm 2026, also run together (`ngày03 tháng 12`, `tháng 11năm`) and with a slip
    // in a word (`tháng 12 nam 2024`)
    `(?<!\\d)(?<wd>\\d{1,2})[ \\t]{0,3}(?<wt>${W_MONTH})[ \\t]{0,3}(?<wm>\\d{1,2})[ \\t]{0,3}(?<wn>${W_YEAR})[ \\t]{0,3}(?<wy>\\d{4,5})(?!\\d)`,
    // tháng 3/2026, tháng 3 năm 2026 (month and year only)
    '(?<![\\p{L}])[Tt]háng[ \\t]{1,3}(?<mm>\\d{1,2})(?:[/-]|[ \\t]{1,3}năm[ \\t]{1,3})(?<my>\\d{4})(?![\\d/])',
    // 19 January 2026
    `(?<![\\p{L}\\d])(?<ed>\\d{1,2})[ \\t]{1,3}(?<em>${MONTH_NAMES})[ \\t]{1,3}(?<ey>\\d{4,5})(?!\\d)`,
    // January 19, 2026
    `(?<![\\p{L}\\d])(?<fm>${MONTH_NAMES})[ \\t]{1,3}(?<fd>\\d{1,2}),?[ \\t]{1,3}(?<fy>\\d{4,5})(?!\\d)`,
  ].join('|'),
  'gu',
);
// the word before a written-out date's day, any marks: `ngày`, `Ngày`, `ngay`
const DAY_WORD_BEFORE = new RegExp(`(?<![\\p{L}\\d])(${W_DAY})[ \\t]{0,3}$`, 'u');

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(day: number | undefined, month: number, year: number): boolean {
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** Comparable value: yyyymmdd (a month-year form counts as its first day, or last with `end`). */
export function dateValue(d: { day?: number; month: number; year: number }, end = false): number {
  const day = d.day ?? (end ? daysInMonth(d.year, d.month) : 1);
  return d.year * 10000 + d.month * 100 + day;
}

/**
 * One slip between two dates: the same year and only the day or only the month differs, or the
 * same day and month and a year one digit off (`2025` / `2026`, `2024` / `2042`).
 */
export function dateSlip(a: DateMention, b: DateMention): boolean {
  if (a.day === undefined || b.day === undefined) return false;
  if (a.year === b.year) return (a.day === b.day) !== (a.month === b.month);
  if (a.day !== b.day || a.month !== b.month) return false;
  const x = String(a.year);
  const y = String(b.year);
  let diff = 0;
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) diff++;
  const swapped = x.slice(0, 2) + x[3] + x[2] === y;
  return diff === 1 || swapped;
}

export function formatDate(d: DateMention): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return d.day === undefined ? `${p(d.month)}/${d.year}` : `${p(d.day)}/${p(d.month)}/${d.year}`;
}

/** The right spelling of a date word in the case style of the word found (`NAM` -> `NĂM`). */
function rightWord(found: string, word: string): string {
  if (found === found.toUpperCase() && found.length > 1) return word.toUpperCase();
  if (found[0] === found[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

function slip(at: number, found: string, word: string): DateWordSlip | undefined {
  const expected = rightWord(found, word);
  return found === expected ? undefined : { span: { start: at, end: at + found.length }, found, expected };
}

/** Scans the text for dates. `locale` decides how an English numeric date is ordered (month first). */
export function scanDates(text: string, locale: 'vi' | 'en'): DateMention[] {
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_RE.exec(text))) {
    const g = m.groups ?? {};
    const span = { start: m.index, end: m.index + m[0].length };
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const introduced = /(?:ngày|Ngày|dated?|Dated?|on|On|từ|đến|to|through)[ \t]{0,3}$/u.test(before);
    const yearAt = (digits: string) => ({ start: span.end - digits.length, end: span.end });
    let mention: DateMention | undefined;
    if (g.nd !== undefined) {
      // a five-digit year only where it is certainly a date: `/` or `ngày` before it
      if (g.ny.length === 5 && g.ns !== '/' && !introduced) continue;
      // a year is never written with a leading zero (`15/01/00009` is a serial number)
      if (g.ny[0] === '0') continue;
      const a = Number(g.nd);
      const b = Number(g.nm);
      const year = Number(g.ny);
      let day = a;
      let month = b;
      let ambiguousOrder = false;
      if (locale === 'en' && (g.ns === '/' || g.ns === '-')) {
        // US order (month/day) unless only day/month is possible
        ambiguousOrder = a <= 12 && b <= 12 && a !== b;
        if (a <= 12) { month = a; day = b; }
      }
      const valid = g.ny.length === 4 && (isValidDate(day, month, year) || (locale === 'en' && isValidDate(month, day, year)));
      mention = { span, raw: m[0], day, month, year, style: 'numeric', sep: g.ns, dayDigits: locale === 'en' ? undefined : g.nd, monthDigits: locale === 'en' ? undefined : g.nm, yearDigits: g.ny, yearSpan: yearAt(g.ny), valid, ambiguousOrder, introduced };
    } else if (g.wd !== undefined) {
      // a letter right before the day: only the day word run together with it (`ngày03`)
      if (m.index > 0 && /\p{L}/u.test(text[m.index - 1]) && !DAY_WORD_BEFORE.test(before)) continue;
      const day = Number(g.wd);
      const month = Number(g.wm);
      const year = Number(g.wy);
      const slips: DateWordSlip[] = [];
      const dw = DAY_WORD_BEFORE.exec(before);
      if (dw) {
        const s = slip(m.index - (before.length - dw.index), dw[1], DATE_WORDS.day);
        if (s) slips.push(s);
      }
      const tAt = m.index + m[0].indexOf(g.wt, g.wd.length);
      const nAt = m.index + m[0].lastIndexOf(g.wn, m[0].length - g.wy.length);
      for (const s of [slip(tAt, g.wt, DATE_WORDS.month), slip(nAt, g.wn, DATE_WORDS.year)]) if (s) slips.push(s);
      // every word a slip and the day word too: a text typed without marks, not a date with a slip
      if (slips.length === 3 || (slips.length === 2 && !dw)) continue;
      mention = { span, raw: m[0], day, month, year, style: 'words', dayDigits: g.wd, monthDigits: g.wm, yearDigits: g.wy, yearSpan: yearAt(g.wy), valid: g.wy.length === 4 && isValidDate(day, month, year), ambiguousOrder: false, introduced: true };
      if (slips.length) mention.wordSlips = slips;
    } else if (g.mm !== undefined) {
      const month = Number(g.mm);
      const year = Number(g.my);
      // span covers the digits only ("3/2026"), after "tháng "
      const digits = m[0].indexOf(g.mm, 5);
      mention = { span: { start: m.index + digits, end: span.end }, raw: m[0].slice(digits), month, year, style: 'numeric', monthDigits: g.mm, yearDigits: g.my, yearSpan: yearAt(g.my), valid: isValidDate(undefined, month, year), ambiguousOrder: false, introduced: true };
    } else if (g.ed !== undefined) {
      const day = Number(g.ed);
      const month = MONTHS_EN[g.em.replace('.', '').toLowerCase()];
      const year = Number(g.ey);
      mention = { span, raw: m[0], day, month, year, style: 'english', yearDigits: g.ey, yearSpan: yearAt(g.ey), valid: g.ey.length === 4 && isValidDate(day, month, year), ambiguousOrder: false, introduced: true };
    } else if (g.fm !== undefined) {
      const day = Number(g.fd);
      const month = MONTHS_EN[g.fm.replace('.', '').toLowerCase()];
      const year = Number(g.fy);
      mention = { span, raw: m[0], day, month, year, style: 'english', yearDigits: g.fy, yearSpan: yearAt(g.fy), valid: g.fy.length === 4 && isValidDate(day, month, year), ambiguousOrder: false, introduced: true };
    }
    if (mention) out.push(mention);
  }
  return out;
}

// What may stand between the two dates of a period, and before the first.
const PERIOD_MID = /^[ \t]{0,3}(?:đến(?:[ \t]{1,3}hết)?(?:[ \t]{1,3}ngày)?|to|through|until|-|–)[ \t]{0,3}$/u;
const PERIOD_START = /(?:từ|Từ)(?:[ \t]{1,3}ngày)?[ \t]{1,3}$|(?:from|From)[ \t]{1,3}$/u;
const REPORT_PERIOD_CUE = /(?:thời gian báo cáo|kỳ báo cáo|số liệu báo cáo|báo cáo tính|reporting period|period covered)/iu;
// "Diễn Châu, ngày 25 tháng 3 năm 2026": a place (capitalised words), a comma, `ngày`. On its own
// line, in a cell of a header row copied as text ("Số: 144/KH-UBND<TAB>Bắc Ninh, ngày …<TAB>QUYẾT
// ĐỊNH"), or in a header flattened to one line ("Số: 2641/QĐ-UBND Đà Nẵng, ngày …").
// The word before the place is a symbol, a code, a rule line or the motto's last word, never a word
// of running text ("tại Hà Nội, ngày …" is a sentence).
const PLACE_DATE = new RegExp(
  `(?:^|\\t|[ ]{2}|(?:^|\\s)(?:[^\\s\\p{L}]\\S*|\\p{Lu}{2,}\\S*|[Pp]húc\\S*|Số:?)[ ])(?:(?:${PLACE_PREFIX_WORDS.source})[ ]{1,2})?` +
    `\\p{Lu}[\\p{L}.'’-]*(?:[ ]{1,2}(?:-[ ]{1,2})?\\p{Lu}[\\p{L}.'’-]*){0,5}[ ]?,[ \\t]{0,3}[Nn]gày[ \\t]{0,3}$`,
  'u',
);
// how far into the document its own date may stand
const HEADER_REACH = 6000;

export function findPeriods(text: string, dates: DateMention[]): Period[] {
  const out: Period[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i];
    const b = dates[i + 1];
    if (b.span.start - a.span.end > 20) continue;
    if (!PERIOD_MID.test(text.slice(a.span.end, b.span.start))) continue;
    const head = text.slice(Math.max(0, a.span.start - 16), a.span.start);
    const pm = PERIOD_START.exec(head);
    if (!pm) continue;
    const start = a.span.start - (head.length - pm.index);
    const cue = text.slice(Math.max(0, start - 60), start);
    out.push({ span: { start, end: b.span.end }, start: a, end: b, reportPeriod: REPORT_PERIOD_CUE.test(cue) });
  }
  return out;
}

export function findReportDate(doc: Document, dates: DateMention[], locale?: string): DateMention | undefined {
  for (const d of dates) {
    if (d.span.start > HEADER_REACH) break;
    if (d.style !== 'words' || !d.valid) continue;
    const block = doc.blockAt(d.span.start);
    if (!block || block.index > 40) continue;
    const from = Math.max(block.span.start, d.span.start - 120);
    const m = PLACE_DATE.exec(doc.text.slice(from, d.span.start));
    // the slice's own start is a line start only when it is the block's
    if (!m || (m.index === 0 && from > block.span.start && /^\p{Lu}/u.test(m[0]))) continue;
    return d;
  }
  // a letter or memo in English: its date alone on a line near the top ("Letter\n\nMarch 5, 2026")
  for (const d of dates) {
    if (d.span.start > EN_HEADER_REACH) break;
    if ((d.style !== 'english' && !(locale === 'en' && d.style === 'numeric' && d.yearDigits.length === 4)) || !d.valid || d.day === undefined) continue;
    const text = doc.text;
    const ls = text.lastIndexOf('\n', d.span.start - 1) + 1;
    const le = text.indexOf('\n', d.span.end);
    if (text.slice(ls, le < 0 ? text.length : le).trim() === d.raw) return d;
  }
  // a dateline: an English document's date opening one of its first lines, the rest of the line
  // a short label and no sentence ("11-30-2016  Audit (A-04-15-06182)", "March 5, 2026 Memorandum")
  if (locale === 'en') {
    const text = doc.text;
    for (const d of dates) {
      if (d.span.start > DATELINE_REACH) break;
      if (!d.valid || d.day === undefined || d.yearDigits.length !== 4 || (d.style !== 'english' && d.style !== 'numeric')) continue;
      const ls = text.lastIndexOf('\n', d.span.start - 1) + 1;
      if (text.slice(ls, d.span.start).trim() !== '') continue;
      const lineNo = text.slice(0, ls).split('\n').filter((l) => l.trim()).length;
      if (lineNo >= DATELINE_LINES) break;
      const le = text.indexOf('\n', d.span.end);
      const rest = text.slice(d.span.end, le < 0 ? text.length : le);
      if (/^\s{2,}|^\s*[-–—|]\s/u.test(rest) && rest.trim().length <= 50 && !/[.;,:!?]\s|[.;:!?]$/u.test(rest.trim())) return d;
    }
  }
  return undefined;
}
// a dateline stands among the first few lines (non-empty ones counted before it)
const DATELINE_LINES = 6;
const DATELINE_REACH = 1500;
// GAO letters put the date after the title page's 40-odd short lines
const EN_HEADER_REACH = 12000;

export const dateFacts = defineFact('dates', (doc: Document, _facts, settings): DateFacts => {
  let dates = scanDates(doc.text, settings.locale);
  if (doc.ignored.length) dates = dates.filter((d) => !doc.ignored.some((s) => s.start <= d.span.start && s.end >= d.span.end));
  const periods = findPeriods(doc.text, dates);
  const reportDate = findReportDate(doc, dates, settings.locale);
  const reportPeriod = periods.find((p) => p.reportPeriod);
  return { dates, periods, reportDate, reportPeriod };
});

/** Index of the first date starting at or after `offset` (binary search). */
export function dateAtOrAfter(dates: DateMention[], offset: number): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

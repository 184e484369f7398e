// Every date in the document with its span and calendar value (`19/01/2026`, `ngày 05 tháng 02
// năm 2026`, `19 January 2026`, `May 12, 2021`, `tháng 13/2026`), the periods written as
// "từ ngày A đến ngày B" / "from A to B", and the report's own date or period when it states one
// (the header line "Diễn Châu, ngày 25 tháng 3 năm 2026" or "Mốc thời gian báo cáo từ … đến …").
// Citation and date rules share it; all patterns are linear (bounded quantifiers, no nesting).

import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';

export type DateStyle = 'numeric' | 'words' | 'english';

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
  /** The calendar has this day (false for 31/02/2026, 29/02/2025, month 13). */
  valid: boolean;
  /** True when the numeric form could be read day-first or month-first (English 03/04/2026). */
  ambiguousOrder: boolean;
  /** The word just before it is `ngày` / `date(d)` / `on`: certainly a date, not a code. */
  introduced: boolean;
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

// One alternation, each branch with bounded quantifiers; guards keep digits out of longer runs.
const DATE_RE = new RegExp(
  [
    // 19/01/2026, 19-01-2026, 19.01.2026 (same separator twice)
    '(?<![\\p{L}\\d/.,-])(?<nd>\\d{1,2})(?<ns>[/.-])(?<nm>\\d{1,2})\\k<ns>(?<ny>\\d{4})(?![\\d/]|[.,-]\\d)',
    // 19 tháng 01 năm 2026
    '(?<![\\p{L}\\d])(?<wd>\\d{1,2})[ \\t]{1,3}tháng[ \\t]{1,3}(?<wm>\\d{1,2})[ \\t]{1,3}năm[ \\t]{1,3}(?<wy>\\d{4})(?!\\d)',
    // tháng 3/2026, tháng 3 năm 2026 (month and year only)
    '(?<![\\p{L}])[Tt]háng[ \\t]{1,3}(?<mm>\\d{1,2})(?:[/-]|[ \\t]{1,3}năm[ \\t]{1,3})(?<my>\\d{4})(?![\\d/])',
    // 19 January 2026
    `(?<![\\p{L}\\d])(?<ed>\\d{1,2})[ \\t]{1,3}(?<em>${MONTH_NAMES})[ \\t]{1,3}(?<ey>\\d{4})(?!\\d)`,
    // January 19, 2026
    `(?<![\\p{L}\\d])(?<fm>${MONTH_NAMES})[ \\t]{1,3}(?<fd>\\d{1,2}),?[ \\t]{1,3}(?<fy>\\d{4})(?!\\d)`,
  ].join('|'),
  'gu',
);

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

export function formatDate(d: DateMention): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return d.day === undefined ? `${p(d.month)}/${d.year}` : `${p(d.day)}/${p(d.month)}/${d.year}`;
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
    const introduced = /(?:ngày|Ngày|dated?|Dated?|on|On|từ|đến|to|through)[ \t]{1,3}$/u.test(before);
    let mention: DateMention | undefined;
    if (g.nd !== undefined) {
      const a = Number(g.nd);
      const b = Number(g.nm);
      const year = Number(g.ny);
      let day = a;
      let month = b;
      let ambiguousOrder = false;
      if (locale === 'en' && g.ns === '/') {
        // US order (month/day) unless only day/month is possible
        ambiguousOrder = a <= 12 && b <= 12 && a !== b;
        if (a <= 12) { month = a; day = b; }
      }
      const valid = isValidDate(day, month, year) || (locale === 'en' && isValidDate(month, day, year));
      mention = { span, raw: m[0], day, month, year, style: 'numeric', sep: g.ns, dayDigits: locale === 'en' ? undefined : g.nd, monthDigits: locale === 'en' ? undefined : g.nm, valid, ambiguousOrder, introduced };
    } else if (g.wd !== undefined) {
      const day = Number(g.wd);
      const month = Number(g.wm);
      const year = Number(g.wy);
      mention = { span, raw: m[0], day, month, year, style: 'words', dayDigits: g.wd, monthDigits: g.wm, valid: isValidDate(day, month, year), ambiguousOrder: false, introduced: true };
    } else if (g.mm !== undefined) {
      const month = Number(g.mm);
      const year = Number(g.my);
      // span covers the digits only ("3/2026"), after "tháng "
      const digits = m[0].indexOf(g.mm, 5);
      mention = { span: { start: m.index + digits, end: span.end }, raw: m[0].slice(digits), month, year, style: 'numeric', monthDigits: g.mm, valid: isValidDate(undefined, month, year), ambiguousOrder: false, introduced: true };
    } else if (g.ed !== undefined) {
      const day = Number(g.ed);
      const month = MONTHS_EN[g.em.replace('.', '').toLowerCase()];
      const year = Number(g.ey);
      mention = { span, raw: m[0], day, month, year, style: 'english', valid: isValidDate(day, month, year), ambiguousOrder: false, introduced: true };
    } else if (g.fm !== undefined) {
      const day = Number(g.fd);
      const month = MONTHS_EN[g.fm.replace('.', '').toLowerCase()];
      const year = Number(g.fy);
      mention = { span, raw: m[0], day, month, year, style: 'english', valid: isValidDate(day, month, year), ambiguousOrder: false, introduced: true };
    }
    if (mention) out.push(mention);
  }
  return out;
}

// What may stand between the two dates of a period, and before the first.
const PERIOD_MID = /^[ \t]{0,3}(?:đến(?:[ \t]{1,3}hết)?(?:[ \t]{1,3}ngày)?|to|through|until|-|–)[ \t]{0,3}$/u;
const PERIOD_START = /(?:từ|Từ)(?:[ \t]{1,3}ngày)?[ \t]{1,3}$|(?:from|From)[ \t]{1,3}$/u;
const REPORT_PERIOD_CUE = /(?:thời gian báo cáo|kỳ báo cáo|số liệu báo cáo|báo cáo tính|reporting period|period covered)/iu;
// "Diễn Châu, ngày 25 tháng 3 năm 2026" at the end of its line
// (a header table copied as text puts "Số: 144/KH-UBND" and a tab before it)
const HEADER_DATE = /(?:^|\t|[ ]{2})[ \t]{0,40}\p{Lu}[\p{L} .'’-]{1,60},[ \t]{0,3}ngày[ \t]{1,3}$/u;

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

export function findReportDate(doc: Document, dates: DateMention[]): DateMention | undefined {
  for (const d of dates) {
    if (d.style !== 'words' || !d.valid) continue;
    const block = doc.blockAt(d.span.start);
    if (!block || block.kind === 'table' || block.index > 40) continue;
    if (doc.text.slice(d.span.end, block.span.end).trim() !== '') continue;
    if (HEADER_DATE.test(doc.text.slice(block.span.start, d.span.start))) return d;
  }
  return undefined;
}

export const dateFacts = defineFact('dates', (doc: Document, _facts, settings): DateFacts => {
  let dates = scanDates(doc.text, settings.locale);
  if (doc.ignored.length) dates = dates.filter((d) => !doc.ignored.some((s) => s.start <= d.span.start && s.end >= d.span.end));
  const periods = findPeriods(doc.text, dates);
  const reportDate = findReportDate(doc, dates);
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

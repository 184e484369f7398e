// Dates that cannot be right: a day the calendar lacks (31/02/2026, 29/02/2025, month 13), a year
// of five digits (08/6/20210), a cited state document dated before the state existed, a year far
// beyond the report's own (2052 in a 2025 report, 2025 with its last two digits swapped), a cited
// document or a past event dated after the report itself, a period that ends before it starts,
// a wrong word in a written-out date ("tháng 12 nam 2024"). Padding advice per Nghị định 30
// (`05/02/2026`, `23/3/2026`) only when the document mixes both styles in its own dates.

import { z } from 'zod';
import { defineRule, type Report, type RuleContext } from '../engine/types.js';
import type { Span } from '../parse/document.js';
import { citationFacts, type Citation } from '../facts/citations.js';
import { dateFacts, dateValue, daysInMonth, type DateFacts, type DateMention, type DateWordSlip } from '../facts/dates.js';
import { ESTIMATE_WORDS, FIRST_STATE_YEAR, FUTURE_WORDS, LEGAL_BASIS_WORDS, PAST_WORDS, TYPE_WORDS } from '../facts/lexicon/citations.js';
import { sentenceIndexAt, sentences } from '../facts/sentences.js';

const options = z
  .object({
    /** With only a reporting period stated, a cited document may be this many days younger than its end (the report is written after). */
    periodGraceDays: z.number().int().min(0).default(31),
    /** Give padding advice (info) when the document mixes `05/02` and `5/2` styles. */
    padding: z.boolean().default(true),
    /** A date this many years or more after the report's own is far beyond its period. */
    farYears: z.number().int().min(1).default(25),
  })
  .strict();
type Ctx = RuleContext<z.output<typeof options>>;

export default defineRule({
  id: 'date-invalid',
  meta: {
    category: 'citations',
    defaultSeverity: 'error',
    fixable: true,
    description: {
      en: 'An impossible date or year, a cited document or past event dated after the report, a wrong word in a date, or a period that ends before it starts.',
      vi: 'Ngày hoặc năm không thể có, văn bản được trích dẫn hay sự việc đã diễn ra có ngày sau ngày báo cáo, sai chữ trong cụm ngày tháng, hoặc khoảng thời gian kết thúc trước khi bắt đầu.',
    },
    checkedLabel: { en: 'dates', vi: 'ngày tháng' },
  },
  options,
  messages: {
    noSuchMonth: {
      en: 'The date {date} does not exist: there is no month {month}.',
      vi: 'Ngày {date} không có thật: không có tháng {month}.',
    },
    noSuchDay: {
      en: 'The date {date} does not exist: {month}/{year} has only {max} days.',
      vi: 'Ngày {date} không có thật: tháng {month}/{year} chỉ có {max} ngày.',
    },
    yearDigits: {
      en: 'The year of {date} has {digits} digits.',
      vi: 'Năm trong ngày {date} có {digits} chữ số.',
    },
    yearDigitsExpected: {
      en: 'The year of {date} has {digits} digits; {expected} is meant, as "{evidence}" shows.',
      vi: 'Năm trong ngày {date} có {digits} chữ số; đúng ra là {expected}, như "{evidence}" cho thấy.',
    },
    evidenceHere: { en: 'the year {expected} here', vi: 'năm {expected} ở đây' },
    beforeState: {
      en: '{doc} is dated {date}, before {first}: no state document of this numbering is that old.',
      vi: '{doc} ghi ngày {date}, trước năm {first}: không có văn bản nhà nước nào với số hiệu kiểu này có từ thời đó.',
    },
    farYear: {
      en: 'The year of {date} lies {years} years after this document ({reportDate}).',
      vi: 'Năm của ngày {date} sau ngày của chính văn bản ({reportDate}) tới {years} năm.',
    },
    transposedYear: {
      en: 'The year of {date} lies {years} years after this document ({reportDate}); {expected}, its last two digits swapped back, is the year the document writes elsewhere.',
      vi: 'Năm của ngày {date} sau ngày của chính văn bản ({reportDate}) tới {years} năm; {expected} (đảo lại hai chữ số cuối) là năm văn bản ghi ở chỗ khác.',
    },
    numberYearTransposed: {
      en: '{doc} is dated {date}; its number carries the year {expected}, the same digits with the last two swapped.',
      vi: '{doc} ghi ngày {date}; số hiệu của văn bản mang năm {expected}, tức là hai chữ số cuối của năm bị đảo.',
    },
    ownYearTransposed: {
      en: 'This document is dated {date}, {years} years after the latest date it mentions ({latest}); with the last two digits swapped back its year is {expected}.',
      vi: 'Văn bản này ghi ngày {date}, sau ngày muộn nhất mà nó nhắc tới ({latest}) tới {years} năm; đảo lại hai chữ số cuối thì năm là {expected}.',
    },
    ownYearNumber: {
      en: 'This document is dated {date}, but its own number {doc} carries the year {expected}: the last two digits are swapped.',
      vi: 'Văn bản này ghi ngày {date} nhưng số hiệu {doc} của chính nó mang năm {expected}: hai chữ số cuối của năm bị đảo.',
    },
    transposedLatest: {
      en: 'The year of {date} lies {years} years after every other date this document shows (the latest: {latest}); {expected}, its last two digits swapped back, is the year the document writes elsewhere.',
      vi: 'Năm của ngày {date} sau mọi ngày khác mà văn bản này ghi (muộn nhất: {latest}) tới {years} năm; {expected} (đảo lại hai chữ số cuối) là năm văn bản ghi ở chỗ khác.',
    },
    latestHere: { en: 'the latest other date', vi: 'ngày muộn nhất khác' },
    ownNumberHere: { en: "the document's own number", vi: 'số hiệu của chính văn bản' },
    afterReport: {
      en: '{doc} is dated {date}, after the report itself ({reportDate}).',
      vi: '{doc} ghi ngày {date}, sau cả ngày của chính báo cáo ({reportDate}).',
    },
    afterReportTransposed: {
      en: '{doc} is dated {date}, after the report itself ({reportDate}); with the last two digits of the year swapped back it is {expected}.',
      vi: '{doc} ghi ngày {date}, sau cả ngày của chính báo cáo ({reportDate}); đảo lại hai chữ số cuối của năm thì là {expected}.',
    },
    eventAfterReport: {
      en: 'What is said to have happened on {date} lies after the report itself ({reportDate}).',
      vi: 'Sự việc được nói là đã diễn ra ngày {date} lại sau cả ngày của chính báo cáo ({reportDate}).',
    },
    afterPeriod: {
      en: '{doc} is dated {date}, {days} days after the end of the reporting period ({periodEnd}).',
      vi: '{doc} ghi ngày {date}, sau ngày kết thúc kỳ báo cáo ({periodEnd}) {days} ngày.',
    },
    reversedPeriod: {
      en: 'The period ends ({end}) before it starts ({start}).',
      vi: 'Khoảng thời gian kết thúc ({end}) trước khi bắt đầu ({start}).',
    },
    dateWord: {
      en: 'In the date "{date}", "{found}" should be "{expected}".',
      vi: 'Trong cụm ngày tháng "{date}", "{found}" phải là "{expected}".',
    },
    padding: {
      en: 'Write {date} as {expected} (Nghị định 30: a leading zero for days below 10 and months 1-2 only); this document writes dates both ways ({count} like this one, {other} the other way).',
      vi: 'Nên viết {date} thành {expected} (Nghị định 30: thêm số 0 trước ngày dưới 10 và tháng 1, 2); văn bản này viết ngày tháng lẫn lộn hai kiểu ({count} ngày như thế này, {other} ngày kiểu kia).',
    },
    replaceWord: { en: 'Write "{expected}"', vi: 'Sửa thành "{expected}"' },
    replaceYear: { en: 'Write the year {expected}', vi: 'Sửa năm thành {expected}' },
    reportDateHere: { en: "the report's date", vi: 'ngày của báo cáo' },
    periodEndHere: { en: 'end of the reporting period', vi: 'ngày kết thúc kỳ báo cáo' },
    startHere: { en: 'start of the period', vi: 'ngày bắt đầu' },
    otherStyle: { en: 'written the other way here', vi: 'viết kiểu khác ở đây' },
  },
  check(ctx, opts) {
    const facts = ctx.facts.get(dateFacts);
    const { dates, periods, reportDate, reportPeriod } = facts;
    const cf = ctx.facts.get(citationFacts);
    const citeOf = new Map<DateMention, Citation>();
    for (const c of cf.all) if (c.date) citeOf.set(c.date, c);
    const reported = new Set<DateMention>();
    const report = (d: DateMention, r: Report) => {
      reported.add(d);
      ctx.report(r);
    };

    for (const d of dates) {
      ctx.checked();
      if (d.wordSlips) wordSlips(ctx, d, d.wordSlips);
      if (d.yearDigits.length !== 4) {
        report(d, yearDigits(d, facts, citeOf.get(d), cf.groupOf.get(citeOf.get(d)!)?.members));
        continue;
      }
      if (d.valid) continue;
      // a numeric form with `.` or `-` and no "ngày" before it may be a code or a range
      if (d.style === 'numeric' && d.sep !== undefined && d.sep !== '/' && !d.introduced) continue;
      // an impossible day or month in a year before the state, not introduced by "ngày": figures
      // of a table run together (`00/9/1850`), not a date
      if (d.style === 'numeric' && !d.introduced && d.year < FIRST_STATE_YEAR) continue;
      const noMonth = d.month < 1 || d.month > 12;
      report(d, {
        messageId: noMonth ? 'noSuchMonth' : 'noSuchDay',
        span: d.span,
        data: noMonth ? { date: d.raw, month: d.month } : { date: d.raw, month: d.month, year: d.year, max: daysInMonth(d.year, d.month) },
      });
    }

    for (const p of periods) {
      if (!p.start.valid || !p.end.valid) continue;
      if (dateValue(p.end, true) < dateValue(p.start)) {
        report(p.end, {
          messageId: 'reversedPeriod',
          span: p.end.span,
          data: { start: p.start.raw, end: p.end.raw },
          related: [{ span: p.start.span, messageId: 'startHere' }],
        });
      }
    }

    const own = cf.own ? cf.groupOf.get(cf.own) : undefined;
    for (const c of cf.all) {
      const d = c.date;
      if (!d || !d.valid || d.day === undefined || reported.has(d)) continue;
      if (c.system !== 'party' && c.system !== 'us' && d.year < FIRST_STATE_YEAR) {
        report(d, { messageId: 'beforeState', span: d.span, data: { doc: c.raw, date: d.raw, first: FIRST_STATE_YEAR } });
        continue;
      }
      // the document's own number cited with another day or month: citation-mismatch names that slip
      if (own?.members.includes(c) && reportDate && d.year === reportDate.year) continue;
      if (reportPeriod && (d === reportPeriod.start || d === reportPeriod.end)) continue;
      // a legal number whose year is the date's with its last two digits swapped; any other
      // disagreement of number and date is citation-type's finding
      if (c.year !== undefined && c.year !== d.year) {
        if (transposed(d.year) === c.year) {
          report(d, {
            messageId: 'numberYearTransposed',
            span: d.span,
            data: { doc: c.raw, date: d.raw, expected: c.year },
            fix: { edits: [{ span: d.yearSpan, text: String(c.year) }], applicability: 'safe', messageId: 'replaceYear', data: { expected: c.year } },
          });
        }
        continue;
      }
      if (reportDate) {
        if (dateValue(d) > dateValue(reportDate)) {
          const back = transposed(d.year);
          const fits = back !== undefined && dateValue({ ...d, year: back }) <= dateValue(reportDate);
          report(d, {
            messageId: fits ? 'afterReportTransposed' : 'afterReport',
            span: d.span,
            data: { doc: c.raw, date: d.raw, reportDate: reportDate.raw, ...(fits ? { expected: withYear(d, back!) } : {}) },
            related: [{ span: reportDate.span, messageId: 'reportDateHere' }],
            ...(fits ? { fix: { edits: [{ span: d.yearSpan, text: String(back) }], applicability: 'unsafe' as const, messageId: 'replaceYear', data: { expected: back! } } } : {}),
          });
        }
      } else if (reportPeriod && reportPeriod.end.valid) {
        const days = daysBetween(reportPeriod.end, d);
        if (days > opts.periodGraceDays) {
          report(d, {
            messageId: 'afterPeriod',
            span: d.span,
            data: { doc: c.raw, date: d.raw, periodEnd: reportPeriod.end.raw, days },
            related: [{ span: reportPeriod.end.span, messageId: 'periodEndHere' }],
          });
        }
      }
    }

    if (reportDate) {
      if (!ownYear(ctx, dates, reportDate, cf.all, cf.own, report)) laterThanReport(ctx, opts.farYears, dates, reportDate, citeOf, reported, report);
    } else laterThanCited(ctx, dates, cf.all, reported, report);
    // the padding convention is TTLT 55/2005's (then Nghị định 30/2020's): an older text is not restyled
    const underConvention = !reportDate || reportDate.year >= PADDING_SINCE;
    if (opts.padding && ctx.settings.locale === 'vi' && underConvention) paddingAdvice(ownDates(ctx, dates, citeOf).filter((d) => !quoted(ctx, d)), (r) => ctx.report(r));
  },
});

function daysBetween(a: DateMention, b: DateMention): number {
  const t = (d: DateMention) => Date.UTC(d.year, d.month - 1, d.day ?? 1);
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** The year with its last two digits swapped, when that is another year (`2052` -> `2025`). */
function transposed(year: number): number | undefined {
  const s = String(year);
  if (s.length !== 4 || s[2] === s[3]) return undefined;
  return Number(s.slice(0, 2) + s[3] + s[2]);
}

/** The date as written with another year. */
function withYear(d: DateMention, year: number): string {
  const at = d.yearSpan.start - d.span.start;
  return d.raw.slice(0, at) + String(year) + d.raw.slice(at + d.yearDigits.length);
}

const yearCount = (dates: DateMention[]) => {
  const counts = new Map<number, number>();
  for (const d of dates) if (d.valid && d.yearDigits.length === 4) counts.set(d.year, (counts.get(d.year) ?? 0) + 1);
  return counts;
};

/**
 * A year of five (or more) digits: one digit too many. The year meant is named when the document
 * shows it: the year inside the cited number, the same document's date elsewhere, the report's
 * year, or the year the document's dates carry most (each only among the years one deletion gives).
 */
function yearDigits(d: DateMention, facts: DateFacts, c: Citation | undefined, group: Citation[] | undefined): Report {
  const candidates = new Set<number>();
  for (let i = 0; i < d.yearDigits.length; i++) {
    const y = d.yearDigits.slice(0, i) + d.yearDigits.slice(i + 1);
    if (y.length === 4 && y[0] !== '0' && Number(y) >= 1900 && Number(y) <= 2100) candidates.add(Number(y));
  }
  // the evidence, each only among the years one deletion gives: the cited number's year, the
  // same document's date elsewhere, the report's date, another date the document writes most
  const counts = [...yearCount(facts.dates)].filter(([y, n]) => candidates.has(y) && n >= 2).sort((a, b) => b[1] - a[1]);
  const commonest = counts.length && (counts.length === 1 || counts[0][1] > counts[1][1]) ? counts[0][0] : undefined;
  const other = group?.find((o) => o !== c && o.date && o.date.valid && candidates.has(o.date.year))?.date;
  let found: { year: number; span: Span; raw: string } | undefined;
  if (c?.year !== undefined && candidates.has(c.year)) found = { year: c.year, span: c.rawSpan, raw: c.raw };
  else if (other) found = { year: other.year, span: other.span, raw: other.raw };
  else if (facts.reportDate && candidates.has(facts.reportDate.year)) found = { year: facts.reportDate.year, span: facts.reportDate.span, raw: facts.reportDate.raw };
  else if (commonest !== undefined) {
    const e = facts.dates.find((o) => o !== d && o.valid && o.year === commonest)!;
    found = { year: commonest, span: e.span, raw: e.raw };
  }
  const digits = d.yearDigits.length;
  if (!found) return { messageId: 'yearDigits', span: d.yearSpan, data: { date: d.raw, digits } };
  const expected = found.year;
  return {
    messageId: 'yearDigitsExpected',
    span: d.yearSpan,
    data: { date: d.raw, digits, expected, evidence: found.raw },
    related: [{ span: found.span, messageId: 'evidenceHere', data: { expected } }],
    fix: { edits: [{ span: d.yearSpan, text: String(expected) }], applicability: 'unsafe', messageId: 'replaceYear', data: { expected } },
  };
}

const MARKED_SHARE = new WeakMap<object, number>();

/** Share of the document's words that carry a Vietnamese mark (about two in three in Vietnamese text). */
function markedShare(ctx: Ctx): number {
  let share = MARKED_SHARE.get(ctx.doc);
  if (share === undefined) {
    let words = 0;
    let marked = 0;
    for (const m of ctx.doc.text.slice(0, 200_000).matchAll(/\p{L}+/gu)) {
      words++;
      if (/[^\x00-\x7f]/.test(m[0])) marked++;
    }
    share = words ? marked / words : 0;
    MARKED_SHARE.set(ctx.doc, share);
  }
  return share;
}

/**
 * Wrong words inside one date phrase (one finding). A word with the wrong mark (`nằm`) is always a
 * slip; a word without marks (`nam`, `thang`) only in a text written with marks (a third of its
 * words or more), not in one typed without them.
 */
function wordSlips(ctx: Ctx, d: DateMention, slips: DateWordSlip[]): void {
  const kept = slips.filter((w) => /[^\x00-\x7f]/.test(w.found) || markedShare(ctx) >= 1 / 3);
  if (!kept.length) return;
  const span = { start: Math.min(kept[0].span.start, d.span.start), end: d.span.end };
  const found = kept.map((w) => w.found).join(', ');
  const expected = kept.map((w) => w.expected).join(', ');
  ctx.report({
    messageId: 'dateWord',
    span: { start: kept[0].span.start, end: kept[kept.length - 1].span.end },
    data: { date: ctx.doc.slice(span), found, expected },
    fix: { edits: kept.map((w) => ({ span: w.span, text: w.expected })), applicability: 'safe', messageId: 'replaceWord', data: { expected } },
    severity: 'warning',
  });
}

/**
 * The document's own date with the last two digits of its year swapped: ten years or more after
 * every other date and cited number it carries, and the swapped-back year not before them.
 */
function ownYear(ctx: Ctx, dates: DateMention[], reportDate: DateMention, cites: Citation[], own: Citation | undefined, report: (d: DateMention, r: Report) => void): boolean {
  const back = transposed(reportDate.year);
  if (back === undefined) return false;
  if (own?.year !== undefined && own.year === back) {
    report(reportDate, {
      messageId: 'ownYearNumber',
      span: reportDate.span,
      data: { date: reportDate.raw, doc: own.raw, expected: back },
      related: [{ span: own.rawSpan, messageId: 'ownNumberHere' }],
      fix: { edits: [{ span: reportDate.yearSpan, text: String(back) }], applicability: 'safe', messageId: 'replaceYear', data: { expected: back } },
    });
    return true;
  }
  if (back > reportDate.year) return false;
  let latest: DateMention | undefined;
  for (const d of dates) if (d !== reportDate && d.valid && d.yearDigits.length === 4 && (!latest || dateValue(d) > dateValue(latest))) latest = d;
  const numberYears = cites.filter((c) => c.year !== undefined && !c.loose).map((c) => c.year!);
  const top = Math.max(latest?.year ?? 0, ...numberYears);
  if (!latest || reportDate.year - top < 10 || back < top) return false;
  report(reportDate, {
    messageId: 'ownYearTransposed',
    span: reportDate.span,
    data: { date: reportDate.raw, years: reportDate.year - latest.year, latest: latest.raw, expected: back },
    related: [{ span: latest.span, messageId: 'latestHere' }],
    fix: { edits: [{ span: reportDate.yearSpan, text: String(back) }], applicability: 'unsafe', messageId: 'replaceYear', data: { expected: back } },
  });
  return true;
}

/**
 * Dates after the report's own that are not cited documents: a year far beyond it (with the year
 * meant when swapping its last two digits gives a year the document writes and this one it never
 * writes again), and an event the sentence says already happened.
 */
function laterThanReport(
  ctx: Ctx,
  farYears: number,
  dates: DateMention[],
  reportDate: DateMention,
  citeOf: Map<DateMention, Citation>,
  reported: Set<DateMention>,
  report: (d: DateMention, r: Report) => void,
): void {
  const counts = yearCount(dates);
  const ref = reportDate.year;
  const sents = ctx.facts.get(sentences);
  for (const d of dates) {
    if (!d.valid || d.day === undefined || d === reportDate || reported.has(d) || citeOf.has(d) || dateValue(d) <= dateValue(reportDate)) continue;
    const years = d.year - ref;
    const back = transposed(d.year);
    const clause = clauseAround(ctx, sents, d);
    // an estimate may lie any number of years ahead
    if (ESTIMATE_WORDS.all(clause.before).length) continue;
    const deadline = FUTURE_WORDS.all(clause.before).length > 0;
    // a deadline may lie years ahead (laws: up to fifteen in the corpus), never this far
    const minYears = deadline ? 18 : 10;
    if (back !== undefined && back <= ref && back >= FIRST_STATE_YEAR && years >= minYears && (counts.get(back) ?? 0) >= 1 && (counts.get(d.year) ?? 0) === 1) {
      report(d, {
        messageId: 'transposedYear',
        span: d.span,
        data: { date: d.raw, years, reportDate: reportDate.raw, expected: back },
        related: [{ span: reportDate.span, messageId: 'reportDateHere' }],
        fix: { edits: [{ span: d.yearSpan, text: String(back) }], applicability: 'unsafe', messageId: 'replaceYear', data: { expected: back } },
      });
      continue;
    }
    if (years >= farYears) {
      report(d, { messageId: 'farYear', span: d.span, data: { date: d.raw, years, reportDate: reportDate.raw }, related: [{ span: reportDate.span, messageId: 'reportDateHere' }] });
      continue;
    }
    if (!deadline && !FUTURE_WORDS.all(clause.after).length && pastEvent(clause) && !inTableRow(ctx, d)) {
      report(d, { messageId: 'eventAfterReport', span: d.span, data: { date: d.raw, reportDate: reportDate.raw }, related: [{ span: reportDate.span, messageId: 'reportDateHere' }] });
    }
  }
}

// "đã tổ chức hội nghị ngày X", "đã được phê duyệt tại … ngày X": the past word a few words before
// the date, no punctuation between; "Ngày X, UBND xã đã …": the date opens its clause, the past
// word follows it in the same clause
const PAST_BEFORE = new RegExp(`(?<![\\p{L}])(?:${PAST_WORDS.source})(?:[ ]+[\\p{L}\\d]+){1,6}[ ]+(?:ngày|Ngày|on)[ ]+$`, 'iu');
const DATE_OPENS = /(?:^|[.:]\s*|^\s*[-+•*]\s*)(?:[Nn]gày|[Oo]n)[ ]+$/u;
const PAST_AFTER = new RegExp(`^,?(?:[ ]+[\\p{L}\\d]+){1,8}?[ ]+(?:${PAST_WORDS.source})(?![\\p{L}])`, 'iu');

// a publication's imprint, its place and date ("(Washington, D.C.: June 12, 2024)", "New York, NY:
// May 2, 2023"): the work was already published
const IMPRINT = /(?:^|[(.;,]\s*)\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}, \p{Lu}[\p{L}.]{0,5}:[ ]*$/u;

function pastEvent(clause: { before: string; after: string }): boolean {
  if (PAST_BEFORE.test(clause.before) || IMPRINT.test(clause.before)) return true;
  return DATE_OPENS.test(clause.before) && PAST_AFTER.test(clause.after);
}

function inTableRow(ctx: Ctx, d: DateMention): boolean {
  const block = ctx.doc.blockAt(d.span.start);
  return block?.kind === 'table' || (block !== undefined && ctx.doc.text.slice(block.span.start, block.span.end).includes('\t'));
}

/**
 * Without the report's own date: a date whose year, its last two digits swapped back, is at most
 * the latest other year the document shows (its other dates, its cited documents' dates and
 * numbers), ten years and more after all of them (fifteen for a date that is not a cited
 * document's, twenty after a deadline word), a year written once, its swapped form written elsewhere.
 */
function laterThanCited(ctx: Ctx, dates: DateMention[], cites: Citation[], reported: Set<DateMention>, report: (d: DateMention, r: Report) => void): void {
  type Known = { year: number; date?: DateMention; cite?: Citation };
  const known: Known[] = [];
  const byDate = new Map(cites.filter((c) => c.date).map((c) => [c.date!, c]));
  for (const c of cites) if (c.year !== undefined && c.system !== 'us') known.push({ year: c.year, cite: c });
  for (const d of dates) if (d.valid && d.day !== undefined && d.yearDigits.length === 4) known.push({ year: d.year, date: d, cite: byDate.get(d) });
  if (known.length < 2) return;
  const counts = yearCount(dates);
  const sents = ctx.facts.get(sentences);
  // the two latest, so that each date is compared with the latest other one
  const sorted = [...known].sort((a, b) => b.year - a.year);
  for (const d of dates) {
    if (!d.valid || d.day === undefined || reported.has(d)) continue;
    const back = transposed(d.year);
    if (back === undefined || back > d.year || back < FIRST_STATE_YEAR) continue;
    const mine = byDate.get(d);
    const latest = sorted.find((k) => k.date !== d && (!mine || k.cite !== mine));
    if (!latest || back > latest.year) continue;
    const years = d.year - latest.year;
    const deadline = FUTURE_WORDS.all(clauseAround(ctx, sents, d).before).length > 0;
    const minYears = mine ? 10 : deadline ? 20 : 15;
    if (years < minYears || (counts.get(back) ?? 0) < 1 || (counts.get(d.year) ?? 0) !== 1) continue;
    const evSpan = latest.date ? latest.date.span : latest.cite!.rawSpan;
    const evRaw = latest.date ? (latest.cite ? `${latest.cite.raw} ${latest.date.raw}` : latest.date.raw) : latest.cite!.raw;
    report(d, {
      messageId: 'transposedLatest',
      span: d.span,
      data: { date: d.raw, years, latest: evRaw, expected: back },
      related: [{ span: evSpan, messageId: 'latestHere' }],
      fix: { edits: [{ span: d.yearSpan, text: String(back) }], applicability: 'unsafe', messageId: 'replaceYear', data: { expected: back } },
    });
  }
}

/** The text of the date's clause (its sentence cut at `;`) before and after it. */
function clauseAround(ctx: Ctx, sents: ReturnType<typeof sentences.compute>, d: DateMention): { before: string; after: string } {
  const i = sentenceIndexAt(sents, d.span.start);
  const s = sents[i];
  const text = ctx.doc.text;
  const start = s && s.span.start <= d.span.start ? Math.max(s.span.start, d.span.start - 120) : Math.max(0, d.span.start - 120);
  const end = s && s.span.end >= d.span.end ? Math.min(s.span.end, d.span.end + 120) : Math.min(text.length, d.span.end + 120);
  let before = text.slice(start, d.span.start);
  let after = text.slice(d.span.end, end);
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf('\n'));
  if (cut >= 0) before = before.slice(cut + 1);
  const stop = after.search(/[;\n]/);
  if (stop >= 0) after = after.slice(0, stop);
  return { before, after };
}

/** The document's own dates: not those of documents cited in a "Căn cứ …" line. */
function ownDates(ctx: Ctx, dates: DateMention[], citeOf: Map<DateMention, Citation>): DateMention[] {
  return dates.filter((d) => {
    const block = ctx.doc.blockAt(d.span.start);
    if (!block) return true;
    const line = ctx.doc.text.slice(block.content.start, block.content.end);
    if (!LEGAL_BASIS_WORDS.at(line.replace(/^[\s\-–•+*]+/u, ''))) return true;
    if (citeOf.has(d)) return false;
    // a legal basis names documents the citation grammar may not read as citations ("Căn cứ Luật
    // Công nghệ thông tin ngày 29/06/2006", "Nghị định số 113 /2011/NĐ-CP ngày 8 tháng 12 năm
    // 2011"): a date whose clause (since the last `;`) names a document type is that document's;
    // a period in the line ("kỳ quyết toán từ ngày 01/01/2012") stays the document's own
    const clause = ctx.doc.text.slice(block.content.start, d.span.start);
    return !NAMED_TYPE.test(clause.slice(clause.lastIndexOf(';') + 1));
  });
}

/** A document type word as a document's name starts, capitalised ("Luật", "Nghị định"; not "quy định"). */
const NAMED_TYPE = new RegExp(`(?<![\\p{L}\\p{M}])(?:${TYPE_WORDS.map(([w]) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{M}])`, 'u');

type Reporter = (r: Report) => void;

const PADDING_SINCE = 2005;

/** Inside a quotation opened earlier in its paragraph (“…”): quoted wording is not restyled. */
function quoted(ctx: Ctx, d: DateMention): boolean {
  const block = ctx.doc.blockAt(d.span.start);
  if (!block) return false;
  const before = ctx.doc.text.slice(block.content.start, d.span.start);
  return (before.match(/“/g)?.length ?? 0) > (before.match(/”/g)?.length ?? 0);
}

/**
 * Nghị định 30: days below 10 and months 1-2 take a leading zero, months 3-12 do not. Each
 * aspect (day, month 1-2, month 3-9) is judged on its own; advice only where the document
 * writes that aspect both ways, once per aspect, on the first date that breaks the decree's form.
 */
function paddingAdvice(dates: DateMention[], report: Reporter): void {
  const aspects: Array<{ applies: (d: DateMention) => boolean; padded: (d: DateMention) => boolean; wantPadded: boolean }> = [
    { applies: (d) => d.day !== undefined && d.day < 10 && d.dayDigits !== undefined, padded: (d) => d.dayDigits!.length === 2, wantPadded: true },
    { applies: (d) => d.month <= 2 && d.monthDigits !== undefined, padded: (d) => d.monthDigits!.length === 2, wantPadded: true },
    { applies: (d) => d.month >= 3 && d.month <= 9 && d.monthDigits !== undefined, padded: (d) => d.monthDigits!.length === 2, wantPadded: false },
  ];
  const flagged = new Set<DateMention>();
  const eligible = dates.filter((d) => d.valid && (d.style === 'words' || d.sep === '/' || d.sep === '-' || d.sep === undefined));
  for (const a of aspects) {
    const subject = eligible.filter(a.applies);
    const right = subject.filter((d) => a.padded(d) === a.wantPadded);
    const wrong = subject.filter((d) => a.padded(d) !== a.wantPadded);
    if (right.length === 0 || wrong.length === 0) continue;
    // one piece of advice per aspect, on its first date: the rest are the same habit
    const d = wrong[0];
    if (flagged.has(d)) continue;
    flagged.add(d);
    report({
      messageId: 'padding',
      span: d.span,
      data: { date: d.raw, expected: nd30(d), count: wrong.length, other: right.length },
      related: right.slice(0, 3).map((r) => ({ span: r.span, messageId: 'otherStyle' })),
      severity: 'info',
    });
  }
}

/** The date in Nghị định 30's form, keeping its separator or words. */
function nd30(d: DateMention): string {
  const dd = d.day === undefined ? undefined : d.day < 10 ? `0${d.day}` : String(d.day);
  const mm = d.month <= 2 ? `0${d.month}` : String(d.month);
  if (d.style === 'words') return `${dd} tháng ${mm} năm ${d.year}`;
  if (dd === undefined) return `${mm}/${d.year}`;
  return `${dd}${d.sep ?? '/'}${mm}${d.sep ?? '/'}${d.year}`;
}

// Dates that cannot be right: a day the calendar lacks (31/02/2026, 29/02/2025, month 13), a
// cited document dated after the report itself, a period that ends before it starts. Padding
// advice per Nghị định 30 (`05/02/2026`, `23/3/2026`) only when the document mixes both styles.

import { z } from 'zod';
import { defineRule, type Report } from '../engine/types.js';
import { citations } from '../facts/citations.js';
import { dateFacts, dateValue, daysInMonth, type DateMention } from '../facts/dates.js';

export default defineRule({
  id: 'date-invalid',
  meta: {
    category: 'citations',
    defaultSeverity: 'error',
    fixable: false,
    description: {
      en: 'An impossible date, a cited document dated after the report, or a period that ends before it starts.',
      vi: 'Ngày không có thật, văn bản được trích dẫn có ngày sau ngày báo cáo, hoặc khoảng thời gian kết thúc trước khi bắt đầu.',
    },
    checkedLabel: { en: 'dates', vi: 'ngày tháng' },
  },
  options: z
    .object({
      /** With only a reporting period stated, a cited document may be this many days younger than its end (the report is written after). */
      periodGraceDays: z.number().int().min(0).default(31),
      /** Give padding advice (info) when the document mixes `05/02` and `5/2` styles. */
      padding: z.boolean().default(true),
    })
    .strict(),
  messages: {
    noSuchMonth: {
      en: 'The date {date} does not exist: there is no month {month}.',
      vi: 'Ngày {date} không có thật: không có tháng {month}.',
    },
    noSuchDay: {
      en: 'The date {date} does not exist: {month}/{year} has only {max} days.',
      vi: 'Ngày {date} không có thật: tháng {month}/{year} chỉ có {max} ngày.',
    },
    afterReport: {
      en: '{doc} is dated {date}, after the report itself ({reportDate}).',
      vi: '{doc} ghi ngày {date}, sau cả ngày của chính báo cáo ({reportDate}).',
    },
    afterPeriod: {
      en: '{doc} is dated {date}, {days} days after the end of the reporting period ({periodEnd}).',
      vi: '{doc} ghi ngày {date}, sau ngày kết thúc kỳ báo cáo ({periodEnd}) {days} ngày.',
    },
    reversedPeriod: {
      en: 'The period ends ({end}) before it starts ({start}).',
      vi: 'Khoảng thời gian kết thúc ({end}) trước khi bắt đầu ({start}).',
    },
    padding: {
      en: 'Write {date} as {expected} (Nghị định 30: a leading zero for days below 10 and months 1-2 only); this document writes dates both ways ({count} like this one, {other} the other way).',
      vi: 'Nên viết {date} thành {expected} (Nghị định 30: thêm số 0 trước ngày dưới 10 và tháng 1, 2); văn bản này viết ngày tháng lẫn lộn hai kiểu ({count} ngày như thế này, {other} ngày kiểu kia).',
    },
    reportDateHere: { en: "the report's date", vi: 'ngày của báo cáo' },
    periodEndHere: { en: 'end of the reporting period', vi: 'ngày kết thúc kỳ báo cáo' },
    startHere: { en: 'start of the period', vi: 'ngày bắt đầu' },
    otherStyle: { en: 'written the other way here', vi: 'viết kiểu khác ở đây' },
  },
  check(ctx, opts) {
    const { dates, periods, reportDate, reportPeriod } = ctx.facts.get(dateFacts);
    const vi = ctx.settings.locale === 'vi';
    for (const d of dates) {
      ctx.checked();
      if (d.valid) continue;
      // a numeric form with `.` or `-` and no "ngày" before it may be a code or a range
      if (d.style === 'numeric' && d.sep !== undefined && d.sep !== '/' && !d.introduced) continue;
      const noMonth = d.month < 1 || d.month > 12;
      ctx.report({
        messageId: noMonth ? 'noSuchMonth' : 'noSuchDay',
        span: d.span,
        data: noMonth ? { date: d.raw, month: d.month } : { date: d.raw, month: d.month, year: d.year, max: daysInMonth(d.year, d.month) },
      });
    }

    for (const p of periods) {
      if (!p.start.valid || !p.end.valid) continue;
      if (dateValue(p.end, true) < dateValue(p.start)) {
        ctx.report({
          messageId: 'reversedPeriod',
          span: p.end.span,
          data: { start: p.start.raw, end: p.end.raw },
          related: [{ span: p.start.span, messageId: 'startHere' }],
        });
      }
    }

    if (reportDate || reportPeriod) {
      for (const c of ctx.facts.get(citations)) {
        const d = c.date;
        if (!d || !d.valid || d.day === undefined) continue;
        if (reportPeriod && (d === reportPeriod.start || d === reportPeriod.end)) continue;
        // a legal number whose year disagrees with its date: citation-type names that slip
        if (c.year !== undefined && c.year !== d.year) continue;
        if (reportDate) {
          if (dateValue(d) > dateValue(reportDate)) {
            ctx.report({
              messageId: 'afterReport',
              span: d.span,
              data: { doc: c.raw, date: d.raw, reportDate: reportDate.raw },
              related: [{ span: reportDate.span, messageId: 'reportDateHere' }],
            });
          }
        } else if (reportPeriod && reportPeriod.end.valid) {
          const days = daysBetween(reportPeriod.end, d);
          if (days > opts.periodGraceDays) {
            ctx.report({
              messageId: 'afterPeriod',
              span: d.span,
              data: { doc: c.raw, date: d.raw, periodEnd: reportPeriod.end.raw, days },
              related: [{ span: reportPeriod.end.span, messageId: 'periodEndHere' }],
            });
          }
        }
      }
    }

    if (opts.padding && vi) paddingAdvice(dates, (r) => ctx.report(r));
  },
});

function daysBetween(a: DateMention, b: DateMention): number {
  const t = (d: DateMention) => Date.UTC(d.year, d.month - 1, d.day ?? 1);
  return Math.round((t(b) - t(a)) / 86_400_000);
}

type Reporter = (r: Report) => void;

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

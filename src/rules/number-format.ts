// Figures written in the other number convention than the document's (`1.5 lần` in a document
// that writes `19.870,477`), and figures whose reading is ambiguous in a document that mixes
// both conventions. Reported as info: the figure is read in the document's convention, and the
// writer should know that is a guess. Only quantities with a unit are considered (section
// numbers, versions and codes are not figures).

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { readNumber } from '../facts/numbers.js';
import { quantities, type Quantity } from '../facts/quantities.js';
import { tableForeignCells } from '../facts/figures-tables.js';
import { formatDecimal } from '../i18n/format.js';

const SAMPLE = { vi: '1.234,5', en: '1,234.5' };
/** Figures in the other convention a document must show before its ambiguous figures are doubted. */
const MIXED_MIN = 3;

export default defineRule({
  id: 'number-format',
  meta: {
    category: 'figures',
    defaultSeverity: 'info',
    fixable: false,
    description: {
      en: 'A figure written in the other number convention, or ambiguous in a document that mixes both.',
      vi: 'Số viết theo quy ước khác với văn bản, hoặc đọc được hai cách trong văn bản dùng lẫn hai quy ước.',
    },
    checkedLabel: { en: 'figures', vi: 'số liệu' },
  },
  options: z.object({}).strict(),
  messages: {
    otherConvention: {
      en: '"{raw}" is written in the other convention; this document writes figures as {convention}, where it would be "{expected}".',
      vi: '"{raw}" viết theo quy ước khác; văn bản này viết số theo kiểu {convention}, theo đó phải là "{expected}".',
    },
    otherConventionMany: {
      en: '"{raw}" and {more} more figures after it are written in the other convention; this document writes figures as {convention}, where it would be "{expected}".',
      vi: '"{raw}" và {more} số tiếp theo viết theo quy ước khác; văn bản này viết số theo kiểu {convention}, theo đó phải là "{expected}".',
    },
    ambiguous: {
      en: '"{raw}" is read as {mine} here, but as {theirs} in the other convention, and this document uses both conventions.',
      vi: '"{raw}" được đọc là {mine}, nhưng theo quy ước kia là {theirs}, mà văn bản này dùng cả hai quy ước.',
    },
    otherSeen: { en: 'written in the other convention here', vi: 'số viết theo quy ước kia ở đây' },
  },
  check(ctx) {
    const conv = ctx.settings.numberFormat;
    const other = conv === 'vi' ? 'en' : 'vi';
    const withUnit = ctx.facts.get(quantities).filter((q) => q.unit.family !== 'none' && q.unit.family !== 'time');
    const foreign: Quantity[] = withUnit.filter((q) => !q.wellFormed);
    // figures in the other convention: one finding per run of adjacent blocks (a table or list
    // written the other way is one problem)
    const runs: Quantity[][] = [];
    for (const q of foreign) {
      const last = runs[runs.length - 1];
      if (last && q.block - last[last.length - 1].block <= 1) last.push(q);
      else runs.push([q]);
    }
    for (const list of runs) {
      const q = list[0];
      ctx.report({
        messageId: list.length > 1 ? 'otherConventionMany' : 'otherConvention',
        span: q.valueSpan,
        data: { raw: q.raw, more: list.length - 1, convention: SAMPLE[conv], expected: formatDecimal(q.value, conv, q.decimals) },
        related: list.slice(1, 20).map((o) => ({ span: o.valueSpan, messageId: 'otherSeen' })),
      });
    }
    // table cells have no unit: a cell in the other convention than the rest of its column
    const seen = new Set(foreign.map((q) => q.valueSpan.start));
    for (const cell of ctx.facts.get(tableForeignCells)) {
      if (seen.has(cell.span.start)) continue;
      ctx.report({
        messageId: 'otherConvention',
        span: cell.span,
        data: { raw: cell.raw, more: 0, convention: SAMPLE[conv], expected: formatDecimal(cell.value, conv, cell.decimals) },
      });
    }
    // "this document uses both conventions" must rest on the document itself: several figures in
    // the other convention, in more than one place (one OCR slip is no evidence of a habit)
    const mixed = foreign.length >= MIXED_MIN && new Set(foreign.map((q) => q.block)).size >= 2;
    for (const q of withUnit) {
      ctx.checked();
      if (!mixed || !q.wellFormed || !q.ambiguous) continue;
      const theirs = readNumber(q.raw, other);
      if (!theirs) continue;
      // a count cannot be fractional, a đồng amount has no fraction: the other reading is impossible
      if (!theirs.value.isInteger() && (q.unit.family === 'count' || q.unit.currency === 'VND')) continue;
      // a share of at most 100 % whose other reading is over 100 % (95-99,999 %) reads one way only
      if (q.unit.family === 'percent' && q.value.lte(100) && theirs.value.gt(100)) continue;
      const near = foreign.reduce((a, b) => (Math.abs(b.span.start - q.span.start) < Math.abs(a.span.start - q.span.start) ? b : a));
      ctx.report({
        messageId: 'ambiguous',
        span: q.valueSpan,
        data: { raw: q.raw, mine: formatDecimal(q.value, conv, q.decimals), theirs: formatDecimal(theirs.value, conv, theirs.decimals) },
        related: [{ span: near.valueSpan, messageId: 'otherSeen' }],
      });
    }
  },
});

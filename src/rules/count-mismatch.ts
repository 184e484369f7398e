// A whole split into parts in one sentence must agree: "tiếp nhận 55 đơn, đã giải quyết 40 đơn,
// còn 15 đơn" (55 = 40 + 15). Reading the partition is the `partitions` fact's job.

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { partitions } from '../facts/figures-partitions.js';
import { equationConsistent, pointSum } from '../facts/intervals.js';
import { statedOf } from '../facts/quantities.js';
import { formatDecimal } from '../i18n/format.js';

export default defineRule({
  id: 'count-mismatch',
  meta: {
    category: 'figures',
    defaultSeverity: 'error',
    fixable: false,
    description: {
      en: 'A whole split into parts in one sentence (received, resolved, remaining) whose parts do not add up to it.',
      vi: 'Một tổng được chia thành các phần trong cùng một câu (tiếp nhận, đã giải quyết, còn lại) mà các phần không khớp với tổng.',
    },
    checkedLabel: { en: 'splits', vi: 'phép chia tách' },
  },
  options: z.object({}).strict(),
  messages: {
    mismatch: {
      en: '{whole} is split into {parts} = {sum}, which is not {whole} (difference {diff}). Read as a complete split: the last part is what remains ("{word}").',
      vi: '{whole} được chia thành {parts} = {sum}, không bằng {whole} (chênh lệch {diff}). Đọc là chia tách đầy đủ: phần cuối là phần còn lại ("{word}").',
    },
    mismatchComplement: {
      en: '{whole} is split into {parts} = {sum}, which is not {whole} (difference {diff}). Read as a complete split: "{yes}" and "{no}" leave nothing else.',
      vi: '{whole} được chia thành {parts} = {sum}, không bằng {whole} (chênh lệch {diff}). Đọc là chia tách đầy đủ: "{yes}" và "{no}" không còn trường hợp nào khác.',
    },
    part: { en: 'part: {value}', vi: 'thành phần: {value}' },
  },
  check(ctx) {
    const conv = ctx.settings.numberFormat;
    for (const p of ctx.facts.get(partitions)) {
      ctx.checked();
      if (equationConsistent([statedOf(p.whole)], p.parts.map(statedOf), ctx.settings.rounding)) continue;
      const sum = pointSum(p.parts.map(statedOf)).div(p.whole.unit.scale);
      const d = Math.max(sum.decimalPlaces(), p.whole.decimals);
      const c = p.closing;
      ctx.report({
        // a remainder the text names is an error; two words read as complements are a warning
        messageId: c.kind === 'remainder' ? 'mismatch' : 'mismatchComplement',
        severity: c.kind === 'remainder' ? 'error' : 'warning',
        span: p.whole.span,
        data: {
          ...(c.kind === 'remainder' ? { word: c.word } : { yes: c.yes, no: c.no }),
          whole: ctx.doc.slice(p.whole.span),
          parts: p.parts.map((q) => ctx.doc.slice(q.valueSpan)).join(' + '),
          sum: formatDecimal(sum, conv, d),
          diff: formatDecimal(sum.minus(p.whole.value).abs(), conv, d),
        },
        related: p.parts.map((q) => ({ span: q.span, messageId: 'part', data: { value: ctx.doc.slice(q.span) } })),
      });
    }
  },
});

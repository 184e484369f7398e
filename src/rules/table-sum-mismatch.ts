// In a table, a total row or total column must equal the sum of what it totals, per column (or
// per row). The reading of the table (which rows a total covers, groups, total columns) is in
// facts/figures-tables.ts.

import { z } from 'zod';
import { defineRule, type RelatedReport } from '../engine/types.js';
import { tableChecks } from '../facts/figures-tables.js';
import { formatDecimal } from '../i18n/format.js';
import { figureCandidates, unpairedCount } from '../facts/figures-coverage.js';

const MAX_RELATED = 30;

export default defineRule({
  id: 'table-sum-mismatch',
  meta: {
    category: 'figures',
    defaultSeverity: 'error',
    fixable: false,
    description: {
      en: 'A total row or total column of a table that is not the sum of the rows or columns it totals.',
      vi: 'Dòng tổng hoặc cột tổng của bảng không bằng tổng các dòng, các cột mà nó cộng.',
    },
    checkedLabel: { en: 'table totals', vi: 'ô tổng trong bảng' },
  },
  options: z.object({}).strict(),
  messages: {
    row: {
      en: 'Column "{column}": the rows add up to {sum}, but the total row says {total} (difference {diff}).',
      vi: 'Cột "{column}": các dòng cộng lại được {sum}, nhưng dòng tổng ghi {total} (chênh lệch {diff}).',
    },
    group: {
      en: 'Column "{column}", group "{group}": its items add up to {sum}, but the group row says {total} (difference {diff}).',
      vi: 'Cột "{column}", nhóm "{group}": các mục cộng lại được {sum}, nhưng dòng của nhóm ghi {total} (chênh lệch {diff}).',
    },
    column: {
      en: 'Row "{row}": {columns} add up to {sum}, but the total column says {total} (difference {diff}).',
      vi: 'Dòng "{row}": {columns} cộng lại được {sum}, nhưng cột tổng ghi {total} (chênh lệch {diff}).',
    },
    subset: {
      en: 'Column "{column}": the rows under "{group}" that detail part of it ("of which") add up to {sum}, more than the {total} it states (difference {diff}).',
      vi: 'Cột "{column}": các dòng "trong đó" của "{group}" cộng lại được {sum}, lớn hơn con số {total} của dòng đó (chênh lệch {diff}).',
    },
    subsetComplete: {
      en: 'Column "{column}": the rows under "{group}" ("of which") add up to {sum}, not the {total} it states (difference {diff}); in the {evidence} other columns they add up to it exactly, so they are read as the whole.',
      vi: 'Cột "{column}": các dòng "trong đó" của "{group}" cộng lại được {sum}, không bằng con số {total} của dòng đó (chênh lệch {diff}); ở {evidence} cột còn lại chúng cộng lại đúng bằng dòng đó, nên được hiểu là toàn bộ.',
    },
    part: { en: 'part: {value}', vi: 'thành phần: {value}' },
  },
  check(ctx) {
    const conv = ctx.settings.numberFormat;
    const reported = new Set<number>();
    const checks = ctx.facts.get(tableChecks);
    // coverage: figure cells of total rows and columns that no reading of the table could check
    ctx.unpaired(unpairedCount(ctx.facts.get(figureCandidates).tableTotals.map((s) => s.start), checks.map((c) => c.total.span.start)));
    for (const c of checks) {
      ctx.checked();
      if (c.consistent) continue;
      // the corner cell of a total row and a total column: one finding
      if (reported.has(c.total.span.start)) continue;
      reported.add(c.total.span.start);
      const d = Math.max(c.sumDecimals, c.total.decimals);
      const related: RelatedReport[] = c.parts.slice(0, MAX_RELATED).map((p) => ({ span: p.span, messageId: 'part', data: { value: ctx.doc.slice(p.span) } }));
      const short = (s: string): string => (s.length > 60 ? s.slice(0, 57) + '…' : s);
      ctx.report({
        messageId: c.kind,
        span: c.total.span,
        data: {
          column: short(c.label),
          row: short(c.label),
          group: short(c.partLabels[0] ?? ''),
          columns: c.partLabels.map((l) => `"${short(l)}"`).join(' + '),
          sum: formatDecimal(c.sum, conv, d),
          total: ctx.doc.slice(c.total.span),
          diff: formatDecimal(c.sum.minus(c.total.value).abs(), conv, d),
          ...(c.evidence !== undefined ? { evidence: String(c.evidence) } : {}),
        },
        related,
        // a total column read from the figures alone (its header not saying so), or whole numbers off
        // by no more than rounding every cell could explain: likely, not certain
        // or "Trong đó" rows read as the whole from the other columns: a missing detail row would look the same
        ...(c.learned || c.roundingOnly || c.kind === 'subsetComplete' ? { severity: 'warning' as const } : {}),
      });
    }
  },
});

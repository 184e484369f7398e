// In a spreadsheet annex, a formula's saved result must be what the formula gives (else the sheet
// shows and prints an out-of-date figure), and a total among SUM formulas must not be typed by
// hand. The checking is in facts/sheet-formulas.ts; a total cell that table-sum-mismatch already
// reports as wrong is left to it (one finding per wrong cell).

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { sheetFormulaChecks } from '../facts/sheet-formulas.js';
import { tableChecks } from '../facts/figures-tables.js';

export default defineRule({
  id: 'sheet-formula',
  meta: {
    category: 'figures',
    defaultSeverity: 'error',
    fixable: false,
    description: {
      en: 'In a spreadsheet annex, a formula whose saved result is out of date, or a total typed as a number among total formulas.',
      vi: 'Trong phụ lục dạng bảng tính, công thức có kết quả đang lưu đã cũ, hoặc ô tổng gõ tay giữa các ô tổng là công thức.',
    },
    checkedLabel: { en: 'formulas', vi: 'công thức' },
  },
  options: z.object({}).strict(),
  messages: {
    stale: {
      en: 'Cell {cell} shows {shown}, but its formula ={formula} gives {expected} from the cells it uses: the workbook was saved without recalculating, so the printed figure is out of date.',
      vi: 'Ô {cell} hiển thị {shown}, nhưng công thức ={formula} tính từ các ô của nó được {expected}: bảng tính được lưu khi chưa tính lại, nên số in ra đã cũ.',
    },
    constantTotal: {
      en: 'Cell {cell} is a typed number ({shown}) while the totals beside it ({neighbours}) are formulas: it will not follow the figures it totals (expected ={formula}).',
      vi: 'Ô {cell} là số gõ tay ({shown}) trong khi các ô tổng bên cạnh ({neighbours}) là công thức: ô này không tự cập nhật theo số liệu mà nó cộng (cần là ={formula}).',
    },
  },
  check(ctx) {
    const checks = ctx.facts.get(sheetFormulaChecks);
    if (!checks.length) return;
    const wrongTotals = new Set(ctx.facts.get(tableChecks).filter((c) => !c.consistent).map((c) => c.total.span.start));
    for (const c of checks) {
      if (c.kind === 'stale') {
        ctx.checked();
        if (c.consistent || wrongTotals.has(c.span.start)) continue;
        ctx.report({ messageId: 'stale', span: c.span, data: { cell: c.ref, shown: c.shown, formula: c.formula, expected: c.expected } });
      } else {
        if (wrongTotals.has(c.span.start)) continue;
        ctx.report({ messageId: 'constantTotal', severity: 'warning', span: c.span, data: { cell: c.ref, shown: c.shown, neighbours: c.neighbours.join(', '), formula: c.formula } });
      }
    }
  },
});

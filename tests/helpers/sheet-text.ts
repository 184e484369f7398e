// A small spreadsheet written as text, for docs examples and unit tests of the spreadsheet rules:
// one row per line, cells separated by `|` (columns A, B, C…, rows from 1), a figure as shown
// (`1.250`, `12,5%`), a formula as `=C2-D2 → 150` (the formula, then its saved result as shown).
// Real annexes are read from .xlsx/.ods (src/parse/sheet.ts); this builds the same workbook model.

import { workbookDocument, type SheetDocument } from '../../src/parse/sheet.js';
import { cellKey, type Sheet, type SheetCell } from '../../src/parse/workbook.js';

function valueOf(shown: string): number | undefined {
  const t = shown.trim();
  const m = /^-?[\d.,]+%?$/.exec(t);
  if (!m) return undefined;
  const percent = t.endsWith('%');
  const digits = t.replace('%', '');
  // Vietnamese convention when a comma is the decimal mark or dots group thousands
  const vi = /,\d+$/.test(digits) || /\.\d{3}(\.|$)/.test(digits);
  const n = Number(vi ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, ''));
  return Number.isFinite(n) ? (percent ? n / 100 : n) : undefined;
}

export function sheetFromText(text: string, name = 'Sheet1'): Sheet {
  const sheet: Sheet = { name, hidden: false, cells: new Map(), merges: [], comments: [] };
  text.split('\n').filter((l) => l.trim()).forEach((line, row) => {
    const cells = line.trim().replace(/^\||\|$/g, '').split('|');
    cells.forEach((raw, col) => {
      const t = raw.trim();
      if (!t) return;
      const f = /^=(.+?)\s*→\s*(.+)$/.exec(t);
      const shown = f ? f[2].trim() : t;
      const value = valueOf(shown);
      const cell: SheetCell = { row, col, text: shown, kind: value === undefined ? 'string' : 'number' };
      if (value !== undefined) cell.value = value;
      if (f) cell.formula = f[1].trim();
      sheet.cells.set(cellKey(row, col), cell);
    });
  });
  return sheet;
}

export function sheetDocument(text: string, path = 'example.xlsx'): SheetDocument {
  return workbookDocument({ sheets: [sheetFromText(text)], date1904: false }, path, 'xlsx');
}

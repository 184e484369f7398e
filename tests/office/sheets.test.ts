// Spreadsheet annexes: the .xlsx and .ods made by LibreOffice Calc (scripts/make-office-fixtures.py)
// with one wrong total row, one wrong total column and one out-of-date formula result give
// exactly those findings, at the right cells, from all rules; their correct twins give none.
// The layout (titles as paragraphs, one table per sheet, merged labels), number formats in both
// conventions, the sheet-formula cases and a workbook renamed .docx.

import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintParsed } from '../../src/index.js';
import { parseBytes } from '../../src/parse/index.js';
import { formatValue, formatGeneral } from '../../src/parse/sheet-format.js';
import { odfFormula, workbookDocument } from '../../src/parse/sheet.js';
import { sheetDocument, sheetFromText } from '../helpers/sheet-text.js';
import { runCli } from '../helpers/cli.js';

const read = async (p: string) => parseBytes(new Uint8Array(readFileSync(p)), p);
const where = (f: { ruleId: string; messageId: string; severity: string; extras?: Record<string, unknown> }): string => `${f.ruleId}/${f.messageId} ${f.severity} ${String(f.extras?.ref)}`;

describe('annexes made by LibreOffice Calc', () => {
  for (const ext of ['xlsx', 'ods']) {
    it(`.${ext} with three errors: exactly those findings at their cells`, async () => {
      const doc = await read(`fixtures/sheets/annex-wrong.${ext}`);
      expect(doc.format).toBe(ext);
      const r = lintParsed(doc);
      expect(r.internalErrors).toBeUndefined();
      expect(r.findings.map(where)).toEqual([
        'table-sum-mismatch/column error Thu!F7',
        'table-sum-mismatch/row error Thu!D10',
        'sheet-formula/stale error Chi!E5',
      ]);
      expect(r.findings.map((f) => f.message)).toEqual([
        'Row "Xã Diễn Phúc": "Thu thuế" + "Phí, lệ phí" + "Thu khác" add up to 2.120, but the total column says 2.130 (difference 10).',
        'Column "Phí, lệ phí": the rows add up to 1.405, but the total row says 1.415 (difference 10).',
        'Cell Chi!E5 shows 9.150, but its formula =C5-D5 gives 9.050 from the cells it uses: the workbook was saved without recalculating, so the printed figure is out of date.',
      ]);
      expect(r.findings[1].extras).toMatchObject({ sheet: 'Thu', row: 10, cell: 'D10', ref: 'Thu!D10', quote: '1.415' });
    });

    it(`.${ext} correct twin: no finding from any rule`, async () => {
      const r = lintParsed(await read(`fixtures/sheets/annex-right.${ext}`));
      expect(r.findings.map((f) => `${where(f)} ${f.message}`)).toEqual([]);
      expect(r.checked['table-sum-mismatch']).toBeGreaterThan(10);
      expect(r.checked['sheet-formula']).toBe(7);
    });
  }

  it('lays each sheet out as a table: titles and signatures as paragraphs, values as displayed, a merged label in each column it covers', async () => {
    const doc = await read('fixtures/sheets/annex-right.xlsx');
    const lines = doc.original.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'BIỂU 01. KẾT QUẢ THU NGÂN SÁCH CÁC XÃ QUÝ I NĂM 2026',
      '(Kèm theo Báo cáo số 15/BC-UBND ngày 05/4/2026 của Ủy ban nhân dân huyện)',
      'Đơn vị tính: triệu đồng',
      '',
      'STT\tĐơn vị\tThu thuế\tPhí, lệ phí\tThu khác\tTổng cộng',
    ]);
    expect(lines).toContain('Tổng cộng\tTổng cộng\t5.635\t1.405\t405\t7.445');
    expect(lines).toContain('Người lập biểu Chủ tịch Ủy ban nhân dân huyện');
    expect(doc.tables.map((t) => t.rows.length)).toEqual([7, 6]);
    // the .ods shows the same text
    expect((await read('fixtures/sheets/annex-right.ods')).original).toBe(doc.original);
  });

  it('reads a workbook named .docx as the workbook it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-sheet-'));
    const p = join(dir, 'phu-luc.docx');
    copyFileSync('fixtures/sheets/annex-wrong.xlsx', p);
    const r = runCli(['--format', 'json', p]);
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.format).toBe('xlsx');
    expect(file.findings.map((f: { ruleId: string; ref: string }) => `${f.ruleId} ${f.ref}`)).toEqual(['table-sum-mismatch Thu!F7', 'table-sum-mismatch Thu!D10', 'sheet-formula Chi!E5']);
  });

  it('says the cell in stylish output', () => {
    const r = runCli(['fixtures/sheets/annex-wrong.ods']);
    expect(r.stdout).toMatch(/^ {2}Thu!D10 +error +Column "Phí, lệ phí"/m);
    expect(r.stdout).toContain('· 1 file read');
  });
});

describe('sheet-formula', () => {
  const cases: Array<[string, string[]]> = [
    ['invalid-constant-total', ["sheet-formula/constantTotal warning 'Dân số'!D5"]],
    ['valid-constant-total', []],
    ['invalid-stale', ["sheet-formula/stale error 'Dân số'!D6"]],
    ['valid-stale', []],
  ];
  for (const [name, expected] of cases) {
    for (const ext of ['xlsx', 'ods']) {
      it(`${name}.${ext}`, async () => {
        const r = lintParsed(await read(`fixtures/sheet-formula/${name}.${ext}`));
        expect(r.findings.map(where)).toEqual(expected);
      });
    }
  }

  it('a total whose saved result is stale is one finding (table-sum-mismatch), not two', () => {
    const doc = sheetDocument(['Đơn vị | Số hộ', 'Thôn 1 | 120', 'Thôn 2 | 95', 'Thôn 3 | 143', 'Tổng số | =SUM(B2:B4) → 348'].join('\n'));
    expect(lintParsed(doc).findings.map(where)).toEqual(['table-sum-mismatch/row error Sheet1!B5']);
  });

  it('stays silent on functions it cannot redo, text in arithmetic and differences below the shown precision', () => {
    const rows = ['Chỉ tiêu | A | B | Kết quả', 'Một | 1,25 | 2 | =B2*C2 → 2,5', 'Hai | x | 2 | =B3*C3 → 4', 'Ba | 10 | 3 | =B4/C4 → 3,3', 'Bốn | 1 | 2 | =IF(B5>0,B5,C5) → 7'];
    expect(lintParsed(sheetDocument(rows.join('\n')), { only: ['sheet-formula'] }).findings).toEqual([]);
  });
});

describe('cell comments', () => {
  it('a comment "Reportlint-disable table-sum-mismatch" on a total cell silences it there', () => {
    const text = ['Đơn vị | Số hộ | Số khẩu', 'Thôn 1 | 120 | 480', 'Thôn 2 | 95 | 401', 'Thôn 3 | 143 | 566', 'Tổng số | 368 | 1.447'].join('\n');
    const sheet = sheetFromText(text);
    const bare = workbookDocument({ sheets: [sheet], date1904: false }, 'a.xlsx', 'xlsx');
    expect(lintParsed(bare, { only: ['table-sum-mismatch'] }).findings.map(where)).toEqual(['table-sum-mismatch/row error Sheet1!B5']);
    sheet.comments.push({ row: 4, col: 1, text: 'Reportlint-disable\u00a0table-sum-mismatch – số của Chi cục Thống kê' });
    const noted = workbookDocument({ sheets: [sheet], date1904: false }, 'a.xlsx', 'xlsx');
    expect(lintParsed(noted, { only: ['table-sum-mismatch'] }).findings).toEqual([]);
  });
});

describe('number formats', () => {
  it('renders codes as Excel shows them, in the document convention', () => {
    const cases: Array<[number, string, string, string]> = [
      [1234567, '#,##0', '1.234.567', '1,234,567'],
      [1234.5, '#,##0.00', '1.234,50', '1,234.50'],
      [0.125, '0.0%', '12,5%', '12.5%'],
      [-1500, '#,##0;(#,##0)', '(1.500)', '(1,500)'],
      [0, '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', '-', '-'],
      [2500000, '#,##0,', '2.500', '2,500'],
      [45382, 'dd/mm/yyyy', '31/03/2024', '31/03/2024'],
      [12.3456, '[$-42A]#,##0.0', '12,3', '12.3'],
      [7, '0" hộ"', '7 hộ', '7 hộ'],
    ];
    for (const [v, code, vi, en] of cases) {
      expect(formatValue(v, code, 'vi'), code).toBe(vi);
      expect(formatValue(v, code, 'en'), code).toBe(en);
    }
    expect([formatGeneral(0.1 + 0.2, 'en'), formatGeneral(1234567.891, 'vi'), formatGeneral(-3, 'en')]).toEqual(['0.3', '1234567,891', '-3']);
  });

  it('reads OpenDocument formulas as A1 references', () => {
    expect(odfFormula('of:=SUM([.C3:.C11])')).toBe('SUM(C3:C11)');
    expect(odfFormula("of:=[$'Biểu 1'.A1]+ROUND([.B2];0)")).toBe("'Biểu 1'!A1+ROUND(B2,0)");
  });
});

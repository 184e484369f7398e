// table-sum-mismatch on tables as Word copies them to text: bullet rows of a budget table,
// "Trong đó" rows, a table cut by a line that belongs to it, rows in other units, stacked tables.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseBytes, parseText } from '../../src/parse/index.js';
import { lintParsed } from '../../src/index.js';
import { lintWith } from '../helpers/rule-tester.js';

const run = (text: string) => lintWith(['table-sum-mismatch'], text, { path: 'x.txt' });
const rows = (lines: string[]) => lines.join('\n') + '\n';
const HEAD = ['STT\tNội dung\tNăm 2025\tNăm 2026'];

describe('table-sum-mismatch: Word tables as text', () => {
  it('reads bullet rows as the items of the numbered row above them', () => {
    const t = (x: string) => rows([...HEAD, '1\tThu từ doanh nghiệp\t736.000\t765.000', '- Thuế giá trị gia tăng\t393.000\t342.000', `- Thuế thu nhập doanh nghiệp\t339.000\t${x}`, '- Thuế tài nguyên\t4.000\t5.000', '2\tLệ phí trước bạ\t302.000\t310.000']);
    const f = run(t('481.000'));
    expect(f.map((x) => [x.messageId, x.line, x.data.sum, x.data.total])).toEqual([['group', 2, '828.000', '765.000']]);
    expect(run(t('418.000'))).toEqual([]);
  });

  it('leaves "Trong đó" rows out of the sums and checks that they stay within their row', () => {
    const t = (x: string) => rows([...HEAD, '\tTỔNG SỐ\t22.300\t23.000', '1\tThu tiền sử dụng khu vực biển\t18.000\t19.000', `Trong đó: - Thuộc thẩm quyền Trung ương\t6.700\t${x}`, '- Thuộc thẩm quyền địa phương\t11.300\t10.000', '2\tThu khác\t4.300\t4.000']);
    expect(run(t('9.000'))).toEqual([]);
    const f = run(t('9.500'));
    expect(f.map((x) => [x.messageId, x.line, x.data.sum, x.data.total])).toEqual([['subset', 3, '19.500', '19.000']]);
  });

  it('is silent on a total at the top of a table the next line of which is one more numbered row', () => {
    const t = rows([...HEAD, '\tTỔNG SỐ\t9.000\t9.500', '1\tThu nội địa\t3.000\t3.000', '2\tThu xuất nhập khẩu\t2.000\t2.000']) + '3. Thu viện trợ 4.000 triệu đồng\n';
    expect(run(t)).toEqual([]);
    // the same table closed by a blank line is read
    expect(run(rows([...HEAD, '\tTỔNG SỐ\t9.000\t9.500', '1\tThu nội địa\t3.000\t3.000', '2\tThu xuất nhập khẩu\t2.000\t2.000', '3\tThu viện trợ\t4.000\t4.000'])).map((x) => x.data.total)).toEqual(['9.500']);
  });

  it('does not add rows in other units or rates per unit', () => {
    const units = rows(['STT\tChỉ tiêu\tĐơn vị tính\tNăm 2025\tNăm 2026', '1\tTổng sản phẩm trên địa bàn\tTỷ đồng\t172.033\t193.549', '1.1\tTốc độ tăng trưởng\t%\t8,00\t10,00', '1.2\tThu nhập bình quân\tTriệu đồng\t65,2\t70,1']);
    expect(run(units)).toEqual([]);
    const rates = rows(['STT\tNội dung\tMức chi\tĐơn vị', '4\tChi khen thưởng\t920\tngười/ngày', '4.1\tGiải nhất\t400\tngười/ngày', '4.2\tGiải nhì\t320\tngười/ngày', '4.3\tGiải ba\t100\tngười/ngày']);
    expect(run(rates)).toEqual([]);
  });

  it('reads a table that starts again under its own header as a second table', () => {
    const t = rows(['STT\tĐơn vị\tSố hồ sơ', '1\tXã A\t120', '2\tXã B\t80', 'Tổng\t200', 'STT\tĐơn vị\tSố hồ sơ', '1\tXã C\t50', '2\tXã D\t70', 'Tổng\t130']);
    expect(run(t).map((x) => [x.line, x.data.sum, x.data.total])).toEqual([[8, '120', '130']]);
  });

  it('takes whole numbers as exact: a difference rounding every cell could explain is a warning', () => {
    const items = Array.from({ length: 30 }, (_, i) => `${i + 1}\tXã ${i + 1}\t1.000`);
    const t = (x: string) => run(rows(['STT\tĐơn vị\tKinh phí', `\tTổng cộng\t${x}`, ...items])).map((f) => [f.severity, f.data.sum]);
    expect(t('30.020')).toEqual([['error', '30.000']]);
    expect(t('30.010')).toEqual([['warning', '30.000']]);
    expect(t('30.000')).toEqual([]);
    // figures with decimals stand for the interval they round: 1,67 × 3 totals 5
    expect(run(rows(['STT\tNhóm chi\tSố tiền', '1\tChi đầu tư\t1,67', '2\tChi thường xuyên\t1,67', '3\tChi khác\t1,67', '\tTổng cộng\t5']))).toEqual([]);
  });
});

describe('blocks: rows of a tab-separated table', () => {
  it('keeps a marker row with a figure in the table and a marker row without one as a list item', () => {
    const doc = parseText(rows(['STT\tNội dung\tKinh phí', '1\tThu nội địa\t3.000', '- Thuế GTGT\t2.000', '- Thuế TNDN\t1.000', '1.1.\tNội dung không có số liệu']), 'x.txt');
    expect(doc.tables.map((t) => t.rows.length)).toEqual([4]);
    expect(doc.blocks.filter((b) => b.kind !== 'table').map((b) => b.text)).toEqual(['Nội dung không có số liệu']);
  });

  it('takes a short line of one cell between two rows into the table', () => {
    const doc = parseText(rows(['STT\tNội dung\tKinh phí', '1\tThu khác\t3.000', 'Trong đó:', '- Thu phạt\t2.000', '2\tThu xổ số\t1.000']), 'x.txt');
    expect(doc.tables.map((t) => t.rows.map((r) => r.cells[0].text))).toEqual([['STT', '1', 'Trong đó:', '- Thu phạt', '2']]);
  });
});

describe('table-sum-mismatch: block totals and total columns read from the figures', () => {
  const block = (x: string) => rows(['STT\tBộ\tTình hình\tSố văn bản', '1\tBộ A\tTổng\t7', '\tĐã thực thi\t2', '\tChưa thực thi\t5', '2\tBộ B\tTổng\t33', '\tĐã thực thi\t4', '\tChưa thực thi\t29', `Tổng số\tTổng\t${x}`, '\tĐã thực thi\t6', '\tChưa thực thi\t34']);
  it('checks a "Tổng" row against the rows of its block, and the table total against the block totals', () => {
    expect(run(block('40'))).toEqual([]);
    expect(run(block('41')).map((x) => [x.line, x.messageId, x.data.sum])).toEqual([[8, 'row', '40']]);
  });

  const col = (x: string, y = '2192') => rows(['STT\tĐịa phương\tTổng số\tCấp tỉnh\tCấp xã\tTỷ lệ', '1.\tA\t2388\t1970\t418\t100%', '2.\tB\t2241\t1897\t344\t100%', '3.\tC\t2216\t1821\t395\t99.4%', `4.\tD\t${x}\t1875\t324\t98.0%`, `5.\tE\t${y}\t1799\t393\t97.9%`]);
  it('checks a column headed as a total in the rows where at least two thirds add up', () => {
    expect(run(col('2199'))).toEqual([]);
    expect(run(col('2299')).map((x) => [x.line, x.severity, x.data.columns])).toEqual([[5, 'error', '"Cấp tỉnh" + "Cấp xã"']]);
    expect(run(col('2299', '2292'))).toEqual([]);
  });

  it('learns a total column from the figures when its header is not over it, as a warning naming the figures', () => {
    const merged = (x: string, y = '2192') => col(x, y).replace('STT\tĐịa phương\tTổng số\tCấp tỉnh\tCấp xã\tTỷ lệ', 'STT\tĐịa phương\tSố lượng TTHC\tTỷ lệ\n\tTổng số\tCấp tỉnh\tCấp xã');
    expect(run(merged('2199'))).toEqual([]);
    expect(run(merged('2299')).map((x) => [x.line, x.severity, x.data.columns])).toEqual([[6, 'warning', '"1875" + "324"']]);
    // two rows of five that do not add up: no relation to learn
    expect(run(merged('2299', '2292'))).toEqual([]);
  });
});

describe('table-sum-mismatch: conversion artefacts', () => {
  const form = (x: string, foot = '20') => rows(['TT\tTiêu chí chấm điểm\tĐiểm tối đa', 'I\tTiêu chí chung\t20', '1\tChính trị tư tưởng\t10', 'a)\tChấp hành chủ trương, đường lối;', `không dao động trước khó khăn\t${x}`, 'b)\tĐặt lợi ích tập thể lên trên\t5', '2\tĐạo đức, lối sống\t10', 'a)\tKhông tham ô\t5', 'b)\tLối sống trung thực\t5', 'II\tKết quả thực hiện nhiệm vụ\t40', '1\tSố lượng công việc được giao1\t20', `2\tTiêu chí khác\t${foot}`]);
  it('joins a cell wrapped onto the next line with its figures to its numbered row', () => {
    expect(run(form('5'))).toEqual([]);
    expect(run(form('4')).map((x) => [x.line, x.data.sum, x.data.total])).toEqual([[3, '9', '10']]);
  });

  it('is silent when a footnote number glued to a cell explains the difference (20⁷ read as 207)', () => {
    expect(run(form('5', '207'))).toEqual([]);
    expect(run(form('5', '27')).map((x) => [x.line, x.data.sum])).toEqual([[10, '47']]);
  });
});

describe('table-sum-mismatch: sub-total rows', () => {
  const feet = (x: string, g = '40') => rows(['STT\tĐơn vị\tKinh phí', 'I\tHuyện A', '1\tXã a\t10', '2\tXã b\t20', '\tCộng\t30', 'II\tHuyện B', '1\tXã c\t4', `2\tXã d\t${x}`, '\tCộng\t10', `\tTổng cộng\t${g}`]);
  it('checks each "Cộng" row against its block and the grand total against the sub-totals', () => {
    expect(run(feet('6'))).toEqual([]);
    expect(run(feet('7')).map((x) => [x.line, x.data.sum])).toEqual([[9, '11']]);
    expect(run(feet('6', '41')).map((x) => [x.line, x.data.sum])).toEqual([[10, '40']]);
  });

  it('reads a block whose group row carries its own figure, and leaves numbered rows named "Tổng …" alone', () => {
    expect(run(rows(['STT\tĐơn vị\tKinh phí', 'I\tHuyện A\t30', '1\tXã a\t10', '2\tXã b\t20', '\tCộng\t30', 'II\tHuyện B\t10', '1\tXã c\t4', '2\tXã d\t6', '\tCộng\t10']))).toEqual([]);
    expect(run(rows(['STT\tNội dung\tNăm 2025', 'I\tTổng dư nợ đầu năm\t311.113', '1\tTrái phiếu\t-', '2\tVay lại\t293.381', 'II\tTrả nợ gốc\t50.000', 'III\tTổng mức vay trong năm\t31.500', 'IV\tTổng dư nợ cuối năm\t305.063']))).toEqual([]);
  });
});

describe('number-format: table cells', () => {
  const nf = (text: string) => lintWith(['number-format'], text, { path: 'x.txt' });
  const t = (x: string) => rows(['STT\tĐơn vị\tDự toán\tThực hiện', '1\tXã A\t1.250,5\t1.310,25', '2\tXã B\t980,75\t1.020,4', `3\tXã C\t1.540,2\t${x}`, '4\tXã D\t760,8\t812,6']);
  it('reports a cell in the other convention than the rest of its column, as info', () => {
    expect(nf(t('1,498.35')).map((f) => [f.line, f.severity, f.data.raw, f.data.expected])).toEqual([[4, 'info', '1,498.35', '1.498,35']]);
    expect(nf(t('1.498,35'))).toEqual([]);
  });
  it('is silent on a column of codes and on a column without three clear figures', () => {
    expect(nf(rows(['STT\tMã\tTên', '1\t1.014440\tA', '2\t1.014438\tB', '3\t1.014431\tC']))).toEqual([]);
    expect(nf(rows(['STT\tĐơn vị\tSố', '1\tA\t1.250,5', '2\tB\t1,498.35', '3\tC\t12']))).toEqual([]);
  });
});

describe('table-sum-mismatch: Word tables with sub-total rows (.docx made by LibreOffice, fixtures/table-sum-mismatch/word/make-tables.py)', () => {
  const lint = async (name: string) => {
    const path = `fixtures/table-sum-mismatch/word/${name}.docx`;
    const doc = await parseBytes(readFileSync(path), path);
    return lintParsed(doc, { only: ['table-sum-mismatch'] });
  };
  it('checks each "Cộng" row (its label merged over the STT and name cells) against its block, and the grand total against the sub-totals', async () => {
    const r = await lint('table-subtotals-wrong');
    expect(r.findings.map((f) => [f.messageId, f.severity, f.line, f.extras?.row, f.extras?.cell, f.data?.sum, f.data?.total])).toEqual([
      // (cells counted on the table's grid: the merged "Cộng" covers cells 1 and 2)
      ['row', 'error', 11, 9, 3, '1.500', '1.600'],
      ['row', 'error', 11, 9, 5, '2.300', '2.400'],
    ]);
  });
  it('is silent on the twin whose sub-totals add up, having checked every total cell', async () => {
    const r = await lint('table-subtotals-right');
    expect(r.findings).toEqual([]);
    // 2 sub-total rows and the grand total × 3 columns, and the total column in 7 rows
    expect(r.checked['table-sum-mismatch']).toBe(16);
  });
  it('reads the same table copied from Word as text (a merged label before a blank cell)', () => {
    const t = (x: string) => rows(['STT\tĐơn vị\tNăm 2025\tNăm 2026\tTổng', 'I\tHuyện A', '1\tXã a\t1.200\t600\t1.800', '2\tXã b\t800\t400\t1.200', 'Cộng\t\t2.000\t1.000\t3.000', 'II\tHuyện B', '1\tXã c\t650\t300\t950', '2\tXã d\t850\t500\t1.350', `Cộng\t\t${x}\t800\t2.300`, 'Tổng cộng\t\t3.500\t1.800\t5.300']);
    expect(run(t('1.500'))).toEqual([]);
    expect(run(t('1.600')).map((x) => [x.messageId, x.line, x.data.sum, x.data.total])).toEqual([
      ['row', 9, '1.500', '1.600'],
      ['column', 9, '2.400', '2.300'],
      ['row', 10, '3.600', '3.500'],
    ]);
  });
});

// The figure rules end to end through lintText: exact findings (rule, line, message data,
// related parts, severity), the example report's two-level root cause, and silence where the
// evidence is not sure.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { lintWith } from '../helpers/rule-tester.js';

const only = (ids: string[]) => ({ only: ids });

function run(text: string, rule: string, path = 'x.txt') {
  return lintWith([rule], text, { path });
}

describe('sum-mismatch', () => {
  it('finds both levels of the example report and names 83.874,050 as the root cause', () => {
    const text = readFileSync('fixtures/example/bao-cao-164-TB-TU.txt', 'utf8');
    const f = run(text, 'sum-mismatch', 'bao-cao.txt');
    expect(f.map((x) => [x.line, x.severity, x.messageId])).toEqual([
      [99, 'error', 'mismatchRoot'],
      [103, 'error', 'isRoot'],
    ]);
    expect(f[0].data).toMatchObject({ sum: '103.744,527 triệu đồng', total: '107.003 triệu đồng', diff: '3.258,473 triệu đồng', culprit: '83.874,050 triệu đồng', expected: '87.133,226 triệu đồng' });
    expect(f[0].related.map((r) => r.line)).toEqual([103, 101, 103]);
    expect(f[1].data).toMatchObject({ sum: '87.133,226 triệu đồng', total: '83.874,050 triệu đồng', diff: '3.259,176 triệu đồng', expected: '87.133,226 triệu đồng', others: '107.003' });
    expect(f[1].related.map((r) => r.line)).toEqual([105, 107, 109]);
  });

  it('is silent when the corrected figure is in place (truncation makes 107.003,703 read as 107.003)', () => {
    const text = readFileSync('fixtures/example/bao-cao-164-TB-TU.txt', 'utf8').replace('83.874,050', '87.133,226');
    expect(run(text, 'sum-mismatch', 'bao-cao.txt')).toEqual([]);
    expect(lintText(text, 'bao-cao.txt', { only: ['sum-mismatch'], rounding: 'round' }).findings.map((x) => x.line)).toEqual([99]);
  });

  it('inline gồm: error with the sum, total and difference', () => {
    const f = run('Tổng kinh phí là 1.250 triệu đồng, gồm 800 triệu đồng ngân sách tỉnh và 400 triệu đồng ngân sách xã.', 'sum-mismatch');
    expect(f.map((x) => [x.severity, x.data.sum, x.data.total, x.data.diff])).toEqual([['error', '1.200 triệu đồng', '1.250 triệu đồng', '50 triệu đồng']]);
  });

  it('trong đó: a shortfall is a warning only when the parts cover at least 95 %', () => {
    const list = (a: string, b: string) => `Tổng dự toán chi là 12.500 triệu đồng, trong đó:\n\n- Chi đầu tư: ${a} triệu đồng;\n\n- Chi thường xuyên: ${b} triệu đồng.`;
    expect(run(list('4.800', '7.350'), 'sum-mismatch').map((x) => [x.severity, x.messageId, x.data.coverage])).toEqual([['warning', 'missingItem', '97,2%']]);
    expect(run(list('4.800', '5.000'), 'sum-mismatch')).toEqual([]);
    expect(run(list('4.800', '7.700'), 'sum-mismatch')).toEqual([]);
    expect(run(list('4.800', '8.000'), 'sum-mismatch').map((x) => [x.severity, x.messageId])).toEqual([['error', 'exceeds']]);
  });

  it('English inline comprising and of which', () => {
    expect(run('The budget was $4.5 million, comprising $2.1 million from the province and $2.2 million from districts.', 'sum-mismatch').map((x) => x.data.sum)).toEqual(['$4.3 million']);
    expect(run('The commune supported 120 households, of which 45 poor and 75 near-poor.', 'sum-mismatch')).toEqual([]);
  });

  it('never errs on hedged figures or incomplete lists', () => {
    expect(run('Có khoảng 1.200 hộ, gồm 500 hộ trồng lúa và 600 hộ chăn nuôi.', 'sum-mismatch')).toEqual([]);
    expect(run('Tổng thu 25.000 triệu đồng, gồm một số khoản như:\n\n- Thu tiền đất: 15.000 triệu đồng;\n\n- Thu phí: 2.000 triệu đồng.', 'sum-mismatch')).toEqual([]);
  });

  it('checks each level of a three-level list against its own parent', () => {
    const text = 'Tổng số hộ là 1.240 hộ, gồm:\n\n- Miền núi: 740 hộ, gồm:\n\n+ Xã A: 410 hộ, gồm:\n\n* Hộ nghèo: 260 hộ;\n\n* Hộ cận nghèo: 160 hộ.\n\n+ Xã B: 330 hộ.\n\n- Đồng bằng: 500 hộ.';
    const f = lintText(text, 'x.txt', { only: ['sum-mismatch'] });
    expect(f.findings.map((x) => [x.line, x.messageId])).toEqual([[5, 'mismatch']]);
    expect(f.checked['sum-mismatch']).toBe(3);
  });
});

describe('count-mismatch', () => {
  it('checks received = resolved + remaining', () => {
    expect(run('Đã tiếp nhận 55 đơn thư, đã giải quyết 40 đơn, đạt 72,7%, còn 15 đơn đang giải quyết.', 'count-mismatch')).toEqual([]);
    const f = run('Đã tiếp nhận 55 đơn thư, đã giải quyết 40 đơn, đạt 72,7%, còn 14 đơn đang giải quyết.', 'count-mismatch');
    expect(f.map((x) => [x.column, x.data.parts, x.data.sum, x.data.diff])).toEqual([[14, '40 + 14', '54', '1']]);
    expect(run('The office received 55 complaints, resolved 40, and 14 are pending.', 'count-mismatch').map((x) => x.data.sum)).toEqual(['54']);
  });
});

describe('table-sum-mismatch', () => {
  const table = (total: string) => `| STT | Nguồn vốn | Giải ngân | Tỷ lệ (%) |\n| --- | --- | ---: | ---: |\n| | Tổng cộng | ${total} | 81,6 |\n| 1 | Trung ương | 38.200 | 84,9 |\n| 2 | Tỉnh | 41.610 | 82,4 |\n| 3 | Xã | 19.500 | 78,0 |\n`;
  it('points at the total cell and names the column', () => {
    const f = run(table('98.310'), 'table-sum-mismatch', 'x.md');
    expect(f.map((x) => [x.line, x.column, x.data.column, x.data.sum, x.related.length])).toEqual([[3, 17, 'Giải ngân', '99.310', 3]]);
    expect(run(table('99.310'), 'table-sum-mismatch', 'x.md')).toEqual([]);
  });
});

describe('number-format', () => {
  it('reports a figure in the other convention, as info', () => {
    const f = run('Giải ngân 19.870,477 triệu đồng, đạt 94,61%; thu nhập tăng 1.5 lần.', 'number-format');
    expect(f.map((x) => [x.severity, x.data.raw, x.data.expected])).toEqual([['info', '1.5', '1,5']]);
    expect(run('Giải ngân 19.870,477 triệu đồng, đạt 94,61%; thu nhập tăng 1,5 lần.', 'number-format')).toEqual([]);
  });
});

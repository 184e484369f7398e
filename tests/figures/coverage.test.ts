// Coverage of the figure rules: every run says how many stated totals, percentages and table
// totals took part in a check (`checked`) and how many were read but could not be paired
// (`unpaired`), in the JSON and in the stylish summary. The candidates come from the words around
// a figure, not from what the checking readers paired.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FactStore } from '../../src/engine/facts.js';
import { resolveSettings } from '../../src/engine/run.js';
import { figureCandidates, unpairedCount } from '../../src/facts/figures-coverage.js';
import { lintText } from '../../src/index.js';
import { parseText } from '../../src/parse/index.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';

function candidates(text: string, path = 'x.txt') {
  const doc = parseText(text, path);
  const c = new FactStore(doc, resolveSettings(doc)).get(figureCandidates);
  return { totals: c.totals.map((q) => doc.slice(q.span)), percentages: c.percentages.map((q) => doc.slice(q.span)), tables: c.tableTotals.map((s) => doc.slice(s)) };
}

describe('candidates: what a reader would check', () => {
  it('a figure named a total, or followed by a breakdown cue, is a stated total', () => {
    expect(candidates('Tổng kinh phí là 1.250 triệu đồng. Đã cấp 300 triệu đồng.').totals).toEqual(['1.250 triệu đồng']);
    expect(candidates('Toàn xã có 120 hộ, trong đó 45 hộ nghèo.').totals).toEqual(['120 hộ']);
    expect(candidates('The grant was $4.5 million, of which $2.1 million was spent.').totals).toEqual(['$4.5 million']);
    expect(candidates('We interviewed officials from a total of 25 organizations.').totals).toEqual(['25 organizations']);
    expect(candidates('Đã tiếp nhận 55 đơn thư.').totals).toEqual(['55 đơn thư']);
  });
  it('a compound of tổng that does not mean a total names none', () => {
    expect(candidates('Tổng cục Thống kê công bố 12 chỉ tiêu.').totals).toEqual([]);
    expect(candidates('Tổng kết 5 năm thực hiện.').totals).toEqual([]);
  });
  it('every percentage of the running text is a candidate; the cells of a total row are table candidates', () => {
    expect(candidates('Tỷ lệ đạt 72,7%; thuế suất 10%.').percentages).toEqual(['72,7%', '10%']);
    const md = '| Nội dung | Số tiền |\n| --- | ---: |\n| Thu thuế | 1.200 |\n| Thu phí | 300 |\n| Tổng cộng | 1.500 |\n';
    expect(candidates(md, 'x.md').tables).toEqual(['1.500']);
  });
  it('counts candidates no reader used', () => {
    expect(unpairedCount([1, 2, 3, 3], [2, 9])).toBe(2);
  });
});

describe('in every run', () => {
  it('the example report: 2 totals checked and 3 not paired; 1 percentage checked and 7 not paired', () => {
    const r = lintText(readFileSync(EXAMPLE, 'utf8'), 'bao-cao.txt', { only: ['sum-mismatch', 'percent-mismatch', 'count-mismatch'] });
    expect(r.checked).toMatchObject({ 'sum-mismatch': 2, 'percent-mismatch': 1, 'count-mismatch': 1 });
    expect(r.unpaired).toEqual({ 'sum-mismatch': 3, 'percent-mismatch': 7 });
  });
  it('JSON carries `unpaired` beside `checked`; stylish says it in the summary', () => {
    const json = JSON.parse(runCli(['--format', 'json', '--rule', 'sum-mismatch', '--rule', 'percent-mismatch', EXAMPLE]).stdout);
    expect(json.files[0].unpaired).toEqual({ 'sum-mismatch': 3, 'percent-mismatch': 7 });
    const stylish = runCli(['--rule', 'sum-mismatch', '--rule', 'percent-mismatch', EXAMPLE]).stdout;
    expect(stylish).toContain('Checked: 1 percentages (7 not paired), 2 totals (3 not paired)');
  });
  it('a rule that does not count coverage adds no `unpaired` key', () => {
    expect(lintText('Tổng số 5 người.', 'x.txt', { only: ['spelling'] }).unpaired).toBeUndefined();
  });
});

// The rate-phrase reader (facts/ratios.ts) and its arithmetic, the "done when" checks on
// the example report, and the two rules on the real corpus (no findings, but many checks).

import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { FactStore } from '../../src/engine/facts.js';
import { resolveSettings } from '../../src/engine/run.js';
import { comparisonConsistent, rateConsistent, ratios, ratiosOf, type ComparisonClaim, type Operand, type RateClaim, type Ratios } from '../../src/facts/ratios.js';
import { numberTokens } from '../../src/facts/numbers.js';
import { quantities } from '../../src/facts/quantities.js';
import { sentences } from '../../src/facts/sentences.js';
import { lintText } from '../../src/index.js';
import { parseText } from '../../src/parse/index.js';
import { stripMarkers } from '../helpers/fixtures.js';

function read(text: string, path = 'x.txt'): { r: Ratios; s: (sp: { start: number; end: number }) => string } {
  const doc = parseText(text, path);
  const store = new FactStore(doc, resolveSettings(doc));
  return { r: store.get(ratios), s: (sp) => doc.slice(sp) };
}

/** One line per rate phrase: form, formula, rate = numerator / denominator. */
function rates(text: string): string[] {
  const { r, s } = read(text);
  return r.rates.map((c) => `${c.form} ${c.formula} ${s(c.rate.span)} = ${s(c.numerator.span)} / ${s(c.denominator.span)}`);
}

function comparisons(text: string): string[] {
  const { r, s } = read(text);
  return r.comparisons.map((c) => `${c.relation} ${s(c.value.span)} | ${s(c.cue)}${c.implicitTarget ? ' | 100%' : ''}`);
}

describe('rate phrases: each form read with its own formula', () => {
  const cases: Array<[string, string[]]> = [
    ['Đã tiếp nhận 55 đơn thư, đã giải quyết 40 đơn, đạt 72,7%, còn 15 đơn.', ['total-cued part 72,7% = 40 đơn / 55 đơn thư']],
    ['Toàn xã có tổng số 120 hộ; trong đó có 45 hộ nghèo, chiếm 37,5%.', ['total-cued part 37,5% = 45 hộ / 120 hộ']],
    ['Toàn huyện có 45/60 xã đạt chuẩn nông thôn mới (chiếm 75%).', ['fraction-before part 75% = 45 / 60']],
    ['Toàn tỉnh có 629/731 trường công lập đạt chuẩn quốc gia, đạt tỷ lệ 86,1%.', ['fraction-before part 86,1% = 629 / 731']],
    ['Tỷ lệ hồ sơ giải quyết đúng hạn là 72,7% (40/55 hồ sơ).', ['fraction-after part 72,7% = 40 / 55']],
    ['Đã giải quyết dứt điểm 40 đơn trên tổng số 55 đơn (72,7%).', ['of-before part 72,7% = 40 đơn / 55 đơn']],
    ['Đã tiếp nhận 55 đơn thư, đã giải quyết 40 đơn, đạt 72,7 phần trăm.', ['total-cued part 72,7 phần trăm = 40 đơn / 55 đơn thư']],
    ['Chi đầu tư 560 tỷ đồng/690 tỷ đồng, ước đạt 81,16% kế hoạch.', ['slash-before ratio 81,16% = 560 tỷ đồng / 690 tỷ đồng']],
    ['Chi từ nguồn vay 22,656 tỷ đồng [4]/12,9 tỷ đồng, ước đạt 175,63% kế hoạch.', ['slash-before ratio 175,63% = 22,656 tỷ đồng / 12,9 tỷ đồng']],
    ['Số hộ kinh doanh tăng 20% so với cùng kỳ (từ 100 lên 120 hộ).', ['change-from-to-after growth 20% = 120 hộ / 100']],
    ['Số vụ tai nạn giảm 15% (từ 200 xuống 170 vụ).', ['change-from-to-after decline 15% = 170 vụ / 200']],
    ['Số doanh nghiệp tăng từ 80 lên 100 doanh nghiệp, tương ứng tăng 25%.', ['change-from-to-before growth 25% = 100 doanh nghiệp / 80']],
    ['Số hộ tăng từ 100 lên 250 hộ, gấp 2,5 lần.', ['multiple-before multiple 2,5 lần = 250 hộ / 100']],
    ['Thu 500 tỷ đồng, vượt 58,73% so dự toán, tăng 15,47% so cùng kỳ (433 tỷ đồng).', ['base-in-parentheses growth 15,47% = 500 tỷ đồng / 433 tỷ đồng']],
    ['Thu ngân sách đạt 121,3 tỷ đồng, vượt 21,3% kế hoạch (100 tỷ đồng).', ['base-in-parentheses excess 21,3% = 121,3 tỷ đồng / 100 tỷ đồng']],
    ['Vốn thực hiện 413 tỷ đồng, bằng 41,3% kế hoạch (1.000 tỷ đồng).', ['base-in-parentheses ratio 41,3% = 413 tỷ đồng / 1.000 tỷ đồng']],
    ['The office resolved 40 of 55 cases (72.7%) on time.', ['of-before part 72.7% = 40 / 55 cases']],
    ['In total, 40 out of 55, or 72.7%, were resolved.', ['of-before part 72.7% = 40 / 55']],
    ['The office resolved 72.7% (40 of 55) of the complaints.', ['of-after part 72.7% = 40 / 55']],
    ['Inspectors closed 72.7% of the 55 cases (40) this quarter.', ['percent-of-the part 72.7% = 40 / 55 cases']],
    ['Cases resolved on time: 40/55 (72.7%).', ['fraction-before part 72.7% = 40 / 55']],
    ['Applications increased by 20% from 100 to 120.', ['change-from-to-after growth 20% = 120 / 100']],
    ['Of the 55 complaints received, 40 (72.7%) were resolved.', ['total-cued part 72.7% = 40 / 55 complaints']],
    ['Tổng số cán bộ, công chức 45 người; trong đó nữ 20 người (chiếm 44,4%), đảng viên 40 người (chiếm 88,9%).', ['total-cued part 44,4% = 20 người / 45 người', 'total-cued part 88,9% = 40 người / 45 người']],
    ['Đã tiếp nhận 100 đơn; đã giải quyết 90 đơn, đạt 90%; còn 10 đơn đang xem xét, chiếm 10%.', ['total-cued part 90% = 90 đơn / 100 đơn', 'total-cued part 10% = 10 đơn / 100 đơn']],
    ['Kim ngạch xuất khẩu đạt 500 triệu USD, tăng 15% so với cùng kỳ năm 2024 (434,8 triệu USD).', ['base-in-parentheses growth 15% = 500 triệu USD / 434,8 triệu USD']],
    ['Between 2020 and 2024, staffing fell by 10 percent from 500 to 450.', ['change-from-to-after decline 10 percent = 450 / 500']],
    ['Tổng số 500 hộ; năm nay đã hỗ trợ 100 hộ, đạt 500%.', ['total-cued part 500% = 100 hộ / 500 hộ']],
  ];
  for (const [text, want] of cases) it(text, () => expect(rates(text)).toEqual(want));

  const silent = [
    'Lũy kế giải ngân là 107.003 triệu đồng, đạt 94,61% so với kế hoạch vốn địa phương triển khai.',
    'Mức hỗ trợ không quá 30% tổng mức đầu tư, tối đa 50 triệu đồng/dự án.',
    'Tốc độ tăng trưởng phấn đấu đạt từ 10% đến 15% so với năm trước.',
    'Có 45/60 xã đạt chuẩn nông thôn mới, đạt 90% kế hoạch.',
    'Đã tiếp nhận 55 đơn, đã giải quyết 40 đơn, trong đó 30 đơn đúng hạn, đạt 75%.',
    'Grants may cover no more than 30% of the project cost.',
    'Khoảng 2,3 triệu hộ kinh doanh (chiếm khoảng 90% trên tổng số 2,54 triệu hộ).',
    'Có 45/60 xã đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo là 3%.',
    'The office reviewed 40 of 55 files (35% of them were late).',
    'Tổng thu 1.000 tỷ đồng, trong đó thu nội địa tăng 10% so cùng kỳ (800 tỷ đồng).',
    'Tổng số 500 hộ; năm nay đã hỗ trợ 100 hộ, đạt 125%.',
    'In 2 of the 3 years, spending rose 20 percent.',
    'Có 45/60 xã đạt chuẩn (chiếm 30% tổng số xã toàn tỉnh).',
    'Đã tiếp nhận 1.000 hồ sơ, đã cấp 950 thẻ, đạt 93,5% dân số.',
    'Có 3/5 chỉ tiêu đạt và vượt kế hoạch (chiếm 60%).',
    'Tỷ lệ hộ dùng nước sạch đạt 98,5%, tăng 1,2% so với cùng kỳ (97,3%).',
    'Of the 3 programs we reviewed, one had 40 staff (12%).',
    'Tính đến ngày 15/6 đạt 45%.',
    'Có 60/45 xã đạt 75%.',
  ];
  for (const text of silent) it(`silent: ${text}`, () => expect(rates(text)).toEqual([]));
});

describe('comparison claims', () => {
  const cases: Array<[string, string[]]> = [
    ['Tỷ lệ đúng hạn là 99,9% (vượt chỉ tiêu 98%).', ['above 99,9% | vượt chỉ tiêu 98%']],
    ['Tỷ lệ tham gia đạt 85%, chưa đạt chỉ tiêu 90%.', ['below 85% | chưa đạt chỉ tiêu 90%']],
    ['Tỷ lệ tiêm chủng đạt 98,5%, đạt chỉ tiêu 98%.', ['atLeast 98,5% | đạt chỉ tiêu 98%']],
    ['Tỷ lệ thu gom đạt 98%, bằng cùng kỳ năm trước (98%).', ['equal 98% | bằng cùng kỳ năm trước (98%)']],
    ['Tổng thu đạt 95% kế hoạch, vượt kế hoạch đề ra.', ['above 95% | vượt kế hoạch | 100%']],
    ['Giải ngân đạt 92,5% kế hoạch, hoàn thành kế hoạch năm.', ['atLeast 92,5% | hoàn thành kế hoạch | 100%']],
    ['Thu ngân sách đạt 98,5% kế hoạch, vượt kế hoạch và tăng 12% so với cùng kỳ.', ['above 98,5% | vượt kế hoạch | 100%']],
    ['On-time processing reached 96.5%, above the 98% target.', ['above 96.5% | above the 98%']],
    ['Coverage was 97%, falls short of the 95% target.', ['below 97% | falls short of the 95%']],
    ['Tỷ lệ che phủ rừng đạt 57%, vượt chỉ tiêu Nghị quyết đề ra (56%).', ['above 57% | vượt chỉ tiêu Nghị quyết đề ra (56%)']],
  ];
  for (const [text, want] of cases) it(text, () => expect(comparisons(text)).toEqual(want));
  const silent = [
    'Tỷ lệ hộ nghèo giảm còn 2,1%, vượt chỉ tiêu 3% đề ra.',
    'Toàn tỉnh có 629/731 trường đạt chuẩn, đạt tỷ lệ 86,0%, vượt kế hoạch đề ra.',
    'Tăng trưởng đạt 8%, vượt chỉ tiêu từ 6% đến 7%.',
    'The error rate must not exceed 5%, and the office reported 3.2%.',
    'Tốc độ tăng thu đạt 8,5%, vượt kế hoạch và tăng 12% so với cùng kỳ.',
  ];
  for (const text of silent) it(`silent: ${text}`, () => expect(comparisons(text)).toEqual([]));
});

describe('arithmetic within stated precision', () => {
  const op = (v: string, exact = true): Operand => ({
    span: { start: 0, end: 0 },
    valueSpan: { start: 0, end: 0 },
    value: new Decimal(v),
    decimals: v.includes('.') ? v.split('.')[1].length : 0,
    scale: new Decimal(1),
    exact,
  });
  const part = (p: string, a: string, b: string): RateClaim => ({ formula: 'part', rate: op(p, false), numerator: op(a), denominator: op(b), form: 't', sentence: 0 });
  it('40/55 = 72,727…% agrees with 72,7, 72,73 and 73, not with 72,5 or 72,8', () => {
    expect(['72.7', '72.73', '73'].map((p) => rateConsistent(part(p, '40', '55'), 'round'))).toEqual([true, true, true]);
    expect(['72.5', '72.8', '75.0'].map((p) => rateConsistent(part(p, '40', '55'), 'any'))).toEqual([false, false, false]);
  });
  it('truncation: 2/3 written 66,6% agrees under truncate and any, not under round', () => {
    expect(rateConsistent(part('66.6', '2', '3'), 'truncate')).toBe(true);
    expect(rateConsistent(part('66.6', '2', '3'), 'any')).toBe(true);
    expect(rateConsistent(part('66.6', '2', '3'), 'round')).toBe(false);
  });
  it('one digit of double rounding is tolerated (629/731 = 86,046% written 86,1%)', () => {
    expect(rateConsistent(part('86.1', '629', '731'), 'round')).toBe(true);
    expect(rateConsistent(part('86.2', '629', '731'), 'round')).toBe(false);
  });
  it('rounded operands widen the range: 500/433 tỷ (±0,5) allows 15,47% growth, not 16%', () => {
    const g = (p: string): RateClaim => ({ formula: 'growth', rate: op(p, false), numerator: op('500', false), denominator: op('433', false), form: 't', sentence: 0 });
    expect(rateConsistent(g('15.47'), 'round')).toBe(true);
    expect(rateConsistent(g('16.0'), 'any')).toBe(false);
  });
  it('comparisons respect precision: 98,0% may exceed 98%, 97,9% cannot', () => {
    const c = (v: string, rel: ComparisonClaim['relation']): ComparisonClaim => ({ relation: rel, cue: { start: 0, end: 0 }, value: op(v, false), target: op('98'), implicitTarget: false, form: 't', sentence: 0 });
    expect(comparisonConsistent(c('98.0', 'above'), 'any')).toBe(true);
    expect(comparisonConsistent(c('97.9', 'above'), 'any')).toBe(false);
    expect(comparisonConsistent(c('98.5', 'below'), 'any')).toBe(false);
    expect(comparisonConsistent(c('97.6', 'equal'), 'any')).toBe(false);
  });
});

describe('the example report (issue 4, done when)', () => {
  const example = readFileSync('fixtures/example/bao-cao-164-TB-TU.txt', 'utf8');
  const mine = (text: string) =>
    lintText(text, 'bao-cao.txt', { only: ['percent-mismatch', 'comparison-claim'] }).findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`);
  it('is silent on the report as written, and checks its rates', () => {
    const res = lintText(example, 'bao-cao.txt', { only: ['percent-mismatch', 'comparison-claim'] });
    expect(res.findings).toEqual([]);
    expect(res.checked['percent-mismatch']).toBe(1);
    expect(res.checked['comparison-claim']).toBe(1);
  });
  it('line 67 changed to "đạt 75,0%": one percent-mismatch on that line', () => {
    expect(mine(example.replace('đạt 72,7%', 'đạt 75,0%'))).toEqual(['percent-mismatch@67:245']);
  });
  it('the finding names its evidence and offers the recomputed rate as an unsafe fix', () => {
    const res = lintText(example.replace('đạt 72,7%', 'đạt 75,0%'), 'bao-cao.txt', { only: ['percent-mismatch'] });
    const f = res.findings[0];
    expect(f.message).toBe('75,0% does not match 40 of 55: 40 / 55 = 72,727%.');
    expect(f.related.map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual(['67:233 computed from 40 đơn', '67:207 against 55 đơn thư']);
    expect(f.fix?.applicability).toBe('unsafe');
    expect(f.fix?.edits.map((e) => e.text)).toEqual(['72,7']);
  });
  it('line 65 changed to "97,9% (vượt chỉ tiêu 98%)": one comparison-claim on that line', () => {
    expect(mine(example.replace('99,9% (vượt chỉ tiêu 98%)', '97,9% (vượt chỉ tiêu 98%)'))).toEqual(['comparison-claim@65:245']);
  });
});

describe('the real corpus', () => {
  const files = fg.sync('/work/shared/corpus/real/{vi,en}/*.txt').sort();
  it.skipIf(files.length === 0)('raises nothing and reads the rates it can pair', () => {
    let checked = 0;
    const found: string[] = [];
    for (const f of files) {
      const res = lintText(readFileSync(f, 'utf8'), f, { only: ['percent-mismatch', 'comparison-claim'] });
      checked += (res.checked['percent-mismatch'] ?? 0) + (res.checked['comparison-claim'] ?? 0);
      for (const x of res.findings) found.push(`${f}:${x.line} ${x.message}`);
    }
    expect(found).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(16);
  }, 60_000);
});

describe('linear on adversarial input', () => {
  it('100,000 digits, dots and percent signs', () => {
    // the reader of rates only: the quantity reader below it is timed by its own tests
    const inputs = ['1'.repeat(100_000) + '%', '.'.repeat(100_000), '1/2 '.repeat(20_000) + 'đạt 5%', '5%, '.repeat(5_000), '40 đơn, đạt 5%, '.repeat(1_000), 'tăng 5% từ 1 lên 2, '.repeat(1_000), '(vượt chỉ tiêu '.repeat(10_000) + '5%'];
    for (const t of inputs) {
      const doc = parseText(t, 'x.txt');
      const store = new FactStore(doc, resolveSettings(doc));
      const qs = store.get(quantities);
      const tokens = store.get(numberTokens);
      const sents = store.get(sentences);
      const t0 = performance.now();
      ratiosOf(doc, qs, tokens, sents);
      expect(performance.now() - t0).toBeLessThan(2_000);
    }
  }, 60_000);
});

describe('fixtures of these rules, linted with these rules only', () => {
  // the shared fixture test lints with every rule; this one isolates the two rules of issue 4
  const files = fg.sync('fixtures/{percent-mismatch,comparison-claim}/*.txt').sort();
  for (const file of files) {
    it(file, () => {
      const { text, marks } = stripMarkers(readFileSync(file, 'utf8'));
      const res = lintText(text, file, { only: ['percent-mismatch', 'comparison-claim'] });
      expect(res.internalErrors ?? []).toEqual([]);
      const got = res.findings.map((f) => `${f.ruleId}@${f.span.start}-${f.span.end}`).sort();
      expect(got, res.findings.map((f) => f.message).join('\n')).toEqual(marks.map((m) => `${m.ruleId}@${m.start}-${m.end}`).sort());
    });
  }
});

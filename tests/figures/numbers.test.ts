// The number reader and the quantity reader on many formats: conventions, scales, units, hedges,
// estimates, and digit runs that are not quantities. Includes round-trip properties.

import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { FactStore } from '../../src/engine/facts.js';
import { resolveSettings } from '../../src/engine/run.js';
import { readNumber } from '../../src/facts/numbers.js';
import { inferNumberFormat } from '../../src/facts/figures-convention.js';
import { quantities, sameUnit, type Quantity } from '../../src/facts/quantities.js';
import { formatDecimal } from '../../src/i18n/format.js';
import { parseText } from '../../src/parse/index.js';

function qs(text: string, numberFormat?: 'vi' | 'en'): Quantity[] {
  const doc = parseText(text, 'x.txt');
  const settings = resolveSettings(doc, numberFormat ? { numberFormat } : {});
  return new FactStore(doc, settings).get(quantities);
}

function brief(text: string, numberFormat?: 'vi' | 'en'): Array<[string, string, string, string]> {
  const doc = parseText(text, 'x.txt');
  return qs(text, numberFormat).map((q) => [doc.slice(q.span), q.value.toString(), q.unit.family, q.unit.scale.toString()]);
}

describe('readNumber', () => {
  it.each([
    ['107.003', 'vi', '107003', 0, true],
    ['19.870,477', 'vi', '19870.477', 3, false],
    ['5,616', 'vi', '5.616', 3, true],
    ['1,66', 'vi', '1.66', 2, false],
    ['107,003.5', 'en', '107003.5', 1, false],
    ['1,234', 'en', '1234', 0, true],
    ['2.5', 'en', '2.5', 1, false],
    ['2025', 'vi', '2025', 0, false],
  ] as const)('%s in %s = %s (%i decimals)', (raw, conv, value, decimals, ambiguous) => {
    const r = readNumber(raw, conv)!;
    expect(r.value.toString()).toBe(value);
    expect(r.decimals).toBe(decimals);
    expect(r.wellFormed).toBe(true);
    expect(r.ambiguous).toBe(ambiguous);
  });

  it('reads a figure in the other convention as not well formed', () => {
    const r = readNumber('19,870.477', 'vi')!;
    expect([r.value.toString(), r.wellFormed]).toEqual(['19870.477', false]);
    expect(readNumber('1.2.3', 'vi')).toBeUndefined();
  });

  it('round-trips every decimal through formatDecimal in both conventions', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('vi' as const, 'en' as const), (n, d, conv) => {
        const v = new Decimal(n.toString()).div(new Decimal(10).pow(d));
        const text = formatDecimal(v, conv, d);
        const r = readNumber(text, conv)!;
        expect(r.value.equals(v)).toBe(true);
        expect(r.decimals).toBe(d);
        expect(r.wellFormed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inferNumberFormat', () => {
  it('does not take inline outline numbers for English decimals', () => {
    const text = 'Các chỉ tiêu sau: 1.1. Mục tiêu một đạt 40%. 1.2. Mục tiêu hai. 5.1 Đơn vị đạt chuẩn. Phụ nữ còn 1,7 lần.';
    expect(inferNumberFormat(text, 'vi')).toBe('vi');
  });
  it('reads unambiguous figures', () => {
    expect(inferNumberFormat('Spending rose to 19,870.477 and then 2,500.5 and 3.5 million.', 'vi')).toBe('en');
    expect(inferNumberFormat('Giải ngân 19.870,477 triệu đồng và 5,616 tỷ đồng.', 'en')).toBe('vi');
  });
  it('is not misled by tariff codes, clause numbers and phone numbers', () => {
    const codes = Array.from({ length: 40 }, (_, i) => `${72 + (i % 9)}.${String(10 + i).padStart(2, '0')}`).join(', ');
    const text = `Các nhóm ${codes} áp dụng thuế suất 0,25%; phân nhóm 8471.30 chịu 0,6%; điểm 1.2 và 1.3 khoản 1; gọi 0243.825.123. Mức 1,5%, 2,5% và 0,5%.`;
    expect(inferNumberFormat(text, 'vi')).toBe('vi');
    // bare codes alone never turn a Vietnamese document English
    expect(inferNumberFormat(`Theo phân nhóm 8471.30 và các nhóm ${codes}, chiều cao tối thiểu là 2,5 m.`, 'vi')).toBe('vi');
  });
  it('follows the figures with a unit when they agree', () => {
    expect(inferNumberFormat('Thiếc: 96.5%; Bạc: 3.0%; Đồng: 0.5%; tăng 1.5 lần; diện tích 12.5 ha; 7,5 ha.', 'vi')).toBe('en');
  });
});

describe('quantities', () => {
  it('reads Vietnamese money with scales, areas and counted nouns', () => {
    expect(brief('Giải ngân 107.003 triệu đồng, gồm 19.870,477 triệu đồng; 5,616 tỷ đồng cho 16 công trình trên 1,66ha; 120.000 đ; 3 tỷ VNĐ.')).toEqual([
      ['107.003 triệu đồng', '107003', 'money', '1000000'],
      ['19.870,477 triệu đồng', '19870.477', 'money', '1000000'],
      ['5,616 tỷ đồng', '5.616', 'money', '1000000000'],
      ['16 công trình', '16', 'count', '1'],
      ['1,66ha', '1.66', 'area', '10000'],
      ['120.000 đ', '120000', 'money', '1'],
      ['3 tỷ VNĐ', '3', 'money', '1000000000'],
    ]);
  });

  it('makes scales of one unit comparable', () => {
    const [a, b] = qs('Tổng vốn 5,616 tỷ đồng, tức 5.616 triệu đồng.');
    expect(a.base.equals(b.base)).toBe(true);
    expect(sameUnit(a.unit, b.unit)).toBe(true);
  });

  it('reads English money, prefixes and measures', () => {
    expect(brief('The district received $1.2 million and USD 350,000; 1,250.5 hectares, 12 km, 20 tonnes and 45% of 3,500 people.')).toEqual([
      ['$1.2 million', '1.2', 'money', '1000000'],
      ['USD 350,000', '350000', 'money', '1'],
      ['1,250.5 hectares', '1250.5', 'area', '10000'],
      ['12 km', '12', 'length', '1000'],
      ['20 tonnes', '20', 'mass', '1000'],
      ['45%', '45', 'percent', '1'],
      ['3,500 people', '3500', 'count', '1'],
    ]);
  });

  it('keeps counted nouns in lower case and compares them by head word and number', () => {
    const q = qs('Tiếp nhận 55 đơn thư, giải quyết 40 đơn; 3 households and 1 household.');
    expect(q.map((x) => x.unit.noun)).toEqual(['đơn thư', 'đơn', 'households', 'household']);
    expect(sameUnit(q[0].unit, q[1].unit)).toBe(true);
    expect(sameUnit(q[2].unit, q[3].unit)).toBe(true);
    expect(sameUnit(q[0].unit, q[2].unit)).toBe(false);
  });

  it('marks hedges, ranges and estimates', () => {
    const q = qs('Khoảng 1.200 hộ, hơn 300 người, 50 người trở lên, từ 10 đến 15 xã; ước thực hiện 2.500 triệu đồng. About 120 households, nearly 40 cases.');
    expect(q.map((x) => [x.raw, x.hedged, x.estimate])).toEqual([
      ['1.200', true, false],
      ['300', true, false],
      ['50', true, false],
      ['10', true, false],
      ['15', true, false],
      ['2.500', false, true],
      ['120', true, false],
      ['40', true, false],
    ]);
  });

  it('does not read years, dates, document numbers, articles, phone numbers or outline numbers as quantities', () => {
    const text = [
      'I. KẾT QUẢ',
      '1. Năm 2025, theo Thông báo số 164-TB/TU ngày 19/01/2026 và Nghị định 178/2024/NĐ-CP, từ 01/7/2025.',
      'Căn cứ Điều 5, khoản 2; điện thoại 0912345678; quý I năm 2024; tháng 7; lần thứ 3.',
    ].join('\n');
    expect(qs(text)).toEqual([]);
  });

  it('gives each quantity its sentence and block', () => {
    const q = qs('Câu một có 5 hộ. Câu hai có 7 hộ.\nĐoạn sau có 9 hộ.');
    expect(q.map((x) => [x.sentence, x.block])).toEqual([[0, 0], [1, 0], [2, 1]]);
  });

  it('is linear on adversarial digit runs', () => {
    const t0 = Date.now();
    qs('1'.repeat(100_000) + ' ' + '1.'.repeat(50_000) + ' ' + '1,'.repeat(50_000) + ' triệu đồng');
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

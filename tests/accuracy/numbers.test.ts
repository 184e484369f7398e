// The accuracy bench's own number reader (bench/accuracy/lib/numbers.mjs): it decides where
// breakdowns and percentages are, so a wrong reading would plant in the wrong place silently.

import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { changeDigit, figures, formatNumber, mutateDigit, numberConvention, parseNumber, sumEquals } from '../../bench/accuracy/lib/numbers.mjs';
// @ts-expect-error plain JS module without types
import { mulberry32 } from '../../bench/accuracy/lib/prng.mjs';

type Fig = { raw: string; int: bigint; dec: number; unit: string; start: number; end: number };
const read = (text: string, conv: 'vi' | 'en'): Fig[] => figures(text, conv);

describe('parseNumber', () => {
  it('reads the Vietnamese convention', () => {
    expect(parseNumber('19.870,477', 'vi')).toEqual({ int: 19870477n, dec: 3, grouped: true });
    expect(parseNumber('72,7', 'vi')).toEqual({ int: 727n, dec: 1, grouped: false });
    expect(parseNumber('1.250', 'vi')).toEqual({ int: 1250n, dec: 0, grouped: true });
    expect(parseNumber('1250', 'vi')).toEqual({ int: 1250n, dec: 0, grouped: false });
    expect(parseNumber('1,250.5', 'vi')).toBeUndefined();
    expect(parseNumber('1.2', 'vi')).toBeUndefined();
  });
  it('reads the English convention', () => {
    expect(parseNumber('19,870.477', 'en')).toEqual({ int: 19870477n, dec: 3, grouped: true });
    expect(parseNumber('4.2', 'en')).toEqual({ int: 42n, dec: 1, grouped: false });
    expect(parseNumber('1.250,5', 'en')).toBeUndefined();
  });
  it('writes values back in either convention', () => {
    expect(formatNumber(19870477n, 3, 'vi', true)).toBe('19.870,477');
    expect(formatNumber(19870477n, 3, 'en', true)).toBe('19,870.477');
    expect(formatNumber(5n, 2, 'vi', false)).toBe('0,05');
    expect(formatNumber(1234567n, 0, 'en', true)).toBe('1,234,567');
  });
  it('adds exactly, across decimals', () => {
    const v = (s: string) => parseNumber(s, 'vi');
    expect(sumEquals(v('10.367,700'), [v('10.052,700'), v('315')])).toBe(true);
    expect(sumEquals(v('10.367,7'), [v('10.052,700'), v('315,001')])).toBe(false);
  });
});

describe('figures', () => {
  it('reads figures with their units in a Vietnamese sentence', () => {
    const f = read('Tổng số 120 hộ, trong đó 45 hộ nghèo, 75 hộ cận nghèo; kinh phí 1.250,5 triệu đồng, đạt 72,7% kế hoạch.', 'vi');
    expect(f.map((x) => [x.raw, x.unit])).toEqual([
      ['120', 'hộ'],
      ['45', 'hộ'],
      ['75', 'hộ'],
      ['1.250,5', 'triệu đồng'],
      ['72,7', '%'],
    ]);
  });
  it('skips dates, years, document, article and outline numbers, ranges and phone numbers', () => {
    const text = [
      '1. Căn cứ Nghị định số 15/2020/NĐ-CP ngày 03/02/2020, Điều 5 khoản 2;',
      'Thông báo 164-TB/TU năm 2025, giai đoạn 2026-2028, điện thoại 0905123456, lúc 8:30.',
      'II. Kết quả: ngày 15 tháng 3 năm 2025 có 7 xã.',
    ].join('\n');
    expect(read(text, 'vi').map((x) => x.raw)).toEqual(['7']);
  });
  it('reads dollars with their scale in English', () => {
    const f = read('a total of $12.5 million, of which $4.2 million went to 35 states (70 percent).', 'en');
    expect(f.map((x) => [x.raw, x.unit])).toEqual([
      ['12.5', '$ million'],
      ['4.2', '$ million'],
      ['35', 'states'],
      ['70', '%'],
    ]);
  });
  it('gives offsets into the text', () => {
    const text = 'Chi 50 triệu đồng.';
    const [f] = read(text, 'vi');
    expect(text.slice(f.start, f.end)).toBe('50');
  });
});

describe('numberConvention', () => {
  it('votes by unambiguous forms, else follows the language', () => {
    expect(numberConvention('GRDP 172.033,5 tỷ đồng, tăng 8,02%.', 'vi').conv).toBe('vi');
    expect(numberConvention('spent $1,234.50 and 12.5 percent', 'en').conv).toBe('en');
    expect(numberConvention('có 1.250 hộ', 'vi').conv).toBe('vi');
    expect(numberConvention('Tổng vốn 2,345.75 tỷ đồng; 12.5% dân số; 3,456,789 người', 'vi').conv).toBe('en');
  });
});

describe('mutateDigit', () => {
  it('changes exactly one digit, keeps the format, never adds a leading zero', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 300; i++) {
      const raw = ['1.250,5', '315', '19.870,477', '7', '60'][i % 5];
      const m = mutateDigit({ raw }, rand, 'any');
      expect(m.raw).not.toBe(raw);
      expect(m.raw.replace(/\d/g, '#')).toBe(raw.replace(/\d/g, '#'));
      const diff = [...raw].filter((c, k) => c !== m.raw[k]).length;
      expect(diff).toBe(1);
      if (raw.length > 1) expect(m.raw[0]).not.toBe('0');
    }
  });
  it('moves the value in the asked direction', () => {
    const rand = mulberry32(3);
    for (let i = 0; i < 100; i++) {
      const up = mutateDigit({ raw: '4.513' }, rand, 'up');
      expect(Number(up.raw.replace('.', ''))).toBeGreaterThan(4513);
      const down = mutateDigit({ raw: '4.513' }, rand, 'down');
      expect(Number(down.raw.replace('.', ''))).toBeLessThan(4513);
    }
    expect(mutateDigit({ raw: '999' }, rand, 'up')).toBeUndefined();
  });
  it('changeDigit counts digits from the left, skipping separators', () => {
    expect(changeDigit('19.870,477', 2, 5)).toBe('19.570,477');
  });
});

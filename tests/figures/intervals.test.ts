// Interval arithmetic on stated figures: rounding and truncation readings, sums, consistency.

import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { equationConsistent, intersects, partsFitWithin, statedInterval, sumConsistent, type Stated } from '../../src/facts/intervals.js';

const s = (v: string, decimals = (v.split('.')[1] ?? '').length, scale?: string): Stated => ({ value: new Decimal(v), decimals, ...(scale ? { scale: new Decimal(scale) } : {}) });

describe('stated intervals', () => {
  it('rounded and truncated readings', () => {
    const r = statedInterval(new Decimal('83.4'), 1, 'round');
    expect([r.lo.toString(), r.hi.toString(), r.hiOpen]).toEqual(['83.35', '83.45', false]);
    const t = statedInterval(new Decimal('83.4'), 1, 'truncate');
    expect([t.lo.toString(), t.hi.toString(), t.hiOpen]).toEqual(['83.4', '83.5', true]);
  });

  it('open ends do not meet', () => {
    const a = statedInterval(new Decimal(1), 0, 'truncate'); // [1, 2)
    const b = statedInterval(new Decimal(2), 0, 'truncate'); // [2, 3)
    expect(intersects(a, b)).toBe(false);
  });
});

describe('sums', () => {
  it('accepts 33,33 × 3 = 100 and 33 × 3 = 100 (each 33 may be 33,4), rejects 32 × 3 = 100', () => {
    expect(sumConsistent(s('100'), [s('33.33'), s('33.33'), s('33.33')], 'any')).toBe(true);
    expect(sumConsistent(s('100'), [s('33'), s('33'), s('33')], 'round')).toBe(true);
    expect(sumConsistent(s('100'), [s('32'), s('32'), s('32')], 'round')).toBe(false);
    expect(sumConsistent(s('100'), [s('32'), s('32'), s('32')], 'truncate')).toBe(false);
  });

  it('the example: 107.003 = 19.870,477 + 87.133,226 only when truncated', () => {
    const parts = [s('19870.477'), s('87133.226')];
    expect(sumConsistent(s('107003'), parts, 'round')).toBe(false);
    expect(sumConsistent(s('107003'), parts, 'truncate')).toBe(true);
    expect(sumConsistent(s('107003'), parts, 'any')).toBe(true);
    expect(sumConsistent(s('107003'), [s('19870.477'), s('83874.050')], 'any')).toBe(false);
  });

  it('compares scales of one unit', () => {
    expect(sumConsistent(s('5.616', 3, '1e9'), [s('3200', 0, '1e6'), s('2416', 0, '1e6')], 'round')).toBe(true);
    expect(sumConsistent(s('5.616', 3, '1e9'), [s('3200', 0, '1e6'), s('2316', 0, '1e6')], 'any')).toBe(false);
  });

  it('exact counts are points', () => {
    const whole = { ...s('55'), exact: true };
    expect(equationConsistent([whole], [{ ...s('40'), exact: true }, { ...s('14'), exact: true }], 'any')).toBe(false);
    expect(equationConsistent([s('55')], [s('40'), s('14')], 'round')).toBe(true); // rounded figures could
  });

  it('parts fitting within a total', () => {
    expect(partsFitWithin(s('1000'), [s('600'), s('390')], 'any')).toBe(true);
    expect(partsFitWithin(s('1000'), [s('600'), s('410')], 'any')).toBe(false);
  });

  it('rounding each part of an exact sum keeps the sum consistent (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 3 }), (cents, d) => {
        // exact values with 3 decimals, stated with d decimals
        const exact = cents.map((c) => new Decimal(c).div(1000));
        const total = exact.reduce((a, b) => a.plus(b), new Decimal(0));
        const stated = (v: Decimal): Stated => ({ value: v.toDecimalPlaces(d, Decimal.ROUND_HALF_UP), decimals: d });
        expect(sumConsistent(stated(total), exact.map(stated), 'round')).toBe(true);
        const trunc = (v: Decimal): Stated => ({ value: v.toDecimalPlaces(d, Decimal.ROUND_DOWN), decimals: d });
        expect(sumConsistent(trunc(total), exact.map(trunc), 'truncate')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// Interval arithmetic on stated figures, with decimal.js (never binary floating point).
// A figure stated with d decimals stands for an interval, because reports round or truncate:
//   rounded   = [v - ½·10^-d, v + ½·10^-d]
//   truncated = [v, v + 10^-d)
// A summation is consistent when the interval of the stated total meets the sum of the parts'
// intervals (as XBRL Calculations 1.1 does). `rounding: 'any'` accepts either reading, applied
// to every figure of the check alike.
//
// Stable API (used by other rules):
//   statedInterval(value, decimals, mode, scale?) -> Interval
//   addIntervals(a, b), sumIntervals(list, zeroWhenEmpty) -> Interval
//   intersects(a, b) -> boolean; contains(iv, x) -> boolean; distance(a, b) -> Decimal
//   sumConsistent(total, parts, rounding) -> boolean   (Stated = {value, decimals, scale?})
//   equationConsistent(left, right, rounding): Σ left = Σ right (e.g. 55 = 40 + 15)
//   modesOf(rounding) -> RoundingMode[]; point(x); Stated.exact marks a whole count (a point)
//   intervalOf(stated, mode); rateInterval(value, decimals, mode) (a stated rate, double rounding
//   allowed); quotientInterval(a, b) -> a / b

import { Decimal } from 'decimal.js';

export type RoundingMode = 'round' | 'truncate';
export type Rounding = RoundingMode | 'any';

export interface Interval {
  lo: Decimal;
  hi: Decimal;
  /** True when `lo` itself is excluded. */
  loOpen: boolean;
  /** True when `hi` itself is excluded (truncation: [v, v + 10^-d)). */
  hiOpen: boolean;
}

/** A stated figure: its value as written, its decimals, and an optional multiplier (unit scale). */
export interface Stated {
  value: Decimal;
  decimals: number;
  /** Multiplier to a common base unit (5,616 tỷ -> scale 1e9). Default 1. */
  scale?: Decimal;
  /** An exact figure (a whole count of things: 55 đơn): a point, not an interval. */
  exact?: boolean;
}

const ONE = new Decimal(1);

export function modesOf(rounding: Rounding): RoundingMode[] {
  return rounding === 'any' ? ['round', 'truncate'] : [rounding];
}

/** The interval a figure stated with `decimals` digits stands for, times `scale`. */
export function statedInterval(value: Decimal.Value, decimals: number, mode: RoundingMode, scale: Decimal.Value = ONE): Interval {
  const v = new Decimal(value);
  const k = new Decimal(scale);
  const ulp = new Decimal(10).pow(-decimals);
  if (mode === 'round') {
    const half = ulp.div(2);
    return { lo: v.minus(half).times(k), hi: v.plus(half).times(k), loOpen: false, hiOpen: false };
  }
  // truncation of a non-negative value: [v, v + ulp); of a negative one: (v - ulp, v]
  if (v.isNegative()) return { lo: v.minus(ulp).times(k), hi: v.times(k), loOpen: true, hiOpen: false };
  return { lo: v.times(k), hi: v.plus(ulp).times(k), loOpen: false, hiOpen: true };
}

export function point(value: Decimal.Value): Interval {
  const v = new Decimal(value);
  return { lo: v, hi: v, loOpen: false, hiOpen: false };
}

export function addIntervals(a: Interval, b: Interval): Interval {
  return { lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi), loOpen: a.loOpen || b.loOpen, hiOpen: a.hiOpen || b.hiOpen };
}

export function sumIntervals(list: Interval[]): Interval {
  let acc = point(0);
  for (const iv of list) acc = addIntervals(acc, iv);
  return acc;
}

/** a - b as an interval. */
export function subtractIntervals(a: Interval, b: Interval): Interval {
  return { lo: a.lo.minus(b.hi), hi: a.hi.minus(b.lo), loOpen: a.loOpen || b.hiOpen, hiOpen: a.hiOpen || b.loOpen };
}

export function intersects(a: Interval, b: Interval): boolean {
  // a.lo <= b.hi and b.lo <= a.hi, strict where an end is open
  const c1 = a.lo.comparedTo(b.hi);
  const c2 = b.lo.comparedTo(a.hi);
  const ok1 = c1 < 0 || (c1 === 0 && !a.loOpen && !b.hiOpen);
  const ok2 = c2 < 0 || (c2 === 0 && !b.loOpen && !a.hiOpen);
  return ok1 && ok2;
}

export function contains(iv: Interval, x: Decimal.Value): boolean {
  return intersects(iv, point(x));
}

/** Gap between two intervals (0 when they meet). */
export function distance(a: Interval, b: Interval): Decimal {
  if (a.hi.lessThan(b.lo)) return b.lo.minus(a.hi);
  if (b.hi.lessThan(a.lo)) return a.lo.minus(b.hi);
  return new Decimal(0);
}

/** The interval a stated figure stands for under one rounding mode (a point when it is exact). */
export function intervalOf(s: Stated, mode: RoundingMode): Interval {
  if (s.exact) return point(s.value.times(s.scale ?? ONE));
  return statedInterval(s.value, s.decimals, mode, s.scale ?? ONE);
}

/**
 * The interval a stated rate (a percentage or a multiple) stands for. Rounded rates are also
 * allowed one digit of double rounding (86,046 -> 86,05 -> 86,1): common in reports and not what
 * a reader calls wrong.
 */
export function rateInterval(value: Decimal.Value, decimals: number, mode: RoundingMode): Interval {
  const iv = statedInterval(value, decimals, mode);
  if (mode !== 'round') return iv;
  const extra = new Decimal(10).pow(-decimals).times('0.05');
  return { lo: iv.lo.minus(extra), hi: iv.hi, loOpen: false, hiOpen: false };
}

/** The interval of a / b for two intervals with b > 0 (undefined otherwise). */
export function quotientInterval(a: Interval, b: Interval): Interval | undefined {
  if (!b.lo.greaterThan(0) || a.lo.isNegative()) return undefined;
  return { lo: a.lo.div(b.hi), hi: a.hi.div(b.lo), loOpen: false, hiOpen: false };
}

/** Σ parts = total, within the precision stated, under the rounding option. */
export function sumConsistent(total: Stated, parts: Stated[], rounding: Rounding): boolean {
  return equationConsistent([total], parts, rounding);
}

/** Σ left = Σ right within the precision stated (every figure read with the same mode). */
export function equationConsistent(left: Stated[], right: Stated[], rounding: Rounding): boolean {
  for (const mode of modesOf(rounding)) {
    const l = sumIntervals(left.map((s) => intervalOf(s, mode)));
    const r = sumIntervals(right.map((s) => intervalOf(s, mode)));
    if (intersects(l, r)) return true;
  }
  return false;
}

/** Every value of `a` is above every value of `b`: a.lo > b.hi, or equal with either end open. */
export function above(a: Interval, b: Interval): boolean {
  const c = a.lo.comparedTo(b.hi);
  return c > 0 || (c === 0 && (a.loOpen || b.hiOpen));
}

/** Σ parts <= total within precision (some reading makes the parts fit inside the total). */
export function partsFitWithin(total: Stated, parts: Stated[], rounding: Rounding): boolean {
  for (const mode of modesOf(rounding)) {
    if (!above(sumIntervals(parts.map((s) => intervalOf(s, mode))), intervalOf(total, mode))) return true;
  }
  return false;
}

/** Exact point sum of stated values times their scales. */
export function pointSum(list: Stated[]): Decimal {
  let acc = new Decimal(0);
  for (const s of list) acc = acc.plus(s.value.times(s.scale ?? ONE));
  return acc;
}

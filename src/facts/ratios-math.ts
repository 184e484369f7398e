// The arithmetic of rate phrases and comparison claims: the range the stated operands allow for a
// rate under each rounding mode, and whether the stated rate, claim or shares agree with it. Every
// rounding decision is intervals.ts's (a figure stated with d decimals stands for an interval).
//
// API: rateRange(claim, mode), rateConsistent(claim, rounding), rateValue(claim),
//   comparisonConsistent(claim, rounding), sharesConsistent(group, rounding), sharesProblem(group, rounding)

import { Decimal } from 'decimal.js';
import { addIntervals, equationConsistent, intersects, intervalOf, modesOf, point, quotientInterval, rateInterval, statedInterval, subtractIntervals, type Interval, type Rounding, type RoundingMode } from './intervals.js';
import type { ChangeClaim, ComparisonClaim, Operand, RateClaim, ShareGroup } from './ratios.js';

const HUNDRED = new Decimal(100);
const ONE = new Decimal(1);

/** The interval a stated operand stands for (a point when it is a whole count). */
export function operandInterval(o: Operand, mode: RoundingMode): Interval {
  return intervalOf(o, mode);
}

/** The range the operands allow for the rate (percent, or a plain multiple), under one rounding mode. */
export function rateRange(c: RateClaim, mode: RoundingMode): Interval | undefined {
  if (c.formula === 'growthBy' || c.formula === 'declineBy') {
    // the earlier figure is Y − D (growth) or Y + D (decline), as an interval
    const d = operandInterval(c.numerator, mode);
    const y = operandInterval(c.denominator, mode);
    const base = c.formula === 'growthBy' ? subtractIntervals(y, d) : addIntervals(y, d);
    const g = quotientInterval(d, base);
    return g && { lo: g.lo.times(HUNDRED), hi: g.hi.times(HUNDRED), loOpen: false, hiOpen: false };
  }
  const q = quotientInterval(operandInterval(c.numerator, mode), operandInterval(c.denominator, mode));
  if (!q) return undefined;
  const closed = (l: Decimal, h: Decimal): Interval => ({ lo: l, hi: h, loOpen: false, hiOpen: false });
  switch (c.formula) {
    case 'part':
    case 'ratio':
      return closed(q.lo.times(HUNDRED), q.hi.times(HUNDRED));
    case 'growth':
    case 'excess':
      return closed(q.lo.minus(1).times(HUNDRED), q.hi.minus(1).times(HUNDRED));
    case 'decline':
      return closed(ONE.minus(q.hi).times(HUNDRED), ONE.minus(q.lo).times(HUNDRED));
    case 'multiple':
    case 'oneIn':
      return closed(q.lo, q.hi);
    default:
      return undefined;
  }
}

/** The stated rate agrees with its operands under some reading the rounding option allows. */
export function rateConsistent(c: RateClaim, rounding: Rounding): boolean {
  if (c.formula === 'product') {
    // the terms as written (a calculation is done on its figures), only the result may be rounded
    const computed = c.denominator.value.times(c.denominator.scale).times(c.rate.value).div(HUNDRED);
    return modesOf(rounding).some((mode) => intersects(point(computed), operandInterval(c.numerator, mode)));
  }
  for (const mode of modesOf(rounding)) {
    const range = rateRange(c, mode);
    if (!range) return true;
    // "one in N" names N rounded to a whole number, whatever the rounding of the figures
    const stated = c.formula === 'oneIn' ? statedInterval(c.rate.value, 0, 'round') : rateInterval(c.rate.value, c.rate.decimals, mode);
    if (intersects(range, stated)) return true;
  }
  return false;
}

/** The exact value the operands give (for messages). */
export function rateValue(c: RateClaim): Decimal | undefined {
  const a = c.numerator.value.times(c.numerator.scale);
  const b = c.denominator.value.times(c.denominator.scale);
  if (b.isZero()) return undefined;
  const x = a.div(b);
  switch (c.formula) {
    case 'part':
    case 'ratio':
      return x.times(HUNDRED);
    case 'growth':
    case 'excess':
      return x.minus(1).times(HUNDRED);
    case 'decline':
      return ONE.minus(x).times(HUNDRED);
    case 'multiple':
    case 'oneIn':
      return x;
    case 'growthBy':
      return b.minus(a).isZero() ? undefined : a.div(b.minus(a)).times(HUNDRED);
    case 'declineBy':
      return a.div(b.plus(a)).times(HUNDRED);
    case 'product':
      // the result the calculation gives, in the stated result's unit
      return b.times(c.rate.value).div(HUNDRED).div(c.numerator.scale);
  }
}

/** The claimed relation holds for some reading of the stated value (precision first). */
export function comparisonConsistent(c: ComparisonClaim, rounding: Rounding): boolean {
  for (const mode of modesOf(rounding)) {
    const v = operandInterval(c.value, mode);
    // a stated target is the threshold itself (vượt chỉ tiêu 98%: above 98, not above 98,5)
    const t = c.implicitTarget || c.relation === 'equal' ? operandInterval(c.target, mode) : point(c.target.value);
    switch (c.relation) {
      case 'above':
        if (v.hi.greaterThan(t.lo)) return true;
        break;
      case 'below':
        if (v.lo.lessThan(t.hi)) return true;
        break;
      case 'atLeast':
        if (v.hi.greaterThanOrEqualTo(t.lo)) return true;
        break;
      case 'equal':
        if (intersects(v, t)) return true;
        break;
    }
  }
  return false;
}

/**
 * What is wrong with a stated change, if anything: 'direction' when no reading of the figures puts
 * the current one on the stated side of the earlier one (tăng but lower), 'amount' when the stated
 * change is not their difference within the precision stated.
 */
export function changeProblem(c: ChangeClaim, rounding: Rounding): 'direction' | 'amount' | undefined {
  const side = modesOf(rounding).some((mode) => {
    const y = operandInterval(c.current, mode);
    const x = operandInterval(c.previous, mode);
    return c.direction === 'up' ? y.hi.greaterThan(x.lo) : y.lo.lessThan(x.hi);
  });
  if (!side) return 'direction';
  if (!c.change) return undefined;
  const ok = c.direction === 'up' ? equationConsistent([c.current], [c.previous, c.change], rounding) : equationConsistent([c.previous], [c.current, c.change], rounding);
  return ok ? undefined : 'amount';
}

/** Σ shares can be at most 100 % under some reading. */
export function sharesConsistent(g: ShareGroup, rounding: Rounding): boolean {
  return sharesProblem(g, rounding) === undefined;
}

/** 'over' when the shares exceed 100 % under every reading; 'under' when a complete list cannot reach it. */
export function sharesProblem(g: ShareGroup, rounding: Rounding): 'over' | 'under' | undefined {
  let over = true;
  let under = g.complete;
  for (const mode of modesOf(rounding)) {
    let lo = new Decimal(0);
    let hi = new Decimal(0);
    for (const s of g.shares) {
      const iv = operandInterval(s, mode);
      lo = lo.plus(iv.lo);
      hi = hi.plus(iv.hi);
    }
    if (lo.lessThanOrEqualTo(HUNDRED)) over = false;
    if (hi.greaterThanOrEqualTo(HUNDRED)) under = false;
  }
  return over ? 'over' : under ? 'under' : undefined;
}

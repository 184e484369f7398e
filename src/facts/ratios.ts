// Rate phrases: which stated percentage (or multiple) is computed from which two stated figures
// and by which formula, and which words claim a relation between a figure and its target. The
// readers are in ratios-read.ts (the words they read in lexicon/figures.ts), the arithmetic in
// ratios-math.ts (every rounding decision through intervals.ts). A phrase whose reading is
// ambiguous is not recorded: the checking rules (percent-mismatch, comparison-claim) only see
// pairings the text makes plain.
//
// API: fact `ratios` -> { rates: RateClaim[], comparisons: ComparisonClaim[], shareGroups: ShareGroup[], changes: ChangeClaim[] }
//   ratiosOf(doc, quantities, tokens, sentences)
//   rateRange(claim, mode) -> the interval the stated operands allow for the rate
//   rateConsistent(claim, rounding) / comparisonConsistent(claim, rounding) / sharesConsistent(group, rounding)
//   changeProblem(change, rounding) -> 'direction' | 'amount' | undefined

import type { Decimal } from 'decimal.js';
import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';
import { numberTokens } from './numbers.js';
import { quantities, type Unit } from './quantities.js';
import { ratiosOf } from './ratios-read.js';
import { sentences } from './sentences.js';

export { ratiosOf } from './ratios-read.js';
export { changeProblem, comparisonConsistent, rateConsistent, rateRange, rateValue, sharesConsistent, sharesProblem } from './ratios-math.js';

/**
 * part: P = 100·A/B (đạt, chiếm, A of B); ratio: P = 100·value/base (bằng P% so với X, đạt P% kế hoạch);
 * growth: P = 100·(Y−X)/X (tăng P%); decline: P = 100·(X−Y)/X (giảm P%);
 * excess: P = 100·(actual/plan − 1) (vượt P% kế hoạch); multiple: N = Y/X (gấp N lần);
 * oneIn: N = whole/part rounded to a whole number (one in N; numerator = whole, denominator = part);
 * growthBy / declineBy: P = 100·D/(Y − D) / 100·D/(Y + D), the change D stated as an amount beside the
 *   current figure Y (numerator = D, denominator = Y).
 * product: a calculation written out, A × P% = B (numerator = B, denominator = A): done on its
 *   figures as written, so the exact A·P/100 must round to the stated B.
 */
export type RateFormula = 'part' | 'ratio' | 'growth' | 'decline' | 'excess' | 'multiple' | 'oneIn' | 'growthBy' | 'declineBy' | 'product';

export interface Operand {
  /** The figure with its unit as written. */
  span: Span;
  /** The digits. */
  valueSpan: Span;
  value: Decimal;
  decimals: number;
  /** Multiplier to the unit family's base (tỷ đồng -> 1e9). */
  scale: Decimal;
  /** A count of discrete things: the figure is exact, not rounded. */
  exact: boolean;
  unit?: Unit;
}

export interface RateClaim {
  formula: RateFormula;
  /** The stated percentage (or the multiple N of `gấp N lần`). */
  rate: Operand;
  /** A (part), Y (new value, actual). */
  numerator: Operand;
  /** B (whole), X (old value, plan). */
  denominator: Operand;
  /** Which phrase form was read (for tests and explanations). */
  form: string;
  sentence: number;
}

export type Relation = 'above' | 'below' | 'equal' | 'atLeast';

export interface ComparisonClaim {
  relation: Relation;
  /** The words that claim the relation (through the target when it follows them). */
  cue: Span;
  value: Operand;
  /** The target; for plan claims (`đạt 95% kế hoạch, vượt kế hoạch`) a synthetic 100 % placed on the claim. */
  target: Operand;
  /** True when the target is the implicit 100 % of a plan. */
  implicitTarget: boolean;
  form: string;
  sentence: number;
}

export interface ShareGroup {
  /** `chiếm P%` shares of one whole, in text order. */
  shares: Operand[];
  /** The word that announces the breakdown (cơ cấu, gồm…). */
  cue: Span;
  /** The last share is "the rest" (còn lại, the remainder): together they must make 100 %. */
  complete: boolean;
  sentence: number;
}

/**
 * A change stated as an amount with both figures it joins: "320 hộ nghèo, giảm 80 hộ so với năm
 * 2024 (420 hộ)". The current figure must lie on the stated side of the earlier one, and differ
 * from it by the stated amount.
 */
export interface ChangeClaim {
  direction: 'up' | 'down';
  /** From the verb of change to the earlier figure ("giảm 80 hộ so với năm 2024 (420 hộ)"). */
  cue: Span;
  current: Operand;
  /** The amount of the change; none for a direction alone ("1.500 tỷ đồng, giảm so với năm 2024 (1.100 tỷ đồng)"). */
  change?: Operand;
  previous: Operand;
  form: string;
  sentence: number;
}

export interface Ratios {
  rates: RateClaim[];
  comparisons: ComparisonClaim[];
  shareGroups: ShareGroup[];
  changes: ChangeClaim[];
}

export const ratios = defineFact('ratios', (doc: Document, facts): Ratios =>
  ratiosOf(doc, facts.get(quantities), facts.get(numberTokens), facts.get(sentences)),
);

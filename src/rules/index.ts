// The rule registry: every rule module, in one list. Add a rule here and under docs/rules/.

import type { Rule } from '../engine/types.js';
import brokenParagraph from './broken-paragraph.js';
import comparisonClaim from './comparison-claim.js';
import percentMismatch from './percent-mismatch.js';
import citationMismatch from './citation-mismatch.js';
import citationType from './citation-type.js';
import dateInvalid from './date-invalid.js';
import duplicateParagraph from './duplicate-paragraph.js';
import encoding from './encoding.js';
import nameVariant from './name-variant.js';
import repeatedWord from './repeated-word.js';
import spelling from './spelling.js';
import termVariant from './term-variant.js';
import toneStyle from './tone-style.js';
import sectionNumbering from './section-numbering.js';
import sumMismatch from './sum-mismatch.js';
import countMismatch from './count-mismatch.js';
import tableSumMismatch from './table-sum-mismatch.js';
import numberFormat from './number-format.js';
import sheetFormula from './sheet-formula.js';

export const rules: Rule[] = [
  brokenParagraph,
  comparisonClaim,
  percentMismatch,
  citationMismatch,
  citationType,
  dateInvalid,
  duplicateParagraph,
  encoding,
  nameVariant,
  repeatedWord,
  spelling,
  termVariant,
  toneStyle,
  sectionNumbering,
  sumMismatch,
  countMismatch,
  tableSumMismatch,
  numberFormat,
  sheetFormula,
].sort((a, b) => a.id.localeCompare(b.id)) as Rule[];

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}

// The rule registry: every rule module, in one list. Add a rule here and under docs/rules/.

import type { Rule } from '../engine/types.js';
import brokenParagraph from './broken-paragraph.js';
import citationMismatch from './citation-mismatch.js';
import citationType from './citation-type.js';
import dateInvalid from './date-invalid.js';
import sumMismatch from './sum-mismatch.js';
import countMismatch from './count-mismatch.js';

export const rules: Rule[] = [
  brokenParagraph,
  citationMismatch,
  citationType,
  dateInvalid,
  sumMismatch,
  countMismatch,
].sort((a, b) => a.id.localeCompare(b.id)) as Rule[];

export function findRule(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}

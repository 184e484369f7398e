// Vocabularies of the word facts (facts/language.ts: doubled words). Only rules of the language.

import { phraseList } from './build.js';

/**
 * English words whose doubling is grammar, not a slip: "had had" is the past perfect of "have"
 * ("If the contractors had had these edits"), written so by any careful writer.
 */
export const ENGLISH_GRAMMATICAL_DOUBLINGS = phraseList(['had']);

/**
 * English words grammar never writes twice in a row: the articles, the modal verbs, the infinitive
 * `to` and `of` (a noun phrase or a verb comes between two of them: "the office will will complete"
 * is a slip in any text). Judged in a sentence's lower-case words, not in table rows or headings.
 */
export const ENGLISH_NEVER_DOUBLED = phraseList([
  'a', 'an', 'the', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'to', 'of',
]);

// Vocabularies of the word facts (facts/language.ts: doubled words). Only rules of the language.

import { phraseList } from './build.js';

/**
 * English words whose doubling is grammar, not a slip: "had had" is the past perfect of "have"
 * ("If the contractors had had these edits"), written so by any careful writer.
 */
export const ENGLISH_GRAMMATICAL_DOUBLINGS = phraseList(['had']);

// Vocabularies of document structure, read by src/facts/outline.ts and src/facts/paragraphs.ts.
// Boilerplate is recognised by its shape first (short label-value lines, lines repeated under
// every sibling, footnotes, signature blocks, repeated table headers); these lists only name what
// the numbering system and the standard layout of administrative texts (ND 30/2020, HD 36) fix.

import { phraseList } from './build.js';

/** A line opening a new context when it starts with one of these (capitalised): articles, chapters, parts, annexes, forms. Lists below it start afresh. */
export const CONTEXT_WORDS = phraseList([
  'điều', 'chương', 'mục', 'phần', 'phụ lục',
  'article', 'section', 'chapter', 'part', 'appendix', 'annex',
]);

/** A line opening a form (mẫu số 01, Mẫu B05-TS): its lines repeat by design. */
export const FORM_WORDS = phraseList(['mẫu']);

/** Marks of a consolidated text (văn bản hợp nhất, symbol …/VBHN-…): its numbering follows the amended documents, and its footnotes quote their legal bases. Read in the header only. */
export const CONSOLIDATED_MARKERS = phraseList(['văn bản hợp nhất', 'vbhn']);

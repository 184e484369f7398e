// The phrase vocabularies of the facts, as named data. One file per family, each owned by the
// facts that read it; `phraseList` (build.ts) turns a list into a matcher. Add a word to a list
// only when the reason holds for every document (a rule of the language, of report writing or
// of document numbering), never because one document needs it.

export { phraseList, type PhraseList, type PhraseMatch } from './build.js';

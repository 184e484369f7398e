// Where the planter's lexicon lives: bench/accuracy/lexicon.json, committed, stamped with a
// signature of the corpus it was counted from (paths and sizes of the documents counted). The
// full form rebuilds it only when the corpus changed; the short form uses it as committed.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HERE } from './corpus.mjs';
import { buildLexicon, countText, newTally } from './lexicon.mjs';

export const LEXICON = join(HERE, 'lexicon.json');

/**
 * The documents counted: not the OCR folder, and not pjj-tax-doc either (Word conversions of the
 * same tax collection, many with lost or misplaced marks: "Cục Thuê", "đên"), so that a syllable
 * the lexicon calls real is one that clean text writes.
 */
export function lexiconDocs(docs) {
  return docs.filter((d) => !d.ocr && !d.rel.startsWith('large/vi/pjj-tax-doc/'));
}

export function corpusSignature(docs) {
  const h = createHash('sha256');
  for (const d of lexiconDocs(docs)) h.update(`${d.rel}\t${d.bytes}\n`);
  return h.digest('hex').slice(0, 16);
}

export function loadLexicon({ short, docs, root, log = () => {} }) {
  const have = existsSync(LEXICON) ? JSON.parse(readFileSync(LEXICON, 'utf8')) : undefined;
  if (short || docs.length === 0) {
    if (!have) throw new Error(`${LEXICON} is missing: run the full form once (npm run accuracy) to build it`);
    return { path: LEXICON, lexicon: have };
  }
  const signature = corpusSignature(docs);
  if (have && have.signature === signature) return { path: LEXICON, lexicon: have };
  const use = lexiconDocs(docs);
  log(`  building the lexicon from ${use.length} documents (corpus signature ${signature})`);
  const tally = newTally();
  for (const d of use) countText(tally, readFileSync(join(root, d.rel), 'utf8'));
  const lex = { signature, ...buildLexicon(tally) };
  writeFileSync(LEXICON, JSON.stringify(lex) + '\n');
  return { path: LEXICON, lexicon: lex };
}

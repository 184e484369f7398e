// Where the planter's lexicon lives: bench/accuracy/lexicon.json, committed, stamped with a
// signature of the corpus it was counted from (paths and sizes, the OCR folder left out). The
// full form rebuilds it only when the corpus changed; the short form uses it as committed.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HERE } from './corpus.mjs';
import { buildLexicon, countText, newTally } from './lexicon.mjs';

export const LEXICON = join(HERE, 'lexicon.json');

export function corpusSignature(docs) {
  const h = createHash('sha256');
  for (const d of docs) if (!d.ocr) h.update(`${d.rel}\t${d.bytes}\n`);
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
  log(`  building the lexicon from ${docs.filter((d) => !d.ocr).length} documents (corpus signature ${signature})`);
  const tally = newTally();
  for (const d of docs) if (!d.ocr) countText(tally, readFileSync(join(root, d.rel), 'utf8'));
  const lex = { signature, ...buildLexicon(tally) };
  writeFileSync(LEXICON, JSON.stringify(lex) + '\n');
  return { path: LEXICON, lexicon: lex };
}

// Vocabulary of table rows, read by facts/figures-tables.ts: the cue that opens the rows
// detailing the row above them ("Bao gồm:" lists all of it, "Trong đó:" only some of it). The
// labels of total, subtotal and subset rows themselves are in lexicon/figures.ts.

import { phraseList } from './build.js';

/** A row label that starts the complete list of what the row above is made of. */
export const TABLE_COMPLETE_CUES = phraseList(['bao gồm', 'gồm', 'gồm có', 'chia ra', 'chia theo', 'comprising', 'consisting of']);

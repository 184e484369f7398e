// Builds src/data/vi-lm.ts, the syllable language model the word rules consult (facts/language.ts):
// unigram and bigram counts (occurrences and documents) of lower-case, tone-canonical syllables
// from the text of state documents in ../shared/corpus/large and ../shared/corpus/real (not
// protected by copyright: Luật Sở hữu trí tuệ, Điều 15), leaving out the damaged folders
// vi/pjj-tax-pdf and vi/pjj-tax-doc (see EXCLUDED) and any other document whose share of unknown
// syllables shows it is OCR output, plus the contexts of repeated syllables and words (what repeated-word needs). Pruned by documents,
// never by one document's own repeats: a unigram or bigram is kept only when 2+ documents write it.
// Deterministic: files in path order, tables sorted by code unit, no clock, no locale.
//
// Run: npm run lexicon   (= npm run build && node scripts/build-lexicon.mjs)
//   [--corpus <dir>] [--out <file>] [--limit <n>] [--check]
//   --limit n   only the first n documents of each source (a small slice, for the tests)
//   --check     build in memory and compare with --out byte for byte (exit 1 when they differ)

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalTone, isSyllable } from '../dist/facts/vietnamese.js';

/** The corpus folders read, in this order; each document is marked with its source's bit. */
export const SOURCES = [
  { id: 'large/tnt305-tvpl', dir: 'large/vi/tnt305-tvpl' },
  { id: 'large/uts-vlc', dir: 'large/vi/uts-vlc' },
  { id: 'real/vi', dir: 'real/vi' },
  { id: 'real/en', dir: 'real/en' },
];
/**
 * Left out. vi/pjj-tax-pdf is OCR output (../shared/corpus/large/SOURCES.md). vi/pjj-tax-doc came
 * from Word files that were themselves OCR'd or retyped: half its documents write 17 or more
 * distinct unknown lower-case syllables per 10,000 marked words (thué, sé, xuắt), where every
 * other source's median is 0 and its 95th percentile under 10; and it loses diacritics into
 * valid syllables (Bộ Kê hoạch) that no per-document filter can see. Counted, it would teach the
 * model damaged pairs as attested ones.
 */
export const EXCLUDED = ['large/vi/pjj-tax-pdf', 'large/vi/pjj-tax-doc'];

/** Pruning: a unigram, bigram or repeat context is kept when at least this many documents write it. */
export const MIN_DOCS = 2;
/**
 * Phrases of three syllables whose two pairs each belong together (theo quy định, uỷ ban nhân):
 * kept when MIN_DOCS documents write them and both pairs have a bond (max of the two conditional
 * probabilities) of at least this. repeated-word reads them: "theo quy quy định" breaks a phrase.
 */
export const PHRASE_BOND = 0.1;
/**
 * ... and phrases that are the near-only context of one of their pairs, whatever the bonds: kept
 * when this many documents write the phrase and it takes this share of the documents of its rarer
 * pair ("cho tổ chức": 178 of the 181 documents writing "cho tổ"; "cơ quan quản": 218 of 221 of
 * "quan quản"). A pair that lives only inside one phrase is no word of its own: repeated-word
 * reads "cho tổ tổ chức" as that phrase with a syllable typed twice, not two words meeting.
 */
export const DOMINANT = { minDocs: 3, share: 0.9 };
/** A word before two-syllable doublings is a doubling head when this many different words are doubled after it (2 lets in the corpus's own slips: "trong công tác công tác"). */
export const HEAD_UNITS = 3;
/** A document whose share of unknown marked lower-case words is at least this is OCR output and is not counted. */
export const OCR_SHARE = 0.01;
/** ... when it has at least this many such words (a short letter with two slips is no OCR). */
export const OCR_MIN_UNKNOWN = 20;

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const DIGIT = /\p{N}/u;
const MARKED = /[^\x00-\x7f]/;
/** Numbers are one word class in the model. */
export const NUMBER = '#';

/** The documents of the corpus, in a fixed order: { path (relative), source (index), text (NFC) }. */
export function listDocuments(corpus, limit = Infinity) {
  const docs = [];
  SOURCES.forEach((s, source) => {
    const names = readdirSync(resolve(corpus, s.dir)).filter((f) => f.endsWith('.txt')).sort();
    for (const name of names.slice(0, limit)) {
      const text = readFileSync(resolve(corpus, s.dir, name), 'utf8').normalize('NFC');
      docs.push({ path: `${s.dir}/${name}`, source, text });
    }
  });
  return docs;
}

/** A token as the model knows it: lower case, tone placement canonical (hoà), numbers as '#'. */
export function modelWord(raw) {
  if (DIGIT.test(raw)) return NUMBER;
  return canonicalTone(raw.toLowerCase());
}

/**
 * The lines of a text as runs of words read one after the other: the runtime's adjacency (two
 * tokens of one block separated by exactly one space). Each run is an array of model words;
 * `raw` gives the tokens as written, for the OCR share.
 */
export function runs(text) {
  const out = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    let run = [];
    let prevEnd = -1;
    for (const m of line.matchAll(TOKEN)) {
      const adjacent = prevEnd >= 0 && m.index === prevEnd + 1 && line[prevEnd] === ' ';
      if (!adjacent && run.length) {
        out.push(run);
        run = [];
      }
      run.push(m[0]);
      prevEnd = m.index + m[0].length;
    }
    if (run.length) out.push(run);
  }
  return out;
}

/** Share of unknown syllables among the marked lower-case words of a document (OCR damage). */
export function unknownShare(docRuns) {
  let checked = 0;
  let unknown = 0;
  for (const run of docRuns)
    for (const raw of run) {
      if (raw.length < 2 || DIGIT.test(raw) || !MARKED.test(raw) || raw !== raw.toLowerCase()) continue;
      checked++;
      if (!isSyllable(raw)) unknown++;
    }
  return { checked, unknown, share: checked ? unknown / checked : 0 };
}

function bump(map, key, doc, source) {
  const e = map.get(key);
  if (!e) map.set(key, { count: 1, docs: 1, last: doc, sources: 1 << source });
  else {
    e.count++;
    if (e.last !== doc) {
      e.docs++;
      e.last = doc;
    }
    e.sources |= 1 << source;
  }
}

/**
 * Counts over documents: unigrams, bigrams, and repeat contexts (a syllable or a two-syllable
 * word written twice in a row, with the word before and after). Documents that look like OCR
 * output are skipped and listed in `skipped`.
 */
export function count(docs) {
  const uni = new Map();
  const bi = new Map();
  const rep = new Map();
  // trigrams by numbers (a * 2^34 + b * 2^17 + c) over a document-wide word numbering
  const num = new Map();
  const numOf = (w) => {
    let n = num.get(w);
    if (n === undefined) {
      num.set(w, (n = num.size));
      if (n >= 1 << 17) throw new Error('build-lexicon: too many distinct words for trigram keys');
    }
    return n;
  };
  const tri = new Map();
  const heads = new Map();
  const headUnits = new Map();
  const skipped = [];
  let counted = 0;
  let tokens = 0;
  const sourceTokens = SOURCES.map(() => 0);
  docs.forEach((d, doc) => {
    const docRuns = runs(d.text);
    const u = unknownShare(docRuns);
    if (u.unknown >= OCR_MIN_UNKNOWN && u.share >= OCR_SHARE) {
      skipped.push(d.path);
      return;
    }
    counted++;
    for (const raw of docRuns) {
      const run = raw.map(modelWord);
      tokens += run.length;
      sourceTokens[d.source] += run.length;
      const ns = run.map(numOf);
      for (let i = 0; i < run.length; i++) {
        bump(uni, run[i], doc, d.source);
        if (i > 0) bump(bi, `${run[i - 1]} ${run[i]}`, doc, d.source);
        if (i > 1) bump(tri, ns[i - 2] * 2 ** 34 + ns[i - 1] * 2 ** 17 + ns[i], doc, d.source);
        // a syllable written twice: (before, word, word, after); '' when the run ends there
        if (i > 0 && run[i] === run[i - 1] && run[i] !== NUMBER) {
          bump(rep, `1|${run[i - 2] ?? ''}|${run[i]}|${run[i + 1] ?? ''}`, doc, d.source);
        }
        // a two-syllable word written twice: a b a b
        if (i > 2 && run[i] === run[i - 2] && run[i - 1] === run[i - 3] && run[i] !== run[i - 1]) {
          bump(rep, `2|${run[i - 4] ?? ''}|${run[i - 1]} ${run[i]}|${run[i + 1] ?? ''}`, doc, d.source);
          // the word before it, whatever the word: "người khiếu nại | khiếu nại", "người yêu cầu | yêu cầu"
          if (i > 3 && run[i - 4] !== NUMBER) {
            bump(heads, run[i - 4], doc, d.source);
            const units = headUnits.get(run[i - 4]) ?? headUnits.set(run[i - 4], new Set()).get(run[i - 4]);
            units.add(`${run[i - 1]} ${run[i]}`);
          }
        }
      }
    }
  });
  for (const [w, e] of heads) e.units = headUnits.get(w).size;
  return { documents: counted, tokens, sourceTokens, skipped, uni, bi, rep, tri, heads, words: [...num.keys()] };
}

// ---- encoding: unsigned LEB128 varints, base64 ----

class Bytes {
  constructor() {
    this.buf = new Uint8Array(1 << 16);
    this.length = 0;
  }
  push(b) {
    if (this.length === this.buf.length) {
      const n = new Uint8Array(this.buf.length * 2);
      n.set(this.buf);
      this.buf = n;
    }
    this.buf[this.length++] = b;
  }
  varint(n) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`varint: ${n}`);
    while (n >= 0x80) {
      this.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.push(n);
  }
  base64() {
    return Buffer.from(this.buf.subarray(0, this.length)).toString('base64');
  }
}

/** Bigram occurrences in one byte: round(log(count) / log(COUNT_BASE)), within 3 % of the count (exact up to 17). */
export const COUNT_BASE = 1.06;
export function countCode(n) {
  return Math.min(255, Math.round(Math.log(n) / Math.log(COUNT_BASE)));
}

const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** Bond of a counted pair: the larger of P(y | x) and P(x | y) over the exact counts (0 when the pair is not counted). */
function bondOf(c) {
  const count1 = (w) => c.uni.get(w).count;
  return (x, y) => {
    const e = c.bi.get(`${x} ${y}`);
    return e ? Math.max(e.count / count1(x), e.count / count1(y)) : 0;
  };
}

/** The three words of a trigram key of `count` (a * 2^34 + b * 2^17 + c over the document-wide numbering). */
function trigramWords(c, k) {
  return [c.words[Math.floor(k / 2 ** 34)], c.words[Math.floor(k / 2 ** 17) % 2 ** 17], c.words[k % 2 ** 17]];
}

/**
 * The pruned tables. Words: kept when MIN_DOCS documents write them, in code-unit order (a word's
 * id is its position; the runtime finds it by binary search, with no map to build). Bigrams: both
 * words kept and MIN_DOCS documents. Repeat contexts: MIN_DOCS documents; a context word outside
 * the vocabulary is stored as "any other word".
 */
export function prune(c) {
  const words = [...c.uni.entries()].filter(([, e]) => e.docs >= MIN_DOCS);
  words.sort((a, b) => byCodeUnit(a[0], b[0]));
  const id = new Map(words.map(([w], i) => [w, i]));
  const bigrams = [];
  for (const [k, e] of c.bi) {
    if (e.docs < MIN_DOCS) continue;
    const sp = k.indexOf(' ');
    const a = id.get(k.slice(0, sp));
    const b = id.get(k.slice(sp + 1));
    if (a === undefined || b === undefined) continue;
    bigrams.push([a, b, e]);
  }
  bigrams.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const repeats = [];
  for (const [k, e] of c.rep) {
    if (e.docs < MIN_DOCS) continue;
    const [n, before, unit, after] = k.split('|');
    const ids = unit.split(' ').map((w) => id.get(w));
    if (ids.some((x) => x === undefined)) continue;
    const ctx = (w) => (w === '' ? 0 : (id.get(w) ?? -1) + 2); // 0 none, 1 other word, 2+ id
    repeats.push([Number(n), ids[0], ids[1] ?? 0, ctx(before), ctx(after), e]);
  }
  // doubling heads (n = 3): a word the corpus writes before two-syllable doublings of HEAD_UNITS
  // different words in MIN_DOCS documents (người: "người khiếu nại khiếu nại", "người yêu cầu yêu cầu");
  // the unit slot holds the number of different words doubled after it
  for (const [w, e] of c.heads ?? []) {
    const x = id.get(w);
    if (x === undefined || e.docs < MIN_DOCS || e.units < HEAD_UNITS) continue;
    repeats.push([3, x, e.units, 0, 0, e]);
  }
  repeats.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3] || x[4] - y[4]);
  const bond = bondOf(c);
  const phrases = [];
  for (const [k, e] of c.tri) {
    if (e.docs < MIN_DOCS) continue;
    const [x, y, z] = trigramWords(c, k);
    const ids = [id.get(x), id.get(y), id.get(z)];
    if (ids.some((v) => v === undefined)) continue;
    const bonded = bond(x, y) >= PHRASE_BOND && bond(y, z) >= PHRASE_BOND;
    const rarer = Math.min(c.bi.get(`${x} ${y}`).docs, c.bi.get(`${y} ${z}`).docs);
    const dominant = e.docs >= DOMINANT.minDocs && e.docs >= DOMINANT.share * rarer && x !== NUMBER && y !== NUMBER && z !== NUMBER;
    if (!bonded && !dominant) continue;
    phrases.push([...ids, e, bonded]);
  }
  phrases.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
  return { words, bigrams, repeats, phrases };
}

/**
 * Per bigram (model ids a b): of its occurrences with a word before it, the percent where a
 * belongs with that word (bond of at least PHRASE_BOND), and of those with a word after it, the
 * percent where b belongs with that one; 255 when there is none. Read from the full trigram counts.
 */
export function boundShares(c, words) {
  const id = new Map(words.map(([w], i) => [w, i]));
  const bond = bondOf(c);
  const key = (a, b) => a * 65536 + b;
  const leftAll = new Map();
  const leftBound = new Map();
  const rightAll = new Map();
  const rightBound = new Map();
  const add = (m, k, n) => m.set(k, (m.get(k) ?? 0) + n);
  for (const [k, e] of c.tri) {
    const [x, y, z] = trigramWords(c, k);
    const X = id.get(x);
    const Y = id.get(y);
    const Z = id.get(z);
    if (Y === undefined) continue;
    if (Z !== undefined) {
      add(leftAll, key(Y, Z), e.count);
      if (x !== y && bond(x, y) >= PHRASE_BOND) add(leftBound, key(Y, Z), e.count);
    }
    if (X !== undefined) {
      add(rightAll, key(X, Y), e.count);
      if (z !== y && bond(y, z) >= PHRASE_BOND) add(rightBound, key(X, Y), e.count);
    }
  }
  const share = (all, part, a, b) => {
    const n = all.get(key(a, b));
    return n ? Math.floor((100 * (part.get(key(a, b)) ?? 0)) / n) : 255;
  };
  return { left: (a, b) => share(leftAll, leftBound, a, b), right: (a, b) => share(rightAll, rightBound, a, b) };
}

/** The model's three parts: `info` (what it was built from), `words` (the vocabulary) and `data` (base64 tables). */
export function encodeParts(c, meta = {}) {
  const { words, bigrams, repeats, phrases } = prune(c);
  // for each word, the share (percent) of its occurrences taken by its most frequent follower and
  // predecessor: a word by itself (của, và) has no dominant neighbour; a syllable of compounds has one
  const lead = new Map();
  const trail = new Map();
  for (const [k, e] of c.bi) {
    const sp = k.indexOf(' ');
    const x = k.slice(0, sp);
    const y = k.slice(sp + 1);
    if (e.count > (lead.get(x) ?? 0)) lead.set(x, e.count);
    if (e.count > (trail.get(y) ?? 0)) trail.set(y, e.count);
  }
  const V = words.length;
  const B = bigrams.length;
  const P = phrases.length;
  if (V >= 1 << 16 || c.documents >= 1 << 16) throw new Error('build-lexicon: ids and document counts must fit 16 bits');
  // fixed-width little-endian tables, each starting at a multiple of 4 bytes, so the runtime makes
  // typed arrays of them without parsing; then the small repeat table as varints
  const out = new Bytes();
  const u8 = (n) => out.push(n & 0xff);
  const u16 = (n) => (u8(n), u8(n >>> 8));
  const u32 = (n) => (u16(n & 0xffff), u16(n >>> 16));
  const align = () => {
    while (out.length % 4) out.push(0);
  };
  for (const n of [V, B, repeats.length, P]) u32(n);
  for (const [, e] of words) u32(e.count);
  for (const [, e] of words) u16(e.docs);
  align();
  for (const [, e] of words) u8(e.sources);
  for (const [w, e] of words) u8(Math.round((100 * (lead.get(w) ?? 0)) / e.count));
  for (const [w, e] of words) u8(Math.round((100 * (trail.get(w) ?? 0)) / e.count));
  align();
  // bigrams sorted by (first, second): where each first word's row starts, the second words, documents, occurrences
  let row = 0;
  for (let a = 0; a <= V; a++) {
    while (row < B && bigrams[row][0] < a) row++;
    u32(row);
  }
  for (const [, b] of bigrams) u16(b);
  align();
  for (const [, , e] of bigrams) u16(e.docs);
  align();
  for (const [, , e] of bigrams) u8(countCode(e.count));
  align();
  // for each bigram a b, the share (percent, rounded down; 255 when never written after or before
  // a word) of its occurrences where a belongs with the word before it, and where b belongs with
  // the word after it (bond PHRASE_BOND): "dụng mức" is written only as "sử/áp dụng mức", "không
  // thực" only as "không thực hiện/tế": repeated-word reads "áp dụng dụng mức" by it
  const bound = boundShares(c, words);
  for (const [a, b] of bigrams) u8(bound.left(a, b));
  align();
  for (const [a, b] of bigrams) u8(bound.right(a, b));
  align();
  // phrases sorted by (a, b, c): the three words and the documents
  for (let k = 0; k < 3; k++) {
    for (const ph of phrases) u16(ph[k]);
    align();
  }
  // documents, with bit 15 set on a phrase kept as dominant only (its pairs are not both bonded)
  for (const ph of phrases) u16(ph[3].docs | (ph[4] ? 0 : 0x8000));
  align();
  // repeat contexts: n, unit ids, before, after, documents, occurrences - documents
  for (const [n, a, b, before, after, e] of repeats) {
    out.varint(n);
    out.varint(a);
    out.varint(b);
    out.varint(before);
    out.varint(after);
    out.varint(e.docs);
    out.varint(e.count - e.docs);
  }
  const info = {
    documents: c.documents,
    tokens: c.tokens,
    sourceTokens: c.sourceTokens,
    ocrSkipped: c.skipped.length,
    words: words.length,
    bigrams: bigrams.length,
    repeats: repeats.length,
    phrases: phrases.length,
    minDocs: MIN_DOCS,
    phraseBond: PHRASE_BOND,
    dominant: DOMINANT,
    countBase: COUNT_BASE,
    sources: SOURCES.map((s) => s.id),
    ...meta,
  };
  return { info, words: words.map(([w]) => w).join(' '), data: out.base64() };
}

export function encode(c, meta) {
  const { info, words, data } = encodeParts(c, meta);
  const lines = [];
  for (let k = 0; k < data.length; k += 100) lines.push(`  '${data.slice(k, k + 100)}',`);
  // the vocabulary, 16 words a line (the words are letters and digits only: nothing to escape);
  // both long strings as arrays joined, not `+` chains (a chain of thousands nests too deep for parsers)
  const list = words.split(' ');
  const vocab = [];
  for (let k = 0; k < list.length; k += 16) vocab.push(`  '${list.slice(k, k + 16).join(' ')}${k + 16 < list.length ? ' ' : ''}',`);
  return (
    `// Generated by scripts/build-lexicon.mjs from the text of state documents (../shared/corpus,\n` +
    `// see docs/rules/spelling.md "Language model"): do not edit. ${info.words} words, ${info.bigrams} bigrams,\n` +
    `// ${info.repeats} repeat contexts, ${info.phrases} phrases, from ${info.documents} documents (${info.ocrSkipped} OCR-damaged ones left out).\n` +
    `export const LM_INFO = ${JSON.stringify(info)} as const;\n` +
    `/** The vocabulary in code-unit order, one space between words (a word's id is its position). */\n` +
    `export const LM_WORDS = [\n${vocab.join('\n')}\n].join('');\n` +
    `/** Varint tables (see facts/language.ts), base64. */\n` +
    `export const LM_DATA = [\n${lines.join('\n')}\n].join('');\n`
  );
}

export function build({ corpus, limit = Infinity }) {
  const docs = listDocuments(corpus, limit);
  const c = count(docs);
  return { module: encode(c, limit === Infinity ? {} : { slice: limit }), counts: c, docs };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const k = args.indexOf(name);
    return k >= 0 ? args[k + 1] : dflt;
  };
  const here = fileURLToPath(new URL('.', import.meta.url));
  const corpus = resolve(opt('--corpus', resolve(here, '../../shared/corpus')));
  const out = resolve(opt('--out', resolve(here, '../src/data/vi-lm.ts')));
  const limit = opt('--limit') ? Number(opt('--limit')) : Infinity;
  const t0 = performance.now();
  const { module, counts } = build({ corpus, limit });
  if (args.includes('--check')) {
    const same = existsSync(out) && readFileSync(out, 'utf8') === module;
    console.log(`${out}: ${same ? 'identical to a rebuild' : 'DIFFERS from a rebuild'} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(out, module);
  console.log(
    `${out}: ${counts.documents} documents (${counts.skipped.length} OCR-damaged left out), ${counts.tokens} tokens, ` +
      `${(module.length / 1024).toFixed(0)} KiB, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  for (const p of counts.skipped) console.log(`  left out (OCR): ${p}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

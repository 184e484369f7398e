// Paragraph units (a paragraph or list item, joined with the blocks it continues into), their
// normalised keys and word 3-shingles, and the repeats among them: exact repeats by key, near
// repeats (Jaccard >= threshold) by a prefix-filtered shingle index, near linear in practice.

import { defineFact } from '../engine/facts.js';
import type { Block, Document, Span } from '../parse/document.js';

export interface ParagraphUnit {
  index: number;
  /** Blocks of the unit (more than one when a paragraph was broken by a page break). */
  blocks: number[];
  /** From the first block's content start to the last block's content end. */
  span: Span;
  /** Normalised text: lower case, white space collapsed, trailing punctuation removed. */
  key: string;
  /** The content text as written (blocks joined by one space). */
  raw: string;
  words: number;
  /** The unit's distinct word 3-shingles as sorted ranks (rarest shingle of the document first); empty below the minimum length. */
  shingles: Int32Array;
  /** The figures in the unit, in order (two near repeats with different figures are parallel statements). */
  figures: string;
  /** A figure note, source line or footnote: repeated by design, never compared. */
  note: boolean;
}

export interface Repeat {
  /** The later copy (unit index). */
  later: number;
  /** The first earlier copy it repeats (unit index). */
  earlier: number;
  exact: boolean;
  /** Jaccard similarity of the shingle sets (1 for exact repeats). */
  similarity: number;
}

export interface ParagraphIndex {
  units: ParagraphUnit[];
  /** Unit index per block index (-1 for blocks that are no unit: headings, tables). */
  unitOfBlock: Int32Array;
  /** At most one per later unit, in document order. */
  repeats: Repeat[];
}

/** Passages shorter than this (in words) are never compared. */
export const MIN_WORDS = 8;
export const NEAR_THRESHOLD = 0.9;
/** How many earlier entries of one shingle's posting list are compared at most (keeps adversarial input linear). */
const POSTING_CAP = 32;

/** Figure notes, sources and footnotes ("Note:", "Source:", "Nguồn:", "[3] ...", "28 According ...", "a NAIC data ..."). */
const NOTE_RE = /^(?:(?:Notes?|Sources?|Nguồn|Ghi chú)\s*:|\[\d{1,3}\]|\d{1,3}[ \t]+\p{Lu}|[a-z][ \t]+\p{Lu})/u;
const TRAILING = new Set([' ', '.', ',', ';', ':', '!', '?', '…']);

/** Lower case, white space collapsed, trailing punctuation removed. `s` is NFC already (document text). */
export function normaliseKey(s: string): string {
  const t = s.toLowerCase();
  // common case: single plain spaces only, nothing to collapse
  let plain = true;
  for (let i = 0; i < t.length && plain; i++) {
    const c = t.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || t.charCodeAt(i + 1) === 32)) plain = false;
  }
  if (plain) return trimKey(t);
  let out = '';
  let from = 0;
  let i = 0;
  // collapse each run of white space to one space, by slices (a regex is several times slower here)
  while (i < t.length) {
    if (isSpace(t.charCodeAt(i))) {
      let j = i + 1;
      while (j < t.length && isSpace(t.charCodeAt(j))) j++;
      out += t.slice(from, i) + ' ';
      from = j;
      i = j;
    } else i++;
  }
  out += t.slice(from);
  return trimKey(out);
}

function trimKey(out: string): string {
  let end = out.length;
  while (end > 0 && TRAILING.has(out[end - 1])) end--;
  let start = 0;
  while (start < end && out[start] === ' ') start++;
  return out.slice(start, end);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

// 1 = letter, digit or mark; 2 = anything else; 0 = not classified yet (filled on first sight)
const CLASS = new Uint8Array(65536);
const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let k = CLASS[c];
  if (k === 0) {
    k = WORD_CHAR_RE.test(String.fromCharCode(c)) || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
    CLASS[c] = k;
  }
  return k === 1;
}

function isJoiner(c: number): boolean {
  return c === 46 || c === 44 || c === 47 || c === 39 || c === 0x2019 || c === 45; // . , / ' ’ -
}

/** Lower-cased words: runs of letters and digits, joined across one `.,/'’-` between them (so 19.870,477 and 164-TB/TU are one word). */
export function words(s: string): string[] {
  const t = s.toLowerCase();
  const out: string[] = [];
  let i = 0;
  const n = t.length;
  while (i < n) {
    if (!isWordChar(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordChar(t.charCodeAt(i))) i++;
      if (i + 1 < n && isJoiner(t.charCodeAt(i)) && isWordChar(t.charCodeAt(i + 1))) i++;
      else break;
    }
    out.push(t.slice(start, i));
  }
  return out;
}

/** Jaccard similarity of two sorted arrays of distinct numbers. */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

function isUnitBlock(b: Block): boolean {
  return b.kind === 'paragraph' || b.kind === 'list-item';
}

/** Builds paragraph units from the document's blocks. */
export function buildUnits(doc: Document): { units: ParagraphUnit[]; unitOfBlock: Int32Array; tokens: Int32Array[] } {
  const units: ParagraphUnit[] = [];
  const tokens: Int32Array[] = [];
  const unitOfBlock = new Int32Array(doc.blocks.length).fill(-1);
  const blocks = doc.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!isUnitBlock(b)) continue;
    const members = [i];
    let raw = b.text;
    while (blocks[members[members.length - 1]].continues && members[members.length - 1] + 1 < blocks.length) {
      const next = blocks[members[members.length - 1] + 1];
      if (next.kind === 'table') break;
      members.push(next.index);
      raw += ' ' + next.text;
    }
    const last = blocks[members[members.length - 1]];
    const scan = scanWords(raw.toLowerCase());
    const unit: ParagraphUnit = {
      index: units.length,
      blocks: members,
      span: { start: b.content.start, end: last.content.end },
      key: normaliseKey(raw),
      raw,
      words: scan.hashes.length,
      shingles: new Int32Array(0),
      figures: scan.figures,
      note: NOTE_RE.test(raw),
    };
    for (const m of members) unitOfBlock[m] = unit.index;
    units.push(unit);
    tokens.push(scan.hashes);
    i = members[members.length - 1];
  }
  return { units, unitOfBlock, tokens };
}

/** The words of a lower-cased text (as `words` reads them) as 32-bit FNV-1a hashes, and its figures (words with a digit) joined by spaces. */
let scratch = new Int32Array(4096);

function scanWords(t: string): { hashes: Int32Array; figures: string } {
  let out = scratch;
  let n = 0;
  let figures = '';
  let i = 0;
  const len = t.length;
  while (i < len) {
    if (!isWordChar(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    let digit = false;
    for (;;) {
      while (i < len) {
        const c = t.charCodeAt(i);
        if (!isWordChar(c)) break;
        if (c >= 48 && c <= 57) digit = true;
        h = Math.imul(h ^ c, 0x01000193);
        i++;
      }
      if (i + 1 < len && isJoiner(t.charCodeAt(i)) && isWordChar(t.charCodeAt(i + 1))) {
        h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
        i++;
      } else break;
    }
    if (n === out.length) {
      const grown = new Int32Array(n * 2);
      grown.set(out);
      out = scratch = grown;
    }
    out[n++] = h;
    if (digit) figures += (figures ? ' ' : '') + t.slice(start, i);
  }
  return { hashes: out.slice(0, n), figures };
}

/**
 * Gives each unit its set of shingles as sorted ranks: shingles are interned to dense ids, and
 * ids are ranked by document frequency (rarest first), so the first entries of a unit's array
 * are its rarest shingles (the prefix the join indexes) and Jaccard is a merge of sorted ints.
 */
function shingleUnits(units: ParagraphUnit[], tokens: Int32Array[], minWords: number): void {
  // a shingle's key is a 30-bit mix of its three word hashes (a small integer, fast as a map
  // key); a rare collision can only merge two shingles of ~800,000, not change a finding's kind
  // open-addressing table from shingle key to dense id (a Map of ~10^6 entries costs several
  // times more, mostly in garbage collection)
  let total = 0;
  for (const u of units) if (u.words >= minWords) total += Math.max(0, tokens[u.index].length - 2);
  let size = 1024;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  const slotKey = new Int32Array(size).fill(-1);
  const slotId = new Int32Array(size);
  let nextId = 0;
  const raw: Int32Array[] = [];
  let df = new Int32Array(1024);
  for (const u of units) {
    const w = tokens[u.index];
    if (u.words < minWords || w.length < 3) {
      raw.push(new Int32Array(0));
      continue;
    }
    const ids = new Int32Array(w.length - 2);
    for (let k = 0; k + 2 < w.length; k++) {
      let h = Math.imul(w[k], 0x9e3779b1);
      h = Math.imul(h ^ w[k + 1], 0x85ebca6b);
      h = Math.imul(h ^ w[k + 2], 0xc2b2ae35);
      const key = (h ^ (h >>> 15)) & 0x3fffffff;
      let slot = Math.imul(key, 0x9e3779b1) & mask;
      while (slotKey[slot] !== -1 && slotKey[slot] !== key) slot = (slot + 1) & mask;
      if (slotKey[slot] === -1) {
        slotKey[slot] = key;
        slotId[slot] = nextId++;
      }
      ids[k] = slotId[slot];
    }
    ids.sort();
    let m = 0;
    for (let k = 0; k < ids.length; k++) if (k === 0 || ids[k] !== ids[k - 1]) ids[m++] = ids[k];
    const set = ids.subarray(0, m);
    if (nextId > df.length) {
      const grown = new Int32Array(Math.max(nextId, df.length * 2));
      grown.set(df);
      df = grown;
    }
    for (let k = 0; k < m; k++) df[set[k]]++;
    raw.push(set);
  }
  // rank ids by (frequency, id) with a counting sort on frequency
  const count = nextId;
  let maxDf = 0;
  for (let i = 0; i < count; i++) if (df[i] > maxDf) maxDf = df[i];
  const start = new Int32Array(maxDf + 2);
  for (let i = 0; i < count; i++) start[df[i] + 1]++;
  for (let f = 1; f < start.length; f++) start[f] += start[f - 1];
  const rank = new Int32Array(count);
  for (let i = 0; i < count; i++) rank[i] = start[df[i]]++;
  for (const u of units) {
    const set = raw[u.index];
    const ranked = new Int32Array(set.length);
    for (let k = 0; k < set.length; k++) ranked[k] = rank[set[k]];
    ranked.sort();
    u.shingles = ranked;
  }
}

/**
 * Finds repeats. Exact repeats: equal keys. Near repeats: a prefix filter (two sets with
 * Jaccard >= t share a shingle among the first |x| - ceil(t|x|) + 1 of each, in a global
 * rarest-first order), a length filter, and a cap on how much of each posting list is read.
 */
export function findRepeats(units: ParagraphUnit[], minWords = MIN_WORDS, threshold = NEAR_THRESHOLD): Repeat[] {
  const repeats: Repeat[] = [];
  // first unit per key, by a 32-bit hash of the key (small-integer map keys are much cheaper than
  // long strings); equal hashes are confirmed by comparing the keys
  const firstByHash = new Map<number, number[]>();
  const postings = new Map<number, number[]>();
  const seen = new Int32Array(units.length).fill(-1);
  for (const u of units) {
    if (u.words < minWords || u.note) continue;
    const h = hashString(u.key);
    const bucket = firstByHash.get(h);
    const first = bucket?.find((i) => units[i].key === u.key);
    if (first !== undefined) {
      repeats.push({ later: u.index, earlier: first, exact: true, similarity: 1 });
      continue; // an exact copy adds nothing new to the near index
    }
    if (bucket) bucket.push(u.index);
    else firstByHash.set(h, [u.index]);
    const x = u.shingles;
    const n = x.length;
    if (n === 0) continue;
    const prefix = n - Math.ceil(threshold * n) + 1;
    let best: Repeat | undefined;
    for (let p = 0; p < prefix; p++) {
      const list = postings.get(x[p]);
      if (!list) continue;
      for (let q = list.length - 1, c = 0; q >= 0 && c < POSTING_CAP; q--, c++) {
        const other = list[q];
        if (seen[other] === u.index) continue;
        seen[other] = u.index;
        const y = units[other].shingles;
        const m = y.length;
        if (m < threshold * n || n < threshold * m || units[other].figures !== u.figures) continue;
        const sim = jaccard(x, y);
        if (sim >= threshold && (!best || other < best.earlier)) best = { later: u.index, earlier: other, exact: false, similarity: sim };
      }
    }
    if (best) repeats.push(best);
    for (let p = 0; p < prefix; p++) {
      const list = postings.get(x[p]);
      if (list) list.push(u.index);
      else postings.set(x[p], [u.index]);
    }
  }
  return repeats;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

export function indexParagraphs(doc: Document, minWords = MIN_WORDS, threshold = NEAR_THRESHOLD): ParagraphIndex {
  const { units, unitOfBlock, tokens } = buildUnits(doc);
  shingleUnits(units, tokens, minWords);
  return { units, unitOfBlock, repeats: findRepeats(units, minWords, threshold) };
}

export const paragraphs = defineFact('paragraphs', (doc: Document): ParagraphIndex => indexParagraphs(doc));

/** Heading title key: the heading text without its marker, normalised. */
export function headingKey(b: Block): string {
  return normaliseKey(b.text.replace(/^[*_#\s]+|[*_#\s]+$/g, ''));
}

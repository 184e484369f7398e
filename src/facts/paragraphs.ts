// Paragraph units (a paragraph or list item, joined with the blocks it continues into), their
// normalised keys and word 3-shingles, and the repeats among them: exact repeats by key, near
// repeats (Jaccard >= threshold) by a prefix-filtered shingle index, near linear in practice, and
// lightly edited copies (a few words changed) by a word alignment with the few units before each
// one under the same parent. Each unit also says where it lies (body, preamble, form or annex,
// recipients block) and whether it is a short "label: value" line: places that repeat by design.

import { defineFact } from '../engine/facts.js';
import type { Block, Document, Span } from '../parse/document.js';
import { ASSIGNMENT_LABELS, NOTE_LABELS, RECIPIENT_LABELS } from './lexicon/structure.js';
import { isAnnexLine, isArticleLine, outline, type Outline } from './outline.js';

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
  /** The unit's words as 32-bit hashes, in order. */
  hashes: Int32Array;
}

/** Where a unit lies. `preamble`: before the outline starts (title, legal bases); `appendix`: after a form or annex line; `recipients`: a "Nơi nhận:" block. */
export type Zone = 'body' | 'preamble' | 'appendix' | 'recipients';

export interface UnitPlace {
  zone: Zone;
  /** A short "Label: value" line ("Cơ quan chủ trì: Sở Y tế", "Thời gian thực hiện: năm 2026"). */
  labelValue: boolean;
  /** Inside an article of a legal text ("Điều 5. …" up to the recipients block): parallel provisions repeat by design. */
  article: boolean;
}

/** A word that differs between two near copies: `from` in the earlier copy, `to` in the later (either may be empty). */
export interface WordChange {
  from: string;
  to: string;
}

export interface Repeat {
  /** The later copy (unit index). */
  later: number;
  /** The first earlier copy it repeats (unit index). */
  earlier: number;
  exact: boolean;
  /** Jaccard similarity of the shingle sets (1 for exact repeats). */
  similarity: number;
  /** For a lightly edited copy found by word alignment: the changed words, in order. */
  changes?: WordChange[];
}

export interface ParagraphIndex {
  units: ParagraphUnit[];
  /** Unit index per block index (-1 for blocks that are no unit: headings, tables). */
  unitOfBlock: Int32Array;
  /** At most one per later unit, in document order. */
  repeats: Repeat[];
}

export interface ParagraphFact extends ParagraphIndex {
  /** Per unit. */
  places: UnitPlace[];
  /** Per unit: the units near it under the same parent that share most of its words (a list written from one template: "Sắp xếp … xã A và xã B …", one line after another). */
  alike: number[][];
  /** Per unit: the units near it under the same parent that share nearly all its words (TWIN_SHARE): lines of one template that differ in a name or a number. */
  twins: number[][];
}

/** Passages shorter than this (in words) are never compared. */
export const MIN_WORDS = 8;
/** A lightly edited copy: at least this many words, at most EDIT_MAX words changed (and a fifth of them at most), within EDIT_WINDOW blocks under one parent. */
export const EDIT_MIN_WORDS = 12;
export const EDIT_MAX = 3;
const EDIT_WINDOW = 20;
/** The longest stretch between the first and the last change that is aligned word by word (the alignment is quadratic in it). */
const EDIT_SPAN = 160;
export const NEAR_THRESHOLD = 0.9;
/** How many earlier entries of one shingle's posting list are compared at most (keeps adversarial input linear). */
const POSTING_CAP = 32;

/** Footnotes by shape ("[3] ...", "28 According ...", "a NAIC data ..."); figure notes and sources by their label (NOTE_LABELS). */
const NOTE_RE = /^(?:\[\d{1,3}\]|\d{1,3}[ \t]+\p{Lu}|[a-z][ \t]+\p{Lu})/u;

function isNote(raw: string): boolean {
  if (NOTE_RE.test(raw)) return true;
  const m = NOTE_LABELS.at(raw);
  return m !== undefined && m.start === 0 && /^\s*:/.test(raw.slice(m.end));
}
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
      note: isNote(raw),
      hashes: scan.hashes,
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
    if (u.words < minWords) continue;
    const h = hashString(u.key);
    const bucket = firstByHash.get(h);
    const first = bucket?.find((i) => units[i].key === u.key);
    if (first !== undefined) {
      repeats.push({ later: u.index, earlier: first, exact: true, similarity: 1 });
      continue; // an exact copy adds nothing new to the near index
    }
    if (bucket) bucket.push(u.index);
    else firstByHash.set(h, [u.index]);
    if (u.note) continue; // a note is only compared word for word (see `paragraphs`)
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
  const repeats = findRepeats(units, minWords, threshold);
  findEdits(doc, units, repeats);
  return { units, unitOfBlock, repeats };
}

/**
 * Lightly edited copies: a unit that has no repeat yet is aligned word by word with the units of
 * at least EDIT_MIN_WORDS words before it under the same parent, within EDIT_WINDOW blocks, with
 * the same figures; a copy with at most EDIT_MAX words changed (and at most a fifth of its words)
 * is a repeat with its changes listed. The common head and tail are cut first, so the alignment
 * runs on the changed middle only: linear in the text.
 */
function findEdits(doc: Document, units: ParagraphUnit[], repeats: Repeat[]): void {
  const has = new Uint8Array(units.length);
  for (const r of repeats) has[r.later] = 1;
  const added: Repeat[] = [];
  for (const u of units) {
    if (has[u.index] || u.note || u.words < EDIT_MIN_WORDS) continue;
    const first = u.blocks[0];
    const parent = doc.blocks[first].parent;
    for (let k = u.index - 1; k >= 0; k--) {
      const e = units[k];
      if (first - e.blocks[e.blocks.length - 1] > EDIT_WINDOW) break;
      if (e.note || e.words < EDIT_MIN_WORDS || doc.blocks[e.blocks[0]].parent !== parent || e.figures !== u.figures) continue;
      const changes = wordEdits(e, u, u.index - k <= 2);
      if (!changes) continue;
      added.push({ later: u.index, earlier: e.index, exact: false, similarity: u.shingles.length && e.shingles.length ? jaccard(u.shingles, e.shingles) : 0, changes });
      break;
    }
  }
  if (!added.length) return;
  repeats.push(...added);
  repeats.sort((a, b) => a.later - b.later);
}

/** The changed words between two units when at most EDIT_MAX (and a fifth of the longer) changed, else undefined. */
function wordEdits(a: ParagraphUnit, b: ParagraphUnit, spread: boolean): WordChange[] | undefined {
  return changesBetween(a, b, Math.min(EDIT_MAX, Math.floor(Math.max(a.words, b.words) / 5)), spread);
}

/** The changed words between two units when at most `limit` words changed and the changes lie within a short stretch; else undefined. */
export function changesBetween(a: ParagraphUnit, b: ParagraphUnit, limit: number, spread = false): WordChange[] | undefined {
  const x = a.hashes;
  const y = b.hashes;
  if (Math.abs(x.length - y.length) > limit) return undefined;
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const mx = x.length - head - tail;
  const my = y.length - head - tail;
  if (mx === 0 && my === 0) return undefined; // same words: the exact index decides (punctuation differs)
  // the middle holds every change; an alignment of it (LCS) finds the words kept inside it. The
  // changes must lie within a short stretch, unless `spread` (a copy next to its original, or one
  // passage apart): then a middle of up to EDIT_SPAN words is aligned (quadratic, so bounded), when
  // the words' multisets differ by at most `limit` (a lower bound on the words changed)
  const stretch = 4 * limit + 8;
  if (mx > (spread ? EDIT_SPAN : stretch) || my > (spread ? EDIT_SPAN : stretch)) return undefined;
  if ((mx > stretch || my > stretch) && bagDifference(x.subarray(head, head + mx), y.subarray(head, head + my)) > limit) return undefined;
  const keep = lcs(x.subarray(head, head + mx), y.subarray(head, head + my));
  const changed = Math.max(mx, my) - keep.length;
  if (changed > limit) return undefined;
  const wa = wordsOf(a.raw);
  const wb = wordsOf(b.raw);
  if (wa.length !== x.length || wb.length !== y.length) return undefined;
  const out: WordChange[] = [];
  let i = 0;
  let j = 0;
  for (const [ki, kj] of [...keep, [mx, my]]) {
    if (i < ki || j < kj) out.push({ from: wa.slice(head + i, head + ki).join(' '), to: wb.slice(head + j, head + kj).join(' ') });
    i = ki + 1;
    j = kj + 1;
  }
  return out;
}

/** The larger of the two one-sided multiset differences of two word arrays. */
function bagDifference(x: Int32Array, y: Int32Array): number {
  const a = Int32Array.from(x).sort();
  const b = Int32Array.from(y).sort();
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return Math.max(a.length, b.length) - common;
}

/** Index pairs of a longest common subsequence of two short arrays. */
function lcs(x: ArrayLike<number>, y: ArrayLike<number>): Array<[number, number]> {
  const n = x.length;
  const m = y.length;
  const t = new Int32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) t[i * (m + 1) + j] = x[i] === y[j] ? t[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(t[(i + 1) * (m + 1) + j], t[i * (m + 1) + j + 1]);
  }
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1]) i++;
    else j++;
  }
  return out;
}

/** The words of a text as written (case kept), as `words` reads them. */
function wordsOf(s: string): string[] {
  const lower = words(s);
  const out: string[] = [];
  let from = 0;
  const t = s.toLowerCase();
  for (const w of lower) {
    const k = t.indexOf(w, from);
    out.push(k >= 0 && t.length === s.length ? s.slice(k, k + w.length) : w);
    from = k >= 0 ? k + w.length : from;
  }
  return out;
}

/** A short "Label: value" line: a label of at most six words before a colon and a value of at most twelve words, or a known assignment label before a colon. */
export function isLabelValue(raw: string): boolean {
  const colon = raw.indexOf(':');
  if (colon <= 0 || colon > 80) return false;
  const label = raw.slice(0, colon).trim();
  if (!/^\p{Lu}/u.test(label) || /[.;!?]/.test(label)) return false;
  const known = ASSIGNMENT_LABELS.at(label);
  if (known && known.start === 0 && known.end === label.length) return true;
  return words(label).length <= 6 && words(raw.slice(colon + 1)).length <= 12;
}

/**
 * Where each unit lies: the preamble (blocks before the first numbered item or article line, when
 * that comes within PREAMBLE_BLOCKS), an appendix (from the first form or annex line on), a recipients block (a
 * block opening with "Nơi nhận" and the list items after it), an article of a legal text.
 */
export function unitPlaces(doc: Document, o: Outline, index: ParagraphIndex): UnitPlace[] {
  const blocks = doc.blocks;
  let outlineStart = blocks.findIndex((b) => (b.marker && b.marker.style !== 'bullet') || isArticleLine(b.text));
  if (outlineStart > PREAMBLE_BLOCKS) outlineStart = -1; // no preamble in a document the outline does not start early
  const appendix = blocks.findIndex((b) => !b.marker && (o.form[b.index] === 1 || isAnnexLine(b.text)));
  const recipients = new Uint8Array(blocks.length);
  const article = new Uint8Array(blocks.length);
  let inArticle = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const label = RECIPIENT_LABELS.at(b.text);
    if (label && label.start === 0 && /^\s*:/.test(b.text.slice(label.end))) {
      recipients[i] = 1;
      for (let j = i + 1; j < blocks.length && blocks[j].marker?.style === 'bullet'; j++) recipients[j] = 1;
      inArticle = false;
    }
    if (!b.marker && isArticleLine(b.text)) inArticle = true;
    else if (!b.marker && o.context[i]) inArticle = false;
    article[i] = inArticle ? 1 : 0;
  }
  return index.units.map((u) => {
    const first = u.blocks[0];
    const zone: Zone = recipients[first] ? 'recipients' : appendix >= 0 && first > appendix ? 'appendix' : first < outlineStart ? 'preamble' : 'body';
    return { zone, labelValue: isLabelValue(u.raw), article: article[first] === 1 };
  });
}

/** The preamble (title, legal bases) is at most this many blocks. */
const PREAMBLE_BLOCKS = 30;
/** Units compared on each side for `alike`, and the share of distinct words two alike units have in common. */
const ALIKE_REACH = 3;
const ALIKE_SHARE = 0.5;
const TWIN_SHARE = 0.8;

/** For each unit, the units within ALIKE_REACH under the same parent whose distinct words overlap its own by at least `share` (Jaccard). */
export function alikeUnits(doc: Document, units: ParagraphUnit[], share = ALIKE_SHARE): number[][] {
  const bags = units.map((u) => {
    const b = Int32Array.from(new Set(u.hashes));
    b.sort();
    return b;
  });
  const out: number[][] = units.map(() => []);
  for (const u of units) {
    if (u.words < MIN_WORDS) continue;
    const parent = doc.blocks[u.blocks[0]].parent;
    for (let k = u.index + 1; k <= u.index + ALIKE_REACH && k < units.length; k++) {
      const v = units[k];
      if (v.words < MIN_WORDS || doc.blocks[v.blocks[0]].parent !== parent) continue;
      if (jaccard(bags[u.index], bags[k]) >= share) {
        out[u.index].push(k);
        out[k].push(u.index);
      }
    }
  }
  return out;
}

export const paragraphs = defineFact('paragraphs', (doc: Document, facts): ParagraphFact => {
  const o = facts.get(outline);
  const index = indexParagraphs(doc);
  // the footnotes at the end of a document are notes (a consolidated text quotes its legal bases there)
  for (const u of index.units) if (u.blocks[0] >= o.footnotes) u.note = true;
  // notes (figure notes, sources, footnotes) repeat by design; only one pasted right after itself is a slip
  // (or with one passage between, when it carries the same footnote number: "18 We previously …" twice)
  const adjacentCopy = (r: Repeat): boolean => r.exact && (r.later === r.earlier + 1 || (r.later === r.earlier + 2 && /^\d/.test(index.units[r.later].raw)));
  return {
    ...index,
    repeats: index.repeats.filter((r) => adjacentCopy(r) || (!index.units[r.later].note && !index.units[r.earlier].note)),
    places: unitPlaces(doc, o, index),
    alike: alikeUnits(doc, index.units),
    twins: alikeUnits(doc, index.units, TWIN_SHARE),
  };
});

/** Heading title key: the heading text without its marker, normalised. */
export function headingKey(b: Block): string {
  return normaliseKey(b.text.replace(/^[*_#\s]+|[*_#\s]+$/g, ''));
}

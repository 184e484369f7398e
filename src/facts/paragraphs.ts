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
  /** Sorted distinct shingle ids (word 3-shingles); empty below the minimum length. */
  shingles: number[];
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
const WORD_RE = /[\p{L}\p{N}]+(?:[.,/'’-][\p{L}\p{N}]+)*/gu;
const TRAILING_PUNCT_RE = /[\s.,;:!?…]+$/u;

export function normaliseKey(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(TRAILING_PUNCT_RE, '').trim();
}

export function words(s: string): string[] {
  return s.normalize('NFC').toLowerCase().match(WORD_RE) ?? [];
}

/** Jaccard similarity of two sorted arrays of distinct numbers. */
export function jaccard(a: number[], b: number[]): number {
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
export function buildUnits(doc: Document): { units: ParagraphUnit[]; unitOfBlock: Int32Array; tokens: string[][] } {
  const units: ParagraphUnit[] = [];
  const tokens: string[][] = [];
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
    const unit: ParagraphUnit = {
      index: units.length,
      blocks: members,
      span: { start: b.content.start, end: last.content.end },
      key: normaliseKey(raw),
      raw,
      words: 0,
      shingles: [],
      figures: '',
      note: NOTE_RE.test(raw),
    };
    const w = words(raw);
    unit.figures = w.filter((x) => /\d/.test(x)).join(' ');
    unit.words = w.length;
    for (const m of members) unitOfBlock[m] = unit.index;
    units.push(unit);
    tokens.push(w);
    i = members[members.length - 1];
  }
  return { units, unitOfBlock, tokens };
}

/** Assigns shingle ids (exact: word ids combined arithmetically, or string keys for huge vocabularies). */
function shingleUnits(units: ParagraphUnit[], tokens: string[][], minWords: number): void {
  const wordId = new Map<string, number>();
  const ids: Int32Array[] = tokens.map((t) => {
    const out = new Int32Array(t.length);
    for (let k = 0; k < t.length; k++) {
      let id = wordId.get(t[k]);
      if (id === undefined) {
        id = wordId.size;
        wordId.set(t[k], id);
      }
      out[k] = id;
    }
    return out;
  });
  const v = wordId.size + 1;
  const arithmetic = v * v * v < Number.MAX_SAFE_INTEGER;
  const shingleId = new Map<string, number>();
  for (const u of units) {
    const w = ids[u.index];
    if (u.words < minWords) continue;
    const set = new Set<number>();
    for (let k = 0; k + 2 < w.length; k++) {
      if (arithmetic) set.add((w[k] * v + w[k + 1]) * v + w[k + 2]);
      else {
        const key = `${w[k]} ${w[k + 1]} ${w[k + 2]}`;
        let id = shingleId.get(key);
        if (id === undefined) {
          id = shingleId.size;
          shingleId.set(key, id);
        }
        set.add(id);
      }
    }
    u.shingles = [...set].sort((a, b) => a - b);
  }
}

/**
 * Finds repeats. Exact repeats: equal keys. Near repeats: a prefix filter (sets ordered by
 * rarest shingle first; two sets with Jaccard >= t must share a shingle among the first
 * |x| - ceil(t|x|) + 1 of each), a length filter, and a cap on each posting list.
 */
export function findRepeats(units: ParagraphUnit[], minWords = MIN_WORDS, threshold = NEAR_THRESHOLD): Repeat[] {
  const repeats: Repeat[] = [];
  const firstByKey = new Map<string, number>();
  const df = new Map<number, number>();
  for (const u of units) for (const s of u.shingles) df.set(s, (df.get(s) ?? 0) + 1);
  const postings = new Map<number, number[]>();
  const seen = new Int32Array(units.length).fill(-1);
  for (const u of units) {
    if (u.words < minWords || u.note) continue;
    const first = firstByKey.get(u.key);
    if (first !== undefined) {
      repeats.push({ later: u.index, earlier: first, exact: true, similarity: 1 });
      continue; // an exact copy adds nothing new to the near index
    }
    firstByKey.set(u.key, u.index);
    const n = u.shingles.length;
    if (n === 0) continue;
    const ordered = [...u.shingles].sort((a, b) => (df.get(a)! - df.get(b)!) || a - b);
    const prefix = n - Math.ceil(threshold * n) + 1;
    let best: Repeat | undefined;
    for (let p = 0; p < prefix; p++) {
      const list = postings.get(ordered[p]);
      if (!list) continue;
      for (let q = list.length - 1, c = 0; q >= 0 && c < POSTING_CAP; q--, c++) {
        const other = list[q];
        if (seen[other] === u.index) continue;
        seen[other] = u.index;
        const m = units[other].shingles.length;
        if (m < threshold * n || n < threshold * m || units[other].figures !== u.figures) continue;
        const sim = jaccard(u.shingles, units[other].shingles);
        if (sim >= threshold && (!best || other < best.earlier)) best = { later: u.index, earlier: other, exact: false, similarity: sim };
      }
    }
    if (best) repeats.push(best);
    for (let p = 0; p < prefix; p++) {
      const list = postings.get(ordered[p]);
      if (list) list.push(u.index);
      else postings.set(ordered[p], [u.index]);
    }
  }
  return repeats;
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

/**
 * The blocks a heading or numbered block owns: the following blocks whose chain of
 * parents/sections reaches it. Returns the exclusive end index.
 */
export function subtreeEnd(doc: Document, h: number): number {
  let i = h + 1;
  while (i < doc.blocks.length && isUnder(doc, i, h)) i++;
  return i;
}

function isUnder(doc: Document, i: number, h: number): boolean {
  let cur = i;
  for (let guard = 0; guard < 64 && cur > h; guard++) {
    const b = doc.blocks[cur];
    const up = b.marker && b.marker.style !== 'bullet' ? b.parent : b.kind === 'heading' && b.level > 0 && !b.marker ? b.parent : b.section >= 0 ? b.section : b.parent;
    if (up === h) return true;
    if (up < 0 || up >= cur) return false;
    cur = up;
  }
  return false;
}

/** An unnumbered line that opens a new context (article, chapter, annex, form). */
export const CONTEXT_RE = /^[“"]?(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Phụ lục|PHỤ LỤC|Mẫu|MẪU|Article|ARTICLE|Section|SECTION|Chapter|CHAPTER|Part|PART|Appendix|APPENDIX|Annex|ANNEX)\b/u;

/** Prefix counts of headings without a marker (upper-case or Markdown), context lines, tables and tab-separated rows: `c[j] - c[i + 1]` of them lie between blocks i and j. */
export function breakCounts(doc: Document): Int32Array {
  const out = new Int32Array(doc.blocks.length + 1);
  for (let i = 0; i < doc.blocks.length; i++) {
    const b = doc.blocks[i];
    const isBreak = b.kind === 'table' || b.text.includes('\t') || (!b.marker && (b.kind === 'heading' || CONTEXT_RE.test(b.text)));
    out[i + 1] = out[i] + (isBreak ? 1 : 0);
  }
  return out;
}

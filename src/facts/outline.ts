// The document's outline, read once for the structure rules: which blocks are table rows, which
// unnumbered lines open a new context (article, chapter, annex, form), which blocks lie inside a
// quotation, the document's lettering (Vietnamese a b c d đ e g …, or Latin), and the sibling
// lists of numbered items (same parent, same numbering family) in reading order. The parser gives
// each block its marker, parent and section; this fact adds what needs the whole document.

import { defineFact } from '../engine/facts.js';
import type { DocumentSettings } from '../engine/types.js';
import type { Block, Document, Marker } from '../parse/document.js';
import { CONTEXT_WORDS, FORM_WORDS } from './lexicon/structure.js';

/** The letters a letter marker's value indexes (`Marker.values[0]`). */
export const LETTERS = 'abcdđefghijklmnopqrstuvwxyz';
/** Vietnamese lettering of points (ND 30/2020): no f, j, w, z. */
export const VI_ORDER = 'abcdđeghiklmnopqrstuvxy';
export const LATIN_ORDER = 'abcdefghijklmnopqrstuvwxyz';

export interface OutlineItem {
  block: Block;
  marker: Marker;
}

export interface Outline {
  /** 1 for a table block or a table row read as a line (a tab in its text). */
  tableRow: Uint8Array;
  /** 1 for an unnumbered line that opens an article, chapter, part or annex. */
  context: Uint8Array;
  /** 1 for an unnumbered line that opens a form. */
  form: Uint8Array;
  /** 1 for a block inside a quotation that spans blocks (an amendment quoting new numbered text). */
  quoted: Uint8Array;
  /** Prefix counts of numbering breaks (context lines, unnumbered headings, quotations): a list below one starts afresh. */
  breaks: Int32Array;
  /** Prefix counts of tables and table rows (a number may hide in them). */
  unsure: Int32Array;
  /** Prefix counts of what separates two passages into different places: tables, table rows, unnumbered headings, context and form lines. */
  sectionBreaks: Int32Array;
  /** The letter order of lettered points: Vietnamese when the document is Vietnamese and letters a point "đ)" somewhere, Latin otherwise. */
  letterOrder: string;
  /** Numbered items that take part in sequence checks, grouped by parent and numbering family, in reading order. */
  lists: OutlineItem[][];
}

/** Count of flagged blocks strictly between blocks i and j (i < j) in a prefix-count array. */
export function between(prefix: Int32Array, i: number, j: number): number {
  return prefix[j] - prefix[i + 1];
}

export function isTableRow(b: Block): boolean {
  return b.kind === 'table' || b.text.includes('\t');
}

/** A capitalised line (after an opening quote) starting with one of the words. */
function opensWith(words: typeof CONTEXT_WORDS, text: string): boolean {
  const k = text[0] === '“' || text[0] === '"' ? 1 : 0;
  return /^\p{Lu}/u.test(text.slice(k, k + 1)) && words.at(text, k)?.start === k;
}

export function isContextLine(text: string): boolean {
  return opensWith(CONTEXT_WORDS, text);
}

export function isFormLine(text: string): boolean {
  return opensWith(FORM_WORDS, text);
}

function prefix(n: number, flag: (i: number) => boolean): Int32Array {
  const out = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) out[i + 1] = out[i] + (flag(i) ? 1 : 0);
  return out;
}

export function buildOutline(doc: Document, settings: Pick<DocumentSettings, 'locale'>): Outline {
  const blocks = doc.blocks;
  const n = blocks.length;
  const tableRow = new Uint8Array(n);
  const context = new Uint8Array(n);
  const form = new Uint8Array(n);
  for (const b of blocks) {
    tableRow[b.index] = isTableRow(b) ? 1 : 0;
    if (!b.marker) {
      context[b.index] = isContextLine(b.text) ? 1 : 0;
      form[b.index] = isFormLine(b.text) ? 1 : 0;
    }
  }
  const quoted = quotedBlocks(doc);
  const breaks = prefix(n, (i) => quoted[i] === 1 || context[i] === 1 || (!blocks[i].marker && blocks[i].kind === 'heading' && blocks[i].level === 0));
  const unsure = prefix(n, (i) => tableRow[i] === 1);
  const sectionBreaks = prefix(n, (i) => tableRow[i] === 1 || (!blocks[i].marker && (blocks[i].kind === 'heading' || context[i] === 1 || form[i] === 1)));
  const usesDj = blocks.some((b) => b.marker?.style === 'letter' && b.marker.raw[0] === 'đ');
  const letterOrder = settings.locale === 'vi' && usesDj ? VI_ORDER : LATIN_ORDER;
  return { tableRow, context, form, quoted, breaks, unsure, sectionBreaks, letterOrder, lists: sequenceLists(doc, quoted, tableRow) };
}

export const outline = defineFact('outline', (doc: Document, _facts, settings): Outline => buildOutline(doc, settings));

/**
 * Numbered items grouped by parent and family. Left out: table rows read as numbered lines,
 * quoted amendments, Roman numbers above XX or single letters that may be A. B. outlines, capital
 * letters, and i/v/x in a document that numbers in lower-case Roman.
 */
function sequenceLists(doc: Document, quoted: Uint8Array, tableRow: Uint8Array): OutlineItem[][] {
  const skipSingleRoman = hasLetterOutline(doc);
  const skipRomanLetters = hasLowerRoman(doc);
  const groups = new Map<string, OutlineItem[]>();
  for (const b of doc.blocks) {
    const m = b.marker;
    if (!m || m.style === 'bullet') continue;
    if (tableRow[b.index] || quoted[b.index] || nextToTable(doc, b, tableRow)) continue;
    if (m.style === 'roman' && (m.values[0] > 20 || (skipSingleRoman && m.raw.length <= 2))) continue;
    if (m.style === 'letter' && (/[A-ZĐ]/.test(m.raw[0]) || (skipRomanLetters && /^[ivx]$/.test(m.raw[0])))) continue;
    const family = m.style === 'multi' ? `multi${m.values.length}` : m.style;
    const key = `${b.parent}|${family}`;
    const list = groups.get(key) ?? [];
    list.push({ block: b, marker: m });
    groups.set(key, list);
  }
  return [...groups.values()];
}

/** A numbered line whose marker is followed by a tab, next to a table: a table row whose cells wrapped. */
function nextToTable(doc: Document, b: Block, tableRow: Uint8Array): boolean {
  if (doc.text[b.marker!.span.end] !== '\t') return false;
  return [b.index - 1, b.index + 1].some((i) => i >= 0 && i < doc.blocks.length && tableRow[i] === 1);
}

/** Blocks inside a quotation that spans blocks: from a block opening with a quote mark to the block closing it. */
function quotedBlocks(doc: Document): Uint8Array {
  const out = new Uint8Array(doc.blocks.length);
  let open = false;
  for (const b of doc.blocks) {
    const t = b.text;
    if (!open && /^[“"]/.test(t) && !/[”"][.,;:]?(?:\/\.)?$/.test(t)) {
      open = true;
      out[b.index] = 1;
      continue;
    }
    if (open) {
      out[b.index] = 1;
      if (/[”"][.,;:]?(?:\/\.)?$/.test(t)) open = false;
    }
  }
  return out;
}

/** Lines starting "A. ", "B. " ... (letters that are not Roman digits): single-letter Roman markers are then ambiguous. */
function hasLetterOutline(doc: Document): boolean {
  return doc.blocks.some((b) => /^[ABDEFGHJKNOPRSTU][.)][ \t]/.test(doc.text.slice(b.span.start, b.span.start + 3)));
}

/** Lower-case Roman numbering (ii., iii) ...): then i, v and x are not letters of a lettered list. */
function hasLowerRoman(doc: Document): boolean {
  return doc.blocks.some((b) => /^(?:ii|iii|iv|vi)[.)][ \t]/.test(doc.text.slice(b.span.start, b.span.start + 5)));
}

/** The blocks a heading or numbered block owns: the following blocks whose chain of parents/sections reaches it. Returns the exclusive end index. */
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

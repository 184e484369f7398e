// The document's outline, read once for the structure rules: which blocks are table rows, which
// unnumbered lines open a new context (article, chapter, annex, form), which blocks lie inside a
// quotation, the document's lettering (Vietnamese a b c d đ e g …, or Latin), and the sibling
// lists of numbered items (same parent, same numbering family) in reading order. The parser gives
// each block its marker, parent and section; this fact adds what needs the whole document.

import { defineFact } from '../engine/facts.js';
import type { DocumentSettings } from '../engine/types.js';
import type { Block, Document, Marker } from '../parse/document.js';
import { AMENDED_UNITS, AMENDMENT_VERBS, ANNEX_WORDS, ARTICLE_WORDS, CONSOLIDATED_MARKERS, FORM_WORDS, PART_WORDS } from './lexicon/structure.js';

/** The letters a letter marker's value indexes (`Marker.values[0]`). */
export const LETTERS = 'abcdđefghijklmnopqrstuvwxyz';
/** Vietnamese lettering of points (ND 30/2020): no f, j, w, z. */
export const VI_ORDER = 'abcdđeghiklmnopqrstuvxy';
/** Vietnamese lettering of a document that never letters a point "đ)": a b c d e g h i k … */
export const VI_NO_DJ_ORDER = 'abcdeghiklmnopqrstuvxy';
export const LATIN_ORDER = 'abcdefghijklmnopqrstuvwxyz';
/** How many header blocks are searched for the marks of a consolidated text. */
const HEADER_BLOCKS = 30;
/** A quotation that does not close within this many blocks is a stray quote mark, not a quotation. */
const MAX_QUOTED_BLOCKS = 80;

export interface OutlineItem {
  block: Block;
  marker: Marker;
}

/** An article line ("Điều 5. …", "Article 5."): its number and where the number is written. */
export interface ArticleItem {
  block: Block;
  value: number;
  raw: string;
  span: { start: number; end: number };
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
  /** Prefix counts of numbering breaks (context lines, quotations): a list below one starts afresh. */
  breaks: Int32Array;
  /** Prefix counts of unnumbered headings (all-caps lines, Markdown headings). */
  headings: Int32Array;
  /** Prefix counts of tables, table rows, plain-text lines with a cell border "|", lines that start with a damaged marker ("©)", "$1.") and lines without a letter (page numbers): a number may hide in them. */
  unsure: Int32Array;
  /** Prefix counts of what separates two passages into different places: tables, table rows, unnumbered headings, context and form lines, damaged markers, lines of figures only. */
  sectionBreaks: Int32Array;
  /**
   * The document's lettering: 'vi' when a Vietnamese document letters its points with đ (more
   * lists run d) đ) than d) e)), 'vi-no-dj' when a Vietnamese document goes d) e) as often or more
   * (each list then reads in Vietnamese order without đ, or in Latin order when it uses f, j, w or
   * z), 'latin' for other documents.
   */
  lettering: 'vi' | 'vi-no-dj' | 'latin';
  /** Numbered items that take part in sequence checks, grouped by outline parent and numbering family, in reading order. */
  lists: OutlineItem[][];
  /** The outline parent of each numbered item in `lists` (a block index, -1 at the top); -1 for other blocks. */
  parent: Int32Array;
  /** 1 for a block that is an item of one of `lists`. */
  member: Uint8Array;
  /** A consolidated text (văn bản hợp nhất): its numbering follows the amended documents. */
  consolidated: boolean;
  /** The first block of the footnotes at the end of the document ("[1] …", "[2] …"), or the number of blocks when there are none. */
  footnotes: number;
  /**
   * Runs of article lines in reading order (outside tables, quotations and the footnotes): a run
   * ends where an article numbered 1 starts again (a regulation issued with its decision), at an
   * annex or form line, and at a Markdown heading.
   */
  articles: ArticleItem[][];
}

/** The letter order a lettered list reads in, under the document's lettering. */
export function letterOrder(o: Pick<Outline, 'lettering'>, list: readonly OutlineItem[]): string {
  if (o.lettering === 'latin') return LATIN_ORDER;
  const letters = list.map((x) => LETTERS[x.marker.values[0]]);
  if (o.lettering === 'vi' || letters.includes('đ')) return VI_ORDER;
  return letters.some((l) => 'fjwz'.includes(l)) ? LATIN_ORDER : VI_NO_DJ_ORDER;
}

/** Count of flagged blocks strictly between blocks i and j (i < j) in a prefix-count array. */
export function between(prefix: Int32Array, i: number, j: number): number {
  return prefix[j] - prefix[i + 1];
}

export function isTableRow(b: Block): boolean {
  return b.kind === 'table' || b.text.includes('\t');
}

/** A capitalised line (after an opening quote) starting with one of the words. */
function opensWith(words: typeof FORM_WORDS, text: string): boolean {
  const k = text[0] === '“' || text[0] === '"' ? 1 : 0;
  return /^\p{Lu}/u.test(text.slice(k, k + 1)) && words.at(text, k)?.start === k;
}

/** An unnumbered line opening an article, a chapter or part, or an annex. */
export function isContextLine(text: string): boolean {
  return isArticleLine(text) || opensWith(PART_WORDS, text) || isAnnexLine(text);
}

export function isArticleLine(text: string): boolean {
  return opensWith(ARTICLE_WORDS, text);
}

export function isAnnexLine(text: string): boolean {
  return opensWith(ANNEX_WORDS, text);
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
  const footnotes = footnoteStart(doc);
  const quoted = quotedBlocks(doc, footnotes);
  // an article, chapter or annex line restarts the lists below it; an all-caps heading without a
  // number does not, nor does a form line (a form's lists are its own: see sequenceLists)
  const breaks = prefix(n, (i) => quoted[i] === 1 || context[i] === 1);
  const headings = prefix(n, (i) => !blocks[i].marker && blocks[i].kind === 'heading');
  const { lists, parent } = sequenceLists(doc, quoted, tableRow, form, footnotes);
  // a lone number of another style among a list's items ("e) 8) i)") is a damaged marker too
  const lone = new Uint8Array(n);
  const member = new Uint8Array(n);
  for (const list of lists) {
    if (list.length === 1 && list[0].marker.delimiter === ')') lone[list[0].block.index] = 1;
    for (const x of list) member[x.block.index] = 1;
  }
  // a pipe inside a plain-text line is a table cell border a conversion kept
  // and a line without a letter between items (a page number a conversion kept) is where a page broke: a number may be lost there
  // so is a line that opens a quotation of numbered text it does not close (an excerpt of another text, its own numbers)
  const unsure = prefix(n, (i) => tableRow[i] === 1 || lone[i] === 1 || (doc.format !== 'markdown' && blocks[i].text.includes('|')) || (!blocks[i].marker && (DAMAGED_MARKER_RE.test(blocks[i].text) || !/\p{L}/u.test(blocks[i].text))) || (quoted[i] === 0 && leavesQuoteOpen(doc.text.slice(blocks[i].span.start, blocks[i].span.end))));
  // a damaged marker opens an item the parser could not see; a line of figures only is a table cell
  const sectionBreaks = prefix(n, (i) => tableRow[i] === 1 || (!blocks[i].marker && (blocks[i].kind === 'heading' || context[i] === 1 || form[i] === 1 || DAMAGED_MARKER_RE.test(blocks[i].text) || !/\p{L}/u.test(blocks[i].text))));
  const lettering = settings.locale !== 'vi' ? 'latin' : letteringVotes(lists, breaks);
  const articles = articleRuns(doc, quoted, tableRow, form, footnotes);
  return { tableRow, context, form, quoted, breaks, headings, unsure, sectionBreaks, lettering, lists, parent, member, consolidated: isConsolidated(doc), footnotes, articles };
}

/** The number after an article word at a line's start ("Điều 5.", "Điều 5:", "Article 12 Title"; a quoted article is new text, not one of the document's). */
const ARTICLE_NUMBER_RE = /^[ \t]+(\d{1,3})(?:[.:]|[ \t]+(?=\p{Lu})|[ \t]*$)/u;

function articleRuns(doc: Document, quoted: Uint8Array, tableRow: Uint8Array, form: Uint8Array, footnotes: number): ArticleItem[][] {
  const runs: ArticleItem[][] = [];
  let run: ArticleItem[] = [];
  const flush = (): void => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (const b of doc.blocks) {
    if (b.index >= footnotes) break;
    if (b.marker || tableRow[b.index] || quoted[b.index]) continue;
    if (form[b.index] || isAnnexLine(b.text) || (b.kind === 'heading' && b.level > 0)) {
      flush();
      continue;
    }
    const word = /^\p{Lu}/u.test(b.text) ? ARTICLE_WORDS.at(b.text, 0) : undefined;
    if (!word || word.start !== 0) continue;
    const m = ARTICLE_NUMBER_RE.exec(b.text.slice(word.end, word.end + 12));
    if (!m) continue;
    const value = Number(m[1]);
    if (value === 1) flush();
    const at = b.content.start + word.end + m[0].indexOf(m[1]);
    run.push({ block: b, value, raw: m[1], span: { start: at, end: at + m[1].length } });
  }
  flush();
  return runs;
}

/** A line that starts with a bracket or a stray mark, or one or two symbols and a bracket or dot, where a marker was (a conversion turned "c)" into "©)", ")" or "."). */
const DAMAGED_MARKER_RE = /^(?:[^\s\p{L}\p{N}"“'‘(\[*_#]{1,2}\d?[.)]|[).,;])[ \t]/u;

/** 'vi' when more lettered lists go d) đ) than d) e), 'vi-no-dj' otherwise. */
function letteringVotes(lists: OutlineItem[][], breaks: Int32Array): 'vi' | 'vi-no-dj' {
  let dj = 0;
  let noDj = 0;
  for (const list of lists) {
    if (list[0].marker.style !== 'letter') continue;
    for (let k = 1; k < list.length; k++) {
      if (LETTERS[list[k - 1].marker.values[0]] !== 'd' || between(breaks, list[k - 1].block.index, list[k].block.index) > 0) continue;
      const l = LETTERS[list[k].marker.values[0]];
      if (l === 'đ') dj++;
      else if (l === 'e') noDj++;
    }
  }
  if (dj === 0 && noDj === 0) return lists.some((list) => list[0].marker.style === 'letter' && list.some((x) => LETTERS[x.marker.values[0]] === 'đ')) ? 'vi' : 'vi-no-dj';
  return dj > noDj ? 'vi' : 'vi-no-dj';
}

function isConsolidated(doc: Document): boolean {
  const head = doc.blocks.slice(0, HEADER_BLOCKS);
  return head.some((b) => CONSOLIDATED_MARKERS.all(b.text).some((m) => m.phrase.toUpperCase() === m.phrase || /^văn/i.test(m.phrase)));
}

/**
 * Footnotes at the end of a converted document: from the last block starting "[1]" to the end,
 * when the blocks there that start with a footnote number number 1, 2, 3 … and are at least a
 * quarter of the blocks.
 */
function footnoteStart(doc: Document): number {
  const blocks = doc.blocks;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (!/^\[1\]\s/.test(blocks[i].text)) continue;
    let next = 1;
    let notes = 0;
    for (let j = i; j < blocks.length; j++) {
      const m = /^\[(\d{1,3})\]\s/.exec(blocks[j].text);
      if (!m) continue;
      if (Number(m[1]) !== next) return blocks.length;
      next++;
      notes++;
    }
    return notes * 4 >= blocks.length - i ? i : blocks.length;
  }
  return blocks.length;
}

export const outline = defineFact('outline', (doc: Document, _facts, settings): Outline => buildOutline(doc, settings));

/** Conventional rank of a numbering style (I. above 1. above 1.1. above a)). */
function rank(m: Marker): number {
  return m.style === 'roman' ? 0 : m.style === 'arabic' ? 1 : m.style === 'multi' ? m.values.length : 10;
}

/** `b` is the number right after `a` (same style): 2. after 1., 1.3. after 1.2., e) after đ) or d), g) after e). */
function follows(a: Marker, b: Marker): boolean {
  if (a.style !== b.style || a.values.length !== b.values.length) return false;
  if (a.style === 'letter') {
    const x = LETTERS[a.values[0]];
    const y = LETTERS[b.values[0]];
    return [VI_ORDER, VI_NO_DJ_ORDER, LATIN_ORDER].some((o) => o.indexOf(x) >= 0 && o.indexOf(y) === o.indexOf(x) + 1);
  }
  const n = a.values.length;
  return a.values.slice(0, n - 1).every((v, i) => v === b.values[i]) && b.values[n - 1] === a.values[n - 1] + 1;
}

interface Open {
  key: string;
  index: number;
  marker: Marker;
}

/**
 * Numbered items grouped by their outline parent and family. The outline is read by style, as
 * the parser does (a style not yet open nests one level deeper, a style already open closes back
 * to the innermost open level it continues), except that a first number ("1.", "a)") under a
 * deeper item of a higher-ranked style opens a new list there: "1. Thủ tục …  I. Mục tiêu  1. …"
 * puts the second "1." under "I.". A form line ("Mẫu:", "Mẫu số 01") opens a scope of its own,
 * closed by the first number that continues a list open before it. Left out: table rows read as
 * numbered lines, quoted amendments, the footnotes, Roman numbers above XX, capital letters, and
 * i/v/x in a document that numbers in lower-case Roman; single-letter Roman numbers that may be
 * letters of an A. B. outline are in the outline but not in the lists.
 */
function sequenceLists(doc: Document, quoted: Uint8Array, tableRow: Uint8Array, form: Uint8Array, footnotes: number): { lists: OutlineItem[][]; parent: Int32Array } {
  const skipSingleRoman = hasLetterOutline(doc);
  const skipRomanLetters = hasLowerRoman(doc);
  const parent = new Int32Array(doc.blocks.length).fill(-1);
  const groups = new Map<string, OutlineItem[]>();
  let open: Open[] = [];
  let base = -1;
  const scopes: Array<{ open: Open[]; base: number }> = [];
  for (const b of doc.blocks) {
    const m = b.marker;
    if (!m && ((b.kind === 'heading' && b.level > 0) || form[b.index])) {
      if (form[b.index]) scopes.push({ open, base });
      else scopes.length = 0;
      open = []; // a Markdown heading or a form: the lists below it are its own
      base = b.index;
      continue;
    }
    if (!m || m.style === 'bullet' || b.index >= footnotes) continue;
    if (tableRow[b.index] || quoted[b.index] || nextToTable(doc, b, tableRow)) continue;
    if (m.style === 'roman' && m.values[0] > 20) continue;
    if (m.style === 'letter' && (/[A-ZĐ]/.test(m.raw[0]) || (skipRomanLetters && /^[ivx]$/.test(m.raw[0])))) continue;
    const family = m.style === 'multi' ? `multi${m.values.length}` : m.style;
    const key = family + (m.delimiter === ')' ? ')' : '');
    const first = m.style === 'letter' ? m.values[0] === 0 : m.values[m.values.length - 1] === 1;
    const continues = (levels: Open[]): boolean => levels.some((o) => o.key === key && follows(o.marker, m));
    if (!first && !continues(open)) {
      // the number goes on from a list open before a form: the form has ended
      for (let k = scopes.length - 1; k >= 0; k--) {
        if (!continues(scopes[k].open)) continue;
        ({ open, base } = scopes[k]);
        scopes.length = k;
        break;
      }
    }
    let at = -1;
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].key !== key) continue;
      if (at < 0 || follows(open[i].marker, m)) at = i;
      if (follows(open[i].marker, m)) break;
    }
    const deepest = open[open.length - 1];
    if (at >= 0 && !(first && at < open.length - 1 && rank(deepest.marker) < rank(m))) open.length = at;
    parent[b.index] = open.length ? open[open.length - 1].index : base;
    open.push({ key, index: b.index, marker: m });
    if (m.style === 'roman' && skipSingleRoman && m.raw.length <= 2) continue;
    const groupKey = `${parent[b.index]}|${family}`;
    const list = groups.get(groupKey) ?? [];
    list.push({ block: b, marker: m });
    groups.set(groupKey, list);
  }
  return { lists: [...groups.values()], parent };
}

/** A numbered line whose marker is followed by a tab, next to a table: a table row whose cells wrapped. */
function nextToTable(doc: Document, b: Block, tableRow: Uint8Array): boolean {
  if (doc.text[b.marker!.span.end] !== '\t') return false;
  return [b.index - 1, b.index + 1].some((i) => i >= 0 && i < doc.blocks.length && tableRow[i] === 1);
}

/**
 * Blocks inside a quotation that spans blocks (an amendment quoting new numbered text): from a
 * block that opens a quotation it does not close, at its start ("“Điều 4. …") or after its first
 * words ("b) Sửa đổi khoản 4 như sau: “4. …"), to the block that closes it. The footnotes are
 * quoted text as a whole.
 */
function quotedBlocks(doc: Document, footnotes: number): Uint8Array {
  const blocks = doc.blocks;
  const out = new Uint8Array(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    if (i >= footnotes) {
      out[i] = 1;
      continue;
    }
    const t = blocks[i].text;
    const startsQuoted = /^[“"]/.test(t);
    // an excerpt of numbered text opened at the line's end ("… quy định: “1. …") may close mid-line
    // in a later block, where the next excerpt opens ("… trốn thuế”. Điểm 5 … quy định: “5.1. …")
    const excerpt = opensExcerpt(t);
    if (!(startsQuoted ? !closesQuote(t) : opensQuote(t) || excerpt)) continue;
    let j = i + 1;
    while (j < blocks.length && j - i <= MAX_QUOTED_BLOCKS && !closesQuote(blocks[j].text) && !(excerpt && blocks[j].text.includes('”') && opensExcerpt(blocks[j].text))) j++;
    if (j >= blocks.length || j - i > MAX_QUOTED_BLOCKS) continue;
    // a block quoted from its start is quoted as a whole; one that opens mid-text keeps its own number
    if (startsQuoted) out[i] = 1;
    for (let k = i + 1; k <= j; k++) out[k] = 1;
    // the closing block may open the next quotation (one excerpt after another, each introduced mid-line)
    i = excerpt && opensExcerpt(blocks[j].text) && !closesQuote(blocks[j].text) ? j - 1 : j;
  }
  // the amended unit written right after the line that amends it, its quotation marks lost
  for (let i = 0; i + 1 < Math.min(blocks.length, footnotes); i++) if (!out[i + 1] && amendsNext(blocks[i], blocks[i + 1])) out[i + 1] = 1;
  return out;
}

/**
 * A line that amends a unit and introduces its new text ("Sửa đổi, bổ sung điểm b khoản 1 Điều 16
 * như sau:", "Bổ sung khoản 2 vào Điều 14 như sau:", the unit named after the verb or among the
 * first words) followed by an item numbered as that unit
 * ("b) Người bán phải lập hóa đơn …", "2. Người nộp thuế …"): the item is the new text, not the
 * next item of the amending list.
 */
function amendsNext(b: Block, next: Block): boolean {
  const m = next.marker;
  if (!m || (m.style !== 'letter' && m.style !== 'arabic') || !/:["“]?$/.test(b.text)) return false;
  // the unit named right after an amendment verb, or among the line's first words (the verb
  // damaged by a conversion: "Sửa đỗi, bễ sung khoản 3 Điều 23 như sau:")
  const verb = AMENDMENT_VERBS.all(b.text)[0];
  const from = verb?.end ?? 0;
  const unit = AMENDED_UNITS.all(b.text.slice(from)).find((u) => u.start < (verb ? 24 : 32));
  if (!unit) return false;
  const at = from + unit.end;
  const named = /^\s+([a-zđ]|\d{1,3})(?![\p{L}\p{N}])/u.exec(b.text.slice(at))?.[1];
  if (!named) return false;
  return m.style === 'letter' ? LETTERS[m.values[0]] === named : String(m.values[0]) === named;
}

/** The line opens a quotation of numbered text ("“2. …", "“Điều 5. …") and leaves it open, at its start or after its first words. */
function leavesQuoteOpen(t: string): boolean {
  if (!QUOTED_NUMBER_RE.test(t)) return false;
  return /^[“"]/.test(t) ? !closesQuote(t) : opensQuote(t);
}

const QUOTED_NUMBER_RE = /[“"]\s*(?:\d{1,3}(?:\.\d{1,2})*[.)]|[a-zđ]\)|\p{Lu}\p{Ll}+\s+\d)/u;

/** The block ends a quotation: a closing mark at its end (before punctuation or "./."). */
function closesQuote(t: string): boolean {
  return /[”"][.,;:]?(?:\/\.)?$/.test(t);
}

/** The block opens a quotation after its first words and leaves it open: more “ than ”, or an odd number of straight quotes. */
function opensQuote(t: string): boolean {
  let open = 0;
  let close = 0;
  let straight = 0;
  for (const c of t) {
    if (c === '“') open++;
    else if (c === '”') close++;
    else if (c === '"') straight++;
  }
  return open > close || (open === 0 && close === 0 && straight % 2 === 1 && !/"[.,;:]?(?:\/\.)?$/.test(t));
}

/** The block's last curly quotation mark opens an excerpt of numbered text ("… quy định: “5. …"). */
function opensExcerpt(t: string): boolean {
  const k = t.lastIndexOf('“');
  return k > t.lastIndexOf('”') && QUOTED_NUMBER_RE.test(t.slice(k));
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

// Line-oriented block parser shared by plain text, Markdown and text rebuilt from Word/PDF:
// headings, paragraphs, list items with their markers and nesting, tables (pipe rows or
// tab-separated rows), and the outline (which numbered block encloses which).

import type { Block, BlockKind, Document, Marker, Table, TableCell, TableRow } from './document.js';
import type { Span } from './source.js';

export interface BlockOptions {
  markdown: boolean;
}

interface Line {
  start: number;
  end: number; // without terminator
  text: string;
}

const LETTERS = 'abcdđefghijklmnopqrstuvwxyz';
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

// a footnote reference may follow the marker directly ("4.[20] Chi phí …" in a consolidated text)
const BULLET_RE = /^([-+*•–·▪●○◦])[ \t]+(?=\S)/;
const MULTI_RE = /^(\d{1,2}(?:\.\d{1,2})+)(\.?)(?:\[\d{1,3}\])?[ \t]+(?=\S)/;
const ARABIC_RE = /^(\d{1,3})([.)]|-(?=[ \t]))(?:\[\d{1,3}\])?[ \t]+(?=\S)/;
const ROMAN_RE = /^([IVXLC]{1,7})([.)]|-(?=[ \t]))(?:\[\d{1,3}\])?[ \t]+(?=\S)/;
// a lettered point: "a)", "a.", "đ )" (a stray space before the bracket), a Cyrillic look-alike ("с)" from a conversion)
const LETTER_RE = /^([a-zđ\u0430\u0441\u0435\u043e\u0440\u0445\u0443])( ?\)|\.)(?:\[\d{1,3}\])?[ \t]+(?=\S)|^([A-ZĐ])(\))[ \t]+(?=\S)/;
const LOOK_ALIKE: Record<string, string> = { '\u0430': 'a', '\u0441': 'c', '\u0435': 'e', '\u043e': 'o', '\u0440': 'p', '\u0445': 'x', '\u0443': 'y' };
const FOOTNOTE_REF_RE = /^\[\d{1,3}\]/;
const CLOSING_RE = /[.!?;:…"”’'»)\]}]\s*$/u;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      lines.push({ start, end: i, text: text.slice(start, i) });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      if (c === -1) break;
    }
  }
  return lines;
}

export function romanValue(s: string): number {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    const next = ROMAN[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, r] of table) while (n >= v) { out += r; n -= v; }
  return out;
}

/** Reads an outline or bullet marker at the start of `s` (already without indentation). */
export function readMarker(s: string, offset: number): Marker | undefined {
  let m = BULLET_RE.exec(s);
  if (m) return { raw: m[1], span: { start: offset, end: offset + m[1].length }, style: 'bullet', values: [], delimiter: m[1] };
  m = MULTI_RE.exec(s);
  if (m && (m[2] === '.' || /^\p{Lu}/u.test(s.slice(m[0].length)))) {
    const raw = m[1] + m[2];
    return { raw, span: { start: offset, end: offset + raw.length }, style: 'multi', values: m[1].split('.').map(Number), delimiter: m[2] };
  }
  m = ARABIC_RE.exec(s);
  if (m) {
    const raw = m[1] + m[2];
    return { raw, span: { start: offset, end: offset + raw.length }, style: 'arabic', values: [Number(m[1])], delimiter: m[2] };
  }
  m = ROMAN_RE.exec(s);
  if (m && toRoman(romanValue(m[1])) === m[1]) {
    const raw = m[1] + m[2];
    return { raw, span: { start: offset, end: offset + raw.length }, style: 'roman', values: [romanValue(m[1])], delimiter: m[2] };
  }
  m = LETTER_RE.exec(s);
  if (m) {
    const letter = m[1] ?? m[3];
    const raw = letter + (m[2] ?? m[4]);
    const latin = LOOK_ALIKE[letter] ?? letter.toLowerCase();
    return { raw, span: { start: offset, end: offset + raw.length }, style: 'letter', values: [LETTERS.indexOf(latin)], delimiter: (m[2] ?? m[4]).trim() };
  }
  return undefined;
}

function styleKey(m: Marker): string {
  return m.style === 'multi' ? `multi:${m.values.length}` : `${m.style}${m.delimiter === ')' ? ')' : ''}`;
}

function isUpperHeading(s: string): boolean {
  if (s.length > 160) return false;
  if (/\p{Ll}/u.test(s)) return false;
  const letters = s.match(/\p{Lu}/gu);
  return !!letters && letters.length >= 3;
}

/** Finds `<!-- ... -->` comments; the text inside them is not analysed. */
function findComments(text: string): Array<{ span: Span; text: string }> {
  const out: Array<{ span: Span; text: string }> = [];
  let i = text.indexOf('<!--');
  while (i >= 0) {
    const j = text.indexOf('-->', i + 4);
    if (j < 0) break;
    out.push({ span: { start: i, end: j + 3 }, text: text.slice(i + 4, j).trim() });
    i = text.indexOf('<!--', j + 3);
  }
  return out;
}

/** Parses `doc.text` into blocks and tables, filling `doc.blocks`, `doc.tables`, `doc.ignored`, `doc.comments`. */
export function parseBlocks(doc: Document, opts: BlockOptions): void {
  const text = doc.text;
  doc.comments = findComments(text);
  const ignored: Span[] = doc.comments.map((c) => c.span);
  const lines = splitLines(text);
  const blocks: Block[] = [];
  const tables: Table[] = [];

  // Blank out comment text line by line (a line wholly inside a comment is blank).
  const inComment = (start: number, end: number): boolean => ignored.some((s) => s.start <= start && s.end >= end);

  let para: Line[] = []; // pending Markdown paragraph lines
  let tableRows: Line[] = [];
  let tableIsPipe = false;
  let fence: string | null = null;
  let fenceStart = 0;

  const flushPara = (): void => {
    if (para.length === 0) return;
    const first = para[0];
    const last = para[para.length - 1];
    pushBlock(blocks, text, { start: first.start, end: last.end }, 'paragraph', undefined, 0);
    para = [];
  };
  const flushTable = (): void => {
    if (tableRows.length === 0) return;
    if (!tableIsPipe && tableRows.length < 2) {
      // a lone tab-separated line is not a table: treat as a paragraph
      const l = tableRows[0];
      tableRows = [];
      lineBlock(l);
      return;
    }
    const rows: TableRow[] = [];
    let headerRows = -1;
    for (const l of tableRows) {
      const cells = tableIsPipe ? pipeCells(l) : tabCells(l);
      if (tableIsPipe && cells.every((c) => /^:?-{2,}:?$/.test(c.text))) {
        headerRows = rows.length;
        continue;
      }
      rows.push({ span: { start: l.start, end: l.end }, cells });
    }
    const span = { start: tableRows[0].start, end: tableRows[tableRows.length - 1].end };
    const table: Table = { index: tables.length, span, rows, headerRows };
    tables.push(table);
    const b = pushBlock(blocks, text, span, 'table', undefined, 0);
    b.table = table;
    tableRows = [];
  };

  const lineBlock = (l: Line): void => {
    const indentMatch = /^[ \t]*/.exec(l.text)!;
    const indent = indentMatch[0].length;
    const body = l.text.slice(indent);
    const start = l.start + indent;
    if (opts.markdown) {
      const h = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(body);
      if (h) {
        flushPara();
        const b = pushBlock(blocks, text, { start, end: l.end }, 'heading', undefined, h[1].length);
        const inner = body.indexOf(h[2], h[1].length);
        const m = readMarker(h[2], start + inner);
        b.content = { start: (m ? m.span.end : start + inner), end: start + inner + h[2].length };
        while (b.content.start < b.content.end && /\s/.test(text[b.content.start])) b.content.start++;
        b.text = text.slice(b.content.start, b.content.end);
        if (m) b.marker = m;
        return;
      }
    }
    const marker = readMarker(body, start);
    if (marker) {
      flushPara();
      const b = pushBlock(blocks, text, { start, end: l.end }, 'list-item', marker, indent);
      if (marker.style !== 'bullet' && b.text.length <= 160 && !CLOSING_RE.test(b.text.replace(/[*_]+$/, ''))) b.kind = 'heading';
      if (marker.style !== 'bullet' && /:\s*$/.test(b.text) && b.text.length <= 100) b.kind = 'heading';
      return;
    }
    if (opts.markdown) {
      para.push({ start, end: l.end, text: body });
      return;
    }
    const kind: BlockKind = isUpperHeading(body) ? 'heading' : 'paragraph';
    pushBlock(blocks, text, { start, end: l.end }, kind, undefined, 0);
  };

  for (let li = 0; li < lines.length; li++) {
    const l = lines[li];
    const trimmed = l.text.trim();
    if (opts.markdown) {
      const f = /^(`{3,}|~{3,})/.exec(trimmed);
      if (fence !== null) {
        if (f && trimmed.startsWith(fence)) {
          ignored.push({ start: fenceStart, end: l.end });
          fence = null;
        }
        continue;
      }
      if (f) {
        flushPara();
        flushTable();
        fence = f[1];
        fenceStart = l.start;
        continue;
      }
    }
    if (trimmed === '' || inComment(l.start, l.end)) {
      flushPara();
      flushTable();
      continue;
    }
    const isPipe = opts.markdown && trimmed.startsWith('|');
    // Word tables copied as text: inside a tab-separated table, a row that starts with a marker and
    // carries a figure ("- Thuế GTGT⇥393.000", "1.1⇥Chi đầu tư⇥5.937.440") or whose cell wraps onto a
    // next line with the figures goes on the table (a marker line without figures stays a list
    // item, which section numbering reads), and so does a short line of one cell between two rows
    // ("Trong đó:", a wrapped cell)
    const inTabTable = !opts.markdown && tableRows.length > 0 && !tableIsPipe;
    const marker = readMarker(trimmed, 0);
    const isTab = !opts.markdown && ((l.text.includes('\t') && (!marker || (inTabTable && (hasFigureCell(l.text) || wrappedRow(lines[li + 1]?.text))))) || (inTabTable && oneCellRow(trimmed, marker, lines[li + 1]?.text)));
    if (isPipe || isTab) {
      if (tableRows.length > 0 && tableIsPipe !== isPipe) flushTable();
      flushPara();
      tableIsPipe = isPipe;
      tableRows.push(l);
      continue;
    }
    flushTable();
    lineBlock(l);
  }
  if (fence !== null) ignored.push({ start: fenceStart, end: text.length });
  flushPara();
  flushTable();

  doc.blocks = blocks;
  doc.tables = tables;
  doc.ignored = ignored.sort((a, b) => a.start - b.start);
  linkOutline(blocks);
}

function pushBlock(blocks: Block[], text: string, span: Span, kind: BlockKind, marker: Marker | undefined, indentOrLevel: number): Block {
  let cs = marker ? marker.span.end : span.start;
  if (marker) {
    const ref = FOOTNOTE_REF_RE.exec(text.slice(cs, cs + 5));
    if (ref) cs += ref[0].length;
  }
  while (cs < span.end && (text[cs] === ' ' || text[cs] === '\t')) cs++;
  let ce = span.end;
  while (ce > cs && /\s/.test(text[ce - 1])) ce--;
  const b: Block = {
    index: blocks.length,
    kind,
    span,
    content: { start: cs, end: ce },
    text: text.slice(cs, ce),
    level: kind === 'heading' && !marker ? indentOrLevel : 0,
    parent: -1,
    section: -1,
    continues: false,
  };
  if (marker) b.marker = marker;
  // keep indentation for list nesting; reused by linkOutline
  (b as Block & { indent?: number }).indent = marker ? indentOrLevel : 0;
  blocks.push(b);
  return b;
}

function pipeCells(l: Line): TableCell[] {
  const cells: TableCell[] = [];
  const s = l.text;
  let i = s.indexOf('|');
  if (i < 0) return cells;
  let cellStart = i + 1;
  for (let j = i + 1; j <= s.length; j++) {
    if (j === s.length || (s[j] === '|' && s[j - 1] !== '\\')) {
      let a = cellStart;
      let b = j;
      while (a < b && /\s/.test(s[a])) a++;
      while (b > a && /\s/.test(s[b - 1])) b--;
      if (j < s.length || a < b) cells.push({ span: { start: l.start + a, end: l.start + b }, text: s.slice(a, b) });
      cellStart = j + 1;
    }
  }
  return cells;
}

/** A tab-separated line with a cell (after the first) that is only a figure. */
function hasFigureCell(line: string): boolean {
  return line.split('\t').slice(1).some((c) => /^\s*\d[\d.,]*%?\s*$/.test(c));
}

/** The rest of a row whose first cells were wrapped: the next line goes on in lower case and carries the figures. */
function wrappedRow(next: string | undefined): boolean {
  return next !== undefined && next.includes('\t') && /^\s*\p{Ll}/u.test(next) && hasFigureCell(next);
}

/** A line of one cell inside a tab-separated table: short, no outline number, no title in capitals, the next line a row again. */
function oneCellRow(trimmed: string, marker: Marker | undefined, next: string | undefined): boolean {
  return trimmed.length <= 120 && (!marker || marker.style === 'bullet') && !isUpperHeading(trimmed) && next !== undefined && next.includes('\t') && next.trim() !== '';
}

function tabCells(l: Line): TableCell[] {
  const cells: TableCell[] = [];
  let cellStart = 0;
  const s = l.text;
  for (let j = 0; j <= s.length; j++) {
    if (j === s.length || s[j] === '\t') {
      let a = cellStart;
      let b = j;
      while (a < b && s[a] === ' ') a++;
      while (b > a && s[b - 1] === ' ') b--;
      cells.push({ span: { start: l.start + a, end: l.start + b }, text: s.slice(a, b) });
      cellStart = j + 1;
    }
  }
  return cells;
}

/**
 * Pairs that end unclosed and go on in lower case but are not one sentence: a table row read as
 * a line (tabs), a title-case heading line (a side heading from a PDF: "Oversight Mechanisms
 * Consistently"), an address or link ("CongRel@gao.gov" then "https://…").
 */
function notSplitSentence(prev: string, next: string): boolean {
  if (prev.includes('\t') || next.includes('\t')) return true;
  let k = prev.length;
  while (k > 0 && !/\s/.test(prev[k - 1])) k--;
  const lastWord = prev.slice(k);
  if (/^(?:https?:\/\/|www\.)/.test(next) || lastWord.includes('@') || /^https?:\/\//.test(lastWord)) return true;
  if (prev.length > 300) return false;
  const words = prev.split(/\s+/);
  if (words.length <= 15) {
    const long = words.filter((w) => /^\p{L}{4,}/u.test(w));
    if (long.length >= 1 && long.every((w) => /^\p{Lu}/u.test(w))) return true;
  }
  return false;
}

/** A numbered line read as a heading for want of closing punctuation, too long for a title (a list item the break cut: "b) Doanh nghiệp có dự án đầu tư được hưởng ưu đãi về"). */
function longNumberedLine(b: Block): boolean {
  return b.kind === 'heading' && b.marker !== undefined && b.marker.style !== 'bullet' && b.text.split(/\s+/).length >= LONG_NUMBERED_WORDS;
}
const LONG_NUMBERED_WORDS = 10;

/** Outline: numbered blocks nest by style (a style not yet open goes one level deeper; a style
 * already open closes back to it); bullets nest by indentation and marker character below the
 * block they follow; a paragraph split mid-sentence is joined to the block it continues. */
function linkOutline(blocks: Block[]): void {
  const outline: Array<{ key: string; index: number }> = [];
  let bullets: Array<{ key: string; index: number }> = [];
  let bulletBase = -1; // the block a bullet run hangs from
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const prev = i > 0 ? blocks[i - 1] : undefined;
    // a page-broken paragraph: previous block ends mid-sentence, this one starts in lower case
    if (
      prev &&
      (prev.kind === 'paragraph' || prev.kind === 'list-item' || longNumberedLine(prev)) &&
      !b.marker &&
      b.kind === 'paragraph' &&
      /^\p{Ll}/u.test(b.text) &&
      !CLOSING_RE.test(prev.text) &&
      !notSplitSentence(prev.text, b.text)
    ) {
      prev.continues = true;
      b.parent = prev.parent;
      b.section = prev.section;
      b.level = prev.level;
      continue;
    }
    const top = outline.length ? outline[outline.length - 1].index : -1;
    if (b.kind === 'heading' && !b.marker && b.level > 0) {
      // Markdown '#' heading: level by '#' count
      while (outline.length && blocks[outline[outline.length - 1].index].level >= b.level) outline.pop();
      b.parent = outline.length ? outline[outline.length - 1].index : -1;
      b.section = b.parent;
      outline.push({ key: `h${b.level}`, index: i });
      bullets = [];
      bulletBase = i;
      continue;
    }
    if (b.marker && b.marker.style !== 'bullet') {
      const key = styleKey(b.marker);
      const at = outline.findIndex((o) => o.key === key);
      if (at >= 0) outline.length = at;
      b.parent = outline.length ? outline[outline.length - 1].index : -1;
      b.section = b.parent;
      b.level = outline.length + 1;
      if (b.kind === 'heading' && b.level === 1 && outline.length === 0) b.level = 1;
      outline.push({ key, index: i });
      bullets = [];
      bulletBase = i;
      continue;
    }
    if (b.marker && b.marker.style === 'bullet') {
      const indent = (b as Block & { indent?: number }).indent ?? 0;
      const key = `${indent}:${b.marker.delimiter}`;
      const at = bullets.findIndex((o) => o.key === key);
      if (at >= 0) bullets.length = at;
      else {
        // deeper indentation than every open level closes nothing; shallower closes deeper ones
        while (bullets.length && Number(bullets[bullets.length - 1].key.split(':')[0]) > indent) bullets.pop();
      }
      b.parent = bullets.length ? bullets[bullets.length - 1].index : bulletBase;
      b.section = top;
      b.level = bullets.length + 1;
      bullets.push({ key, index: i });
      continue;
    }
    // plain paragraph, unnumbered heading or table
    b.section = top;
    b.parent = top;
    bullets = [];
    bulletBase = i;
  }
}

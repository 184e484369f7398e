// The locations model shared by the office readers (.docx, .odt, .doc/.rtf through .docx,
// spreadsheets): the document text is one line per paragraph (a table row is one line, cells
// separated by tabs), and a side table gives each line its extras (paragraph, table/row/cell,
// footnote, sheet and cell reference) plus a short quote, so findings print where a reader
// finds them.

import { Document, type DocFormat, type LocationExtras } from './document.js';
import { parseBlocks } from './blocks.js';

export interface OfficeLine {
  start: number;
  end: number;
  extras: LocationExtras;
  /** Table rows: where each cell starts (offsets in the text). */
  cells?: number[];
  /** Spreadsheets: the reference of each cell (`C12`), parallel to `cells`. */
  refs?: string[];
}

export interface OfficeComment {
  start: number;
  end: number;
  text: string;
  author?: string;
}

/** The line holding an offset (lines ascending by start). */
export function lineAt<L extends { start: number }>(lines: L[], offset: number): L | undefined {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo];
}

/** Extras of an original offset: the line's, the cell (index or reference) and a quote. */
export function extrasOf(original: string, lines: OfficeLine[], offset: number): LocationExtras | undefined {
  const line = lineAt(lines, offset);
  if (!line) return undefined;
  const extras: LocationExtras = { ...line.extras };
  let quoteEnd = line.end;
  if (line.cells) {
    let c = 0;
    while (c + 1 < line.cells.length && line.cells[c + 1] <= offset) c++;
    // a quote from a cell stays in that cell
    if (c + 1 < line.cells.length) quoteEnd = Math.max(offset, line.cells[c + 1] - 1);
    if (line.refs) {
      const sheet = String(line.extras.sheet ?? '');
      extras.cell = line.refs[c];
      extras.ref = sheet ? `${quoteSheet(sheet)}!${line.refs[c]}` : line.refs[c];
    } else extras.cell = c + 1;
  }
  const q = quoteAt(original, offset, quoteEnd);
  if (q) extras.quote = q;
  return extras;
}

/** `Thu`, `'Biểu 01'`: a sheet name as a formula writes it. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Builds the Document of an office file from its rebuilt text, lines and comments. */
export function officeDocument(path: string, format: DocFormat, original: string, lines: OfficeLine[], comments: OfficeComment[]): Document {
  let parsed = false;
  const extrasAt = (offset: number): LocationExtras | undefined => {
    const extras = extrasOf(original, lines, offset);
    // the heading path a Word user can find ("4.2.", "9.2. a)"): Word never shows paragraph numbers
    const b = parsed && extras ? doc.blockAt(doc.norm.fromOriginal(offset)) : undefined;
    const section = b ? doc.sectionLabel(b.index) : '';
    if (extras && section) extras.section = section;
    return extras;
  };
  const doc = new Document({ path, format, original, encoding: 'utf-8', extrasAt });
  parseBlocks(doc, { markdown: false });
  parsed = true;
  doc.comments = comments.map((c) => ({ span: { start: doc.norm.fromOriginal(c.start), end: doc.norm.fromOriginal(c.end) }, text: c.text }));
  return doc;
}

/** A short quote starting at `offset` (at most ~40 characters, whole words), to find with Ctrl+F. */
export function quoteAt(text: string, offset: number, lineEnd: number): string {
  const end = Math.min(lineEnd, offset + 40);
  let s = text.slice(offset, end);
  if (end < lineEnd) {
    const cut = s.lastIndexOf(' ');
    if (cut > 10) s = s.slice(0, cut);
  }
  return s.replace(/\t/g, ' ').trim();
}

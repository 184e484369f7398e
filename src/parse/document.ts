// The document model every rule reads: analysed text (NFC), a flat list of blocks in reading
// order with their markers, outline parents and sections, and tables. All spans are offsets
// into `text`; `locate` turns them into original-file lines and columns.

import { NormalizedText, SourceIndex, type Span } from './source.js';

export type { Span } from './source.js';

/**
 * `doc` and `rtf` are read through LibreOffice as .docx; `xlsx` and `ods` are spreadsheets (each
 * sheet's used range as a table).
 */
export type DocFormat = 'text' | 'markdown' | 'docx' | 'pdf' | 'odt' | 'doc' | 'rtf' | 'xlsx' | 'ods';

/** Formats read from plain text, where fixes can be written back. */
export function isTextFormat(format: DocFormat): boolean {
  return format === 'text' || format === 'markdown';
}

export type MarkerStyle =
  | 'roman' // I. II. (also I- and I))
  | 'arabic' // 1. 2. (also 1) and 1-)
  | 'multi' // 1.1. 1.2.3
  | 'letter' // a) b) ... in Vietnamese order (a b c d đ e g h i k ...)
  | 'bullet'; // - + * • –

export interface Marker {
  raw: string;
  span: Span;
  style: MarkerStyle;
  /** Numbers of an outline marker (`1.2.` -> [1, 2]; `IV.` -> [4]; `c)` -> [3]); empty for bullets. */
  values: number[];
  /** The punctuation after the number (`.`, `)`, `-`) or the bullet character. */
  delimiter: string;
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table';

export interface Block {
  index: number;
  kind: BlockKind;
  /** The whole block, marker included, without the trailing line break. */
  span: Span;
  /** The block's text after its marker. */
  content: Span;
  /** `text.slice(content.start, content.end)`. */
  text: string;
  marker?: Marker;
  /** Outline depth for numbered blocks and Markdown headings (1 = top), list depth for bullets. */
  level: number;
  /** The block this one belongs under (a bullet's paragraph or parent bullet, a numbered item's parent number); -1 if none. */
  parent: number;
  /** Innermost enclosing heading or numbered block; -1 if none. */
  section: number;
  /** True when this block ends mid-sentence and the next block carries on (a page break or conversion split it). */
  continues: boolean;
  /** For kind 'table'. */
  table?: Table;
}

export interface TableCell {
  span: Span;
  text: string;
}

export interface TableRow {
  span: Span;
  cells: TableCell[];
}

export interface Table {
  index: number;
  span: Span;
  rows: TableRow[];
  /** Markdown: the row index of the header separator (`|---|`), -1 when none. */
  headerRows: number;
}

/** Extra location facts a format can add (Word paragraph and table cell, PDF page). */
export type LocationExtras = Record<string, string | number>;

export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Original-text offsets. */
  offset: number;
  endOffset: number;
  extras?: LocationExtras;
}

export interface DocumentInit {
  path: string;
  format: DocFormat;
  /** Decoded original text; for .docx and .pdf, the text rebuilt from the file (paragraphs/lines joined by `\n`). */
  original: string;
  encoding?: string;
  bom?: boolean;
  /** Format-specific location extras, from an ORIGINAL offset. */
  extrasAt?: (offset: number) => LocationExtras | undefined;
}

export class Document {
  readonly path: string;
  readonly format: DocFormat;
  readonly original: string;
  readonly text: string;
  readonly norm: NormalizedText;
  readonly source: SourceIndex;
  readonly encoding: string;
  readonly bom: boolean;
  blocks: Block[] = [];
  tables: Table[] = [];
  /** Spans the rules never look at (Markdown code, HTML comments). */
  ignored: Span[] = [];
  /** Comments in the text (Markdown/HTML `<!-- -->`), for suppression directives. */
  comments: Array<{ span: Span; text: string }> = [];
  private readonly extrasAt?: (offset: number) => LocationExtras | undefined;

  constructor(init: DocumentInit) {
    this.path = init.path;
    this.format = init.format;
    this.original = init.original;
    this.norm = new NormalizedText(init.original);
    this.text = this.norm.text;
    this.source = new SourceIndex(init.original);
    this.encoding = init.encoding ?? 'utf-8';
    this.bom = init.bom ?? false;
    this.extrasAt = init.extrasAt;
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** Original-file line/column of an analysed-text span (1-based, UTF-16 columns, end exclusive). */
  locate(span: Span): Location {
    const offset = this.norm.toOriginal(span.start);
    const endOffset = Math.max(offset, this.norm.toOriginal(span.end));
    const a = this.source.locate(offset);
    const b = this.source.locate(endOffset);
    const loc: Location = { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset, endOffset };
    const extras = this.extrasAt?.(offset);
    if (extras) loc.extras = extras;
    return loc;
  }

  /** The block containing an analysed-text offset (binary search), or undefined. */
  blockAt(offset: number): Block | undefined {
    const b = this.blocks;
    let lo = 0;
    let hi = b.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid].span.end < offset) lo = mid + 1;
      else if (b[mid].span.start > offset) hi = mid - 1;
      else return b[mid];
    }
    return undefined;
  }

  /** A human label for the section of a block: the chain of outline markers, e.g. `II.1.3. b)` -> `1.3. b)`. */
  sectionLabel(blockIndex: number): string {
    const parts: string[] = [];
    let i = blockIndex;
    const seen = new Set<number>();
    while (i >= 0 && !seen.has(i)) {
      seen.add(i);
      const b = this.blocks[i];
      if (b.marker && b.marker.style !== 'bullet') parts.unshift(b.marker.raw.trim());
      else if (b.kind === 'heading') parts.unshift(b.text.slice(0, 40));
      if (b.marker?.style === 'multi' || b.marker?.style === 'roman') break;
      i = b.kind === 'heading' || (b.marker && b.marker.style !== 'bullet') ? b.parent : b.section;
    }
    return parts.join(' ');
  }
}

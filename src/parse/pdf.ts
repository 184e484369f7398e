// PDF with a text layer -> Document (pdfjs-dist, loaded only when a PDF is linted). Text items are
// grouped into lines by baseline, lines into paragraphs by layout (a vertical gap, a short line,
// a first-line indent, a list marker), so a paragraph wrapped over several lines is one block as
// in the .txt. Locations are PDF lines counted across pages (`line`), with `page` in the extras.

import { Document, type DocumentInit, type Location, type LocationExtras } from './document.js';
import { parseBlocks, readMarker } from './blocks.js';
import type { Span } from './source.js';
import type { Deadline } from './limits.js';

export class PdfError extends Error {}

interface PdfLine {
  text: string;
  page: number;
  x: number;
  right: number;
  y: number;
  size: number;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** A Document whose lines are the PDF's lines, not the paragraphs of its analysed text. */
class PdfDocument extends Document {
  constructor(
    init: DocumentInit,
    /** Original offset where each PDF line starts (ascending), and its page. */
    private readonly lineStarts: number[],
    private readonly linePages: number[],
  ) {
    super(init);
  }

  private lineAt(offset: number): number {
    const s = this.lineStarts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  override locate(span: Span): Location {
    const offset = this.norm.toOriginal(span.start);
    const endOffset = Math.max(offset, this.norm.toOriginal(span.end));
    const a = this.lineAt(offset);
    const b = this.lineAt(endOffset);
    const extras: LocationExtras = { page: this.linePages[a] };
    let lineEnd = this.original.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = this.original.length;
    const q = this.original.slice(offset, Math.min(lineEnd, offset + 40)).trim();
    if (q) extras.quote = q;
    return {
      line: a + 1,
      column: offset - this.lineStarts[a] + 1,
      endLine: b + 1,
      endColumn: endOffset - this.lineStarts[b] + 1,
      offset,
      endOffset,
      extras,
    };
  }
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

// pdfjs's Node build, imported only when a PDF is linted; the browser page loads its own build
// (from a blob URL, only when a PDF is dropped) through setPdfjsLoader.
let loader: () => Promise<Pdfjs> = () => import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<Pdfjs> | undefined;

export function setPdfjsLoader(load: () => Promise<Pdfjs>): void {
  loader = load;
  loaded = undefined;
}

function loadPdfjs(): Promise<Pdfjs> {
  loaded ??= loader();
  return loaded;
}

const CLOSING = /[.!?;:…"”’'»)\]}]\s*$/u;

async function extractLines(bytes: Uint8Array, deadline?: Deadline): Promise<PdfLine[]> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs detaches the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new PdfError('the PDF is password-protected');
    if (name === 'InvalidPDFException') throw new PdfError('damaged PDF or not a PDF (invalid structure)');
    throw new PdfError(`damaged PDF (${e instanceof Error ? e.message : String(e)})`);
  }
  const lines: PdfLine[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      deadline?.check(`reading it (page ${n} of ${pdf.numPages})`);
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let cur: PdfLine | undefined;
      let lastEnd = 0;
      const flush = (): void => {
        if (cur && cur.text.trim()) {
          cur.text = cur.text.replace(/\s+$/, '');
          lines.push(cur);
        }
        cur = undefined;
      };
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const it = raw as TextItemLike;
        const x = it.transform[4];
        const y = it.transform[5];
        const size = Math.hypot(it.transform[2], it.transform[3]) || it.height || 10;
        if (cur && Math.abs(y - cur.y) > size * 0.5) flush();
        if (it.str) {
          if (!cur) {
            cur = { text: '', page: n, x, right: x, y, size };
            lastEnd = x;
          } else if (x - lastEnd > size * 0.15 && !/\s$/.test(cur.text) && !/^\s/.test(it.str)) cur.text += ' ';
          cur.text += it.str;
          lastEnd = x + it.width;
          cur.right = Math.max(cur.right, lastEnd);
          cur.size = Math.max(cur.size, size);
        }
        if (it.hasEOL) flush();
      }
      flush();
      page.cleanup();
    }
  } finally {
    await pdf.destroy();
  }
  return lines;
}

/** Joins PDF lines into paragraphs: returns, per line, whether it starts a new paragraph. */
function paragraphStarts(lines: PdfLine[]): boolean[] {
  const starts: boolean[] = [];
  // per page: left margin, right margin and usual line spacing
  const byPage = new Map<number, PdfLine[]>();
  for (const l of lines) {
    const a = byPage.get(l.page) ?? [];
    a.push(l);
    byPage.set(l.page, a);
  }
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  const spacing = new Map<number, number>();
  for (const [p, ls] of byPage) {
    left.set(p, Math.min(...ls.map((l) => l.x)));
    right.set(p, Math.max(...ls.map((l) => l.right)));
    const gaps = ls.slice(1).map((l, i) => ls[i].y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
    spacing.set(p, gaps.length ? gaps[Math.floor(gaps.length / 4)] : 0); // lower quartile: the gap inside a paragraph
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const prev = lines[i - 1];
    if (!prev) {
      starts.push(true);
      continue;
    }
    const samePage = prev.page === l.page;
    const gap = prev.y - l.y;
    const sp = spacing.get(l.page) || l.size * 1.2;
    // the previous line stopped early: the next line's first word would have fitted on it
    const charWidth = (prev.right - prev.x) / Math.max(1, prev.text.length);
    const firstWord = /^\S+/.exec(l.text.trim())?.[0] ?? '';
    const room = (right.get(prev.page) ?? prev.right) - prev.right;
    const prevShort = room > (firstWord.length + 1) * charWidth * 1.1;
    const indented = l.x > (left.get(l.page) ?? l.x) + l.size * 0.8 && !(prev.x > (left.get(prev.page) ?? prev.x) + prev.size * 0.8 && Math.abs(prev.x - l.x) < 1);
    const marker = !!readMarker(l.text.trim(), 0);
    const bigGap = samePage && (gap > sp * 1.4 || gap < 0);
    // a sentence that runs on in lower case continues the paragraph, whatever the line lengths
    // say (ragged tables, centred text); only a blank-line gap or a list marker ends it there
    const runsOn = !CLOSING.test(prev.text) && /^\p{Ll}/u.test(l.text.trim());
    const fresh = bigGap || marker || (!runsOn && (prevShort || indented || (!samePage && CLOSING.test(prev.text))));
    starts.push(fresh);
  }
  return starts;
}

export async function parsePdf(bytes: Uint8Array, path: string, deadline?: Deadline): Promise<Document> {
  const lines = await extractLines(bytes, deadline);
  if (lines.length === 0) throw new PdfError('no text layer; OCR is not supported');
  const starts = paragraphStarts(lines);
  let original = '';
  const lineStarts: number[] = [];
  const linePages: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const text = l.text.replace(/[\r\n]/g, ' ');
    if (i > 0) {
      if (starts[i]) original += '\n';
      // a line broken after a hyphen inside a word (QĐ-|UBND, 164-|TB/TU) joins without a space
      else if (!/[^\s-]-$/.test(original)) original += ' ';
    }
    lineStarts.push(original.length);
    linePages.push(l.page);
    original += text;
  }
  const doc = new PdfDocument({ path, format: 'pdf', original, encoding: 'utf-8' }, lineStarts, linePages);
  parseBlocks(doc, { markdown: false });
  return doc;
}

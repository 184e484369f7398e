// Word (.docx) -> Document. The text a reader sees is rebuilt in reading order, one line per
// paragraph (a table row is one line, its cells separated by tabs, so the block parser makes a
// table of it), then text boxes after their paragraph and footnotes/endnotes at the end:
// `line` = paragraph index. Automatic numbering is rendered, tracked changes are read accepted,
// hidden text is skipped, fields show their results. Word comments become `doc.comments`.
// Every text character keeps its place in the XML so `--annotate` can anchor comments exactly.

import type { DocFormat, Document, LocationExtras } from './document.js';
import { officeDocument } from './office.js';
import { Numbering } from './docx/numbering.js';
import { MC_NS, W_NS, parseXml, type TagInfo } from './docx/xml.js';
import { ZipArchive, type ZipLimits } from './docx/zip.js';

export class DocxError extends Error {}

/** A `<w:t>` element in a part: where its text and its run are in the XML. */
export interface TextNode {
  part: string;
  /** `<w:t ...>` open tag. */
  openStart: number;
  openEnd: number;
  /** Raw text content (before `</w:t>`). */
  textStart: number;
  textEnd: number;
  /** The run's `<w:rPr>...</w:rPr>` as written, or ''. */
  rPr: string;
}

/** A stretch of the rebuilt text that comes from one `<w:t>` (offsets in `original`). */
export interface TextSeg {
  start: number;
  end: number;
  node: number;
}

export interface DocxLine {
  start: number;
  end: number;
  extras: LocationExtras;
  /** Table rows: where each cell starts. */
  cells?: number[];
}

export interface DocxModel {
  original: string;
  lines: DocxLine[];
  segs: TextSeg[];
  nodes: TextNode[];
  comments: Array<{ id: string; start: number; end: number; text: string; author: string }>;
  /** The XML of the parts read (for the annotate writer). */
  parts: Map<string, string>;
  /** Where each note is referenced in the body (`footnote:1`): the reference run's XML range. */
  noteRefs: Map<string, { part: string; start: number; end: number }>;
  zip: ZipArchive;
  documentPart: string;
}

interface Mark {
  at: number;
  id: string;
  kind: 'start' | 'end' | 'ref';
}

/** Text under construction with its XML segments and comment marks (offsets relative to it). */
class Buf {
  text = '';
  segs: TextSeg[] = [];
  marks: Mark[] = [];
  cells: number[] = [];

  add(s: string, node = -1): void {
    if (!s) return;
    if (node >= 0) this.segs.push({ start: this.text.length, end: this.text.length + s.length, node });
    this.text += s;
  }

  mark(id: string, kind: Mark['kind']): void {
    this.marks.push({ at: this.text.length, id, kind });
  }

  append(o: Buf, sep: string): void {
    if (this.text && o.text && sep) this.text += sep;
    const base = this.text.length;
    for (const s of o.segs) this.segs.push({ start: s.start + base, end: s.end + base, node: s.node });
    for (const m of o.marks) this.marks.push({ at: m.at + base, id: m.id, kind: m.kind });
    this.text += o.text;
  }
}

const MAGIC_CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function sniff(bytes: Uint8Array): void {
  if (MAGIC_CFB.every((v, i) => bytes[i] === v)) {
    // OLE compound file: either an encrypted OOXML package or a Word 97-2003 document
    const hay = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20)).toString('latin1');
    const u16 = (s: string): string => s.split('').join('\0');
    if (hay.includes(u16('EncryptionInfo')) || hay.includes(u16('EncryptedPackage'))) {
      throw new DocxError('the document is password-protected (encrypted); remove the password in Word and save it again');
    }
    throw new DocxError('this is a Word 97-2003 .doc file, not .docx; save it as .docx (Word Document) first');
  }
  if (bytes[0] === 0x7b && bytes[1] === 0x5c && bytes[2] === 0x72 && bytes[3] === 0x74) throw new DocxError('this is an RTF file, not .docx; save it as .docx first');
  if (bytes.length >= 4 && !(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new DocxError('not a Word .docx file (it is not a zip package)');
}

/** Where the main document part is (from _rels/.rels), default word/document.xml. */
function mainPart(zip: ZipArchive): string {
  const rels = zip.readText('_rels/.rels');
  let target = 'word/document.xml';
  if (rels) {
    parseXml(rels, '_rels/.rels', {
      open: (name, a) => {
        if (name === 'Relationship' && /\/officeDocument$/.test(a.Type ?? '') && a.Target) target = a.Target.replace(/^\//, '');
      },
    });
  }
  return target;
}

function relsOf(zip: ZipArchive, part: string): Map<string, string> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsPath = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const out = new Map<string, string>();
  const xml = zip.readText(relsPath);
  if (!xml) return out;
  parseXml(xml, relsPath, {
    open: (name, a) => {
      if (name !== 'Relationship' || !a.Type || !a.Target || a.TargetMode === 'External') return;
      const type = a.Type.slice(a.Type.lastIndexOf('/') + 1);
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : normalizePath(dir + a.Target);
      out.set(type, target);
    },
  });
  return out;
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

export interface ReadDocxOptions {
  limits?: ZipLimits;
}

export function readDocx(bytes: Uint8Array, opts: ReadDocxOptions = {}): DocxModel {
  sniff(bytes);
  return build(new ZipArchive(bytes, opts.limits));
}

function build(zip: ZipArchive): DocxModel {
  if (zip.has('EncryptionInfo') || zip.has('EncryptedPackage')) throw new DocxError('the document is password-protected (encrypted)');
  const docPart = mainPart(zip);
  const docXml = zip.readText(docPart);
  if (docXml === undefined) throw new DocxError(`not a Word document: '${docPart}' is missing from the package`);
  const rels = relsOf(zip, docPart);
  const parts = new Map<string, string>([[docPart, docXml]]);
  const numbering = new Numbering(
    rels.get('numbering') ? zip.readText(rels.get('numbering')!) : undefined,
    rels.get('styles') ? zip.readText(rels.get('styles')!) : undefined,
  );

  const nodes: TextNode[] = [];
  const lines: DocxLine[] = [];
  const segs: TextSeg[] = [];
  const marks: Mark[] = [];
  let out = '';

  const emit = (b: Buf, extras: LocationExtras): void => {
    if (lines.length) out += '\n';
    const base = out.length;
    const text = b.text.replace(/[\r\n]/g, ' ');
    out += text;
    for (const s of b.segs) segs.push({ start: s.start + base, end: s.end + base, node: s.node });
    for (const m of b.marks) marks.push({ at: m.at + base, id: m.id, kind: m.kind });
    const line: DocxLine = { start: base, end: out.length, extras: { paragraph: lines.length + 1, ...extras } };
    if (b.cells.length) line.cells = b.cells.map((c) => c + base);
    lines.push(line);
  };

  // a comment mark between paragraphs: a start belongs to the next line, an end to the last one
  const markBetween = (id: string, kind: Mark['kind']): void => {
    marks.push({ at: kind === 'start' && lines.length ? out.length + 1 : out.length, id, kind });
  };
  const noteRefs: DocxModel['noteRefs'] = new Map();
  readStory(docXml, docPart, numbering, nodes, emit, {}, markBetween, noteRefs);

  for (const kind of ['footnotes', 'endnotes'] as const) {
    const part = rels.get(kind);
    const xml = part ? zip.readText(part) : undefined;
    if (!part || !xml) continue;
    parts.set(part, xml);
    readStory(xml, part, numbering, nodes, emit, { note: kind === 'footnotes' ? 'footnote' : 'endnote' }, markBetween, noteRefs);
  }

  // comments: their text from comments.xml, their range from the marks
  const comments: DocxModel['comments'] = [];
  const commentsPart = rels.get('comments');
  const commentsXml = commentsPart ? zip.readText(commentsPart) : undefined;
  if (commentsPart && commentsXml) {
    parts.set(commentsPart, commentsXml);
    const texts = readComments(commentsXml, commentsPart);
    const where = new Map<string, { start?: number; end?: number; ref?: number }>();
    for (const m of marks) {
      const w = where.get(m.id) ?? {};
      if (m.kind === 'start') w.start ??= m.at;
      else if (m.kind === 'end') w.end = m.at;
      else w.ref ??= m.at;
      where.set(m.id, w);
    }
    for (const [id, c] of texts) {
      const w = where.get(id);
      if (!w) continue;
      const start = w.start ?? w.ref ?? w.end;
      const end = w.end ?? w.ref ?? start;
      if (start === undefined || end === undefined) continue;
      comments.push({ id, start: Math.min(start, end), end: Math.max(start, end), text: c.text, author: c.author });
    }
  }
  return { original: out, lines, segs, nodes, comments, parts, noteRefs, zip, documentPart: docPart };
}

function readComments(xml: string, part: string): Map<string, { text: string; author: string }> {
  const out = new Map<string, { text: string; author: string }>();
  let cur: { id: string; text: string; author: string; paras: string[] } | undefined;
  let inT = false;
  let para = '';
  parseXml(xml, part, {
    open: (name, a, info) => {
      if (!W_NS.has(info.uri)) return;
      if (name === 'comment') cur = { id: a.id ?? '', text: '', author: a.author ?? '', paras: [] };
      else if (name === 'p') para = '';
      else if (name === 't') inT = true;
      else if (name === 'tab') para += ' ';
    },
    text: (t) => {
      if (inT) para += t;
    },
    close: (name, info) => {
      if (!W_NS.has(info.uri)) return;
      if (name === 't') inT = false;
      else if (name === 'p' && cur) cur.paras.push(para);
      else if (name === 'comment' && cur) {
        out.set(cur.id, { text: cur.paras.join('\n').trim(), author: cur.author });
        cur = undefined;
      }
    },
  });
  return out;
}

/** Elements whose whole content is not part of the accepted, printed text. */
const SKIP = new Set(['del', 'moveFrom', 'instrText', 'delText', 'delInstrText', 'fldData', 'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'numberingChange', 'footnotePr', 'endnotePr']);

interface ParaState {
  buf: Buf;
  styleId?: string;
  numId?: string;
  ilvl?: number;
  markDeleted: boolean;
  labelDone: boolean;
  /** Paragraphs of text boxes met inside this paragraph, emitted after it. */
  deferred: Array<{ buf: Buf }>;
}

/**
 * Walks one story (document body, footnotes or endnotes) and emits its lines in reading order.
 */
function readStory(
  xml: string,
  part: string,
  numbering: Numbering,
  nodes: TextNode[],
  emit: (b: Buf, extras: LocationExtras) => void,
  baseExtras: LocationExtras,
  markBetween: (id: string, kind: Mark['kind']) => void,
  noteRefs: DocxModel['noteRefs'],
): void {
  let skip = 0; // depth inside a skipped subtree
  const paras: ParaState[] = [];
  let pendingMerge: Buf | undefined; // paragraph whose mark was deleted: joins the next one
  // tables: only the outermost table makes rows; nested tables flow into its cell
  let tableDepth = 0;
  let tableIndex = 0;
  let rowIndex = 0;
  let row: Buf[] | undefined;
  let rowSpans: number[] = [];
  let cell: Buf | undefined;
  let cellSpan = 1;
  let afterRow: Array<{ buf: Buf }> = [];
  // runs
  let run: { start: number; rPrStart: number; rPrEnd: number; vanish: boolean; noteRef?: string } | undefined;
  let inRPr = false;
  let inPPr = 0;
  let t: { openStart: number; openEnd: number; text: string } | undefined;
  let note: string | undefined;
  let noteSkip = false;
  let inTxbx = 0;
  let fallback = 0;

  const para = (): ParaState | undefined => paras[paras.length - 1];

  const ensureLabel = (p: ParaState): void => {
    if (p.labelDone) return;
    p.labelDone = true;
    let { numId, ilvl } = p;
    if (numId === undefined || ilvl === undefined) {
      const s = numbering.styleNumbering(p.styleId);
      numId ??= s.numId;
      ilvl ??= s.ilvl ?? 0;
    }
    if (numId !== undefined) p.buf.add(numbering.next(numId, ilvl ?? 0));
  };

  const finishPara = (p: ParaState): void => {
    ensureLabel(p);
    let buf = p.buf;
    if (pendingMerge) {
      pendingMerge.append(buf, '');
      buf = pendingMerge;
      pendingMerge = undefined;
    }
    if (p.markDeleted && paras.length === 0 && !cell) {
      pendingMerge = buf;
      return;
    }
    const outer = para();
    if (outer) {
      // a text box paragraph: after the paragraph that holds it
      outer.deferred.push({ buf }, ...p.deferred);
      return;
    }
    if (cell) {
      cell.append(buf, ' ');
      afterRow.push(...p.deferred);
      return;
    }
    if (noteSkip) return;
    emit(buf, note ? { [String(baseExtras.note)]: note } : baseExtras);
    for (const d of p.deferred) emit(d.buf, { ...baseExtras, textbox: 1 });
  };

  parseXml(xml, part, {
    open: (name, a, info: TagInfo) => {
      if (skip) {
        skip++; // saxes reports a close for self-closing tags too
        return;
      }
      if (info.uri === MC_NS) {
        if (name === 'Fallback') {
          // the same content again for older readers: read the Choice only
          if (!info.selfClosing) skip = 1;
          fallback++;
        }
        return;
      }
      if (!W_NS.has(info.uri)) return;
      if (SKIP.has(name) || (name === 't' && run?.vanish)) {
        if (!info.selfClosing) skip = 1;
        return;
      }
      const p = para();
      switch (name) {
        case 'footnote':
        case 'endnote':
          note = a.id;
          noteSkip = a.type === 'separator' || a.type === 'continuationSeparator' || a.type === 'continuationNotice';
          break;
        case 'txbxContent':
          inTxbx++;
          break;
        case 'p':
          paras.push({ buf: new Buf(), markDeleted: false, labelDone: false, deferred: [] });
          break;
        case 'pPr':
          inPPr++;
          break;
        case 'pStyle':
          if (inPPr && p) p.styleId = a.val;
          break;
        case 'numId':
          if (inPPr && p) p.numId = a.val;
          break;
        case 'ilvl':
          if (inPPr && p) p.ilvl = Number(a.val ?? 0);
          break;
        case 'r':
          run = { start: info.start, rPrStart: -1, rPrEnd: -1, vanish: false };
          break;
        case 'rPr':
          if (run && !inPPr) {
            inRPr = true;
            run.rPrStart = info.start;
            if (info.selfClosing) run.rPrEnd = info.end;
          } else if (inPPr) inRPr = true;
          break;
        case 'vanish':
          if (inRPr && run && !inPPr && a.val !== '0' && a.val !== 'false') run.vanish = true;
          break;
        case 't':
          if (p && !inPPr) t = { openStart: info.start, openEnd: info.end, text: '' };
          break;
        case 'tab':
          if (p && run && !inPPr) {
            ensureLabel(p);
            p.buf.add(cell || tableDepth ? ' ' : '\t');
          }
          break;
        case 'br':
        case 'cr':
          if (p && run) {
            ensureLabel(p);
            p.buf.add(' ');
          }
          break;
        case 'footnoteReference':
        case 'endnoteReference':
          if (run && a.id !== undefined) run.noteRef = `${name === 'footnoteReference' ? 'footnote' : 'endnote'}:${a.id}`;
          break;
        case 'noBreakHyphen':
          if (p && run) {
            ensureLabel(p);
            p.buf.add('-');
          }
          break;
        case 'commentRangeStart':
        case 'commentRangeEnd':
        case 'commentReference': {
          const kind = name === 'commentRangeStart' ? 'start' : name === 'commentRangeEnd' ? 'end' : 'ref';
          const target = p?.buf ?? cell;
          if (a.id === undefined) break;
          if (p) ensureLabel(p);
          if (target) target.mark(a.id, kind);
          else markBetween(a.id, kind);
          break;
        }
        case 'tbl':
          tableDepth++;
          if (tableDepth === 1 && !p) {
            tableIndex++;
            rowIndex = 0;
          }
          break;
        case 'tr':
          if (tableDepth === 1 && !p) {
            row = [];
            rowSpans = [];
            rowIndex++;
          }
          break;
        case 'tc':
          if (tableDepth === 1 && !p) {
            cell = new Buf();
            cellSpan = 1;
          }
          break;
        case 'gridSpan':
          if (tableDepth === 1 && cell && !p) cellSpan = Math.max(1, Math.min(64, Number(a.val ?? 1) || 1));
          break;
      }
    },
    text: (s) => {
      if (!skip && t) t.text += s;
    },
    close: (name, info: TagInfo) => {
      if (skip) {
        skip--;
        if (skip === 0 && info.uri === MC_NS && name === 'Fallback') fallback--;
        return;
      }
      if (info.uri === MC_NS) {
        if (name === 'Fallback') fallback--;
        return;
      }
      if (!W_NS.has(info.uri)) return;
      const p = para();
      switch (name) {
        case 't':
          if (t && p) {
            ensureLabel(p);
            const node = nodes.length;
            nodes.push({ part, openStart: t.openStart, openEnd: t.openEnd, textStart: t.openEnd, textEnd: info.start, rPr: run && run.rPrStart >= 0 ? xml.slice(run.rPrStart, run.rPrEnd) : '' });
            p.buf.add(t.text.replace(/[\r\n\t]/g, ' '), node);
          }
          t = undefined;
          break;
        case 'rPr':
          if (run && !inPPr) run.rPrEnd = info.end;
          inRPr = false;
          break;
        case 'del':
          // a deleted paragraph mark (w:pPr/w:rPr/w:del): self-closing, so never skipped
          if (inPPr && inRPr && p) p.markDeleted = true;
          break;
        case 'pPr':
          inPPr--;
          break;
        case 'r':
          if (run?.noteRef && !noteRefs.has(run.noteRef)) noteRefs.set(run.noteRef, { part, start: run.start, end: info.end });
          run = undefined;
          break;
        case 'p': {
          const done = paras.pop();
          if (done) finishPara(done);
          break;
        }
        case 'txbxContent':
          inTxbx--;
          break;
        case 'tc':
          if (tableDepth === 1 && cell && row && !p) {
            row.push(cell);
            rowSpans.push(cellSpan);
            cell = undefined;
          }
          break;
        case 'tr':
          if (tableDepth === 1 && row && !p) {
            const line = new Buf();
            row.forEach((c, i) => {
              if (i > 0) line.text += '\t';
              line.cells.push(line.text.length);
              line.append(c, '');
              // a merged cell spanning n grid columns: empty cells keep the columns aligned
              for (let k = 1; k < rowSpans[i]; k++) {
                line.text += '\t';
                line.cells.push(line.text.length);
              }
            });
            emit(line, { ...baseExtras, table: tableIndex, row: rowIndex });
            for (const d of afterRow) emit(d.buf, { ...baseExtras, textbox: 1 });
            afterRow = [];
            row = undefined;
          }
          break;
        case 'tbl':
          tableDepth--;
          break;
        case 'footnote':
        case 'endnote':
          note = undefined;
          noteSkip = false;
          break;
      }
    },
  });
  // The self-closing <w:del/> in a paragraph mark's rPr opens a skip that ends at once; make
  // sure a trailing deleted mark at the end of the story still reaches the output.
  if (pendingMerge) emit(pendingMerge, baseExtras);
  void inTxbx;
  void fallback;
}

/**
 * Parses a .docx into a Document; throws DocxError/ZipError with a one-line reason. `format` is
 * the format to report: `doc` or `rtf` when LibreOffice converted the file to this .docx.
 */
export function parseDocx(bytes: Uint8Array, path: string, format: DocFormat = 'docx'): { doc: Document; model: DocxModel } {
  const model = readDocx(bytes);
  const doc = officeDocument(path, format, model.original, model.lines, model.comments);
  return { doc, model };
}

export { quoteAt } from './office.js';

// OpenDocument text (.odt) -> Document, read natively: a zip of XML like .docx, through the same
// zip reader and XML parser with the same limits (docx/zip.ts, docx/xml.ts). The text is rebuilt
// as Writer shows it, with the .docx locations model (src/parse/office.ts): one line per
// paragraph or heading, list numbers rendered from the list styles (and the outline style for
// headings), a table row as one tab-separated line with covered (merged) cells kept as empty
// cells, text boxes after their paragraph, footnotes and endnotes after the body. Tracked changes
// are read accepted (deleted text lives in text:tracked-changes, which is skipped); hidden text
// is skipped; fields show their results. Comments (office:annotation ... office:annotation-end)
// become `doc.comments`, so `reportlint-disable <rule-id>` in a Writer comment is a suppression.

import type { DocFormat, Document, LocationExtras } from './document.js';
import { formatNumber } from './docx/numbering.js';
import { parseXml, type TagInfo } from './docx/xml.js';
import { ZipArchive, type ZipLimits } from './docx/zip.js';
import { officeDocument, type OfficeComment, type OfficeLine } from './office.js';

export class OdfError extends Error {}

export const ODF_NS = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  dc: 'http://purl.org/dc/elements/1.1/',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
};

/** The package's `mimetype` entry, e.g. `application/vnd.oasis.opendocument.text`. */
export function odfMimetype(zip: ZipArchive): string | undefined {
  const e = zip.entry('mimetype');
  if (!e || e.size > 200) return undefined;
  return zip.readText('mimetype')?.trim();
}

/** Opens an OpenDocument package, refusing encrypted ones with a one-line reason. */
export function openOdf(bytes: Uint8Array, limits?: ZipLimits): ZipArchive {
  if (bytes.length >= 4 && !(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new OdfError('not an OpenDocument file (it is not a zip package)');
  const zip = new ZipArchive(bytes, limits);
  const manifest = zip.readText('META-INF/manifest.xml');
  if (manifest && /encryption-data/.test(manifest)) {
    let encrypted = false;
    let entry = '';
    parseXml(manifest, 'META-INF/manifest.xml', {
      open: (name, a) => {
        if (name === 'file-entry') entry = a['full-path'] ?? '';
        else if (name === 'encryption-data' && (entry === 'content.xml' || entry === 'styles.xml')) encrypted = true;
      },
    });
    if (encrypted) throw new OdfError('the document is password-protected (encrypted); remove the password and save it again');
  }
  return zip;
}

interface LevelStyle {
  kind: 'number' | 'bullet' | 'none';
  format: string;
  prefix: string;
  suffix: string;
  displayLevels: number;
  start: number;
  bullet: string;
  /** LibreOffice's exact label template (`loext:num-list-format`, e.g. `%2%.%3%.`). */
  template?: string;
}

type ListStyle = Map<number, LevelStyle>;

/** List styles (by name), the outline style, and which list style each paragraph style implies. */
class OdfStyles {
  readonly lists = new Map<string, ListStyle>();
  outline: ListStyle = new Map();
  private readonly paraList = new Map<string, { list?: string; parent?: string }>();

  read(xml: string, part: string): void {
    let list: ListStyle | undefined;
    let level: LevelStyle | undefined;
    let inStyle: string | undefined;
    parseXml(xml, part, {
      open: (name, a, info) => {
        if (info.uri === ODF_NS.text && (name === 'list-style' || name === 'outline-style')) {
          list = new Map();
          if (name === 'list-style') this.lists.set(a.name ?? '', list);
          else this.outline = list;
          return;
        }
        if (info.uri === ODF_NS.style && name === 'style' && a.family === 'paragraph' && a.name) {
          inStyle = a.name;
          this.paraList.set(a.name, { list: a['list-style-name'], parent: a['parent-style-name'] });
          return;
        }
        if (!list || info.uri !== ODF_NS.text) return;
        if (name === 'list-level-style-number' || name === 'outline-level-style' || name === 'list-level-style-bullet' || name === 'list-level-style-image') {
          const n = Number(a.level ?? 1);
          const format = a['num-format'] ?? '';
          level = {
            kind: name === 'list-level-style-bullet' ? 'bullet' : name === 'list-level-style-image' || format === '' ? 'none' : 'number',
            format,
            prefix: a['num-prefix'] ?? '',
            suffix: a['num-suffix'] ?? '',
            displayLevels: Math.max(1, Math.min(10, Number(a['display-levels'] ?? 1) || 1)),
            start: Number(a['start-value'] ?? 1) || 1,
            bullet: a['bullet-char'] ?? '•',
            template: a['num-list-format'],
          };
          list.set(n, level);
        }
      },
      close: (name, info) => {
        if (info.uri === ODF_NS.text && (name === 'list-style' || name === 'outline-style')) list = undefined;
        else if (info.uri === ODF_NS.style && name === 'style') inStyle = undefined;
      },
    });
    void level;
    void inStyle;
  }

  /** The list style a paragraph style implies (following parent styles). */
  listOfParagraphStyle(name: string | undefined): string | undefined {
    const seen = new Set<string>();
    while (name && !seen.has(name)) {
      seen.add(name);
      const s = this.paraList.get(name);
      if (!s) return undefined;
      if (s.list) return s.list;
      name = s.parent;
    }
    return undefined;
  }
}

const ODF_FORMATS: Record<string, string> = { '1': 'decimal', I: 'upperRoman', i: 'lowerRoman', A: 'upperLetter', a: 'lowerLetter' };

function renderNumber(n: number, format: string): string {
  const f = ODF_FORMATS[format];
  if (f) return formatNumber(n, f);
  if (/^0+1$/.test(format)) return String(n).padStart(format.length, '0');
  return String(n);
}

/** Counters of one list (a text:list and the lists that continue it). */
class ListCounter {
  readonly values: Array<number | undefined> = [];

  next(style: ListStyle | undefined, level: number, startValue?: number): string {
    const lvl = style?.get(level);
    const start = (l: number): number => style?.get(l)?.start ?? 1;
    this.values[level] = startValue ?? (this.values[level] === undefined ? start(level) : this.values[level]! + 1);
    for (let d = level + 1; d < this.values.length; d++) this.values[d] = undefined;
    if (!lvl || lvl.kind === 'none') return '';
    if (lvl.kind === 'bullet') {
      const b = lvl.bullet.trim();
      return `${/^[-+*•–·▪●○◦]$/.test(b) ? b : '•'} `;
    }
    const value = (l: number): string => renderNumber(this.values[l] ?? start(l), style?.get(l)?.format ?? '1');
    let label: string;
    if (lvl.template) label = lvl.template.replace(/%(\d+)%/g, (_, k: string) => value(Number(k)));
    else {
      const parts: string[] = [];
      for (let l = Math.max(1, level - lvl.displayLevels + 1); l <= level; l++) parts.push(value(l));
      label = lvl.prefix + parts.join('.') + lvl.suffix;
    }
    return label.trim() ? `${label} ` : '';
  }
}

/** Text under construction with comment marks (offsets relative to it). */
class Buf {
  text = '';
  marks: Array<{ at: number; id: string; kind: 'start' | 'end' }> = [];
  cells: number[] = [];

  add(s: string): void {
    this.text += s;
  }

  append(o: Buf, sep: string): void {
    if (this.text && o.text && sep) this.text += sep;
    const base = this.text.length;
    for (const m of o.marks) this.marks.push({ at: m.at + base, id: m.id, kind: m.kind });
    this.text += o.text;
  }
}

interface Para {
  buf: Buf;
  deferred: Buf[];
  label?: string;
}

/** Elements whose content is not part of the printed text (declarations, templates, deleted text). */
const SKIP_TEXT = new Set(['tracked-changes', 'sequence-decls', 'variable-decls', 'user-field-decls', 'dde-connection-decls', 'index-title-template', 'table-of-content-source', 'illustration-index-source', 'alphabetical-index-source', 'user-index-source', 'bibliography-source', 'object-index-source', 'table-index-source', 'note-citation', 'number']);

/** Alternative text of images, MathML, embedded binaries, forms and scripts: not printed text. */
const NON_TEXT_NS = new Set(['urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0', 'http://www.w3.org/1998/Math/MathML']);
const NON_TEXT_OFFICE = new Set(['binary-data', 'forms', 'event-listeners', 'scripts']);

export interface OdtModel {
  original: string;
  lines: OfficeLine[];
  comments: Array<OfficeComment & { author: string }>;
}

export function readOdt(bytes: Uint8Array, limits?: ZipLimits): OdtModel {
  const zip = openOdf(bytes, limits);
  const content = zip.readText('content.xml');
  if (content === undefined) throw new OdfError("not an OpenDocument text: 'content.xml' is missing from the package");
  const styles = new OdfStyles();
  const stylesXml = zip.readText('styles.xml');
  if (stylesXml) styles.read(stylesXml, 'styles.xml');
  styles.read(content, 'content.xml');
  return build(content, styles);
}

function build(xml: string, styles: OdfStyles): OdtModel {
  const lines: OfficeLine[] = [];
  const marks: Array<{ at: number; id: string; kind: 'start' | 'end' }> = [];
  let out = '';
  const emit = (b: Buf, extras: LocationExtras): void => {
    if (lines.length) out += '\n';
    const base = out.length;
    out += b.text.replace(/[\r\n]/g, ' ');
    for (const m of b.marks) marks.push({ at: m.at + base, id: m.id, kind: m.kind });
    const line: OfficeLine = { start: base, end: out.length, extras: { paragraph: lines.length + 1, ...extras } };
    if (b.cells.length) line.cells = b.cells.map((c) => c + base);
    lines.push(line);
  };

  // notes are read where they stand and emitted after the body
  const notes: Array<{ bufs: Buf[]; kind: 'footnote' | 'endnote'; id: string }> = [];
  const annotations: Array<{ id: string; author: string; text: string }> = [];

  let skip = 0;
  let inBody = false;
  const paras: Para[] = [];
  // the story being written: the body, or a note body
  let note: { bufs: Buf[]; kind: 'footnote' | 'endnote'; id: string } | undefined;
  const noteStack: Array<{ note: typeof note; paras: Para[]; cell: Buf | undefined; row: Buf[] | undefined; tableDepth: number }> = [];
  let noteCount = { footnote: 0, endnote: 0 };
  // an annotation's own text (not document text)
  let annotation: { id: string; author: string; paras: string[]; cur: string; inCreator: boolean } | undefined;
  let annotationSeq = 0;
  // tables: only the outermost makes rows
  let tableDepth = 0;
  let tableIndex = 0;
  let rowIndex = 0;
  let row: Buf[] | undefined;
  let cell: Buf | undefined;
  let afterRow: Buf[] = [];
  // lists
  const listStack: Array<{ style?: string; counter: ListCounter; startValue?: number }> = [];
  const counters: Array<{ id?: string; style?: string; counter: ListCounter }> = [];
  const outline = new ListCounter();
  let itemStart: number | undefined;

  const para = (): Para | undefined => paras[paras.length - 1];
  const target = (): Buf | undefined => para()?.buf ?? cell;

  const finishPara = (p: Para): void => {
    if (p.label) {
      const b = new Buf();
      b.add(p.label);
      b.append(p.buf, '');
      p.buf = b;
    }
    const outer = para();
    if (outer) {
      // a text box paragraph: after the paragraph that holds it
      outer.deferred.push(p.buf, ...p.deferred);
      return;
    }
    if (note) {
      note.bufs.push(p.buf, ...p.deferred);
      return;
    }
    if (cell) {
      cell.append(p.buf, ' ');
      afterRow.push(...p.deferred);
      return;
    }
    emit(p.buf, {});
    for (const d of p.deferred) emit(d, { textbox: 1 });
  };

  const listLabel = (styleName: string | undefined): string => {
    const depth = listStack.length;
    const top = listStack[depth - 1];
    if (!top) return '';
    const style = styles.lists.get(top.style ?? '') ?? styles.lists.get(styleName ?? '');
    const label = top.counter.next(style, depth, top.startValue);
    top.startValue = undefined;
    return label;
  };

  parseXml(xml, 'content.xml', {
    open: (name, a, info: TagInfo) => {
      if (skip) {
        skip++;
        return;
      }
      const uri = info.uri;
      if (NON_TEXT_NS.has(uri) || (uri === ODF_NS.office && NON_TEXT_OFFICE.has(name))) {
        if (!info.selfClosing) skip = 1;
        return;
      }
      if (uri === ODF_NS.office) {
        if (name === 'text') inBody = true;
        else if (name === 'annotation' && inBody) {
          annotation = { id: a.name ?? `#${annotationSeq++}`, author: '', paras: [], cur: '', inCreator: false };
          target()?.marks.push({ at: target()!.text.length, id: annotation.id, kind: 'start' });
          if (!a.name) target()?.marks.push({ at: target()!.text.length, id: annotation.id, kind: 'end' });
        } else if (name === 'annotation-end' && a.name) {
          const t = target();
          if (t) t.marks.push({ at: t.text.length, id: a.name, kind: 'end' });
          else marks.push({ at: out.length, id: a.name, kind: 'end' });
        }
        return;
      }
      if (!inBody) return;
      if (annotation) {
        if (uri === ODF_NS.dc && name === 'creator') annotation.inCreator = true;
        else if (uri === ODF_NS.dc && name === 'date') {
          if (!info.selfClosing) skip = 1;
        } else if (uri === ODF_NS.text && (name === 'p' || name === 'h')) annotation.cur = '';
        else if (uri === ODF_NS.text && name === 's') annotation.cur += ' '.repeat(Math.min(1000, Number(a.c ?? 1) || 1));
        else if (uri === ODF_NS.text && (name === 'tab' || name === 'line-break')) annotation.cur += ' ';
        return;
      }
      if (uri === ODF_NS.text) {
        if (SKIP_TEXT.has(name) || ((name === 'hidden-text' || name === 'hidden-paragraph') && a['is-hidden'] !== 'false') || (name === 'section' && a.display === 'none')) {
          if (!info.selfClosing) skip = 1;
          return;
        }
        const p = para();
        switch (name) {
          case 'p':
          case 'h': {
            const np: Para = { buf: new Buf(), deferred: [] };
            if (listStack.length && itemStart !== undefined) {
              // the first paragraph of a list item carries its number
              np.label = listLabel(styles.listOfParagraphStyle(a['style-name']));
              itemStart = undefined;
            } else if (name === 'h' && !listStack.length && a['is-list-header'] !== 'true') {
              const level = Math.max(1, Math.min(10, Number(a['outline-level'] ?? 1) || 1));
              if (a['restart-numbering'] === 'true') outline.values.length = 0;
              np.label = outline.next(styles.outline, level, a['start-value'] ? Number(a['start-value']) : undefined);
            }
            paras.push(np);
            break;
          }
          case 's':
            p?.buf.add(' '.repeat(Math.min(1000, Number(a.c ?? 1) || 1)));
            break;
          case 'tab':
            p?.buf.add(cell || tableDepth ? ' ' : '\t');
            break;
          case 'line-break':
            p?.buf.add(' ');
            break;
          case 'list': {
            itemStart = undefined; // an item that opens with a nested list shows no number of its own
            const parent = listStack[listStack.length - 1];
            let counter: ListCounter;
            const style = a['style-name'] ?? parent?.style;
            if (parent) counter = parent.counter;
            else {
              const cont = a['continue-list'] ? counters.find((c) => c.id === a['continue-list']) : a['continue-numbering'] === 'true' ? [...counters].reverse().find((c) => c.style === style) : undefined;
              counter = cont?.counter ?? new ListCounter();
              counters.push({ id: a.id ?? a['xml:id'], style, counter });
            }
            listStack.push({ style, counter });
            break;
          }
          case 'list-item': {
            itemStart = 0;
            const top = listStack[listStack.length - 1];
            if (top && a['start-value']) top.startValue = Number(a['start-value']) || undefined;
            break;
          }
          case 'list-header':
            itemStart = undefined;
            break;
          case 'note': {
            const kind = a['note-class'] === 'endnote' ? 'endnote' : 'footnote';
            noteCount = { ...noteCount, [kind]: noteCount[kind] + 1 };
            // the paragraph (and cell) holding the reference wait while the note's paragraphs are read
            noteStack.push({ note, paras: paras.splice(0), cell, row, tableDepth });
            cell = undefined;
            row = undefined;
            tableDepth = 0;
            note = { bufs: [], kind, id: String(noteCount[kind]) };
            notes.push(note);
            break;
          }
        }
        return;
      }
      if (uri === ODF_NS.table) {
        const p = para();
        switch (name) {
          case 'table':
            tableDepth++;
            if (tableDepth === 1 && !p && !cell) {
              tableIndex++;
              rowIndex = 0;
            }
            break;
          case 'table-row':
            if (tableDepth === 1 && !p) {
              row = [];
              rowIndex++;
            }
            break;
          case 'table-cell':
          case 'covered-table-cell':
            if (tableDepth === 1 && !p && row) cell = new Buf();
            break;
        }
      }
    },
    text: (s) => {
      if (skip || !inBody) return;
      if (annotation) {
        if (annotation.inCreator) annotation.author += s;
        else annotation.cur += s.replace(/[\r\n\t]/g, ' ');
        return;
      }
      const p = para();
      if (p) p.buf.add(s.replace(/[\r\n\t]/g, ' '));
    },
    close: (name, info: TagInfo) => {
      if (skip) {
        skip--;
        return;
      }
      const uri = info.uri;
      if (uri === ODF_NS.office) {
        if (name === 'text') inBody = false;
        else if (name === 'annotation' && annotation) {
          annotations.push({ id: annotation.id, author: annotation.author.trim(), text: annotation.paras.join('\n').trim() });
          annotation = undefined;
        }
        return;
      }
      if (!inBody) return;
      if (annotation) {
        if (uri === ODF_NS.dc && name === 'creator') annotation.inCreator = false;
        else if (uri === ODF_NS.text && (name === 'p' || name === 'h')) annotation.paras.push(annotation.cur);
        return;
      }
      if (uri === ODF_NS.text) {
        switch (name) {
          case 'p':
          case 'h': {
            const done = paras.pop();
            if (done) finishPara(done);
            break;
          }
          case 'list':
            listStack.pop();
            itemStart = undefined;
            break;
          case 'list-item':
            itemStart = undefined;
            break;
          case 'note': {
            const saved = noteStack.pop();
            if (saved) {
              paras.length = 0;
              paras.push(...saved.paras);
              ({ note, cell, row, tableDepth } = saved);
            }
            break;
          }
        }
        return;
      }
      if (uri === ODF_NS.table) {
        const p = para();
        switch (name) {
          case 'table-cell':
          case 'covered-table-cell':
            if (tableDepth === 1 && !p && row && cell) {
              row.push(cell);
              cell = undefined;
            }
            break;
          case 'table-row':
            if (tableDepth === 1 && !p && row) {
              const line = new Buf();
              row.forEach((c, i) => {
                if (i > 0) line.text += '\t';
                line.cells.push(line.text.length);
                line.append(c, '');
              });
              // trailing empty cells are layout, not columns
              if (note) note.bufs.push(line);
              else emit(line, { table: tableIndex, row: rowIndex });
              for (const d of afterRow) emit(d, { textbox: 1 });
              afterRow = [];
              row = undefined;
            }
            break;
          case 'table':
            tableDepth--;
            break;
        }
      }
    },
  });

  for (const n of notes) for (const b of n.bufs) emit(b, { [n.kind]: n.id });

  const where = new Map<string, { start?: number; end?: number }>();
  for (const m of marks) {
    const w = where.get(m.id) ?? {};
    if (m.kind === 'start') w.start ??= m.at;
    else w.end = m.at;
    where.set(m.id, w);
  }
  const comments: OdtModel['comments'] = [];
  for (const a of annotations) {
    const w = where.get(a.id);
    if (!w || w.start === undefined) continue;
    const end = w.end ?? w.start;
    comments.push({ start: Math.min(w.start, end), end: Math.max(w.start, end), text: a.text, author: a.author });
  }
  return { original: out, lines, comments };
}

/** Parses an .odt into a Document; throws OdfError/ZipError/XmlError with a one-line reason. */
export function parseOdt(bytes: Uint8Array, path: string, format: DocFormat = 'odt'): Document {
  const model = readOdt(bytes);
  return officeDocument(path, format, model.original, model.lines, model.comments);
}

// Spreadsheet annexes (.xlsx, .ods) -> Document. Each visible sheet's used range becomes a table
// (one tab-separated line per row, values as displayed: number formats rendered in the
// document's convention, merged cells kept in their top-left cell with empty cells beside, so
// columns stay aligned), so table-sum-mismatch and the figure rules read annexes as they read
// tables in a report. Title rows above the table and notes below it (one filled cell) become
// paragraphs; empty rows are left out. Every cell keeps its reference: findings carry
// `ref: "Thu!C12"`. Formulas and their saved results are kept in `SheetDocument.workbook` for
// the formula checks (facts/sheet-formulas.ts). Cell comments are suppressions, as in Word.
// Read with the project's zip reader and XML parser, with the same limits against bombs, plus a
// cap on the number of cells.

import type { DocFormat, LocationExtras, Span } from './document.js';
import { parseBlocks } from './blocks.js';
import { parseXml } from './docx/xml.js';
import { ZipArchive } from './docx/zip.js';
import { extrasOf, quoteSheet, type OfficeComment, type OfficeLine } from './office.js';
import { ODF_NS, OdfError, openOdf } from './odt.js';
import { BUILTIN_FORMATS, formatValue, type Convention } from './sheet-format.js';
import { SheetDocument, cellKey, cellRef, colName, parseRef, type Sheet, type SheetCell, type Workbook } from './workbook.js';

export { SheetDocument, cellKey, cellRef, colName, parseRef, type Sheet, type SheetCell, type Workbook } from './workbook.js';

export class SheetError extends Error {}

/** At most this many filled cells per workbook (a sheet formatted to row 1,048,576 has few). */
export const MAX_CELLS = 2_000_000;

// --- .xlsx

function relsMap(zip: ZipArchive, part: string): Map<string, { type: string; target: string }> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsPath = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const out = new Map<string, { type: string; target: string }>();
  const xml = zip.readText(relsPath);
  if (!xml) return out;
  parseXml(xml, relsPath, {
    open: (name, a) => {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : normalizePath(dir + a.Target);
      out.set(a.Id, { type: (a.Type ?? '').slice((a.Type ?? '').lastIndexOf('/') + 1), target });
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

/** Shifts the relative references of a shared formula from its anchor to another cell. */
function shiftFormula(f: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return f;
  // outside string literals: A1 references with optional $ anchors (not function names like LOG10)
  return f.replace(/("[^"]*")|((?:'[^']+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\w(])/g, (m, str: string | undefined, sheet: string | undefined, ca: string, col: string, ra: string, row: string) => {
    if (str) return m;
    const p = parseRef(`${col}${row}`);
    if (!p) return m;
    const c = ca ? p.col : p.col + dCol;
    const r = ra ? p.row : p.row + dRow;
    if (c < 0 || r < 0) return m;
    return `${sheet ?? ''}${ca}${colName(c)}${ra}${r + 1}`;
  });
}

export function readXlsx(bytes: Uint8Array, conv: Convention | undefined): Workbook & { convention: Convention } {
  const zip = new ZipArchive(bytes);
  if (zip.has('EncryptionInfo') || zip.has('EncryptedPackage')) throw new SheetError('the workbook is password-protected (encrypted); remove the password and save it again');
  let wbPart = 'xl/workbook.xml';
  const rootRels = zip.readText('_rels/.rels');
  if (rootRels) {
    parseXml(rootRels, '_rels/.rels', {
      open: (name, a) => {
        if (name === 'Relationship' && /\/officeDocument$/.test(a.Type ?? '') && a.Target) wbPart = a.Target.replace(/^\//, '');
      },
    });
  }
  const wbXml = zip.readText(wbPart);
  if (wbXml === undefined) throw new SheetError(`not an Excel workbook: '${wbPart}' is missing from the package`);
  const rels = relsMap(zip, wbPart);
  const sheetsMeta: Array<{ name: string; rid: string; hidden: boolean }> = [];
  let date1904 = false;
  parseXml(wbXml, wbPart, {
    open: (name, a) => {
      if (name === 'sheet') sheetsMeta.push({ name: a.name ?? '', rid: a.id ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      else if (name === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = true;
    },
  });
  const relOfType = (type: string): string | undefined => [...rels.values()].find((r) => r.type === type)?.target;
  // shared strings
  const strings: string[] = [];
  const sstPart = relOfType('sharedStrings');
  const sst = sstPart ? zip.readText(sstPart) : undefined;
  if (sst) {
    let cur = '';
    let inT = false;
    let skip = 0;
    parseXml(sst, sstPart!, {
      open: (name, _a, info) => {
        if (skip) {
          skip++;
          return;
        }
        if (name === 'rPh' || name === 'phoneticPr') {
          if (!info.selfClosing) skip = 1;
        } else if (name === 'si') cur = '';
        else if (name === 't') inT = true;
      },
      text: (t) => {
        if (inT && !skip) cur += t;
      },
      close: (name) => {
        if (skip) {
          skip--;
          return;
        }
        if (name === 't') inT = false;
        else if (name === 'si') strings.push(cur);
      },
    });
  }
  // styles: cell style index -> number format code
  const fmtOfStyle: Array<string | undefined> = [];
  const stylesPart = relOfType('styles');
  const stylesXml = stylesPart ? zip.readText(stylesPart) : undefined;
  if (stylesXml) {
    const custom = new Map<number, string>();
    let inXfs = false;
    parseXml(stylesXml, stylesPart!, {
      open: (name, a) => {
        if (name === 'numFmt' && a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? 'General');
        else if (name === 'cellXfs') inXfs = true;
        else if (name === 'xf' && inXfs) {
          const id = Number(a.numFmtId ?? 0);
          fmtOfStyle.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General');
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inXfs = false;
      },
    });
  }
  const convention = conv ?? (strings.some(isVietnamese) ? 'vi' : 'en');
  let total = 0;
  const sheets: Sheet[] = [];
  for (const meta of sheetsMeta) {
    const rel = rels.get(meta.rid);
    if (!rel) continue;
    const xml = zip.readText(rel.target);
    if (xml === undefined) continue;
    const sheet: Sheet = { name: meta.name, hidden: meta.hidden, cells: new Map(), merges: [], comments: [] };
    const shared = new Map<string, { formula: string; row: number; col: number }>();
    let c: { row: number; col: number; t: string; s: number; v: string; f?: string; fShared?: { si: string; ref?: string }; inline: string } | undefined;
    let inV = false;
    let inF = false;
    let inIs = false;
    let nextRow = 0;
    let nextCol = 0;
    parseXml(xml, rel.target, {
      open: (name, a) => {
        switch (name) {
          case 'row':
            nextRow = a.r ? Number(a.r) - 1 : nextRow;
            nextCol = 0;
            break;
          case 'c': {
            const p = a.r ? parseRef(a.r) : { row: nextRow, col: nextCol };
            if (!p) break;
            c = { row: p.row, col: p.col, t: a.t ?? 'n', s: Number(a.s ?? 0), v: '', inline: '' };
            nextCol = p.col + 1;
            break;
          }
          case 'v':
            inV = true;
            break;
          case 'f':
            inF = true;
            if (c) {
              c.f = '';
              if (a.t === 'shared' && a.si !== undefined) c.fShared = { si: a.si, ref: a.ref };
            }
            break;
          case 'is':
            inIs = true;
            break;
          case 'mergeCell': {
            const [from, to] = (a.ref ?? '').split(':');
            const p = parseRef(from ?? '');
            const q = parseRef(to ?? from ?? '');
            if (p && q) sheet.merges.push({ r0: p.row, c0: p.col, r1: q.row, c1: q.col });
            break;
          }
        }
      },
      text: (t) => {
        if (!c) return;
        if (inV) c.v += t;
        else if (inF) c.f += t;
        else if (inIs) c.inline += t;
      },
      close: (name) => {
        if (name === 'v') inV = false;
        else if (name === 'f') inF = false;
        else if (name === 'is') inIs = false;
        else if (name === 'row') nextRow++;
        else if (name === 'c' && c) {
          let formula = c.f || undefined;
          if (c.fShared) {
            if (formula) shared.set(c.fShared.si, { formula, row: c.row, col: c.col });
            else {
              const base = shared.get(c.fShared.si);
              if (base) formula = shiftFormula(base.formula, c.row - base.row, c.col - base.col);
            }
          }
          const numFmt = fmtOfStyle[c.s];
          const cell: SheetCell = { row: c.row, col: c.col, text: '', kind: 'empty' };
          if (formula) cell.formula = formula;
          if (numFmt && numFmt !== 'General') cell.numFmt = numFmt;
          if (c.t === 's') {
            cell.kind = 'string';
            cell.text = strings[Number(c.v)] ?? '';
          } else if (c.t === 'inlineStr') {
            cell.kind = 'string';
            cell.text = c.inline;
          } else if (c.t === 'str') {
            cell.kind = 'string';
            cell.text = c.v;
          } else if (c.t === 'b') {
            cell.kind = 'boolean';
            cell.text = c.v === '1' ? 'TRUE' : 'FALSE';
          } else if (c.t === 'e') {
            cell.kind = 'error';
            cell.text = c.v;
          } else if (c.v !== '') {
            const v = Number(c.v);
            if (Number.isFinite(v)) {
              cell.kind = 'number';
              cell.value = v;
              cell.text = formatValue(v, numFmt, convention, date1904);
            }
          }
          if (cell.kind !== 'empty' || cell.formula) {
            if (++total > MAX_CELLS) throw new SheetError(`the workbook has more than ${MAX_CELLS} filled cells`);
            sheet.cells.set(cellKey(cell.row, cell.col), cell);
          }
          c = undefined;
        }
      },
    });
    // comments (legacy notes and threaded comments) on cells
    for (const r of relsMap(zip, rel.target).values()) {
      if (r.type !== 'comments' && r.type !== 'threadedComment') continue;
      const cx = zip.readText(r.target);
      if (!cx) continue;
      let ref = '';
      let text = '';
      let inText = false;
      let inAuthor = false;
      const authors: string[] = [];
      parseXml(cx, r.target, {
        open: (name, a) => {
          if (name === 'author') {
            inAuthor = true;
            authors.push('');
          } else if (name === 'comment' || name === 'threadedComment') {
            ref = a.ref ?? '';
            text = '';
          } else if (name === 'text') inText = true;
        },
        text: (t) => {
          if (inAuthor) authors[authors.length - 1] += t;
          else if (inText) text += t;
        },
        close: (name) => {
          if (name === 'text') inText = false;
          else if (name === 'author') inAuthor = false;
          else if (name === 'comment' || name === 'threadedComment') {
            // Excel starts a note with its author's name in bold: "Nguyễn Văn A:\n…"
            for (const au of authors) if (au && text.startsWith(`${au}:`)) text = text.slice(au.length + 1);
            const p = parseRef(ref);
            // Excel writes a legacy copy of each threaded comment; the threaded text is the one typed
            if (p && !/^\[Threaded comment\]/.test(text)) sheet.comments.push({ row: p.row, col: p.col, text: text.trim() });
          }
        },
      });
    }
    sheets.push(sheet);
  }
  return { sheets, date1904, convention };
}

// --- .ods

/** `of:=SUM([.C3:.C11])` -> `SUM(C3:C11)`; `[$'Biểu 1'.A1]` -> `'Biểu 1'!A1`. */
export function odfFormula(f: string): string | undefined {
  const m = /^(?:of:|oooc:)?=(.*)$/s.exec(f);
  if (!m) return undefined;
  let out = '';
  const s = m[1];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      const j = s.indexOf('"', i + 1);
      out += s.slice(i, j < 0 ? s.length : j + 1);
      i = j < 0 ? s.length : j;
    } else if (ch === '[') {
      const j = s.indexOf(']', i);
      const inner = s.slice(i + 1, j < 0 ? s.length : j);
      out += inner
        .split(':')
        .map((part) => {
          const mm = /^\$?('(?:[^']|'')*'|[^.]*)\.(.*)$/.exec(part);
          if (!mm) return part;
          return mm[1] ? `${mm[1]}!${mm[2]}` : mm[2];
        })
        .join(':');
      i = j < 0 ? s.length : j;
    } else if (ch === ';') out += ',';
    else out += ch;
  }
  return out;
}

export function readOds(bytes: Uint8Array, conv: Convention | undefined): Workbook & { convention: Convention } {
  const zip = openOdf(bytes);
  const xml = zip.readText('content.xml');
  if (xml === undefined) throw new OdfError("not an OpenDocument spreadsheet: 'content.xml' is missing from the package");
  const sheets: Sheet[] = [];
  const hiddenTableStyles = new Set<string>();
  let styleName: string | undefined;
  let sheet: Sheet | undefined;
  let row = 0;
  let col = 0;
  let rowRepeat = 1;
  let cell: { col: number; repeat: number; spanC: number; spanR: number; kind: SheetCell['kind']; value?: number; formula?: string; paras: string[]; cur: string; covered: boolean } | undefined;
  let inP = 0;
  let annotation: { text: string[]; cur: string } | undefined;
  let skip = 0;
  let total = 0;
  const strings: string[] = [];
  parseXml(xml, 'content.xml', {
    open: (name, a, info) => {
      if (skip) {
        skip++;
        return;
      }
      const uri = info.uri;
      if (uri === ODF_NS.style && name === 'style' && a.family === 'table') styleName = a.name;
      else if (uri === ODF_NS.style && name === 'table-properties' && styleName && a.display === 'false') hiddenTableStyles.add(styleName);
      if (uri === ODF_NS.office && name === 'annotation' && cell) {
        annotation = { text: [], cur: '' };
        return;
      }
      if (annotation) {
        if (uri === ODF_NS.dc) {
          if (!info.selfClosing) skip = 1;
        } else if (uri === ODF_NS.text && name === 'p') annotation.cur = '';
        return;
      }
      if (uri === ODF_NS.table) {
        switch (name) {
          case 'table':
            sheet = { name: a.name ?? `Sheet${sheets.length + 1}`, hidden: hiddenTableStyles.has(a['style-name'] ?? ''), cells: new Map(), merges: [], comments: [] };
            row = 0;
            break;
          case 'table-row':
            col = 0;
            rowRepeat = Math.max(1, Number(a['number-rows-repeated'] ?? 1) || 1);
            break;
          case 'table-cell':
          case 'covered-table-cell': {
            const type = a['value-type'];
            const kind: SheetCell['kind'] = type === 'float' || type === 'percentage' || type === 'currency' || type === 'date' || type === 'time' ? 'number' : type === 'boolean' ? 'boolean' : type === 'string' ? 'string' : 'empty';
            let value: number | undefined;
            if (kind === 'number') value = type === 'date' ? dateSerial(a['date-value']) : type === 'time' ? undefined : Number(a.value);
            cell = {
              col,
              repeat: Math.max(1, Number(a['number-columns-repeated'] ?? 1) || 1),
              spanC: Math.max(1, Number(a['number-columns-spanned'] ?? 1) || 1),
              spanR: Math.max(1, Number(a['number-rows-spanned'] ?? 1) || 1),
              kind,
              value: value !== undefined && Number.isFinite(value) ? value : undefined,
              formula: a.formula ? odfFormula(a.formula) : undefined,
              paras: [],
              cur: '',
              covered: name === 'covered-table-cell',
            };
            if (kind === 'boolean') cell.value = undefined;
            break;
          }
        }
        return;
      }
      if (uri === ODF_NS.text && cell) {
        if (name === 'p') {
          inP++;
          cell.cur = '';
        } else if (name === 's') cell.cur += ' '.repeat(Math.min(1000, Number(a.c ?? 1) || 1));
        else if (name === 'tab' || name === 'line-break') cell.cur += ' ';
      }
    },
    text: (t) => {
      if (skip) return;
      if (annotation) annotation.cur += t;
      else if (cell && inP) cell.cur += t;
    },
    close: (name, info) => {
      if (skip) {
        skip--;
        return;
      }
      const uri = info.uri;
      if (uri === ODF_NS.office && name === 'annotation' && annotation) {
        if (annotation.cur) annotation.text.push(annotation.cur);
        if (cell && sheet) sheet.comments.push({ row, col: cell.col, text: annotation.text.join('\n').trim() });
        annotation = undefined;
        return;
      }
      if (annotation) {
        if (uri === ODF_NS.text && name === 'p') {
          annotation.text.push(annotation.cur);
          annotation.cur = '';
        }
        return;
      }
      if (uri === ODF_NS.text && name === 'p' && cell) {
        inP--;
        cell.paras.push(cell.cur);
        return;
      }
      if (uri !== ODF_NS.table || !sheet) return;
      if (name === 'table-cell' || name === 'covered-table-cell') {
        if (!cell) return;
        const text = cell.paras.join(' ').replace(/[\r\n\t]/g, ' ').trim();
        const filled = text !== '' || cell.formula !== undefined || cell.value !== undefined;
        if (filled && !cell.covered) {
          // a repeated filled cell is real data repeated; cap what one element can make
          const rep = Math.min(cell.repeat, 1024);
          for (let k = 0; k < rep; k++) {
            for (let r = 0; r < Math.min(rowRepeat, 1024); r++) {
              if (++total > MAX_CELLS) throw new SheetError(`the workbook has more than ${MAX_CELLS} filled cells`);
              const sc: SheetCell = { row: row + r, col: cell.col + k, text, kind: cell.kind === 'empty' ? 'string' : cell.kind };
              if (cell.value !== undefined) sc.value = cell.value;
              if (cell.formula) sc.formula = cell.formula;
              sheet.cells.set(cellKey(sc.row, sc.col), sc);
              if (sc.kind === 'string') strings.push(text);
            }
          }
          if (cell.spanC > 1 || cell.spanR > 1) sheet.merges.push({ r0: row, c0: cell.col, r1: row + cell.spanR - 1, c1: cell.col + cell.spanC - 1 });
        }
        col = cell.col + cell.repeat;
        cell = undefined;
      } else if (name === 'table-row') {
        row += rowRepeat;
      } else if (name === 'table') {
        sheets.push(sheet);
        sheet = undefined;
      }
    },
  });
  return { sheets, date1904: false, convention: conv ?? (strings.some(isVietnamese) ? 'vi' : 'en') };
}

function dateSerial(iso: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(iso ?? '');
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return ms / 86400000 + 25569;
}

const VI_LETTERS = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/;
function isVietnamese(s: string): boolean {
  return VI_LETTERS.test(s.normalize('NFC').toLowerCase());
}

// --- Document

export interface SheetOptions {
  numberFormat?: Convention;
  /** The format to report (`xlsx` for a converted .xls). */
  reportAs?: DocFormat;
}

export function parseSheet(bytes: Uint8Array, path: string, format: 'xlsx' | 'ods', opts: SheetOptions = {}): SheetDocument {
  const wb = format === 'xlsx' ? readXlsx(bytes, opts.numberFormat) : readOds(bytes, opts.numberFormat);
  return workbookDocument(wb, path, opts.reportAs ?? format);
}

/** Lays the visible sheets out as text and builds the Document. */
export function workbookDocument(wb: Workbook, path: string, format: DocFormat): SheetDocument {
  const lines: OfficeLine[] = [];
  const comments: OfficeComment[] = [];
  const cellSpans: Array<Map<number, Span>> = [];
  let out = '';
  const newLine = (): number => {
    if (out.length || lines.length) out += '\n';
    return out.length;
  };
  const blank = (): void => {
    if (lines.length && !out.endsWith('\n\n')) out += '\n';
  };
  wb.sheets.forEach((sheet, si) => {
    const spans = new Map<number, Span>();
    cellSpans.push(spans);
    if (sheet.hidden || sheet.cells.size === 0) return;
    const covered = new Set<number>();
    for (const m of sheet.merges) {
      const rows = Math.min(m.r1 - m.r0 + 1, 10000);
      const cols = Math.min(m.c1 - m.c0 + 1, 1000);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (r || c) covered.add(cellKey(m.r0 + r, m.c0 + c));
    }
    const shown = [...sheet.cells.values()].filter((c) => !covered.has(cellKey(c.row, c.col)) && c.text !== '');
    if (!shown.length) return;
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const byRow = new Map<number, SheetCell[]>();
    for (const c of shown) {
      r0 = Math.min(r0, c.row);
      r1 = Math.max(r1, c.row);
      c0 = Math.min(c0, c.col);
      c1 = Math.max(c1, c.col);
      const list = byRow.get(c.row) ?? [];
      list.push(c);
      byRow.set(c.row, list);
    }
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    const figure = (c: SheetCell): boolean => c.kind === 'number';
    // the table: from the first row with two filled cells to the last row with a figure (titles
    // above it and notes or signatures below it are paragraphs)
    let first = rows.findIndex((r) => byRow.get(r)!.length >= 2);
    let last = -1;
    for (let k = rows.length - 1; k >= 0; k--) {
      if (byRow.get(rows[k])!.some(figure)) {
        last = k;
        break;
      }
    }
    if (last < first) first = -1;
    const paragraphRow = (r: number): void => {
      const cells = byRow.get(r)!.sort((a, b) => a.col - b.col);
      const start = newLine();
      out += cells.map((c) => c.text.replace(/[\r\n\t]/g, ' ')).join(' ');
      const refs = [cellRef(r, cells[0].col)];
      let at = start;
      cells.forEach((c) => {
        spans.set(cellKey(c.row, c.col), { start: at, end: at + c.text.length });
        at += c.text.length + 1;
      });
      lines.push({ start, end: out.length, extras: { paragraph: lines.length + 1, sheet: sheet.name, row: r + 1 }, cells: [start], refs });
    };
    if (first < 0) {
      rows.forEach(paragraphRow);
      blank();
      return;
    }
    for (let k = 0; k < first; k++) paragraphRow(rows[k]);
    if (first > 0) blank();
    // a label merged across columns in a row of figures ("Tổng cộng" over STT and Đơn vị) is
    // shown in each column it covers, so the row's figures line up with the rows above
    const spread = new Map<number, string>();
    for (const m of sheet.merges) {
      const top = sheet.cells.get(cellKey(m.r0, m.c0));
      if (m.r0 !== m.r1 || !top || top.kind !== 'string' || !byRow.get(m.r0)?.some(figure)) continue;
      for (let c = m.c0 + 1; c <= Math.min(m.c1, m.c0 + 64); c++) spread.set(cellKey(m.r0, c), top.text);
    }
    for (let k = first; k <= last; k++) {
      const r = rows[k];
      const start = newLine();
      const starts: number[] = [];
      const refs: string[] = [];
      for (let c = c0; c <= c1; c++) {
        if (c > c0) out += '\t';
        starts.push(out.length);
        refs.push(cellRef(r, c));
        const cell = covered.has(cellKey(r, c)) ? undefined : sheet.cells.get(cellKey(r, c));
        const label = spread.get(cellKey(r, c));
        if (label) out += label.replace(/[\r\n\t]/g, ' ');
        else if (cell && cell.text) {
          const t = cell.text.replace(/[\r\n\t]/g, ' ');
          spans.set(cellKey(r, c), { start: out.length, end: out.length + t.length });
          out += t;
        }
      }
      lines.push({ start, end: out.length, extras: { paragraph: lines.length + 1, sheet: sheet.name, row: r + 1 }, cells: starts, refs });
    }
    if (last + 1 < rows.length) blank();
    for (let k = last + 1; k < rows.length; k++) paragraphRow(rows[k]);
    blank();
    for (const cm of sheet.comments) {
      const span = spans.get(cellKey(cm.row, cm.col));
      if (span) comments.push({ start: span.start, end: Math.max(span.end, span.start), text: cm.text });
    }
  });
  out = out.replace(/\n+$/, '');
  const original = out;
  const doc = new SheetDocument({ path, format, original, encoding: 'utf-8', extrasAt: (offset) => sheetExtras(original, lines, offset) });
  parseBlocks(doc, { markdown: false });
  doc.workbook = wb;
  doc.cellSpans = cellSpans;
  doc.comments = comments.map((c) => ({ span: { start: doc.norm.fromOriginal(c.start), end: doc.norm.fromOriginal(c.end) }, text: c.text }));
  return doc;
}

function sheetExtras(original: string, lines: OfficeLine[], offset: number): LocationExtras | undefined {
  return extrasOf(original, lines, offset);
}

/** `Thu!C12` for a cell of a sheet. */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${cellRef(row, col)}`;
}

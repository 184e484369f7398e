// bytes -> Document, one module per format. Word, Writer, spreadsheet and PDF readers are loaded
// only when used (dynamic import), so linting text never loads the zip, XML or PDF libraries.
// What a file is comes from its bytes first (sniff.ts), its extension second. Formats that need
// LibreOffice (.doc, .rtf, .xls) raise ConversionNeeded here: converting is I/O and lives in the
// CLI (src/cli/convert.ts), which hands the converted .docx/.xlsx back with `converted`.

import { Document, type DocFormat } from './document.js';
import { parseBlocks } from './blocks.js';
import { decode } from './decode.js';
import { DEFAULT_XML_LIMITS, ParseBudget, withParseBudget, type Deadline, type XmlLimits } from './limits.js';

import { sniff } from './sniff.js';

export { Document } from './document.js';
export { DecodeError } from './decode.js';
export { Deadline, DeadlineError, LimitError } from './limits.js';

export interface ParseOptions {
  /** Force a format instead of choosing by content and file extension. */
  format?: DocFormat;
  /** Text encoding for .txt/.md (default: detect UTF-8 / UTF-16 BOM). */
  encoding?: string;
  /** Spreadsheets: how figures are shown (default: from the workbook's text). */
  numberFormat?: 'vi' | 'en';
  /** The bytes are LibreOffice's conversion of a .doc/.rtf (to .docx) or .xls (to .xlsx): report this format. */
  converted?: 'doc' | 'rtf' | 'xls';
  /** The file's deadline (reading, parsing, rules): parsing past it throws DeadlineError. */
  deadline?: Deadline;
  /** XML limits for Word (and other zip/XML) packages. */
  xmlLimits?: XmlLimits;
}

/** A file that must be converted by LibreOffice before it can be read. */
export class ConversionNeeded extends Error {
  constructor(
    readonly from: 'doc' | 'rtf' | 'xls',
    readonly to: 'docx' | 'xlsx',
  ) {
    super(`${CONVERTED_NAMES[from]} can only be read through LibreOffice, which is not available here; save it as ${to === 'docx' ? '.docx' : '.xlsx'} first`);
  }
}

/** A file whose content is not a format reportlint reads (an image, an archive, a presentation). */
export class UnreadableFormat extends Error {}

export const CONVERTED_NAMES: Record<'doc' | 'rtf' | 'xls', string> = {
  doc: 'a Word 97-2003 .doc file',
  rtf: 'an RTF file',
  xls: 'an Excel 97-2003 .xls workbook',
};

/** File extensions reportlint reads, by format. */
export const EXTENSIONS: Record<string, DocFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.docm': 'docx',
  '.dotx': 'docx',
  '.pdf': 'pdf',
  '.odt': 'odt',
  '.ott': 'odt',
  '.doc': 'doc',
  '.rtf': 'rtf',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.ods': 'ods',
};

/** Extensions read through LibreOffice (besides .doc and .rtf above). */
export const CONVERTED_EXTENSIONS: Record<string, 'xls'> = { '.xls': 'xls' };

export function formatOf(path: string): DocFormat {
  const m = /\.[^./\\]+$/.exec(path.toLowerCase());
  return (m && EXTENSIONS[m[0]]) || 'text';
}

/** Parses text already decoded (editors, --stdin, tests). */
export function parseText(original: string, path: string, format: DocFormat = formatOf(path), meta: { encoding?: string; bom?: boolean } = {}): Document {
  const doc = new Document({ path, format, original, encoding: meta.encoding, bom: meta.bom });
  parseBlocks(doc, { markdown: format === 'markdown' });
  return doc;
}

/** Bytes -> Document within the XML limits and the deadline (LimitError / DeadlineError past them). */
export async function parseBytes(bytes: Uint8Array, path: string, opts: ParseOptions = {}): Promise<Document> {
  const byName = formatOf(path);
  let format: DocFormat | 'xls' = opts.format ?? byName;
  if (opts.converted) format = opts.converted === 'xls' ? 'xlsx' : 'docx';
  else if (!opts.format) {
    const s = sniff(bytes);
    if (s.kind === 'unreadable') throw new UnreadableFormat(s.reason);
    // content decides for office files and PDF; a text file is whatever its name says
    if (s.kind === 'format') format = s.format;
    else if (CONVERTED_EXTENSIONS[extOf(path)]) format = 'xls';
  }
  if (format === 'doc' || format === 'rtf' || format === 'xls') throw new ConversionNeeded(format, format === 'xls' ? 'xlsx' : 'docx');
  const reported: DocFormat = opts.converted === 'xls' ? 'xlsx' : opts.converted ?? format;
  const deadline = opts.deadline;
  // a zip/XML package is parsed within the XML limits and the deadline (src/parse/limits.ts)
  const budgeted = <T>(kind: string, parse: () => T): T => {
    deadline?.check('reading it');
    return withParseBudget(new ParseBudget(opts.xmlLimits ?? DEFAULT_XML_LIMITS, deadline, kind), parse);
  };
  let doc: Document;
  if (format === 'docx') {
    const { parseDocx } = await import('./docx.js');
    doc = budgeted('Word', () => parseDocx(bytes, path, reported).doc);
  } else if (format === 'odt') {
    const { parseOdt } = await import('./odt.js');
    doc = budgeted('OpenDocument', () => parseOdt(bytes, path));
  } else if (format === 'xlsx' || format === 'ods') {
    const { parseSheet } = await import('./sheet.js');
    doc = budgeted('spreadsheet', () => parseSheet(bytes, path, format as 'xlsx' | 'ods', { numberFormat: opts.numberFormat, reportAs: reported }));
  } else if (format === 'pdf') {
    const { parsePdf } = await import('./pdf.js');
    deadline?.check('reading it');
    doc = await parsePdf(bytes, path, deadline);
  } else {
    const { text, encoding, bom } = decode(bytes, opts.encoding);
    doc = parseText(text, path, format, { encoding, bom });
  }
  deadline?.check('reading it');
  return doc;
}

function extOf(path: string): string {
  return /\.[^./\\]+$/.exec(path.toLowerCase())?.[0] ?? '';
}

/** Re-parses fixed text in the same format, keeping encoding and BOM (the fix loop). */
export function reparse(text: string, previous: Document): Document {
  return parseText(text, previous.path, previous.format, { encoding: previous.encoding, bom: previous.bom });
}

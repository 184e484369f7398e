// bytes -> Document, one module per format. Word and PDF readers are loaded only when used
// (dynamic import), so linting text never loads the zip, XML or PDF libraries.

import { Document, type DocFormat } from './document.js';
import { parseBlocks } from './blocks.js';
import { decode } from './decode.js';

export { Document } from './document.js';
export { DecodeError } from './decode.js';

export interface ParseOptions {
  /** Force a format instead of choosing by file extension. */
  format?: DocFormat;
  /** Text encoding for .txt/.md (default: detect UTF-8 / UTF-16 BOM). */
  encoding?: string;
}

/** File extensions reportlint reads, by format. */
export const EXTENSIONS: Record<string, DocFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

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

export async function parseBytes(bytes: Uint8Array, path: string, opts: ParseOptions = {}): Promise<Document> {
  const format = opts.format ?? formatOf(path);
  if (format === 'docx') {
    const { parseDocx } = await import('./docx.js');
    return parseDocx(bytes, path).doc;
  }
  if (format === 'pdf') {
    const { parsePdf } = await import('./pdf.js');
    return parsePdf(bytes, path);
  }
  const { text, encoding, bom } = decode(bytes, opts.encoding);
  return parseText(text, path, format, { encoding, bom });
}

/** Re-parses fixed text in the same format, keeping encoding and BOM (the fix loop). */
export function reparse(text: string, previous: Document): Document {
  return parseText(text, previous.path, previous.format, { encoding: previous.encoding, bom: previous.bom });
}

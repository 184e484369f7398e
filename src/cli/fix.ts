// --fix and --fix-dry-run for files: run the fix loop, then write the result back in the file's
// own encoding and BOM (through writeFileAtomic), or print a unified diff and write nothing.

import { createTwoFilesPatch } from 'diff';
import type { Document } from '../parse/document.js';
import { fixLoop, type FixLoopResult } from '../engine/fix.js';
import type { FileResult } from '../engine/types.js';
import { reparse } from '../parse/index.js';
import { writeFileAtomic, type WriteOptions, type WriteOutcome } from './safe-write.js';

export class EncodeError extends Error {}

/** Text -> bytes in the document's encoding, with its BOM if it had one. */
export function encodeText(text: string, encoding: string, bom: boolean): Uint8Array {
  const enc = encoding.toLowerCase().replace(/_/g, '-');
  if (enc === 'utf-8' || enc === 'utf8') {
    const body = Buffer.from(text, 'utf8');
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  if (enc === 'utf-16le' || enc === 'utf-16be' || enc === 'utf-16') {
    const le = Buffer.from(text, 'utf16le');
    const body = enc === 'utf-16be' ? le.swap16() : le;
    if (!bom) return body;
    return Buffer.concat([Buffer.from(enc === 'utf-16be' ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
  }
  throw new EncodeError(`cannot write ${encoding}: fixes are written only to UTF-8 and UTF-16 files`);
}

export function fixDocument(doc: Document, lint: (d: Document) => FileResult, maxPasses = 10): FixLoopResult<Document> {
  return fixLoop(doc, lint, reparse, { maxPasses });
}

/**
 * Writes the fixed text of a file; the caller checked that something changed. With `expected`
 * (the file as it was read) the file is replaced only if it is unchanged (safe-write.ts).
 */
export async function writeFixed(doc: Pick<Document, 'path' | 'encoding' | 'bom'>, output: string, opts: WriteOptions = {}): Promise<WriteOutcome> {
  return writeFileAtomic(doc.path, encodeText(output, doc.encoding, doc.bom), opts);
}

/** A unified diff (`--- a/path`, `+++ b/path`), empty when nothing changed. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const p = path.replace(/\\/g, '/');
  // git's a/ b/ prefixes for relative paths; an absolute path is shown as it is
  const abs = p.startsWith('/') || /^[A-Za-z]:\//.test(p);
  return createTwoFilesPatch(abs ? p : `a/${p}`, abs ? p : `b/${p}`, before, after, undefined, undefined, { context: 3 }).replace(/^(Index: .*\n)?=+\n/, '');
}

// One file, start to finish: read (within the size limit), parse, lint with its config, hide
// baseline findings, and with --fix compute the fixed text. The CLI's single-process path and
// the worker threads both call this, so their results are identical.

import { readFile, stat } from 'node:fs/promises';
import type { FileResult } from '../engine/types.js';
import type { Document } from '../parse/document.js';
import type { FileConfig } from './config.js';
import { contentHash } from './cache.js';
import { EncodeError, encodeText, fixDocument } from './fix.js';
import { parseFile } from './convert.js';
import type { BaselineEntry } from '../engine/fingerprint.js';
import { lintPipeline, type PipelineOptions } from '../engine/pipeline.js';

// The analysis holds about 90 bytes of heap per byte of text (tokens, figures, sentences), so a
// 20 MB report needs ~2 GB: past that, a clear error is better than running out of memory.
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface Input {
  path: string;
  bytes?: Uint8Array;
}

export interface FileOptions {
  encoding?: string;
  debug?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  maxFileBytes?: number;
  /** With --cache: the content hash the cache holds for this path; when it matches, nothing is linted. */
  cachedHash?: string;
}

export interface Linted {
  result: FileResult;
  /** Findings silenced by directives, and hidden by the baseline (in the last lint pass). */
  suppressed?: number;
  baselined?: number;
  doc?: Document;
  /** Fixed text (--fix / --fix-dry-run), when it differs from the original. */
  fixed?: string;
  /** Content hash of the bytes read (for --cache). */
  hash?: string;
  /** The cache holds this file's result: `result` is a placeholder to be replaced from the cache. */
  cached?: boolean;
}

export function fatal(path: string, message: string): FileResult {
  return { path, format: 'unknown', findings: [], checked: {}, errorCount: 0, warningCount: 0, infoCount: 0, fatal: message };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export async function lintInput(
  input: Input,
  stderr: (s: string) => void,
  fc: FileConfig,
  pipeline: PipelineOptions,
  opts: FileOptions,
  baseline?: BaselineEntry[],
): Promise<Linted> {
  const limit = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Uint8Array;
  if (input.bytes) bytes = input.bytes;
  else {
    try {
      const st = await stat(input.path);
      if (st.isDirectory()) return { result: fatal(input.path, 'cannot read: is a directory') };
      if (st.size > limit) return { result: fatal(input.path, `cannot read: the file is ${mb(st.size)}, over the ${mb(limit)} limit (--max-file-size)`) };
      bytes = await readFile(input.path);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.code === 'ELOOP' ? 'too many symbolic links (a link loop)' : err.message;
      return { result: fatal(input.path, `cannot read: ${reason}`) };
    }
  }
  if (bytes.length > limit) return { result: fatal(input.path, `cannot read: the input is ${mb(bytes.length)}, over the ${mb(limit)} limit (--max-file-size)`) };
  const hash = opts.cachedHash !== undefined ? contentHash(bytes) : undefined;
  if (hash !== undefined && hash === opts.cachedHash) return { result: fatal(input.path, 'cached'), hash, cached: true };
  let doc: Document;
  try {
    // .doc/.rtf/.xls go through LibreOffice (src/cli/convert.ts); spreadsheets take --number-format
    doc = await parseFile(bytes, input.path, { encoding: opts.encoding, numberFormat: pipeline.overrides?.numberFormat === 'vi' || pipeline.overrides?.numberFormat === 'en' ? pipeline.overrides.numberFormat : undefined });
  } catch (e) {
    if (opts.debug && e instanceof Error) stderr(`${e.stack}\n`);
    return { result: fatal(input.path, `cannot read: ${e instanceof Error ? e.message : String(e)}`), hash };
  }
  let suppressed = 0;
  let baselined = 0;
  const lint = (d: Document): FileResult => {
    const out = lintPipeline(d, fc, { ...pipeline, baseline });
    suppressed = out.suppressed;
    baselined = out.baselined;
    return out.result;
  };
  if (!(opts.fix || opts.fixDryRun)) {
    const result = lint(doc);
    return { result, doc, hash, suppressed, baselined };
  }
  const fixed = fixDocument(doc, lint);
  if (fixed.output === doc.original) return { result: fixed.result, doc, hash, suppressed, baselined };
  try {
    encodeText('', doc.encoding, doc.bom);
  } catch (e) {
    if (e instanceof EncodeError) {
      const result = lint(doc);
      result.fatal = e.message;
      return { result, doc, hash, suppressed, baselined };
    }
    throw e;
  }
  return { result: fixed.result, doc, fixed: fixed.output, hash, suppressed, baselined };
}

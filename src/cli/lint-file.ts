// One file, start to finish: read (through the reading boundary, src/cli/read.ts: regular files
// only, within the size limit), parse, lint with its config, hide baseline findings, and with
// --fix compute the fixed text. One deadline (--time-budget) covers reading, parsing and the
// rules. The CLI's single-process path and the worker threads both call this, so their results
// are identical.

import type { FactStore } from '../engine/facts.js';
import type { FileResult, Lang } from '../engine/types.js';
import { both, translateReason, type BothTexts, type CliMessageId } from '../i18n/cli.js';
import { DEFAULT_TIME_BUDGET_MS } from '../engine/run.js';
import type { Document } from '../parse/document.js';
import type { FileConfig } from './config.js';
import { contentHash } from './cache.js';
import { EncodeError, encodeText, fixDocument } from './fix.js';
import { parseFile } from './convert.js';
import { Deadline } from '../parse/index.js';
import { mb, readRegularFile, ReadError, type FileSnapshot } from './read.js';
import type { BaselineEntry } from '../engine/fingerprint.js';
import { lintPipeline, type PipelineOptions } from '../engine/pipeline.js';
import { citedDocuments, type CitedDocument } from '../facts/citations-cross.js';

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
  /** --cross-file: keep the summary of the documents the file cites (`Linted.cited`). */
  crossFile?: boolean;
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
  /** Content hash of the bytes read (for --cache and --fix). */
  hash?: string;
  /** The file as it was read (fstat), for --fix to check it is unchanged before replacing it. */
  snapshot?: FileSnapshot;
  /** The cache holds this file's result: `result` is a placeholder to be replaced from the cache. */
  cached?: boolean;
  /** The language the messages are in (the document's own with `--lang auto`). */
  lang?: Lang;
  /** --cross-file: the documents the file cites, from its last lint pass. */
  cited?: CitedDocument[];
}

/** A result as the CLI carries it: `fatalText` holds the fatal line in both languages until the run's language is known. */
export type CliResult = FileResult & { fatalText?: BothTexts };

export function fatal(path: string, message: string | BothTexts): CliResult {
  const r: CliResult = { path, format: 'unknown', findings: [], checked: {}, errorCount: 0, warningCount: 0, infoCount: 0, fatal: typeof message === 'string' ? message : message.en };
  if (typeof message !== 'string') r.fatalText = message;
  return r;
}

/** `cannot read: <reason>`, the reason one of the catalogue's or a parser's (English) text. */
export function cannotRead(reason: CliMessageId | { text: string }, data?: Record<string, string>): BothTexts {
  const r = typeof reason === 'string' ? both(reason, data) : { en: reason.text, vi: translateReason(reason.text, 'vi') };
  return { en: both('cannotRead', { reason: r.en }).en, vi: both('cannotRead', { reason: r.vi }).vi };
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
  const deadline = new Deadline(pipeline.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
  let bytes: Uint8Array;
  let snapshot: FileSnapshot | undefined;
  if (input.bytes) bytes = input.bytes;
  else {
    try {
      ({ bytes, snapshot } = await readRegularFile(input.path, { maxBytes: limit, label: '(--max-file-size)' }));
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      return { result: fatal(input.path, cannotRead({ text: e.message })) };
    }
  }
  if (bytes.length > limit) return { result: fatal(input.path, cannotRead('inputTooLarge', { size: mb(bytes.length), limit: mb(limit) })) };
  const hash = opts.cachedHash !== undefined || opts.fix ? contentHash(bytes) : undefined;
  if (hash !== undefined && hash === opts.cachedHash) return { result: fatal(input.path, 'cached'), hash, cached: true };
  let doc: Document;
  try {
    // .doc/.rtf/.xls go through LibreOffice (src/cli/convert.ts); spreadsheets take --number-format
    // the deadline covers a LibreOffice conversion too
    const numberFormat = pipeline.overrides?.numberFormat === 'vi' || pipeline.overrides?.numberFormat === 'en' ? pipeline.overrides.numberFormat : undefined;
    doc = await parseFile(bytes, input.path, { encoding: opts.encoding, numberFormat, deadline, convertTimeoutMs: Math.max(1000, deadline.at - performance.now()) });
  } catch (e) {
    if (opts.debug && e instanceof Error) stderr(`${e.stack}\n`);
    return { result: fatal(input.path, cannotRead({ text: e instanceof Error ? e.message : String(e) })), hash };
  }
  let suppressed = 0;
  let baselined = 0;
  let lang: Lang | undefined;
  let cited: CitedDocument[] | undefined;
  const onFacts = opts.crossFile ? (facts: FactStore) => { cited = citedDocuments(facts.doc, facts); } : undefined;
  const lint = (d: Document): FileResult => {
    const out = lintPipeline(d, fc, { ...pipeline, baseline, startedAt: deadline.startedAt, onFacts });
    suppressed = out.suppressed;
    baselined = out.baselined;
    lang = out.lang;
    return out.result;
  };
  if (!(opts.fix || opts.fixDryRun)) {
    const result = lint(doc);
    return { result, doc, hash, snapshot, suppressed, baselined, lang, cited };
  }
  const fixed = fixDocument(doc, lint);
  if (fixed.output === doc.original) return { result: fixed.result, doc, hash, snapshot, suppressed, baselined, lang, cited };
  try {
    encodeText('', doc.encoding, doc.bom);
  } catch (e) {
    if (e instanceof EncodeError) {
      const result = lint(doc);
      result.fatal = e.message;
      (result as CliResult).fatalText = { en: e.message, vi: translateReason(e.message, 'vi') };
      return { result, doc, hash, snapshot, suppressed, baselined, lang, cited };
    }
    throw e;
  }
  return { result: fixed.result, doc, fixed: fixed.output, hash, snapshot, suppressed, baselined, lang, cited };
}

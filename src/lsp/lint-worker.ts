// The language server's linting thread: the editor's text (or a .docx read from disk) through the
// one pipeline, off the thread that talks to the editor, so it keeps answering while a large
// document is linted. A run whose text the editor has changed meanwhile is abandoned at the next
// rule: the server sets the shared `stale` flag, read before each rule (engine LintLimits.cancelled).

import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../engine/config.js';
import { lintPipeline } from '../engine/pipeline.js';
import { LintCancelled } from '../engine/run.js';
import type { Finding, Lang } from '../engine/types.js';
import { formatOf, parseBytes, parseText } from '../parse/index.js';
import { rules } from '../rules/index.js';
import { ConfigResolver } from '../cli/config.js';

export interface LintJob {
  id: number;
  uri: string;
  path: string;
  version: number;
  /** The editor's text; absent for .docx (read from disk). */
  text?: string;
  lang: Lang | 'auto';
  cwd: string;
}

export type LintReply =
  | { id: number; kind: 'done'; findings: Finding[]; internalErrors: Array<{ ruleId: string; message: string }>; lang: Lang }
  | { id: number; kind: 'ignored' }
  | { id: number; kind: 'problem'; message: string }
  | { id: number; kind: 'cancelled' };

const KNOWN: ReadonlySet<string> = new Set(rules.map((r) => r.id));

/** Lints one job; `stale()` abandons it between rules. */
export async function lintJob(job: LintJob, stale: () => boolean): Promise<LintReply> {
  let doc;
  try {
    doc = job.text === undefined || formatOf(job.path) === 'docx' ? await parseBytes(await readFile(job.path), job.path) : parseText(job.text, job.path);
  } catch (e) {
    return { id: job.id, kind: 'problem', message: `reportlint: cannot read ${job.path}: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    const fc = new ConfigResolver(rules, job.cwd).resolve(job.path);
    if (fc.ignored) return { id: job.id, kind: 'ignored' };
    const out = lintPipeline(doc, fc, { lang: job.lang, knownRules: KNOWN, cancelled: stale });
    return { id: job.id, kind: 'done', findings: out.result.findings, internalErrors: out.result.internalErrors ?? [], lang: out.lang };
  } catch (e) {
    if (e instanceof LintCancelled) return { id: job.id, kind: 'cancelled' };
    if (e instanceof ConfigError) return { id: job.id, kind: 'problem', message: `reportlint: ${e.message}` };
    throw e;
  }
}

if (parentPort && workerData?.reportlintLintWorker) {
  const stale = new Int32Array(workerData.stale as SharedArrayBuffer);
  const port = parentPort;
  port.on('message', (job: LintJob) => {
    lintJob(job, () => Atomics.load(stale, 0) === job.id).then(
      (reply) => port.postMessage(reply),
      (e: unknown) => port.postMessage({ id: job.id, kind: 'problem', message: `reportlint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` } satisfies LintReply),
    );
  });
}

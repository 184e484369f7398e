// A worker thread's task: lint one file exactly as the single-process CLI does (same config
// resolution, same pipeline, same baseline), and send back the plain result.

import './zod-setup.js'; // first: before any schema is built
import type { FileResult, Lang } from '../engine/types.js';
import { rules } from '../rules/index.js';
import { readBaseline, type Baseline } from './baseline.js';
import { ConfigResolver } from './config.js';
import { lintInput, type FileOptions } from './lint-file.js';
import type { PipelineOptions } from '../engine/pipeline.js';
import type { CitedDocument } from '../facts/citations-cross.js';

export interface WorkerJob {
  path: string;
  cwd: string;
  configPath?: string;
  only?: string[];
  pipeline: PipelineOptions;
  file: FileOptions;
  baselinePath?: string;
  baselineKey?: string;
  wantSource: boolean;
}

export interface WorkerResult {
  result: FileResult;
  source?: string;
  hash?: string;
  cached?: boolean;
  suppressed?: number;
  baselined?: number;
  lang?: Lang;
  cited?: CitedDocument[];
}

let resolver: ConfigResolver | undefined;
let resolverKey = '';
const baselines = new Map<string, Promise<Baseline | undefined>>();

export default async function lintJob(job: WorkerJob): Promise<WorkerResult> {
  const key = JSON.stringify([job.cwd, job.configPath, job.only]);
  if (!resolver || key !== resolverKey) {
    resolver = new ConfigResolver(rules, job.cwd, job.configPath, job.only);
    resolverKey = key;
  }
  const fc = resolver.resolve(job.path);
  let baseline: Baseline | undefined;
  if (job.baselinePath) {
    if (!baselines.has(job.baselinePath)) baselines.set(job.baselinePath, readBaseline(job.baselinePath));
    baseline = await baselines.get(job.baselinePath);
  }
  const entries = baseline && job.baselineKey !== undefined ? baseline.files[job.baselineKey] : undefined;
  const linted = await lintInput({ path: job.path }, () => undefined, fc, job.pipeline, job.file, entries);
  const out: WorkerResult = { result: linted.result, hash: linted.hash, cached: linted.cached, suppressed: linted.suppressed, baselined: linted.baselined, lang: linted.lang, cited: linted.cited };
  if (job.wantSource && linted.doc) out.source = linted.doc.original;
  return out;
}

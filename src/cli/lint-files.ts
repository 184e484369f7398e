// Phase 4, lint: every task through the one per-file step (src/cli/lint-file.ts), in this process
// or in worker threads for large runs, with --cache replaying unchanged files, --fix writing
// (or --fix-dry-run collecting diffs), and --update-baseline collecting today's findings.

import { stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import type { PipelineOptions } from '../engine/pipeline.js';
import { countFindings } from '../engine/run.js';
import type { FileResult, Lang } from '../engine/types.js';
import { both, cliText, translateReason } from '../i18n/cli.js';
import { rules } from '../rules/index.js';
import { VERSION } from '../version.js';
import { entriesFor, type BaselineEntry } from './baseline.js';
import { configHash, LintCache } from './cache.js';
import type { FileConfig } from './config.js';
import { unifiedDiff, writeFixed } from './fix.js';
import { escapeTerminal } from '../format/escape.js';
import { WriteRefused } from './safe-write.js';
import type { Io } from './io.js';
import { lintInput, type CliResult, type FileOptions, type Linted } from './lint-file.js';
import type { LoadedContext } from './load-config.js';
import type { Options } from './options.js';
import { runInWorkers, worthWorkers } from './pool.js';
import { progress } from './progress.js';
import type { Targets, Task } from './targets.js';
import type { WorkerJob, WorkerResult } from './worker.js';
import type { CitedDocument } from '../facts/citations-cross.js';
import { addCrossFileFindings } from './cross-file.js';

export interface LintRun {
  /** Sorted by path. */
  results: FileResult[];
  /** Original text by result path, for the formats and writers that show or rewrite it. */
  sources: Map<string, string>;
  /** --update-baseline: the findings to record, by baseline key. */
  baselineUpdates: Map<string, BaselineEntry[]>;
  /** --fix-dry-run: one unified diff per file ('' when nothing to fix). */
  diffs: string[];
  /** --stdin --fix: the fixed text. */
  fixedStdin?: string;
  /** Files found and left out on purpose (--skip, ignorePatterns), for the summary. */
  skipped?: string[];
  /** The run's language: --lang or the environment's; with `auto`, the language most of the linted documents are in. */
  lang: Lang;
  /** Findings hidden by the baseline and silenced by directives, over all files. */
  baselined: number;
  suppressed: number;
}

/** What the CLI keeps with a result (and the cache with it) besides the findings. */
interface Counts {
  baselined: number;
  suppressed: number;
  lang?: Lang;
}
type Carried = CliResult & { counts?: Counts; cited?: CitedDocument[] };

/** --lang auto: the language most documents are in (English when they are as many, or when none was read). */
function majority(langs: Lang[]): Lang {
  const vi = langs.filter((l) => l === 'vi').length;
  return vi > langs.length - vi ? 'vi' : 'en';
}

/** Options of the pipeline, the same for every file. */
export function pipelineOptions(o: Options): PipelineOptions {
  const { opts } = o;
  return {
    knownRules: new Set(rules.map((r) => r.id)),
    timeBudgetMs: o.timeBudgetMs,
    lang: o.lang,
    overrides: { locale: opts.locale, numberFormat: opts.numberFormat, rounding: opts.rounding },
    reportUnusedDirectives: opts.reportUnusedDisableDirectives ? 'error' : undefined,
  };
}

const perFileConfigHash = (fc: FileConfig): string => configHash([fc.configPath ?? '', fc.settings, fc.rules.map((r) => [r.rule.id, r.severity, r.options])]);

export async function lintTargets(o: Options, ctx: LoadedContext, targets: Targets, io: Io): Promise<LintRun> {
  const { opts } = o;
  const { tasks } = targets;
  const { baseline } = ctx;
  const pipeline = pipelineOptions(o);
  const results: Carried[] = [...targets.results];
  const run: LintRun = { results, sources: new Map(), baselineUpdates: new Map(), diffs: [], lang: o.lang === 'auto' ? 'en' : o.lang, baselined: 0, suppressed: 0, skipped: targets.skipped };
  const bar = progress(io, tasks.length, o.lang === 'auto' ? 'en' : o.lang);
  const { sources } = run;

  // html shows the text; sarif and gitlab fingerprints (and sarif fix regions) need it
  const wantSource = opts.format === 'html' || opts.format === 'sarif' || opts.format === 'gitlab';
  const rewriting = !!(opts.fix || opts.fixDryRun || opts.updateBaseline || opts.stdin || opts.annotate || opts.comments);
  const fileOptions = { encoding: opts.encoding, debug: opts.debug, fix: opts.fix, fixDryRun: opts.fixDryRun, maxFileBytes: o.maxFileBytes, crossFile: opts.crossFile || undefined };
  let cache: LintCache | undefined;
  if (opts.cache && !rewriting) {
    const configParts = tasks.map((t) => [t.fc.configPath ?? '', t.fc.settings, t.fc.rules.map((r) => [r.rule.id, r.severity, r.options])]);
    // the baseline as read and checked in phase 2 (it was read once, through the reading boundary)
    const baselineText = baseline ? JSON.stringify(baseline) : '';
    const location = opts.cacheLocation ?? '.reportlintcache';
    cache = await LintCache.open(resolvePath(io.cwd, location), VERSION, configHash([pipeline, fileOptions, configParts.length ? configParts[0] : [], baselineText, opts.rule ?? []]), io.env, location);
    if (cache.warning) io.stderr(`reportlint: ${cache.warning}\n`);
  }

  const finish = (task: Task, linted: Linted): void => {
    let result: Carried = linted.result;
    if (!linted.cached && linted.lang) result.counts = { baselined: linted.baselined ?? 0, suppressed: linted.suppressed ?? 0, lang: linted.lang };
    if (!linted.cached && linted.cited) result.cited = linted.cited;
    const cacheKey = `${task.input.path}\u0000${perFileConfigHash(task.fc)}`;
    if (cache && linted.cached) result = cache.get(cacheKey, linted.hash!) ?? result;
    else if (cache && linted.hash) cache.set(cacheKey, linted.hash, result);
    const { doc } = linted;
    if (doc && wantSource) sources.set(result.path, doc.original);
    if (doc && opts.updateBaseline) {
      run.baselineUpdates.set(task.key, entriesFor(doc, result.findings));
      result.findings = [];
      countFindings(result);
    }
    results.push(result);
  };
  const cachedHash = (task: Task): string | undefined => (cache ? cache.peek(`${task.input.path}\u0000${perFileConfigHash(task.fc)}`) ?? '' : undefined);

  let parallel = false;
  if (!rewriting && o.jobs > 1 && tasks.length >= 2) {
    let bytes = 0;
    if (!o.jobsExplicit) for (const t of tasks) bytes += (await stat(t.input.path).catch(() => undefined))?.size ?? 0;
    // an explicit --jobs is honoured; by default workers start only when the run is large enough to pay for them
    parallel = o.jobsExplicit || worthWorkers(tasks.length, bytes, o.jobs);
  }

  if (parallel) {
    const workerJobs: WorkerJob[] = tasks.map((t) => ({
      path: t.input.path,
      cwd: io.cwd,
      configPath: opts.config,
      only: opts.rule,
      pipeline,
      file: { ...fileOptions, cachedHash: cachedHash(t) },
      baselinePath: opts.baseline,
      baselineKey: opts.baseline ? t.key : undefined,
      wantSource,
    }));
    const out = await runInWorkers<WorkerJob, WorkerResult>(new URL('./worker.js', import.meta.url), workerJobs, o.jobs, () => bar.tick());
    out.forEach((w, i) => {
      if (w.source !== undefined) sources.set(w.result.path, w.source);
      finish(tasks[i], { result: w.result, hash: w.hash, cached: w.cached, baselined: w.baselined, suppressed: w.suppressed, lang: w.lang, cited: w.cited });
    });
  } else {
    for (const task of tasks) {
      const { input, fc } = task;
      const entries = baseline && !opts.updateBaseline ? baseline.files[task.key] : undefined;
      const linted = await lintInput(input, io.stderr, fc, pipeline, { ...fileOptions, cachedHash: cachedHash(task) }, entries);
      const { doc } = linted;
      if (doc && linted.fixed !== undefined) {
        if (opts.fixDryRun) run.diffs.push(unifiedDiff(linted.result.path, doc.original, linted.fixed));
        else if (opts.stdin) run.fixedStdin = linted.fixed;
        else {
          // replaced only if unchanged since it was read (size, mtime, content hash), see safe-write.ts
          const expected = linted.snapshot && linted.hash ? { snapshot: linted.snapshot, hash: linted.hash } : undefined;
          const shown = escapeTerminal(linted.result.path);
          try {
            const out = await writeFixed(doc, linted.fixed, { expected, force: opts.force });
            if (out.viaSymlink) io.stderr(`${shown}: a symbolic link; fixed its target ${escapeTerminal(out.target)}\n`);
            if (out.splitLinks) io.stderr(`${shown}: fixed this name only; ${out.splitLinks === 1 ? 'its other hard link keeps' : `its ${out.splitLinks} other hard links keep`} the old text\n`);
          } catch (e) {
            const reason = e instanceof Error ? e.message : String(e);
            const texts = e instanceof WriteRefused ? { en: `not fixed: ${reason}`, vi: `không sửa: ${translateReason(reason, 'vi')}` } : both('cannotWriteFixes', { reason });
            linted.result.fatal = texts.en;
            (linted.result as CliResult).fatalText = texts;
          }
        }
      }
      if ((opts.stdin || opts.annotate || opts.comments) && doc) sources.set(linted.result.path, doc.original);
      finish(task, linted);
      bar.tick();
    }
  }
  bar.done();
  if (o.lang === 'auto') run.lang = majority(results.flatMap((r) => (r.counts?.lang ? [r.counts.lang] : [])));
  if (cache) {
    try {
      await cache.save();
    } catch (e) {
      io.stderr(`reportlint: ${cliText('cannotWriteCache', run.lang, { reason: e instanceof Error ? e.message : String(e) })}\n`);
    }
  }
  if (opts.crossFile) crossFiles(results, tasks, o.lang, run.lang, io.cwd);
  for (const r of results) {
    delete r.cited;
    run.baselined += r.counts?.baselined ?? 0;
    run.suppressed += r.counts?.suppressed ?? 0;
    delete r.counts;
    if (r.fatalText) r.fatal = r.fatalText[run.lang];
    delete r.fatalText;
  }
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return run;
}

function crossFiles(results: Carried[], tasks: Task[], asked: Lang | 'auto', runLang: Lang, cwd: string): void {
  const fcOf = new Map(tasks.map((t) => [t.input.path, t.fc]));
  const inputs = results.filter((r) => r.cited && !r.fatal).map((r) => ({ result: r, cited: r.cited!, lang: asked === 'auto' ? (r.counts?.lang ?? runLang) : asked, fc: fcOf.get(r.path) }));
  addCrossFileFindings(inputs, cwd);
}

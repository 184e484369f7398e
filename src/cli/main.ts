// The command line: options, config, file discovery, reading, linting, suppressions, baseline,
// fixes, formatting, exit codes. `--lsp` hands over to the language server (loaded lazily).
// Exit codes: 0 no errors (and warnings within --max-warnings); 1 error findings or too many
// warnings (with --fix-dry-run: something to fix); 2 usage error, unreadable file, bad config or
// an internal rule error.

import { Command, CommanderError, Option } from 'commander';
import { countFindings } from '../engine/run.js';
import { ConfigError } from '../engine/config.js';
import type { FileResult, Lang, Severity } from '../engine/types.js';
import { FORMATS, loadFormatter } from '../format/index.js';
import { langFromEnv } from '../i18n/format.js';
import { rules } from '../rules/index.js';
import { VERSION } from '../version.js';
import { BaselineError, baselineKey, entriesFor, readBaseline, writeBaseline, type Baseline, type BaselineEntry } from './baseline.js';
import { ConfigResolver, type FileConfig } from './config.js';
import { expandPatterns } from './files.js';
import { unifiedDiff, writeFixed } from './fix.js';
import type { PipelineOptions } from '../engine/pipeline.js';
import { fatal, lintInput, type Input, type Linted } from './lint-file.js';
import { configHash, LintCache } from './cache.js';
import { inShard, parseShard } from './shard.js';
import { defaultJobs, runInWorkers, worthWorkers } from './pool.js';
import type { WorkerJob, WorkerResult } from './worker.js';
import { stat } from 'node:fs/promises';
import { explainRule } from './explain.js';
import { writeFileAtomic } from './safe-write.js';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';

export { VERSION } from '../version.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** All of standard input, for --stdin. */
  readStdin?: () => Promise<Uint8Array>;
}

async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: !!process.stdout.isTTY,
  readStdin: readProcessStdin,
});

interface CliOptions {
  format: string;
  rule?: string[];
  quiet?: boolean;
  maxWarnings?: string;
  color?: boolean;
  lang?: Lang;
  encoding?: string;
  listRules?: boolean;
  locale?: 'vi' | 'en' | 'auto';
  numberFormat?: 'vi' | 'en' | 'auto';
  rounding?: 'round' | 'truncate' | 'any';
  debug?: boolean;
  config?: string;
  stdin?: boolean;
  stdinFilename?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  reportUnusedDisableDirectives?: boolean;
  lsp?: boolean;
  outputFile?: string;
  explain?: string;
  annotate?: string;
  comments?: string;
  jobs?: string;
  cache?: boolean;
  cacheLocation?: string;
  shard?: string;
  maxFileSize?: string;
  timeBudget?: string;
}

function program(io: Io): Command {
  const p = new Command('reportlint')
    .description('Consistency linter for reports: sums, percentages, citations, names and structure.')
    .argument('[files...]', 'files, directories or globs (directories are walked for .txt and .md)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATS)).default('stylish'))
    .option('-c, --config <file>', 'use this config file instead of looking for reportlint.config.json / .reportlintrc.json')
    .option('--rule <id>', 'run only this rule (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .addOption(new Option('--lang <lang>', 'message language (default from LANG)').choices(['vi', 'en']))
    .option('--encoding <name>', 'text encoding of .txt/.md input (default: UTF-8, or UTF-16 by BOM)')
    .addOption(new Option('--locale <locale>', 'document language').choices(['vi', 'en', 'auto']))
    .addOption(new Option('--number-format <conv>', 'how figures are written: vi 1.234,5 or en 1,234.5').choices(['vi', 'en', 'auto']))
    .addOption(new Option('--rounding <mode>', 'how stated figures were rounded').choices(['round', 'truncate', 'any']))
    .option('--fix', 'apply safe fixes to the files')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff; change nothing (exit 1 when there is something to fix)')
    .option('--baseline <file>', 'hide the findings recorded in this baseline file')
    .option('--update-baseline', 'record the current findings in the --baseline file')
    .option('--report-unused-disable-directives', 'report reportlint-disable comments that silence nothing (as errors)')
    .option('--stdin', 'lint standard input')
    .option('--stdin-filename <path>', 'the path standard input stands for (format, config lookup, output)')
    .option('--lsp', 'run the language server over stdio')
    .addOption(new Option('--stdio', 'accepted for editors that add it to --lsp').hideHelp())
    .option('--list-rules', 'list the rules and exit')
    .option('--explain <rule-id>', "print a rule's documentation page and exit")
    .option('-o, --output-file <path>', 'write the report to this file instead of stdout')
    .option('--annotate <out.docx>', 'write a copy of the .docx input with each finding as a Word comment')
    .option('--comments <out.docx>', 'alias of --annotate')
    .option('-j, --jobs <n>', 'worker threads for large runs (default: the number of cores; 1 = single process)')
    .option('--cache', 'skip files unchanged since the last run (content, config and version), replaying their findings')
    .option('--cache-location <path>', 'cache file (default .reportlintcache)')
    .option('--shard <k/n>', 'lint only the k-th of n deterministic parts of the file list (CI matrices); merge the JSON outputs with `reportlint merge`')
    .option('--max-file-size <MB>', 'refuse files larger than this many megabytes (default 20)')
    .option('--time-budget <seconds>', 'per-file time budget for the rules (default 60); past it the file is reported as an error')
    .option('--debug', 'print stack traces of internal errors')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return p;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  if (argv[0] === 'merge') return mergeCommand(argv.slice(1), io);
  const p = program(io);
  try {
    p.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    throw e;
  }
  const opts = p.opts<CliOptions>();
  const lang: Lang = opts.lang ?? langFromEnv(io.env);

  if (opts.lsp) {
    const { startServer } = await import('../lsp/server.js');
    return startServer();
  }

  if (opts.listRules) {
    for (const r of rules) io.stdout(`${r.id.padEnd(22)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.fixable ? 'fix ' : '    '} ${r.meta.description[lang]}\n`);
    return 0;
  }
  if (opts.explain !== undefined) return explainRule(opts.explain, io);

  const usage = (msg: string): number => {
    io.stderr(`reportlint: ${msg}\n`);
    return 2;
  };

  let maxWarnings = -1;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return usage(`--max-warnings expects a whole number, got '${opts.maxWarnings}'`);
  }
  if (opts.fix && opts.fixDryRun) return usage('--fix and --fix-dry-run cannot be used together');
  if (opts.updateBaseline && !opts.baseline) return usage('--update-baseline needs --baseline <file>');
  if (opts.stdinFilename !== undefined && !opts.stdin) return usage('--stdin-filename needs --stdin');
  if (opts.stdin && p.args.length) return usage('--stdin lints standard input: give no files with it');
  let jobs = defaultJobs();
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) return usage(`--jobs expects a whole number of at least 1, got '${opts.jobs}'`);
  }
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (opts.shard !== undefined && !shard) return usage(`--shard expects k/n with 1 <= k <= n, got '${opts.shard}'`);
  let maxFileBytes: number | undefined;
  if (opts.maxFileSize !== undefined) {
    const n = Number(opts.maxFileSize);
    if (!(n > 0)) return usage(`--max-file-size expects a positive number of megabytes, got '${opts.maxFileSize}'`);
    maxFileBytes = Math.floor(n * 1024 * 1024);
  }

  let resolver: ConfigResolver;
  try {
    resolver = new ConfigResolver(rules, io.cwd, opts.config, opts.rule);
  } catch (e) {
    if (e instanceof ConfigError) return usage(e.message);
    throw e;
  }

  let baseline: Baseline | undefined;
  if (opts.baseline) {
    try {
      baseline = await readBaseline(opts.baseline);
    } catch (e) {
      if (e instanceof BaselineError) return usage(e.message);
      throw e;
    }
    if (!baseline && !opts.updateBaseline) return usage(`${opts.baseline}: baseline not found (create it with --update-baseline)`);
  }

  const inputs: Input[] = [];
  const results: FileResult[] = [];
  if (opts.stdin) {
    inputs.push({ path: opts.stdinFilename ?? '<stdin>', bytes: await (io.readStdin ?? readProcessStdin)() });
  } else {
    if (p.args.length === 0) return usage('no files given (try reportlint --help)');
    const { files, missing } = await expandPatterns(p.args, io.cwd);
    for (const m of missing) if (!shard || inShard(m, shard)) results.push(fatal(m, 'cannot read: no such file or directory'));
    for (const path of files) if (!shard || inShard(path, shard)) inputs.push({ path });
  }

  let timeBudgetMs: number | undefined;
  if (opts.timeBudget !== undefined) {
    const n = Number(opts.timeBudget);
    if (!(n > 0)) return usage(`--time-budget expects a positive number of seconds, got '${opts.timeBudget}'`);
    timeBudgetMs = n * 1000;
  }
  const pipeline: PipelineOptions = {
    knownRules: new Set(rules.map((r) => r.id)),
    timeBudgetMs,
    lang,
    overrides: { locale: opts.locale, numberFormat: opts.numberFormat, rounding: opts.rounding },
    reportUnusedDirectives: opts.reportUnusedDisableDirectives ? 'error' : undefined,
  };
  const explicit = new Set(p.args);
  const sources = new Map<string, string>();
  const baselineUpdates = new Map<string, BaselineEntry[]>();
  const diffs: string[] = [];
  let fixedStdin: string | undefined;

  // Which files to lint, each with its config (ignored files drop out here).
  const tasks: Array<{ input: Input; fc: FileConfig; key: string }> = [];
  for (const input of inputs) {
    let fc: FileConfig;
    try {
      fc = resolver.resolve(input.path === '<stdin>' ? `${io.cwd}/<stdin>` : input.path);
    } catch (e) {
      if (e instanceof ConfigError) return usage(e.message);
      throw e;
    }
    if (fc.ignored) {
      if (explicit.has(input.path) || opts.stdin) io.stderr(`${input.path}: ignored by ignorePatterns in ${fc.configPath}\n`);
      continue;
    }
    tasks.push({ input, fc, key: opts.baseline ? baselineKey(opts.baseline, input.path) : '' });
  }

  const wantSource = opts.format === 'html' || opts.format === 'sarif'; // html shows the text; sarif fingerprints and fix regions need it
  const rewriting = !!(opts.fix || opts.fixDryRun || opts.updateBaseline || opts.stdin || opts.annotate || opts.comments);
  const fileOptions = { encoding: opts.encoding, debug: opts.debug, fix: opts.fix, fixDryRun: opts.fixDryRun, maxFileBytes };
  let cache: LintCache | undefined;
  if (opts.cache && !rewriting) {
    const configParts = tasks.map((t) => [t.fc.configPath ?? '', t.fc.settings, t.fc.rules.map((r) => [r.rule.id, r.severity, r.options])]);
    const baselineText = opts.baseline ? await readOptional(opts.baseline) : '';
    cache = await LintCache.open(resolvePath(io.cwd, opts.cacheLocation ?? '.reportlintcache'), VERSION, configHash([pipeline, fileOptions, configParts.length ? configParts[0] : [], baselineText, opts.rule ?? []]));
    if (cache.warning) io.stderr(`reportlint: ${cache.warning}\n`);
  }
  const perFileConfigHash = (fc: FileConfig): string => configHash([fc.configPath ?? '', fc.settings, fc.rules.map((r) => [r.rule.id, r.severity, r.options])]);

  const finish = (task: { input: Input; fc: FileConfig; key: string }, linted: Linted): void => {
    let { result } = linted;
    const cacheKey = `${task.input.path}\u0000${perFileConfigHash(task.fc)}`;
    if (cache && linted.cached) result = cache.get(cacheKey, linted.hash!) ?? result;
    else if (cache && linted.hash) cache.set(cacheKey, linted.hash, result);
    const { doc } = linted;
    if (doc && wantSource) sources.set(result.path, doc.original);
    if (doc && opts.updateBaseline) {
      baselineUpdates.set(task.key, entriesFor(doc, result.findings));
      result.findings = [];
      countFindings(result);
    }
    results.push(result);
  };
  const cachedHash = (task: { input: Input; fc: FileConfig }): string | undefined =>
    cache ? cache.peek(`${task.input.path}\u0000${perFileConfigHash(task.fc)}`) ?? '' : undefined;

  let parallel = false;
  if (!rewriting && jobs > 1 && tasks.length >= 2) {
    let bytes = 0;
    if (opts.jobs === undefined) for (const t of tasks) bytes += (await stat(t.input.path).catch(() => undefined))?.size ?? 0;
    // an explicit --jobs is honoured; by default workers start only when the run is large enough to pay for them
    parallel = opts.jobs !== undefined || worthWorkers(tasks.length, bytes, jobs);
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
    const out = await runInWorkers<WorkerJob, WorkerResult>(new URL('./worker.js', import.meta.url), workerJobs, jobs);
    out.forEach((w, i) => {
      if (w.source !== undefined) sources.set(w.result.path, w.source);
      finish(tasks[i], { result: w.result, hash: w.hash, cached: w.cached });
    });
  } else {
    for (const task of tasks) {
      const { input, fc } = task;
      const entries = baseline && !opts.updateBaseline ? baseline.files[task.key] : undefined;
      const linted = await lintInput(input, io.stderr, fc, pipeline, { ...fileOptions, cachedHash: cachedHash(task) }, entries);
      const { doc } = linted;
      if (doc && linted.fixed !== undefined) {
        if (opts.fixDryRun) diffs.push(unifiedDiff(linted.result.path, doc.original, linted.fixed));
        else if (opts.stdin) fixedStdin = linted.fixed;
        else {
          try {
            await writeFixed(doc, linted.fixed);
          } catch (e) {
            linted.result.fatal = `cannot write fixes: ${e instanceof Error ? e.message : String(e)}`;
          }
        }
      }
      if ((opts.stdin || opts.annotate || opts.comments) && doc) sources.set(linted.result.path, doc.original);
      finish(task, linted);
    }
  }
  if (cache) {
    try {
      await cache.save();
    } catch (e) {
      io.stderr(`reportlint: cannot write the cache: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  if (opts.updateBaseline && opts.baseline) {
    await writeBaseline(opts.baseline, baseline, baselineUpdates);
    io.stderr(`reportlint: baseline ${opts.baseline} updated (${[...baselineUpdates.values()].reduce((n, es) => n + es.reduce((m, e) => m + e.count, 0), 0)} findings recorded)\n`);
  }

  if (opts.quiet) {
    for (const r of results) {
      r.findings = r.findings.filter((f) => f.severity === 'error');
      countFindings(r);
    }
  }

  let code = 0;
  const reportProblems = (): void => {
    for (const r of results) {
      if (r.fatal) {
        io.stderr(`${r.path}: ${r.fatal}\n`);
        code = 2;
      }
      for (const e of r.internalErrors ?? []) {
        io.stderr(`${r.path}: internal error in rule ${e.ruleId}: ${e.message}\n`);
        code = 2;
      }
    }
  };

  if (opts.fixDryRun) {
    io.stdout(diffs.filter(Boolean).join(''));
    reportProblems();
    return code || (diffs.some(Boolean) ? 1 : 0);
  }

  const formatter = (await loadFormatter(opts.format))!;
  const color = opts.color ?? (io.isTTY && !io.env.NO_COLOR);
  const report = formatter(results, { lang, color: opts.outputFile ? false : !!color, cwd: io.cwd, rules, version: VERSION, sources });
  if (opts.stdin && opts.fix) {
    // the fixed text is the output; findings go to stderr (or --output-file)
    const r = results[0];
    io.stdout(fixedStdin ?? sources.get(r?.path ?? '') ?? '');
  }
  if (opts.outputFile) {
    const target = resolvePath(io.cwd, opts.outputFile);
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, report);
    } catch (e) {
      io.stderr(`reportlint: cannot write ${opts.outputFile}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  } else if (opts.stdin && opts.fix) io.stderr(report);
  else io.stdout(report);

  const annotateOut = opts.annotate ?? opts.comments;
  if (annotateOut) {
    // Word comments writer (src/cli/annotate.ts), loaded only when asked for
    const { annotateFromCli } = await import('./annotate.js');
    if ((await annotateFromCli(annotateOut, results, io.cwd, io.stderr)) !== 0) code = 2;
  }

  reportProblems();
  if (code) return code;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) return 1;
  return 0;
}

async function readOptional(path: string): Promise<string> {
  try {
    const { readFile } = await import('node:fs/promises');
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

/** `reportlint merge a.json b.json ... [--format f] [--output-file p]`: one result from sharded runs. */
async function mergeCommand(argv: string[], io: Io): Promise<number> {
  const p = new Command('reportlint merge')
    .description('merge the JSON outputs of sharded runs and print them in any format')
    .argument('<files...>', 'JSON outputs of reportlint --format json')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATS)).default('json'))
    .option('-o, --output-file <path>', 'write the report to this file')
    .addOption(new Option('--lang <lang>', 'message language of the summary').choices(['vi', 'en']))
    .option('--no-color', 'no colour')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    p.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.code === 'commander.helpDisplayed' || e.code === 'commander.help' ? 0 : 2;
    throw e;
  }
  const o = p.opts<{ format: string; outputFile?: string; lang?: Lang; color?: boolean }>();
  const { mergeFiles } = await import('./merge.js');
  let results: FileResult[];
  try {
    results = await mergeFiles(p.args.map((a) => resolvePath(io.cwd, a)));
  } catch (e) {
    io.stderr(`reportlint merge: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const formatter = (await loadFormatter(o.format))!;
  const report = formatter(results, { lang: o.lang ?? langFromEnv(io.env), color: o.color !== false && io.isTTY && !io.env.NO_COLOR, cwd: io.cwd, rules, version: VERSION });
  if (o.outputFile) await writeFileAtomic(resolvePath(io.cwd, o.outputFile), report);
  else io.stdout(report);
  if (results.some((r) => r.fatal || r.internalErrors?.length)) return 2;
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}

export type { Severity };

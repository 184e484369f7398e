// Phase 1, options: the command line parsed and validated into the values the later phases use.
// A bad value is a UsageError (exit 2); --help and --version end here.

import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../engine/types.js';
import { FORMATS } from '../format/index.js';
import { envLang } from '../i18n/format.js';
import { VERSION } from '../version.js';
import { UsageError, type Io } from './io.js';
import { defaultJobs } from './pool.js';
import { parseShard, type Shard } from './shard.js';

export interface CliOptions {
  format: string;
  rule?: string[];
  quiet?: boolean;
  maxWarnings?: string;
  color?: boolean;
  lang?: Lang | 'auto';
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
  force?: boolean;
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
  /** --cross-file: compare the citations of the run's files with each other. */
  crossFile?: boolean;
  maxFileSize?: string;
  timeBudget?: string;
  /** File types (extensions) found in directories and not read that are left out instead of reported. */
  skip?: string[];
  /** false with --no-ignore */
  ignore: boolean;
  ignorePath?: string;
  init?: boolean;
  printConfig?: string;
}

/** The validated command line. */
export interface Options {
  opts: CliOptions;
  /** File arguments as given. */
  args: string[];
  /** --lang, else the environment's (LC_ALL, LC_MESSAGES, LANG), else `auto`: each document's own. */
  lang: Lang | 'auto';
  /** -1: no limit. */
  maxWarnings: number;
  jobs: number;
  /** --jobs was given (honoured even for small runs). */
  jobsExplicit: boolean;
  shard?: Shard;
  maxFileBytes?: number;
  timeBudgetMs?: number;
}

function program(io: Io): Command {
  const p = new Command('reportlint')
    .description('Consistency linter for reports: sums, percentages, citations, names and structure.')
    .argument('[files...]', 'files, directories or globs (directories are walked; every file found is read or reported)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATS)).default('stylish'))
    .option('-c, --config <file>', 'use this config file instead of looking for reportlint.config.json / .reportlintrc.json')
    .option('--rule <id>', 'run only this rule (repeatable, or several ids separated by commas)', (v: string, prev: string[] = []) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)])
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .addOption(new Option('--lang <lang>', "message language; auto: each document's own (default: from LC_ALL/LC_MESSAGES/LANG, else auto)").choices(['vi', 'en', 'auto']))
    .option('--encoding <name>', 'text encoding of .txt/.md input (default: UTF-8, or UTF-16 by BOM)')
    .addOption(new Option('--locale <locale>', 'document language').choices(['vi', 'en', 'auto']))
    .addOption(new Option('--number-format <conv>', 'how figures are written: vi 1.234,5 or en 1,234.5').choices(['vi', 'en', 'auto']))
    .addOption(new Option('--rounding <mode>', 'how stated figures were rounded').choices(['round', 'truncate', 'any']))
    .option('--fix', 'apply safe fixes to the files')
    .option('--force', 'with --fix: also rewrite read-only files and files with other hard links')
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
    .option('--ignore-path <file>', 'read ignore patterns (gitignore syntax) from this file instead of .reportlintignore')
    .option('--no-ignore', 'lint every file given: no .reportlintignore, no ignorePatterns')
    .option('--init', 'write a starter reportlint.config.json (with $schema) here and exit')
    .option('--print-config <file>', 'print the configuration that applies to this file and exit')
    .option('--shard <k/n>', 'lint only the k-th of n deterministic parts of the file list (CI matrices); merge the JSON outputs with `reportlint merge`')
    .option('--cross-file', "report a cited document cited with another date, form or number in another file of the run (citation-mismatch)")
    .option('--max-file-size <MB>', 'refuse files larger than this many megabytes (default 20)')
    .option('--time-budget <seconds>', 'per-file time budget for the rules (default 60); past it the file is reported as an error')
    .option('--skip <types>', "file types not to report as unread when found in directories, e.g. --skip png,json ('*' = all); they are counted as skipped", (v: string, prev: string[] = []) => [...prev, v])
    .option('--debug', 'print stack traces of internal errors')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return p;
}

/** Parses argv; a number is the exit code of a run that ends here (--help, --version, a commander error). */
export function parseOptions(argv: string[], io: Io): Options | number {
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
  return { opts, args: p.args, lang: opts.lang ?? envLang(io.env) ?? 'auto', maxWarnings: -1, jobs: defaultJobs(), jobsExplicit: opts.jobs !== undefined };
}

/** The language of what is said before any document is read (`auto` has nothing to go on yet: English). */
export function earlyLang(o: Options): Lang {
  return o.lang === 'auto' ? 'en' : o.lang;
}

/** Checks the values and combinations of options (after --lsp, --list-rules and --explain, which need none). */
export function validateOptions(o: Options): Options {
  const { opts, args } = o;
  const out: Options = { ...o };
  if (opts.maxWarnings !== undefined) {
    out.maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(out.maxWarnings) || out.maxWarnings < 0) throw UsageError.of('maxWarningsNumber', { value: opts.maxWarnings });
  }
  if (opts.fix && opts.fixDryRun) throw UsageError.of('fixAndDryRun');
  if (opts.updateBaseline && !opts.baseline) throw UsageError.of('updateBaselineNeedsBaseline');
  if (opts.stdinFilename !== undefined && !opts.stdin) throw UsageError.of('stdinFilenameNeedsStdin');
  if (opts.stdin && args.length) throw UsageError.of('stdinNoFiles');
  if (opts.ignorePath !== undefined && !opts.ignore) throw UsageError.of('ignoreWithNoIgnore');
  if (opts.jobs !== undefined) {
    out.jobs = Number(opts.jobs);
    if (!Number.isInteger(out.jobs) || out.jobs < 1) throw UsageError.of('jobsNumber', { value: opts.jobs });
  }
  out.shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (opts.shard !== undefined && !out.shard) throw UsageError.of('shardFormat', { value: opts.shard });
  if (opts.maxFileSize !== undefined) {
    const n = Number(opts.maxFileSize);
    if (!(n > 0)) throw UsageError.of('maxFileSizeNumber', { value: opts.maxFileSize });
    out.maxFileBytes = Math.floor(n * 1024 * 1024);
  }
  if (opts.timeBudget !== undefined) {
    const n = Number(opts.timeBudget);
    if (!(n > 0)) throw UsageError.of('timeBudgetNumber', { value: opts.timeBudget });
    out.timeBudgetMs = n * 1000;
  }
  return out;
}

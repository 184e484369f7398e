// The command line: options, config, file discovery, reading, linting, suppressions, baseline,
// fixes, formatting, exit codes. `--lsp` hands over to the language server (loaded lazily).
// Exit codes: 0 no errors (and warnings within --max-warnings); 1 error findings or too many
// warnings (with --fix-dry-run: something to fix); 2 usage error, unreadable file, bad config or
// an internal rule error.

import { Command, CommanderError, Option } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { countFindings } from '../engine/run.js';
import { ConfigError } from '../engine/config.js';
import type { FileResult, Lang, Severity } from '../engine/types.js';
import { FORMATS, loadFormatter } from '../format/index.js';
import { langFromEnv } from '../i18n/format.js';
import type { Document } from '../parse/document.js';
import { rules } from '../rules/index.js';
import { applyBaseline, BaselineError, baselineKey, entriesFor, readBaseline, writeBaseline, type Baseline, type BaselineEntry } from './baseline.js';
import { ConfigResolver, type FileConfig } from './config.js';
import { expandPatterns } from './files.js';
import { EncodeError, encodeText, fixDocument, unifiedDiff, writeFixed } from './fix.js';
import { lintWithConfig, parseSource, type PipelineOptions } from './lint.js';
import { explainRule } from './explain.js';
import { writeFileAtomic } from './safe-write.js';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';

const require = createRequire(import.meta.url);
export const VERSION: string = (require('../../package.json') as { version: string }).version;

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
    .option('--debug', 'print stack traces of internal errors')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return p;
}

interface Input {
  path: string;
  bytes?: Uint8Array;
}

interface Linted {
  result: FileResult;
  doc?: Document;
  /** Fixed text (--fix / --fix-dry-run), when it differs from the original. */
  fixed?: string;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
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
    for (const m of missing) results.push(fatal(m, 'cannot read: no such file or directory'));
    for (const path of files) inputs.push({ path });
  }

  const pipeline: PipelineOptions = {
    lang,
    overrides: { locale: opts.locale, numberFormat: opts.numberFormat, rounding: opts.rounding },
    reportUnusedDirectives: opts.reportUnusedDisableDirectives ? 'error' : undefined,
  };
  const explicit = new Set(p.args);
  const sources = new Map<string, string>();
  const baselineUpdates = new Map<string, BaselineEntry[]>();
  const diffs: string[] = [];
  let fixedStdin: string | undefined;

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
    const key = opts.baseline ? baselineKey(opts.baseline, input.path) : '';
    const hide = (doc: Document, r: FileResult): FileResult => {
      if (baseline && !opts.updateBaseline) applyBaseline(doc, r, baseline.files[key]);
      return r;
    };
    const linted = await lintInput(input, io, fc, pipeline, opts, hide);
    const { result, doc } = linted;
    if (doc) sources.set(result.path, doc.original);
    if (doc && opts.updateBaseline) {
      baselineUpdates.set(key, entriesFor(doc, result.findings));
      result.findings = [];
      countFindings(result);
    }
    if (doc && linted.fixed !== undefined) {
      if (opts.fixDryRun) diffs.push(unifiedDiff(result.path, doc.original, linted.fixed));
      else if (opts.stdin) fixedStdin = linted.fixed;
      else {
        try {
          await writeFixed(doc, linted.fixed);
        } catch (e) {
          result.fatal = `cannot write fixes: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
    }
    results.push(result);
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

function fatal(path: string, message: string): FileResult {
  return { path, format: 'unknown', findings: [], checked: {}, errorCount: 0, warningCount: 0, infoCount: 0, fatal: message };
}

async function lintInput(
  input: Input,
  io: Io,
  fc: FileConfig,
  pipeline: PipelineOptions,
  opts: CliOptions,
  hide: (doc: Document, r: FileResult) => FileResult,
): Promise<Linted> {
  let bytes: Uint8Array;
  if (input.bytes) bytes = input.bytes;
  else {
    try {
      const st = await stat(input.path);
      if (st.isDirectory()) return { result: fatal(input.path, 'cannot read: is a directory') };
      bytes = await readFile(input.path);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
      return { result: fatal(input.path, `cannot read: ${reason}`) };
    }
  }
  let doc: Document;
  try {
    doc = await parseSource(bytes, input.path, opts.encoding);
  } catch (e) {
    if (opts.debug && e instanceof Error) io.stderr(`${e.stack}\n`);
    return { result: fatal(input.path, `cannot read: ${e instanceof Error ? e.message : String(e)}`) };
  }
  const lint = (d: Document): FileResult => hide(d, lintWithConfig(d, fc, pipeline));
  if (!(opts.fix || opts.fixDryRun)) return { result: lint(doc), doc };
  const fixed = fixDocument(doc, lint);
  if (fixed.output === doc.original) return { result: fixed.result, doc };
  try {
    encodeText('', doc.encoding, doc.bom);
  } catch (e) {
    if (e instanceof EncodeError) {
      const result = lint(doc);
      result.fatal = e.message;
      return { result, doc };
    }
    throw e;
  }
  return { result: fixed.result, doc, fixed: fixed.output };
}

export type { Severity };

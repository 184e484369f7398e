// The command line: options, file discovery, reading, linting, formatting, exit codes.
// Exit codes: 0 no errors (and warnings within --max-warnings); 1 error findings or too many
// warnings; 2 usage error, unreadable file, bad config or an internal rule error.

import { Command, CommanderError, Option } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { lintDocument, resolveSettings, countFindings } from '../engine/run.js';
import { ConfigError, resolveRules } from '../engine/config.js';
import type { FileResult, Lang, Severity } from '../engine/types.js';
import { FORMATS, loadFormatter } from '../format/index.js';
import { langFromEnv } from '../i18n/format.js';
import { parseBytes } from '../parse/index.js';
import { rules } from '../rules/index.js';
import { expandPatterns } from './files.js';

const require = createRequire(import.meta.url);
export const VERSION: string = (require('../../package.json') as { version: string }).version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: !!process.stdout.isTTY,
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
}

function program(io: Io): Command {
  const p = new Command('reportlint')
    .description('Consistency linter for reports: sums, percentages, citations, names and structure.')
    .argument('[files...]', 'files, directories or globs (directories are walked for .txt and .md)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATS)).default('stylish'))
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
    .option('--list-rules', 'list the rules and exit')
    .option('--debug', 'print stack traces of internal errors')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return p;
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

  if (opts.listRules) {
    for (const r of rules) io.stdout(`${r.id.padEnd(22)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.fixable ? 'fix ' : '    '} ${r.meta.description[lang]}\n`);
    return 0;
  }

  let maxWarnings = -1;
  if (opts.maxWarnings !== undefined) {
    maxWarnings = Number(opts.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      io.stderr(`reportlint: --max-warnings expects a whole number, got '${opts.maxWarnings}'\n`);
      return 2;
    }
  }

  let settings;
  try {
    settings = resolveRules(rules, {}, opts.rule);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`reportlint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  if (p.args.length === 0) {
    io.stderr('reportlint: no files given (try reportlint --help)\n');
    return 2;
  }

  const { files, missing } = await expandPatterns(p.args, io.cwd);
  const results: FileResult[] = [];
  for (const m of missing) results.push(fatal(m, 'cannot read: no such file or directory'));
  for (const path of files) {
    results.push(await lintPath(path, io, settings, lang, opts));
  }
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  if (opts.quiet) {
    for (const r of results) {
      r.findings = r.findings.filter((f) => f.severity === 'error');
      countFindings(r);
    }
  }

  const formatter = (await loadFormatter(opts.format))!;
  const color = opts.color ?? (io.isTTY && !io.env.NO_COLOR);
  io.stdout(formatter(results, { lang, color: !!color, cwd: io.cwd, rules, version: VERSION }));

  let code = 0;
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

async function lintPath(
  path: string,
  io: Io,
  settings: ReturnType<typeof resolveRules>,
  lang: Lang,
  opts: CliOptions,
): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.isDirectory()) return fatal(path, 'cannot read: is a directory');
    bytes = await readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    return fatal(path, `cannot read: ${reason}`);
  }
  try {
    const doc = await parseBytes(bytes, path, { encoding: opts.encoding });
    const docSettings = resolveSettings(doc, { locale: opts.locale, numberFormat: opts.numberFormat, rounding: opts.rounding });
    return lintDocument(doc, settings, docSettings, lang);
  } catch (e) {
    if (opts.debug && e instanceof Error) io.stderr(`${e.stack}\n`);
    return fatal(path, `cannot read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export type { Severity };

// Phase 3, files: what to lint. Standard input, or the arguments expanded (src/cli/files.ts) and
// cut to the --shard; each file with its config; files that .reportlintignore or the config's
// ignorePatterns name drop out here (said on stderr when the file was named explicitly, counted as
// skipped). Arguments that match nothing become "cannot read" results, and so does every file
// found in a walked directory that is not in a format reportlint reads, unless its type is
// --skip'ped (then it is counted as skipped).

import type { FileResult } from '../engine/types.js';
import { baselineKey } from './baseline.js';
import type { FileConfig } from './config.js';
import { expandPatterns, extensionOf, readableByName } from './files.js';
import { notReadReason } from './unread.js';
import { readProcessStdin, UsageError, type Io } from './io.js';
import { cannotRead, DEFAULT_MAX_FILE_BYTES, fatal, type Input } from './lint-file.js';
import { ReadError } from './read.js';
import { cliText } from '../i18n/cli.js';
import { loadIgnoreFile } from './ignore-file.js';
import { configOrUsage, type LoadedContext } from './load-config.js';
import type { Options } from './options.js';
import { inShard } from './shard.js';

export interface Task {
  input: Input;
  fc: FileConfig;
  /** The file's key in the --baseline file ('' without one). */
  key: string;
}

export interface Targets {
  tasks: Task[];
  /** Results already known: arguments that matched no file, files found that are not read. */
  results: FileResult[];
  /** Files found and left out on purpose (--skip, ignorePatterns). */
  skipped: string[];
}

/** The --skip types as extensions (`png`, `.PNG` -> `.png`; `*` = every type not read). */
function skipSet(o: Options): Set<string> {
  const out = new Set<string>();
  for (const v of o.opts.skip ?? []) for (const t of v.split(/[\s,]+/).filter(Boolean)) out.add(t === '*' ? '*' : `.${t.replace(/^\*?\./, '').toLowerCase()}`);
  return out;
}

const skips = (set: Set<string>, path: string): boolean => set.has('*') || set.has(extensionOf(path) || '.');

/** The inputs: standard input, or the files the arguments name (within the shard). */
async function collectInputs(o: Options, io: Io): Promise<{ inputs: Input[]; results: FileResult[]; skipped: string[] }> {
  const { opts, args, shard } = o;
  const inputs: Input[] = [];
  const results: FileResult[] = [];
  const skipped: string[] = [];
  const skip = skipSet(o);
  if (opts.stdin) {
    const path = opts.stdinFilename ?? '<stdin>';
    try {
      inputs.push({ path, bytes: await (io.readStdin ?? readProcessStdin)(o.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES) });
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      results.push(fatal(path, cannotRead({ text: e.message })));
    }
  } else {
    if (args.length === 0) throw UsageError.of('noFiles');
    const { files, missing, others } = await expandPatterns(args, io.cwd);
    const mine = (p: string): boolean => !shard || inShard(p, shard);
    for (const m of missing) if (mine(m)) results.push(fatal(m, cannotRead('noSuchFile')));
    for (const path of files) {
      if (!mine(path)) continue;
      // a file named on the command line in a type the user skips
      if (skip.size && !readableByName(path) && skips(skip, path)) skipped.push(path);
      else inputs.push({ path });
    }
    for (const path of others) {
      if (!mine(path)) continue;
      if (skips(skip, path)) skipped.push(path);
      else results.push(fatal(path, cannotRead({ text: notReadReason(path) })));
    }
  }
  return { inputs, results, skipped };
}

/** Each input with its config; ignored files are left out (and said so when named explicitly). */
function resolveTasks(o: Options, ctx: LoadedContext, inputs: Input[], io: Io, skipped: string[]): Task[] {
  const { opts } = o;
  const lang = o.lang === 'auto' ? 'en' : o.lang;
  const explicit = new Set(o.args);
  const ignoreFile = opts.ignore ? loadIgnoreFile(io.cwd, opts.ignorePath) : undefined;
  const tasks: Task[] = [];
  for (const input of inputs) {
    const named = explicit.has(input.path) || !!opts.stdin;
    if (ignoreFile && input.path !== '<stdin>' && ignoreFile.ignores(input.path)) {
      if (named) io.stderr(`${cliText('ignoredFile', lang, { file: input.path, source: ignoreFile.path })}\n`);
      skipped.push(input.path);
      continue;
    }
    const fc = configOrUsage(() => ctx.resolver.resolve(input.path === '<stdin>' ? `${io.cwd}/<stdin>` : input.path));
    if (fc.ignored && opts.ignore) {
      if (named) io.stderr(`${cliText('ignoredFile', lang, { file: input.path, source: cliText('ignoredByPatterns', lang, { file: fc.configPath ?? '' }) })}\n`);
      skipped.push(input.path);
      continue;
    }
    tasks.push({ input, fc, key: opts.baseline ? baselineKey(opts.baseline, input.path) : '' });
  }
  return tasks;
}

export async function collectTargets(o: Options, ctx: LoadedContext, io: Io): Promise<Targets> {
  const { inputs, results, skipped } = await collectInputs(o, io);
  // a file found but not read that the config ignores is skipped, not an error
  const kept = results.filter((r) => {
    if (!r.fatal?.startsWith('cannot read: ') || r.fatal === 'cannot read: no such file or directory') return true;
    if (!ctx.resolver.resolve(r.path).ignored) return true;
    skipped.push(r.path);
    return false;
  });
  return { tasks: resolveTasks(o, ctx, inputs, io, skipped), results: kept, skipped };
}

// Phase 3, files: what to lint. Standard input, or the arguments expanded (src/cli/files.ts) and
// cut to the --shard; each file with its config; files the config ignores drop out here.
// Arguments that match nothing become "cannot read" results.

import type { FileResult } from '../engine/types.js';
import { baselineKey } from './baseline.js';
import type { FileConfig } from './config.js';
import { expandPatterns } from './files.js';
import { readProcessStdin, UsageError, type Io } from './io.js';
import { fatal, type Input } from './lint-file.js';
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
  /** Results already known: arguments that matched no file. */
  results: FileResult[];
}

/** The inputs: standard input, or the files the arguments name (within the shard). */
async function collectInputs(o: Options, io: Io): Promise<{ inputs: Input[]; results: FileResult[] }> {
  const { opts, args, shard } = o;
  const inputs: Input[] = [];
  const results: FileResult[] = [];
  if (opts.stdin) {
    inputs.push({ path: opts.stdinFilename ?? '<stdin>', bytes: await (io.readStdin ?? readProcessStdin)() });
  } else {
    if (args.length === 0) throw new UsageError('no files given (try reportlint --help)');
    const { files, missing } = await expandPatterns(args, io.cwd);
    for (const m of missing) if (!shard || inShard(m, shard)) results.push(fatal(m, 'cannot read: no such file or directory'));
    for (const path of files) if (!shard || inShard(path, shard)) inputs.push({ path });
  }
  return { inputs, results };
}

/** Each input with its config; ignored files are left out (and said so when named explicitly). */
function resolveTasks(o: Options, ctx: LoadedContext, inputs: Input[], io: Io): Task[] {
  const { opts } = o;
  const explicit = new Set(o.args);
  const tasks: Task[] = [];
  for (const input of inputs) {
    const fc = configOrUsage(() => ctx.resolver.resolve(input.path === '<stdin>' ? `${io.cwd}/<stdin>` : input.path));
    if (fc.ignored) {
      if (explicit.has(input.path) || opts.stdin) io.stderr(`${input.path}: ignored by ignorePatterns in ${fc.configPath}\n`);
      continue;
    }
    tasks.push({ input, fc, key: opts.baseline ? baselineKey(opts.baseline, input.path) : '' });
  }
  return tasks;
}

export async function collectTargets(o: Options, ctx: LoadedContext, io: Io): Promise<Targets> {
  const { inputs, results } = await collectInputs(o, io);
  return { tasks: resolveTasks(o, ctx, inputs, io), results };
}

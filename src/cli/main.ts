// The command line, phase by phase (as ESLint's CLI): options (options.ts) -> config
// (load-config.ts) -> files (targets.ts) -> lint (lint-files.ts) -> output (output.ts) -> exit
// (exit.ts). `--lsp` hands over to the language server (loaded lazily); `merge` is its own
// command (merge-command.ts); `--init` and `--print-config` end after the config (init.ts).
// A UsageError from any phase is `reportlint: <message>`, exit 2. Exit codes: see exit.ts.

import './zod-setup.js'; // first: before any schema is built
import type { Severity } from '../engine/types.js';
import { rules } from '../rules/index.js';
import { explainRule } from './explain.js';
import { exitCode } from './exit.js';
import { initConfig, printConfig } from './init.js';
import { defaultIo, UsageError, type Io } from './io.js';
import { lintTargets } from './lint-files.js';
import { loadContext } from './load-config.js';
import { mergeCommand } from './merge-command.js';
import { earlyLang, parseOptions, validateOptions, type Options } from './options.js';
import { writeOutput } from './output.js';
import { prepareOutputPath } from './safe-write.js';
import { collectTargets } from './targets.js';

export { VERSION } from '../version.js';
export type { Io } from './io.js';

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  if (argv[0] === 'merge') return mergeCommand(argv.slice(1), io);
  const parsed = parseOptions(argv, io);
  if (typeof parsed === 'number') return parsed;
  const { opts } = parsed;
  const lang = earlyLang(parsed);

  if (opts.lsp) {
    const { startServer } = await import('../lsp/server.js');
    return startServer();
  }
  if (opts.listRules) {
    for (const r of rules) io.stdout(`${r.id.padEnd(22)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.fixable ? 'fix ' : '    '} ${r.meta.description[lang]}\n`);
    return 0;
  }
  if (opts.explain !== undefined) return explainRule(opts.explain, io, lang);

  try {
    const o = validateOptions(parsed);
    if (opts.init) return await initConfig(o, io);
    await prepareOutputs(o, io);
    const ctx = await loadContext(o, io);
    if (opts.printConfig !== undefined) return printConfig(o, ctx, opts.printConfig, io);
    const targets = await collectTargets(o, ctx, io);
    const run = await lintTargets(o, ctx, targets, io);
    const written = await writeOutput(o, ctx.baseline, run, io);
    return exitCode(o, run, written, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`reportlint: ${e.texts[lang]}\n`);
      return 2;
    }
    throw e;
  }
}

/** Every output option's folder is made now, or one clear error is given before any work. */
async function prepareOutputs(o: Options, io: Io): Promise<void> {
  const outputs = [o.opts.outputFile, o.opts.updateBaseline ? o.opts.baseline : undefined, o.opts.annotate ?? o.opts.comments];
  for (const p of outputs) {
    if (p === undefined) continue;
    try {
      await prepareOutputPath(p, io.cwd);
    } catch (e) {
      throw UsageError.of('cannotWriteReport', { file: p, reason: e instanceof Error ? e.message : String(e) });
    }
  }
}

export type { Severity };

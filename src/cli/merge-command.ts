// `reportlint merge a.json b.json ... [--format f] [--output-file p]`: one result from sharded runs.

import { Command, CommanderError, Option } from 'commander';
import type { FileResult, Lang } from '../engine/types.js';
import { FORMATS, loadFormatter } from '../format/index.js';
import { langFromEnv } from '../i18n/format.js';
import { rules } from '../rules/index.js';
import { VERSION } from '../version.js';
import { resolve as resolvePath } from 'node:path';
import type { Io } from './io.js';
import { prepareOutputPath, writeFileAtomic } from './safe-write.js';
import { nodeEnv } from './format-env.js';

export async function mergeCommand(argv: string[], io: Io): Promise<number> {
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
  if (o.outputFile) {
    // the output's folder is made before any shard is read, or one clear line
    try {
      await prepareOutputPath(o.outputFile, io.cwd);
    } catch (e) {
      io.stderr(`reportlint merge: cannot write ${o.outputFile}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }
  const { mergeFiles } = await import('./merge.js');
  let results: FileResult[];
  try {
    results = await mergeFiles(p.args.map((a) => resolvePath(io.cwd, a)), p.args);
  } catch (e) {
    io.stderr(`reportlint merge: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const formatter = (await loadFormatter(o.format))!;
  const report = formatter(results, { lang: o.lang ?? langFromEnv(io.env), color: o.color !== false && io.isTTY && !io.env.NO_COLOR, cwd: io.cwd, rules, version: VERSION, env: nodeEnv(io.cwd) });
  if (o.outputFile) {
    try {
      await writeFileAtomic(resolvePath(io.cwd, o.outputFile), report);
    } catch (e) {
      io.stderr(`reportlint merge: cannot write ${o.outputFile}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  } else io.stdout(report);
  if (results.some((r) => r.fatal || r.internalErrors?.length)) return 2;
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}

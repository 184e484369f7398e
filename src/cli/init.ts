// `--init` writes a starter config; `--print-config <file>` prints the configuration that applies
// to one file (which config file, the document settings, every rule's severity and options, and
// whether the file is ignored), as ESLint's and textlint's options of the same names do.

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rules } from '../rules/index.js';
import { cliText } from '../i18n/cli.js';
import { HOMEPAGE } from '../version.js';
import { CONFIG_NAMES } from './config.js';
import { loadIgnoreFile } from './ignore-file.js';
import { UsageError, type Io } from './io.js';
import type { LoadedContext } from './load-config.js';
import { configOrUsage } from './load-config.js';
import { earlyLang, type Options } from './options.js';
import { writeFileAtomic } from './safe-write.js';

/** Where `$schema` points: the installed package's copy when there is one here (works offline), else the repository's. */
export function schemaRef(cwd: string): string {
  const local = join('node_modules', 'reportlint', 'schema', 'reportlint.schema.json');
  if (existsSync(join(cwd, local))) return `./${local.split('\\').join('/')}`;
  return `${HOMEPAGE.replace('https://github.com/', 'https://raw.githubusercontent.com/')}/main/schema/reportlint.schema.json`;
}

/** The starter config: every setting at its default, written out so it can be edited. */
export function starterConfig(cwd: string): string {
  const config = {
    $schema: schemaRef(cwd),
    locale: 'auto',
    numberFormat: 'auto',
    rounding: 'any',
    dictionary: [],
    rules: {},
    ignorePatterns: [],
  };
  return JSON.stringify(config, null, 2) + '\n';
}

export async function initConfig(o: Options, io: Io): Promise<number> {
  const lang = earlyLang(o);
  const existing = CONFIG_NAMES.find((n) => existsSync(join(io.cwd, n)));
  if (existing) throw UsageError.of('initExists', { file: existing });
  const file = CONFIG_NAMES[0];
  await writeFileAtomic(join(io.cwd, file), starterConfig(io.cwd));
  io.stderr(`reportlint: ${cliText('initWritten', lang, { file })}\n`);
  return 0;
}

export function printConfig(o: Options, ctx: LoadedContext, file: string, io: Io): number {
  const fc = configOrUsage(() => ctx.resolver.resolve(file));
  const ignoreFile = o.opts.ignore ? loadIgnoreFile(io.cwd, o.opts.ignorePath) : undefined;
  const { locale, numberFormat, rounding } = o.opts;
  const settings = { ...fc.settings, ...Object.fromEntries(Object.entries({ locale, numberFormat, rounding }).filter(([, v]) => v !== undefined)) };
  const out = {
    file,
    configFile: fc.configPath ? relative(io.cwd, fc.configPath).split('\\').join('/') || fc.configPath : null,
    ignored: o.opts.ignore && (fc.ignored || !!ignoreFile?.ignores(file)),
    settings,
    rules: Object.fromEntries(
      rules.map((r) => {
        const s = fc.rules.find((x) => x.rule.id === r.id);
        return [r.id, s ? [s.severity, s.options] : 'off'];
      }),
    ),
  };
  io.stdout(JSON.stringify(out, null, 2) + '\n');
  return 0;
}

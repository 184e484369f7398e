// Phase 5, output: the baseline file (--update-baseline), --quiet, then the report in the chosen
// format to stdout or --output-file (with --stdin --fix the fixed text goes to stdout and the
// report to stderr), the --fix-dry-run diff, and the Word copy with comments (--annotate).

import { resolve as resolvePath } from 'node:path';
import { countFindings } from '../engine/run.js';
import { loadFormatter } from '../format/index.js';
import { rules } from '../rules/index.js';
import { VERSION } from '../version.js';
import { cliText } from '../i18n/cli.js';
import { writeBaseline, type Baseline } from './baseline.js';
import type { Io } from './io.js';
import type { LintRun } from './lint-files.js';
import type { Options } from './options.js';
import { writeFileAtomic } from './safe-write.js';
import { nodeEnv } from './format-env.js';

export interface Written {
  /** The report could not be written (exit 2, nothing more is said). */
  failed?: boolean;
  /** --annotate could not write its copy (exit 2). */
  annotateFailed?: boolean;
}

export async function writeOutput(o: Options, baseline: Baseline | undefined, run: LintRun, io: Io): Promise<Written> {
  const { opts } = o;
  const { results, sources, lang } = run;
  if (opts.updateBaseline && opts.baseline) {
    try {
      await writeBaseline(opts.baseline, baseline, run.baselineUpdates, opts.force);
    } catch (e) {
      io.stderr(`reportlint: ${cliText('cannotWriteReport', lang, { file: opts.baseline, reason: e instanceof Error ? e.message : String(e) })}\n`);
      return { failed: true };
    }
    const count = [...run.baselineUpdates.values()].reduce((n, es) => n + es.reduce((m, e) => m + e.count, 0), 0);
    io.stderr(`reportlint: ${cliText('baselineUpdated', lang, { file: opts.baseline, count })}\n`);
  } else if (opts.baseline) {
    io.stderr(`reportlint: ${cliText('baselineHid', lang, { file: opts.baseline, count: run.baselined })}\n`);
  }

  if (opts.quiet) {
    for (const r of results) {
      r.findings = r.findings.filter((f) => f.severity === 'error');
      countFindings(r);
    }
  }

  if (opts.fixDryRun) {
    io.stdout(run.diffs.filter(Boolean).join(''));
    return {};
  }

  const formatter = (await loadFormatter(opts.format))!;
  const color = opts.color ?? (io.isTTY && !io.env.NO_COLOR);
  const report = formatter(results, { lang, color: opts.outputFile ? false : !!color, cwd: io.cwd, rules, version: VERSION, sources, env: nodeEnv(io.cwd), skipped: run.skipped });
  if (opts.stdin && opts.fix) {
    // the fixed text is the output; findings go to stderr (or --output-file)
    const r = results[0];
    io.stdout(run.fixedStdin ?? sources.get(r?.path ?? '') ?? '');
  }
  if (opts.outputFile) {
    const target = resolvePath(io.cwd, opts.outputFile);
    try {
      await writeFileAtomic(target, report, { force: opts.force }); // its folder was made before any work (main.ts)
    } catch (e) {
      io.stderr(`reportlint: ${cliText('cannotWriteReport', lang, { file: opts.outputFile, reason: e instanceof Error ? e.message : String(e) })}\n`);
      return { failed: true };
    }
  } else if (opts.stdin && opts.fix) io.stderr(report);
  else io.stdout(report);

  const annotateOut = opts.annotate ?? opts.comments;
  if (annotateOut) {
    // Word comments writer (src/cli/annotate.ts), loaded only when asked for
    const { annotateFromCli } = await import('./annotate.js');
    if ((await annotateFromCli(annotateOut, results, io.cwd, io.stderr, lang, o.timeBudgetMs)) !== 0) return { annotateFailed: true };
  }
  return {};
}

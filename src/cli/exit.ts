// Phase 6, exit: files that could not be read and internal rule errors are said on stderr, then
// the exit code. 0: no errors (and warnings within --max-warnings); 1: error findings, too many
// warnings, or with --fix-dry-run something to fix; 2: an unreadable file, an internal error, or
// a report that could not be written.

import type { FileResult, Lang } from '../engine/types.js';
import { escapeTerminal as t } from '../format/escape.js';
import { cliText } from '../i18n/cli.js';
import type { Io } from './io.js';
import type { LintRun } from './lint-files.js';
import type { Options } from './options.js';
import type { Written } from './output.js';

/** Says each unreadable file and internal error; true when there was one. */
export function reportProblems(results: FileResult[], io: Io, lang: Lang): boolean {
  let any = false;
  for (const r of results) {
    if (r.fatal) {
      io.stderr(`${t(r.path)}: ${t(r.fatal)}\n`);
      any = true;
    }
    for (const e of r.internalErrors ?? []) {
      io.stderr(`${t(r.path)}: ${cliText('internalError', lang, { id: t(e.ruleId), message: t(e.message) })}\n`);
      any = true;
    }
  }
  return any;
}

export function exitCode(o: Options, run: LintRun, written: Written, io: Io): number {
  if (written.failed) return 2;
  const { results } = run;
  const problems = reportProblems(results, io, run.lang);
  if (problems || written.annotateFailed) return 2;
  if (o.opts.fixDryRun) return run.diffs.some(Boolean) ? 1 : 0;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const tooMany = o.maxWarnings >= 0 && warnings > o.maxWarnings;
  // said even when errors also fail the run, as ESLint does: both must be dealt with
  if (tooMany) io.stderr(`reportlint: ${cliText('tooManyWarnings', run.lang, { count: warnings, max: o.maxWarnings })}\n`);
  return errors > 0 || tooMany ? 1 : 0;
}

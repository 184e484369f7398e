// Phase 6, exit: files that could not be read and internal rule errors are said on stderr, then
// the exit code. 0: no errors (and warnings within --max-warnings); 1: error findings, too many
// warnings, or with --fix-dry-run something to fix; 2: an unreadable file, an internal error, or
// a report that could not be written.

import type { FileResult } from '../engine/types.js';
import { escapeTerminal as t } from '../format/escape.js';
import type { Io } from './io.js';
import type { LintRun } from './lint-files.js';
import type { Options } from './options.js';
import type { Written } from './output.js';

/** Says each unreadable file and internal error; true when there was one. */
export function reportProblems(results: FileResult[], io: Io): boolean {
  let any = false;
  for (const r of results) {
    if (r.fatal) {
      io.stderr(`${t(r.path)}: ${t(r.fatal)}\n`);
      any = true;
    }
    for (const e of r.internalErrors ?? []) {
      io.stderr(`${t(r.path)}: internal error in rule ${t(e.ruleId)}: ${t(e.message)}\n`);
      any = true;
    }
  }
  return any;
}

export function exitCode(o: Options, run: LintRun, written: Written, io: Io): number {
  if (written.failed) return 2;
  const { results } = run;
  const problems = reportProblems(results, io);
  if (problems || written.annotateFailed) return 2;
  if (o.opts.fixDryRun) return run.diffs.some(Boolean) ? 1 : 0;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (o.maxWarnings >= 0 && warnings > o.maxWarnings) return 1;
  return 0;
}

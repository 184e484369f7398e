// GitLab Code Quality (artifacts:reports:codequality): a JSON array of issues, the subset of the
// Code Climate spec GitLab reads (description, check_name, fingerprint, severity, location.path,
// location.lines.begin). GitLab keys issues by fingerprint, so each must be unique in the report:
// it is the SARIF/baseline fingerprint (rule and normalised text around the span, no line numbers,
// so an issue keeps its identity between the merge request and its target branch) hashed with the
// path. Severities: error -> major, warning -> minor, info -> info; a file that cannot be read
// or a rule that threw -> blocker.

import { sha256Hex } from '../engine/sha256.js';
import type { FileResult } from '../engine/types.js';
import { fingerprints } from './sarif.js';
import type { Formatter } from './types.js';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/** A repository-relative path with forward slashes, as GitLab links it. */
function repoPath(path: string, cwd: string): string {
  const p = path.split('\\').join('/');
  const base = cwd.split('\\').join('/').replace(/\/?$/, '/');
  return (p.startsWith(base) ? p.slice(base.length) : p).replace(/^\.\//, '');
}

const gitlab: Formatter = (results: FileResult[], ctx) => {
  const issues: Array<Record<string, unknown>> = [];
  for (const r of results) {
    const path = repoPath(r.path, ctx.cwd);
    const problem = (check: string, description: string, n: number): void => {
      issues.push({
        type: 'issue',
        check_name: check,
        description,
        categories: ['Bug Risk'],
        severity: 'blocker',
        fingerprint: sha256Hex(['reportlint', path, check, String(n)].join('\u0000')).slice(0, 32),
        location: { path, lines: { begin: 1 } },
      });
    };
    if (r.fatal) problem('reportlint.fatal', `${r.path}: ${r.fatal}`, 0);
    (r.internalErrors ?? []).forEach((e, i) => problem(`reportlint.rules.${e.ruleId}`, `internal error in rule ${e.ruleId}: ${e.message}`, i + 1));
    const prints = fingerprints(r, ctx.sources?.get(r.path));
    r.findings.forEach((f, i) => {
      issues.push({
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        categories: [f.severity === 'error' ? 'Bug Risk' : 'Style'],
        severity: SEVERITY[f.severity],
        fingerprint: sha256Hex(['reportlint', path, prints[i]].join('\u0000')).slice(0, 32),
        location: { path, lines: { begin: f.line, end: f.endLine } },
      });
    });
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
export default gitlab;

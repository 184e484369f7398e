// JUnit XML, the test-report format Jenkins, GitLab (artifacts:reports:junit), Azure Pipelines and
// most CI dashboards read. As ESLint's junit formatter: one <testsuite> per file; one <testcase>
// per finding, named after the rule, with a <failure> for errors and warnings (a finding at info
// level passes, its message in <system-out>); a file with no finding is one passing case, so every
// file linted shows; a file that cannot be read, or a rule that threw, is an <error>.

import type { FileResult, Finding } from '../engine/types.js';
import { xmlEscape } from './checkstyle.js';
import type { Formatter } from './types.js';

interface Case {
  name: string;
  classname: string;
  /** failure (error, warning), error (fatal, internal error), or a pass with text. */
  failure?: { type: string; message: string; text: string };
  error?: { type: string; message: string };
  out?: string;
}

function where(r: FileResult, f: Finding): string {
  return `${r.path}:${f.line}:${f.column}`;
}

function casesOf(r: FileResult): Case[] {
  const classname = r.path;
  const cases: Case[] = [];
  if (r.fatal) cases.push({ name: 'reportlint.fatal', classname, error: { type: 'fatal', message: r.fatal } });
  for (const e of r.internalErrors ?? []) cases.push({ name: `reportlint.rules.${e.ruleId}`, classname, error: { type: 'internal-error', message: `internal error: ${e.message}` } });
  for (const f of r.findings) {
    const related = f.related.map((rel) => `\n  ${rel.line}:${rel.column} ${rel.message}`).join('');
    const text = `${where(r, f)}: ${f.severity}: ${f.message} [${f.ruleId}]${related}`;
    const name = `reportlint.rules.${f.ruleId} (${f.line}:${f.column})`;
    if (f.severity === 'info') cases.push({ name, classname, out: text });
    else cases.push({ name, classname, failure: { type: f.severity, message: f.message, text } });
  }
  if (cases.length === 0) cases.push({ name: 'reportlint', classname });
  return cases;
}

function caseXml(c: Case): string {
  const open = `    <testcase name="${xmlEscape(c.name)}" classname="${xmlEscape(c.classname)}" time="0"`;
  if (c.failure) return `${open}>\n      <failure type="${c.failure.type}" message="${xmlEscape(c.failure.message)}">${xmlEscape(c.failure.text)}</failure>\n    </testcase>`;
  if (c.error) return `${open}>\n      <error type="${c.error.type}" message="${xmlEscape(c.error.message)}"></error>\n    </testcase>`;
  if (c.out) return `${open}>\n      <system-out>${xmlEscape(c.out)}</system-out>\n    </testcase>`;
  return `${open} />`;
}

const junit: Formatter = (results) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const r of results) {
    const cases = casesOf(r);
    const f = cases.filter((c) => c.failure).length;
    const e = cases.filter((c) => c.error).length;
    tests += cases.length;
    failures += f;
    errors += e;
    suites.push(`  <testsuite name="${xmlEscape(r.path)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="0" time="0">`);
    for (const c of cases) suites.push(caseXml(c));
    suites.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites name="reportlint" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
export default junit;

// --format junit read by a real consumer's parser (test-results-parser, the JUnit reader of the
// testbeats reporters; well-formedness by saxes), and --format gitlab checked against the schema
// GitLab validates each Code Quality issue with (app/validators/json_schemas/codeclimate.json in
// gitlab-org/gitlab: description, fingerprint, severity, location required; location.path a
// string; lines.begin an integer) plus what its docs and parser add: the five severities, and
// fingerprints unique in the report (GitLab keys issues by fingerprint and drops repeats).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const { parse } = require('test-results-parser') as { parse: (o: { type: string; files: string[] }) => ParsedResult };

interface ParsedCase {
  name: string;
  status: string;
  failure?: string;
}
interface ParsedSuite {
  name: string;
  total: number;
  passed: number;
  failed: number;
  errors: number;
  cases: ParsedCase[];
}
interface ParsedResult {
  total: number;
  passed: number;
  failed: number;
  errors: number;
  suites: ParsedSuite[];
}

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';
const CLEAN = 'Báo cáo tình hình thực hiện nhiệm vụ quý I.\n';

function wellFormed(xml: string): void {
  const p = new SaxesParser();
  let error: Error | undefined;
  p.on('error', (e) => (error ??= e));
  p.write(xml).close();
  expect(error).toBeUndefined();
}

function inputs(): { dir: string; clean: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rl-ci-formats-'));
  const clean = join(dir, 'clean.txt');
  writeFileSync(clean, CLEAN);
  return { dir, clean };
}

describe('--format junit', () => {
  it('is read by test-results-parser with the counts and statuses reportlint means', () => {
    const { dir, clean } = inputs();
    const r = runCli(['-f', 'junit', '--lang', 'en', EXAMPLE, clean, 'missing.txt']);
    expect(r.code).toBe(2);
    wellFormed(r.stdout);
    const file = join(dir, 'report.xml');
    writeFileSync(file, r.stdout);
    const out = parse({ type: 'junit', files: [file] });
    const byName = new Map(out.suites.map((s) => [s.name, s]));
    expect([...byName.keys()].sort()).toEqual([EXAMPLE, clean, 'missing.txt'].sort());

    const example = byName.get(EXAMPLE)!;
    // 12 findings: 3 errors and 5 warnings fail, 4 info pass
    expect(example.total).toBe(12);
    expect(example.failed).toBe(8);
    expect(example.passed).toBe(4);
    expect(example.cases.filter((c) => c.status === 'FAIL')).toHaveLength(8);
    const citation = example.cases.find((c) => c.name.startsWith('reportlint.rules.citation-mismatch'))!;
    expect(citation.name).toBe('reportlint.rules.citation-mismatch (223:209)');
    expect(citation.status).toBe('FAIL');
    expect(citation.failure).toContain('"64-TB/TU"');

    const ok = byName.get(clean)!;
    expect(ok.cases.map((c) => [c.name, c.status])).toEqual([['reportlint', 'PASS']]);

    const missing = byName.get('missing.txt')!;
    expect(missing.errors).toBe(1);
    expect(missing.cases.map((c) => [c.name, c.status, c.failure])).toEqual([['reportlint.fatal', 'FAIL', 'cannot read: no such file or directory']]);

    expect(out.total).toBe(14);
    expect(out.failed).toBe(8);
    expect(out.errors).toBe(1);
  });

  it('escapes what XML cannot carry raw', () => {
    const { dir } = inputs();
    const odd = join(dir, 'a&b <"x">.txt');
    writeFileSync(odd, 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n');
    const r = runCli(['-f', 'junit', odd]);
    wellFormed(r.stdout);
    expect(r.stdout).toContain('name="' + odd.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') + '"');
  });
});

// GitLab's schema for one Code Quality issue, as its parser applies it, with the severities its docs list.
const GITLAB_ISSUE = {
  type: 'object',
  required: ['description', 'fingerprint', 'severity', 'location'],
  properties: {
    description: { type: 'string' },
    check_name: { type: 'string' },
    fingerprint: { type: 'string' },
    severity: { type: 'string', enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
    location: {
      type: 'object',
      required: ['path', 'lines'],
      properties: {
        path: { type: 'string', pattern: '^[^/]' },
        lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
      },
    },
  },
};

describe('--format gitlab', () => {
  it('every issue passes GitLab’s schema; fingerprints are unique; paths are repository-relative', () => {
    const { clean } = inputs();
    const r = runCli(['-f', 'gitlab', '--lang', 'en', EXAMPLE, clean, 'missing.txt', EXAMPLE.replace('.txt', '.txt.expected.json')]);
    const issues = JSON.parse(r.stdout) as Array<Record<string, any>>;
    expect(Array.isArray(issues)).toBe(true);
    const validate = new Ajv({ strict: false }).compile(GITLAB_ISSUE);
    for (const issue of issues) expect(validate(issue), JSON.stringify(validate.errors)).toBe(true);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const example = issues.filter((i) => i.location.path === EXAMPLE);
    expect(example).toHaveLength(12);
    expect(example.map((i) => i.severity).sort()).toEqual(['info', 'info', 'info', 'info', 'major', 'major', 'major', 'minor', 'minor', 'minor', 'minor', 'minor']);
    const citation = example.find((i) => i.check_name === 'citation-mismatch')!;
    expect(citation.location.lines).toEqual({ begin: 223, end: 223 });
    expect(issues.find((i) => i.location.path === 'missing.txt')).toMatchObject({ check_name: 'reportlint.fatal', severity: 'blocker', description: 'missing.txt: cannot read: no such file or directory' });
  });

  it('an issue keeps its fingerprint when lines are added above it', () => {
    const { dir } = inputs();
    const a = join(dir, 'r.txt');
    const text = 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n';
    writeFileSync(a, text);
    const before = JSON.parse(runCli(['-f', 'gitlab', 'r.txt'], { cwd: dir }).stdout);
    writeFileSync(a, `Mở đầu.\n\n${text}`);
    const after = JSON.parse(runCli(['-f', 'gitlab', 'r.txt'], { cwd: dir }).stdout);
    expect(after.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(before.map((i: { fingerprint: string }) => i.fingerprint));
    expect(after[0].location.lines.begin).toBe(before[0].location.lines.begin + 2);
  });
});

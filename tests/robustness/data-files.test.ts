// Data reportlint reads back (baselines, merged shards, configs) is validated at the boundary: a
// malformed file stops the run with one line naming the file, the key path and what was
// expected; never "internal error", never `undefined` or `NaN` in a finding. Every output
// option gets its folder created, or one clear error before any work is done.

import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, run, tmp } from './helpers.js';

const original = readFileSync(EXAMPLE, 'utf8');

function setup(): { dir: string; file: string } {
  const dir = tmp();
  const file = join(dir, 'a.txt');
  copyFileSync(EXAMPLE, file);
  return { dir, file };
}

const finding = { ruleId: 'sum-mismatch', severity: 'error', message: 'm', messageId: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, related: [], data: {} };
const fileOf = (findings: unknown[]) => ({ path: 'a.txt', format: 'text', findings, checked: {}, errorCount: 1, warningCount: 0, infoCount: 0 });

describe('malformed shards: one line, exit 2', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a line that is text', { version: 1, files: [fileOf([{ ...finding, line: 'one' }])] }, 'files.0.findings.0.line: expected a whole number of at least 1, got "one"'],
    ['a finding without a message', { version: 1, files: [fileOf([{ ...finding, message: undefined }])] }, 'files.0.findings.0.message: expected string, got nothing'],
    ['a file that is null', { version: 1, files: [null] }, 'files.0: expected object, got null'],
    ['related locations that are not a list', { version: 1, files: [fileOf([{ ...finding, related: 'x' }])] }, 'files.0.findings.0.related: expected array, got "x"'],
    ['a count that is negative', { version: 1, files: [{ ...fileOf([]), warningCount: -1 }] }, 'files.0.warningCount: expected a whole number of at least 0, got -1'],
    ['a key named __proto__', JSON.parse('{"version": 1, "files": [{"path": "a.txt", "format": "text", "findings": [], "checked": {"__proto__": 1}, "errorCount": 0, "warningCount": 0, "infoCount": 0}]}'), 'files.0.checked.__proto__: a key named __proto__ is not allowed'],
    ['not version 1', { version: 2, files: [] }, 'not a reportlint JSON output (version 1)'],
  ];
  for (const [what, data, message] of cases) {
    it(what, () => {
      const dir = tmp();
      const shard = join(dir, 's.json');
      writeFileSync(shard, JSON.stringify(data));
      for (const format of ['json', 'stylish']) {
        const r = run(['merge', '--format', format, shard]);
        expect(r.stderr).toBe(`reportlint merge: ${shard}: ${message}\n`);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
      }
    });
  }

  it('a well-formed shard merges (and counts are taken from its findings)', () => {
    const dir = tmp();
    const shard = join(dir, 's.json');
    writeFileSync(shard, JSON.stringify({ version: 1, files: [{ ...fileOf([finding]), errorCount: 0 }] }));
    const r = run(['merge', '--format', 'unix', shard]);
    expect(r.stdout).toBe('a.txt:1:1: error: m [sum-mismatch]\n');
    expect(r.code).toBe(1);
  });
});

describe('malformed baselines: one line, exit 2', () => {
  const cases: Array<[string, string, string]> = [
    ['an entry without a fingerprint', '{"version": 1, "files": {"a.txt": [{"ruleId": "sum-mismatch", "count": 1, "text": ""}]}}', 'files.a.txt.0.fingerprint: expected string, got nothing'],
    ['a file whose entries are null', '{"version": 1, "files": {"a.txt": null}}', 'files.a.txt: expected array, got null'],
    ['a count that is text', '{"version": 1, "files": {"a.txt": [{"ruleId": "sum-mismatch", "fingerprint": "ab", "count": "2", "text": ""}]}}', 'files.a.txt.0.count: expected a whole number of at least 1, got "2"'],
    ['a file named __proto__', '{"version": 1, "files": {"__proto__": []}}', 'files.__proto__: a key named __proto__ is not allowed'],
    ['not JSON', '{"version": 1, "files": ', 'invalid JSON: Unexpected end of JSON input'],
  ];
  for (const [what, text, message] of cases) {
    it(what, () => {
      const { dir, file } = setup();
      const b = join(dir, 'b.json');
      writeFileSync(b, text);
      const r = run(['--baseline', b, file]);
      expect(r.stderr).toBe(`reportlint: ${b}: ${message}\n`);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    });
  }
});

describe('config keys that would reach the prototype', () => {
  for (const [what, text, path] of [
    ['rules.__proto__', '{"rules": {"__proto__": "off"}}', 'rules.__proto__'],
    ['overrides[].rules.__proto__', '{"overrides": [{"files": "*.txt", "rules": {"__proto__": "off"}}]}', 'overrides.0.rules.__proto__'],
    ['options with __proto__', '{"rules": {"sum-mismatch": ["error", {"__proto__": {"x": 1}}]}}', 'rules.sum-mismatch.1.__proto__'],
  ] as const) {
    it(`${what} is rejected with one line`, () => {
      const { dir, file } = setup();
      const c = join(dir, 'c.json');
      writeFileSync(c, text);
      const r = run(['--config', c, file]);
      expect(r.stderr).toBe(`reportlint: ${c}: ${path}: a key named __proto__ is not allowed\n`);
      expect(r.code).toBe(2);
    });
  }
});

describe('output folders', () => {
  it('--update-baseline into a missing folder creates it; the lint output is not lost', () => {
    const { dir, file } = setup();
    const b = join(dir, 'new', 'dir', 'b.json');
    const r = run(['--baseline', b, '--update-baseline', '--format', 'json', file]);
    expect(r.stderr).toBe(`reportlint: baseline ${b} updated (12 findings recorded)\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(b, 'utf8')).version).toBe(1);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
  });

  it('merge -o into a missing folder creates it', () => {
    const { dir, file } = setup();
    const shard = join(dir, 's.json');
    expect(run(['--format', 'json', '-o', shard, file]).code).toBe(1);
    const out = join(dir, 'new', 'dir', 'merged.sarif');
    const r = run(['merge', '--format', 'sarif', '-o', out, shard]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });

  it('an output folder that cannot be made: one clear error before any work (the file is not fixed)', () => {
    const { dir, file } = setup();
    writeFileSync(join(dir, 'plain-file'), 'x');
    const out = join(dir, 'plain-file', 'report.json');
    const r = run(['--fix', '--format', 'json', '-o', out, file]);
    expect(r.stderr).toBe(`reportlint: cannot write ${out}: ${join(dir, 'plain-file')} is not a folder\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const b = run(['--baseline', join(dir, 'plain-file', 'b.json'), '--update-baseline', file]);
    expect(b.stderr).toBe(`reportlint: cannot write ${join(dir, 'plain-file', 'b.json')}: ${join(dir, 'plain-file')} is not a folder\n`);
    expect(b.code).toBe(2);
    expect(b.stdout).toBe('');
  });

  it('an output path that is a folder: one clear error before any work', () => {
    const { dir, file } = setup();
    mkdirSync(join(dir, 'out.json'));
    const r = run(['--format', 'json', '-o', join(dir, 'out.json'), file]);
    expect(r.stderr).toBe(`reportlint: cannot write ${join(dir, 'out.json')}: it is a folder\n`);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'out.json'))).toBe(true);
  });
});

// The CLI end to end: JSON contract, unix lines, exit codes.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';

describe('reportlint CLI', () => {
  it('prints the JSON contract', () => {
    const r = runCli(['--format', 'json', EXAMPLE]);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    expect(out.files).toHaveLength(1);
    const f = out.files[0];
    expect(f.path).toBe(EXAMPLE);
    expect(f.format).toBe('text');
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['findings', 'checked', 'errorCount', 'warningCount', 'infoCount']));
    const broken = f.findings.filter((x: { ruleId: string }) => x.ruleId === 'broken-paragraph');
    expect(broken.map((x: { line: number }) => x.line)).toEqual([15, 61]);
    for (const x of f.findings) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'related', 'data']));
      expect(x.line).toBeGreaterThanOrEqual(1);
      expect(x.column).toBeGreaterThanOrEqual(1);
    }
    expect(f.errorCount).toBe(f.findings.filter((x: { severity: string }) => x.severity === 'error').length);
    expect(r.code).toBe(f.errorCount > 0 ? 1 : 0);
  });

  it('prints one unix line per finding', () => {
    const json = JSON.parse(runCli(['--format', 'json', EXAMPLE]).stdout);
    const r = runCli(['--format', 'unix', EXAMPLE]);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(json.files[0].findings.length);
    for (const l of lines) expect(l).toMatch(/^fixtures\/example\/bao-cao-164-TB-TU\.txt:\d+:\d+: (error|warning|info): .+ \[[a-z-]+\]$/);
    expect(lines).toContain(lines.find((l) => l.startsWith(`${EXAMPLE}:15:398: info: `) && l.endsWith('[broken-paragraph]')));
  });

  it('columns count UTF-16 code units of the original line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    // NFD input: the column must refer to the original (decomposed) line
    const p = join(dir, 'nfd.txt');
    writeFileSync(p, 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n'.normalize('NFD'));
    const f = JSON.parse(runCli(['--format', 'json', '--rule', 'broken-paragraph', p]).stdout).files[0].findings[0];
    const line = 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách'.normalize('NFD');
    expect(f.column).toBe(line.indexOf('trách'.normalize('NFD')) + 1);
    expect(f.endColumn).toBe(line.length + 1);
  });

  it('exit 0 when only info findings', () => {
    expect(runCli(['--rule', 'broken-paragraph', EXAMPLE]).code).toBe(0);
  });

  it('exit 2 and a clear message for a missing file, other files still linted', () => {
    const r = runCli(['--format', 'json', 'no/such/file.txt', EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/file.txt: cannot read: no such file or directory');
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { path: string }) => f.path)).toEqual([EXAMPLE, 'no/such/file.txt'].sort());
  });

  it('exit 2 for a directory given as a file glob that matches nothing, and for a bad option', () => {
    expect(runCli(['--no-such-option', EXAMPLE]).code).toBe(2);
    const bad = runCli(['--format', 'nope', EXAMPLE]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/nope/);
  });

  it('exit 2 for an unknown rule id', () => {
    const r = runCli(['--rule', 'no-such-rule', EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown rule 'no-such-rule'");
  });

  it('--rule takes several ids separated by commas, as repeating it does', () => {
    const both = runCli(['--rule', 'sum-mismatch,citation-mismatch', '-f', 'json', EXAMPLE]);
    const ids = JSON.parse(both.stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids.sort()).toEqual(['citation-mismatch', 'sum-mismatch', 'sum-mismatch']);
    expect(both.stdout).toBe(runCli(['--rule', 'sum-mismatch', '--rule', 'citation-mismatch', '-f', 'json', EXAMPLE]).stdout);
    const bad = runCli(['--rule', 'sum-mismatch,nope', EXAMPLE]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown rule 'nope'");
  });

  it('exit 2 for invalid UTF-8, with the byte offset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    const p = join(dir, 'bad.txt');
    writeFileSync(p, Buffer.from([0x41, 0x42, 0xff, 0x43]));
    const r = runCli([p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read: invalid UTF-8 at byte 2');
  });

  it('walks directories: .txt and .md read, any other file reported (exit 2) unless its type is --skip ped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-'));
    writeFileSync(join(dir, 'a.txt'), 'Một câu.\n');
    writeFileSync(join(dir, 'b.md'), '# Tiêu đề\n');
    writeFileSync(join(dir, 'c.png'), 'x');
    const r = runCli(['--format', 'json', dir]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { path: string; fatal?: string }) => [f.path.split('/').pop(), !!f.fatal])).toEqual([['a.txt', false], ['b.md', false], ['c.png', true]]);
    const skipped = runCli(['--format', 'json', '--skip', 'png', dir]);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout).files.map((f: { path: string }) => f.path.split('/').pop())).toEqual(['a.txt', 'b.md']);
  });

  it('--max-warnings and --version', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(runCli(['--max-warnings', 'x', EXAMPLE]).code).toBe(2);
  });
});

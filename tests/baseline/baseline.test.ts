// Baselines: --update-baseline records findings, --baseline hides them; fingerprints survive
// edits elsewhere in the file, and a new problem still shows.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/cli/baseline.js';
import { runCli } from '../helpers/cli.js';

const BROKEN = (word: string): string => `Đã triển khai kế hoạch ${word}, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n`;

interface JsonFinding {
  ruleId: string;
  line: number;
}

function lint(dir: string, args: string[]): { code: number; findings: JsonFinding[]; stderr: string } {
  const r = runCli(['--format', 'json', '--rule', 'broken-paragraph', ...args], { cwd: dir });
  return { code: r.code, findings: r.stdout ? JSON.parse(r.stdout).files.flatMap((f: { findings: JsonFinding[] }) => f.findings) : [], stderr: r.stderr };
}

describe('baseline', () => {
  it('records, hides, survives edits elsewhere, and shows new problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-base-'));
    writeFileSync(join(dir, 'r.txt'), BROKEN('a') + '\n' + BROKEN('b'));
    expect(lint(dir, ['r.txt']).findings.map((f) => f.line)).toEqual([1, 5]);

    const up = lint(dir, ['--baseline', 'base.json', '--update-baseline', 'r.txt']);
    expect(up.code).toBe(0);
    expect(up.findings).toEqual([]);
    expect(up.stderr).toContain('2 findings recorded');
    const base = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
    expect(Object.keys(base.files)).toEqual(['r.txt']);
    expect(base.files['r.txt'].map((e: { ruleId: string; count: number }) => [e.ruleId, e.count])).toEqual([
      ['broken-paragraph', 1],
      ['broken-paragraph', 1],
    ]);
    expect(JSON.stringify(base)).not.toMatch(/"line"/);

    expect(lint(dir, ['--baseline', 'base.json', 'r.txt']).findings).toEqual([]);

    // edits elsewhere move the lines; a new broken paragraph appears
    writeFileSync(join(dir, 'r.txt'), 'BÁO CÁO\n\nMột đoạn mới được thêm vào đầu.\n\n' + BROKEN('a') + '\n' + BROKEN('c') + '\n' + BROKEN('b'));
    const after = lint(dir, ['--baseline', 'base.json', 'r.txt']);
    expect(after.findings.map((f) => [f.ruleId, f.line])).toEqual([['broken-paragraph', 9]]);
  });

  it('identical findings are counted: a third copy of the same text shows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-base-'));
    writeFileSync(join(dir, 'r.txt'), BROKEN('a') + '\n' + BROKEN('a'));
    lint(dir, ['--baseline', 'b.json', '--update-baseline', 'r.txt']);
    const base = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(base.files['r.txt'].map((e: { count: number }) => e.count)).toEqual([2]);
    writeFileSync(join(dir, 'r.txt'), BROKEN('a') + '\n' + BROKEN('a') + '\n' + BROKEN('a'));
    expect(lint(dir, ['--baseline', 'b.json', 'r.txt']).findings.map((f) => f.line)).toEqual([9]);
  });

  it('updating with a subset of files keeps the other files entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-base-'));
    writeFileSync(join(dir, 'a.txt'), BROKEN('a'));
    writeFileSync(join(dir, 'b.txt'), BROKEN('b'));
    lint(dir, ['--baseline', 'b.json', '--update-baseline', 'a.txt', 'b.txt']);
    writeFileSync(join(dir, 'a.txt'), 'Một câu.\n');
    lint(dir, ['--baseline', 'b.json', '--update-baseline', 'a.txt']);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).files)).toEqual(['b.txt']);
  });

  it('a missing or malformed baseline is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-base-'));
    writeFileSync(join(dir, 'r.txt'), BROKEN('a'));
    const missing = lint(dir, ['--baseline', 'none.json', 'r.txt']);
    expect([missing.code, missing.stderr]).toEqual([2, 'reportlint: none.json: baseline not found (create it with --update-baseline)\n']);
    writeFileSync(join(dir, 'bad.json'), '{"files": 1}');
    const bad = lint(dir, ['--baseline', 'bad.json', 'r.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json: not a reportlint baseline');
    expect(runCli(['--update-baseline', 'r.txt'], { cwd: dir }).code).toBe(2);
  });

  it('fingerprints ignore line numbers and whitespace, not the words around the span', () => {
    const f = { ruleId: 'x', offset: 10, endOffset: 15 };
    const a = fingerprint({ original: '0123456789HELLO world' }, f);
    expect(fingerprint({ original: 'Lời mở đầu.\n\n0123456789HELLO world' }, { ...f, offset: 23, endOffset: 28 })).toBe(a);
    expect(fingerprint({ original: '0123456789HELLO  world' }, f)).toBe(a);
    expect(fingerprint({ original: '0123456789HELLO there' }, f)).not.toBe(a);
    expect(fingerprint({ original: '0123456789HELLO world' }, { ...f, ruleId: 'y' })).not.toBe(a);
  });
});

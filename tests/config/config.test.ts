// Config files end to end: discovery upwards, --config, severities, options, overrides,
// ignorePatterns, and exit 2 with a message naming the file, key path and what was expected.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// One broken paragraph (an info finding of broken-paragraph) at line 1.
const BROKEN = 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rl-config-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
}

function findings(args: string[], cwd: string): { code: number; list: JsonFinding[]; stderr: string } {
  const r = runCli(['--format', 'json', '--rule', 'broken-paragraph', ...args], { cwd });
  const list = r.stdout ? (JSON.parse(r.stdout).files as Array<{ findings: JsonFinding[] }>).flatMap((f) => f.findings) : [];
  return { code: r.code, list, stderr: r.stderr };
}

describe('config discovery', () => {
  it('reads reportlint.config.json from the file folder upwards and applies the severity', () => {
    const dir = project({ 'reportlint.config.json': JSON.stringify({ rules: { 'broken-paragraph': 'error' } }), 'a/b/report.txt': BROKEN });
    const r = findings(['a/b/report.txt'], dir);
    expect(r.list.map((f) => [f.ruleId, f.severity, f.line])).toEqual([['broken-paragraph', 'error', 1]]);
    expect(r.code).toBe(1);
  });

  it('the nearest config wins; .reportlintrc.json is found too', () => {
    const dir = project({
      'reportlint.config.json': JSON.stringify({ rules: { 'broken-paragraph': 'error' } }),
      'sub/.reportlintrc.json': JSON.stringify({ rules: { 'broken-paragraph': 'warning' } }),
      'sub/report.txt': BROKEN,
      'top.txt': BROKEN,
    });
    const r = runCli(['--format', 'json', '--rule', 'broken-paragraph', 'sub/report.txt', 'top.txt'], { cwd: dir });
    const files = JSON.parse(r.stdout).files as Array<{ path: string; findings: JsonFinding[] }>;
    expect(files.map((f) => [f.path, f.findings.map((x) => x.severity)])).toEqual([
      ['sub/report.txt', ['warning']],
      ['top.txt', ['error']],
    ]);
  });

  it('"off" turns a rule off; --config names a file and skips discovery', () => {
    const dir = project({ 'reportlint.config.json': JSON.stringify({ rules: { 'broken-paragraph': 'off' } }), 'other.json': JSON.stringify({ rules: { 'broken-paragraph': 'warning' } }), 'r.txt': BROKEN });
    expect(runCli(['--format', 'json', 'r.txt'], { cwd: dir }).stdout).toContain('"findings": []');
    const r = runCli(['--format', 'json', '--config', 'other.json', 'r.txt'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].findings.map((f: JsonFinding) => [f.ruleId, f.severity])).toEqual([['broken-paragraph', 'warning']]);
  });

  it('overrides by glob, relative to the config file; a pattern without / matches the file name', () => {
    const dir = project({
      'reportlint.config.json': JSON.stringify({
        rules: { 'broken-paragraph': 'warning' },
        overrides: [
          { files: 'drafts/**', rules: { 'broken-paragraph': 'off' } },
          { files: ['*.final.txt'], rules: { 'broken-paragraph': 'error' } },
        ],
      }),
      'drafts/x.txt': BROKEN,
      'y.txt': BROKEN,
      'deep/z.final.txt': BROKEN,
    });
    const r = runCli(['--format', 'json', '--rule', 'broken-paragraph', '.'], { cwd: dir });
    const files = JSON.parse(r.stdout).files as Array<{ path: string; findings: JsonFinding[] }>;
    expect(files.map((f) => [f.path.replace(/^\.\//, ''), f.findings.map((x) => x.severity)])).toEqual([
      ['deep/z.final.txt', ['error']],
      ['drafts/x.txt', []],
      ['y.txt', ['warning']],
    ]);
  });

  it('ignorePatterns skips files when walking folders', () => {
    const dir = project({ 'reportlint.config.json': JSON.stringify({ ignorePatterns: ['old/**'] }), 'old/a.txt': BROKEN, 'new/b.txt': BROKEN });
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect((JSON.parse(r.stdout).files as Array<{ path: string }>).map((f) => f.path.replace(/^\.\//, ''))).toEqual(['new/b.txt']);
  });

  it('locale and numberFormat in the config reach the rules (a config value that is wrong for the file changes nothing else)', () => {
    const dir = project({ 'reportlint.config.json': JSON.stringify({ locale: 'vi', numberFormat: 'vi', rounding: 'round', dictionary: ['UBND'] }), 'r.txt': BROKEN });
    const r = runCli(['--format', 'json', 'r.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].findings.map((f: JsonFinding) => f.ruleId)).toContain('broken-paragraph');
  });
});

describe('config errors exit 2 naming the file, the key path and what was expected', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['invalid JSON', '{ "rules": ', /^reportlint: reportlint\.config\.json: invalid JSON: /],
    ['top level not an object', '[1]', /reportlint\.config\.json: expected a JSON object at the top level, got \[1\]/],
    ['unknown key', JSON.stringify({ rulez: {} }), /reportlint\.config\.json: \(top level\): unknown key 'rulez'/],
    ['bad severity', JSON.stringify({ rules: { 'broken-paragraph': 'loud' } }), /reportlint\.config\.json: rules\.broken-paragraph: expected one of "off", "info", "warning", "error" or \[severity, options\], got "loud"/],
    ['unknown rule id', JSON.stringify({ rules: { 'no-such-rule': 'error' } }), /reportlint\.config\.json: rules\.no-such-rule: unknown rule 'no-such-rule'/],
    ['bad options', JSON.stringify({ rules: { 'broken-paragraph': ['error', { nope: 1 }] } }), /reportlint\.config\.json: rules\.broken-paragraph\.1: unknown key 'nope'/],
    ['bad locale', JSON.stringify({ locale: 'fr' }), /reportlint\.config\.json: locale: expected one of "vi", "en", "auto", got "fr"/],
    ['bad dictionary', JSON.stringify({ dictionary: 'UBND' }), /reportlint\.config\.json: dictionary: expected array, got "UBND"/],
    ['override without files', JSON.stringify({ overrides: [{ rules: {} }] }), /reportlint\.config\.json: overrides\.0\.files: /],
    ['unknown rule in an override', JSON.stringify({ overrides: [{ files: '*.md', rules: { nope: 'off' } }] }), /reportlint\.config\.json: overrides\.0\.rules\.nope: unknown rule 'nope'/],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      const dir = project({ 'reportlint.config.json': text, 'r.txt': BROKEN });
      const r = runCli(['r.txt'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('--config naming a missing file', () => {
    const dir = project({ 'r.txt': BROKEN });
    const r = runCli(['--config', 'nope.json', 'r.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.json: cannot read config: no such file');
  });

  it('an unknown --rule id', () => {
    const dir = project({ 'r.txt': BROKEN });
    const r = runCli(['--rule', 'nope', 'r.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--rule nope: unknown rule 'nope'");
  });
});

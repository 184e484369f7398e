// --stdin with --stdin-filename: the name picks the format, the config (looked up from its
// folder) and the path printed; without a name the input is plain text called <stdin>.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const BROKEN = 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n';

describe('--stdin', () => {
  it('lints standard input as <stdin>', () => {
    const r = runCli(['--stdin', '--format', 'unix', '--rule', 'broken-paragraph'], { input: BROKEN });
    expect(r.stdout).toMatch(/^<stdin>:1:44: info: .* \[broken-paragraph\]\n$/);
    expect(r.code).toBe(0);
  });

  it('--stdin-filename sets the path, the format and the config lookup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-stdin-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', '.reportlintrc.json'), JSON.stringify({ rules: { 'broken-paragraph': 'error' } }));
    const r = runCli(['--stdin', '--stdin-filename', 'docs/report.md', '--format', 'json', '--rule', 'broken-paragraph'], { cwd: dir, input: BROKEN });
    const f = JSON.parse(r.stdout).files[0];
    expect([f.path, f.format, f.findings.map((x: { severity: string; line: number }) => [x.severity, x.line])]).toEqual(['docs/report.md', 'markdown', [['error', 1]]]);
    expect(r.code).toBe(1);
  });

  it('files with --stdin, or --stdin-filename alone, are usage errors', () => {
    expect(runCli(['--stdin', 'a.txt'], { input: '' }).code).toBe(2);
    expect(runCli(['--stdin-filename', 'a.txt', 'a.txt']).code).toBe(2);
  });
});

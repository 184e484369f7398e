// The command line around outputs: every format runs on the example report, --output-file
// writes exactly what stdout would have shown (creating folders, atomically), and --explain
// prints a rule's documentation page.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';
const FORMATS = ['stylish', 'unix', 'json', 'sarif', 'github', 'checkstyle', 'html'];

describe('outputs on the command line', () => {
  it('--help lists every format', () => {
    const help = runCli(['--help']).stdout;
    for (const f of FORMATS) expect(help).toContain(f);
  });

  for (const format of FORMATS) {
    it(`--format ${format} runs on the example report; --output-file writes the same bytes`, () => {
      const shown = runCli(['--format', format, EXAMPLE]);
      expect(shown.stderr).toBe('');
      expect(shown.stdout.length).toBeGreaterThan(0);
      const dir = mkdtempSync(join(tmpdir(), 'rl-out-'));
      const target = join(dir, 'nested', 'deeper', `report.${format}`);
      const written = runCli(['--format', format, '--output-file', target, EXAMPLE]);
      expect(written.stdout).toBe('');
      expect(written.code).toBe(shown.code);
      // html and sarif embed nothing run-specific, so the file equals what stdout showed
      expect(readFileSync(target, 'utf8')).toBe(shown.stdout);
      expect(readdirSync(join(dir, 'nested', 'deeper'))).toEqual([`report.${format}`]); // no temporary file left
    });
  }

  it('--output-file replaces an existing file and fails with exit 2 when it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-out-'));
    const target = join(dir, 'r.json');
    writeFileSync(target, 'old');
    runCli(['--format', 'json', '-o', target, EXAMPLE]);
    expect(JSON.parse(readFileSync(target, 'utf8')).version).toBe(1);
    const blocked = join(dir, 'file-not-dir');
    writeFileSync(blocked, 'x');
    const r = runCli(['--format', 'json', '--output-file', join(blocked, 'r.json'), EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`reportlint: cannot write ${join(blocked, 'r.json')}`);
    if (process.getuid?.() !== 0) {
      // a read-only folder (root may write anywhere, so only checked as another user)
      chmodSync(dir, 0o555);
      try {
        expect(runCli(['--format', 'json', '-o', join(dir, 'new.json'), EXAMPLE]).code).toBe(2);
      } finally {
        chmodSync(dir, 0o755);
      }
    }
  });

  it('--explain prints the rule documentation page', () => {
    const id = rules.find((r) => existsSync(`docs/rules/${r.id}.md`))!.id;
    const r = runCli(['--explain', id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`docs/rules/${id}.md`, 'utf8'));
    expect(r.stdout.startsWith(`# ${id}\n`)).toBe(true);
  });

  it('--explain with an unknown rule exits 2 naming it', () => {
    const r = runCli(['--explain', 'no-such-rule']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("reportlint: unknown rule 'no-such-rule' (see reportlint --list-rules)\n");
  });
});

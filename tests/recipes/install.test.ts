// The install paths of the README, run as a user runs them, from a fresh clone: `npm pack` and the
// tarball installed globally into a temporary prefix; the README's install from the git URL, with
// the local clone's git+file:// URL.
// Each installed `reportlint` must lint the example report as the checkout does.

import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloneRepo, EXAMPLE, ROOT, sh, tmp, VERSION } from './helpers.js';

function checkInstalled(prefix: string): void {
  const bin = join(prefix, 'bin', 'reportlint');
  expect(existsSync(bin)).toBe(true);
  const env = { PATH: `${join(prefix, 'bin')}:${process.env.PATH}` };
  expect(sh('reportlint --version', { cwd: ROOT, env }).stdout.trim()).toBe(VERSION);
  const lint = sh(`reportlint --format json "${EXAMPLE}"`, { cwd: ROOT, env });
  expect(lint.code).toBe(1);
  const out = JSON.parse(lint.stdout) as { files: Array<{ findings: unknown[]; errorCount: number }> };
  expect(out.files[0].findings).toHaveLength(12);
  expect(out.files[0].errorCount).toBe(3);
  // the rule pages and the schema travel with the package
  expect(sh('reportlint --explain sum-mismatch', { cwd: ROOT, env }).stdout).toMatch(/^# sum-mismatch/);
  expect(existsSync(join(prefix, 'lib/node_modules/reportlint/schema/reportlint.schema.json'))).toBe(true);
}

describe('install paths', () => {
  it('npm pack, then npm install -g ./reportlint-<version>.tgz', () => {
    const clone = cloneRepo();
    // the clone's dependencies as `npm ci` would install them (linked from this checkout to save the download)
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    const packed = sh('npm pack --silent', { cwd: clone });
    expect(packed.code, packed.stderr).toBe(0);
    const tgz = packed.stdout.trim().split('\n').pop()!;
    expect(tgz).toBe(`reportlint-${VERSION}.tgz`);
    const prefix = tmp('prefix');
    const inst = sh(`npm install -g --prefix "${prefix}" --no-audit --no-fund "./${tgz}"`, { cwd: clone });
    expect(inst.code, inst.stderr).toBe(0);
    checkInstalled(prefix);
  }, 900_000);

  it('from the git URL (the local clone): npm install -g "$(npm pack <git URL> | tail -n 1)"', () => {
    const clone = cloneRepo();
    const prefix = tmp('prefix');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const line = 'npm install -g "$(npm pack "git+https://github.com/reportlint/reportlint.git#v1" | tail -n 1)"';
    expect(readme).toContain(line);
    const local = line.replace('npm install -g', `npm install -g --prefix "${prefix}" --no-audit --no-fund`).replace('git+https://github.com/reportlint/reportlint.git#v1', `git+file://${clone}`);
    const inst = sh(local, { cwd: tmp('cwd') });
    expect(inst.code, inst.stderr).toBe(0);
    checkInstalled(prefix);
  }, 900_000);
});

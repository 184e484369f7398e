// Shared by the recipe tests: a fresh clone of this repository (its committed state, as a user or
// CI gets it), shell commands run as a recipe runs them, and the recipe files read as YAML.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLE = join(ROOT, 'fixtures/example/bao-cao-164-TB-TU.txt');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `rl-recipe-${prefix}-`));
}

/** `git clone` of this repository (what is committed) into a new folder. */
export function cloneRepo(into = tmp('clone')): string {
  const dir = join(into, 'reportlint');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, dir]);
  return dir;
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** One shell command, with bash as CI runners use it. */
export function sh(command: string, opts: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Ran {
  const r = spawnSync('bash', ['-c', command], {
    cwd: opts.cwd,
    env: { ...process.env, NO_COLOR: '1', LANG: 'C', ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeout ?? 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function yamlFile<T>(path: string): T {
  return parse(readFileSync(path, 'utf8')) as T;
}

/** A git repository with a few reports, as a user's would be. */
export function reportsRepo(): string {
  const dir = tmp('repo');
  sh('git init -q -b main . && git config user.email ci@example.org && git config user.name CI && mkdir reports', { cwd: dir });
  sh(`cp "${EXAMPLE}" reports/bao-cao.txt && printf 'Báo cáo tình hình thực hiện nhiệm vụ quý I.\\n' > reports/sach.txt && git add -A && git commit -qm reports`, { cwd: dir });
  return dir;
}

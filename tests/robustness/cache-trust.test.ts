// --cache trusts an entry only when this version wrote it for these bytes and this config: each
// entry carries a keyed hash (HMAC, key outside the cache file) of its content hash and result.
// A poisoned entry (the right shape, a bad result) is rebuilt with a warning, never an internal
// error; a forged finding-free entry cannot hide a file's findings.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE, run, tmp } from './helpers.js';

let dir: string;
let fresh: string;
const args = (): string[] => ['--format', 'json', '--jobs', '1', '--cache', '--cache-location', 'c.json', 'a.txt', 'b.txt'];
const opts = (): { cwd: string; env: NodeJS.ProcessEnv } => ({ cwd: dir, env: { XDG_CACHE_HOME: join(dir, 'xdg') } });

interface CacheFile {
  entries: Record<string, { result: { findings: Array<Record<string, unknown>>; errorCount: number; warningCount: number; infoCount: number; checked: Record<string, number> } }>;
}

function readCache(): CacheFile {
  return JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as CacheFile;
}

function entryOf(c: CacheFile, file: string): CacheFile['entries'][string] {
  const k = Object.keys(c.entries).find((key) => key.startsWith(`${file}\u0000`));
  if (!k) throw new Error(`no cache entry for ${file}`);
  return c.entries[k];
}

beforeEach(() => {
  dir = tmp();
  copyFileSync(EXAMPLE, join(dir, 'a.txt'));
  writeFileSync(join(dir, 'b.txt'), 'Một câu hoàn chỉnh.\n');
  const plain = run(['--format', 'json', '--jobs', '1', 'a.txt', 'b.txt'], { cwd: dir });
  expect(plain.code).toBe(1);
  fresh = plain.stdout;
  const first = run(args(), opts());
  expect(first.stdout).toBe(fresh);
  expect(first.stderr).toBe('');
});

describe('cache entries are verified', () => {
  it('an unchanged cache replays the same output', () => {
    const second = run(args(), opts());
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(fresh);
  });

  it('a poisoned entry (a finding whose line is text) is rebuilt with a warning, not an internal error', () => {
    const c = readCache();
    entryOf(c, 'a.txt').result.findings[0].line = 'one';
    writeFileSync(join(dir, 'c.json'), JSON.stringify(c));
    const r = run(args(), opts());
    expect(r.stderr).toBe('reportlint: c.json: 1 cache entry is not valid (a.txt); linting that file again\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(fresh);
    // and the rebuilt cache is trusted again
    const again = run(args(), opts());
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(fresh);
  });

  it('a poisoned entry with markup in its severity is rebuilt too', () => {
    const c = readCache();
    entryOf(c, 'a.txt').result.findings[0].severity = '<img src=x onerror=alert(1)>';
    writeFileSync(join(dir, 'c.json'), JSON.stringify(c));
    const r = run(args(), opts());
    expect(r.stderr).toBe('reportlint: c.json: 1 cache entry is not valid (a.txt); linting that file again\n');
    expect(r.stdout).toBe(fresh);
  });

  it('a forged finding-free entry (right shape, right content hash) cannot hide the findings', () => {
    const c = readCache();
    const e = entryOf(c, 'a.txt');
    e.result.findings = [];
    e.result.errorCount = e.result.warningCount = e.result.infoCount = 0;
    writeFileSync(join(dir, 'c.json'), JSON.stringify(c));
    const r = run(args(), opts());
    expect(r.stderr).toBe('reportlint: c.json: 1 cache entry is not valid (a.txt); linting that file again\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(fresh);
  });

  it('a cache written under another key (another user, another machine) is not trusted', () => {
    const r = run(args(), { cwd: dir, env: { XDG_CACHE_HOME: join(dir, 'other-xdg') } });
    expect(r.stderr).toBe('reportlint: c.json: 2 cache entries are not valid (a.txt, b.txt); linting those files again\n');
    expect(r.stdout).toBe(fresh);
  });

  it('an entry of another reportlint version is not used', () => {
    const c = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as { reportlint: string };
    c.reportlint = '0.0.1';
    writeFileSync(join(dir, 'c.json'), JSON.stringify(c));
    const r = run(args(), opts());
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(fresh);
  });
});

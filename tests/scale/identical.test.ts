// Worker, cached and sharded-then-merged runs give byte-identical JSON to a plain run.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
// @ts-expect-error plain JS module without types
import { generate } from '../../bench/generate.mjs';

let dir: string;
let plain: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rl-scale-'));
  (generate as (d: string, n: number, seed: number) => unknown)(join(dir, 'corpus'), 24, 7);
  writeFileSync(join(dir, 'corpus', 'zz-example.txt'), readFileSync('fixtures/example/bao-cao-164-TB-TU.txt'));
  const r = runCli(['--format', 'json', '--jobs', '1', 'corpus'], { cwd: dir });
  expect([0, 1]).toContain(r.code);
  plain = r.stdout;
  expect(JSON.parse(plain).files).toHaveLength(25);
}, 120_000);

describe('same JSON however the work is split', () => {
  it('worker threads', () => {
    const r = runCli(['--format', 'json', '--jobs', '2', 'corpus'], { cwd: dir });
    expect(r.stdout).toBe(plain);
  });

  it('a cached run, twice (the second replays every file)', () => {
    const first = runCli(['--format', 'json', '--jobs', '1', '--cache', '--cache-location', 'c.json', 'corpus'], { cwd: dir });
    expect(first.stdout).toBe(plain);
    const second = runCli(['--format', 'json', '--jobs', '1', '--cache', '--cache-location', 'c.json', 'corpus'], { cwd: dir });
    expect(second.stdout).toBe(plain);
    const cache = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'));
    expect(Object.keys(cache.entries)).toHaveLength(25);
  });

  it('a corrupt cache is rebuilt with a warning, never trusted', () => {
    writeFileSync(join(dir, 'bad.json'), '{"reportlint": "0.1.0", "entries": ');
    const r = runCli(['--format', 'json', '--jobs', '1', '--cache', '--cache-location', 'bad.json', 'corpus'], { cwd: dir });
    expect(r.stderr).toContain('the cache is corrupt');
    expect(r.stdout).toBe(plain);
  });

  it('three shards merged', () => {
    const parts: string[] = [];
    let total = 0;
    for (let k = 1; k <= 3; k++) {
      const r = runCli(['--format', 'json', '--jobs', '1', '--shard', `${k}/3`, '--output-file', `shard-${k}.json`, 'corpus'], { cwd: dir });
      expect([0, 1]).toContain(r.code);
      total += JSON.parse(readFileSync(join(dir, `shard-${k}.json`), 'utf8')).files.length;
      parts.push(`shard-${k}.json`);
    }
    expect(total).toBe(25);
    const merged = runCli(['merge', ...parts], { cwd: dir });
    expect(merged.stdout).toBe(plain);
  });

  it('bad --shard and --jobs values are usage errors', () => {
    expect(runCli(['--shard', '4/3', 'corpus'], { cwd: dir }).code).toBe(2);
    expect(runCli(['--jobs', '0', 'corpus'], { cwd: dir }).code).toBe(2);
    expect(runCli(['merge', 'nope.json'], { cwd: dir }).code).toBe(2);
  });
});

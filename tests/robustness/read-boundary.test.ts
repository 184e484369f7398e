// The reading boundary (src/cli/read.ts): every path a user names (inputs, --config, baselines,
// caches, shards) is opened only when it is a regular file, and read no further than its limit.
// A FIFO, a device or a socket is refused at once with one clear line, never waited on.

import { closeSync, openSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listenSocket, mkfifo, run, tmp, twoSeconds } from './helpers.js';
import type { Server } from 'node:net';

const d = tmp();
const fifo = join(d, 'pipe.txt');
mkfifo(fifo);
const zero = join(d, 'zero.txt');
symlinkSync('/dev/zero', zero);
const ok = join(d, 'ok.txt');
writeFileSync(ok, 'Một câu hoàn chỉnh.\n');
const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

// A hang is killed at 10 s; the promise is under 2 s (twoSeconds: 2 s, or twice a plain run's time
// when the machine is loaded).
const BOUND = { timeout: 10_000 };

describe('inputs that are not regular files', () => {
  it('a .txt that is a symlink to /dev/zero: refused in under 2 s, the other file still linted', () => {
    const r = run(['--format', 'json', zero, ok], BOUND);
    expect(r.ms).toBeLessThan(twoSeconds());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${zero}: cannot read: not a regular file (a character device)\n`);
    expect(JSON.parse(r.stdout).files.map((f: { path: string; fatal?: string }) => [f.path, f.fatal ?? null])).toEqual([
      [ok, null],
      [zero, 'cannot read: not a regular file (a character device)'],
    ]);
  });

  it('a FIFO named .txt: refused in under 2 s, not waited on', () => {
    const r = run([fifo], BOUND);
    expect(r.ms).toBeLessThan(twoSeconds());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${fifo}: cannot read: not a regular file (a named pipe)\n`);
  });

  it('a socket named .md', async () => {
    const sock = join(d, 'sock.md');
    servers.push(await listenSocket(sock));
    const r = run([sock], BOUND);
    expect(r.ms).toBeLessThan(twoSeconds());
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${sock}: cannot read: not a regular file (a socket)\n`);
  });
});

describe('other paths the user names', () => {
  it('--config naming a FIFO or a device: one line, exit 2, in under 2 s', () => {
    for (const [cfg, kind] of [
      [fifo, 'a named pipe'],
      ['/dev/zero', 'a character device'],
    ] as const) {
      const r = run(['--config', cfg, ok], BOUND);
      expect(r.ms).toBeLessThan(twoSeconds());
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`reportlint: ${cfg}: cannot read config: not a regular file (${kind})\n`);
      expect(r.stdout).toBe('');
    }
  });

  it('--baseline naming a FIFO or /dev/zero', () => {
    for (const [b, kind] of [
      [fifo, 'a named pipe'],
      [zero, 'a character device'],
    ] as const) {
      const r = run(['--baseline', b, ok], BOUND);
      expect(r.ms).toBeLessThan(twoSeconds());
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`reportlint: ${b}: cannot read baseline: not a regular file (${kind})\n`);
    }
  });

  it('--cache-location naming a FIFO: the cache is not used (and the FIFO not replaced); the run completes', () => {
    const r = run(['--cache', '--cache-location', fifo, '--format', 'json', ok], { ...BOUND, env: { XDG_CACHE_HOME: join(d, 'xdg') } });
    expect(r.ms).toBeLessThan(twoSeconds());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`reportlint: ${fifo}: cannot read the cache: not a regular file (a named pipe); linting without a cache\n`);
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
  });

  it('merge of a FIFO or /dev/zero shard', () => {
    for (const [s, kind] of [
      [fifo, 'a named pipe'],
      [zero, 'a character device'],
    ] as const) {
      const r = run(['merge', s], BOUND);
      expect(r.ms).toBeLessThan(twoSeconds());
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`reportlint merge: ${s}: cannot read: not a regular file (${kind})\n`);
    }
  });
});

describe('reading stops at the limit', () => {
  it('--stdin fed from /dev/zero stops at --max-file-size', () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      const r = run(['--stdin', '--max-file-size', '1'], { ...BOUND, stdio: [fd, 'pipe', 'pipe'] });
      expect(r.ms).toBeLessThan(twoSeconds());
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('<stdin>: cannot read: the input is over the 1.0 MB limit (--max-file-size)\n');
    } finally {
      closeSync(fd);
    }
  });

  it('a config file larger than 1 MB is refused without being read whole', () => {
    const big = join(d, 'big.config.json');
    writeFileSync(big, `{"dictionary": [${'"từ", '.repeat(300_000)}"x"]}`);
    const r = run(['--config', big, ok], BOUND);
    expect(r.code).toBe(2);
    const mb = (statSync(big).size / 1024 / 1024).toFixed(1);
    expect(r.stderr).toBe(`reportlint: ${big}: cannot read config: the file is ${mb} MB, over the 1.0 MB limit for a config file\n`);
  });

  it('the FIFO is still a FIFO afterwards (nothing replaced it)', () => {
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

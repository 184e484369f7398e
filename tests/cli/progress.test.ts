// The progress line: on stderr only when it is a terminal, never in CI, only for runs longer than
// the delay, and cleared before the report. `main` runs in this process with its streams captured.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

const TEXT = 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n';

async function run(io: Partial<Io>): Promise<{ code: number; stderr: string; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rl-progress-'));
  writeFileSync(join(dir, 'a.txt'), TEXT);
  writeFileSync(join(dir, 'b.txt'), TEXT);
  let stderr = '';
  let stdout = '';
  const code = await main(['-f', 'unix', '--lang', 'en', '-j', '1', join(dir, 'a.txt'), join(dir, 'b.txt')], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: dir,
    env: {},
    isTTY: false,
    ...io,
  });
  return { code, stderr, stdout };
}

describe('progress line', () => {
  it('is drawn in place on a terminal and cleared at the end', async () => {
    const r = await run({ stderrIsTTY: true, progressDelayMs: 0 });
    expect(r.stderr).toBe('\r\x1b[2Klinting 1/2 files\r\x1b[2Klinting 2/2 files\r\x1b[2K');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('never when stderr is piped, in CI, or for a short run', async () => {
    expect((await run({ stderrIsTTY: false, progressDelayMs: 0 })).stderr).toBe('');
    expect((await run({ stderrIsTTY: true, progressDelayMs: 0, env: { CI: 'true' } })).stderr).toBe('');
    expect((await run({ stderrIsTTY: true, progressDelayMs: 60_000 })).stderr).toBe('');
  });
});

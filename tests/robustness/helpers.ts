// Shared by the robustness tests: the built CLI in a child process with a wall-clock bound and
// its elapsed time, an asynchronous variant for races, temporary folders, FIFOs and sockets.

import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const BIN = join(ROOT, 'bin/reportlint.js');
export const EXAMPLE = join(ROOT, 'fixtures/example/bao-cao-164-TB-TU.txt');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed after this many ms (a hang shows as code null, signal SIGTERM). */
  timeout?: number;
  stdio?: StdioOptions;
}

export function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', ...extra };
}

export function run(args: string[], o: RunOptions = {}): Run {
  const t = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: o.cwd ?? ROOT,
    input: o.input,
    encoding: 'utf8',
    env: env(o.env),
    timeout: o.timeout ?? 30_000,
    stdio: o.stdio,
    maxBuffer: 1 << 28,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - t };
}

/** The CLI started in the background; `done` resolves when it exits (killed after `timeout`). */
export function start(args: string[], o: RunOptions = {}): { done: Promise<Run>; pid: number | undefined } {
  const t = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: o.cwd ?? ROOT, env: env(o.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeout ?? 30_000);
  const done = new Promise<Run>((res) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      res({ code, signal, stdout, stderr, ms: Date.now() - t });
    });
  });
  return { done, pid: child.pid };
}

export const tmp = (): string => mkdtempSync(join(tmpdir(), 'rl-robust-'));

export function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed: ${r.stderr}`);
}

export async function listenSocket(path: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((res) => server.listen(path, res));
  return server;
}

/** Characters a terminal acts on: C0 controls (tab, newline and carriage return included), DEL and C1. */
export const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The bound for "ends in under 2 s" (issue 22) on a shared machine: 2 s, or twice the time a
 * plain lint of a one-line file takes right now, whichever is more. On an idle machine that is
 * 2 s; with twenty processes on two cores Node's start-up alone can pass 2 s (measured: 1.2 to
 * 2.1 s at load 19), and a refusal then cannot be told from a slow start. A wait on a FIFO or a
 * read of /dev/zero still fails: such a run is killed at 10 s.
 */
export function twoSeconds(): number {
  const d = mkdtempSync(join(tmpdir(), 'rl-robust-ref-'));
  const ok = join(d, 'ok.txt');
  writeFileSync(ok, 'Một câu hoàn chỉnh.\n');
  const ref = run(['--format', 'json', ok], { env: { XDG_CACHE_HOME: join(d, 'xdg') } });
  rmSync(d, { recursive: true, force: true });
  return Math.max(2000, 2 * ref.ms);
}

// The file fuzzer's driver: builds each case from its number (seeded), writes it, and has it
// linted with `--format json --time-budget <s>`, by a long-lived worker process (child.mjs,
// the CLI's main() in process) or, for every `cliEvery`-th case, by the real CLI in its own
// process under /usr/bin/time (exit code and peak RSS of a whole run). A case that runs past
// the deadline plus a grace period is a hang: the worker is killed and replaced. Workers are
// replaced every 250 cases so that one case's memory is not blamed on the next. Every case must
// also leave one whole JSON report on stdout and no stack trace on stderr: a Node crash (an
// unhandled rejection) exits 1, the code for findings, and only its missing report tells.

import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatedPdf, mutateDocx, mutatePdf, rng } from './mutate.js';
import type { Seeds } from './seeds.js';

const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin/reportlint.js');
const CHILD = join(__dirname, 'child.mjs');

export interface CaseResult {
  id: number;
  name: string;
  code: number | string;
  ms: number;
  /** Peak RSS (bytes) of the process that ran it (a worker: its peak so far in this batch). */
  peak: number;
  via: 'worker' | 'cli';
  stderr: string;
  /** What is wrong with the JSON report on stdout ('' when it is whole). */
  report?: string;
}

export interface Summary {
  cases: number;
  exits: Record<string, number>;
  maxMs: { ms: number; name: string };
  maxPeakMb: { mb: number; name: string };
  hangs: CaseResult[];
  badExits: CaseResult[];
  overMemory: CaseResult[];
  byKind: Record<string, number>;
  cliCases: number;
  wallS: number;
}

export interface FuzzOptions {
  cases: number;
  /** Number of the first case (to rerun a stretch of a long run). */
  first?: number;
  seed: number;
  budgetS: number;
  /** A case running this long past the budget is a hang. */
  graceS: number;
  cliEvery: number;
  dir: string;
  /** Where failing cases are kept for inspection. */
  keep: string;
  seeds: Seeds;
  memoryLimitMb: number;
  log?: (s: string) => void;
}

/** The case with this number: which seed, which mutation, the bytes. */
export function buildCase(id: number, seed: number, seeds: Seeds): { name: string; kind: string; ext: string; bytes: Uint8Array } {
  const r = rng(seed * 1_000_003 + id);
  // the first cases are the fixed hostile structures, each once; then random mutations
  if (id === 0) {
    const g = generatedPdf(r, 'many');
    return { name: `generated/${g.kind}`, kind: g.kind, ext: '.pdf', bytes: g.bytes };
  }
  if (r() < 0.6 && seeds.docx.length) {
    const s = seeds.docx[Math.floor(r() * seeds.docx.length)];
    const m = mutateDocx(r, s.bytes);
    return { name: `${s.name}#${m.kind}`, kind: `docx:${m.kind.replace(/-\d+$/, '')}`, ext: '.docx', bytes: m.bytes };
  }
  const s = seeds.pdf[Math.floor(r() * seeds.pdf.length)];
  const m = mutatePdf(r, s.bytes);
  return { name: `${s.name}#${m.kind}`, kind: `pdf:${m.kind.replace(/-\d+$/, '')}`, ext: '.pdf', bytes: m.bytes };
}

class Worker {
  private proc: ChildProcess;
  private ready: Promise<void>;
  private exited = false;
  done = 0;
  /** The end of what the process wrote on stderr (why it crashed). */
  stderrTail = '';

  constructor() {
    this.proc = fork(CHILD, [], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, NO_COLOR: '1', LANG: 'C' } });
    this.proc.stderr?.setEncoding('utf8').on('data', (d: string) => (this.stderrTail = (this.stderrTail + d).slice(-1500)));
    // ready when it says so, or when it dies first (a worker that cannot start is a crash, not a wait)
    this.ready = new Promise((res) => {
      this.proc.once('message', () => res());
      this.proc.once('exit', () => {
        this.exited = true;
        res();
      });
    });
  }

  async run(id: number, args: string[], timeoutMs: number): Promise<Outcome | 'hang' | 'crash'> {
    await this.ready;
    this.done++;
    if (this.exited) return 'crash';
    return new Promise((res) => {
      const t = Date.now();
      let settled = false;
      const finish = (v: Awaited<ReturnType<Worker['run']>>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.proc.off('message', onMessage);
        this.proc.off('exit', onExit);
        res(v);
      };
      const timer = setTimeout(() => finish('hang'), timeoutMs);
      const onMessage = (m: { type: string; id: number; code?: number; thrown?: string; report: string; ms: number; peak: number; stderr: string }): void => {
        if (m.type === 'done' && m.id === id) finish({ code: m.thrown ? `throw: ${m.thrown}` : (m.code ?? 'none'), ms: m.ms, peak: m.peak, stderr: m.stderr, report: m.report });
      };
      const onExit = (): void => finish(Date.now() - t >= timeoutMs ? 'hang' : 'crash');
      this.proc.on('message', onMessage);
      this.proc.on('exit', onExit);
      this.proc.send({ type: 'case', id, args });
    });
  }

  kill(): void {
    this.proc.kill('SIGKILL');
  }
}

/** How a case ended: exit code, time, peak RSS, first line of stderr, and what is wrong with the JSON report ('' when whole). */
interface Outcome {
  code: number | string;
  ms: number;
  peak: number;
  stderr: string;
  report: string;
}

/** '' when the CLI's stdout is a whole JSON report of one file, else what is wrong with it (as child.mjs checks). */
function checkReport(out: string): string {
  try {
    const j = JSON.parse(out) as { version?: number; files?: unknown };
    return j && j.version === 1 && Array.isArray(j.files) && j.files.length === 1 ? '' : 'the JSON report is not one file';
  } catch (e) {
    return `no JSON report (${String((e as Error).message).slice(0, 80)})`;
  }
}

function runCli(args: string[], timeoutMs: number): Outcome | 'hang' {
  const t = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, maxBuffer: 1 << 28 });
  const ms = Date.now() - t;
  if (r.signal === 'SIGTERM' && ms >= timeoutMs) return 'hang';
  const lines = (r.stderr ?? '').trim().split('\n');
  const kb = Number(lines.pop());
  // /usr/bin/time reports a signal death as "Command terminated by signal N"
  const sig = /terminated by signal (\d+)/.exec(r.stderr ?? '');
  // a Node crash (uncaught exception, unhandled rejection) exits 1 like findings: its stack trace tells
  const trace = lines.find((l) => /^node:internal|^\s+at |Unhandled|^Node\.js v/.test(l));
  const stderr = (trace ?? lines.find((l) => !/^Command exited/.test(l)) ?? '').slice(0, 200);
  return { code: sig ? `signal ${sig[1]}` : trace ? `crash (${trace.trim().slice(0, 80)})` : (r.status ?? 'none'), ms, peak: kb * 1024, stderr, report: checkReport(r.stdout ?? '') };
}

export async function fuzzFiles(o: FuzzOptions): Promise<Summary> {
  const started = Date.now();
  mkdirSync(o.dir, { recursive: true });
  const s: Summary = { cases: 0, exits: {}, maxMs: { ms: 0, name: '' }, maxPeakMb: { mb: 0, name: '' }, hangs: [], badExits: [], overMemory: [], byKind: {}, cliCases: 0, wallS: 0 };
  let worker = new Worker();
  const timeoutMs = (o.budgetS + o.graceS) * 1000;
  const keep = (file: string, id: number, ext: string): void => {
    mkdirSync(o.keep, { recursive: true });
    copyFileSync(file, join(o.keep, `case-${o.seed}-${id}${ext}`));
  };
  try {
    const first = o.first ?? 0;
    for (let id = first; id < first + o.cases; id++) {
      const c = buildCase(id, o.seed, o.seeds);
      const file = join(o.dir, `case-${id}${c.ext}`);
      writeFileSync(file, c.bytes);
      const args = ['--format', 'json', '--time-budget', String(o.budgetS), file];
      const viaCli = o.cliEvery > 0 && id % o.cliEvery === o.cliEvery - 1;
      const out = viaCli ? runCli(args, timeoutMs) : await worker.run(id, args, timeoutMs);
      s.cases++;
      s.byKind[c.kind] = (s.byKind[c.kind] ?? 0) + 1;
      if (viaCli) s.cliCases++;
      const base = { id, name: c.name, via: viaCli ? ('cli' as const) : ('worker' as const) };
      if (out === 'hang' || out === 'crash') {
        const r: CaseResult = { ...base, code: out, ms: timeoutMs, peak: 0, stderr: out === 'crash' ? worker.stderrTail.replace(/\s+/g, ' ').slice(-600) : '' };
        (out === 'hang' ? s.hangs : s.badExits).push(r);
        s.exits[out] = (s.exits[out] ?? 0) + 1;
        keep(file, id, c.ext);
        o.log?.(`case ${id} (${c.name}): ${out} ${r.stderr}`);
        worker.kill();
        worker = new Worker();
      } else {
        const r: CaseResult = { ...base, ...out };
        const key = typeof out.code === 'number' ? String(out.code) : 'other';
        s.exits[key] = (s.exits[key] ?? 0) + 1;
        if (!(out.code === 0 || out.code === 1 || out.code === 2) || /internal error:/.test(out.stderr) || out.report) {
          s.badExits.push(r);
          keep(file, id, c.ext);
          o.log?.(`case ${id} (${c.name}): exit ${out.code} ${out.report} ${out.stderr}`);
        }
        if (out.ms > s.maxMs.ms) s.maxMs = { ms: out.ms, name: `${id} ${c.name}` };
        const mb = out.peak / 1024 / 1024;
        if (mb > s.maxPeakMb.mb) s.maxPeakMb = { mb, name: `${id} ${c.name} (${r.via})` };
        if (mb > o.memoryLimitMb) {
          s.overMemory.push(r);
          keep(file, id, c.ext);
        }
        if (out.ms > o.budgetS * 1000 + o.graceS * 1000) s.hangs.push(r);
      }
      rmSync(file, { force: true });
      if (worker.done >= 250) {
        worker.kill();
        worker = new Worker();
      }
      if (o.log && (id + 1 - first) % 500 === 0) o.log(`${id + 1 - first}/${o.cases} cases (to case ${id}), ${Math.round((Date.now() - started) / 1000)} s; exits ${JSON.stringify(s.exits)}; max ${Math.round(s.maxMs.ms)} ms, peak ${Math.round(s.maxPeakMb.mb)} MB`);
    }
  } finally {
    worker.kill();
  }
  s.wallS = Math.round((Date.now() - started) / 1000);
  return s;
}

// The benchmark (npm run bench): generates a deterministic corpus, then measures in one run, as
// medians over repeated runs: the floor (read + decode + NFC + split lines), reportlint with all
// default rules single-process and with workers, cold start against `node -e ''`, scaling over
// 1x/2x/4x corpus sizes, and peak memory (the corpus; with --memory also per MB of one large
// generated file and on many small files, each a process of its own: bin/reportlint.js).
// Writes bench/results/<date>.json and prints a table.
// Options: --files N (default 1000), --runs R (default 3), --jobs J (default: available cores),
// --memory (adds the two memory runs), --large-mb M (default 10), --small-files N (default 10000).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generate, generateLarge } from './generate.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const MEMORY = args.includes('--memory');
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const FILES = opt('files', 1000);
const RUNS = opt('runs', 3);
const JOBS = opt('jobs', availableParallelism());
const SEED = 1;

const { main } = await import(join(root, 'dist/cli/main.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function corpus(n) {
  const dir = join(root, `bench/.corpus-${n}-${SEED}`);
  if (!existsSync(dir) || readdirSync(dir).length !== n) generate(dir, n, SEED);
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  return { dir, files, bytes };
}

function floorPass(files) {
  let lines = 0;
  const dec = new TextDecoder('utf-8', { fatal: true });
  for (const f of files) {
    const text = dec.decode(readFileSync(f)).normalize('NFC');
    lines += text.split(/\r\n|\r|\n/).length;
  }
  return lines;
}

const nullIo = { stdout: () => {}, stderr: () => {}, cwd: root, env: { ...process.env, NO_COLOR: '1' }, isTTY: false };

async function lintRun(paths, extra = []) {
  const t = performance.now();
  await main(['--format', 'json', ...extra, ...paths], nullIo);
  return performance.now() - t;
}

async function timeIt(fn) {
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await fn());
  return median(times);
}

function spawnMs(cmd, argv) {
  const times = [];
  for (let i = 0; i < Math.max(RUNS, 5); i++) {
    const t = performance.now();
    spawnSync(cmd, argv, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  return median(times);
}

const supportsJobs = (() => {
  const r = spawnSync(process.execPath, ['bin/reportlint.js', '--help'], { cwd: root, encoding: 'utf8' });
  return r.stdout.includes('--jobs');
})();

const big = corpus(FILES);
const mb = big.bytes / 1e6;
console.error(`corpus: ${FILES} files, ${mb.toFixed(1)} MB; ${RUNS} runs each`);

const floorMs = await timeIt(async () => {
  const t = performance.now();
  floorPass(big.files);
  return performance.now() - t;
});
await lintRun(big.files.slice(0, 20)); // warm up the JIT as a long CI run would be
const singleMs = await timeIt(() => lintRun([big.dir], supportsJobs ? ['--jobs', '1'] : []));
const workersMs = supportsJobs ? await timeIt(() => lintRun([big.dir], ['--jobs', String(JOBS)])) : null;

const coldMs = spawnMs(process.execPath, ['bin/reportlint.js', 'fixtures/example/bao-cao-164-TB-TU.txt']);
const nodeMs = spawnMs(process.execPath, ['-e', '']);

const quarter = Math.max(1, Math.floor(FILES / 4));
const scaling = [];
for (const k of [1, 2, 4]) {
  const paths = big.files.slice(0, quarter * k);
  const bytes = paths.reduce((s, f) => s + statSync(f).size, 0);
  const ms = k === 4 && quarter * 4 === FILES ? singleMs : await timeIt(() => lintRun(paths, supportsJobs ? ['--jobs', '1'] : []));
  scaling.push({ factor: k, files: paths.length, mb: bytes / 1e6, ms });
}

const rssRun = spawnSync(
  process.execPath,
  ['-e', `import(${JSON.stringify(join(root, 'dist/cli/main.js'))}).then(m => m.main(['--format','json',${JSON.stringify(big.dir)}], {stdout(){},stderr(){},cwd:process.cwd(),env:process.env,isTTY:false})).then(() => process.stderr.write(JSON.stringify({maxRSS: process.resourceUsage().maxRSS})))`],
  { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 },
);
const peakRssMb = JSON.parse(rssRun.stderr.trim().split('\n').pop()).maxRSS / 1024;

/** Peak RSS of one CLI process (bin/reportlint.js, one thread) over `target`, in MB: a preload prints it at exit. */
function cliPeakRss(target) {
  const preload = `process.on('exit',()=>process.stderr.write('\\nmaxRSS '+process.resourceUsage().maxRSS+'\\n'))`;
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, join(root, 'bin/reportlint.js'), '--format', 'json', '--jobs', '1', '--max-file-size', '100', '--time-budget', '3600', target], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const m = /maxRSS (\d+)/.exec(r.stderr);
  return m ? Number(m[1]) / 1024 : NaN;
}
let memory = null;
if (MEMORY) {
  const largeMb = opt('large-mb', 10);
  const smallFiles = opt('small-files', 10000);
  const largeFile = join(root, `bench/.corpus-large-${largeMb}-${SEED}.txt`);
  if (!existsSync(largeFile)) generateLarge(largeFile, largeMb, SEED);
  const small = join(root, `bench/.corpus-small-${smallFiles}-${SEED}`);
  if (!existsSync(small) || readdirSync(small).length !== smallFiles) generate(small, smallFiles, SEED, { minBytes: 1000, maxBytes: 3000 });
  const largeBytes = statSync(largeFile).size;
  const largeRss = cliPeakRss(largeFile);
  const smallRss = cliPeakRss(small);
  memory = { large: { mb: largeBytes / 1e6, peakRssMb: largeRss, perMb: largeRss / (largeBytes / 1e6) }, small: { files: smallFiles, peakRssMb: smallRss } };
}

const mbps = (ms) => mb / (ms / 1000);
const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  corpus: { files: FILES, mb: Number(mb.toFixed(2)), seed: SEED },
  runs: RUNS,
  floor: { ms: floorMs, mbps: mbps(floorMs) },
  single: { ms: singleMs, mbps: mbps(singleMs), filesPerSec: FILES / (singleMs / 1000), ratioToFloor: floorMs / singleMs },
  workers: workersMs === null ? null : { jobs: JOBS, ms: workersMs, mbps: mbps(workersMs), filesPerSec: FILES / (workersMs / 1000), ratioToFloor: floorMs / workersMs },
  coldStart: { reportlintMs: coldMs, nodeMs, overheadMs: coldMs - nodeMs },
  scaling: scaling.map((s) => ({ ...s, ratioToBase: s.ms / scaling[0].ms })),
  peakRssMb,
  memory,
};

mkdirSync(join(root, 'bench/results'), { recursive: true });
const out = join(root, `bench/results/${result.date.slice(0, 10)}.json`);
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');

const f1 = (x) => x.toFixed(1);
const rows = [
  ['floor (read, decode, NFC, split)', `${f1(floorMs)} ms`, `${f1(result.floor.mbps)} MB/s`, '', '1.00'],
  ['reportlint, 1 process', `${f1(singleMs)} ms`, `${f1(result.single.mbps)} MB/s`, `${f1(result.single.filesPerSec)}`, result.single.ratioToFloor.toFixed(3)],
];
if (result.workers) rows.push([`reportlint, ${JOBS} workers`, `${f1(workersMs)} ms`, `${f1(result.workers.mbps)} MB/s`, `${f1(result.workers.filesPerSec)}`, result.workers.ratioToFloor.toFixed(3)]);
console.log(`| measure (${FILES} files, ${f1(mb)} MB, median of ${RUNS}) | time | throughput | files/s | ratio to floor |`);
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`| cold start, example report | ${f1(coldMs)} ms | node -e '': ${f1(nodeMs)} ms | overhead ${f1(coldMs - nodeMs)} ms | |`);
for (const s of result.scaling) console.log(`| scaling ${s.factor}x (${s.files} files, ${f1(s.mb)} MB) | ${f1(s.ms)} ms | ${f1(s.mb / (s.ms / 1000))} MB/s | | ${s.ratioToBase.toFixed(2)}x of 1x |`);
console.log(`| peak RSS, ${FILES} files | ${f1(peakRssMb)} MB | | | |`);
if (memory) {
  console.log(`| peak RSS, one ${f1(memory.large.mb)} MB file | ${f1(memory.large.peakRssMb)} MB | ${f1(memory.large.perMb)} MB per MB | | |`);
  console.log(`| peak RSS, ${memory.small.files} small files | ${f1(memory.small.peakRssMb)} MB | | | |`);
}
console.log(`\nmachine: ${result.machine.cpus} × ${result.machine.model}, ${result.machine.memGiB} GiB, Node ${result.machine.node}; saved ${out}`);

#!/usr/bin/env node
// Editor latency of `reportlint --lsp`: how long after the last edit the diagnostics for that
// text arrive, for a single keystroke and at the end of a typing burst (10 keystrokes 50 ms
// apart), on the example report and on a ~600 KB document. Medians of several runs; the load
// average is printed with the numbers (the machine may be shared).
//   node bench/lsp-latency.mjs [--bin path/to/bin/reportlint.js] [--runs 5] [--out file.json]

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const BIN = resolve(arg('bin', `${ROOT}/bin/reportlint.js`));
const RUNS = Number(arg('runs', '5'));
const DOCS = [
  { name: 'example (26 KB)', path: `${ROOT}/fixtures/example/bao-cao-164-TB-TU.txt`, target: 300 },
  { name: '600 KB document', path: resolve(ROOT, '../shared/corpus/large/vi/uts-vlc/01041-qh13-92-2015.txt'), target: 800 },
];

class Client {
  constructor() {
    this.proc = spawn(process.execPath, [BIN, '--lsp'], { env: { ...process.env, LANG: 'C' }, stdio: ['pipe', 'pipe', 'inherit'] });
    this.buf = Buffer.alloc(0);
    this.waiters = [];
    this.id = 1;
    this.proc.stdout.on('data', (c) => {
      this.buf = Buffer.concat([this.buf, c]);
      for (;;) {
        const h = this.buf.indexOf('\r\n\r\n');
        if (h < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, h).toString())[1]);
        if (this.buf.length < h + 4 + len) return;
        const m = JSON.parse(this.buf.subarray(h + 4, h + 4 + len).toString());
        this.buf = this.buf.subarray(h + 4 + len);
        if (m.id !== undefined && m.method) this.send({ jsonrpc: '2.0', id: m.id, result: null });
        this.waiters = this.waiters.filter((w) => !(w.test(m) && (w.resolve(m), true)));
      }
    });
  }
  send(m) {
    const b = Buffer.from(JSON.stringify(m));
    this.proc.stdin.write(`Content-Length: ${b.length}\r\n\r\n`);
    this.proc.stdin.write(b);
  }
  wait(test) {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
  request(method, params) {
    const id = this.id++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.wait((m) => m.id === id && !m.method);
  }
  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }
  diagnostics(uri, version) {
    return this.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(doc) {
  const c = new Client();
  await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {}, initializationOptions: { lang: 'en' } });
  c.notify('initialized', {});
  const text = readFileSync(doc.path, 'utf8');
  const uri = pathToFileURL(`/tmp/rl-bench-${doc.target}.txt`).href;
  let version = 1;
  let t = performance.now();
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
  await c.diagnostics(uri, version);
  const open = performance.now() - t;
  // edits in the middle of the document: type a word, character by character
  const mid = Math.floor(text.split('\n').length / 2);
  let col = 0;
  const key = () => {
    version++;
    c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: mid, character: col }, end: { line: mid, character: col } }, text: 'a' }] });
    col++;
  };
  const single = [];
  const burst = [];
  for (let r = 0; r < RUNS; r++) {
    key();
    t = performance.now();
    await c.diagnostics(uri, version);
    single.push(performance.now() - t);
    await sleep(200);
    for (let k = 0; k < 10; k++) {
      key();
      if (k < 9) await sleep(50);
    }
    t = performance.now();
    await c.diagnostics(uri, version);
    burst.push(performance.now() - t);
    await sleep(200);
  }
  await c.request('shutdown', null);
  c.notify('exit', null);
  return { document: doc.name, bytes: Buffer.byteLength(text), targetMs: doc.target, openMs: Math.round(open), keystrokeMs: Math.round(median(single)), burstMs: Math.round(median(burst)), keystrokeRuns: single.map(Math.round), burstRuns: burst.map(Math.round) };
}

const before = loadavg();
const results = [];
for (const doc of DOCS) results.push(await measure(doc));
const after = loadavg();
const report = { date: new Date().toISOString(), bin: BIN, node: process.version, cores: cpus().length, loadavg: { before: before.map((x) => +x.toFixed(2)), after: after.map((x) => +x.toFixed(2)) }, runs: RUNS, results };
for (const r of results) console.log(`${r.document.padEnd(18)} open ${r.openMs} ms; after one keystroke ${r.keystrokeMs} ms; after a burst ${r.burstMs} ms (target ${r.targetMs} ms)`);
console.log(`load average ${report.loadavg.before.join(' ')} -> ${report.loadavg.after.join(' ')} on ${report.cores} cores`);
const out = arg('out');
if (out) {
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(resolve(out), JSON.stringify(report, null, 2) + '\n');
}

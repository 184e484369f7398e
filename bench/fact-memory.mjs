// Which facts hold the memory: lints one file in this process (dist/, the same pipeline as the
// CLI) and, with a full garbage collection before and after each fact is computed, prints the heap
// each fact keeps alive (its own share: what the facts it asks for keep is theirs), largest first,
// then the heap the parsed document keeps and the run's peak RSS. Slow (one GC per fact): a
// diagnosis, not a timing. Usage: node --expose-gc bench/fact-memory.mjs <file> [top=25]

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const [file, top = '25'] = process.argv.slice(2);
if (!file || typeof globalThis.gc !== 'function') {
  console.error('usage: node --expose-gc bench/fact-memory.mjs <file> [top]');
  process.exit(2);
}
const { FactStore } = await import(`${root}/dist/engine/facts.js`);
const { main } = await import(`${root}/dist/cli/main.js`);

const heap = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const own = new Map();
const stack = [];
const get = FactStore.prototype.get;
FactStore.prototype.get = function (fact) {
  if (this.cache?.has?.(fact.id)) return get.call(this, fact);
  const frame = { id: fact.id, before: heap(), children: 0 };
  stack.push(frame);
  const value = get.call(this, fact);
  stack.pop();
  const kept = heap() - frame.before;
  own.set(fact.id, (own.get(fact.id) ?? 0) + kept - frame.children);
  if (stack.length) stack[stack.length - 1].children += kept;
  return value;
};
const base = heap();
const size = readFileSync(file).length;
await main(['--format', 'json', '--jobs', '1', '--max-file-size', '100', '--time-budget', '3600', file], {
  stdout: () => {},
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: { ...process.env, NO_COLOR: '1' },
  isTTY: false,
});
const MB = (n) => (n / 1e6).toFixed(1).padStart(8);
const total = [...own.values()].reduce((a, b) => a + b, 0);
console.log(`${file}: ${(size / 1e6).toFixed(2)} MB; heap kept by facts ${MB(total)} MB (${(total / size).toFixed(1)} per input byte); heap before the run ${MB(base)} MB; peak RSS ${MB(process.resourceUsage().maxRSS * 1024)} MB`);
for (const [id, b] of [...own].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) console.log(`${MB(b)} MB ${(b / size).toFixed(1).padStart(6)} B/B  ${id}`);

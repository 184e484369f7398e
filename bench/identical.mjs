// Proves a change does not change findings: lints the corpora (and the example) with the built
// CLI, one process, JSON output, and either saves the outputs or compares them byte for byte with
// saved ones. Usage:
//   node bench/identical.mjs save <dir>    (before the change)
//   node bench/identical.mjs check <dir>   (after: exit 1 and the first differing line on a change)
// Options: --only real,large,example  --bin <path to bin/reportlint.js> (default this checkout's)
// The time budget is raised so a busy machine cannot turn a slow file into a different finding.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const [mode, dir, ...rest] = process.argv.slice(2);
if ((mode !== 'save' && mode !== 'check') || !dir) {
  console.error('usage: node bench/identical.mjs save|check <dir> [--only real,large,example] [--bin path]');
  process.exit(2);
}
const opt = (name) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};
const bin = resolve(opt('bin') ?? join(root, 'bin/reportlint.js'));
const TARGETS = {
  example: 'fixtures/example/bao-cao-164-TB-TU.txt',
  real: '../shared/corpus/real',
  large: '../shared/corpus/large',
};
const only = (opt('only') ?? 'example,real,large').split(',');
mkdirSync(dir, { recursive: true });
let failed = false;
for (const name of only) {
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown target ${name}`);
  const t = Date.now();
  const r = spawnSync(process.execPath, [bin, '--format', 'json', '--jobs', '1', '--time-budget', '3600', '--max-file-size', '100', '--no-ignore', target], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
    maxBuffer: 1 << 30,
  });
  if (r.error) throw r.error;
  const out = r.stdout;
  const file = join(dir, `${name}.json`);
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  if (mode === 'save') {
    writeFileSync(file, out);
    console.log(`${name}: saved ${out.length} bytes (exit ${r.status}, ${secs} s)`);
    continue;
  }
  if (!existsSync(file)) throw new Error(`nothing saved for ${name} in ${dir}`);
  const before = readFileSync(file);
  if (before.equals(out)) {
    console.log(`${name}: identical, ${out.length} bytes (exit ${r.status}, ${secs} s)`);
    continue;
  }
  failed = true;
  writeFileSync(join(dir, `${name}.after.json`), out);
  const a = before.toString('utf8').split('\n');
  const b = out.toString('utf8').split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  console.log(`${name}: DIFFERENT (${before.length} -> ${out.length} bytes); first difference at line ${i + 1}:\n- ${a[i]?.slice(0, 300)}\n+ ${b[i]?.slice(0, 300)}`);
}
process.exit(failed ? 1 : 0);

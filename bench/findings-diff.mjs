// Which findings a change added and removed on a corpus, for judging them by hand: compares two
// JSON outputs of the CLI (as `bench/identical.mjs save` writes them, or any `-f json` output)
// and prints every finding only one side has, with its file, line, rule, message id, severity,
// message and the text of its line. Findings are matched on path, rule, message id, line, column
// and message. Usage:
//   node bench/identical.mjs save /tmp/before          (on the parent)
//   node bench/identical.mjs check /tmp/before         (after: writes <name>.after.json on a change)
//   node bench/findings-diff.mjs /tmp/before/large.json /tmp/before/large.after.json [--rule a,b] [--severity warning,error] [--max N]
// Exit 0 always; the summary line counts added and removed per rule.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [beforePath, afterPath, ...rest] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error('usage: node bench/findings-diff.mjs before.json after.json [--rule a,b] [--severity warning,error] [--max N]');
  process.exit(2);
}
const opt = (name) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};
const rules = opt('rule')?.split(',');
const severities = opt('severity')?.split(',');
const max = Number(opt('max') ?? 200);

const load = (p) => JSON.parse(readFileSync(p, 'utf8'));
const key = (path, f) => [path, f.ruleId, f.messageId, f.line, f.column, f.message].join('\u0000');

function index(json) {
  const map = new Map();
  for (const file of json.files) {
    for (const f of file.findings) {
      if (rules && !rules.includes(f.ruleId)) continue;
      if (severities && !severities.includes(f.severity)) continue;
      map.set(key(file.path, f), { path: file.path, f });
    }
  }
  return map;
}

const before = index(load(beforePath));
const after = index(load(afterPath));
const lines = new Map();
function lineOf(path, n) {
  if (!lines.has(path)) {
    try {
      lines.set(path, readFileSync(resolve(path), 'utf8').split(/\r\n|\r|\n/));
    } catch {
      lines.set(path, []);
    }
  }
  return (lines.get(path)[n - 1] ?? '').trim().slice(0, 240);
}

const counts = new Map();
function show(sign, map, other) {
  let shown = 0;
  for (const [k, { path, f }] of map) {
    if (other.has(k)) continue;
    const c = counts.get(f.ruleId) ?? { added: 0, removed: 0 };
    c[sign === '+' ? 'added' : 'removed']++;
    counts.set(f.ruleId, c);
    if (shown++ >= max) continue;
    console.log(`${sign} ${path}:${f.line}:${f.column} ${f.severity} ${f.ruleId}/${f.messageId}: ${f.message}`);
    console.log(`    | ${lineOf(path, f.line)}`);
  }
}
show('+', after, before);
show('-', before, after);
const summary = [...counts].map(([r, c]) => `${r} +${c.added} -${c.removed}`).join(', ');
console.log(summary ? `summary: ${summary}` : 'summary: no finding added or removed');

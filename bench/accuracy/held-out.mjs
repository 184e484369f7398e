// A held-out precision sample: warnings and errors drawn only from documents in which no finding
// has ever been judged, so that the rules were never tuned on what the judge sees there. The
// ordinary review sample (out/review-<rule>.md) keeps its members from run to run, which is what
// a ratchet needs, but it is also what the rules have been mended against; this sample estimates
// what a reviewer would see on documents the rules have not met.
//
//   npm run accuracy                                  (writes out/warnings.jsonl)
//   node bench/accuracy/held-out.mjs draw [--per-rule 20] [--date YYYY-MM-DD]
//       -> out/held-out.jsonl (verdict null, heldOut: the date) and out/held-out.md (each finding with context)
//   judge out/held-out.jsonl (verdict true/false + reason), then
//   node bench/accuracy/judge.mjs merge out/held-out.jsonl
//
// Verdicts keep their `heldOut` date; docs/ACCURACY.md reports their precision apart. Once judged,
// those documents have verdicts, so the next draw comes from other documents.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HERE, SHARED } from './lib/corpus.mjs';
import { rank } from './lib/prng.mjs';
import { VERDICTS, parseLines } from './judge.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
if (args[0] !== 'draw') {
  console.error('usage: node bench/accuracy/held-out.mjs draw [--per-rule 20] [--date YYYY-MM-DD]');
  process.exit(2);
}
const perRule = Number(opt('per-rule', 20));
const date = opt('date', new Date().toISOString().slice(0, 10));
const outDir = join(HERE, 'out');

const verdicts = parseLines(readFileSync(VERDICTS, 'utf8'), VERDICTS);
const judgedDocs = new Set(verdicts.map((v) => v.file));
const warnings = readFileSync(join(outDir, 'warnings.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const fresh = warnings.filter((w) => !judgedDocs.has(w.file));
const byRule = new Map();
for (const w of fresh) (byRule.get(w.rule) ?? byRule.set(w.rule, []).get(w.rule)).push(w);

const seed = `held-out-${date}`;
const picked = [];
for (const [rule, list] of [...byRule].sort()) {
  // at most two per document, so that one long document cannot fill a rule's sample
  const perDoc = new Map();
  for (const w of list.sort((a, b) => rank(seed, a.id) - rank(seed, b.id) || (a.id < b.id ? -1 : 1))) {
    if (picked.filter((p) => p.rule === rule).length >= perRule) break;
    const n = perDoc.get(w.file) ?? 0;
    if (n >= 2) continue;
    perDoc.set(w.file, n + 1);
    picked.push(w);
  }
  console.log(`${rule.padEnd(22)} ${String(list.length).padStart(6)} warnings+errors in unjudged documents, ${picked.filter((p) => p.rule === rule).length} drawn`);
}

const texts = new Map();
const textOf = (rel) => texts.get(rel) ?? texts.set(rel, readFileSync(join(SHARED, rel), 'utf8')).get(rel);
const md = [`# Held-out sample ${date}`, '', `${picked.length} warnings and errors from ${new Set(picked.map((p) => p.file)).size} documents in which nothing had been judged before (${judgedDocs.size} documents had verdicts). Judge each in out/held-out.jsonl: true when a careful reviewer of that office would want to see it.`, ''];
for (const w of picked) {
  const lines = textOf(w.file).split('\n');
  md.push(`## ${w.id} · ${w.rule} · ${w.severity} · ${w.messageId}`, '', `${w.file}:${w.line}:${w.column}`, '', `> ${w.message.slice(0, 600)}`, '', '```');
  for (let n = Math.max(1, w.line - 2); n <= Math.min(lines.length, w.line + 2); n++) md.push(`${String(n).padStart(5)} ${n === w.line ? '▶' : ' '} ${lines[n - 1].slice(0, 400)}`);
  md.push('```');
  if (w.related.length) {
    md.push('', 'Related:');
    for (const r of w.related) md.push(`- line ${r.line}:${r.column} ${r.message}: \`${(lines[r.line - 1] ?? '').slice(Math.max(0, r.column - 41), r.column + 80).replace(/`/g, "'")}\``);
  }
  md.push('');
}
writeFileSync(join(outDir, 'held-out.md'), md.join('\n'));
writeFileSync(
  join(outDir, 'held-out.jsonl'),
  picked.map((w) => JSON.stringify({ id: w.id, rule: w.rule, messageId: w.messageId, severity: w.severity, file: w.file, line: w.line, quote: w.quote, verdict: null, reason: '', heldOut: date })).join('\n') + '\n',
);
console.log(`${picked.length} drawn -> ${join(outDir, 'held-out.jsonl')} and held-out.md`);

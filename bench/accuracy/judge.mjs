// Verdicts on findings, kept in bench/accuracy/verdicts.jsonl (committed), one JSON object a
// line: {id, rule, messageId, severity, file, line, quote, verdict: true|false, reason}.
//
//   node bench/accuracy/judge.mjs merge <file.jsonl>   add or replace the judged lines of <file>
//   node bench/accuracy/judge.mjs stats                judged / true per rule
//
// Start from bench/accuracy/out/unjudged.jsonl (written by npm run accuracy): set verdict to
// true (a careful reviewer of that office would want to see it) or false, give a one-line
// reason, and merge. Lines whose verdict is still null are skipped.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HERE } from './lib/corpus.mjs';

export const VERDICTS = join(HERE, 'verdicts.jsonl');
const FIELDS = ['id', 'rule', 'messageId', 'severity', 'file', 'line', 'quote', 'verdict', 'reason'];

export function parseLines(text, where) {
  const out = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let v;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`${where}:${i + 1}: not JSON: ${e.message}`);
    }
    if (typeof v.id !== 'string' || !/^[0-9a-f]{16}$/.test(v.id)) throw new Error(`${where}:${i + 1}: id must be a 16-digit hex fingerprint`);
    if (v.verdict !== null && typeof v.verdict !== 'boolean') throw new Error(`${where}:${i + 1}: verdict must be true, false or null`);
    if (v.verdict !== null && !(typeof v.reason === 'string' && v.reason.trim())) throw new Error(`${where}:${i + 1}: a verdict needs a one-line reason`);
    out.push(v);
  });
  return out;
}

/** Merge judged lines into the verdicts (a later verdict on the same id replaces the earlier). */
export function merge(existing, incoming) {
  const by = new Map(existing.map((v) => [v.id, v]));
  let added = 0;
  let replaced = 0;
  for (const v of incoming) {
    if (v.verdict === null) continue;
    const clean = Object.fromEntries(FIELDS.map((k) => [k, v[k]]));
    // a verdict given in a held-out sample (bench/accuracy/held-out.mjs) keeps the sample's date
    if (typeof v.heldOut === 'string' && v.heldOut) clean.heldOut = v.heldOut;
    if (by.has(v.id)) replaced++;
    else added++;
    by.set(v.id, clean);
  }
  const list = [...by.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.id < b.id ? -1 : 1)));
  return { list, added, replaced };
}

export function serialise(list) {
  return list.map((v) => JSON.stringify(v)).join('\n') + (list.length ? '\n' : '');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, file] = process.argv.slice(2);
  const existing = existsSync(VERDICTS) ? parseLines(readFileSync(VERDICTS, 'utf8'), VERDICTS) : [];
  if (cmd === 'merge' && file) {
    const { list, added, replaced } = merge(existing, parseLines(readFileSync(file, 'utf8'), file));
    writeFileSync(VERDICTS, serialise(list));
    console.log(`${added} added, ${replaced} replaced; ${list.length} verdicts in ${VERDICTS}`);
  } else if (cmd === 'stats') {
    const by = new Map();
    for (const v of existing) {
      const t = by.get(v.rule) ?? { judged: 0, true: 0 };
      t.judged++;
      if (v.verdict) t.true++;
      by.set(v.rule, t);
    }
    for (const [r, t] of [...by].sort()) console.log(`${r.padEnd(22)} ${String(t.true).padStart(4)} / ${String(t.judged).padStart(4)} true`);
  } else {
    console.error('usage: node bench/accuracy/judge.mjs merge <file.jsonl> | stats');
    process.exitCode = 2;
  }
}

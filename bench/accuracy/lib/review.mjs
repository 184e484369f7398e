// False alarms at scale: findings and warnings+errors per MB per rule (the OCR folder apart),
// judged precision from bench/accuracy/verdicts.jsonl over the findings the current run still
// produces, and a review sample per rule and severity (the lowest seeded hash ranks of the
// fingerprints, so the sample keeps its members when other findings come and go). Unjudged
// sample findings go to out/unjudged.jsonl for a person to judge; `judge.mjs merge` takes them back.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES } from '../kinds.mjs';
import { rank } from './prng.mjs';

const SEVERITIES = ['error', 'warning', 'info'];
const RULES = Object.values(FAMILIES).flat();

export function readVerdicts(path) {
  const map = new Map();
  if (!existsSync(path)) return map;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const v = JSON.parse(line);
    if (v.verdict === true || v.verdict === false) map.set(v.id, v);
  }
  return map;
}

const per = (n, bytes) => (bytes ? Math.round((n / (bytes / 1e6)) * 100) / 100 : null);

export function quoteOf(text, f) {
  const q = text.slice(f.offset, f.endOffset).replace(/\s+/g, ' ');
  return q.length > 120 ? q.slice(0, 117) + '…' : q;
}

export function precisionReport({ scans, root, verdictsPath, seed, sampleSize, ciRels = new Set(), ciSampleSize = 15 }) {
  const verdicts = readVerdicts(verdictsPath);
  const groups = { corpus: { bytes: 0, docs: 0 }, ocr: { bytes: 0, docs: 0 } };
  const counts = {};
  for (const r of RULES) counts[r] = { corpus: { findings: 0, warnings: 0, bySeverity: {} }, ocr: { findings: 0, warnings: 0, bySeverity: {} }, judged: 0, true: 0, bySeverityJudged: {} };
  const strata = new Map(); // rule|severity -> [{rank, f, rel}]
  const warnings = []; // every warning and error outside the OCR folder: the held-out sample is drawn from them
  for (const s of scans) {
    const g = s.ocr ? 'ocr' : 'corpus';
    groups[g].bytes += s.bytes;
    groups[g].docs++;
    for (const f of s.findings) {
      const c = counts[f.ruleId] ?? (counts[f.ruleId] = { corpus: { findings: 0, warnings: 0, bySeverity: {} }, ocr: { findings: 0, warnings: 0, bySeverity: {} }, judged: 0, true: 0, bySeverityJudged: {} });
      c[g].findings++;
      if (f.severity !== 'info') c[g].warnings++;
      c[g].bySeverity[f.severity] = (c[g].bySeverity[f.severity] ?? 0) + 1;
      if (!s.ocr && f.severity !== 'info') warnings.push({ f, rel: s.rel });
      const v = verdicts.get(f.id);
      if (v?.heldOut) {
        const h = (c.heldOut ??= { judged: 0, true: 0 });
        h.judged++;
        if (v.verdict) h.true++;
      }
      if (v) {
        c.judged++;
        if (v.verdict) c.true++;
        const bs = (c.bySeverityJudged[f.severity] ??= { judged: 0, true: 0 });
        bs.judged++;
        if (v.verdict) bs.true++;
      }
      if (!s.ocr && sampleSize > 0) {
        const key = `${f.ruleId}|${f.severity}`;
        (strata.get(key) ?? strata.set(key, []).get(key)).push({ rank: rank(seed, f.id), f, rel: s.rel, ci: ciRels.has(s.rel) });
      }
    }
  }
  // per rule and severity: the lowest ranks of the whole corpus, plus the lowest ranks of the CI
  // sample's documents (so that the short form's ratchet has judged findings to watch)
  const sample = [];
  for (const key of [...strata.keys()].sort()) {
    const list = strata.get(key).sort((a, b) => a.rank - b.rank || (a.f.id < b.f.id ? -1 : 1));
    const head = list.slice(0, sampleSize);
    const ci = list.filter((x) => x.ci && !head.includes(x)).slice(0, Math.max(0, ciSampleSize - head.filter((x) => x.ci).length));
    sample.push(...head, ...ci);
  }
  const summary = { bytes: { corpus: groups.corpus.bytes, ocr: groups.ocr.bytes }, documents: { corpus: groups.corpus.docs, ocr: groups.ocr.docs }, byRule: {}, judged: 0, sampled: sample.length, unjudgedInSample: 0 };
  for (const [r, c] of Object.entries(counts).sort()) {
    summary.judged += c.judged;
    summary.byRule[r] = {
      findings: c.corpus.findings,
      warnings: c.corpus.warnings,
      bySeverity: c.corpus.bySeverity,
      perMB: per(c.corpus.findings, groups.corpus.bytes),
      warningsPerMB: per(c.corpus.warnings, groups.corpus.bytes),
      ocr: { findings: c.ocr.findings, warnings: c.ocr.warnings, perMB: per(c.ocr.findings, groups.ocr.bytes), warningsPerMB: per(c.ocr.warnings, groups.ocr.bytes) },
      judged: c.judged,
      true: c.true,
      precision: c.judged ? Math.round((c.true / c.judged) * 1000) / 1000 : null,
      bySeverityJudged: c.bySeverityJudged,
      ...(c.heldOut ? { heldOut: { ...c.heldOut, precision: Math.round((c.heldOut.true / c.heldOut.judged) * 1000) / 1000 } } : {}),
    };
  }
  const unjudged = sample.filter((x) => !verdicts.has(x.f.id));
  summary.unjudgedInSample = unjudged.length;
  return { summary, sample, verdicts, unjudged, warnings };
}

function contextLines(text, line, radius) {
  const lines = text.split('\n');
  const from = Math.max(1, line - radius);
  const to = Math.min(lines.length, line + radius);
  const out = [];
  for (let n = from; n <= to; n++) out.push({ n, text: lines[n - 1] });
  return out;
}

function clip(s, n = 400) {
  s = s.replace(/\t/g, ' ⇥ ');
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** The line of the finding with its span marked ⟦…⟧ (first line of a multi-line span). */
export function markedLine(text, f) {
  const ls = text.lastIndexOf('\n', f.offset - 1) + 1;
  let le = text.indexOf('\n', f.offset);
  if (le < 0) le = text.length;
  const end = Math.min(f.endOffset, le);
  const a = Math.max(ls, f.offset - 200);
  const b = Math.min(le, end + 200);
  return clip(`${a > ls ? '…' : ''}${text.slice(a, f.offset)}⟦${text.slice(f.offset, end)}${f.endOffset > le ? '…' : ''}⟧${text.slice(end, b)}${b < le ? '…' : ''}`, 700);
}

export function writeReview({ precision, root, outDir }) {
  const { sample, verdicts, unjudged } = precision;
  const texts = new Map();
  const textOf = (rel) => texts.get(rel) ?? texts.set(rel, readFileSync(join(root, rel), 'utf8')).get(rel);
  const byRule = new Map();
  for (const x of sample) (byRule.get(x.f.ruleId) ?? byRule.set(x.f.ruleId, []).get(x.f.ruleId)).push(x);
  for (const [rule, list] of byRule) {
    const out = [`# Review sample: ${rule}`, '', `${list.length} findings (up to 50 per severity, a seeded sample of the whole corpus without the OCR folder, plus up to 15 per severity from the CI sample's documents, marked [CI]). Judge each: true when a careful reviewer of that office would want to see it. Write verdicts into a copy of out/unjudged.jsonl and merge it with \`node bench/accuracy/judge.mjs merge <file>\`.`, ''];
    for (const { f, rel, ci } of list) {
      const text = textOf(rel);
      const v = verdicts.get(f.id);
      out.push(`## ${f.id} · ${f.severity} · ${f.messageId}${ci ? ' · [CI]' : ''}${v ? ` · judged ${v.verdict ? 'TRUE' : 'FALSE'}: ${v.reason}` : ' · unjudged'}`, '');
      out.push(`${rel}:${f.line}:${f.column}`, '', `> ${clip(f.message, 600)}`, '', '```');
      for (const c of contextLines(text, f.line, 2)) out.push(c.n === f.line ? `${String(c.n).padStart(5)} ▶ ${markedLine(text, f)}` : `${String(c.n).padStart(5)}   ${clip(c.text, 300)}`);
      out.push('```');
      if (f.related.length) {
        out.push('', 'Related:');
        const tl = text.split('\n');
        for (const r of f.related.slice(0, 8)) out.push(`- line ${r.line}:${r.column} ${r.message}: \`${clip((tl[r.line - 1] ?? '').slice(Math.max(0, r.column - 41), r.column + 80), 160).replace(/`/g, "'")}\``);
        if (f.related.length > 8) out.push(`- … ${f.related.length - 8} more`);
      }
      out.push('');
    }
    writeFileSync(join(outDir, `review-${rule}.md`), out.join('\n'));
  }
  const lines = unjudged.map(({ f, rel }) => JSON.stringify({ id: f.id, rule: f.ruleId, messageId: f.messageId, severity: f.severity, file: rel, line: f.line, quote: quoteOf(textOf(rel), f), verdict: null, reason: '' }));
  writeFileSync(join(outDir, 'unjudged.jsonl'), lines.join('\n') + (lines.length ? '\n' : ''));
  // every warning and error (OCR folder apart), for bench/accuracy/held-out.mjs
  const all = precision.warnings.map(({ f, rel }) => JSON.stringify({ id: f.id, rule: f.ruleId, messageId: f.messageId, severity: f.severity, file: rel, line: f.line, column: f.column, offset: f.offset, endOffset: f.endOffset, message: f.message, related: f.related.slice(0, 8).map((r) => ({ line: r.line, column: r.column, message: r.message })), quote: quoteOf(textOf(rel), f) }));
  writeFileSync(join(outDir, 'warnings.jsonl'), all.join('\n') + (all.length ? '\n' : ''));
}

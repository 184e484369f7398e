// The bench's worker (tinypool): 'scan' lints one document with every rule and finds its
// planting sites and coverage counts; 'plant' lints mutated copies of one document with the
// expected rules only and says which plantings were found. Files are read here, not sent.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, rules } from '../../../dist/index.js';
import { applyEdits } from './doc.mjs';
import { assignIds } from './fingerprint.mjs';
import { lexiconView } from './lexicon.mjs';
import { makeDoc } from './doc.mjs';
import { documentSites, presentCounts } from './sites.mjs';
import { harvestVocab } from './phrasing.mjs';

const RANK = { info: 0, warning: 1, error: 2 };
const KNOWN = new Set(rules.map((r) => r.id));
let lexCache;

function lexicon(path) {
  if (!path) return undefined;
  if (!lexCache || lexCache.path !== path) lexCache = { path, view: lexiconView(JSON.parse(readFileSync(path, 'utf8'))) };
  return lexCache.view;
}

function compact(f) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    messageId: f.messageId,
    message: f.message,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    offset: f.offset,
    endOffset: f.endOffset,
    related: f.related.map((r) => ({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message })),
  };
}

export function scan({ root, rel, plant, ocr, lexiconPath }) {
  const text = readFileSync(join(root, rel), 'utf8');
  const t0 = performance.now();
  const result = lintText(text, rel, {});
  const lintMs = performance.now() - t0;
  const findings = result.findings.map(compact);
  const ids = assignIds(rel, text, findings);
  findings.forEach((f, i) => (f.id = ids[i]));
  const out = { rel, chars: text.length, findings, checked: result.checked, unpaired: result.unpaired ?? {}, internalErrors: result.internalErrors ?? [], lintMs };
  const doc = makeDoc(rel, text);
  out.lang = doc.lang;
  out.conv = doc.conv;
  // coverage leaves the OCR folder out; sites only where the bench plants
  out.present = ocr ? {} : presentCounts(doc);
  if (plant) {
    const { sites, dropped } = documentSites(rel, text, findings, lexicon(lexiconPath), doc);
    out.sites = sites;
    out.dropped = dropped;
    out.vocab = harvestVocab(doc);
  }
  return out;
}

/** Lint each planting; a planting is found when a finding of one of its rules lies on one of its lines. */
export function plant({ root, rel, plantings }) {
  const text = readFileSync(join(root, rel), 'utf8');
  const out = [];
  for (const p of plantings) {
    // rules that do not exist yet (repeated-word) find nothing
    const only = p.rules.filter((r) => KNOWN.has(r));
    if (!only.length) {
      out.push({ id: p.id, found: false, byRule: {}, messageIds: [] });
      continue;
    }
    if (p.control) {
      const ctl = lintText(applyEdits(text, p.control), rel, { only });
      if (hits(ctl.findings, p).length) {
        out.push({ id: p.id, invalid: true });
        continue;
      }
    }
    const mutated = applyEdits(text, p.edits);
    const r = lintText(mutated, rel, { only });
    const h = hits(r.findings, p);
    const byRule = {};
    for (const f of h) if (byRule[f.ruleId] === undefined || RANK[f.severity] > RANK[byRule[f.ruleId]]) byRule[f.ruleId] = f.severity;
    out.push({ id: p.id, found: h.length > 0, byRule, messageIds: [...new Set(h.map((f) => `${f.ruleId}/${f.messageId}`))].sort() });
  }
  return out;
}

function hits(findings, p) {
  return findings.filter((f) => p.rules.includes(f.ruleId) && p.lines.some((l) => l >= f.line && l <= f.endLine));
}

export default function run(task) {
  return task.type === 'scan' ? scan(task) : plant(task);
}

// Recall and coverage tables from the planting results and the scans: per mutation kind (with
// its shapes), per rule (kinds it owns), per family; and per rule what was checked against what
// the bench's detectors found present. Plain JSON, keys sorted, so results diff cleanly.

import { FAMILIES, KINDS, KIND_BY_ID, familyOf, kindFamily } from '../kinds.mjs';

const RANK = { info: 0, warning: 1, error: 2 };

const ratio = (a, b) => (b ? Math.round((a / b) * 1000) / 1000 : null);

function tally() {
  return { plantings: 0, found: 0, foundWarning: 0 };
}

function add(t, p) {
  t.plantings++;
  if (p.found) t.found++;
  if (p.found && Object.values(p.byRule ?? {}).some((s) => RANK[s] >= 1)) t.foundWarning++;
}

function finish(t) {
  t.recall = ratio(t.found, t.plantings);
  t.recallWarning = ratio(t.foundWarning, t.plantings);
  return t;
}

function recallTables(plantings, available, dropped) {
  const byKind = {};
  const byRule = {};
  const byFamily = {};
  const docs = new Set();
  let invalid = 0;
  for (const k of KINDS) byKind[k.id] = { family: kindFamily(k.id), rules: k.rules, available: available?.[k.id] ?? 0, droppedBusy: dropped?.[k.id] ?? 0, ...tally(), shapes: {}, foundBy: {}, messageIds: {} };
  for (const f of Object.keys(FAMILIES)) byFamily[f] = tally();
  for (const r of Object.values(FAMILIES).flat()) byRule[r] = { family: familyOf(r), ...tally(), foundByThisRule: 0, listedIn: 0 };
  for (const p of plantings) {
    if (p.invalid) {
      invalid++;
      continue;
    }
    if (p.found === undefined) continue;
    docs.add(p.rel);
    const k = byKind[p.kind];
    add(k, p);
    const sh = (k.shapes[p.shape] ??= tally());
    add(sh, p);
    for (const [rule] of Object.entries(p.byRule ?? {})) k.foundBy[rule] = (k.foundBy[rule] ?? 0) + 1;
    for (const m of p.messageIds ?? []) k.messageIds[m] = (k.messageIds[m] ?? 0) + 1;
    add(byFamily[k.family], p);
    const kind = KIND_BY_ID.get(p.kind);
    add(byRule[kind.rules[0]], p);
    for (const r of kind.rules) {
      byRule[r].listedIn++;
      if (p.byRule?.[r]) byRule[r].foundByThisRule++;
    }
  }
  for (const k of Object.values(byKind)) {
    finish(k);
    for (const s of Object.values(k.shapes)) finish(s);
    k.shapes = sortKeys(k.shapes);
    k.foundBy = sortKeys(k.foundBy);
    k.messageIds = sortKeys(k.messageIds);
  }
  for (const t of [...Object.values(byRule), ...Object.values(byFamily)]) finish(t);
  const total = Object.values(byFamily).reduce((s, f) => s + f.plantings, 0);
  return { total, documents: docs.size, invalid, byFamily, byRule, byKind };
}

function sortKeys(o) {
  return Object.fromEntries(Object.entries(o).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

export function summarise({ plantings, scans, available, dropped }) {
  const natural = recallTables(plantings.filter((p) => p.suite === 'natural'), available, dropped);
  const phrasing = recallTables(plantings.filter((p) => p.suite === 'phrasing'));
  const all = recallTables(plantings);
  // coverage: checked by the rules / present by the bench's detectors, non-OCR documents
  const checked = {};
  const present = {};
  const unpaired = {};
  let internalErrors = 0;
  for (const s of scans) {
    internalErrors += s.internalErrors.length;
    if (s.ocr) continue;
    for (const [r, n] of Object.entries(s.checked)) checked[r] = (checked[r] ?? 0) + n;
    for (const [r, n] of Object.entries(s.unpaired ?? {})) unpaired[r] = (unpaired[r] ?? 0) + n;
    for (const [r, n] of Object.entries(s.present)) present[r] = (present[r] ?? 0) + n;
  }
  const coverage = {};
  for (const r of Object.values(FAMILIES).flat()) {
    coverage[r] = { checked: checked[r] ?? 0, present: present[r] ?? null, ratio: present[r] ? ratio(checked[r] ?? 0, present[r]) : null };
    // what the rule itself says it read but could not pair (FileResult.unpaired), where it says so
    if (unpaired[r] !== undefined) coverage[r].unpaired = unpaired[r];
  }
  coverage.extra = { sumsThatAddUp: present.sums ?? 0, percentagesMatchingTwoFigures: present['percents-matched'] ?? 0 };
  return {
    corpus: {
      documents: scans.length,
      bytes: scans.reduce((s, x) => s + x.bytes, 0),
      plantable: scans.filter((s) => s.plantable).length,
      ocrDocuments: scans.filter((s) => s.ocr).length,
      internalErrors,
    },
    recall: natural,
    phrasing,
    combined: { byFamily: all.byFamily, total: all.total },
    coverage,
  };
}

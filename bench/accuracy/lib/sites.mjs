// Every planting site of one document, from every generator, checked against the original:
// a site is kept only where the original has no finding of the kind's expected rules on the
// site's lines (so a finding after the planting is the planting's). Also the coverage
// denominators: what a reader would check in this document.

import { KIND_BY_ID } from '../kinds.mjs';
import { makeDoc } from './doc.mjs';
import { breakdownSites, comparisonSites, figureCounts, findBreakdowns, findTableSums, numberFormatSites, percentSites, tableSites, findPercents } from './plant-figures.mjs';
import { citationSites, dateSites, findCitations, findDates } from './plant-citations.mjs';
import { brokenSites, encodingSites, headingSites, paragraphSites, structureCounts } from './plant-structure.mjs';
import { nameSites, termSites, wordCounts, wordSites } from './plant-words.mjs';

const GENERATORS = [breakdownSites, tableSites, percentSites, comparisonSites, numberFormatSites, citationSites, dateSites, paragraphSites, headingSites, brokenSites, encodingSites];
const LEX_GENERATORS = [nameSites, termSites, wordSites];

/** Lines (1-based, original) on which each rule has a finding: Map<rule, Set<line>>. */
export function findingLines(findings) {
  const by = new Map();
  for (const f of findings) {
    const set = by.get(f.ruleId) ?? new Set();
    for (let l = f.line; l <= f.endLine; l++) set.add(l);
    by.set(f.ruleId, set);
  }
  return by;
}

export function documentSites(rel, text, findings, lex, doc = makeDoc(rel, text)) {
  const all = [];
  for (const g of GENERATORS) all.push(...g(doc));
  if (lex) for (const g of LEX_GENERATORS) all.push(...g(doc, lex));
  const lines = findingLines(findings);
  const kept = [];
  const dropped = {};
  for (const s of all) {
    // an edit that changes nothing (NFD of a word whose only mark is đ) is no planting
    if (s.edits.every((e) => text.slice(e.start, e.end) === e.text)) continue;
    const kind = KIND_BY_ID.get(s.kind);
    if (!kind) throw new Error(`unknown kind ${s.kind}`);
    const orig = s.origLines ?? s.lines;
    const busy = kind.rules.some((r) => orig.some((l) => lines.get(r)?.has(l)));
    if (busy) {
      dropped[s.kind] = (dropped[s.kind] ?? 0) + 1;
      continue;
    }
    kept.push(s);
  }
  return { doc, sites: kept, dropped };
}

/** What a reader would check, counted by the bench's own detectors (coverage denominators). */
export function presentCounts(doc) {
  const f = figureCounts(doc);
  const bds = findBreakdowns(doc);
  const cites = findCitations(doc.text);
  let withUnit = 0;
  for (let n = 1; n <= doc.lines.length; n++) for (const x of doc.figures(n)) if (x.unit) withUnit++;
  const s = structureCounts(doc);
  const w = wordCounts(doc);
  return {
    'sum-mismatch': f.totals,
    sums: bds.length,
    'count-mismatch': bds.filter((b) => b.shape === 'status-split').length,
    'number-format': withUnit,
    'citation-type': cites.filter((c) => c.type).length,
    'table-sum-mismatch': findTableSums(doc).length,
    'percent-mismatch': f.percents,
    'percents-matched': findPercents(doc).length,
    'comparison-claim': f.comparisons,
    'citation-mismatch': cites.length,
    'date-invalid': findDates(doc.text).length,
    'section-numbering': s.headings,
    'duplicate-paragraph': s.paragraphs,
    'broken-paragraph': s.breaks,
    spelling: w.syllables,
    'name-variant': w.names,
    'tone-style': w.oa,
    encoding: w.words,
  };
}

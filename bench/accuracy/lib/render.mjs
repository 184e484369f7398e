// docs/ACCURACY.md, regenerated from bench/accuracy/results/latest.json (and floors.json) by
// `npm run accuracy`; `node bench/accuracy/render.mjs` rewrites it from the committed JSON alone.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES, KINDS, KIND_BY_ID } from '../kinds.mjs';
import { TEMPLATES } from './phrasing.mjs';

const pct = (x) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);
const num = (x) => (x === null || x === undefined ? '–' : String(x));
const cov = (c) => (c.present === null ? `${c.checked} / –` : `${c.checked} / ${c.present}${c.ratio === null ? '' : ` (${pct(c.ratio)})`}`);

const PRESENT = {
  'sum-mismatch': 'figures after a total word (tổng, tổng số, tổng cộng, total, gồm)',
  'table-sum-mismatch': 'table cells that are the sum of their rows or columns (bench detector)',
  'count-mismatch': 'status splits that add up (received / resolved / pending)',
  'percent-mismatch': 'percentages (%, phần trăm, percent)',
  'comparison-claim': 'claim words (vượt kế hoạch, chưa đạt, exceeded the target, …)',
  'number-format': 'figures with a unit',
  'citation-mismatch': 'citations in the symbol grammar',
  'citation-type': 'citations with a type word',
  'date-invalid': 'valid dates (numeric, words, English)',
  'section-numbering': 'numbered headings (I., 1., 1.1., a), Điều N.)',
  'duplicate-paragraph': 'paragraphs of 8+ words',
  'broken-paragraph': 'line breaks between two text lines',
  spelling: 'Vietnamese word tokens',
  'name-variant': 'capitalised multi-syllable names',
  'tone-style': 'oa/oe/uy syllables with a tone',
  encoding: 'word tokens',
  'term-variant': '–',
  'repeated-word': '–',
};

function familyTable(rec) {
  const out = ['| family | plantings | found | recall | recall at warning or above |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const [f, t] of Object.entries(rec.byFamily)) out.push(`| ${f} | ${t.plantings} | ${t.found} | ${pct(t.recall)} | ${pct(t.recallWarning)} |`);
  return out.join('\n');
}

function ruleTable(r) {
  const out = [
    '| rule | family | plantings (kinds it owns) | found | recall | recall ≥ warning | found by this rule / plantings listing it | findings / MB | warnings+errors / MB | judged precision (n) | coverage: checked / present |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [fam, rules] of Object.entries(FAMILIES)) {
    for (const rule of rules) {
      const t = r.recall.byRule[rule];
      const p = r.precision.byRule[rule] ?? {};
      const c = r.coverage[rule];
      out.push(
        `| ${rule} | ${fam} | ${t.plantings} | ${t.found} | ${pct(t.recall)} | ${pct(t.recallWarning)} | ${t.foundByThisRule} / ${t.listedIn} | ${num(p.perMB)} | ${num(p.warningsPerMB)} | ${p.judged ? `${pct(p.precision)} (${p.judged})` : '–'} | ${cov(c)} |`,
      );
    }
  }
  return out.join('\n');
}

function kindTable(rec, withAvailable = true) {
  const out = [
    `| kind | family | expected rules | ${withAvailable ? 'sites (busy) | ' : ''}plantings | found | recall | recall ≥ warning | message ids that found it |`,
    `| --- | --- | --- | ${withAvailable ? '---: | ' : ''}---: | ---: | ---: | ---: | --- |`,
  ];
  for (const k of KINDS) {
    const t = rec.byKind[k.id];
    if (!withAvailable && !t.plantings) continue;
    const ids = Object.entries(t.messageIds).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([m, n]) => `${m} ${n}`).join(', ');
    out.push(`| ${k.id} | ${t.family} | ${k.rules.join(', ')} | ${withAvailable ? `${t.available} (${t.droppedBusy}) | ` : ''}${t.plantings} | ${t.found} | ${pct(t.recall)} | ${pct(t.recallWarning)} | ${ids || '–'} |`);
  }
  return out.join('\n');
}

function shapeTable(rec) {
  const out = ['| kind | shape | plantings | found | recall |', '| --- | --- | ---: | ---: | ---: |'];
  for (const k of KINDS) {
    const t = rec.byKind[k.id];
    for (const [s, v] of Object.entries(t.shapes)) out.push(`| ${k.id} | ${s} | ${v.plantings} | ${v.found} | ${pct(v.recall)} |`);
  }
  return out.join('\n');
}

export function weakest(rec, n = 10, min = 20) {
  return KINDS.map((k) => ({ id: k.id, ...rec.byKind[k.id] }))
    .filter((k) => k.plantings >= min)
    .sort((a, b) => a.recall - b.recall || b.plantings - a.plantings)
    .slice(0, n);
}

function noSites(rec) {
  const none = KINDS.filter((k) => rec.byKind[k.id].plantings === 0).map((k) => k.id);
  const few = KINDS.filter((k) => rec.byKind[k.id].plantings > 0 && rec.byKind[k.id].plantings < 20).map((k) => `${k.id} (${rec.byKind[k.id].plantings})`);
  const parts = [];
  if (none.length) parts.push(`no natural site for ${none.join(', ')}`);
  if (few.length) parts.push(`fewer than 20 natural plantings for ${few.join(', ')}`);
  return parts.length ? `The detectors found ${parts.join('; ')}: the phrasing suite covers these phrasings.\n` : '';
}

function zeroBeyond(rec, weak) {
  const more = KINDS.filter((k) => rec.byKind[k.id].plantings >= 20 && rec.byKind[k.id].recall === 0 && !weak.some((w) => w.id === k.id)).map((k) => k.id);
  return more.length ? `\nAlso at 0 %: ${more.join(', ')}.\n` : '';
}

function floorsTable(floors) {
  if (!floors) return '_No floors recorded yet._';
  const out = ['| figure | floor |', '| --- | ---: |'];
  for (const [k, v] of Object.entries(floors.recall ?? {})) out.push(`| recall, family ${k} | ${pct(v)} |`);
  for (const [k, v] of Object.entries(floors.precision ?? {})) out.push(`| judged precision, ${k} | ${pct(v)} |`);
  return out.join('\n');
}

const delta = (a, b) => (a === null || a === undefined || b === null || b === undefined ? '' : ` (${b >= a ? '+' : ''}${((b - a) * 100).toFixed(1)})`);

/** The recorded baseline (the newest results/baseline-*.json), or undefined. */
export function loadBaseline(here) {
  const dir = join(here, 'results');
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir).filter((n) => /^baseline-.*\.json$/.test(n)).sort();
  return names.length ? JSON.parse(readFileSync(join(dir, names[names.length - 1]), 'utf8')) : undefined;
}

/** Before and after: the recorded baseline (results/baseline-*.json) beside this run. */
export function compareSection(r, base) {
  if (!base) return '';
  const bm = base.meta;
  const fam = ['| family | before: found / plantings | before | after: found / plantings | after (points) |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const [f, t] of Object.entries(r.recall.byFamily)) {
    const b = base.recall.byFamily[f] ?? {};
    fam.push(`| ${f} | ${num(b.found)} / ${num(b.plantings)} | ${pct(b.recall)} | ${t.found} / ${t.plantings} | ${pct(t.recall)}${delta(b.recall, t.recall)} |`);
  }
  const rules = ['| rule | recall before | recall after | warnings+errors / MB before | after | judged precision before (n) | after (n) |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const rule of Object.values(FAMILIES).flat()) {
    const a = r.recall.byRule[rule] ?? {};
    const b = base.recall.byRule[rule] ?? {};
    const pa = r.precision.byRule[rule] ?? {};
    const pb = base.precision.byRule[rule] ?? {};
    const jp = (x) => (x.judged ? `${pct(x.precision)} (${x.judged})` : '–');
    rules.push(`| ${rule} | ${pct(b.recall)} | ${pct(a.recall)}${delta(b.recall, a.recall)} | ${num(pb.warningsPerMB)} | ${num(pa.warningsPerMB)} | ${jp(pb)} | ${jp(pa)} |`);
  }
  const kinds = ['| kind | plantings before | recall before | plantings after | recall after (points) |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const k of KINDS) {
    const a = r.recall.byKind[k.id];
    const b = base.recall.byKind[k.id];
    if (!a || !b || (!a.plantings && !b.plantings)) continue;
    kinds.push(`| ${k.id} | ${b.plantings} | ${pct(b.recall)} | ${a.plantings} | ${pct(a.recall)}${delta(b.recall, a.recall)} |`);
  }
  return `## Before and after

Before: the baseline recorded in \`bench/accuracy/results/baseline-${bm.date}.json\` (rules of commit ${bm.srcCommit ?? bm.commit}, measured ${bm.date}, load ${bm.loadBefore}–${bm.loadAfter}); after: this run. The same seed
picks the plantings, so the two runs plant in the same places wherever the original text had no
finding of the kind's rules (the counts differ a little where that changed). Judged precision is computed
from the verdicts each run still produces (a false alarm that went away leaves the "after" sample).

${fam.join('\n')}

${rules.join('\n')}

${kinds.join('\n')}

`;
}

export function renderAccuracy(r, floors, base) {
  const m = r.meta;
  const rec = r.recall;
  const p = r.precision;
  const weak = weakest(rec);
  const templates = [...TEMPLATES.vi, ...TEMPLATES.en];
  const mb = (b) => (b / 1e6).toFixed(1);
  return `# Accuracy

How often reportlint is right, measured on real documents by \`npm run accuracy\`
(code in \`bench/accuracy/\`). Every number below is generated from
\`bench/accuracy/results/latest.json\`; do not edit them by hand (\`node bench/accuracy/render.mjs\`
rewrites this file from the committed JSON).

**Measured ${m.date}: rules of commit ${m.srcCommit ?? m.commit}${m.dirty ? ' (with uncommitted changes)' : ''}, bench at ${m.commit}** (${m.cpus}, Node ${m.node}, ${m.jobs ?? 2} workers; load average
${m.loadBefore} before, ${m.loadAfter} after: the machine is shared, so times are indicative).
Full run: ${(m.runtimeMs / 1000).toFixed(0)} s (scan ${(m.scanMs / 1000).toFixed(0)} s, plantings ${(m.plantMs / 1000).toFixed(0)} s)${m.cpuMs ? `, ${(m.cpuMs / 1000).toFixed(0)} s of CPU time in all (wall time on an idle machine not measured)` : ''}.
${base ? `The first baseline is kept apart and shown beside this run under "Before and after"; every number as measured, good or bad.` : `This is the first baseline, with today's rules: every number as measured, good or bad.`}

## How it works

1. **Planted errors (recall).** The bench finds sites in real documents with its own detectors,
   written apart from \`src/\` on purpose (\`bench/accuracy/lib/plant-*.mjs\`: its own number
   reader, sentence splitter, citation grammar, heading reader, syllable lexicon counted from the
   corpus), so that recall measures the rules and not the phrasings the rules already read. A
   site is used only where the original is consistent by that detector (the parts really add up,
   the citations really agree, the name is really written one way 3+ times, the numbering really
   runs on) **and** the original has no finding of the kind's expected rules on the site's lines.
   Then ONE error is planted (one span edited), the document is linted with the expected rules
   only, at their default severities, and the planting counts as **found** when a finding of one
   of those rules lies on one of the planting's lines (the edited line and the line of the figure
   it contradicts). Recall is given at any severity and at warning or above. Documents:
   \`corpus/large/vi\` except \`vi/pjj-tax-pdf\` (OCR damage; never planted in) and \`corpus/real/{vi,en}\`,
   up to 300 KB each. Choices are seeded (\`${m.seed}\`): rerunning gives the same plantings and
   results. Per kind at most ${m.target ?? 110} plantings, at most ${m.cap ?? 2} per document, shapes taken in
   turn and unused documents first, so that no document or phrasing dominates.
2. **The phrasing suite** (reported apart): phrasings real documents rarely hold in adding-up
   form, written as report sentences (and two small tables) from ${templates.length} templates and inserted
   into real documents as a new paragraph. Nouns come from the corpus (words counted after whole
   numbers in several documents that end their phrase and follow "các/những/số"), places from the
   document itself (\`xã/phường/tỉnh …\` names) or, when it names fewer than four, from other
   documents. Every template gives the same number of instances (each in another document); each
   instance is linted unmutated first and dropped (counted as invalid) if an expected rule already
   fires on it.
3. **False alarms at scale (precision).** Every rule at its default severity over all of
   \`corpus/large\` and \`corpus/real\` (${r.corpus.documents} documents, ${mb(r.corpus.bytes)} MB): findings and
   warnings+errors per MB of text, with \`vi/pjj-tax-pdf\` apart. A seeded sample per rule and
   severity (up to 50, lowest hash rank of the fingerprints, so the sample keeps its members as
   other findings come and go) is written to \`bench/accuracy/out/review-<rule>.md\` with the line,
   the span marked, two lines of context each side and the related locations. Verdicts live in
   \`bench/accuracy/verdicts.jsonl\`; precision per rule = true / judged over the judged findings
   the current run still produces. Unjudged sample findings are listed in
   \`bench/accuracy/out/unjudged.jsonl\`.
4. **Coverage.** Per rule, the rules' own \`checked\` count against what the bench's detectors say
   a reader would check in the same documents (OCR folder left out). The two are counted in
   different units for some rules (a breakdown checked vs a total word seen), so read the ratio
   as "how much of what is there gets looked at", not as an exact share.

${compareSection(r, base)}## This run

${rec.total} natural plantings in ${rec.documents} documents (${r.phrasing.total} more in the phrasing suite; ${rec.invalid + r.phrasing.invalid} invalid);
${r.corpus.documents} documents (${mb(r.corpus.bytes)} MB) scanned for false alarms, ${r.corpus.internalErrors} internal errors.
${noSites(rec)}

### Per family (natural plantings)

${familyTable(rec)}

### Per rule

Plantings and recall count the kinds a rule owns (the first rule of the kind, \`bench/accuracy/kinds.mjs\`); a kind is found by any of its expected rules. Findings per MB over ${mb(p.bytes.corpus)} MB (OCR folder apart, below). Coverage: what the rule checked / what the bench found present (${'see the coverage section'}).

${ruleTable(r)}

### The 10 weakest mutation kinds (natural, 20+ plantings)

| kind | expected rules | plantings | recall | what |
| --- | --- | ---: | ---: | --- |
${weak.map((k) => `| ${k.id} | ${KIND_BY_ID.get(k.id).rules.join(', ')} | ${k.plantings} | ${pct(k.recall)} | ${KIND_BY_ID.get(k.id).what} |`).join('\n')}
${zeroBeyond(rec, weak)}

### Per mutation kind (natural)

"sites" counts the consistent sites the detectors found (after sampling at most a dozen per document and kind); "busy" those dropped because the original already had a finding of an expected rule there.

${kindTable(rec)}

### Per phrasing shape (natural)

${shapeTable(rec)}

## Phrasing suite

${r.phrasing.total} plantings from ${templates.length} templates (${templates.map((t) => t.id).join(', ')}).

${familyTable(r.phrasing)}

${kindTable(r.phrasing, false)}

${shapeTable(r.phrasing)}

## False alarms: the OCR folder apart

\`vi/pjj-tax-pdf\` (${p.documents.ocr} documents, ${mb(p.bytes.ocr)} MB), text from PDF, often OCR:

| rule | findings / MB | warnings+errors / MB | findings | warnings+errors |
| --- | ---: | ---: | ---: | ---: |
${Object.entries(p.byRule).map(([rule, x]) => `| ${rule} | ${num(x.ocr.perMB)} | ${num(x.ocr.warningsPerMB)} | ${x.ocr.findings} | ${x.ocr.warnings} |`).join('\n')}

## Precision: how to judge

${p.judged} findings of this run are judged (${p.sampled} in the review sample, ${p.unjudgedInSample} of them unjudged).

1. \`npm run accuracy\` writes \`bench/accuracy/out/review-<rule>.md\` (the sample, with context)
   and \`bench/accuracy/out/unjudged.jsonl\` (the sample's unjudged findings, \`verdict: null\`).
2. Copy \`unjudged.jsonl\`, set \`verdict\` to \`true\` when a careful reviewer of that office would
   want to see the finding, \`false\` otherwise, and write a one-line \`reason\`.
3. \`node bench/accuracy/judge.mjs merge <your-file>\` adds them to \`bench/accuracy/verdicts.jsonl\`
   (by fingerprint: rule id, the path relative to the corpus, the normalised text of the span and
   up to 32 characters either side; never the line number). Commit it.

| rule | judged | true | precision | by severity |
| --- | ---: | ---: | ---: | --- |
${Object.entries(p.byRule).filter(([, x]) => x.judged).map(([rule, x]) => `| ${rule} | ${x.judged} | ${x.true} | ${pct(x.precision)} | ${Object.entries(x.bySeverityJudged).map(([s, v]) => `${s} ${v.true}/${v.judged}`).join(', ')} |`).join('\n')}

${heldOutSection(p)}## Coverage

| rule | checked (the rule's \`checked\`) | read but not paired (the rule's \`unpaired\`) | present (the bench's detectors) | ratio checked / present | what "present" counts |
| --- | ---: | ---: | ---: | ---: | --- |
${Object.values(FAMILIES).flat().map((rule) => { const c = r.coverage[rule]; return `| ${rule} | ${c.checked} | ${num(c.unpaired)} | ${num(c.present)} | ${pct(c.ratio)} | ${PRESENT[rule]} |`; }).join('\n')}

Also found by the detectors: ${r.coverage.extra.sumsThatAddUp} breakdowns whose parts add up exactly, ${r.coverage.extra.percentagesMatchingTwoFigures} percentages that match two nearby figures.

## CI short form and the ratchet

\`tests/accuracy/ratchet.test.ts\` runs the short form (\`node bench/accuracy/run.mjs --short\`) on the
committed copies in \`bench/accuracy/sample/\` (see its SOURCES.md), so CI never reads
\`../shared\`, and fails when the recall of a family (all plantings of the short form, natural and
phrasing) or the judged precision of a rule falls below its floor in
\`bench/accuracy/floors.json\`. **The floors only move up, by a commit that says why**:
\`npm run accuracy -- --update-floors\` runs the short form and writes the current figures where
they are higher than the floor, never lower. A rule change that lowers a figure must be fixed,
or the floor lowered by hand in a commit that explains the trade.

${floorsTable(floors)}

## Adding a mutation kind

1. Add a row to \`KINDS\` in \`bench/accuracy/kinds.mjs\`: id, the expected rules (the owner first;
   rules that do not exist yet are allowed and give recall 0), what it plants.
2. Emit sites of that kind from a generator in \`bench/accuracy/lib/plant-*.mjs\`:
   \`{ kind, shape, edits: [{ start, end, text, from }], lines, origLines?, anchor }\` where \`lines\` are
   the lines (in the mutated text) a finding must touch and \`origLines\` the lines to check in the
   original. Only emit where the original is consistent by the generator's own reading; never call
   reportlint from a generator.
3. Add a test under \`tests/accuracy/\` for what could silently go wrong in the detector.
4. Run \`node bench/accuracy/run.mjs --limit 100 --kinds <id>\` while developing; read
   \`bench/accuracy/out/misses/<id>.md\` for missed plantings.
`;
}

/** Precision on the held-out samples (bench/accuracy/held-out.mjs): verdicts given on findings drawn from documents nothing had been judged in. */
function heldOutSection(p) {
  const rows = Object.entries(p.byRule).filter(([, x]) => x.heldOut);
  if (!rows.length) return '';
  const judged = rows.reduce((a, [, x]) => a + x.heldOut.judged, 0);
  const tru = rows.reduce((a, [, x]) => a + x.heldOut.true, 0);
  return `## Held-out precision

Warnings and errors drawn by \`node bench/accuracy/held-out.mjs draw\` only from documents in which no finding had been
judged before (so the rules were never mended against them), judged by hand; the verdicts carry the sample's date.
The closest this bench comes to documents reportlint has never seen. All rules: ${tru} / ${judged} true (${pct(tru / judged)}).

| rule | held-out judged | true | precision |
| --- | ---: | ---: | ---: |
${rows.map(([rule, x]) => `| ${rule} | ${x.heldOut.judged} | ${x.heldOut.true} | ${pct(x.heldOut.precision)} |`).join('\n')}

`;
}

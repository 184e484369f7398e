// Chooses the CI short form's documents (bench/accuracy/sample/) from the corpus and copies
// them with a SOURCES.md: documents of at most 100 KB, picked greedily so that every mutation
// kind has sites in several of them and every source folder and both languages are present,
// within ~1.8 MB. Run by hand when the sample should change (then record the floors again and
// judge the sample's findings):
//   node bench/accuracy/pick-sample.mjs
// The planter's detectors only; no rule is run, so the choice does not depend on the rules. It
// does depend on the detectors: after a detector change the same command may pick other
// documents, so the committed sample stays as it is until someone decides to change it.

import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KINDS, kindFamily } from './kinds.mjs';
import { SAMPLE, SHARED, listCorpus } from './lib/corpus.mjs';
import { lexiconView } from './lib/lexicon.mjs';
import { LEXICON } from './lib/lexicon-file.mjs';
import { documentSites } from './lib/sites.mjs';

const MAX_DOC = 100_000;
const BUDGET = 1_800_000;
const MAX_DOCS = 36;
const WANT = 8; // documents with sites per kind

const lex = lexiconView(JSON.parse(readFileSync(LEXICON, 'utf8')));
const docs = listCorpus(SHARED).filter((d) => d.plantable && d.bytes <= MAX_DOC);
const info = [];
for (const d of docs) {
  const { sites } = documentSites(d.rel, readFileSync(join(SHARED, d.rel), 'utf8'), [], lex);
  const kinds = new Set(sites.map((s) => s.kind));
  info.push({ ...d, kinds, folder: d.rel.split('/').slice(0, 3).join('/') });
}
const have = new Map(KINDS.map((k) => [k.id, 0]));
const folders = new Map();
const chosen = [];
let bytes = 0;
while (chosen.length < MAX_DOCS) {
  let best;
  let bestScore = 0;
  for (const d of info) {
    if (chosen.includes(d) || bytes + d.bytes > BUDGET) continue;
    let score = 0;
    // figure sites are the scarcest: they weigh more, and are wanted in more documents
    for (const k of d.kinds) {
      const fig = kindFamily(k) === 'figures';
      score += Math.max(0, (fig ? 2 * WANT : WANT) - have.get(k)) * (have.get(k) === 0 ? 3 : 1) * (fig ? 4 : 1);
    }
    if (!folders.has(d.folder)) score += 20;
    score = score / (1 + d.bytes / 60_000);
    if (score > bestScore || (score === bestScore && best && d.rel < best.rel)) {
      bestScore = score;
      best = d;
    }
  }
  if (!best || bestScore <= 0) break;
  chosen.push(best);
  bytes += best.bytes;
  folders.set(best.folder, (folders.get(best.folder) ?? 0) + 1);
  for (const k of best.kinds) have.set(k, have.get(k) + 1);
}
chosen.sort((a, b) => (a.rel < b.rel ? -1 : 1));

rmSync(SAMPLE, { recursive: true, force: true });
const manifest = new Map();
for (const line of readFileSync(join(SHARED, 'large', 'manifest.tsv'), 'utf8').split('\n').slice(1)) {
  const c = line.split('\t');
  if (c.length > 5) manifest.set(`large/vi/${c[2]}/${c[0]}`, { repo: c[3], commit: c[4], path: c[5] });
}
const realSources = readFileSync(join(SHARED, 'real', 'SOURCES.md'), 'utf8');
const rows = [];
for (const d of chosen) {
  const to = join(SAMPLE, d.rel);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(SHARED, d.rel), to);
  const m = manifest.get(d.rel);
  let where = m ? `${m.repo} \`${m.path}\` @ ${m.commit.slice(0, 12)}` : '';
  if (!where) {
    const name = d.rel.replace(/^real\//, '');
    const row = realSources.split('\n').find((l) => l.startsWith(`| ${name} |`));
    where = row ? row.split('|').slice(2, 5).map((s) => s.trim()).join(' · ') : 'see ../shared/corpus/real/SOURCES.md';
  }
  rows.push(`| ${d.rel} | ${d.bytes} | ${where} |`);
}
writeFileSync(
  join(SAMPLE, 'SOURCES.md'),
  `# The accuracy bench's CI sample

Copies of ${chosen.length} documents (${(bytes / 1e6).toFixed(2)} MB) from \`../shared/corpus\`, at the same relative
paths, so that the CI short form (\`node bench/accuracy/run.mjs --short\`, \`tests/accuracy/ratchet.test.ts\`)
never reads outside the repository, and verdicts judged on the full corpus apply to them. Chosen by
\`node bench/accuracy/pick-sample.mjs\` (the planter's detectors only, no rule run) when the bench was
first built: documents of at most 100 KB that give every mutation kind sites in several documents, from
every source folder. The choice depends on the detectors of that day; it is kept until someone decides
to change the sample (and then records the floors again). Do not edit the files: their errors are the
sources' own.

Licence basis: Vietnamese legal and administrative documents are not protected by copyright (Luật Sở hữu
trí tuệ 2005, Điều 15, khoản 2); GAO and HHS OIG reports are works of the US federal government
(17 U.S.C. §105). Details per source: \`../shared/corpus/large/SOURCES.md\` and
\`../shared/corpus/real/SOURCES.md\`.

| file | bytes | source (repository, path, commit / basis, description) |
| --- | ---: | --- |
${rows.join('\n')}
`,
);
console.log(`${chosen.length} documents, ${(bytes / 1e6).toFixed(2)} MB`);
console.log([...have].map(([k, n]) => `${k} ${n}`).join(', '));

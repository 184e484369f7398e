// The accuracy bench (npm run accuracy): plants one error at a time into real documents and
// measures recall per rule, family, mutation kind and phrasing shape; runs every rule over the
// whole corpus and measures findings per MB and judged precision; counts what the rules checked
// against what the bench's own detectors say a reader would check. Writes
// bench/accuracy/results/latest.json, docs/ACCURACY.md and, under bench/accuracy/out/ (not
// committed), review files, unjudged findings and the missed plantings.
//
//   node bench/accuracy/run.mjs                  full form (../shared/corpus), ~10 min on 2 cores
//   node bench/accuracy/run.mjs --short          CI short form (bench/accuracy/sample), ~1 min
//   node bench/accuracy/run.mjs --update-floors  short form, then raise floors.json where it rose
//   --limit N (documents, spread over the folders), --jobs N (default 2), --kinds a,b, --no-docs

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ALL_RULES, KINDS, KIND_BY_ID, kindFamily } from './kinds.mjs';
import { HERE, REPO, SAMPLE, SHARED, listCorpus } from './lib/corpus.mjs';
import { loadLexicon } from './lib/lexicon-file.mjs';
import { phrasingPlantings } from './lib/phrasing.mjs';
import { precisionReport, writeReview } from './lib/review.mjs';
import { plantingId, selectKind } from './lib/select.mjs';
import { summarise } from './lib/summary.mjs';
import { loadBaseline, renderAccuracy } from './lib/render.mjs';
import { compareFloors, raiseFloors } from './lib/floors.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

export const SEED = 'reportlint-accuracy-1';
const started = performance.now();

export async function runBench({ short = false, limit = Infinity, jobs = 2, kinds, quiet = false, outDir = join(HERE, 'out') } = {}) {
  const log = quiet ? () => {} : (...a) => console.error(...a);
  const root = short ? SAMPLE : SHARED;
  let docs = listCorpus(root);
  if (!docs.length) throw new Error(`no documents under ${root}`);
  if (Number.isFinite(limit) && docs.length > limit) {
    const step = docs.length / limit;
    docs = Array.from({ length: limit }, (_, i) => docs[Math.floor(i * step)]);
  }
  const lex = loadLexicon({ short, docs: listCorpus(SHARED), root: SHARED, log });
  log(`accuracy: ${docs.length} documents (${(docs.reduce((s, d) => s + d.bytes, 0) / 1e6).toFixed(1)} MB) from ${root}; ${jobs} workers`);

  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: new URL('./lib/worker.mjs', import.meta.url).href, minThreads: jobs, maxThreads: jobs, isolateWorkers: false });
  try {
    // 1. every rule over every document; sites in the plantable ones
    const t1 = performance.now();
    const bySize = [...docs].sort((a, b) => b.bytes - a.bytes); // big files first: better packing
    const scanned = new Map();
    let done = 0;
    await Promise.all(
      bySize.map((d) =>
        pool.run({ type: 'scan', root, rel: d.rel, plant: d.plantable, ocr: d.ocr, lexiconPath: lex.path }).then((r) => {
          scanned.set(d.rel, { ...r, bytes: d.bytes, ocr: d.ocr, plantable: d.plantable });
          if (++done % 200 === 0) log(`  scanned ${done}/${docs.length}`);
        }),
      ),
    );
    const scans = docs.map((d) => scanned.get(d.rel));
    const scanMs = performance.now() - t1;
    log(`  scan: ${(scanMs / 1000).toFixed(1)} s`);

    // 2. choose plantings
    const wanted = kinds ? new Set(kinds) : undefined;
    const byKind = new Map();
    const dropped = {};
    for (const s of scans) {
      if (!s.sites) continue;
      for (const [k, n] of Object.entries(s.dropped)) dropped[k] = (dropped[k] ?? 0) + n;
      for (const site of s.sites) {
        if (wanted && !wanted.has(site.kind)) continue;
        const list = byKind.get(site.kind) ?? [];
        list.push({ rel: s.rel, site });
        byKind.set(site.kind, list);
      }
    }
    const plantings = [];
    const available = {};
    for (const kind of KINDS) {
      const sites = byKind.get(kind.id) ?? [];
      available[kind.id] = sites.length;
      const t = short ? TARGET_SHORT : TARGET;
      const chosen = selectKind(kind.id, sites, { target: t, cap: short ? CAP_SHORT : CAP, seed: SEED });
      for (const c of chosen) plantings.push({ id: c.id, rel: c.rel, kind: kind.id, shape: c.site.shape, edits: c.site.edits, lines: c.site.lines, rules: KIND_BY_ID.get(kind.id).rules, suite: 'natural' });
    }
    // 2b. the phrasing suite: report-like sentences inserted into real documents
    const suite = phrasingPlantings(scans.filter((s) => s.plantable && s.sites), root, { seed: SEED, short, kinds: wanted, lexicon: lex.lexicon });
    plantings.push(...suite);
    log(`  plantings: ${plantings.length} (${suite.length} in the phrasing suite)`);

    // 3. lint every planting, grouped by document
    const t3 = performance.now();
    const groups = new Map();
    for (const p of plantings) (groups.get(p.rel) ?? groups.set(p.rel, []).get(p.rel)).push(p);
    const results = new Map();
    const batches = [];
    for (const [rel, ps] of groups) for (let i = 0; i < ps.length; i += 40) batches.push({ rel, ps: ps.slice(i, i + 40) });
    batches.sort((a, b) => (scanned.get(b.rel)?.bytes ?? 0) * b.ps.length - (scanned.get(a.rel)?.bytes ?? 0) * a.ps.length);
    done = 0;
    await Promise.all(
      batches.map((b) =>
        pool.run({ type: 'plant', root, rel: b.rel, plantings: b.ps.map(({ id, edits, lines, rules, control }) => ({ id, edits, lines, rules, control })) }).then((rs) => {
          for (const r of rs) results.set(r.id, r);
          done += b.ps.length;
          if (done % 1000 < b.ps.length) log(`  planted ${done}/${plantings.length}`);
        }),
      ),
    );
    const plantMs = performance.now() - t3;
    log(`  plant: ${(plantMs / 1000).toFixed(1)} s`);
    for (const p of plantings) Object.assign(p, results.get(p.id));

    // 4. summaries
    mkdirSync(outDir, { recursive: true });
    const summary = summarise({ plantings, scans, available, dropped, short });
    const ciRels = new Set(listCorpus(SAMPLE).map((d) => d.rel));
    const precision = precisionReport({ scans, root, outDir, seed: SEED, verdictsPath: join(HERE, 'verdicts.jsonl'), sampleSize: short ? 0 : SAMPLE_PER_STRATUM, ciRels });
    if (!short) writeReview({ precision, scans, root, outDir });
    writeMisses(plantings, root, outDir);
    writeFileSync(
      join(outDir, 'scans.jsonl'),
      scans.map((s) => JSON.stringify({ rel: s.rel, bytes: s.bytes, lang: s.lang, ocr: s.ocr, plantable: s.plantable, lintMs: Math.round(s.lintMs), sites: s.sites ? countBy(s.sites.map((x) => x.kind)) : {}, findings: countBy(s.findings.map((f) => `${f.ruleId}/${f.severity}`)) })).join('\n') + '\n',
    );
    writeFileSync(join(outDir, 'plantings.jsonl'), plantings.map((p) => JSON.stringify({ id: p.id, kind: p.kind, shape: p.shape, suite: p.suite, rel: p.rel, lines: p.lines, edits: p.edits, found: p.found ?? null, invalid: p.invalid ?? false, byRule: p.byRule, messageIds: p.messageIds })).join('\n') + '\n');
    return {
      meta: { mode: short ? 'short' : 'full', seed: SEED, documents: docs.length, jobs, target: short ? TARGET_SHORT : TARGET, cap: short ? CAP_SHORT : CAP, perTemplate: short ? 3 : 14, scanMs: Math.round(scanMs), plantMs: Math.round(plantMs) },
      ...summary,
      precision: precision.summary,
    };
  } finally {
    await pool.destroy();
  }
}

const TARGET = 110;
const CAP = 2;
const TARGET_SHORT = 25;
const CAP_SHORT = 3;
const SAMPLE_PER_STRATUM = 50;

function writeMisses(plantings, root, outDir) {
  const dir = join(outDir, 'misses');
  mkdirSync(dir, { recursive: true });
  const byKind = new Map();
  for (const p of plantings) if (p.found === false) (byKind.get(p.kind) ?? byKind.set(p.kind, []).get(p.kind)).push(p);
  const texts = new Map();
  for (const [kind, ps] of byKind) {
    const lines = [`# Missed plantings: ${kind}`, '', KIND_BY_ID.get(kind).what, '', `${ps.length} missed; the first 25 (expected rules: ${KIND_BY_ID.get(kind).rules.join(', ')}).`, ''];
    for (const p of ps.slice(0, 25)) {
      if (!texts.has(p.rel)) texts.set(p.rel, readFileSync(join(root, p.rel), 'utf8'));
      const text = texts.get(p.rel);
      const e = p.edits[0];
      const ls = text.lastIndexOf('\n', e.start - 1) + 1;
      let le = text.indexOf('\n', e.end);
      if (le < 0) le = text.length;
      const from = Math.max(ls, e.start - 160);
      const to = Math.min(le, e.end + 160);
      lines.push(`- ${p.rel}:${p.lines.join(',')} (${p.suite}, ${p.shape}): \`${oneLine(text.slice(e.start, e.end))}\` -> \`${oneLine(e.text)}\``);
      lines.push(`  > …${oneLine(text.slice(from, e.start))}⟦${oneLine(e.text)}⟧${oneLine(text.slice(e.end, to))}…`);
    }
    writeFileSync(join(dir, `${kind}.md`), lines.join('\n') + '\n');
  }
}

function countBy(list) {
  const o = {};
  for (const x of list) o[x] = (o[x] ?? 0) + 1;
  return o;
}

function oneLine(s) {
  return s.replace(/\t/g, ' ⇥ ').replace(/\n/g, ' ⏎ ');
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const short = flag('short') || flag('update-floors');
  const limit = opt('limit') ? Number(opt('limit')) : Infinity;
  const jobs = Number(opt('jobs', 2));
  const kinds = opt('kinds') ? opt('kinds').split(',') : undefined;
  const load = loadavg()[0];
  const r = await runBench({ short, limit, jobs, kinds });
  r.meta.date = new Date().toISOString().slice(0, 10);
  r.meta.commit = git(['rev-parse', '--short', 'HEAD']);
  // the rules measured: the last commit that touched src/ (stays the same when the bench's own commits are rebased)
  r.meta.srcCommit = git(['log', '-1', '--format=%h', '--', 'src']);
  r.meta.dirty = git(['status', '--porcelain', '--', 'src']) !== '';
  r.meta.node = process.version;
  r.meta.cpus = `${cpus().length} × ${cpus()[0]?.model ?? '?'}`;
  r.meta.loadBefore = Math.round(load * 100) / 100;
  r.meta.loadAfter = Math.round(loadavg()[0] * 100) / 100;
  r.meta.runtimeMs = Math.round(performance.now() - started);
  const cpu = process.cpuUsage(); // the whole process, worker threads included
  r.meta.cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const partial = Number.isFinite(limit) || kinds;
  if (short) {
    writeFileSync(join(HERE, 'out', 'short.json'), JSON.stringify(r, null, 1) + '\n');
    const floorsPath = join(HERE, 'floors.json');
    if (flag('update-floors')) {
      const { floors, raised } = raiseFloors(existsSync(floorsPath) ? JSON.parse(readFileSync(floorsPath, 'utf8')) : undefined, r);
      writeFileSync(floorsPath, JSON.stringify(floors, null, 2) + '\n');
      console.log(raised.length ? `floors raised:\n${raised.map((x) => `  ${x}`).join('\n')}` : 'no floor rose');
    } else if (existsSync(floorsPath)) {
      const unmeasured = [];
      const below = compareFloors(JSON.parse(readFileSync(floorsPath, 'utf8')), r, unmeasured);
      if (unmeasured.length) console.log(`not measured any more (no judged finding left):\n${unmeasured.map((x) => `  ${x}`).join('\n')}`);
      console.log(below.length ? `BELOW FLOOR:\n${below.map((x) => `  ${x}`).join('\n')}` : 'every figure at or above its floor');
      if (below.length) process.exitCode = 1;
    }
  } else if (!partial) {
    mkdirSync(join(HERE, 'results'), { recursive: true });
    writeFileSync(join(HERE, 'results', 'latest.json'), JSON.stringify(r, null, 1) + '\n');
    if (!flag('no-docs')) writeFileSync(join(REPO, 'docs', 'ACCURACY.md'), renderAccuracy(r, existsSync(join(HERE, 'floors.json')) ? JSON.parse(readFileSync(join(HERE, 'floors.json'), 'utf8')) : undefined, r.meta.mode === 'full' ? loadBaseline(HERE) : undefined));
  } else {
    writeFileSync(join(HERE, 'out', 'partial.json'), JSON.stringify(r, null, 1) + '\n');
  }
  console.error(`accuracy: ${(r.meta.runtimeMs / 1000).toFixed(1)} s (load average ${r.meta.loadBefore} before, ${r.meta.loadAfter} after)`);
  console.log(JSON.stringify({ plantings: r.recall.total, documents: r.recall.documents, families: Object.fromEntries(Object.entries(r.recall.byFamily).map(([f, v]) => [f, `${v.found}/${v.plantings}`])) }));
}

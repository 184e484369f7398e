// File fuzzing (issue 22): real .docx files (the fixtures and LibreOffice conversions of
// ../shared/corpus/real) and PDFs (conversions and generated ones) mutated: byte flips,
// truncation, deep nesting, duplicated and missing parts, damaged XML and zip headers;
// truncated, encrypted, self-referencing, lying and 10,000-page PDFs. Every case must end within
// its deadline (--time-budget plus a grace period for start-up and output), exit 0, 1 or 2
// without "internal error", and stay under 1 GB of RSS.
//
// CI runs a short form (FUZZ_FILE_CASES, default 24, no LibreOffice conversions).
// `npm run fuzz` runs 10,000 cases: FUZZ_FILE_CASES=10000 FUZZ_LIBREOFFICE=1. A stretch of a long
// run is rerun with FUZZ_FIRST_CASE=<n> FUZZ_FILE_CASES=<count> (a case is rebuilt from its number
// and the seed); a crashed worker's last lines of stderr are kept with the case.
//
// Last full run (2026-12-01, seed 20261128, 10,000 cases, load average ~NN on 2 cores):
// see the report of issue 22 (numbers are filled in from the run's summary line).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzFiles } from './fuzz/run.js';
import { loadSeeds } from './fuzz/seeds.js';

const CASES = Number(process.env.FUZZ_FILE_CASES ?? 24);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const FIRST = Number(process.env.FUZZ_FIRST_CASE ?? 0);
const BUDGET_S = Number(process.env.FUZZ_BUDGET_S ?? (CASES >= 1000 ? 10 : 3));
const GRACE_S = Number(process.env.FUZZ_GRACE_S ?? 10);
const LIBREOFFICE = process.env.FUZZ_LIBREOFFICE === '1';

describe('mutated .docx and .pdf files', () => {
  it(`${CASES} cases: no hang past the deadline, no exit outside 0/1/2, no RSS over 1 GB`, async () => {
    const seeds = loadSeeds({ libreoffice: LIBREOFFICE, corpus: 12 });
    for (const n of seeds.notes) console.warn(`[fuzz] ${n}`);
    const s = await fuzzFiles({
      cases: CASES,
      first: FIRST,
      seed: SEED,
      budgetS: BUDGET_S,
      graceS: GRACE_S,
      cliEvery: CASES >= 1000 ? 50 : 8,
      dir: mkdtempSync(join(tmpdir(), 'rl-fuzz-')),
      keep: resolve(__dirname, '../../node_modules/.cache/reportlint-fuzz/failing'),
      seeds,
      memoryLimitMb: 1024,
      log: CASES >= 1000 ? (m) => console.log(`[fuzz] ${m}`) : undefined,
    });
    const line = `[fuzz] ${s.cases} cases (${s.cliCases} through the CLI binary; seeds: ${seeds.docx.length} .docx, ${seeds.pdf.length} .pdf) in ${s.wallS} s: exits ${JSON.stringify(s.exits)}; max ${Math.round(s.maxMs.ms)} ms (${s.maxMs.name}); max peak RSS ${Math.round(s.maxPeakMb.mb)} MB (${s.maxPeakMb.name}); hangs ${s.hangs.length}, bad exits ${s.badExits.length}, over 1 GB ${s.overMemory.length}`;
    console.log(line);
    if (CASES >= 1000) console.log(`[fuzz] kinds ${JSON.stringify(s.byKind)}`);
    expect(s.hangs.map((c) => `${c.id} ${c.name}`)).toEqual([]);
    expect(s.badExits.map((c) => `${c.id} ${c.name}: ${c.code} ${c.stderr}`)).toEqual([]);
    expect(s.overMemory.map((c) => `${c.id} ${c.name}`)).toEqual([]);
    expect(s.cases).toBe(CASES);
  }, Math.max(120_000, CASES * 5_000));
});

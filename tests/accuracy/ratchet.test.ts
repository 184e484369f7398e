// The accuracy ratchet: the CI short form of the accuracy bench (bench/accuracy/run.mjs --short,
// on the committed documents of bench/accuracy/sample/) must keep the recall of every rule
// family and the judged precision of every rule at or above bench/accuracy/floors.json. Floors
// only move up (npm run accuracy -- --update-floors), by a commit that says why.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { runBench } from '../../bench/accuracy/run.mjs';
// @ts-expect-error plain JS module without types
import { compareFloors, ratchetFigures } from '../../bench/accuracy/lib/floors.mjs';

describe('accuracy ratchet (short form)', () => {
  it('keeps recall per family and judged precision per rule at or above the floors', async () => {
    const floors = JSON.parse(readFileSync('bench/accuracy/floors.json', 'utf8'));
    const r = await runBench({ short: true, quiet: true, outDir: mkdtempSync(join(tmpdir(), 'rl-accuracy-')) });
    expect(r.recall.total).toBeGreaterThan(500);
    const below = compareFloors(floors, r);
    expect(below, `below the floor:\n${below.join('\n')}\nnow: ${JSON.stringify(ratchetFigures(r))}`).toEqual([]);
  }, 240_000);
});

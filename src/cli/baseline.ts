// Baseline files for repositories that adopt reportlint late: `--update-baseline` records today's
// findings, `--baseline <file>` hides them. Fingerprints and hiding are pure and live in
// src/engine/fingerprint.ts; this file reads and writes the baseline file. It is read through the
// reading boundary (src/cli/read.ts) and checked against its schema (src/cli/schemas.ts): a
// malformed baseline is one line naming the key path, never an internal error.

import { dirname, relative, resolve, sep } from 'node:path';
import type { Baseline, BaselineEntry } from '../engine/fingerprint.js';
import { DATA_LIMIT, readTextFile, ReadError } from './read.js';
import { baselineSchema, checkData, DataError, parseJson, topLevel } from './schemas.js';
import { writeFileAtomic } from './safe-write.js';

export { applyBaseline, entriesFor, fingerprint, fingerprintParts, type Baseline, type BaselineEntry } from '../engine/fingerprint.js';

export function baselineKey(baselinePath: string, filePath: string): string {
  return relative(dirname(resolve(baselinePath)), resolve(filePath)).split(sep).join('/');
}

export class BaselineError extends Error {}

export async function readBaseline(path: string): Promise<Baseline | undefined> {
  let raw: string | undefined;
  try {
    raw = await readTextFile(path, DATA_LIMIT, true);
  } catch (e) {
    if (e instanceof ReadError) throw new BaselineError(`${path}: cannot read baseline: ${e.message}`);
    throw e;
  }
  if (raw === undefined) return undefined;
  try {
    const data = parseJson(raw);
    if (!topLevel(data, 'files', 'object')) throw new DataError('not a reportlint baseline (expected {"version": 1, "files": {...}})');
    return checkData(baselineSchema, data) as Baseline;
  } catch (e) {
    if (e instanceof DataError) throw new BaselineError(`${path}: ${e.message}`);
    throw e;
  }
}

/** Writes the baseline: entries of linted files replaced, other files' entries kept. */
export async function writeBaseline(path: string, previous: Baseline | undefined, updates: Map<string, BaselineEntry[]>, force = false): Promise<void> {
  const files: Record<string, BaselineEntry[]> = { ...(previous?.files ?? {}) };
  for (const [k, v] of updates) {
    if (v.length) files[k] = v;
    else delete files[k];
  }
  const sorted: Record<string, BaselineEntry[]> = {};
  for (const k of Object.keys(files).sort()) sorted[k] = files[k];
  const out: Baseline = { version: 1, files: sorted };
  await writeFileAtomic(path, JSON.stringify(out, null, 2) + '\n', { force });
}

// Baseline files for repositories that adopt reportlint late: `--update-baseline` records today's
// findings, `--baseline <file>` hides them. Fingerprints and hiding are pure and live in
// src/engine/fingerprint.ts; this file reads and writes the baseline file.

import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Baseline, BaselineEntry } from '../engine/fingerprint.js';
import { writeFileAtomic } from './safe-write.js';

export { applyBaseline, entriesFor, fingerprint, fingerprintParts, type Baseline, type BaselineEntry } from '../engine/fingerprint.js';

export function baselineKey(baselinePath: string, filePath: string): string {
  return relative(dirname(resolve(baselinePath)), resolve(filePath)).split(sep).join('/');
}

export class BaselineError extends Error {}

export async function readBaseline(path: string): Promise<Baseline | undefined> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BaselineError(`${path}: cannot read baseline: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new BaselineError(`${path}: invalid JSON: ${(e as Error).message}`);
  }
  const b = data as Partial<Baseline>;
  if (!b || b.version !== 1 || typeof b.files !== 'object' || b.files === null) throw new BaselineError(`${path}: not a reportlint baseline (expected {"version": 1, "files": {...}})`);
  return b as Baseline;
}

/** Writes the baseline: entries of linted files replaced, other files' entries kept. */
export async function writeBaseline(path: string, previous: Baseline | undefined, updates: Map<string, BaselineEntry[]>): Promise<void> {
  const files: Record<string, BaselineEntry[]> = { ...(previous?.files ?? {}) };
  for (const [k, v] of updates) {
    if (v.length) files[k] = v;
    else delete files[k];
  }
  const sorted: Record<string, BaselineEntry[]> = {};
  for (const k of Object.keys(files).sort()) sorted[k] = files[k];
  const out: Baseline = { version: 1, files: sorted };
  await writeFileAtomic(path, JSON.stringify(out, null, 2) + '\n');
}

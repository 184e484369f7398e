// Which documents the bench reads. Full form: ../shared/corpus/{large,real} (every .txt);
// short form: the committed copies under bench/accuracy/sample/ (same relative paths, so
// verdicts judged on the full corpus apply to them). Paths are relative to the corpus root and
// use '/'.

import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const HERE = resolve(import.meta.dirname, '..');
export const REPO = resolve(HERE, '../..');
export const SHARED = process.env.ACCURACY_CORPUS ?? resolve(REPO, '../shared/corpus');
export const SAMPLE = join(HERE, 'sample');

/** Documents too large to plant in (the bench lints each planting: big files cost time, not insight). */
export const MAX_PLANT_BYTES = 300_000;

function walk(dir, rel, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    const st = statSync(p);
    if (st.isDirectory()) walk(p, r, out);
    else if (name.endsWith('.txt')) out.push({ rel: r, bytes: st.size });
  }
}

export function isOcr(rel) {
  return rel.startsWith('large/vi/pjj-tax-pdf/');
}

/** The plantable documents: corpus/large/vi except the OCR folder, corpus/real/{vi,en}. */
export function isPlantable(doc) {
  if (isOcr(doc.rel) || doc.bytes > MAX_PLANT_BYTES) return false;
  return doc.rel.startsWith('large/vi/') || doc.rel.startsWith('real/vi/') || doc.rel.startsWith('real/en/');
}

export function listCorpus(root) {
  const out = [];
  for (const top of ['large', 'real']) {
    try {
      walk(join(root, top), top, out);
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
  }
  return out.map((d) => ({ ...d, ocr: isOcr(d.rel), plantable: isPlantable(d) }));
}

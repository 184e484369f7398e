// Choosing plantings from the sites: per kind a target count, at most `cap` per document, shapes
// taken in turn and documents not yet used first, so that no document or phrasing dominates.
// Deterministic: priorities come from a seeded hash of each site.

import { rank } from './prng.mjs';

export function plantingId(kind, rel, site) {
  const e = site.edits[0];
  return `${kind}|${rel}|${e.start}|${e.end}|${e.text}`;
}

/**
 * sites: [{ rel, site }] of one kind. Returns the chosen ones, in a stable order.
 * targets: how many; cap: per document.
 */
export function selectKind(kind, sites, { target, cap, seed }) {
  const byShape = new Map();
  for (const s of sites) {
    const id = plantingId(kind, s.rel, s.site);
    const list = byShape.get(s.site.shape) ?? [];
    list.push({ ...s, id, prio: rank(seed, id) });
    byShape.set(s.site.shape, list);
  }
  const shapes = [...byShape.keys()].sort();
  for (const sh of shapes) byShape.get(sh).sort((a, b) => a.prio - b.prio || (a.id < b.id ? -1 : 1));
  const perDoc = new Map();
  const anchors = new Set();
  const chosen = [];
  let progress = true;
  while (chosen.length < target && progress) {
    progress = false;
    for (const sh of shapes) {
      if (chosen.length >= target) break;
      const usable = (x) => (perDoc.get(x.rel) ?? 0) < cap && !anchors.has(`${x.rel}|${x.site.anchor}`);
      const q = byShape.get(sh).filter(usable);
      byShape.set(sh, q);
      // a document not used yet for this kind first, else the least used one
      let at = -1;
      let bestCount = Infinity;
      for (let i = 0; i < q.length && bestCount > 0; i++) {
        const c = perDoc.get(q[i].rel) ?? 0;
        if (c < bestCount) {
          bestCount = c;
          at = i;
        }
      }
      if (at < 0) continue;
      const [pickd] = q.splice(at, 1);
      chosen.push(pickd);
      perDoc.set(pickd.rel, (perDoc.get(pickd.rel) ?? 0) + 1);
      anchors.add(`${pickd.rel}|${pickd.site.anchor}`);
      progress = true;
    }
  }
  return chosen.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

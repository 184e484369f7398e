// The ratchet of the CI short form: floors.json holds, for the short form, the recall of each
// family and the judged precision of each rule. A run fails when a figure falls below its
// floor; `--update-floors` writes the current figures where they are higher (never lower).

const EPS = 1e-9;

/** The figures the ratchet watches, from a short-form result. */
export function ratchetFigures(r) {
  const recall = {};
  for (const [f, t] of Object.entries(r.combined.byFamily)) if (t.plantings) recall[f] = Math.round((t.found / t.plantings) * 1000) / 1000;
  const precision = {};
  for (const [rule, p] of Object.entries(r.precision.byRule)) if (p.judged) precision[rule] = p.precision;
  return { recall, precision };
}

/**
 * The figures below their floor. A recall floor of a family that has no plantings any more is a
 * failure (the short form lost a family); a precision floor of a rule whose judged findings no
 * longer occur is not (the judged false alarms went away: there is nothing left to measure), and
 * is listed in `unmeasured` instead.
 */
export function compareFloors(floors, r, unmeasured = []) {
  const now = ratchetFigures(r);
  const below = [];
  for (const sec of ['recall', 'precision']) {
    for (const [k, floor] of Object.entries(floors[sec] ?? {})) {
      const v = now[sec][k];
      if (v === undefined) (sec === 'recall' ? below : unmeasured).push(`${sec} ${k}: no longer measured (floor ${floor})`);
      else if (v + EPS < floor) below.push(`${sec} ${k}: ${v} < floor ${floor}`);
    }
  }
  return below;
}

export function raiseFloors(floors, r) {
  const now = ratchetFigures(r);
  const out = { note: 'Floors of the CI short form (tests/accuracy/ratchet.test.ts). They only move up, by a commit that says why: node bench/accuracy/run.mjs --update-floors.', recall: { ...(floors?.recall ?? {}) }, precision: { ...(floors?.precision ?? {}) } };
  const raised = [];
  for (const sec of ['recall', 'precision']) {
    for (const [k, v] of Object.entries(now[sec])) {
      const old = out[sec][k];
      if (old === undefined || v > old + EPS) {
        raised.push(`${sec} ${k}: ${old ?? '-'} -> ${v}`);
        out[sec][k] = v;
      }
    }
    out[sec] = Object.fromEntries(Object.entries(out[sec]).sort());
  }
  return { floors: out, raised };
}

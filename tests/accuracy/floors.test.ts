// The ratchet's arithmetic (bench/accuracy/lib/floors.mjs): floors only rise, a figure below its
// floor fails, a rule whose judged findings went away is not a failure.

import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { compareFloors, raiseFloors, ratchetFigures } from '../../bench/accuracy/lib/floors.mjs';

const result = (found: number, judged: number, trues: number) => ({
  combined: { byFamily: { figures: { plantings: 200, found }, words: { plantings: 0, found: 0 } } },
  precision: { byRule: { spelling: { judged, precision: judged ? trues / judged : null }, 'tone-style': { judged: 0, precision: null } } },
});

describe('floors', () => {
  it('reads recall per family with plantings and precision per judged rule', () => {
    expect(ratchetFigures(result(50, 4, 3))).toEqual({ recall: { figures: 0.25 }, precision: { spelling: 0.75 } });
  });
  it('rises where the figure rose and never falls', () => {
    const first = raiseFloors(undefined, result(50, 4, 3)).floors;
    expect([first.recall, first.precision]).toEqual([{ figures: 0.25 }, { spelling: 0.75 }]);
    const { floors, raised } = raiseFloors(first, result(40, 4, 4));
    expect([floors.recall, floors.precision]).toEqual([{ figures: 0.25 }, { spelling: 1 }]);
    expect(raised).toEqual(['precision spelling: 0.75 -> 1']);
  });
  it('fails below a floor, not at it; a vanished judged rule is only noted', () => {
    const floors = { recall: { figures: 0.25 }, precision: { spelling: 0.75 } };
    expect(compareFloors(floors, result(50, 4, 3))).toEqual([]);
    expect(compareFloors(floors, result(49, 4, 3))).toEqual(['recall figures: 0.245 < floor 0.25']);
    const unmeasured: string[] = [];
    expect(compareFloors(floors, result(50, 0, 0), unmeasured)).toEqual([]);
    expect(unmeasured).toEqual(['precision spelling: no longer measured (floor 0.75)']);
    expect(compareFloors({ recall: { citations: 0.3 } }, result(50, 4, 3))).toEqual(['recall citations: no longer measured (floor 0.3)']);
  });
});

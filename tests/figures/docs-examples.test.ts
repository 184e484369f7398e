// The examples of the figure rules' docs pages: each Flagged block gives exactly one finding of
// the rule, each Not flagged block none.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

for (const id of ['sum-mismatch', 'table-sum-mismatch', 'count-mismatch', 'number-format']) {
  describe(`docs/rules/${id}.md examples`, () => {
    const md = readFileSync(`docs/rules/${id}.md`, 'utf8');
    const section = md.slice(md.indexOf('## Examples'), md.indexOf('## Options'));
    let label = '';
    let n = 0;
    for (const m of section.matchAll(/^(Flagged:|Not flagged:)$|^```(text|markdown)\n([^]*?)^```$/gm)) {
      if (m[1]) {
        label = m[1];
        continue;
      }
      const expected = label === 'Flagged:' ? 1 : 0;
      const ext = m[2] === 'markdown' ? 'md' : 'txt';
      const body = m[3];
      it(`${label} example ${++n} gives ${expected} finding(s)`, () => {
        expect(lintText(body, `example.${ext}`, { only: [id] }).findings.filter((f) => f.ruleId === id)).toHaveLength(expected);
      });
    }
    it('has at least two flagged and two unflagged examples', () => expect(n).toBeGreaterThanOrEqual(4));
  });
}

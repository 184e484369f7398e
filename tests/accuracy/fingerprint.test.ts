// Finding fingerprints (bench/accuracy/lib/fingerprint.mjs) carry the verdicts: they must
// survive text added elsewhere, tell copies apart and change when the finding's text changes;
// and judge.mjs must merge verdicts without losing or duplicating any.

import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { assignIds, fingerprint } from '../../bench/accuracy/lib/fingerprint.mjs';
// @ts-expect-error plain JS module without types
import { merge, parseLines, serialise } from '../../bench/accuracy/judge.mjs';

const text = 'Mở đầu.\nTổng số 120 hộ, trong đó 45 hộ nghèo.\nKết luận.\n';
const at = (t: string, s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });

describe('fingerprint', () => {
  it('survives lines added before and after, and white space changes around', () => {
    const a = at(text, '120 hộ');
    const id = fingerprint('sum-mismatch', 'real/vi/x.txt', text, a.start, a.end);
    const moved = 'Dòng mới.\nDòng mới nữa.\n' + text + 'Phụ lục.\n';
    const b = at(moved, '120 hộ');
    expect(fingerprint('sum-mismatch', 'real/vi/x.txt', moved, b.start, b.end)).toBe(id);
    const spaced = text.replace('Tổng số 120', 'Tổng số  120');
    const c = at(spaced, '120 hộ');
    expect(fingerprint('sum-mismatch', 'real/vi/x.txt', spaced, c.start, c.end)).toBe(id);
  });
  it('changes with the rule, the file, the span and its neighbourhood', () => {
    const a = at(text, '120 hộ');
    const id = fingerprint('sum-mismatch', 'real/vi/x.txt', text, a.start, a.end);
    expect(fingerprint('count-mismatch', 'real/vi/x.txt', text, a.start, a.end)).not.toBe(id);
    expect(fingerprint('sum-mismatch', 'real/vi/y.txt', text, a.start, a.end)).not.toBe(id);
    const other = text.replace('120', '121');
    const b = at(other, '121 hộ');
    expect(fingerprint('sum-mismatch', 'real/vi/x.txt', other, b.start, b.end)).not.toBe(id);
    const near = text.replace('45 hộ', '46 hộ');
    expect(fingerprint('sum-mismatch', 'real/vi/x.txt', near, a.start, a.end)).not.toBe(id);
  });
  it('numbers identical findings in one file', () => {
    const t = 'Lặp lại.\nLặp lại.\n';
    const f = [
      { ruleId: 'duplicate-paragraph', offset: 0, endOffset: 8 },
      { ruleId: 'duplicate-paragraph', offset: 9, endOffset: 17 },
    ];
    const ids = assignIds('a.txt', t, f);
    expect(ids[0]).not.toBe(ids[1]);
    expect(assignIds('a.txt', 'Thêm.\n' + t, f.map((x) => ({ ...x, offset: x.offset + 6, endOffset: x.endOffset + 6 })))).toEqual(ids);
  });
});

describe('judge merge', () => {
  const line = (id: string, verdict: boolean | null, reason = 'r') => ({ id, rule: 'spelling', messageId: 'unknown', severity: 'warning', file: 'a.txt', line: 1, quote: 'x', verdict, reason });
  it('adds judged lines, replaces a re-judged one, skips unjudged ones', () => {
    const old = [line('0000000000000001', true)];
    const { list, added, replaced } = merge(old, [line('0000000000000001', false, 'on second look a name'), line('0000000000000002', true), line('0000000000000003', null, '')]);
    expect([added, replaced]).toEqual([1, 1]);
    expect(list.map((v: { id: string; verdict: boolean }) => [v.id, v.verdict])).toEqual([
      ['0000000000000001', false],
      ['0000000000000002', true],
    ]);
    expect(parseLines(serialise(list), 'x')).toEqual(list);
  });
  it('refuses a verdict without a reason and a malformed id', () => {
    expect(() => parseLines(JSON.stringify(line('0000000000000001', true, '')), 'f')).toThrow(/reason/);
    expect(() => parseLines(JSON.stringify(line('12', true)), 'f')).toThrow(/fingerprint/);
  });
});

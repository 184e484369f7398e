import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script of the bench, no types
import { merge, parseLines, serialise } from '../../bench/accuracy/judge.mjs';

const line = (over: Record<string, unknown>) => JSON.stringify({ id: '0123456789abcdef', rule: 'spelling', messageId: 'fromDocument', severity: 'warning', file: 'real/vi/x.txt', line: 3, quote: 'nhệm', verdict: true, reason: 'typo', ...over });

describe('judge.mjs merge', () => {
  it('keeps the held-out date of a verdict from a held-out sample and drops unknown fields', () => {
    const incoming = parseLines(line({ heldOut: '2026-12-02', extra: 1 }), 'x');
    const { list, added } = merge([], incoming);
    expect(added).toBe(1);
    expect(list[0].heldOut).toBe('2026-12-02');
    expect('extra' in list[0]).toBe(false);
    expect(serialise(list)).toBe(JSON.stringify({ ...JSON.parse(line({})), heldOut: '2026-12-02' }) + '\n');
  });
  it('writes no heldOut field for an ordinary verdict, and skips unjudged lines', () => {
    const { list, added } = merge([], parseLines([line({}), line({ id: 'fedcba9876543210', verdict: null })].join('\n'), 'x'));
    expect(added).toBe(1);
    expect('heldOut' in list[0]).toBe(false);
  });
});

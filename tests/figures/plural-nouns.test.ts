// English counts name what they count by a plural noun, whatever the noun (quantities.ts,
// NOT_PLURAL_ENDINGS_EN): a counted noun the lexicon does not list is read by its form.

import { describe, expect, it } from 'vitest';
import { readUnit } from '../../src/facts/quantities.js';

const unitAfter = (text: string) => {
  const u = readUnit(text, text.indexOf(' '));
  return `${u.unit.family} ${u.unit.noun ?? ''}`.trim();
};

describe('readUnit: an English plural noun after a figure', () => {
  it('a plural noun the lexicon does not list is a counted noun', () => {
    expect(unitAfter('843 individuals, including')).toBe('count individuals');
    expect(unitAfter('1,773 awards in 2024')).toBe('count awards');
    expect(unitAfter('64 grantees.')).toBe('count grantees');
  });
  it('endings that are no plural, function and time words are not', () => {
    expect(unitAfter('5 less than')).toBe('none');
    expect(unitAfter('3 bonus payments')).toBe('none');
    expect(unitAfter('4 various offices')).toBe('none');
    expect(unitAfter('2 was reported')).toBe('none');
    expect(unitAfter('6 weeks')).toBe('time weeks');
  });
  it('a verb in -s followed by an article or clause word is not', () => {
    expect(unitAfter('2 requires the agency')).toBe('none');
    expect(unitAfter('3 illustrates how')).toBe('none');
    expect(unitAfter('3 states that the')).toBe('count states');
  });
  it('a capitalised word or one with an apostrophe is not', () => {
    expect(unitAfter('5 Reports')).toBe('none');
    expect(unitAfter("5 agency's")).toBe('none');
  });
});

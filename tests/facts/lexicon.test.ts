// The phrase-list builder: whole words only, longest phrase first, any white space between words,
// case-insensitive, matches at, ending at and anywhere, each with exact offsets.

import { describe, expect, it } from 'vitest';
import { phraseList } from '../../src/facts/lexicon/index.js';

const cues = phraseList(['tổng', 'tổng cộng', 'trong đó', 'of which']);

describe('phraseList', () => {
  it('prefers the longest phrase and reports exact offsets', () => {
    expect(cues.at('  Tổng cộng: 750 triệu')).toEqual({ phrase: 'Tổng cộng', start: 2, end: 11 });
    expect(cues.at('tổng số 5')).toEqual({ phrase: 'tổng', start: 0, end: 4 });
  });
  it('matches whole words only', () => {
    expect(cues.at('tổngkết')).toBeUndefined();
    expect(cues.all('xtổng tổng, trong   đó')).toEqual([
      { phrase: 'tổng', start: 6, end: 10 },
      { phrase: 'trong   đó', start: 12, end: 22 },
    ]);
  });
  it('finds a phrase ending at a position, not one glued to a word before it', () => {
    expect(cues.endingAt('1.250 hộ, trong đó ')).toEqual({ phrase: 'trong đó', start: 10, end: 18 });
    expect(cues.endingAt('million, of which')).toEqual({ phrase: 'of which', start: 9, end: 17 });
    expect(cues.endingAt('không trong đóx')).toBeUndefined();
    expect(cues.endingAt('xtổng')).toBeUndefined();
  });
  it('answers membership on normalised text', () => {
    expect(cues.has(' Trong  Đó ')).toBe(true);
    expect(cues.has('trong')).toBe(false);
  });
  it('refuses an empty list', () => {
    expect(() => phraseList([])).toThrow();
  });
});

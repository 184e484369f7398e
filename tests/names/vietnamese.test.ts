// Vietnamese text handling (src/facts/vietnamese.ts) and the name/term/spelling rules on the
// example report: exact findings, messages and suggested fixes, plus linear-time inputs.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { canonicalTone, foldKey, isSyllable, toneKey, toneStyle, withToneStyle } from '../../src/facts/vietnamese.js';

describe('vietnamese text handling', () => {
  it('folds tone placement to one convention', () => {
    expect(canonicalTone('hòa')).toBe('hoà');
    expect(canonicalTone('thủy')).toBe('thuỷ');
    expect(canonicalTone('Ủy ban')).toBe('Uỷ ban');
    expect(canonicalTone('khỏe')).toBe('khoẻ');
    expect(canonicalTone('hoàn thuyền quý')).toBe('hoàn thuyền quý');
    expect(canonicalTone('hoà')).toBe('hoà');
  });
  it('tells the two conventions apart and converts between them', () => {
    expect(toneStyle('hòa')).toBe('first');
    expect(toneStyle('hoà')).toBe('second');
    expect(toneStyle('Ủy')).toBe('first');
    expect(toneStyle('hoàn')).toBeUndefined();
    expect(toneStyle('quý')).toBeUndefined();
    expect(withToneStyle('Uỷ', 'first')).toBe('Ủy');
    expect(withToneStyle('thủy', 'second')).toBe('thuỷ');
  });
  it('keys: tone-only and full folding', () => {
    expect(toneKey('Diễn Châu')).toBe('diên châu');
    expect(toneKey('Diên Châu')).toBe(toneKey('DIỄN CHÂU'));
    expect(toneKey('Dien Chau')).not.toBe(toneKey('Diễn Châu'));
    expect(foldKey('Diễn Châu')).toBe('dien chau');
    expect(foldKey('Đặng')).toBe('dang');
  });
  it('the tone key groups exactly what Intl.Collator("vi", base) calls equal', () => {
    const col = new Intl.Collator('vi', { sensitivity: 'base' });
    const pairs: Array<[string, string]> = [['Diễn Châu', 'Diên Châu'], ['Diễn Châu', 'DIỄN CHÂU'], ['Diễn Châu', 'Dien Chau'], ['rà soát', 'ra soát'], ['khối', 'khôi'], ['đồng', 'dong']];
    for (const [a, b] of pairs) expect(toneKey(a) === toneKey(b), `${a} / ${b}`).toBe(col.compare(a, b) === 0);
  });
  it('knows attested syllables in either tone style and in any case', () => {
    expect(isSyllable('nhiệm')).toBe(true);
    expect(isSyllable('nhệm')).toBe(false);
    expect(isSyllable('hòa')).toBe(true);
    expect(isSyllable('Ủy')).toBe(true);
    expect(isSyllable('NHIỆM')).toBe(true);
  });
});

describe('the example report', () => {
  const text = readFileSync('fixtures/example/bao-cao-164-TB-TU.txt', 'utf8');
  const result = lintText(text, 'bao-cao.txt', { only: ['name-variant', 'term-variant', 'spelling', 'tone-style', 'encoding'] });
  const brief = result.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`);

  it('finds exactly the three known problems', () => {
    expect(brief).toEqual(['spelling@17:1', 'name-variant@81:56', 'name-variant@81:124', 'term-variant@171:3']);
  });
  it('names the evidence and offers the fix', () => {
    const byRule = (id: string) => result.findings.filter((f) => f.ruleId === id);
    const [name] = byRule('name-variant');
    expect(name.message).toBe('"Diên Châu" is written "Diễn Châu" 3 times elsewhere in this document.');
    expect(name.related[0].line).toBe(7);
    expect(name.fix?.edits[0].text).toBe('Diễn Châu');
    const [term] = byRule('term-variant');
    expect(term.message).toContain('"Ra soát" is written "Rà soát"');
    expect(term.fix?.edits[0].text).toBe('Rà soát');
    const [spell] = byRule('spelling');
    expect(spell.data.suggestion).toBe('nhiệm');
    expect(spell.message).toContain('"trách nhiệm"');
    expect(spell.fix?.edits[0].text).toBe('nhiệm');
  });
});

describe('robustness', () => {
  it('stays linear on adversarial input', () => {
    const inputs = ['9'.repeat(100_000), '.'.repeat(100_000), 'a@'.repeat(50_000), 'Ã©'.repeat(50_000), ('Diễn ').repeat(20_000), ('hòa hoà ').repeat(10_000)];
    for (const input of inputs) {
      const t0 = performance.now();
      const r = lintText(input, 'x.txt', { only: ['name-variant', 'term-variant', 'spelling', 'tone-style', 'encoding'] });
      expect(r.internalErrors ?? []).toEqual([]);
      expect(performance.now() - t0, input.slice(0, 10)).toBeLessThan(5000);
    }
  });
  it('says nothing on empty or one-word documents', () => {
    for (const input of ['', 'Diễn', 'nhệm']) {
      const r = lintText(input, 'x.txt', { only: ['name-variant', 'term-variant', 'tone-style', 'encoding'] });
      expect(r.findings).toEqual([]);
    }
  });
});

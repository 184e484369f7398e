// The language model (src/data/vi-lm.ts, scripts/build-lexicon.mjs, src/facts/language.ts): a
// rebuild of a small slice of the corpus gives the committed bytes, the decoder reads back exactly
// what the builder counted, and the shipped model knows what the word rules rely on.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeModel, languageModel, MODEL_INFO } from '../../src/facts/language.js';
import { LM_DATA, LM_INFO, LM_WORDS } from '../../src/data/vi-lm.js';
import { build, countCode, encodeParts, listDocuments, count, modelWord, runs, COUNT_BASE } from '../../scripts/build-lexicon.mjs';

const CORPUS = resolve(__dirname, '../../../shared/corpus');
const haveCorpus = existsSync(resolve(CORPUS, 'large/vi')) && existsSync(resolve(CORPUS, 'real/vi'));

describe.skipIf(!haveCorpus)('build-lexicon on a slice of the corpus', () => {
  it('rebuilds the committed slice byte for byte, twice', () => {
    const a = build({ corpus: CORPUS, limit: 1 }).module;
    const b = build({ corpus: CORPUS, limit: 1 }).module;
    expect(a).toBe(b);
    expect(a).toBe(readFileSync(resolve(__dirname, 'lm-slice.expected.txt'), 'utf8'));
  });
  it('decodes to the counts it was built from', () => {
    const docs = listDocuments(CORPUS, 2);
    const counts = count(docs);
    const parts = encodeParts(counts);
    const m = decodeModel(parts.words, parts.data, parts.info);
    // every kept unigram and a spread of kept bigrams read back exactly (bigram counts to the byte's precision)
    let checked = 0;
    for (const [w, e] of counts.uni) {
      const id = m.id(w);
      if (e.docs < 2) {
        expect(id, w).toBe(-1);
        continue;
      }
      expect(m.word(id)).toBe(w);
      expect(m.unigram(id)).toEqual({ count: e.count, docs: e.docs });
      checked++;
    }
    expect(checked).toBe(parts.info.words);
    let pairs = 0;
    for (const [k, e] of counts.bi) {
      const [x, y] = k.split(' ');
      const got = m.bigram(m.id(x), m.id(y));
      if (e.docs < 2 || m.id(x) < 0 || m.id(y) < 0) expect(got.docs, k).toBe(0);
      else {
        expect(got.docs, k).toBe(e.docs);
        expect(got.count, k).toBe(Math.round(COUNT_BASE ** countCode(e.count)));
        pairs++;
      }
    }
    expect(pairs).toBe(parts.info.bigrams);
    // the naive count of one pair over the same documents
    let naive = 0;
    for (const d of docs) for (const r of runs(d.text)) for (let i = 1; i < r.length; i++) if (modelWord(r[i - 1]) === 'của' && modelWord(r[i]) === 'cơ') naive++;
    expect(counts.bi.get('của cơ')?.count ?? 0).toBe(naive);
  });
});

describe('the shipped model', () => {
  it('decodes and agrees with its header', () => {
    const t0 = performance.now();
    const m = decodeModel(LM_WORDS, LM_DATA, LM_INFO);
    const ms = performance.now() - t0;
    expect(m.words).toBe(LM_INFO.words);
    expect(m.bigrams).toBe(LM_INFO.bigrams);
    expect(m.documents).toBe(LM_INFO.documents);
    expect(MODEL_INFO.sources).not.toContain('large/pjj-tax-pdf');
    expect(MODEL_INFO.sources).not.toContain('large/pjj-tax-doc');
    // a few milliseconds on an idle machine; generous here, the suite runs beside other work
    expect(ms).toBeLessThan(500);
  });
  it('knows what the word rules rely on', () => {
    const m = languageModel();
    const bi = (a: string, b: string) => m.bigram(m.id(a), m.id(b)).docs;
    expect(bi('bổ', 'sung')).toBeGreaterThan(100);
    expect(bi('bổ', 'xung')).toBe(0);
    expect(bi('quyết', 'định')).toBeGreaterThan(100);
    expect(bi('quyết', 'đinh')).toBe(0);
    for (const w of ['nòng', 'ôxy', 'đắk', 'lắk']) expect(m.unigram(m.id(w)).docs, w).toBeGreaterThanOrEqual(2);
    expect(bi('chi', 'tiêu')).toBeGreaterThan(5);
    expect(bi('chỉ', 'tiêu')).toBeGreaterThan(5);
    expect(m.id('#')).toBeGreaterThanOrEqual(0);
    // phrases: two bonded pairs, and the near-only context of a pair (kept, marked as such)
    const ph = (a: string, b: string, c: string) => [m.phrase(m.id(a), m.id(b), m.id(c)), m.bondedPhrase(m.id(a), m.id(b), m.id(c))];
    expect(ph('theo', 'quy', 'định')[1]).toBe(true);
    expect(ph('theo', 'quy', 'định')[0]).toBeGreaterThan(100);
    expect(ph('cho', 'tổ', 'chức')[1]).toBe(false);
    expect(ph('cho', 'tổ', 'chức')[0]).toBeGreaterThanOrEqual(0.9 * bi('cho', 'tổ'));
    expect(ph('của', 'các', 'cơ')).toEqual([0, false]);
    // bound shares of a pair: "dụng mức" only after a word "dụng" belongs to (sử/áp dụng);
    // "phê" after "hoặc" only where it goes on into "phê duyệt"; "dân cư" ends its word
    const at = (a: string, b: string) => [m.boundLeft(m.id(a), m.id(b)), m.boundRight(m.id(a), m.id(b))];
    expect(at('dụng', 'mức')[0]).toBeGreaterThanOrEqual(0.95);
    expect(at('hoặc', 'phê')[1]).toBeGreaterThanOrEqual(0.95);
    expect(at('dân', 'cư')[1]).toBeLessThan(0.2);
    expect(at('sản', 'xuất')[1]).toBeLessThan(0.2);
    expect(at('của', 'xyz')).toEqual([-1, -1]);
  });
  it('decodes base64 without a host decoder the same way', () => {
    const s = LM_DATA.slice(0, 4000);
    expect([...decodeBase64(s)]).toEqual([...Buffer.from(s, 'base64')]);
  });
});

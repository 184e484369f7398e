// The planter's knowledge of how Vietnamese is written, counted from the corpus itself (never
// from reportlint's rules): syllable counts by placement-free key, the most common surface form
// of each, frequent bigrams, bigrams one edit away that the corpus never writes (the confusions
// a typo can plant), and syllables whose doubling is attested (reduplication, not a slip).
// Built once from the full corpus (cached) and committed as bench/accuracy/lexicon.json so the
// CI short form needs nothing outside the repository.

import { SYLLABLE_LIST } from '../../../dist/data/vi-syllables.js';
import { diacriticVariants, letterVariants, toneKey, vietnameseShare, words } from './text.mjs';

export const FREQUENT_BIGRAM = 40;
const CONFUSABLE_BIGRAM = 100;
const VALID_SYLLABLE = 10;
const VI_LETTERS = /^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+$/u;

let dictKeys;
function dict() {
  dictKeys ??= new Set(SYLLABLE_LIST.split(' ').map(toneKey));
  return dictKeys;
}

const keyMemo = new Map();
/** The placement-free key of a lower-case token, or null when it is not a word of letters. */
function keyOf(lower) {
  let k = keyMemo.get(lower);
  if (k === undefined) {
    k = VI_LETTERS.test(lower) ? toneKey(lower) : null;
    keyMemo.set(lower, k);
  }
  return k;
}

/** Count one text into a running tally. */
export function countText(tally, text) {
  const vi = vietnameseShare(text) > 0.02;
  const re = /[\p{L}\p{M}]+/gu;
  let prevKey = null;
  let prevEnd = -2;
  let m;
  while ((m = re.exec(text))) {
    const w = m[0];
    const lower = (/[^\x00-\x7f]/.test(w) ? w.normalize('NFC') : w).toLowerCase();
    const k = keyOf(lower);
    if (k === null) {
      prevKey = null;
      continue;
    }
    tally.syl.set(k, (tally.syl.get(k) ?? 0) + 1);
    if (vi) {
      let forms = tally.forms.get(k);
      if (!forms) tally.forms.set(k, (forms = new Map()));
      forms.set(lower, (forms.get(lower) ?? 0) + 1);
    }
    if (prevKey !== null && m.index === prevEnd + 1 && text.charCodeAt(prevEnd) === 32) {
      const b = prevKey + ' ' + k;
      tally.bi.set(b, (tally.bi.get(b) ?? 0) + 1);
    }
    prevKey = k;
    prevEnd = m.index + w.length;
  }
}

export function newTally() {
  return { syl: new Map(), forms: new Map(), bi: new Map() };
}

/** Merge a worker's tally (as entries arrays) into another. */
export function mergeTally(into, part) {
  for (const [k, v] of part.syl) into.syl.set(k, (into.syl.get(k) ?? 0) + v);
  for (const [k, v] of part.bi) into.bi.set(k, (into.bi.get(k) ?? 0) + v);
  for (const [k, m] of part.forms) {
    const f = into.forms.get(k) ?? new Map();
    for (const [w, c] of m) f.set(w, (f.get(w) ?? 0) + c);
    into.forms.set(k, f);
  }
}

const sortedObject = (entries) => Object.fromEntries([...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

/** The compact lexicon (plain JSON, sorted keys: the same corpus gives the same bytes). */
export function buildLexicon(tally) {
  const syl = sortedObject([...tally.syl].filter(([, c]) => c >= 2));
  const forms = {};
  for (const [k, m] of tally.forms) {
    if ((tally.syl.get(k) ?? 0) < VALID_SYLLABLE) continue;
    forms[k] = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  }
  const lex = { syl, forms: sortedObject(Object.entries(forms)), bigrams: {}, confusions: {}, doubled: [] };
  const valid = (k) => (tally.syl.get(k) ?? 0) >= VALID_SYLLABLE && dict().has(k);
  for (const [b, c] of tally.bi) {
    if (c < FREQUENT_BIGRAM) continue;
    const [x, y] = b.split(' ');
    if (x === y) continue;
    if (!forms[x] || !forms[y] || !dict().has(x) || !dict().has(y)) continue;
    lex.bigrams[b] = c;
    // one edit of one syllable giving a real syllable, in a bigram the corpus never writes
    const conf = [];
    for (const [pos, sylKey] of [[0, x], [1, y]]) {
      const surface = forms[sylKey];
      for (const [how, variants] of [['diacritic', diacriticVariants(surface)], ['letter', letterVariants(surface)]]) {
        for (const v of variants) {
          const vk = toneKey(v);
          if (!valid(vk)) continue;
          const nb = pos === 0 ? `${vk} ${y}` : `${x} ${vk}`;
          if (tally.bi.has(nb)) continue;
          conf.push([pos, v, how]);
        }
      }
    }
    // at most a few per bigram, the most frequent real syllables first
    conf.sort((a, b2) => (tally.syl.get(toneKey(b2[1])) ?? 0) - (tally.syl.get(toneKey(a[1])) ?? 0) || (a[1] < b2[1] ? -1 : a[1] > b2[1] ? 1 : 0));
    if (conf.length && c >= CONFUSABLE_BIGRAM) lex.confusions[b] = conf.slice(0, 4).map(([p, v, how]) => `${p}${how[0]}${v}`);
  }
  lex.bigrams = sortedObject(Object.entries(lex.bigrams));
  lex.confusions = sortedObject(Object.entries(lex.confusions));
  lex.doubled = [...tally.bi].filter(([b, c]) => c >= 2 && b.split(' ')[0] === b.split(' ')[1]).map(([b]) => b.split(' ')[0]).sort();
  return lex;
}

/** Lookups over a lexicon object. */
export function lexiconView(lex) {
  const doubled = new Set(lex.doubled);
  return {
    count: (surface) => lex.syl[toneKey(surface)] ?? 0,
    /** attested often in the corpus and in the syllable dictionary */
    isReal: (surface) => (lex.syl[toneKey(surface)] ?? 0) >= VALID_SYLLABLE && dict().has(toneKey(surface)),
    /** never in the corpus (twice or more) and not in the dictionary */
    isNonword: (surface) => !lex.syl[toneKey(surface)] && !dict().has(toneKey(surface)),
    bigram: (a, b) => lex.bigrams[`${toneKey(a)} ${toneKey(b)}`] ?? 0,
    /** [position, real syllable, 'diacritic' | 'letter'] edits of the bigram that the corpus never writes */
    confusions: (a, b) => lex.confusions[`${toneKey(a)} ${toneKey(b)}`]?.map((e) => [Number(e[0]), e.slice(2), e[1] === 'd' ? 'diacritic' : 'letter']),
    doubledOk: (surface) => doubled.has(toneKey(surface)),
  };
}

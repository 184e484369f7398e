// One document as the planter sees it: its lines, which lines are table rows, its language and
// number convention, and its figures per line. Built once per document and shared by every
// site generator.

import { lines as splitLines, sentences, vietnameseShare, words } from './text.mjs';
import { figures, numberConvention } from './numbers.mjs';

export function makeDoc(path, text) {
  const ls = splitLines(text);
  const viShare = vietnameseShare(text);
  const lang = viShare > 0.02 ? 'vi' : 'en';
  const convention = numberConvention(text, lang);
  const conv = convention.conv;
  const table = ls.map((l) => l.text.includes('\t'));
  let figs;
  let sents;
  let lower;
  const memo = new Map();
  return {
    /** a per-document cache for the generators' shared work */
    memo(key, fn) {
      if (!memo.has(key)) memo.set(key, fn());
      return memo.get(key);
    },
    get lower() {
      return (lower ??= text.toLowerCase());
    },
    path,
    text,
    lines: ls,
    lang,
    conv,
    convention,
    table,
    /** figures of line n (1-based), in the document's convention */
    figures(n) {
      if (!figs) figs = ls.map((l) => figures(l.text, conv, { offset: l.start }));
      return figs[n - 1];
    },
    /** word tokens of line n (absolute offsets) */
    words(n) {
      const all = this.memo('words', () => new Array(ls.length));
      return (all[n - 1] ??= words(ls[n - 1].text, ls[n - 1].start));
    },
    /** sentences of line n */
    sentences(n) {
      if (!sents) sents = new Array(ls.length);
      return (sents[n - 1] ??= sentences(ls[n - 1]));
    },
    lineOf(offset) {
      let lo = 0;
      let hi = ls.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ls[mid].start <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}

/** Apply edits (sorted or not, non-overlapping) to a text. */
export function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Does `s` occur in `text` as whole words (no letter right before or after)? */
export function occursAsWords(text, s) {
  if (!s) return false;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + s.length] ?? ' ';
    if (!/[\p{L}\p{M}]/u.test(before) && !/[\p{L}\p{M}]/u.test(after)) return true;
  }
  return false;
}

/** At most n items of a list, chosen with a generator, in their original order. */
export function sampleOf(list, n, rand) {
  if (list.length <= n) return list;
  const idx = new Set();
  while (idx.size < n) idx.add(Math.floor(rand() * list.length));
  return [...idx].sort((a, b) => a - b).map((i) => list[i]);
}

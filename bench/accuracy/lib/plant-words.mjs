// Word sites: names (capitalised runs of syllables used 3+ times the same way, no variant in the
// document), lower-case terms used 3+ times, words to double, frequent bigrams to misspell into
// real syllables or non-words, and oa/oe/uy syllables in a document that places tones one way.

import { rng, pick, shuffle } from './prng.mjs';
import { caseOf, diacriticVariants, toneStyle, typoVariants, words } from './text.mjs';
import { occursAsWords, sampleOf } from './doc.mjs';

const folds = new Map();
const fold = (s) => {
  let f = folds.get(s);
  if (f === undefined) {
    f = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    if (folds.size > 200_000) folds.clear();
    folds.set(s, f);
  }
  return f;
};
const MARKED = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
const VI_WORD = /^[\p{L}]+$/u;

/** Tokens with their neighbours: which are at a sentence or line start (positional capitals). */
function tokens(doc) {
  return doc.memo('tokens', () => readTokens(doc));
}

function readTokens(doc) {
  const out = [];
  for (const l of doc.lines) {
    if (doc.table[l.n - 1]) continue;
    const ws = doc.words(l.n);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i];
      const from = i === 0 ? l.start : ws[i - 1].end;
      const space = w.start - from === 1 && doc.text.charCodeAt(from) === 32;
      let positional = i === 0;
      if (!positional && !space) {
        let k = w.start - 1;
        while (k >= from && /\s/.test(doc.text[k])) k--;
        positional = k >= from && '.!?:;"“(-–•'.includes(doc.text[k]);
      }
      out.push({ start: w.start, end: w.end, text: w.text, line: l.n, positional, space });
    }
  }
  return out;
}

function bucket(n) {
  return n <= 4 ? '3-4' : n <= 9 ? '5-9' : '10+';
}

const occursIn = occursAsWords;

export function nameSites(doc, lex) {
  const toks = tokens(doc);
  const runs = [];
  for (let i = 0; i < toks.length; ) {
    const t = toks[i];
    if (caseOf(t.text) !== 'title' || t.positional) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length && toks[j].space && toks[j].line === t.line && caseOf(toks[j].text) === 'title') j++;
    if (j - i >= 2 && j - i <= 4) runs.push({ toks: toks.slice(i, j), text: doc.text.slice(t.start, toks[j - 1].end), start: t.start, end: toks[j - 1].end, line: t.line });
    i = j;
  }
  const byText = new Map();
  const byFold = new Map();
  for (const r of runs) {
    (byText.get(r.text) ?? byText.set(r.text, []).get(r.text)).push(r);
    const f = fold(r.text).replace(/[\s-]/g, '');
    (byFold.get(f) ?? byFold.set(f, new Set()).get(f)).add(r.text);
  }
  const out = [];
  const names = [...byText].filter(([text, list]) => list.length >= 3 && byFold.get(fold(text).replace(/[\s-]/g, '')).size === 1);
  for (const [text, list] of sampleOf(names, 12, rng('names', doc.path))) {
    const rand = rng('name', doc.path, text);
    const r = pick(list, rand);
    const shape = `${doc.lang}-syl${r.toks.length}-uses${bucket(list.length)}`;
    const add = (kind, edit, s = shape) => out.push({ kind, shape: s, edits: [edit], lines: [r.line], anchor: text });
    if (doc.lang === 'vi') {
      const t = pick(r.toks, rand);
      const variants = shuffle(diacriticVariants(t.text), rand);
      const valid = variants.find((v) => lex.isReal(v) && !occursIn(doc.text, text.replace(t.text, v)));
      const non = variants.find((v) => lex.isNonword(v));
      if (valid) add('name-diacritic-valid', { start: t.start, end: t.end, text: valid, from: t.text });
      if (non) add('name-diacritic-nonword', { start: t.start, end: t.end, text: non, from: t.text });
    }
    const k = Math.floor(rand() * (r.toks.length - 1));
    const a = r.toks[k];
    const b = r.toks[k + 1];
    const join = doc.lang === 'vi' || rand() < 0.5;
    add('name-join', { start: a.end, end: b.start, text: join ? '' : '-', from: ' ' }, `${shape}-${join ? 'joined' : 'hyphen'}`);
  }
  return out;
}

export function termSites(doc, lex) {
  if (doc.lang !== 'vi') return [];
  const toks = tokens(doc);
  const byForm = new Map();
  const byFold = new Map();
  for (let i = 0; i + 1 < toks.length; i++) {
    const a = toks[i];
    const b = toks[i + 1];
    if (!b.space || a.line !== b.line) continue;
    if (caseOf(a.text) !== 'lower' || caseOf(b.text) !== 'lower') continue;
    const form = `${a.text} ${b.text}`;
    const list = byForm.get(form);
    if (list) list.push([a, b]);
    else byForm.set(form, [[a, b]]);
  }
  for (const form of byForm.keys()) {
    const f = fold(form);
    (byFold.get(f) ?? byFold.set(f, new Set()).get(f)).add(form);
  }
  const out = [];
  const terms = [...byForm].filter(([form, list]) => list.length >= 3 && MARKED.test(form) && byFold.get(fold(form)).size === 1 && lex.bigram(...form.split(' ')) >= 40);
  for (const [form, list] of sampleOf(terms, 12, rng('terms', doc.path))) {
    const [x, y] = form.split(' ');
    const rand = rng('term', doc.path, form);
    const occ = pick(list, rand);
    const pos = Math.floor(rand() * 2);
    const t = occ[pos];
    const variants = shuffle(diacriticVariants(t.text), rand);
    const shape = `uses${bucket(list.length)}`;
    const mutated = (v) => (pos === 0 ? `${v} ${y}` : `${x} ${v}`);
    const valid = variants.find((v) => lex.isReal(v) && (pos === 0 ? lex.bigram(v, y) : lex.bigram(x, v)) === 0 && !occursIn(doc.text, mutated(v)));
    const non = variants.find((v) => lex.isNonword(v));
    if (valid) out.push({ kind: 'term-diacritic-valid', shape, edits: [{ start: t.start, end: t.end, text: valid, from: t.text }], lines: [t.line], anchor: form });
    if (non) out.push({ kind: 'term-diacritic-nonword', shape, edits: [{ start: t.start, end: t.end, text: non, from: t.text }], lines: [t.line], anchor: form });
  }
  return out;
}

export function wordSites(doc, lex, { perKind = 6 } = {}) {
  const toks = tokens(doc);
  const out = [];
  const rand = rng('words', doc.path);
  // mid-sentence positions: a lower-case word after a space, its neighbour on the same line
  const mid = [];
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i];
    if (!t.space || t.positional || caseOf(t.text) !== 'lower' || toks[i + 1].line !== t.line) continue;
    if (toks[i - 1].text.toLowerCase() === t.text || toks[i + 1].text.toLowerCase() === t.text) continue;
    mid.push(i);
  }
  const sample = shuffle(mid, rand).slice(0, 60);
  let doubled = 0;
  let typos = 0;
  for (const i of sample) {
    const t = toks[i];
    const lower = t.text;
    if (doubled < perKind && !lex.doubledOk(lower) && (doc.lang === 'en' ? lower.length >= 2 : true)) {
      const kind = doc.lang === 'vi' ? 'doubled-syllable' : 'doubled-word-en';
      const freq = lex.count(lower);
      out.push({ kind, shape: freq >= 20000 ? 'very-frequent-word' : freq >= 2000 ? 'frequent-word' : 'other-word', edits: [{ start: t.end, end: t.end, text: ' ' + t.text, from: '' }], lines: [t.line], anchor: `${t.start}` });
      doubled++;
    }
    if (doc.lang === 'vi' && typos < perKind && [...lower].length >= 3 && lex.isReal(lower)) {
      const non = shuffle(typoVariants(lower), rand).filter((v) => lex.isNonword(v) && !/(.)\1\1/.test(v));
      if (non.length) {
        const v = non[0];
        const how = [...v].length < [...lower].length ? 'letter-dropped' : [...v].length > [...lower].length ? 'letter-doubled' : 'letters-swapped';
        out.push({ kind: 'typo-nonword', shape: how, edits: [{ start: t.start, end: t.end, text: v, from: t.text }], lines: [t.line], anchor: `${t.start}` });
        typos++;
      }
    }
  }
  if (doc.lang === 'vi') {
    // frequent bigrams: doubled whole, or misspelt into a real syllable
    const pairs = [];
    for (let i = 0; i + 1 < toks.length; i++) {
      const a = toks[i];
      const b = toks[i + 1];
      if (!b.space || a.line !== b.line || caseOf(a.text) !== 'lower' || caseOf(b.text) !== 'lower') continue;
      if (lex.bigram(a.text, b.text) >= 40) pairs.push(i);
    }
    let dw = 0;
    let rs = 0;
    for (const i of shuffle(pairs, rand).slice(0, 80)) {
      const a = toks[i];
      const b = toks[i + 1];
      const after = toks[i + 2];
      const before = toks[i - 1];
      if (dw < perKind && !a.positional && a.space && after && after.line === a.line && `${after.text} ${toks[i + 3]?.text}` !== `${a.text} ${b.text}` && before?.text !== b.text) {
        out.push({ kind: 'doubled-word', shape: 'two-syllables', edits: [{ start: b.end, end: b.end, text: ` ${a.text} ${b.text}`, from: '' }], lines: [a.line], anchor: `${a.start}` });
        dw++;
      }
      const conf = lex.confusions(a.text, b.text);
      if (rs < perKind && conf) {
        const [pos, v, how] = pick(conf, rand);
        const t = pos === 0 ? a : b;
        const mutatedForm = pos === 0 ? `${v} ${b.text}` : `${a.text} ${v}`;
        if (occursIn(doc.lower, mutatedForm)) continue;
        const text = t.text[0] !== t.text[0].toLowerCase() ? v[0].toUpperCase() + v.slice(1) : v;
        out.push({ kind: 'typo-real-syllable', shape: `${how}-${pos === 0 ? 'first' : 'second'}-syllable`, edits: [{ start: t.start, end: t.end, text, from: t.text }], lines: [t.line], anchor: `${a.start}` });
        rs++;
      }
    }
    // tone placement, when the document places every oa/oe/uy tone one way
    const styled = toks.filter((t) => toneStyle(t.text));
    const styles = new Set(styled.map((t) => toneStyle(t.text)));
    if (styled.length >= 3 && styles.size === 1) {
      const style = [...styles][0];
      for (const t of shuffle(styled, rand).slice(0, 3)) {
        const flipped = flipTone(t.text);
        if (!flipped || flipped === t.text) continue;
        out.push({ kind: 'tone-placement', shape: `${style}-to-${style === 'old' ? 'new' : 'old'}`, edits: [{ start: t.start, end: t.end, text: flipped, from: t.text }], lines: [t.line], anchor: `${t.start}` });
      }
    }
  }
  return out;
}

/** hòa <-> hoà: move the tone mark to the other vowel of oa/oe/uy. */
export function flipTone(w) {
  const d = w.normalize('NFD');
  const m = /([oOuU])([\u0300\u0301\u0303\u0309\u0323]?)([aAeEyY])([\u0300\u0301\u0303\u0309\u0323]?)$/.exec(d);
  if (!m) return undefined;
  const tone = m[2] || m[4];
  if (!tone) return undefined;
  const moved = m[2] ? m[1] + m[3] + tone : m[1] + tone + m[3];
  return (d.slice(0, m.index) + moved).normalize('NFC');
}

/** Words a reader would check, for coverage. */
export function wordCounts(doc) {
  const toks = tokens(doc);
  let names = 0;
  let oa = 0;
  let syllables = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (doc.lang === 'vi' && VI_WORD.test(t.text)) syllables++;
    if (toneStyle(t.text)) oa++;
    if (caseOf(t.text) === 'title' && !t.positional && toks[i + 1]?.space && caseOf(toks[i + 1].text) === 'title' && (i === 0 || caseOf(toks[i - 1].text) !== 'title' || toks[i - 1].positional)) names++;
  }
  return { names, oa, syllables, words: toks.length };
}

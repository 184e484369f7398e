// Vietnamese text handling shared by every rule: tone-placement canonicalisation (hoà = hòa),
// folding keys (tone-only and full), syllable tokens with spans and the knowledge of which
// tokens are capitalised by position (sentence or block start) rather than because they are names.

import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';
import { SYLLABLE_LIST } from '../data/vi-syllables.js';
import { sentences } from './sentences.js';

const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /\p{M}/gu;
/** Lower-case letters of the Vietnamese alphabet with every tone (plus f j w z for loans). */
const VI_LOWER = 'a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const VI_WORD = new RegExp(`^[${VI_LOWER}]+$`);
const OPEN_RHYME = /(?:^|[^q])(?:o[ae]|uy)$/;

/** Remove tone marks only: `Diễn Châu` -> `diên châu` (the ICU `vi` base-sensitivity key). */
export function toneKey(s: string): string {
  return s.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').toLowerCase();
}

/** Remove every diacritic and fold đ to d: `Diễn Châu` -> `dien chau`. */
export function foldKey(s: string): string {
  return s.normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

interface ToneParts {
  /** The syllable without its tone mark, NFC. */
  base: string;
  tone: string;
  /** Index (NFC code units) in `base` of the letter carrying the tone. */
  at: number;
}

function toneParts(word: string): ToneParts | undefined {
  const d = word.normalize('NFD');
  const m = TONE_MARK.exec(d);
  if (!m) return undefined;
  const before = d.slice(0, m.index).normalize('NFC');
  const base = (d.slice(0, m.index) + d.slice(m.index + 1)).normalize('NFC');
  return { base, tone: m[0], at: before.length - 1 };
}

/**
 * Where a syllable in an open `oa`/`oe`/`uy` rhyme carries its tone: on the first vowel
 * (`hòa`, `thủy`) or the second (`hoà`, `thuỷ`); undefined for every other syllable.
 */
export function toneStyle(word: string): 'first' | 'second' | undefined {
  const p = toneParts(word);
  if (!p || !OPEN_RHYME.test(p.base.toLowerCase())) return undefined;
  return p.at === p.base.length - 1 ? 'second' : p.at === p.base.length - 2 ? 'first' : undefined;
}

/** Rewrite a syllable in the given tone-placement style (case kept); other syllables unchanged. */
export function withToneStyle(word: string, style: 'first' | 'second'): string {
  const p = toneParts(word);
  if (!p || !OPEN_RHYME.test(p.base.toLowerCase())) return word;
  const at = style === 'second' ? p.base.length - 1 : p.base.length - 2;
  return (p.base.slice(0, at) + (p.base[at] + p.tone).normalize('NFC') + p.base.slice(at + 1)).normalize('NFC');
}

/** One tone-placement convention for comparison (the dictionary's: `hoà`, `thuỷ`, `uỷ`). */
export function canonicalTone(text: string): string {
  if (!/[oOuUòóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ]/.test(text)) return text;
  return text.replace(/[\p{L}\p{M}]+/gu, (w) => withToneStyle(w, 'second'));
}

let syllableSet: Set<string> | undefined;

/** The attested syllables (lower case, NFC, `hoà` style). */
export function syllables(): Set<string> {
  syllableSet ??= new Set(SYLLABLE_LIST.split(' '));
  return syllableSet;
}

let byToneKey: Map<string, string[]> | undefined;

/** Attested syllables by tone key (`nhiêm` -> [nhiêm, nhiệm, ...]), built once. */
export function syllablesByToneKey(): Map<string, string[]> {
  if (!byToneKey) {
    byToneKey = new Map();
    for (const w of syllables()) {
      const k = toneKey(w);
      const list = byToneKey.get(k);
      if (list) list.push(w);
      else byToneKey.set(k, [w]);
    }
  }
  return byToneKey;
}

/** Is this (any case, either tone style) an attested Vietnamese syllable? */
export function isSyllable(word: string): boolean {
  return syllables().has(canonicalTone(word.normalize('NFC').toLowerCase()));
}

/** Only letters of the Vietnamese alphabet (tones included). */
export function isVietnameseLetters(lower: string): boolean {
  return VI_WORD.test(lower);
}

export type Caps = 'lower' | 'title' | 'upper' | 'mixed';

function capsOf(text: string): Caps {
  const lower = text.toLowerCase();
  const upper = text.toUpperCase();
  if (text === lower) return 'lower';
  if (text === upper) return text.length === 1 ? 'title' : 'upper';
  if (text[0] === upper[0] && text.slice(1) === lower.slice(1)) return 'title';
  return 'mixed';
}

export interface Token {
  span: Span;
  text: string;
  /** Index of the token in the token list. */
  index: number;
  block: number;
  /** Number of the canonical lower-case form (`canon`), the same for every token written so. */
  id: number;
  /** Number of the tone key (`key`). */
  keyId: number;
  /** Tone-placement style of an open oa/oe/uy syllable (see toneStyle). */
  style: 'first' | 'second' | undefined;
  lower: string;
  /** Lower case, tone placement canonical (`hòa` -> `hoà`). */
  canon: string;
  /** Lower case without tone marks. */
  key: string;
  caps: Caps;
  hasDigit: boolean;
  /** Only letters of the Vietnamese alphabet. */
  letters: boolean;
  /** Has a letter outside ASCII (a diacritic). */
  marked: boolean;
  /** Capitalised by position: first word of a sentence, block, table cell, or after `:` `;` `(` or a quote. */
  positional: boolean;
  /** What separates it from the previous token in the same block ('' at a block start). */
  sepBefore: string;
  /** Inside a URL or e-mail address, or text the rules must not read. */
  skip: boolean;
}

export interface VietnameseText {
  tokens: Token[];
  /** Token indexes per block index. */
  byBlock: Map<number, Token[]>;
  /** How many distinct canonical forms (token `id`s run from 0 to forms - 1). */
  forms: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const URL = /(?:https?:\/\/|www\.)[^\s<>"')\]]+/giu;

function addressSpans(text: string, base: number): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(URL)) out.push({ start: base + m.index, end: base + m.index + m[0].length });
  // e-mail addresses: expand around each '@' (linear, no backtracking)
  let at = text.indexOf('@');
  while (at >= 0) {
    let s = at;
    while (s > 0 && /[\w.+-]/.test(text[s - 1])) s--;
    let e = at + 1;
    while (e < text.length && /[\w.-]/.test(text[e])) e++;
    if (s < at && text.slice(at + 1, e).includes('.')) out.push({ start: base + s, end: base + e });
    at = text.indexOf('@', Math.max(e, at + 1));
  }
  return out;
}

interface WordInfo {
  /** The word as written, one string shared by every token written so (not a copy per token). */
  text: string;
  id: number;
  keyId: number;
  style: 'first' | 'second' | undefined;
  lower: string;
  canon: string;
  key: string;
  caps: Caps;
  hasDigit: boolean;
  letters: boolean;
  marked: boolean;
}

/** Is [start, end) inside one of the sorted spans? `cursor` walks forward with the tokens (linear). */
function insideSorted(spans: Span[], cursor: { i: number }, start: number, end: number): boolean {
  while (cursor.i < spans.length && spans[cursor.i].end <= start) cursor.i++;
  for (let k = cursor.i; k < spans.length && spans[k].start <= start; k++) if (end <= spans[k].end) return true;
  return false;
}

const OPENERS = new Set(['.', '!', '?', ':', ';', '(', '[', '“', '"', '‘', "'", '|', '\t', '•', '…']);

export const vietnamese = defineFact('vietnamese', (doc: Document, facts): VietnameseText => {
  const starts = new Set<number>();
  for (const s of facts.get(sentences)) starts.add(s.span.start);
  const ignored = [...doc.ignored].sort((a, b) => a.start - b.start);
  const ignoredCursor = { i: 0 };
  const tokens: Token[] = [];
  const byBlock = new Map<number, Token[]>();
  // words repeat: analyse each distinct word once
  const words = new Map<string, WordInfo>();
  const canonIds = new Map<string, number>();
  const keyIds = new Map<string, number>();
  const idOf = (m: Map<string, number>, k: string): number => {
    let id = m.get(k);
    if (id === undefined) m.set(k, (id = m.size));
    return id;
  };
  // separators repeat too (', ', '. ', a tab): one string each, not a copy per token
  const separators = new Map<string, string>();
  const separator = (sep: string): string => {
    const known = separators.get(sep);
    if (known !== undefined) return known;
    separators.set(sep, sep);
    return sep;
  };
  const text = doc.text;
  for (const b of doc.blocks) {
    const from = b.kind === 'table' ? b.span.start : b.content.start;
    const blockText = text.slice(from, b.span.end);
    const addresses = addressSpans(blockText, from).sort((x, y) => x.start - y.start);
    const addressCursor = { i: 0 };
    const list: Token[] = [];
    let prevEnd = -1;
    for (const m of blockText.matchAll(TOKEN)) {
      const start = from + m.index;
      const t = m[0];
      const end = start + t.length;
      let w = words.get(t);
      if (!w) {
        const lower = t.toLowerCase();
        const canon = canonicalTone(lower);
        const key = toneKey(lower);
        w = {
          text: t,
          id: idOf(canonIds, canon),
          keyId: idOf(keyIds, key),
          style: toneStyle(t),
          lower,
          canon,
          key,
          caps: capsOf(t),
          hasDigit: /\p{N}/u.test(t),
          letters: isVietnameseLetters(lower),
          marked: /[^\x00-\x7f]/.test(t),
        };
        words.set(t, w);
      }
      const between = prevEnd < 0 ? '' : start - prevEnd === 1 && text[prevEnd] === ' ' ? ' ' : separator(text.slice(prevEnd, start));
      // the last non-space character before the word, within the block
      let k = start - 1;
      while (k >= from && (text[k] === ' ' || text[k] === '\u00a0')) k--;
      const before = k >= from ? text[k] : '';
      const positional =
        prevEnd < 0 ||
        starts.has(start) ||
        OPENERS.has(before) ||
        (between.length <= 6 && /^\s*[-–+*]\s+$/.test(between)) ||
        (starts.has(start - 1) && /["“(']/.test(text[start - 1]));
      const skip =
        (addresses.length > 0 && insideSorted(addresses, addressCursor, start, end)) ||
        (ignored.length > 0 && insideSorted(ignored, ignoredCursor, start, end));
      const token: Token = {
        span: { start, end },
        text: w.text,
        index: tokens.length,
        block: b.index,
        id: w.id,
        keyId: w.keyId,
        style: w.style,
        lower: w.lower,
        canon: w.canon,
        key: w.key,
        caps: w.caps,
        hasDigit: w.hasDigit,
        letters: w.letters,
        marked: w.marked,
        positional,
        sepBefore: between,
        skip,
      };
      tokens.push(token);
      list.push(token);
      prevEnd = end;
    }
    byBlock.set(b.index, list);
  }
  return { tokens, byBlock, forms: canonIds.size };
});

const VI_ONLY = /[ăâđêôơưĩũĂÂĐÊÔƠƯĨŨ\u1EA0-\u1EF9]/;

/** Share of word tokens with a letter only Vietnamese uses (ă â đ ê ô ơ ư ạ ể ...): is the text Vietnamese? */
export function vietnameseShare(v: VietnameseText): number {
  let letters = 0;
  let marked = 0;
  for (const t of v.tokens) {
    if (t.hasDigit) continue;
    letters++;
    if (VI_ONLY.test(t.text)) marked++;
  }
  return letters === 0 ? 0 : marked / letters;
}

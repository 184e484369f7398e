// The syllable language model (src/data/vi-lm.ts, built by scripts/build-lexicon.mjs from the text
// of state documents): how often, and in how many documents, a syllable, a pair of syllables or a
// repeated syllable is written. The word rules ask it whether a form is attested, whether a
// repetition is normal and whether a rare pair has a common neighbour one edit away. Decoded once,
// on first use, into typed arrays (no file reading: the engine is bundled for the browser).

import { LM_DATA, LM_INFO, LM_WORDS } from '../data/vi-lm.js';
import { defineFact } from '../engine/facts.js';
import { ENGLISH_GRAMMATICAL_DOUBLINGS, ENGLISH_NEVER_DOUBLED } from './lexicon/words.js';
import { names } from './names.js';
import { syllables, syllablesByToneKey, toneKey, vietnamese, type Token } from './vietnamese.js';

/** How the model calls any number (tokens with a digit). */
export const NUMBER = '#';

export interface Attestation {
  /** Occurrences in the corpus (bigrams: within 3 %, exact up to 17). */
  count: number;
  /** Documents that write it. */
  docs: number;
}

export interface RepeatContext {
  /** Model id of the word before the repeat; -1 none (line or phrase start), -2 a word outside the vocabulary. */
  before: number;
  /** Model id of the word after it, as `before`. */
  after: number;
  docs: number;
  count: number;
}

export interface LanguageModel {
  readonly documents: number;
  /** Tokens counted. */
  readonly tokens: number;
  /** Tokens counted in the English source (real/en): chance rates of English words are taken within English text. */
  readonly englishTokens: number;
  readonly words: number;
  readonly bigrams: number;
  /** The id of a model word (lower case, canonical tone, numbers as '#'); -1 when unknown. */
  id(word: string): number;
  word(id: number): string;
  unigram(id: number): Attestation;
  /** Bit i set: source i of `LM_INFO.sources` writes the word. */
  sources(id: number): number;
  /** Share (0-1) of the word's occurrences taken by its most frequent follower, and by its most frequent predecessor. */
  lead(id: number): number;
  trail(id: number): number;
  /** Index of the bigram (a, b) in the tables; -1 when the model does not keep it. */
  bigramIndex(a: number, b: number): number;
  /** Attestation of the pair (a, b): zero when the model does not keep it (written by fewer than `minDocs` documents). */
  bigram(a: number, b: number): Attestation;
  /**
   * Of the occurrences of the pair a b with a word before it, the share (0-1, rounded down to a
   * percent) where a belongs with that word (bond 0.1: "dụng mức" is written only as "sử/áp dụng
   * mức"); -1 when the model keeps no such occurrence.
   */
  boundLeft(a: number, b: number): number;
  /** ... with a word after it, the share where b belongs with that word ("không thực" only as "không thực hiện/tế"). */
  boundRight(a: number, b: number): number;
  /** The words the model writes after `a`: [second ids, document counts] (views, do not modify). */
  after(a: number): { ids: ArrayLike<number>; docs: ArrayLike<number> };
  /** The words the model writes before `b`. */
  before(b: number): { ids: ArrayLike<number>; docs: ArrayLike<number> };
  /** How many different words the model writes after `a`, and before it. */
  followers(a: number): number;
  predecessors(a: number): number;
  /** Contexts where the unit (one word `a`, or two words `a b`) is written twice in a row. */
  repeats(a: number, b?: number): RepeatContext[];
  /** A word the corpus writes before two-syllable doublings of several different words ("người | khiếu nại khiếu nại"): documents and words doubled; undefined when it is none. */
  doublingHead(a: number): { docs: number; units: number } | undefined;
  /**
   * Documents writing the three-syllable phrase a b c, when both its pairs belong together or it
   * is the near-only context of one of them (0 otherwise or when rarer than `minDocs`).
   */
  phrase(a: number, b: number, c: number): number;
  /** Is a b c kept because both its pairs belong together ("theo quy định"), not only as the near-only context of one ("cho tổ chức")? */
  bondedPhrase(a: number, b: number, c: number): boolean;
  /** Every bigram written by fewer documents than this is absent from the tables. */
  readonly minDocs: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to bytes in plain code (for hosts without Buffer or atob). */
export function decodeBase64(s: string): Uint8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) table[B64.charCodeAt(i)] = i;
  let n = s.length;
  while (n > 0 && s[n - 1] === '=') n--;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const v = table[s.charCodeAt(i)];
    if (v < 0) throw new Error(`language model: bad base64 at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

interface Host {
  Buffer?: { from(s: string, enc: 'base64'): Uint8Array };
  atob?: (s: string) => string;
}

/** Base64 to bytes with the host's native decoder when there is one (Node's Buffer, a browser's atob). */
function bytesOf(s: string): Uint8Array {
  const host = globalThis as unknown as Host;
  if (host.Buffer) return host.Buffer.from(s, 'base64');
  if (host.atob) {
    const bin = host.atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  return decodeBase64(s);
}

/** Decodes a model module's exports (the format written by scripts/build-lexicon.mjs). */
export interface ModelInfo {
  minDocs: number;
  documents: number;
  tokens: number;
  countBase: number;
  sources: readonly string[];
  sourceTokens: readonly number[];
}

/** Where `x` stands in the sorted run `arr[lo..hi]` (inclusive), or -1. */
function sortedIndex<T extends string | number>(arr: ArrayLike<T>, x: T, lo: number, hi: number): number {
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = arr[mid];
    if (s === x) return mid;
    if (s < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function decodeModel(words: string, data: string, info: ModelInfo): LanguageModel {
  const { minDocs, documents, tokens, countBase } = info;
  const englishTokens = info.sourceTokens[info.sources.indexOf('real/en')] ?? 0;
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('language model: needs a little-endian host');
  const bytes = bytesOf(data);
  let p = 0;
  // fixed-width tables: copied out (a fresh, aligned buffer), never parsed
  const take = <T>(make: (b: ArrayBuffer) => T, n: number, width: number): T => {
    const view = make(Uint8Array.prototype.slice.call(bytes, p, p + n * width).buffer);
    p += n * width;
    while (p % 4) p++;
    return view;
  };
  const [V, B, R, P] = take((b) => new Uint32Array(b), 4, 4);
  const list = words.length ? words.split(' ') : [];
  if (V !== list.length) throw new Error('language model: vocabulary and tables differ');
  const uCount = take((b) => new Uint32Array(b), V, 4);
  const uDocs = take((b) => new Uint16Array(b), V, 2);
  const uSources = bytes.subarray(p, p + V);
  const uLead = bytes.subarray(p + V, p + 2 * V);
  const uTrail = bytes.subarray(p + 2 * V, p + 3 * V);
  p += 3 * V;
  while (p % 4) p++;
  const start = take((b) => new Uint32Array(b), V + 1, 4);
  const second = take((b) => new Uint16Array(b), B, 2);
  const bDocs = take((b) => new Uint16Array(b), B, 2);
  const bCode = take((b) => new Uint8Array(b), B, 1);
  const bLeft = take((b) => new Uint8Array(b), B, 1);
  const bRight = take((b) => new Uint8Array(b), B, 1);
  const pa = take((b) => new Uint16Array(b), P, 2);
  const pb = take((b) => new Uint16Array(b), P, 2);
  const pc = take((b) => new Uint16Array(b), P, 2);
  const phraseDocs = take((b) => new Uint16Array(b), P, 2);
  /** Index of the phrase a b c in the tables (sorted by a, b, c); -1 when the model does not keep it. */
  const phraseAt = (a: number, b: number, c: number): number => {
    if (a < 0 || b < 0 || c < 0) return -1;
    const key = (a * 65536 + b) * 65536 + c;
    let lo = 0;
    let hi = P - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = (pa[mid] * 65536 + pb[mid]) * 65536 + pc[mid];
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const varint = (): number => {
    let n = 0;
    let mul = 1;
    for (;;) {
      if (p >= bytes.length) throw new Error('language model: truncated tables');
      const b = bytes[p++];
      n += (b & 0x7f) * mul;
      if (b < 0x80) return n;
      mul *= 0x80;
    }
  };
  const repeats = new Map<string, RepeatContext[]>();
  const heads = new Map<number, { docs: number; units: number }>();
  for (let r = 0; r < R; r++) {
    const n = varint();
    const a = varint();
    const b = varint();
    const before = varint() - 2;
    const after = varint() - 2;
    const d = varint();
    if (n === 3) {
      varint();
      heads.set(a, { docs: d, units: b });
      continue;
    }
    const key = n === 1 ? `${a}` : `${a} ${b}`;
    const ctx = { before, after, docs: d, count: d + varint() };
    const l = repeats.get(key);
    if (l) l.push(ctx);
    else repeats.set(key, [ctx]);
  }
  if (p !== bytes.length || start[V] !== B) throw new Error('language model: tables do not match their header');
  const countOf = (i: number): number => Math.round(countBase ** bCode[i]);

  // the reverse index (words before b), built on first use
  let rev: { start: Uint32Array; first: Uint32Array; docs: Uint32Array } | undefined;
  const reverse = () => {
    if (rev) return rev;
    const rs = new Uint32Array(V + 1);
    for (let i = 0; i < B; i++) rs[second[i] + 1]++;
    for (let i = 0; i < V; i++) rs[i + 1] += rs[i];
    const fill = rs.slice(0, V);
    const first = new Uint32Array(B);
    const docs = new Uint32Array(B);
    for (let a = 0; a < V; a++)
      for (let i = start[a]; i < start[a + 1]; i++) {
        const to = fill[second[i]]++;
        first[to] = a;
        docs[to] = bDocs[i];
      }
    rev = { start: rs, first, docs };
    return rev;
  };
  // how many different words precede each word: one counting pass, on first use
  let preds: Uint32Array | undefined;
  const predecessors = (b: number): number => {
    if (b < 0 || b >= V) return 0;
    if (!preds) {
      preds = new Uint32Array(V);
      for (let i = 0; i < B; i++) preds[second[i]]++;
    }
    return preds[b];
  };
  const NONE: Attestation = { count: 0, docs: 0 };
  const id = (w: string): number => sortedIndex(list, w, 0, V - 1);
  const bigramIndex = (a: number, b: number): number => (a < 0 || b < 0 || a >= V ? -1 : sortedIndex(second, b, start[a], start[a + 1] - 1));
  return {
    documents,
    tokens,
    englishTokens,
    minDocs,
    words: V,
    bigrams: B,
    id,
    word: (i) => list[i],
    unigram: (i) => (i >= 0 && i < V ? { count: uCount[i], docs: uDocs[i] } : NONE),
    sources: (i) => (i >= 0 && i < V ? uSources[i] : 0),
    lead: (i) => (i >= 0 && i < V ? uLead[i] / 100 : 0),
    trail: (i) => (i >= 0 && i < V ? uTrail[i] / 100 : 0),
    bigramIndex,
    bigram(a, b) {
      const i = bigramIndex(a, b);
      return i < 0 ? NONE : { count: countOf(i), docs: bDocs[i] };
    },
    boundLeft(a, b) {
      const i = bigramIndex(a, b);
      return i < 0 || bLeft[i] === 255 ? -1 : bLeft[i] / 100;
    },
    boundRight(a, b) {
      const i = bigramIndex(a, b);
      return i < 0 || bRight[i] === 255 ? -1 : bRight[i] / 100;
    },
    after: (a) => ({ ids: second.subarray(start[a], start[a + 1]), docs: bDocs.subarray(start[a], start[a + 1]) }),
    before(b) {
      const r = reverse();
      return { ids: r.first.subarray(r.start[b], r.start[b + 1]), docs: r.docs.subarray(r.start[b], r.start[b + 1]) };
    },
    followers: (a) => (a >= 0 && a < V ? start[a + 1] - start[a] : 0),
    predecessors,
    repeats: (a, b) => repeats.get(b === undefined ? `${a}` : `${a} ${b}`) ?? [],
    doublingHead: (a) => heads.get(a),
    phrase(a, b, c) {
      const k = phraseAt(a, b, c);
      return k < 0 ? 0 : phraseDocs[k] & 0x7fff;
    },
    bondedPhrase(a, b, c) {
      const k = phraseAt(a, b, c);
      return k >= 0 && !(phraseDocs[k] & 0x8000);
    },
  };
}

let shipped: LanguageModel | undefined;
let override: LanguageModel | undefined;

/** The shipped model (decoded on first use), or the one `withLanguageModel` put in place. */
export function languageModel(): LanguageModel {
  if (override) return override;
  shipped ??= decodeModel(LM_WORDS, LM_DATA, LM_INFO);
  return shipped;
}

/**
 * Runs `fn` with another model in place of the shipped one: the threshold tuner builds models
 * that leave some documents out and measures the rules on those documents.
 */
export function withLanguageModel<T>(model: LanguageModel, fn: () => T): T {
  const saved = override;
  override = model;
  try {
    return fn();
  } finally {
    override = saved;
  }
}

export const MODEL_INFO = LM_INFO;

/** Model ids of a document's word forms: `ids[token.id]` (-1 when the model does not know the form). */
export interface ModelWords {
  ids: Int32Array;
  model: LanguageModel;
  /** Model id of a token (numbers as '#'). */
  of(t: Token): number;
}

export const modelWords = defineFact('model-words', (_doc, facts): ModelWords => {
  const v = facts.get(vietnamese);
  const model = languageModel();
  const ids = new Int32Array(v.forms).fill(-2);
  const num = model.id(NUMBER);
  const of = (t: Token): number => {
    let x = ids[t.id];
    if (x === -2) ids[t.id] = x = t.hasDigit ? num : model.id(t.canon);
    return x;
  };
  return { ids, model, of };
});

// ---- OCR damage ----

/**
 * A document is OCR output (or retyped from it) when this share of its marked lower-case words
 * are no Vietnamese syllable, and at least `minUnknown` of them: measured on the corpora
 * (share per document), the OCR'd folder vi/pjj-tax-pdf has its median at 0.49 % and 103 of 389
 * documents at 0.3 % or more with 10+ such words; the clean folders (tnt305-tvpl, uts-vlc,
 * real/vi) have their 90th percentile under 0.1 % and 6 of 623 documents over the bar.
 */
export const OCR = { share: 0.003, minUnknown: 10, near: 8 };

export interface OcrDamage {
  /** Marked lower-case words read, and those that are no syllable. */
  checked: number;
  unknown: number;
  share: number;
  /** The document reads as OCR output: doubled words in it are likely layout (columns, table cells run together). */
  damaged: boolean;
  /** Token indexes (ascending) of junk: a marked word that is no syllable (Sé, djémdauu), a letter outside the alphabet (Ï), a table cell drawn with | in the text. */
  junk: number[];
  /** Is there junk within OCR.near tokens of the tokens from..to (same block)? ("nghỉ việc nghỉ việc djémdauu") */
  junkNear(from: Token, to: Token): boolean;
}

export const ocrDamage = defineFact('ocr-damage', (_doc, facts): OcrDamage => {
  const list = syllables();
  let checked = 0;
  let unknown = 0;
  const junk: number[] = [];
  const toks = facts.get(vietnamese).tokens;
  for (const t of toks) {
    if (t.skip || t.hasDigit) continue;
    if ((t.marked && t.text.length >= 2 && !list.has(t.canon)) || !t.letters || t.sepBefore.includes('|')) junk.push(t.index);
    if (!t.marked || t.caps !== 'lower' || t.text.length < 2) continue;
    checked++;
    if (!list.has(t.canon)) unknown++;
  }
  const share = checked ? unknown / checked : 0;
  const junkNear = (from: Token, to: Token): boolean => {
    // the first junk index at or after from - near
    let lo = 0;
    let hi = junk.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (junk[mid] < from.index - OCR.near) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < junk.length && junk[k] <= to.index + OCR.near; k++) if (toks[junk[k]].block === from.block) return true;
    return false;
  };
  return { checked, unknown, share, damaged: unknown >= OCR.minUnknown && share >= OCR.share, junk, junkNear };
});

// ---- doubled words (repeated-word) ----

/** Bond of a pair: the larger of P(b | a) and P(a | b) in the model (0 when either is absent or unknown). */
export function bond(model: LanguageModel, a: number, b: number): number {
  if (a < 0 || b < 0) return 0;
  const n = model.bigram(a, b).count;
  if (!n) return 0;
  return Math.max(n / Math.max(1, model.unigram(a).count), n / Math.max(1, model.unigram(b).count));
}

/** Pointwise mutual information of a pair (log2 of observed over chance); -Infinity when absent. */
export function pmi(model: LanguageModel, a: number, b: number): number {
  if (a < 0 || b < 0) return -Infinity;
  const n = model.bigram(a, b).count;
  if (!n) return -Infinity;
  return Math.log2((n * model.tokens) / (model.unigram(a).count * model.unigram(b).count));
}

/**
 * Thresholds of the doubling judgement, chosen on the corpus's own doublings (2,615 written in
 * corpus/large and corpus/real: most are two words meeting, "hành vi | vi phạm", "thi công | công
 * trình"; see docs/rules/repeated-word.md for the measurements).
 */
export const DOUBLING = {
  /** A pair is a word when its bond is at least this ("thi hành", "hành vi"). */
  wordBond: 0.1,
  /** ... or at least this on one side alone ("đảng bộ | bộ phận"). */
  strongBond: 0.5,
  /** A syllable is free (a function word: của, các, hoặc, và) when no partner takes this share of it on either side. */
  freeShare: 0.2,
  /** ... or under this share when the model shows the word avoids doubling (AVOIDED): "đã" 0.30 before "được". */
  avoidedFreeShare: 0.35,
  /** ... and then a pair of it with a neighbour at this PMI or more (4x chance) is a word ("chấp nhận" 5.0, "nhận lại" 2.7; "tỉnh đã" 0.3, "đã chỉ" -0.9). */
  avoidedPairPmi: 2,
  /** The phrase without the repeat (x a y) must be written by this many times more documents than the repeat's context. */
  phraseOdds: 10,
  /** The doubled unit must be written by this many documents (a rare word's doubling may be a name). */
  minDocs: 5,
  /**
   * A syllable the model writes doubled at this rate per occurrence or more doubles in the
   * language itself ("that that": 4.5e-4); the corpus's own slips double at 0.5-1.6e-4 (của,
   * các, có, hoặc, theo).
   */
  normalRate: 3e-4,
  /** The phrase without the repeat takes at least this share of the documents writing its rarer pair ("Nghị định số 268": 336 of 375). */
  phraseShare: 0.5,
  /**
   * ... or, never written with the repeat, it is the near-only context of its rarer pair (the
   * model's dominant phrases, scripts/build-lexicon.mjs DOMINANT): written by this many documents
   * and this share of the rarer pair's. "cho tổ | tổ chức" is no meeting of two words when "cho tổ"
   * lives only inside "cho tổ chức". Chosen on the corpus's own doublings (1,791 outside the
   * damaged folders, leave-one-out): 14 pass, 13 of them slips ("cơ quan quan quản", "thẩm quyền
   * quyền quyết", "kết quả quả đánh"), 1 two words ("tiền sử | sử dụng"); at 0.8 "chính quy | quy
   * định" passes too.
   */
  dominantDocs: 3,
  dominantShare: 0.9,
  /**
   * A copy cut off from its word (LanguageModel.boundLeft/boundRight): the other copy's pair
   * bonds (wordBond), and the cut-off copy's pair, written this many times or more ("khẩu trang",
   * 6 times, is mostly "xuất khẩu trang thiết bị"), has its
   * syllable belong with the word on its other side at least this share of the time. Chosen on
   * the corpus's own doublings outside the damaged folders (1,790, each document's own doubling
   * left out): at 0.95, 15 pass, 14 of them slips ("thẩm quyền quyền quyết", "Chuyển hồ hồ sơ",
   * "dân tỉnh tỉnh ban hành"), one two words ("tiền sử | sử dụng"); 0.9 lets in 17.
   */
  boundCount: 10,
  boundShare: 0.95,
  /** A two-syllable repeat whose first copy is selected by the word before it this much (PMI) may end a phrase: "người khiếu nại | khiếu nại". */
  leftPmi: 3,
  /** ... when the unit binds inside this much more than to that word (khiếu nại 10.5 against người khiếu 3.7; thời hạn 7.4 against trong thời 5.5 is an accident). */
  agentGap: 3,
  /**
   * ... and when that word mostly begins a word (its commonest follower takes this share of it:
   * nhà 0.65, as in "nhà đầu tư | đầu tư"): a free word before the unit (trong 0.14, việc 0.06,
   * giảm 0.10, hai 0.11, phần 0.07, tạo 0.09, chi 0.28) does not make one word with it, and the
   * corpus's repeats after one were all slips ("trong hoạt động hoạt động", "phần chênh lệch chênh
   * lệch", "tạo điều kiện điều kiện", "một trong hai hình thức hình thức").
   */
  agentLead: 0.5,
  /** A document with this many two-syllable doublings has its layout read into the text (columns, cells): they are notes. */
  layoutUnits: 3,
  /** The second copy splits ("xuất bản | bản phẩm" 4.4 against xuất bản 5.0; "bảo hiểm | hiểm xã hội" 6.0 against 7.6, two columns read as one line) when b binds to the word after it within this of a b. */
  splitSlack: 2,
  /** A stranded copy: its neighbours are written by this many documents (a pair of rare words is absent by chance) ... */
  strandedWordDocs: 20,
  /** ... and the other copy's pair by this many. */
  strandedPairDocs: 5,
};

/**
 * A word the language avoids doubling: were words written in any order, it would meet itself
 * `chance` = count² / tokens times (its own language's tokens: English text is counted apart),
 * and the model writes it doubled at most `maxShare` of that. Measured on the model: the free
 * words của (chance 1,315, doubled 8: all slips of the corpus), có 629/4, các 419/4, được 352/5,
 * và 996/0, the 760/0 (in English), that 53/2 (both slips: "agreements that that may"); words
 * that do double (công 463/59: "thi công | công trình", không 81/6: "hàng không | không") stay
 * above it, and a word too rare for chance to double it (had 0.7) gives no evidence; at chance 10
 * a word never doubled is e^-10 = 4.5e-5 likely by luck (đã 16.3/0: "đã đã" missed at 20).
 */
export const AVOIDED = { minChance: 10, maxShare: 0.05 };

export interface AvoidedDoubling {
  chance: number;
  doubled: number;
}

/** Is the word (model id) one the language avoids doubling? `english`: take its chance within English text. */
export function avoidedDoubling(m: LanguageModel, a: number, english: boolean): AvoidedDoubling | undefined {
  if (a < 0) return undefined;
  const c = m.unigram(a).count;
  const tokens = english ? m.englishTokens : m.tokens;
  if (!tokens) return undefined;
  const chance = (c * c) / tokens;
  const doubled = m.bigram(a, a).count;
  if (chance < AVOIDED.minChance || doubled > AVOIDED.maxShare * chance) return undefined;
  return { chance: Math.round(chance), doubled };
}

/**
 * Share of a word's occurrences in pairs whose other word goes with it at least `partnerShare`
 * of the time (hiện có, vốn có, trợ cấp, cấp hiệu, cán bộ): such a word ends or starts compounds
 * and can meet itself where two words join ("hiện có | có số lượng", "được cấp | cấp hiệu"); a
 * word of grammar (của, các, và, được, hoặc) stays under `maxShare` (0.002-0.088 on the model;
 * có 0.44, cấp 0.45, bộ 0.48, sự 0.21, việc 0.18, người 0.13).
 */
export const COMPOUND = { partnerShare: 0.3, maxShare: 0.1 };

const compoundShares = new WeakMap<LanguageModel, Map<number, number>>();

export function compoundShare(m: LanguageModel, a: number): number {
  let cache = compoundShares.get(m);
  if (!cache) compoundShares.set(m, (cache = new Map()));
  let s = cache.get(a);
  if (s !== undefined) return s;
  let n = 0;
  const af = m.after(a);
  for (let k = 0; k < af.ids.length; k++) {
    const c = m.bigram(a, af.ids[k]).count;
    if (c >= COMPOUND.partnerShare * m.unigram(af.ids[k]).count) n += c;
  }
  const bf = m.before(a);
  for (let k = 0; k < bf.ids.length; k++) {
    const c = m.bigram(bf.ids[k], a).count;
    if (c >= COMPOUND.partnerShare * m.unigram(bf.ids[k]).count) n += c;
  }
  s = n / Math.max(1, m.unigram(a).count);
  cache.set(a, s);
  return s;
}

/** A block that writes the same run of this many words twice holds two columns read as one line. */
export const LAYOUT_RUN = 12;

/** A block of English text: this share of its words, or fewer, carries a diacritic. */
export const ENGLISH_BLOCK = { maxMarked: 0.05, minWords: 6 };

/** A per-block question answered once per block (only asked for the few blocks a doubling is in). */
function perBlock(f: (b: number) => boolean): (b: number) => boolean {
  const seen = new Map<number, boolean>();
  return (b) => {
    let r = seen.get(b);
    if (r === undefined) seen.set(b, (r = f(b)));
    return r;
  };
}

export interface Doubling {
  /** The first and second copy: tokens (first..last) of each. */
  first: Token[];
  second: Token[];
  /** Why it is an accident. */
  reason: 'phrase' | 'stranded' | 'ending' | 'free' | 'word' | 'grammar' | 'boundBefore' | 'boundAfter';
  /** Strong enough for a warning: the phrase evidence, and two-syllable doublings wordDoubling calls sure (outside OCR'd text); stranded copies (2 of 8 on the corpora were OCR'd table cells) and free syllables are a note (junctions of two words are many). */
  sure: boolean;
  /** Documents of the model writing the phrase without the repeat (reason phrase). */
  phraseDocs: number;
  /** Documents of the model writing the unit once, and doubled. */
  unitDocs: number;
  doubledDocs: number;
  /** The words around the repeat, written once (reason phrase): "định số 268"; the cut-off copy's pair (bound reasons): "dụng mức". */
  phrase: string;
  /** Bound reasons: the word the other copy makes with its neighbour ("áp dụng"). */
  unit?: string;
  /** Bound reasons, two syllables doubled: the syllable of the cut-off copy that belongs to the neighbouring word ("yêu" of "theo yêu | theo yêu cầu"); the repeated syllable itself otherwise. */
  part?: string;
  /** Reason free: the language avoids doubling the word (chance and doubled counts of the model). */
  avoided?: AvoidedDoubling;
}

export interface Doublings {
  found: Doubling[];
  /** Pairs of adjacent words looked at. */
  checked: number;
}

const sameCaps = (a: Token, b: Token): boolean =>
  (a.caps === b.caps && (a.caps === 'lower' || a.caps === 'upper')) || (a.positional && a.caps === 'title' && b.caps === 'lower');

/**
 * Words or syllables written twice in a row that the model shows to be an accident: "của của",
 * "Nghị định số số 268", "thực hiện thực hiện". Silent where two words meet on the same syllable
 * (each copy belongs with its neighbour: "hành vi vi phạm", "Ủy ban ban hành"), where the model
 * writes the repeat in that context, on numbers, names and across any separator but one space.
 */
export const doublings = defineFact('doublings', (doc, facts): Doublings => {
  const v = facts.get(vietnamese);
  const mw = facts.get(modelWords);
  const m = mw.model;
  const ocr = facts.get(ocrDamage);
  const out: Doubling[] = [];
  const toks = v.tokens;
  const adj = (i: number): boolean => i > 0 && i < toks.length && toks[i].block === toks[i - 1].block && toks[i].sepBefore === ' ';
  const plain = (t: Token): boolean => !t.skip && !t.hasDigit && [...t.text].length >= 2 && !/^[./@_\\-]+$/.test(t.sepBefore);
  const idAt = (i: number): number => (i >= 0 && i < toks.length && !toks[i].skip ? mw.of(toks[i]) : -1);
  const ctxId = (i: number, ok: boolean): number => {
    if (!ok) return -1;
    const x = idAt(i);
    return x < 0 ? -2 : x;
  };
  /** The block is English text: few of its words carry a diacritic. */
  const englishBlock = perBlock((b) => {
    const ws = (v.byBlock.get(b) ?? []).filter((t) => t.letters && !t.hasDigit && !t.skip);
    return ws.length >= ENGLISH_BLOCK.minWords && ws.filter((t) => t.marked).length <= ENGLISH_BLOCK.maxMarked * ws.length;
  });
  /** The block reads as a sentence: it ends with sentence punctuation, or goes on in the next block. */
  const sentence = (b: number): boolean => doc.blocks[b].continues || /[.!?;:…]["”’)]*\s*$/.test(doc.blocks[b].text);
  /** The block has no punctuation at all and does not go on in the next block: a table's row or header read as a line. */
  const tableLine = (b: number): boolean => !doc.blocks[b].continues && !/[.,;:!?…]/.test(doc.blocks[b].text);
  /**
   * The line of the token writes a run of LAYOUT_RUN words twice: two columns read as one line
   * ("… dưới hình thức: điểm 2. Trường hợp … dưới hình thức: điểm giao giao nhận"). The line, not
   * the block: a heading above a table whose rows repeat a phrase is no column layout.
   */
  const lineColumns = new Map<number, boolean>();
  const columns = (t: Token): boolean => {
    let start = t.index;
    while (start > 0 && toks[start - 1].block === t.block && !toks[start].sepBefore.includes('\n')) start--;
    let r = lineColumns.get(start);
    if (r !== undefined) return r;
    let end = start + 1;
    while (end < toks.length && toks[end].block === t.block && !toks[end].sepBefore.includes('\n')) end++;
    const seen = new Set<string>();
    r = false;
    for (let k = start; k + LAYOUT_RUN <= end && !r; k++) {
      const key = toks.slice(k, k + LAYOUT_RUN).map((w) => w.id).join(' ');
      if (seen.has(key)) r = true;
      seen.add(key);
    }
    lineColumns.set(start, r);
    return r;
  };
  let skipTo = -1;
  let checked = 0;
  // two-syllable doublings by unit: a document that writes one twice means it (xuất bản | xuất bản phẩm)
  const twice = new Map<string, number>();
  for (let i = 1; i < toks.length; i++) {
    if (i <= skipTo) continue;
    if (adj(i)) checked++;
    const p = toks[i - 1];
    const q = toks[i];
    // two syllables doubled: a b a b
    if (i >= 3 && adj(i) && adj(i - 1) && adj(i - 2)) {
      const [a, b, c, d] = [toks[i - 3], toks[i - 2], p, q];
      if (a.id === c.id && b.id === d.id && a.id !== b.id && [a, b, c, d].every(plain) && sameCaps(a, c) && sameCaps(b, d) && a.caps !== 'upper') {
        const A = mw.of(a);
        const B = mw.of(b);
        const pair = m.bigram(A, B);
        if (A >= 0 && B >= 0 && pair.docs >= DOUBLING.minDocs) {
          const X = ctxId(i - 4, adj(i - 3));
          const W = X >= 0 ? ctxId(i - 5, adj(i - 4)) : -1;
          const Y = ctxId(i + 1, adj(i + 1));
          const rep = m.repeats(A, B).find((r) => r.before === X && r.after === Y)?.docs ?? 0;
          const seen = m.repeats(A, B).some((r) => r.before === X && r.docs >= 2);
          const verdict = rep >= 2 || seen ? 'silent' : wordDoubling(m, W, X, A, B, Y);
          // two syllables of two words doubled, one copy cut off from its word: the model writes
          // the pair only where b belongs with the word after it ("theo yêu | theo yêu cầu": "theo
          // yêu" is "theo yêu cầu" every time), and the first b makes no word with the second a;
          // or the mirror, a belonging with the word before it
          const cutOk =
            verdict !== 'sure' && rep === 0 && !seen && pair.count >= DOUBLING.boundCount && bond(m, B, A) < DOUBLING.wordBond && !englishBlock(a.block) && !ocr.damaged && !columns(a);
          const cutAfter = cutOk && Y >= 0 && bond(m, B, Y) >= DOUBLING.wordBond && m.boundRight(A, B) >= DOUBLING.boundShare;
          const cutBefore = cutOk && !cutAfter && X >= 0 && bond(m, X, A) >= DOUBLING.wordBond && m.boundLeft(A, B) >= DOUBLING.boundShare;
          if (cutAfter || cutBefore) {
            const key = `${a.id} ${b.id}`;
            twice.set(key, (twice.get(key) ?? 0) + 1);
            const unit = cutAfter ? `${d.text} ${toks[i + 1].text}` : `${toks[i - 4].text} ${a.text}`;
            out.push({ first: [a, b], second: [c, d], reason: cutAfter ? 'boundAfter' : 'boundBefore', sure: !ocr.junkNear(a, d), phraseDocs: pair.docs, phrase: `${c.text} ${d.text}`, unit, part: cutAfter ? b.text : c.text, unitDocs: pair.docs, doubledDocs: rep });
            skipTo = i + 1;
            continue;
          }
          if (verdict !== 'silent' && (verdict !== 'note' || bond(m, A, B) >= DOUBLING.wordBond)) {
            const key = `${a.id} ${b.id}`;
            const n = (twice.get(key) ?? 0) + 1;
            twice.set(key, n);
            out.push({ first: [a, b], second: [c, d], reason: 'word', sure: verdict === 'sure', phraseDocs: 0, phrase: '', unitDocs: pair.docs, doubledDocs: rep });
            skipTo = i + 1;
            continue;
          }
        }
      }
    }
    if (!adj(i) || p.id !== q.id || !plain(p) || !plain(q) || !sameCaps(p, q)) continue;
    const A = mw.of(p);
    if (A < 0) continue;
    const uni = m.unigram(A);
    if (uni.docs < DOUBLING.minDocs) continue;
    const doubled = m.bigram(A, A).docs;
    const hasX = adj(i - 1);
    const hasY = adj(i + 1);
    const X = ctxId(i - 2, hasX);
    const Y = ctxId(i + 1, hasY);
    const rep = m.repeats(A).find((r) => r.before === X && r.after === Y)?.docs ?? 0;
    const tri = X >= 0 && Y >= 0 ? m.phrase(X, A, Y) : 0;
    const base = { first: [p], second: [q], unitDocs: uni.docs, doubledDocs: doubled };
    // the phrase without the repeat is a bonded phrase many documents write, the repeat is not
    const rarer = Math.min(m.bigram(X, A).docs, m.bigram(A, Y).docs);
    // a phrase of two bonded pairs ("theo quy định") is a phrase wherever it is written; one that
    // is only the near-only context of a pair ("cho tổ chức") is weaker evidence: not judged in
    // OCR output nor in two columns read as one line ("cá nhân nhân Việt Nam" where a column
    // ends), a note near junk
    const bonded = tri >= DOUBLING.phraseOdds * (rep + 1) && tri >= DOUBLING.phraseShare * rarer && m.bondedPhrase(X, A, Y);
    const dominant =
      !bonded && rep === 0 && tri >= DOUBLING.dominantDocs && tri >= DOUBLING.dominantShare * rarer && !ocr.damaged && !columns(p);
    if (bonded || dominant) {
      const sure = bonded || !ocr.junkNear(p, q);
      out.push({ ...base, reason: 'phrase', sure, phraseDocs: tri, phrase: `${toks[i - 2].text} ${p.text} ${toks[i + 1].text}` });
      skipTo = i;
      continue;
    }
    // a copy cut off from its word: the first copy makes a word with the word before it, and the
    // model writes the second copy's pair with the word after it only where that syllable belongs
    // with the word before it ("áp dụng | dụng mức": "dụng mức" only as "sử/áp dụng mức"); or the
    // mirror ("không thực | thực hiện": "không thực" only as "không thực hiện/tế")
    if (rep === 0 && doubled < 2 && X >= 0 && Y >= 0 && p.caps !== 'upper' && !englishBlock(p.block) && !ocr.damaged && !columns(p)) {
      const cutBefore = bond(m, X, A) >= DOUBLING.wordBond && m.bigram(A, Y).count >= DOUBLING.boundCount && m.boundLeft(A, Y) >= DOUBLING.boundShare;
      const cutAfter = !cutBefore && bond(m, A, Y) >= DOUBLING.wordBond && m.bigram(X, A).count >= DOUBLING.boundCount && m.boundRight(X, A) >= DOUBLING.boundShare;
      if (cutBefore || cutAfter) {
        const [x, y] = [toks[i - 2].text, toks[i + 1].text];
        out.push({
          ...base,
          reason: cutBefore ? 'boundBefore' : 'boundAfter',
          sure: !ocr.junkNear(p, q),
          phraseDocs: cutBefore ? m.bigram(A, Y).docs : m.bigram(X, A).docs,
          phrase: cutBefore ? `${q.text} ${y}` : `${x} ${p.text}`,
          unit: cutBefore ? `${x} ${p.text}` : `${q.text} ${y}`,
        });
        skipTo = i;
        continue;
      }
    }
    if (rep >= 2 || p.caps === 'upper') continue;
    const lead = m.lead(A);
    const trail = m.trail(A);
    const loose = lead < DOUBLING.freeShare && trail < DOUBLING.freeShare;
    const english = englishBlock(p.block);
    // in Vietnamese, only a word of grammar: a syllable of compounds may meet itself at a junction;
    // a word of grammar with a favourite neighbour ("đã | được": 0.30) is one too when the model
    // shows it avoids doubling (compounds stay out by compoundShare and the junction test below)
    const grammar = loose || (lead < DOUBLING.avoidedFreeShare && trail < DOUBLING.avoidedFreeShare);
    const avoided = grammar && (english || compoundShare(m, A) < COMPOUND.maxShare) ? avoidedDoubling(m, A, english) : undefined;
    const free = loose || !!avoided;
    // English: a doubling the grammar writes ("had had") is silent, and one without the
    // language's own evidence (AVOIDED) is not judged in a table's row or header read as a line
    // (no punctuation at all: "Regulations covered by the Impetus for review | review Frequency
    // Evaluation factors"; a hard-wrapped sentence has its commas and stops) nor in two columns
    if (english && (ENGLISH_GRAMMATICAL_DOUBLINGS.has(p.canon) || (!avoided && (tableLine(p.block) || columns(p))))) continue;
    // in a document that reads as OCR output, a doubled syllable with no such evidence is as
    // likely layout (column labels run together, "tính thuế | thuế ấn định") or a lost mark
    // ("các phần phân đoạn") as a slip: the guesses below (stranded, free) stay silent there;
    // so does a doubled token that is no Vietnamese syllable ("tt tt" in a garbled line)
    if (!avoided && !english && (ocr.damaged || !syllables().has(p.canon))) continue;
    // a word the model writes doubled well above the slip rate, in any context, is left alone
    if (!avoided && doubled >= 2 && m.bigram(A, A).count >= DOUBLING.normalRate * uni.count) continue;
    // an English word of a sentence is a word, not a syllable of a compound that may meet itself
    // where two words join: doubled, it is a slip ("in total total overpayments"), a note
    if (english && !avoided) {
      // a word English grammar never doubles (an article, a modal verb), in a sentence: a warning
      const never = ENGLISH_NEVER_DOUBLED.has(p.canon) && p.caps === 'lower' && q.caps === 'lower';
      const sure = never && sentence(p.block) && !ocr.junkNear(p, q);
      out.push({ ...base, reason: never ? 'grammar' : 'free', sure, phraseDocs: 0, phrase: '' });
      skipTo = i;
      continue;
    }
    if (!free) {
      // a copy stranded: one copy makes a pair the model never writes (fewer than 2 documents),
      // the other a pair it writes often; two words meeting make two attested pairs ("áp dụng
      // dụng mức", "thu tài tài chính" against "định vị | vị trí", "nhà giáo | giáo dục")
      // the second copy ends the phrase: the first ends a word ("Môi trường | trường.", "dân
      // tỉnh | tỉnh;") and the second has nothing after it to make a word with
      const after = doc.text.slice(q.span.end, q.span.end + 1);
      const ends = i + 1 >= toks.length || toks[i + 1].block !== q.block;
      if (!hasY && X >= 0 && (/[.,;:!?)]/.test(after) || ends) && m.bigram(X, A).docs >= DOUBLING.strandedPairDocs && bond(m, X, A) >= DOUBLING.wordBond) {
        // at a line's end it may be a table cell read into the text ("vốn chuyển nhượng nhượng"): a note
        const sure = /[.,;:!?)]/.test(after) && !ocr.damaged && !ocr.junkNear(p, q);
        out.push({ ...base, reason: 'ending', sure, phraseDocs: m.bigram(X, A).docs, phrase: `${toks[i - 2].text} ${p.text}` });
        skipTo = i;
        continue;
      }
      if (X < 0 || Y < 0 || m.unigram(X).docs < DOUBLING.strandedWordDocs || m.unigram(Y).docs < DOUBLING.strandedWordDocs) continue;
      const l = m.bigram(X, A).docs;
      const r = m.bigram(A, Y).docs;
      // ... unless the stranded copy is a lost tone mark instead: "cơ quan quan ly" (quản lý), "thông tin tin dụng" (tín dụng)
      const variants = (w: string): number[] => (syllablesByToneKey().get(toneKey(w)) ?? [w]).map((x) => m.id(x)).filter((x) => x >= 0);
      const toneSlip = (n: number, left: boolean): boolean =>
        variants(p.canon).some((o) =>
          variants(m.word(n)).some((nn) => (o !== A || nn !== n) && (left ? m.bigram(nn, o) : m.bigram(o, nn)).docs >= DOUBLING.strandedPairDocs),
        );
      if (Math.min(l, r) === 0 && Math.max(l, r) >= DOUBLING.strandedPairDocs && !toneSlip(l === 0 ? X : Y, l === 0)) {
        out.push({ ...base, reason: 'stranded', sure: false, phraseDocs: Math.max(l, r), phrase: l ? `${toks[i - 2].text} ${p.text}` : `${q.text} ${toks[i + 1].text}` });
        skipTo = i;
      }
      continue;
    }
    // a syllable with no favourite partner is no evidence by itself: "hàng không | không thường
    // lệ", "đầu vào | vào kỳ", "học sinh | sinh viên", "quy định chung chung" are two words meeting
    // or a reduplicative the bigrams cannot tell from a slip; it is judged only when the model
    // shows the language avoids doubling it (AVOIDED, whatever its compounds: việc, có, người)
    if (!english && !avoided && !avoidedDoubling(m, A, false)) continue;
    const bl = hasX ? bond(m, X, A) : 0;
    const br = hasY ? bond(m, A, Y) : 0;
    const junction = (bl >= DOUBLING.wordBond && br >= DOUBLING.wordBond) || Math.max(bl, br) >= DOUBLING.strongBond;
    // English words are words, not syllables of a compound: no junction there for a word English avoids doubling ("the the end")
    if (junction && !(english && avoided)) continue;
    // a word let in by AVOIDED alone ("đã", "nhận", "trên", "một") also builds words with no one
    // favourite partner: two pairs the model writes above chance are two words meeting ("chấp nhận
    // | nhận lại"); one such pair may be a phrase ending ("nội dung trên | trên cơ sở"): a note
    const strong = (x: number, y: number): boolean => pmi(m, x, y) >= DOUBLING.avoidedPairPmi;
    const sides = loose ? 0 : (hasX && strong(X, A) ? 1 : 0) + (hasY && strong(A, Y) ? 1 : 0);
    if (sides === 2) continue;
    // a word the language avoids doubling, in a sentence (a flattened table row has no end
    // punctuation: "Resilience and and expanding ... Workforce") and clean text: a warning
    const sure = !!avoided && sides === 0 && sentence(p.block) && !ocr.damaged && !ocr.junkNear(p, q) && !columns(p);
    out.push({ ...base, reason: 'free', sure, phraseDocs: 0, phrase: '', ...(avoided ? { avoided } : {}) });
    skipTo = i;
  }
  // a two-syllable doubling the document writes twice or more is a note, never a warning; so are
  // all of them in an OCR'd document, in one with DOUBLING.layoutUnits of them (two columns or
  // table cells read as one line: "quy định tại định tại", "hoạt động tại động tại") and in a
  // block with OCR junk
  const words = out.filter((d) => d.first.length === 2 && d.sure);
  const layout = words.length >= DOUBLING.layoutUnits || ocr.damaged;
  for (const d of words)
    if (layout || ocr.junkNear(d.first[0], d.second[d.second.length - 1]) || (twice.get(`${d.first[0].id} ${d.first[1].id}`) ?? 0) >= 2) d.sure = false;
  return { found: out, checked };
});

/**
 * A two-syllable unit a b written twice (X a b a b Y): 'sure' an accident, 'note' perhaps one,
 * 'silent' two phrases meeting. The judgement reads how the syllables bind (PMI in the model):
 * - a binds to the word before it at least as much as to b ("chi phí khác phí khác": phí goes
 *   with chi): the unit is a piece of two words and its doubling an accident, unless b a is itself
 *   a word (the middle pair reads as one);
 * - otherwise the first copy ends a phrase; it is a subject and the second copy its verb when the
 *   word before is a doubling head of the model (người: "người khiếu nại khiếu nại") or a word by
 *   itself that selects a and mostly begins a word ("nhà đầu tư | đầu tư", PMI 3+, the unit
 *   binding 3 more inside, nhà followed by one word 65 % of the time);
 * - the second copy splits when b binds to the word after it about as much as to a ("xuất bản |
 *   xuất bản phẩm", "bán hàng | bán hàng hoá"): a note;
 * - no word before it (line start, after punctuation): a note.
 */
export function wordDoubling(m: LanguageModel, W: number, X: number, A: number, B: number, Y: number): 'sure' | 'note' | 'silent' {
  if (X < 0) return 'note';
  const pab = pmi(m, A, B);
  const pxa = pmi(m, X, A);
  if (pxa >= pab) return bond(m, B, A) >= DOUBLING.wordBond ? 'silent' : 'sure';
  const head = m.doublingHead(X);
  if (head) return 'silent';
  const alone = W < 0 || bond(m, W, X) < DOUBLING.wordBond;
  if (alone && pxa >= DOUBLING.leftPmi && pab - pxa >= DOUBLING.agentGap && m.lead(X) >= DOUBLING.agentLead) return 'silent';
  const pby = Y >= 0 ? pmi(m, B, Y) : -Infinity;
  if (pby >= DOUBLING.leftPmi && pby >= pab - DOUBLING.splitSlack) return 'note';
  return 'sure';
}

/**
 * Written by at least this many documents of the model, a word that is not in the syllable list
 * is a loanword or a local name the state's own documents use (kilôgam 6, rôn 6, nòng 31, Đắk 24),
 * not a misspelling: the corpus's repeated slips stay under it (axít, ôxy, pít: 2).
 */
export const ATTESTED_DOCS = 5;

/**
 * Two forms of a phrase that are each attested by the model are two words, not a variant: the
 * rarer is written by at least MIN docs and at least SHARE of the commoner's occurrences (thứ tư
 * 20 / thứ tự 269, chuyên dụng / chuyên dùng, công nhân / công nhận, con dâu / con dấu), or by
 * WIDE documents at any share (cộng tác 30 documents, 2.5 % of công tác). Chosen on the corpus's
 * term-variant findings: the slips it must keep are written by 3-16 documents at 1.6-4.8 %
 * (để xuất 16 / đề xuất, nêu tại, trọng tài, viện trợ, bản quyền); ra soát 0 / rà soát 724.
 */
export const DISTINCT = { minDocs: 5, share: 0.05, wide: 30 };

/** A name's last word and the lower-case word after it make a word of the model when this many documents write the pair (Đấu thầu 76; Đầu thầu 2). */
export const NAME_PAIR_DOCS = 3;

/** Is the word (model id) an attested word of the corpus though not a listed syllable? */
export function attestedWord(model: LanguageModel, id: number, split: (w: string) => boolean): boolean {
  if (id < 0) return false;
  if (model.unigram(id).docs < ATTESTED_DOCS) return false;
  // two syllables written without the space between them (hìnhthành, việtnam) stay misspellings
  return !split(model.word(id));
}

/** Are the pairs (a1 b1) and (a2 b2) both words of the model, the rarer one no slip of the other? */
export function distinctPairs(model: LanguageModel, a1: number, b1: number, a2: number, b2: number): boolean {
  const x = model.bigram(a1, b1);
  const y = model.bigram(a2, b2);
  const [lo, hi] = x.count <= y.count ? [x, y] : [y, x];
  return lo.docs >= DISTINCT.wide || (lo.docs >= DISTINCT.minDocs && lo.count >= DISTINCT.share * hi.count);
}

// ---- real-syllable typos (spelling/confusion) ----

/** Final y after a consonant is an accepted variant of i (sỹ = sĩ, lý = lí, tỷ = tỉ). */
export function iForY(w: string): string {
  const m = /^([bcdđghklmnpqrstvx]+)([yýỳỷỹỵ])$/.exec(w);
  return m ? m[1] + 'iíìỉĩị'['yýỳỷỹỵ'.indexOf(m[2])] : w;
}

/** Levenshtein distance exactly 1 on NFC letters: one letter, or one letter with its diacritics (bổ/bộ, sung/xung, định/đinh). */
export function withinOne(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la < lb ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/**
 * A real syllable typed for another one ("quẩn lý" for "quản lý", "nhiệm vũ" for "nhiệm vụ",
 * "bổ xung" for "bổ sung"): the pair is written by no document of the model, the document itself
 * writes the pair one edit away elsewhere, and the model writes that pair in many documents.
 * Both kinds of evidence are needed: a pair the model lacks is no evidence alone (most pairs that
 * cross a word boundary are rare), and a document's near pair alone may be another word.
 */
export const CONFUSION = {
  /** The corrected pair is written by this many documents of the model. */
  minDocs: 20,
  /** ... and binds as a word (bond): "quản lý", "bổ sung", not two words that meet ("của các"); at 0.1, pairs of two words such as "dễ dàng" / "dễ dùng" came through. */
  minBond: 0.5,
  /** A warning when the document writes the corrected pair this many times (once: a note). */
  warnDocCount: 2,
  /**
   * A document with more of them than this is damaged (OCR'd or retyped: 54-85 in the worst of
   * pjj-tax-pdf and pjj-tax-doc) and they are all notes; no clean document of the corpora has
   * more than 3.
   */
  maxSure: 3,
  /**
   * Without the document's own evidence (it never writes the corrected pair), the model's alone:
   * the corrected pair is written by this many documents of the model and binds this strongly,
   * and the syllable kept is common enough (documents) that its pair with the typed one being
   * absent is itself evidence.
   */
  modelMinDocs: 50,
  modelMinBond: 0.3,
  modelWordDocs: 20,
};

export interface RealTypo {
  /** The token typed, and what the document writes in its place elsewhere. */
  token: Token;
  suggestion: string;
  /** The pair as written, and corrected. */
  written: string;
  corrected: string;
  /** How often the document writes the corrected pair; documents of the model writing it. */
  docCount: number;
  modelDocs: number;
  sure: boolean;
  /** On the model's evidence alone: the document does not write the corrected pair. */
  fromModel?: boolean;
}

export const realTypos = defineFact('real-typos', (_doc, facts): RealTypo[] => {
  const v = facts.get(vietnamese);
  const mw = facts.get(modelWords);
  const m = mw.model;
  const list = syllables();
  const { nameTokens } = facts.get(names);
  const toks = v.tokens;
  const word = (t: Token): boolean => !t.skip && !t.hasDigit && t.letters && t.caps === 'lower' && list.has(t.canon) && !nameTokens.has(t.index);
  // the document's pairs of words: how often, and where (first token)
  const pairs = new Map<string, number[]>();
  const byFirst = new Map<string, Set<string>>();
  const bySecond = new Map<string, Set<string>>();
  for (let i = 0; i + 1 < toks.length; i++) {
    const a = toks[i];
    const b = toks[i + 1];
    if (b.block !== a.block || b.sepBefore !== ' ' || !word(a) || !word(b)) continue;
    const key = `${a.canon} ${b.canon}`;
    const at = pairs.get(key);
    if (at) at.push(i);
    else {
      pairs.set(key, [i]);
      (byFirst.get(a.canon) ?? byFirst.set(a.canon, new Set()).get(a.canon)!).add(b.canon);
      (bySecond.get(b.canon) ?? bySecond.set(b.canon, new Set()).get(b.canon)!).add(a.canon);
    }
  }
  const out = new Map<number, RealTypo>();
  const ocr = facts.get(ocrDamage).damaged;
  for (const [key, at] of pairs) {
    if (at.length !== 1) continue;
    const i = at[0];
    const a = toks[i];
    const b = toks[i + 1];
    const A = mw.of(a);
    const B = mw.of(b);
    // a syllable the model does not know is written with nothing: the pair is absent too
    if (m.bigram(A, B).docs > 0) continue;
    // the typed syllable is no typo when it makes a word with its other neighbour ("đáp ứng | phù hợp")
    // ... nor when the typed syllable is written with its other neighbour, or the other syllable
    // makes a word with its own other neighbour (the pair is then two words meeting: "thuỷ văn | biển")
    const bound = (x: number, y: number): boolean => x >= 0 && y >= 0 && m.bigram(x, y).docs >= DOUBLING.minDocs && bond(m, x, y) >= DOUBLING.wordBond;
    const written = (x: number, y: number): boolean => x >= 0 && y >= 0 && m.bigram(x, y).docs > 0;
    const prev = i > 0 && toks[i - 1].block === a.block && a.sepBefore === ' ' ? mw.of(toks[i - 1]) : -1;
    const next = i + 2 < toks.length && toks[i + 2].block === b.block && toks[i + 2].sepBefore === ' ' ? mw.of(toks[i + 2]) : -1;
    let best: RealTypo | undefined;
    let rivals = 0;
    const consider = (t: Token, x: string, y: string, fixed: string) => {
      const corrected = `${x} ${y}`;
      const docCount = pairs.get(corrected)?.length ?? 0;
      const X = m.id(x);
      const Y = m.id(y);
      const modelDocs = m.bigram(X, Y).docs;
      if (!docCount || modelDocs < CONFUSION.minDocs || bond(m, X, Y) < CONFUSION.minBond) return;
      rivals++;
      if (!best || docCount > best.docCount || (docCount === best.docCount && modelDocs > best.modelDocs))
        best = { token: t, suggestion: fixed, written: key, corrected, docCount, modelDocs, sure: false };
    };
    const variant = (x: string, y: string): boolean => iForY(x) === iForY(y);
    if (!bound(prev, A) && !written(prev, A) && !bound(B, next))
      for (const x of bySecond.get(b.canon) ?? []) if (withinOne(a.canon, x) && !variant(a.canon, x)) consider(a, x, b.canon, x);
    if (!bound(B, next) && !written(B, next) && !bound(prev, A))
      for (const y of byFirst.get(a.canon) ?? []) if (withinOne(b.canon, y) && !variant(b.canon, y)) consider(b, a.canon, y, y);
    if (!best && !ocr) {
      // the model's evidence alone: a pair one letter or mark away that documents write as a word;
      // the typed syllable's pair with its other neighbour counts as written only when the model
      // writes it with the syllable standing free ("không sử" is only "không sử dụng": "không sử phạt")
      const considerModel = (t: Token, X: number, Y: number, fixed: string) => {
        const modelDocs = m.bigram(X, Y).docs;
        if (modelDocs < CONFUSION.modelMinDocs || bond(m, X, Y) < CONFUSION.modelMinBond) return;
        rivals++;
        if (!best || modelDocs > best.modelDocs)
          best = { token: t, suggestion: fixed, written: key, corrected: `${m.word(X)} ${m.word(Y)}`, docCount: 0, modelDocs, sure: false, fromModel: true };
      };
      const freeBefore = (x: number, y: number): boolean => written(x, y) && !(m.boundRight(x, y) >= DOUBLING.boundShare);
      const freeAfter = (x: number, y: number): boolean => written(x, y) && !(m.boundLeft(x, y) >= DOUBLING.boundShare);
      if (m.unigram(B).docs >= CONFUSION.modelWordDocs && !bound(prev, A) && !freeBefore(prev, A) && !bound(B, next)) {
        const bf = m.before(B).ids;
        for (let k = 0; k < bf.length; k++) {
          const x = m.word(bf[k]);
          if (x !== a.canon && list.has(x) && withinOne(a.canon, x) && !variant(a.canon, x)) considerModel(a, bf[k], B, x);
        }
      }
      if (m.unigram(A).docs >= CONFUSION.modelWordDocs && !bound(B, next) && !freeAfter(B, next) && !bound(prev, A)) {
        const af = m.after(A).ids;
        for (let k = 0; k < af.length; k++) {
          const y = m.word(af[k]);
          if (y !== b.canon && list.has(y) && withinOne(b.canon, y) && !variant(b.canon, y)) considerModel(b, A, af[k], y);
        }
      }
      if (best) {
        const f: RealTypo = best;
        if (rivals === 1) out.set(f.token.index, out.get(f.token.index) ?? f);
      }
      continue;
    }
    // (in OCR output the model's evidence alone would flag hundreds of damaged words: the document's summary says it once)
    if (!best) continue;
    const found: RealTypo = best;
    found.sure = rivals === 1 && !ocr && found.docCount >= CONFUSION.warnDocCount;
    // one token, one finding: the better-attested reading ("người đúng đầu": người đứng / đứng đầu)
    const other = out.get(found.token.index);
    if (other) {
      found.sure &&= false;
      if (other.docCount >= found.docCount) {
        other.sure = false;
        continue;
      }
    }
    out.set(found.token.index, found);
  }
  const found = [...out.values()].sort((x, y) => x.token.index - y.token.index);
  if (found.length > CONFUSION.maxSure) for (const r of found) r.sure = false;
  return found;
});

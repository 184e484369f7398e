// The citation reader: every cited document number with its parts. Party `164-TB/TU`, state
// `204/QĐ-UBND`, legal normative `178/2024/NĐ-CP` and laws `59/2020/QH14` (grammar of
// ../shared/reference/vietnamese-reports.md §1.5), US `Executive Order 14028` and
// `Public Law 117-58`; the type word before it (`Thông báo`, `Decree`), `số`/`No.`, the date after
// it (from the dates fact) and the issuer (`của Ban Thường vụ Tỉnh ủy`). Spans for the whole
// citation, the number, the symbol, the type word and the date, so rules never search again.
//
// Slips of form are read too, but only as another writing of a document the text cites in the
// grammar's form: a hyphen dropped or added (`164TB/TU`, `204-QĐ-UBND`), `/` and `-` swapped
// (`164/TB/TU`), a space (`QĐ -UBND`), a capital lowered (`QĐ-uBND`), Đ written D. Such a reading
// is `loose`; `citationGroups` puts every writing of one document into one group (number + the
// symbol's letters and digits, case and Đ/D folded), and attaches a citation whose symbol lost a
// part (`15/QĐ` for `15/QĐ-UBND`) or one letter (`12/CTTg` for `12/CT-TTg`) when its date or type
// word says it is the same document.

import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';
import { dateAtOrAfter, dateFacts, dateSlip, dateValue, type DateMention } from './dates.js';
import {
  ABOVE_WORDS, ATTACHED_WORDS, DATE_LINK_WORDS, HEAD_TYPE_CODES, ISSUER_STOP_WORDS, ISSUER_WORDS, LAW_KIND_WORDS, MIXED_CASE_CODES, NUMBER_WORDS, TITLE_START_WORDS, TYPE_CODES,
  TYPE_WORDS,
  type TypeKind,
} from './lexicon/citations.js';

export { TYPE_CODES, type TypeKind } from './lexicon/citations.js';

export type CitationSystem = 'party' | 'admin' | 'legal' | 'law' | 'us';

export interface Citation {
  system: CitationSystem;
  /** From the type word (or number) to the end of the date (or symbol). */
  span: Span;
  /** The number as written (`164`, `32a`, `14028`). */
  number: string;
  numberSpan: Span;
  /** The symbol as written (`TB/TU`, `QĐ-UBND`, `2024/NĐ-CP`), empty for US forms. */
  symbol: string;
  symbolSpan: Span;
  /** The whole number-and-symbol as written (`164-TB/TU`). */
  raw: string;
  rawSpan: Span;
  /** Grouping key: the number and the symbol's letters and digits, case and Đ/D folded (`164|TBTU`). */
  key: string;
  /** The symbol's letters and digits, folded (`TBTU`, `2024NDCP`). */
  symbolKey: string;
  /** The symbol's parts, folded (`['TB', 'TU']`, `['2024', 'ND', 'CP']`). */
  segments: string[];
  /** The type code in the symbol (`TB`, `QĐ`, `NĐ`), `QH` for laws, undefined when the symbol has none (state công văn). */
  typeCode?: string;
  /** Year in a legal number (`178/2024/NĐ-CP` -> 2024). */
  year?: number;
  typeWord?: string;
  typeWordSpan?: Span;
  /** Canonical type of the type word (`Thông báo` and `Notice` -> `TB`). */
  typeKind?: TypeKind;
  /** `số` / `No.` written. */
  hasSo: boolean;
  date?: DateMention;
  issuer?: string;
  /** Read outside the grammar: kept only as another writing of a document cited in the grammar's form. */
  loose?: boolean;
  /** For `…/QH15` and `…/UBTVQH15` numbers: law (`L`), resolution (`NQ`) or ordinance (`PL`), from the words before it. */
  lawKind?: 'L' | 'NQ' | 'PL';
  /**
   * The cited document's title right after it (`về việc ban hành Kế hoạch …`), when the words
   * after the number, date and issuer begin as a title does: its first words, lower case, one
   * space between them.
   */
  title?: string;
  /**
   * The whole title, when it ends within reach (at `;`, a full stop, a line end, a bracket or a
   * quote): every word, lower case, one space between them. Never an attachment's title
   * ("ban hành kèm theo Phụ lục I …").
   */
  fullTitle?: string;
  /**
   * A hyphen right after it at a line end (`78/2014/TT-` before a page break) or before words that
   * do not go on with the symbol (`09/2018/NĐ- m5.` in OCR residue): the symbol was cut by the
   * layout, not written otherwise.
   */
  cut?: boolean;
  /** Words right after it say it was cited earlier ("… nêu trên"): the cue as written. */
  above?: string;
  /** The type word follows `công văn` / `văn bản` ("công văn hướng dẫn số …"): the document is a letter. */
  letterNamed?: boolean;
  /** Followed by a date left blank for the signature day ("ngày     tháng     năm 2025"). */
  blankDate?: boolean;
  /** The words before it say the text is attached to it ("Kèm theo Quyết định số …"): an annex citing its own document. */
  attached?: boolean;
}

/** The citation stands in a title written in capitals (the 30 characters before it are upper case), where `TTg` is written `TTG`. */
export function inCapitals(text: string, c: Citation): boolean {
  const before = text.slice(Math.max(0, c.rawSpan.start - 30), c.rawSpan.start).replace(/[^\p{L}]/gu, '');
  return before.length >= 4 && before === before.toUpperCase();
}

/** Đ (and its look-alike Ð) written without the stroke, case kept: `NĐ-CP` -> `ND-CP`. */
export function unstroke(s: string): string {
  return s.replace(/[ĐÐ]/g, 'D').replace(/đ/g, 'd');
}

// the kinds whose symbol carries their own code since ND 110/2004 (ND 30/2020 Phụ lục III); a
// công văn's symbol is its issuer's and unit's abbreviations only (`9335/BNV-KHTC`)
const CODED_KINDS = new Set<TypeKind>(['QĐ', 'KH', 'NQ', 'NĐ', 'TT', 'CT', 'KL', 'TB', 'BC', 'HD', 'TTr', 'CTr', 'QyĐ', 'QC', 'ĐA', 'CĐ', 'PA']);
/** State numbers carry the type code from this year (ND 110/2004, in force 2005). */
export const CODED_SINCE = 2005;

/**
 * A state citation whose type word names a kind that carries its code in its symbol, dated since
 * the codes were required, and whose symbol has none: agency and unit only (`Quyết định số
 * 9335/BNV-KHTC ngày 14/10/2025`), the symbol of a công văn.
 */
export function codeMissing(c: Citation): boolean {
  if (c.system !== 'admin' || c.typeCode || c.loose || c.letterNamed || !c.typeKind || !CODED_KINDS.has(c.typeKind)) return false;
  if (!c.date || !c.date.valid || c.date.year < CODED_SINCE) return false;
  const segs = c.symbol.replace(/ /g, '').split('-');
  if (segs.length < 2) return false;
  // a head the kind may carry but not read as a type (`DA` for Đề án, an agency's `TC`), or its
  // code mangled by one letter (`OD`, `QĐÐ`, `CTT` in OCR text): not a symbol without a code
  const own = TYPE_CODES[c.typeKind].map(fold);
  return !segs.some((s) => own.some((o) => o === fold(s) || letterEdit(o, fold(s), 2)));
}

/** Case-insensitive, Đ/D-insensitive comparison key. */
export function fold(s: string): string {
  return unstroke(s).toUpperCase();
}

/** Codes read as a document type at the head of a state symbol, folded. */
export const ALL_TYPE_CODES = new Set(HEAD_TYPE_CODES.map(fold));

const TYPE_KIND = new Map(TYPE_WORDS.map(([w, k]) => [w.toLowerCase(), k]));
const LETTER = /[\p{L}.]/u;

/**
 * The type word (and `số`/`No.`) right before offset `at`, read backwards word by word: a few
 * short steps per citation, so no pattern is tried at every position before the number.
 */
function typeBefore(text: string, at: number): { start: number; word: string; hasSo: boolean } | undefined {
  const floor = Math.max(0, at - 48);
  const skipBlank = (i: number): number => {
    let j = i;
    while (j > floor && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
    return j;
  };
  const wordStart = (i: number): number => {
    let j = i;
    while (j > floor && LETTER.test(text[j - 1])) j--;
    return j;
  };
  let i = skipBlank(at);
  if (i === at || at - i > 3) return undefined;
  if (text[i - 1] === ':') i = skipBlank(i - 1);
  let hasSo = false;
  const ws = wordStart(i);
  if (ws < i && NUMBER_WORDS.has(text.slice(ws, i))) {
    hasSo = true;
    const j = skipBlank(ws);
    if (j === ws || ws - j > 3) return undefined;
    i = j;
  }
  // phrases of one to four words ending at i; the longest known one wins
  let found: { start: number; word: string } | undefined;
  let end = i;
  for (let n = 0; n < 4; n++) {
    const st = wordStart(end);
    if (st === end) break;
    if (st > 0 && /[\p{L}\d]/u.test(text[st - 1])) break;
    const phrase = text.slice(st, i);
    if (TYPE_KIND.has(phrase.toLowerCase())) found = { start: st, word: phrase };
    if (st === 0 || text[st - 1] !== ' ') break;
    end = st - 1;
  }
  return found ? { ...found, hasSo } : undefined;
}

const SEG = '\\p{Lu}[\\p{L}\\d]{0,11}';
const GROUP = `${SEG}(?:-[ ]?${SEG}){0,4}`;
// One scanner: Party, legal/law, admin. Spaces after a hyphen inside a symbol ("NĐ- CP") are
// conversion debris and accepted.
const NUMBER_RE = new RegExp(
  [
    `(?<pn>\\d{1,5}[a-zđ]?)[ ]?-[ ]?(?<ps>${SEG}\\/${GROUP})`,
    `(?<ln>\\d{1,5})\\/(?<ls>(?<ly>\\d{4})\\/(?:${GROUP}))`,
    `(?<an>\\d{1,6})\\/(?<as>${GROUP})(?!\\/)`,
  ]
    .map((b) => `(?<![\\p{L}\\d/.,-])(?:${b})(?![\\p{L}\\d])`)
    .join('|'),
  'gu',
);
// Any number followed by letter-and-digit parts joined by `-`, `/` or a space around them (or
// glued to the number): the forms a slip gives. Read only as another writing of a cited document.
const LSEG = '[\\p{L}\\d][\\p{L}\\d]{0,11}';
const LSEP = '(?:[ ]?[-/][ ]?)';
const LOOSE_RE = new RegExp(
  `(?<![\\p{L}\\d/.,-])(?<n>\\d{1,5}[a-zđ]?)(?<sep>${LSEP}?)(?<s>${LSEG}(?:${LSEP}${LSEG}){0,5})(?![\\p{L}\\d])`,
  'gu',
);
const US_RE = /(?<![\p{L}])(?<eo>Executive Order(?:[ \t]{1,2}(?:No\.|Number))?[ \t]{1,2}(?<eon>\d{4,5}))(?!\d)|(?<pl>(?:Public Law|Pub\.[ \t]?L\.(?:[ \t]No\.)?|P\.L\.)[ \t]{1,2}(?<pln>\d{2,3}-\d{1,4}))(?![\d-])/gu;

// Between the symbol and the date: ", ngày", " ngày", " dated", " of", " issued on", ",".
const DATE_LINK = new RegExp(`^[ \\t]{0,2},?[ \\t]{0,2}(?:(?:${DATE_LINK_WORDS.source})[ \\t]{0,3}|,[ \\t]{1,3})$`, 'iu');
const ISSUER = new RegExp(`^[ \\t]{0,2},?[ \\t]{0,2}(?:${ISSUER_WORDS.source})[ \\t]{1,3}([^,;.()\\n:“”"]{2,80})`, 'u');
const ISSUER_STOP = new RegExp(`[ \\t](?:${ISSUER_STOP_WORDS.source})(?:[ \\t]|$)`, 'u');

/** The number for grouping: `01` and `1` are one number. */
export function numberKey(n: string): string {
  return fold(n).replace(/^0+(?=\d)/, '');
}

/** The symbol's letters and digits, folded. */
export function symbolLetters(symbol: string): string {
  return fold(symbol).replace(/[ \-/]/g, '');
}

function segmentsOf(symbol: string): string[] {
  return fold(symbol).split(/[ ]*[-/][ ]*|[ ]+/).filter(Boolean);
}

type Core = Omit<Citation, 'span' | 'hasSo' | 'key' | 'symbolKey' | 'segments'>;

export function readCitations(doc: Document, dates: DateMention[], withLoose = false): Citation[] {
  const text = doc.text;
  const out: Citation[] = [];
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(text))) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    let system: CitationSystem;
    let number: string;
    let symbol: string;
    let typeCode: string | undefined;
    let year: number | undefined;
    if (g.pn !== undefined) {
      system = 'party';
      number = g.pn;
      symbol = g.ps;
      typeCode = symbol.split('/')[0];
    } else if (g.ln !== undefined) {
      number = g.ln;
      symbol = g.ls;
      year = Number(g.ly);
      const rest = symbol.slice(5).replace(/ /g, '');
      const segs = rest.split('-');
      if (segs.length === 1 && /^(?:UBTV)?QH\d{0,2}$/u.test(fold(rest))) {
        system = 'law';
        typeCode = fold(rest).startsWith('UBTV') ? 'UBTVQH' : 'QH';
      } else {
        system = 'legal';
        typeCode = segs.length > 1 ? segs[0] : undefined;
      }
    } else {
      system = 'admin';
      number = g.an;
      symbol = g.as;
      typeCode = headCode(symbol);
    }
    out.push(finish(doc, dates, {
      system, number, numberSpan: { start, end: start + number.length }, symbol, symbolSpan: { start: end - symbol.length, end },
      raw: m[0], rawSpan: { start, end }, typeCode, year,
    }));
  }
  if (withLoose) out.push(...readLoose(doc, dates, out));
  US_RE.lastIndex = 0;
  while ((m = US_RE.exec(text))) {
    const g = m.groups ?? {};
    const isEo = g.eo !== undefined;
    const number = isEo ? g.eon : g.pln;
    const start = m.index + m[0].length - number.length;
    const end = m.index + m[0].length;
    const c = finish(doc, dates, {
      system: 'us', number, numberSpan: { start, end }, symbol: '', symbolSpan: { start, end: start },
      raw: m[0], rawSpan: { start: m.index, end },
    });
    c.key = `${number}|${isEo ? 'EO' : 'PL'}`;
    c.symbolKey = isEo ? 'EO' : 'PL';
    c.typeWord = isEo ? 'Executive Order' : 'Public Law';
    c.typeWordSpan = { start: m.index, end: m.index + c.typeWord.length };
    c.typeKind = isEo ? 'EO' : 'PubL';
    c.span = { start: m.index, end: c.span.end };
    out.push(c);
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.rawSpan.end - b.rawSpan.end);
}

/** The type code at the head of a state symbol (`KH` in `KH-UBND`), none for an agency head (`UBND-VP`). */
function headCode(symbol: string): string | undefined {
  const segs = symbol.replace(/ /g, '').split('-');
  return segs.length > 1 && ALL_TYPE_CODES.has(fold(segs[0])) ? segs[0] : undefined;
}

/**
 * Candidates outside the grammar (`164TB/TU`, `204-QĐ-UBND`, `QĐ -UBND`, `QĐ-uBND`) that the
 * strict scanner read differently or not at all. Each needs a capital letter; grouping keeps
 * only those that are another writing of a strictly read citation.
 */
function readLoose(doc: Document, dates: DateMention[], strict: Citation[]): Citation[] {
  const text = doc.text;
  const byStart = new Map(strict.map((c) => [c.rawSpan.start, c]));
  const out: Citation[] = [];
  LOOSE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LOOSE_RE.exec(text))) {
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    const same = byStart.get(start);
    if (same && same.rawSpan.end >= end) continue;
    if (!/\p{Lu}/u.test(g.s) || !/\p{L}/u.test(g.s[0] + g.s)) continue;
    // a date, a range or a code without letters after the number is not a document number
    const segs = segmentsOf(g.s);
    if (!segs.some((s) => /[A-Z]/.test(s))) continue;
    const yearFirst = /^\d{4}$/.test(segs[0]);
    const lawLike = yearFirst && segs.length === 2 && /^(?:UBTV)?QH\d{0,2}$/.test(segs[1]);
    const system: CitationSystem = lawLike ? 'law' : yearFirst ? 'legal' : g.sep.includes('-') ? 'party' : 'admin';
    const symbol = g.s;
    out.push(finish(doc, dates, {
      system, number: g.n, numberSpan: { start, end: start + g.n.length }, symbol, symbolSpan: { start: end - symbol.length, end },
      raw: m[0], rawSpan: { start, end }, year: yearFirst ? Number(segs[0]) : undefined,
      typeCode: system === 'party' ? symbol.split(/[ ]*[-/][ ]*/)[0] : headCode(yearFirst ? symbol.slice(5) : symbol),
      loose: true,
    }));
  }
  return out;
}

function finish(doc: Document, dates: DateMention[], core: Core): Citation {
  const text = doc.text;
  const symbolKey = symbolLetters(core.symbol);
  const c: Citation = {
    ...core, span: { ...core.rawSpan }, hasSo: false, key: `${numberKey(core.number)}|${symbolKey}`, symbolKey, segments: segmentsOf(core.symbol),
  };
  if (core.system !== 'us' && CUT_AFTER.test(text.slice(core.rawSpan.end, core.rawSpan.end + 8))) c.cut = true;
  const tm = core.system === 'us' ? undefined : typeBefore(text, core.rawSpan.start);
  if (tm) {
    // "công văn hướng dẫn số …": a letter that guides, not a guidance
    const lead = typeBefore(text, tm.start);
    if (lead && TYPE_KIND.get(lead.word.toLowerCase()) === 'CV' && !lead.hasSo) c.letterNamed = true;
    c.typeWord = tm.word;
    c.typeWordSpan = { start: tm.start, end: tm.start + tm.word.length };
    c.typeKind = TYPE_KIND.get(tm.word.toLowerCase());
    c.hasSo = tm.hasSo;
    c.span.start = tm.start;
  }
  if (core.system === 'law') {
    c.lawKind = lawKindBefore(text, core.rawSpan.start, c.typeKind);
    if (c.lawKind) c.key += `|${c.lawKind}`;
  }
  let tail = c.span.end;
  const di = dateAtOrAfter(dates, core.rawSpan.end);
  const d = dates[di];
  if (d && d.day !== undefined && d.span.start - core.rawSpan.end <= 24 && DATE_LINK.test(text.slice(core.rawSpan.end, d.span.start))) {
    c.date = d;
    tail = d.span.end;
    c.span.end = d.span.end;
  } else if (BLANK_DATE.test(text.slice(core.rawSpan.end, core.rawSpan.end + 60))) c.blankDate = true;
  const im = ISSUER.exec(text.slice(tail, tail + 120));
  let titleFrom = tail;
  if (im) {
    const stop = ISSUER_STOP.exec(im[1]);
    const issuer = (stop ? im[1].slice(0, stop.index) : im[1]).trim();
    if (issuer) c.issuer = issuer;
    titleFrom = tail + im.index + im[0].length - im[1].length + (stop ? stop.index : im[1].length);
  }
  // "… ngày 23/9/2009 (của Bộ Tài chính) nêu trên": within the clause, before another number
  const rest = text.slice(tail, tail + 100);
  const clause = rest.slice(0, rest.search(/[.;:\n(]|\d\/|$/u));
  const cue = ABOVE_WORDS.all(clause)[0];
  if (cue) c.above = cue.phrase;
  const title = titleAt(text, titleFrom);
  if (title) {
    c.title = title.first;
    if (title.full) c.fullTitle = title.full;
  }
  const head = c.span.start;
  const before = text.slice(Math.max(0, head - 40), head).replace(/[ \t(]+$/u, '');
  if (ATTACHED_WORDS.endingAt(before)) c.attached = true;
  return c;
}

// a hyphen at the line's end, or spaces after it and no symbol part going on (`NĐ- m5. 1 1 4`);
// never a doubled hyphen (`NĐ- -CP`: a slip of the form, reported)
const CUT_AFTER = /^-(?:[ \t]*(?:\r?\n|$)|[ \t]+[^\s-])/u;

// "ngày   tháng   năm 2025", "ngày …/…/2025": a date to be filled in on signing
const BLANK_DATE = /^[ \t]{0,2},?[ \t]{0,2}ngày[ \t.…_]+(?:tháng[ \t.…_]+năm|[/ \t.…_]*\/[ \t.…_]*\/)[ \t]*\d{4}/iu;

const TITLE_END = /[;\n(“”"]|\.(?:\s|$)/u;
const TITLE_WORDS = 10;
// a whole title is read this far; a longer one is not compared whole
const TITLE_REACH = 400;

/** The title at `from` (after blanks or a comma), when a title-opening word stands there: its first words, and all of them when it ends within reach. */
function titleAt(text: string, from: number): { first: string; full?: string } | undefined {
  let i = from;
  while (i < text.length && i < from + 3 && (text[i] === ' ' || text[i] === '\t' || text[i] === ',')) i++;
  const m = TITLE_START_WORDS.at(text, i);
  if (!m || m.start !== i) return undefined;
  const stretch = text.slice(i, i + TITLE_REACH);
  const end = TITLE_END.exec(stretch);
  const words = (end ? stretch.slice(0, end.index) : stretch.slice(0, 200)).normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\d]+/gu) ?? [];
  if (!words.length) return undefined;
  const first = words.slice(0, TITLE_WORDS).join(' ');
  const whole = words.join(' ');
  return end && !ATTACHED_WORDS.at(whole, 0) ? { first, full: whole } : { first };
}

/** Two whole titles that are one, long enough to name one document (`minWords` words or more). */
export function sameFullTitle(a: string | undefined, b: string | undefined, minWords = 6): boolean {
  return a !== undefined && a === b && a.split(' ').length >= minWords;
}

/** Two titles that are one: both long enough to tell documents apart, and the same first words. */
export function sameTitle(a: string | undefined, b: string | undefined, minWords = 4): boolean {
  if (!a || !b) return false;
  const x = a.split(' ');
  const y = b.split(' ');
  const n = Math.min(x.length, y.length);
  if (n < minWords) return false;
  for (let k = 0; k < n; k++) if (x[k] !== y[k]) return false;
  return true;
}

const LAW_KIND: Record<string, 'L' | 'NQ' | 'PL'> = {
  luật: 'L', 'bộ luật': 'L', law: 'L', code: 'L', 'nghị quyết': 'NQ', resolution: 'NQ', 'pháp lệnh': 'PL', ordinance: 'PL',
};

/** Law, resolution or ordinance: the type word, else the last such word of the clause before the number. */
function lawKindBefore(text: string, at: number, typeKind: TypeKind | undefined): 'L' | 'NQ' | 'PL' | undefined {
  if (typeKind === 'Luật') return 'L';
  if (typeKind === 'NQ') return 'NQ';
  if (typeKind === 'PL') return 'PL';
  let before = text.slice(Math.max(0, at - 100), at);
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf('.'), before.lastIndexOf('\n'));
  if (cut >= 0) before = before.slice(cut + 1);
  const words = LAW_KIND_WORDS.all(before);
  const last = words[words.length - 1];
  return last ? LAW_KIND[last.phrase.toLowerCase().replace(/\s+/g, ' ')] : undefined;
}

/** One cited document: every citation of it in the text, whatever slip its form carries. */
export interface CitationGroup {
  key: string;
  members: Citation[];
  /** Members attached although their symbol lost a part or a letter (`15/QĐ`, `12/CTTg`). */
  variants: Set<Citation>;
}

export interface CitationFacts {
  /** Citations read in the grammar's form, and loose readings kept as another writing of one. */
  all: Citation[];
  groups: CitationGroup[];
  groupOf: Map<Citation, CitationGroup>;
  /** The document's own number in its header (`Số: 2969/QĐ-UBND`), when it states one. */
  own?: Citation;
}

// "Số: 2969/QĐ-UBND", "Luật số: 08/2017/QH14", "Số 127-QĐ/TW" right before the number
// (at a line or cell start, or after the motto and its rule line: never "… bởi Luật số 87/2025/QH15")
const OWN_NUMBER = /(?:^|[\n\t|]|[-_=*]{3,}[ ]{0,2}|[Pp]húc[ ]{1,2})[ ]{0,3}(?:Số|SỐ|Luật số|LUẬT SỐ)[ \t]{0,3}:?[ \t]{0,3}$/u;
const OWN_REACH = 6000;

/** The header's own number: near the header date when there is one, else early in the text. */
function ownNumber(doc: Document, all: Citation[], reportDate: DateMention | undefined): Citation | undefined {
  for (const c of all) {
    if (c.rawSpan.start > OWN_REACH) break;
    if (c.system === 'us' || c.loose || !OWN_NUMBER.test(doc.text.slice(Math.max(0, c.rawSpan.start - 24), c.rawSpan.start))) continue;
    if (reportDate ? Math.abs(reportDate.span.start - c.rawSpan.end) < 400 : c.rawSpan.start < 2000) return c;
  }
  return undefined;
}

/**
 * Groups citations by key (number + folded symbol), keeps loose readings whose key a strict
 * citation has, then attaches a lone citation whose symbol is a shortened or one-letter-off form
 * of exactly one other document with the same number, when its date is that document's or its
 * type word is that document's.
 */
export function groupCitations(read: Citation[]): CitationFacts {
  const strictKeys = new Set(read.filter((c) => !c.loose && c.system !== 'us').map((c) => c.key));
  const loose = new Set(read.filter((c) => c.loose && strictKeys.has(c.key)));
  // a loose reading replaces the strict reading of a part of it (`204/QĐ` in `204/QĐ-uBND`)
  const starts = new Map([...loose].map((l) => [l.rawSpan.start, l.rawSpan.end]));
  const covered = (c: Citation) => (starts.get(c.rawSpan.start) ?? -1) >= c.rawSpan.end;
  const all = read.filter((c) => (c.loose ? loose.has(c) : !covered(c)));
  const byKey = new Map<string, CitationGroup>();
  for (const c of all) {
    const g = byKey.get(c.key);
    if (g) g.members.push(c);
    else byKey.set(c.key, { key: c.key, members: [c], variants: new Set() });
  }
  // a law-style number without a kind word joins the one kind the text cites it as
  for (const [key, g] of [...byKey]) {
    if (g.members[0].system !== 'law' || g.members[0].lawKind) continue;
    const kinds = (['L', 'NQ', 'PL'] as const).map((k) => byKey.get(`${key}|${k}`)).filter((x) => x !== undefined);
    if (kinds.length !== 1) continue;
    kinds[0].members.push(...g.members);
    kinds[0].members.sort((a, b) => a.rawSpan.start - b.rawSpan.start);
    byKey.delete(key);
  }
  const byNumber = new Map<string, CitationGroup[]>();
  for (const g of byKey.values()) {
    const c = g.members[0];
    if (c.system === 'us') continue;
    const n = numberKey(c.number);
    const list = byNumber.get(n);
    if (list) list.push(g);
    else byNumber.set(n, [g]);
  }
  for (const list of byNumber.values()) {
    if (list.length < 2) continue;
    for (const lone of list) {
      if (lone.members.length !== 1 || !byKey.has(lone.key)) continue;
      const c = lone.members[0];
      const hosts = list.filter((h) => h !== lone && byKey.has(h.key) && h.members.length >= 1 && related(c, h.members[0]) && corroborated(c, h));
      if (hosts.length !== 1) continue;
      const host = hosts[0];
      host.members.push(c);
      host.members.sort((a, b) => a.rawSpan.start - b.rawSpan.start);
      host.variants.add(c);
      byKey.delete(lone.key);
    }
  }
  const groups = [...byKey.values()];
  const groupOf = new Map<Citation, CitationGroup>();
  for (const g of groups) for (const c of g.members) groupOf.set(c, g);
  return { all, groups, groupOf };
}

/** `c`'s symbol is `h`'s with its last parts dropped, or one letter dropped, added or changed; never another type code. */
function related(c: Citation, h: Citation): boolean {
  if (c.year !== h.year) return false;
  if (c.typeCode && h.typeCode && fold(c.typeCode) !== fold(h.typeCode)) return false;
  const a = c.segments;
  const b = h.segments;
  if (a.length < b.length && a.every((s, i) => s === b[i])) return true;
  return letterEdit(c.symbolKey, h.symbolKey);
}

/** One letter (never a digit) dropped, added or changed between two folded symbols (each `minLength` letters or more). */
function letterEdit(a: string, b: string, minLength = 3): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < minLength) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  const da = a.slice(i, a.length - j);
  const db = b.slice(i, b.length - j);
  if (da.length > 1 || db.length > 1) return false;
  return !/\d/.test(da + db);
}

/**
 * The same date as one of the host's; or the host's type word, the host cited twice or more, no
 * other issuer, and no date or one slip away from the host's (then both slips are reported).
 */
function corroborated(c: Citation, host: CitationGroup): boolean {
  if (c.issuer && c.system !== 'legal' && c.system !== 'law' && host.members.some((o) => o.issuer && !sameIssuer(o.issuer, c.issuer!))) return false;
  const hostDates = host.members.filter((o) => o.date && o.date.valid && o.date.day !== undefined).map((o) => o.date!);
  if (c.date && c.date.valid) {
    if (hostDates.some((d) => dateValue(d) === dateValue(c.date!))) return true;
    if (hostDates.length && !hostDates.some((d) => dateSlip(c.date!, d))) return false;
  }
  if (host.members.length < 2 || !c.typeKind) return false;
  return host.members.some((o) => o.typeKind === c.typeKind) && !host.members.some((o) => o.typeKind && o.typeKind !== c.typeKind);
}

/** Two issuers named alike (spaces and case aside), or one the other's first words ("Bộ Tài chính" / "Bộ Tài chính hướng dẫn …"). */
export function sameIssuer(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

export const citationFacts = defineFact('citationGroups', (doc: Document, facts): CitationFacts => {
  const { dates, reportDate } = facts.get(dateFacts);
  let read = readCitations(doc, dates, true);
  if (doc.ignored.length) read = read.filter((c) => !doc.ignored.some((s) => s.start <= c.rawSpan.start && s.end >= c.rawSpan.end));
  const out = groupCitations(read);
  const own = ownNumber(doc, out.all, reportDate);
  if (own) out.own = own;
  return out;
});

export const citations = defineFact('citations', (doc: Document, facts): Citation[] => facts.get(citationFacts).all);

/** Case of a symbol part as the grammar writes it: capitals and digits, or a code with its own small letters (`TTg`, `QĐi`). */
const MIXED = new Set(MIXED_CASE_CODES);
const HEAD_CODES_EXACT = new Set([...HEAD_TYPE_CODES, 'NĐ', 'QH', 'UBTVQH']);
const STRICT_WHOLE = new RegExp(`^(?:${NUMBER_RE.source.replace(/\(\?<\w+>/g, '(?:')})$`, 'u');

/**
 * How well a written form keeps the grammar (higher is better): read whole by the strict
 * scanner, no space inside, every part in capitals (or a mixed-case code), Đ where a type code has it.
 */
export function formScore(c: Citation): number {
  let score = 0;
  if (!c.loose && STRICT_WHOLE.test(c.raw)) score += 4;
  if (!/ /.test(c.raw)) score += 2;
  const parts = c.symbol.split(/[ ]*[-/][ ]*|[ ]+/).filter(Boolean);
  if (parts.every((p) => p === p.toUpperCase() || MIXED.has(p))) score += 1;
  if (c.typeCode && HEAD_CODES_EXACT.has(c.typeCode)) score += 1;
  return score;
}

/**
 * The expected form is right wherever the two differ in a letter: Đ written D is the slip (never
 * the other way: keyboards and OCR lose the stroke, they do not add it), a code's own small letter
 * (`TTg`) is not a slip for a capital, and `Ð` (U+00D0) looks the same as `Đ`.
 */
export function asRight(expected: string, lone: string): boolean {
  const bare = (s: string) => s.replace(/[ \-/]/g, '').replace(/Ð/g, 'Đ');
  const a = bare(expected);
  const b = bare(lone);
  if (a === b) return expected.replace(/Ð/g, 'Đ') !== lone.replace(/Ð/g, 'Đ');
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) {
    if ((b[i] === 'Đ' || b[i] === 'đ') && (a[i] === 'D' || a[i] === 'd')) return false;
  }
  for (const code of MIXED_CASE_CODES) {
    if (lone.includes(code) && !expected.includes(code) && expected.includes(code.toUpperCase())) return false;
  }
  return true;
}

/** One digit dropped, added, changed or two swapped; and far enough apart not to be two documents of one day. */
export function likelyTypo(a: string, b: string, minGap: number): boolean {
  if (a === b) return false;
  if (damerau1(a, b) !== 1) return false;
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  return Math.abs(na - nb) >= minGap;
}

/** One digit dropped, added, changed or two swapped (`01` and `1` are one number). */
export function oneDigitApart(a: string, b: string): boolean {
  const x = numberKey(a);
  const y = numberKey(b);
  return x !== y && damerau1(x, y) === 1;
}

/** Optimal-string-alignment distance, capped: returns 0, 1 or 2 (2 = more than one edit). */
function damerau1(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { d[0].push(j); continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i].push(v);
    }
  }
  return Math.min(2, d[a.length][b.length]);
}

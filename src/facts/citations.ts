// The citation reader: every cited document number with its parts. Party `164-TB/TU`, state
// `204/QĐ-UBND`, legal normative `178/2024/NĐ-CP` and laws `59/2020/QH14` (grammar of
// ../shared/reference/vietnamese-reports.md §1.5), US `Executive Order 14028` and
// `Public Law 117-58`; the type word before it (`Thông báo`, `Decree`), `số`/`No.`, the date after
// it (from the dates fact) and the issuer (`của Ban Thường vụ Tỉnh ủy`). Spans for the whole
// citation, the number, the symbol, the type word and the date, so rules never search again.

import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';
import { dateAtOrAfter, dateFacts, type DateMention } from './dates.js';

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
  /** Folded number+symbol for grouping (spaces removed, case and Đ/D folded). */
  key: string;
  /** Folded symbol alone (with the year for legal documents). */
  symbolKey: string;
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
}

/** Canonical document types with the codes a symbol may carry for them. */
export type TypeKind =
  | 'TB' | 'CV' | 'KH' | 'QĐ' | 'NQ' | 'NĐ' | 'TT' | 'CT' | 'KL' | 'BC' | 'HD' | 'TTr' | 'CTr'
  | 'QyĐ' | 'QC' | 'ĐA' | 'CĐ' | 'Luật' | 'TTri' | 'PL' | 'BB' | 'PA' | 'TC' | 'EO' | 'PubL';

/** Type words, Vietnamese and English, longest first inside the regex. */
const TYPE_WORDS: Array<[string, TypeKind]> = [
  ['Thông báo kết luận', 'TB'], ['Thông báo', 'TB'], ['Công văn', 'CV'], ['Kế hoạch', 'KH'],
  ['Quyết định', 'QĐ'], ['Nghị quyết', 'NQ'], ['Nghị định', 'NĐ'], ['Thông tư liên tịch', 'TT'],
  ['Thông tư', 'TT'], ['Chỉ thị', 'CT'], ['Kết luận', 'KL'], ['Báo cáo', 'BC'], ['Hướng dẫn', 'HD'],
  ['Tờ trình', 'TTr'], ['Chương trình hành động', 'CTr'], ['Chương trình', 'CTr'], ['Quy định', 'QyĐ'],
  ['Quy chế', 'QC'], ['Đề án', 'ĐA'], ['Công điện', 'CĐ'], ['Luật', 'Luật'], ['Thông tri', 'TTri'],
  ['Pháp lệnh', 'PL'], ['Biên bản', 'BB'], ['Phương án', 'PA'], ['Thông cáo', 'TC'],
  ['Notice', 'TB'], ['Official Letter', 'CV'], ['Official Dispatch', 'CV'], ['Plan', 'KH'],
  ['Decision', 'QĐ'], ['Resolution', 'NQ'], ['Decree', 'NĐ'], ['Joint Circular', 'TT'],
  ['Circular', 'TT'], ['Directive', 'CT'], ['Conclusion', 'KL'], ['Guidance', 'HD'],
  ['Guideline', 'HD'], ['Proposal', 'TTr'], ['Submission', 'TTr'], ['Programme', 'CTr'],
  ['Program', 'CTr'], ['Regulation', 'QyĐ'], ['Regulations', 'QyĐ'], ['Law', 'Luật'],
];

/** Symbol codes accepted for each type (compared after folding Đ/D and case). */
export const TYPE_CODES: Record<TypeKind, string[]> = {
  TB: ['TB'], CV: ['CV'], KH: ['KH'], QĐ: ['QĐ'], NQ: ['NQ', 'NQLT'], NĐ: ['NĐ'], TT: ['TT', 'TTLT'],
  CT: ['CT'], KL: ['KL'], BC: ['BC'], HD: ['HD', 'HDLT'], TTr: ['TTr'], CTr: ['CTr'],
  // state QyĐ (ND 30), Party QĐi (HD 36); before 2018 both were written QĐ
  QyĐ: ['QyĐ', 'QĐi', 'QĐ'], QC: ['QC'], ĐA: ['ĐA'], CĐ: ['CĐ'], Luật: ['QH'], TTri: ['TT'],
  PL: ['PL', 'UBTVQH'], BB: ['BB'], PA: ['PA'], TC: ['TC'], EO: [], PubL: [],
};

/**
 * Codes read as a document type at the head of a state symbol (`12/KH-UBND`); any other head is
 * an agency (`123/UBND-VP`, a công văn). `TC`, `HĐ` and `DA` are left out: they are also common
 * agency or council abbreviations (Tổng cục, Hội đồng, ban quản lý dự án).
 */
export const ALL_TYPE_CODES = new Set(
  ['TB', 'CV', 'KH', 'QĐ', 'NQ', 'NQLT', 'NĐ', 'TT', 'TTLT', 'CT', 'KL', 'BC', 'HD', 'TTr', 'CTr', 'QyĐ', 'QĐi', 'QC', 'ĐA', 'CĐ', 'PL', 'BB', 'PA', 'BS', 'GM', 'GGT'].map(fold),
);

/** Case-insensitive, Đ/D-insensitive comparison key. */
export function fold(s: string): string {
  return s.replace(/[ĐÐ]/g, 'D').replace(/đ/g, 'd').toUpperCase();
}

const TYPE_KIND = new Map(TYPE_WORDS.map(([w, k]) => [w.toLowerCase(), k]));
const SO_WORDS = new Set(['số', 'no.', 'number']);
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
  if (ws < i && SO_WORDS.has(text.slice(ws, i).toLowerCase())) {
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
const US_RE = /(?<![\p{L}])(?<eo>Executive Order(?:[ \t]{1,2}(?:No\.|Number))?[ \t]{1,2}(?<eon>\d{4,5}))(?!\d)|(?<pl>(?:Public Law|Pub\.[ \t]?L\.(?:[ \t]No\.)?|P\.L\.)[ \t]{1,2}(?<pln>\d{2,3}-\d{1,4}))(?![\d-])/gu;

// Between the symbol and the date: ", ngày", " ngày", " dated", " of", " issued on".
const DATE_LINK = /^[ \t]{0,2},?[ \t]{0,2}(?:(?:ban hành[ \t]{1,3})?(?:ngày|Ngày)|dated|Dated|of|issued on|issued|signed on|,)[ \t]{1,3}$/u;
const ISSUER = /^[ \t]{0,2},?[ \t]{0,2}(?:của|do)[ \t]{1,3}([^,;.()\n]{2,80})/u;
const ISSUER_STOP = /[ \t](?:về|kết luận|triển khai|trong|trên|cho|đối với|và|nhằm|để|tại|quy định|hướng dẫn|ban hành|đã|được|theo|với|giao|phê duyệt|thực hiện|tổ chức)(?:[ \t]|$)/u;

export function readCitations(doc: Document, dates: DateMention[]): Citation[] {
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
      if (segs.length === 1 && /^(?:UBTV)?QH\d{0,2}$/u.test(rest)) {
        system = 'law';
        typeCode = rest.startsWith('UBTV') ? 'UBTVQH' : 'QH';
      } else {
        system = 'legal';
        typeCode = segs.length > 1 ? segs[0] : undefined;
      }
    } else {
      system = 'admin';
      number = g.an;
      symbol = g.as;
      const segs = symbol.replace(/ /g, '').split('-');
      typeCode = segs.length > 1 && ALL_TYPE_CODES.has(fold(segs[0])) ? segs[0] : undefined;
    }
    const numberSpan = { start, end: start + number.length };
    const symbolSpan = { start: end - symbol.length, end };
    const symbolKey = fold(symbol.replace(/ /g, ''));
    out.push(finish(doc, dates, {
      system, number, numberSpan, symbol, symbolSpan, raw: m[0], rawSpan: { start, end },
      key: `${fold(number)}|${symbolKey}`, symbolKey, typeCode, year,
    }));
  }
  US_RE.lastIndex = 0;
  while ((m = US_RE.exec(text))) {
    const g = m.groups ?? {};
    const isEo = g.eo !== undefined;
    const number = isEo ? g.eon : g.pln;
    const start = m.index + m[0].length - number.length;
    const end = m.index + m[0].length;
    const c = finish(doc, dates, {
      system: 'us', number, numberSpan: { start, end }, symbol: '', symbolSpan: { start, end: start },
      raw: m[0], rawSpan: { start: m.index, end }, key: `${isEo ? 'EO' : 'PL'}|${number}`, symbolKey: isEo ? 'EO' : 'PL',
    });
    c.typeWord = isEo ? 'Executive Order' : 'Public Law';
    c.typeWordSpan = { start: m.index, end: m.index + c.typeWord.length };
    c.typeKind = isEo ? 'EO' : 'PubL';
    c.span = { start: m.index, end: c.span.end };
    out.push(c);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

type Core = Omit<Citation, 'span' | 'hasSo'>;

function finish(doc: Document, dates: DateMention[], core: Core): Citation {
  const text = doc.text;
  const c: Citation = { ...core, span: { ...core.rawSpan }, hasSo: false };
  const tm = core.system === 'us' ? undefined : typeBefore(text, core.rawSpan.start);
  if (tm) {
    c.typeWord = tm.word;
    c.typeWordSpan = { start: tm.start, end: tm.start + tm.word.length };
    c.typeKind = TYPE_KIND.get(tm.word.toLowerCase());
    c.hasSo = tm.hasSo;
    c.span.start = tm.start;
  }
  let tail = c.span.end;
  const di = dateAtOrAfter(dates, core.rawSpan.end);
  const d = dates[di];
  if (d && d.day !== undefined && d.span.start - core.rawSpan.end <= 24 && DATE_LINK.test(text.slice(core.rawSpan.end, d.span.start))) {
    c.date = d;
    tail = d.span.end;
    c.span.end = d.span.end;
  }
  const im = ISSUER.exec(text.slice(tail, tail + 120));
  if (im) {
    const stop = ISSUER_STOP.exec(im[1]);
    const issuer = (stop ? im[1].slice(0, stop.index) : im[1]).trim();
    if (issuer) c.issuer = issuer;
  }
  return c;
}

export const citations = defineFact('citations', (doc: Document, facts): Citation[] => {
  const { dates } = facts.get(dateFacts);
  const all = readCitations(doc, dates);
  if (doc.ignored.length === 0) return all;
  return all.filter((c) => !doc.ignored.some((s) => s.start <= c.rawSpan.start && s.end >= c.rawSpan.end));
});

// The number reader: every digit run in the document, classified (figure, date, document
// number, fraction, outline marker), and figures read as exact decimals in the document's
// convention (vi: `19.870,477`; en: `19,870.477`). Units and meanings are read on top of this
// in quantities.ts. Also infers the document's language and number convention.

import { Decimal } from 'decimal.js';
import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';

export type NumberConvention = 'vi' | 'en';

export interface NumberReading {
  value: Decimal;
  /** Digits after the decimal mark as written (precision of the stated figure). */
  decimals: number;
  /** The figure is well formed in the convention it was read in. */
  wellFormed: boolean;
  /** It would read differently in the other convention (e.g. `1.234`: 1234 in vi, 1.234 in en). */
  ambiguous: boolean;
}

export type NumberKind = 'figure' | 'date' | 'docnum' | 'fraction' | 'marker';

export interface NumberToken {
  span: Span;
  raw: string;
  kind: NumberKind;
  /** For figures (and each side of a fraction): the reading in the document's convention. */
  reading?: NumberReading;
  /** For fractions `A/B`: the two sides. */
  fraction?: { numerator: NumberToken; denominator: NumberToken };
}

const VI_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const EN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^\d+$/;
const VI_DECIMAL = /^\d+,\d+$/;
const EN_DECIMAL = /^\d+\.\d+$/;

/** Reads a digit run such as `19.870,477` in a convention; undefined if it is not a number at all there. */
export function readNumber(raw: string, conv: NumberConvention): NumberReading | undefined {
  // a plain digit run reads the same in both conventions (the common case: no second Decimal)
  if (PLAIN.test(raw)) return { value: new Decimal(raw), decimals: 0, wellFormed: true, ambiguous: false };
  const other: NumberConvention = conv === 'vi' ? 'en' : 'vi';
  const mine = readStrict(raw, conv);
  const theirs = readStrict(raw, other);
  if (mine) {
    const ambiguous = !!theirs && !theirs.value.equals(mine.value);
    return { ...mine, wellFormed: true, ambiguous };
  }
  if (theirs) return { ...theirs, wellFormed: false, ambiguous: false };
  return undefined;
}

function readStrict(raw: string, conv: NumberConvention): { value: Decimal; decimals: number } | undefined {
  if (PLAIN.test(raw)) return { value: new Decimal(raw), decimals: 0 };
  const grouped = conv === 'vi' ? VI_GROUPED : EN_GROUPED;
  const decimal = conv === 'vi' ? VI_DECIMAL : EN_DECIMAL;
  const group = conv === 'vi' ? '.' : ',';
  const mark = conv === 'vi' ? ',' : '.';
  // a grouping never starts with a zero group (0.003 is not three in vi, 0,003 not three in en)
  if ((grouped.test(raw) && !/^0[.,]/.test(raw)) || decimal.test(raw)) {
    const s = raw.split(group).join('').replace(mark, '.');
    const dot = s.indexOf('.');
    return { value: new Decimal(s), decimals: dot < 0 ? 0 : s.length - dot - 1 };
  }
  return undefined;
}

const VI_SPECIFIC = new Set([...'ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ']);

/** 'vi' when Vietnamese letters make up a noticeable share of the letters (first 50,000 characters). */
export function inferLocale(text: string): 'vi' | 'en' {
  const n = Math.min(text.length, 50_000);
  let vi = 0;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c >= 0xc0) {
      const ch = text[i].toLowerCase();
      if (VI_SPECIFIC.has(ch)) {
        vi++;
        letters++;
      } else if (/\p{L}/u.test(ch)) letters++;
    }
  }
  return letters > 0 && vi / letters > 0.03 ? 'vi' : 'en';
}

const RUN = /\d+(?:[.,]\d+)*/g;

/** Classifies every digit run of the text. Marker spans (outline numbers) are passed in. */
export function scanNumbers(text: string, markers: Span[], conv: NumberConvention): NumberToken[] {
  const out: NumberToken[] = [];
  let mi = 0;
  RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RUN.exec(text))) {
    const start = m.index;
    let end = start + m[0].length;
    const before = start > 0 ? text[start - 1] : '';
    // part of an identifier (QH15, m2, H2O) or of a longer code
    if (before && /[\p{L}\d_]/u.test(before)) continue;
    while (mi < markers.length && markers[mi].end <= start) mi++;
    if (mi < markers.length && markers[mi].start <= start && markers[mi].end >= end) {
      out.push({ span: { start, end }, raw: m[0], kind: 'marker' });
      continue;
    }
    const rest = text.slice(end, end + 24);
    if (/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(m[0])) {
      out.push({ span: { start, end }, raw: m[0], kind: 'date' });
      continue;
    }
    // dates: 19/01/2026, 19-01-2026, 19.01.2026, 01/7/2025; month/year 01/2026
    const date = /^([/.-])(\d{1,2})\1(\d{4}|\d{2})(?!\d)/.exec(rest);
    if (/^\d{1,2}$/.test(m[0]) && date) {
      end += date[0].length;
      out.push({ span: { start, end }, raw: text.slice(start, end), kind: 'date' });
      RUN.lastIndex = end;
      continue;
    }
    // month/year (01/2026), but not a legal document number 01/2025/TT-BTC or 59/2020/QH14
    if (/^\d{1,2}$/.test(m[0]) && /^[/-]\d{4}(?![\d/])/.test(rest)) {
      end += 5;
      out.push({ span: { start, end }, raw: text.slice(start, end), kind: 'date' });
      RUN.lastIndex = end;
      continue;
    }
    // document numbers: 164-TB/TU, 32a-KH/ĐU, 204/QĐ-UBND, 178/2024/NĐ-CP, 59/2020/QH14
    const doc = /^(?:[a-zđ]?-[A-ZĐ][\p{L}\d]*(?:[/-][\p{L}\d]+)*|\/\p{Lu}[\p{L}\d]*(?:[/-][\p{L}\d]+)*|\/\d{4}\/\p{Lu}[\p{L}\d]*(?:[/-][\p{L}\d]+)*)/u.exec(text.slice(end, end + 64));
    if (/^\d+$/.test(m[0]) && doc) {
      end += doc[0].length;
      out.push({ span: { start, end }, raw: text.slice(start, end), kind: 'docnum' });
      RUN.lastIndex = end;
      continue;
    }
    // fractions: 40/55, 45/60
    const frac = /^\/(\d+(?:[.,]\d+)*)(?![\d/])/.exec(rest);
    if (frac) {
      const numRaw = m[0];
      const denStart = end + 1;
      const denEnd = denStart + frac[1].length;
      const numerator: NumberToken = { span: { start, end }, raw: numRaw, kind: 'figure', reading: readNumber(numRaw, conv) };
      const denominator: NumberToken = { span: { start: denStart, end: denEnd }, raw: frac[1], kind: 'figure', reading: readNumber(frac[1], conv) };
      out.push({ span: { start, end: denEnd }, raw: text.slice(start, denEnd), kind: 'fraction', fraction: { numerator, denominator } });
      RUN.lastIndex = denEnd;
      continue;
    }
    if (/^[/]\d/.test(rest)) continue; // part of a longer slash code
    out.push({ span: { start, end }, raw: m[0], kind: 'figure', reading: readNumber(m[0], conv) });
  }
  return out;
}

/** All digit runs of the document, read in the document's convention. */
export const numberTokens = defineFact('numberTokens', (doc: Document, _facts, settings): NumberToken[] => {
  const markers: Span[] = [];
  for (const b of doc.blocks) if (b.marker) markers.push(b.marker.span);
  const tokens = scanNumbers(doc.text, markers, settings.numberFormat);
  if (doc.ignored.length === 0) return tokens;
  return tokens.filter((t) => !doc.ignored.some((s) => s.start <= t.span.start && s.end >= t.span.end));
});

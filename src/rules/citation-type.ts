// The type word of a citation must match the type code in its symbol ("Quyết định số
// 12/KH-UBND" says decision but codes a plan), and a legal document's year must match the year
// of its date. Abbreviations: ND 30/2020 Phụ lục III (state), HD 36-HD/VPTW (Party).

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { citationFacts, codeMissing, fold, TYPE_CODES, type Citation, type TypeKind } from '../facts/citations.js';
import { ocrDamage } from '../facts/language.js';

// Symbol codes that are never an agency's own abbreviation, so a state công văn (whose symbol
// has no type code, `123/UBND-VP`) carrying one is certainly mis-typed. `CT` (Cục Thuế), `TTr`
// (Thanh tra), `TB` and `BC` are left out: they are also agency abbreviations.
const SURE_TYPE_CODES = new Set(['QĐ', 'KH', 'NQ', 'NĐ', 'KL', 'QĐi', 'QyĐ', 'CTr'].map(fold));
// What a law-style symbol (`59/2020/QH14`, `1211/2016/UBTVQH13`) may be called.
const LAW_KINDS: TypeKind[] = ['Luật', 'NQ', 'PL'];

export default defineRule({
  id: 'citation-type',
  meta: {
    category: 'citations',
    defaultSeverity: 'warning',
    fixable: false,
    description: {
      en: "A cited document's type word disagrees with the type code in its number, or a legal document's year with its date.",
      vi: 'Tên loại văn bản được trích dẫn không khớp với ký hiệu loại trong số hiệu, hoặc năm trong số hiệu không khớp với ngày ban hành.',
    },
    checkedLabel: { en: 'citations', vi: 'trích dẫn' },
  },
  options: z.object({}).strict(),
  messages: {
    wrongType: {
      en: '"{word}" does not match the type code {code} in {number} ({code} is {expected}).',
      vi: '"{word}" không khớp với ký hiệu loại {code} trong số hiệu {number} ({code} là {expected}).',
    },
    unknownCode: {
      en: '"{word}" is numbered with the type code {expected} ({expected}-…), but {number} has {code} in its place, which is no type code.',
      vi: '"{word}" phải có ký hiệu loại {expected} ({expected}-…) trong số hiệu, nhưng {number} ghi {code} ở chỗ đó, không phải ký hiệu loại nào.',
    },
    wrongYear: {
      en: 'The number {number} carries the year {year}, but the document is dated {date}.',
      vi: 'Số hiệu {number} mang năm {year} nhưng văn bản ghi ngày {date}.',
    },
    missingCode: {
      en: '"{word}" is numbered with its type code ({code}-…), but {number} carries none: that is the symbol of an official letter (công văn).',
      vi: '"{word}" phải có ký hiệu loại ({code}-…) trong số hiệu, nhưng {number} không có: đó là ký hiệu của công văn.',
    },
    symbolHere: { en: 'the type code is here', vi: 'ký hiệu loại ở đây' },
    dateHere: { en: 'the date', vi: 'ngày ban hành' },
  },
  check(ctx) {
    const { all, groupOf } = ctx.facts.get(citationFacts);
    for (const c of all) {
      // a slip of form is citation-mismatch's finding; its type code is read from the grammar's form
      if (c.system === 'us' || c.loose || groupOf.get(c)?.variants.has(c)) continue;
      if (c.typeKind && c.typeWordSpan) {
        ctx.checked();
        if (codeMissing(c)) {
          // the same document called a công văn elsewhere in the text: the type word is the slip
          const letter = groupOf.get(c)?.members.some((o) => o !== c && o.typeKind === 'CV');
          ctx.report({
            ...(letter ? {} : { severity: 'info' as const }),
            messageId: 'missingCode',
            span: c.typeWordSpan,
            data: { word: c.typeWord!, code: TYPE_CODES[c.typeKind][0], number: c.raw },
            related: [{ span: c.symbolSpan, messageId: 'symbolHere' }],
          });
          continue;
        }
        const bad = mismatch(c);
        if (bad && c.system !== 'law' && c.typeCode && !known(c.typeCode)) {
          // a code that names no type: a slip of the code in a clean text (`219/2013/T-BTC`,
          // `119/2014/BTC-TCT`, `TTTLT`); silent where it is character recognition's damage: a
          // digit or a letter outside the alphabet in it (`155/2016/T1- BTC`, `QĐÐ`), or a
          // document that reads as OCR output
          if (/^[A-ZĐa-zđ]+$/u.test(c.typeCode) && !ctx.facts.get(ocrDamage).damaged) {
            ctx.report({
              messageId: 'unknownCode',
              span: c.typeWordSpan,
              data: { word: c.typeWord!, code: c.typeCode, number: c.raw, expected: TYPE_CODES[c.typeKind][0] },
              related: [{ span: c.symbolSpan, messageId: 'symbolHere' }],
            });
          }
        } else if (bad) {
          ctx.report({
            messageId: 'wrongType',
            span: c.typeWordSpan,
            data: { word: c.typeWord!, code: c.typeCode ?? '', number: c.raw, expected: nameOf(c.typeCode ?? '') },
            related: [{ span: c.symbolSpan, messageId: 'symbolHere' }],
          });
        }
      }
      if (c.year !== undefined && c.date && c.date.valid) {
        ctx.checked();
        // the date's year with its last two digits swapped: date-invalid names that slip
        if (c.date.year !== c.year && !swappedYear(c.date.year, c.year)) {
          ctx.report({
            messageId: 'wrongYear',
            span: { start: c.symbolSpan.start, end: c.symbolSpan.start + 4 },
            data: { number: c.raw, year: c.year, date: c.date.raw },
            related: [{ span: c.date.span, messageId: 'dateHere' }],
          });
        }
      }
    }
  },
});

function swappedYear(a: number, b: number): boolean {
  const s = String(a);
  return s.length === 4 && s[2] !== s[3] && Number(s.slice(0, 2) + s[3] + s[2]) === b;
}

const STATE_ONLY_KINDS = new Set<string>(['TT', 'NĐ', 'Luật', 'PL']);
const OLD_NUMBERING_UNTIL = 2005;

function mismatch(c: Citation): boolean {
  const kind = c.typeKind!;
  if (c.system === 'law') return !LAW_KINDS.includes(kind);
  if (!c.typeCode) return false;
  // a state document numbered the old way (`Thông tư số 89-TC/TCT` 1993, `Pháp lệnh số 10-LCT/HĐNN7`
  // 1983, `Luật số 102-SL/L-004` 1957): the first part is its issuer's code, not a type; Party
  // documents are never circulars, decrees, laws or ordinances, and the hyphenated form left state
  // numbering with TTLT 55/2005 (so a citation dated since then is still compared)
  if (c.system === 'party' && STATE_ONLY_KINDS.has(kind) && (!c.date || c.date.year < OLD_NUMBERING_UNTIL)) return false;
  const code = fold(c.typeCode);
  if (kind === 'CV' && c.system !== 'party') return SURE_TYPE_CODES.has(code);
  return !TYPE_CODES[kind].map(fold).includes(code);
}

const NAMES: Record<string, [string, string]> = {
  TB: ['Thông báo', 'a notice'], CV: ['Công văn', 'an official letter'], KH: ['Kế hoạch', 'a plan'],
  QD: ['Quyết định', 'a decision'], NQ: ['Nghị quyết', 'a resolution'], ND: ['Nghị định', 'a decree'],
  TT: ['Thông tư (Đảng: Thông tri)', 'a circular'], TTLT: ['Thông tư liên tịch', 'a joint circular'],
  CT: ['Chỉ thị', 'a directive'], KL: ['Kết luận', 'a conclusion'], BC: ['Báo cáo', 'a report'],
  HD: ['Hướng dẫn', 'a guidance'], TTR: ['Tờ trình', 'a submission'], CTR: ['Chương trình', 'a programme'],
  QYD: ['Quy định', 'a regulation'], QDI: ['Quy định', 'a regulation'], QC: ['Quy chế', 'rules'],
  DA: ['Đề án', 'a scheme'], CD: ['Công điện', 'a dispatch'], PL: ['Pháp lệnh', 'an ordinance'],
  BB: ['Biên bản', 'minutes'], PA: ['Phương án', 'an option plan'], TC: ['Thông cáo', 'a communiqué'],
  NQLT: ['Nghị quyết liên tịch', 'a joint resolution'], QH: ['Luật hoặc Nghị quyết của Quốc hội', 'a law or resolution of the National Assembly'],
  UBTVQH: ['Nghị quyết hoặc Pháp lệnh của UBTVQH', 'a resolution or ordinance of the NA Standing Committee'],
};

/** The code is a type code (one of NAMES). */
function known(code: string): boolean {
  return NAMES[fold(code)] !== undefined;
}

/** The official (Vietnamese) name of a code: the code is Vietnamese in both languages. */
function nameOf(code: string): string {
  return NAMES[fold(code)]?.[0] ?? code;
}

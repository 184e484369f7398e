// Text that is not plain NFC Unicode Vietnamese: decomposed (NFD) letters, text typed in the
// legacy TCVN3 (.VnTime) or VNI encodings and shown as Latin-1 garble (`Bé Quèc phßng`,
// `Quoác phoøng`), and UTF-8 read as Windows-1252 (`Diá»…n`). A word counts as garbled only
// when converting it back gives attested Vietnamese syllables, so real text never matches.

import { z } from 'zod';
import { toUnicode } from 'vietnamese-conversion';
import { defineRule, type RelatedReport } from '../engine/types.js';
import type { Span } from '../parse/document.js';
import { canonicalTone, isSyllable, vietnamese } from '../facts/vietnamese.js';
import { languageModel } from '../facts/language.js';

type Kind = 'tcvn3' | 'vni' | 'mojibake';

interface Garbled {
  span: Span;
  text: string;
  converted: string;
}

/** Latin-1 characters that never occur in Unicode Vietnamese text (legacy-font bytes). */
const STRONG = /[\u00A1-\u00BF\u00C4-\u00C7\u00CB\u00CE\u00CF\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE\u00DF\u00E4-\u00E7\u00EB\u00EE\u00EF\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF]/;
const MOJIBAKE = /[ÃÄÅÆáâ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const utf8 = new TextDecoder('utf-8', { fatal: true });
const MAX_EXAMINED = 5000;
const MIN_GARBLED = 3;
/** A word without a legacy-only character is read as VNI only from this length (short OCR slips "só", "rôi" are no encoding). */
const MIN_WEAK_LETTERS = 6;

/** Undo UTF-8-read-as-cp1252: the word's cp1252 bytes decoded as UTF-8, or undefined. */
function fromMojibake(word: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    if (c < 0x100) bytes.push(c);
    else if (CP1252[ch] !== undefined) bytes.push(CP1252[ch]);
    else return undefined;
  }
  try {
    const s = utf8.decode(new Uint8Array(bytes)).normalize('NFC');
    return s !== word && /[^\x00-\x7f]/.test(s) ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Every letter run is an attested syllable (and there is at least one with two letters). */
function allSyllables(s: string): boolean {
  const runs = s.match(/\p{L}+/gu);
  if (!runs || !runs.some((r) => r.length >= 2)) return false;
  return runs.every((r) => isSyllable(r));
}

/**
 * A lone word reads as a legacy encoding's (UTF-8 read as cp1252 has a byte pattern of its own) only when it is written in one case (lower, upper or
 * capitalised: OCR junk mixes them), as written or as read back, every syllable it reads back as is one the language model
 * counted in the corpus, and the word as written is not.
 */
function loneGarble(g: Garbled): boolean {
  // in one case as written, or as read back (TCVN3 writes some lower-case letters with capital glyphs: "thuÕ" for "thuế")
  const oneCase = (s: string): boolean => {
    const letters = s.replace(/[^\p{L}]/gu, '');
    const lower = letters.toLowerCase();
    return letters === lower || letters === letters.toUpperCase() || letters.slice(1) === lower.slice(1);
  };
  if (!oneCase(g.text) && !oneCase(g.converted)) return false;
  if (/[^\p{L}\u00ad]/u.test(g.converted)) return false;
  const lm = languageModel();
  const known = (s: string): boolean => lm.id(canonicalTone(s.toLowerCase())) >= 0;
  return (g.converted.match(/\p{L}+/gu) ?? []).every(known) && !known(g.text.replace(/\u00ad/g, ''));
}

/** The word read back from UTF-8-as-cp1252 is made of Vietnamese syllables. */
function decodesToVietnamese(word: string): boolean {
  const s = fromMojibake(word);
  return s !== undefined && allSyllables(s);
}

function fromLegacy(word: string, charset: 'TCVN3' | 'VNI'): string | undefined {
  const s = toUnicode(word, charset).normalize('NFC');
  return s !== word && allSyllables(s) ? s : undefined;
}

export default defineRule({
  id: 'encoding',
  meta: {
    category: 'text',
    defaultSeverity: 'warning',
    fixable: true,
    description: {
      en: 'Text that is not plain NFC Unicode: decomposed letters, legacy TCVN3/VNI text, or UTF-8 read as Windows-1252.',
      vi: 'Văn bản không phải Unicode dựng sẵn (NFC): chữ tổ hợp, mã TCVN3/VNI cũ, hoặc UTF-8 bị đọc nhầm thành Windows-1252.',
    },
    checkedLabel: { en: 'words', vi: 'từ' },
  },
  options: z.object({}).strict(),
  messages: {
    nfd: {
      en: '{count} of {total} words are written with combining (decomposed, NFD) marks, e.g. "{example}": they look right but do not match in search, sorting or spell checking; save the text as composed Unicode (NFC).',
      vi: '{count} trong {total} từ được gõ bằng dấu tổ hợp (Unicode tổ hợp, NFD), ví dụ "{example}": nhìn đúng nhưng không khớp khi tìm kiếm, sắp xếp, kiểm tra chính tả; hãy chuyển sang Unicode dựng sẵn (NFC).',
    },
    strayMark: {
      en: '"{example}" carries a combining mark that belongs to no letter (a doubled or misplaced tone mark).',
      vi: '"{example}" có một dấu tổ hợp không gắn với chữ nào (dấu thanh bị lặp hoặc đặt sai).',
    },
    tcvn3: {
      en: '{count} words are legacy TCVN3 (ABC, .VnTime font) text shown as garble, e.g. "{example}" = "{converted}"; convert the text from TCVN3 to Unicode (e.g. with Unikey\'s converter).',
      vi: '{count} từ là văn bản mã TCVN3 (ABC, phông .VnTime) bị hiển thị sai, ví dụ "{example}" = "{converted}"; hãy chuyển mã từ TCVN3 sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey).',
    },
    vni: {
      en: '{count} words are legacy VNI (VNI-Times font) text shown as garble, e.g. "{example}" = "{converted}"; convert the text from VNI to Unicode (e.g. with Unikey\'s converter).',
      vi: '{count} từ là văn bản mã VNI (phông VNI-Times) bị hiển thị sai, ví dụ "{example}" = "{converted}"; hãy chuyển mã từ VNI sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey).',
    },
    mojibake: {
      en: '{count} words are UTF-8 text that was read as Windows-1252, e.g. "{example}" = "{converted}"; reopen or re-import the source as UTF-8.',
      vi: '{count} từ là văn bản UTF-8 bị đọc nhầm thành Windows-1252, ví dụ "{example}" = "{converted}"; hãy mở lại hoặc nhập lại tệp gốc với bảng mã UTF-8.',
    },
    tcvn3Word: {
      en: '"{example}" is a word in the legacy TCVN3 (ABC, .VnTime) encoding inside Unicode text: "{converted}".',
      vi: '"{example}" là một từ mã TCVN3 (ABC, phông .VnTime) lẫn trong văn bản Unicode: "{converted}".',
    },
    vniWord: {
      en: '"{example}" is a word in the legacy VNI (VNI-Times) encoding inside Unicode text: "{converted}".',
      vi: '"{example}" là một từ mã VNI (phông VNI-Times) lẫn trong văn bản Unicode: "{converted}".',
    },
    mojibakeWord: {
      en: '"{example}" is a UTF-8 word read as Windows-1252 inside otherwise correct text: "{converted}".',
      vi: '"{example}" là một từ UTF-8 bị đọc nhầm thành Windows-1252 trong văn bản đúng mã: "{converted}".',
    },
    alsoHere: { en: 'also here', vi: 'cả ở đây' },
    decoded: { en: 'Write "{converted}"', vi: 'Sửa thành "{converted}"' },
    compose: { en: 'Convert to composed Unicode (NFC)', vi: 'Chuyển sang Unicode dựng sẵn (NFC)' },
  },
  check(ctx) {
    const { doc } = ctx;
    const { tokens } = ctx.facts.get(vietnamese);
    const letterWords = (): number => tokens.reduce((n, t) => (t.caps !== 'lower' || t.letters || t.marked ? n + 1 : n), 0);

    // decomposed letters: compare each token with the original text it came from
    if (!doc.norm.isIdentity) {
      const nfd: Span[] = [];
      for (const t of tokens) {
        const a = doc.norm.toOriginal(t.span.start);
        const b = doc.norm.toOriginal(t.span.end);
        if (/[\u0300-\u036f]/.test(doc.original.slice(a, b))) nfd.push(t.span);
      }
      if (nfd.length) {
        ctx.report({
          messageId: 'nfd',
          span: nfd[0],
          data: { count: nfd.length, total: letterWords(), example: doc.slice(nfd[0]) },
          related: nfd.slice(1, 4).map((span) => ({ span, messageId: 'alsoHere' })),
          fix: { edits: nfd.map((span) => ({ span, text: doc.slice(span) })), applicability: 'safe', messageId: 'compose' },
          severity: nfd.length * 2 > letterWords() ? 'error' : undefined,
        });
      }
    }
    ctx.checked(tokens.length);
    if (/[\u0300-\u036f]/.test(doc.text)) {
      for (const t of tokens) {
        if (/[\u0300-\u036f]/.test(t.text)) ctx.report({ messageId: 'strayMark', span: t.span, data: { example: t.text } });
      }
    }

    // garble: words (runs of non-space) with Latin-1 or cp1252 characters
    const found: Record<Kind, Garbled[]> = { tcvn3: [], vni: [], mojibake: [] };
    const weak: Record<Kind, Garbled[]> = { tcvn3: [], vni: [], mojibake: [] };
    let examined = 0;
    for (const b of doc.blocks) {
      const text = doc.text.slice(b.span.start, b.span.end);
      if (!/[\u0080-\u00ff\u2013-\u2122]/.test(text)) continue;
      for (const m of text.matchAll(/[^\s|]+/g)) {
        const raw = m[0];
        if (!/[\u0080-\u00ff]/.test(raw) || /\d/.test(raw)) continue;
        if (++examined > MAX_EXAMINED) break;
        let lead = /^[("'“[]*/.exec(raw)![0].length;
        let trail = /[)"'”\],.;:!?]*$/.exec(raw.slice(lead))![0].length;
        let word = raw.slice(lead, raw.length - trail);
        // a form blank or an ellipsis next to a word ("XÃ…..", "…………xã") is punctuation, unless the
        // word with it decodes to Vietnamese ("dá»…" = "dễ": the ellipsis is the last byte of ễ)
        const blanks = /^[….]*/.exec(word)![0].length;
        const blanksEnd = /[….]*$/.exec(word.slice(blanks))![0].length;
        if ((blanks || blanksEnd) && !decodesToVietnamese(word)) {
          lead += blanks;
          trail += blanksEnd;
          word = raw.slice(lead, raw.length - trail);
        }
        if (!word) continue;
        const span = { start: b.span.start + m.index + lead, end: b.span.start + m.index + lead + word.length };
        if (MOJIBAKE.test(word)) {
          const s = fromMojibake(word);
          if (s) {
            found.mojibake.push({ span, text: word, converted: s });
            continue;
          }
        }
        const strong = STRONG.test(word) || /[\u00ad]/.test(word);
        // without a legacy-only character ("tieát", "teân") a word is looked at only when it is no
        // Vietnamese word as written: then it counts towards a lone garbled word, not a garbled text
        if (!strong && (allSyllables(word) || !/[\u00c0-\u00ff]/.test(word) || word.length < MIN_WEAK_LETTERS)) continue;
        const tc = fromLegacy(word, 'TCVN3');
        const vn = fromLegacy(word, 'VNI');
        // TCVN3 writes its marked vowels with symbols (¸ µ ¹ «), so a word without one is VNI or nothing;
        // a word both read as Vietnamese is TCVN3 when it has such a symbol, VNI otherwise
        const tcvn3Marks = /[\u00a1-\u00bf]/.test(word);
        if (strong && tc && (!vn || tcvn3Marks)) found.tcvn3.push({ span, text: word, converted: tc });
        else if (vn && (!tc || !tcvn3Marks)) (strong ? found : weak).vni.push({ span, text: word, converted: vn });
      }
    }
    let words = -1;
    for (const kind of ['tcvn3', 'vni', 'mojibake'] as const) {
      const list = found[kind];
      if (list.length < MIN_GARBLED) {
        // a few lone words, not a garbled text; many lone words that are no words are damage (OCR), not an encoding
        if (list.length + weak[kind].length >= MIN_GARBLED) continue;
        // a lone word typed in another encoding (pasted from an old file or a wrongly read one):
        // reported on its own when it is no word as written and reads back as Vietnamese syllables
        for (const g of [...list, ...weak[kind]].sort((a, b) => a.span.start - b.span.start)) {
          if (allSyllables(g.text) || !allSyllables(g.converted) || (kind !== 'mojibake' && !loneGarble(g))) continue;
          ctx.report({
            messageId: `${kind}Word`,
            span: g.span,
            data: { example: g.text, converted: g.converted },
            fix: { edits: [{ span: g.span, text: g.converted }], applicability: 'unsafe', messageId: 'decoded', data: { converted: g.converted } },
          });
        }
        continue;
      }
      if (words < 0) words = countWords(doc.text);
      const related: RelatedReport[] = list.slice(1, 4).map((g) => ({ span: g.span, messageId: 'alsoHere' }));
      ctx.report({
        messageId: kind,
        span: list[0].span,
        data: { count: list.length, example: list[0].text, converted: list[0].converted },
        related,
        severity: list.length * 10 > words * 3 ? 'error' : undefined,
      });
    }
  },
});

/** Runs of non-space characters, counted without building them. */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

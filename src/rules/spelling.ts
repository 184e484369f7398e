// Vietnamese syllables that are not attested (`trách nhệm`): checked against the syllable list
// in src/data (from @cspell/dict-vi-vn, MIT) after tone-placement normalisation. Names,
// acronyms, numbers, URLs and foreign words are never checked. Suggestions come from the
// document's own vocabulary first (a word it uses next to the same neighbour), then the list.

import { z } from 'zod';
import { defineRule, type Fix, type RuleContext } from '../engine/types.js';
import { ATTESTED_DOCS, attestedWord, CONFUSION, iForY, modelWords, ocrDamage, realTypos, withinOne } from '../facts/language.js';
import { names } from '../facts/names.js';
import { canonicalTone, foldKey, syllables, syllablesByToneKey, vietnamese, vietnameseShare, type Token } from '../facts/vietnamese.js';

const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;

export default defineRule({
  id: 'spelling',
  meta: {
    category: 'text',
    defaultSeverity: 'warning',
    fixable: true,
    description: {
      en: 'A Vietnamese word that is not an attested Vietnamese syllable.',
      vi: 'Một tiếng không có trong tiếng Việt (sai chính tả).',
    },
    checkedLabel: { en: 'words', vi: 'tiếng' },
  },
  options: z
    .object({
      /** A word the document uses this many times is taken as intended and not reported. */
      maxRepeats: z.number().int().min(1).default(2),
    })
    .strict(),
  messages: {
    fromDocument: {
      en: '"{word}" is not a Vietnamese syllable; this document writes "{suggestion}" {count} times (e.g. "{context}").',
      vi: '"{word}" không phải là một tiếng trong tiếng Việt; văn bản này viết "{suggestion}" {count} lần (ví dụ "{context}").',
    },
    misplacedTone: {
      en: '"{word}" is not a Vietnamese syllable: the tone mark is on the wrong letter ("{suggestion}").',
      vi: '"{word}" không phải là một tiếng trong tiếng Việt: dấu thanh đặt sai chữ ("{suggestion}").',
    },
    fromDictionary: {
      en: '"{word}" is not a Vietnamese syllable; did you mean {suggestions}?',
      vi: '"{word}" không phải là một tiếng trong tiếng Việt; có phải là {suggestions}?',
    },
    unknown: {
      en: '"{word}" is not a Vietnamese syllable known to the dictionary.',
      vi: '"{word}" không có trong từ điển âm tiết tiếng Việt.',
    },
    confusion: {
      en: '"{written}" is written by no document of the reference corpus; this document writes "{corrected}" {count} times elsewhere ({docs} documents of the corpus write it).',
      vi: 'Không văn bản nào của kho văn bản mẫu viết "{written}"; văn bản này viết "{corrected}" {count} lần ở chỗ khác ({docs} văn bản của kho viết như vậy).',
    },
    confusionModel: {
      en: '"{written}" is written by no document of the reference corpus; one letter or mark away, "{corrected}" is a word {docs} documents of the corpus write.',
      vi: 'Không văn bản nào của kho văn bản mẫu viết "{written}"; chỉ khác một chữ hoặc một dấu, "{corrected}" là một từ được {docs} văn bản của kho viết.',
    },
    unmarked: {
      en: '"{word}" is not a Vietnamese syllable: its marks are missing; {docs} documents of the reference corpus write "{corrected}" and none "{written}".',
      vi: '"{word}" không phải là một tiếng trong tiếng Việt: thiếu dấu; {docs} văn bản của kho văn bản mẫu viết "{corrected}", không văn bản nào viết "{written}".',
    },
    replace: { en: 'Replace with "{suggestion}"', vi: 'Thay bằng "{suggestion}"' },
  },
  check(ctx, opts) {
    const v = ctx.facts.get(vietnamese);
    if (vietnameseShare(v) < 0.15) return;
    const dict = syllables();
    const user = new Set(ctx.settings.dictionary.map((w) => canonicalTone(w.normalize('NFC').toLowerCase())));
    const { nameTokens } = ctx.facts.get(names);
    const mw = ctx.facts.get(modelWords);
    /** Two listed syllables written without a space (hìnhthành). */
    const glued = (w: string): boolean => {
      const cps = [...w];
      for (let k = 1; k < cps.length; k++) if (dict.has(cps.slice(0, k).join('')) && dict.has(cps.slice(k).join(''))) return true;
      return false;
    };
    const tokens = v.tokens;
    const blocks = ctx.doc.blocks;
    // two words read one after the other: same block and one space, or a paragraph broken mid-sentence
    const adjacent = (a: Token, b: Token): boolean =>
      a.block === b.block ? b.sepBefore === ' ' : b.sepBefore === '' && b.block === a.block + 1 && blocks[a.block].continues && a.index === b.index - 1;

    // first pass, numbers only: how often each word is written, and which words are unknown
    const seen = new Int32Array(v.forms);
    const known = new Int8Array(v.forms); // 0 not looked up, 1 attested, 2 unknown
    const unknown: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      seen[t.id]++;
      if (!checkable(t, tokens[i + 1]) || nameTokens.has(t.index)) continue;
      ctx.checked();
      if (known[t.id] === 0)
        known[t.id] = dict.has(t.canon) || user.has(t.canon) || dict.has(iForY(t.canon)) || attestedWord(mw.model, mw.of(t), glued) ? 1 : 2;
      if (known[t.id] === 2) unknown.push(i);
    }
    // real syllables typed for others, on the evidence of the model and of the document
    for (const r of ctx.facts.get(realTypos)) {
      const fix = replaceFix(r.token, r.suggestion);
      ctx.report({
        messageId: r.fromModel ? 'confusionModel' : 'confusion',
        span: r.token.span,
        data: { word: r.token.text, written: r.written, corrected: r.corrected, count: r.docCount, docs: r.modelDocs, suggestion: withCase(r.token.text, r.suggestion) },
        ...(r.sure ? {} : { severity: 'info' as const }),
        fix,
      });
    }
    // a word of a marked Vietnamese phrase written without its marks ("giáo vien"): no syllable, and
    // the model writes one marked reading of it next to the same neighbour in many documents
    const m = mw.model;
    const marks: { t: Token; w: string; docs: number; pair: string; written: string }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!unmarkedCheckable(t, tokens[i + 1]) || nameTokens.has(t.index) || seen[t.id] > opts.maxRepeats) continue;
      if (dict.has(t.canon) || user.has(t.canon) || dict.has(iForY(t.canon))) continue;
      const T = mw.of(t);
      if (T >= 0 && m.unigram(T).docs >= ATTESTED_DOCS) continue; // a loanword or English word the corpus writes
      const prev = i > 0 && adjacent(tokens[i - 1], t) && tokens[i - 1].marked && dict.has(tokens[i - 1].canon) ? tokens[i - 1] : undefined;
      const next = i + 1 < tokens.length && adjacent(t, tokens[i + 1]) && tokens[i + 1].marked && dict.has(tokens[i + 1].canon) ? tokens[i + 1] : undefined;
      let best: { w: string; docs: number; pair: string; written: string } | undefined;
      let rivals = 0;
      const look = (ids: ArrayLike<number>, docs: ArrayLike<number>, n: number, left: boolean, other: Token) => {
        for (let k = 0; k < ids.length; k++) {
          const w = m.word(ids[k]);
          if (!dict.has(w) || foldKey(w) !== t.canon) continue;
          const d = docs[k];
          if (d < CONFUSION.minDocs) continue;
          if (best && best.w !== w) rivals++;
          if (!best || d > best.docs)
            best = { w, docs: d, pair: left ? `${other.lower} ${w}` : `${w} ${other.lower}`, written: left ? `${other.lower} ${t.lower}` : `${t.lower} ${other.lower}` };
        }
      };
      const P = prev ? mw.of(prev) : -1;
      const N = next ? mw.of(next) : -1;
      if (P >= 0) { const a = m.after(P); look(a.ids, a.docs, P, true, prev!); }
      if (N >= 0) { const b = m.before(N); look(b.ids, b.docs, N, false, next!); }
      if (!best || rivals > 0) continue;
      marks.push({ t, ...(best as { w: string; docs: number; pair: string; written: string }) });
    }
    // many of them, or an OCR'd document: the text was retyped or scanned, and they are notes
    const noted = marks.length > CONFUSION.maxSure || ctx.facts.get(ocrDamage).damaged;
    for (const f of marks)
      ctx.report({
        messageId: 'unmarked',
        span: f.t.span,
        data: { word: f.t.text, written: f.written, corrected: f.pair, docs: f.docs, suggestion: withCase(f.t.text, f.w) },
        ...(noted ? { severity: 'info' as const } : {}),
        fix: replaceFix(f.t, f.w),
      });
    if (unknown.length === 0) return;

    // the document's vocabulary: attested words, their counts and neighbours
    const vocab = new Map<string, number>();
    const pairs = new Map<string, number>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!dict.has(t.canon)) continue;
      vocab.set(t.canon, (vocab.get(t.canon) ?? 0) + 1);
      const n = tokens[i + 1];
      if (n && adjacent(t, n)) pairs.set(`${t.canon} ${n.canon}`, (pairs.get(`${t.canon} ${n.canon}`) ?? 0) + 1);
    }

    for (const i of unknown) {
      const t = tokens[i];
      if (seen[t.id] > opts.maxRepeats) continue;
      const prev = i > 0 && adjacent(tokens[i - 1], t) ? tokens[i - 1] : undefined;
      const next = i + 1 < tokens.length && adjacent(t, tokens[i + 1]) ? tokens[i + 1] : undefined;

      // 1. the same letters and tone, tone mark on another letter
      const tone = TONE.exec(t.canon.normalize('NFD'))?.[0];
      const moved = tone ? syllablesByToneKey().get(t.key)?.find((w) => w.normalize('NFD').includes(tone)) : undefined;
      if (moved) {
        report(ctx, t, 'misplacedTone', moved, { suggestion: withCase(t.text, moved) }, 'safe');
        continue;
      }
      // 2. a word this document uses, one letter away, best if with the same neighbour
      let best: { word: string; score: number; context: string } | undefined;
      for (const [w, count] of vocab) {
        if (!withinOne(t.canon, w)) continue;
        const left = prev ? pairs.get(`${prev.canon} ${w}`) ?? 0 : 0;
        const right = next ? pairs.get(`${w} ${next.canon}`) ?? 0 : 0;
        const score = (left + right) * 100 + count;
        if (left + right > 0 && (!best || score > best.score)) {
          best = { word: w, score, context: left >= right && prev ? `${prev.lower} ${w}` : `${w} ${next?.lower ?? ''}`.trim() };
        }
      }
      if (best) {
        report(ctx, t, 'fromDocument', best.word, { suggestion: withCase(t.text, best.word), count: vocab.get(best.word) ?? 0, context: best.context }, 'unsafe');
        continue;
      }
      // 3. the dictionary
      const near: string[] = [];
      for (const w of dict) if (withinOne(t.canon, w)) near.push(w);
      near.sort((a, b) => (vocab.get(b) ?? 0) - (vocab.get(a) ?? 0));
      if (near.length) {
        ctx.report({
          messageId: 'fromDictionary',
          span: t.span,
          data: { word: t.text, suggestions: near.slice(0, 4).map((w) => `"${withCase(t.text, w)}"`).join(', ') },
          severity: 'info',
          suggestions: near.slice(0, 4).map((w) => replaceFix(t, w)),
        });
      } else {
        ctx.report({ messageId: 'unknown', span: t.span, data: { word: t.text }, severity: 'info' });
      }
    }
  },
});

type Ctx = RuleContext<{ maxRepeats: number }>;

function report(ctx: Ctx, t: Token, messageId: string, word: string, data: Record<string, string | number>, applicability: 'safe' | 'unsafe'): void {
  const fix = replaceFix(t, word);
  fix.applicability = applicability;
  ctx.report({ messageId, span: t.span, data: { word: t.text, ...data }, fix });
}

function replaceFix(t: Token, word: string): Fix {
  const text = withCase(t.text, word);
  return { edits: [{ span: t.span, text }], applicability: 'unsafe', messageId: 'replace', data: { suggestion: text } };
}

/** A word spelling can judge: lower case (or sentence case at a sentence start), Vietnamese letters with a diacritic, not part of a hyphenated or foreign compound nor a word split by a soft hyphen. */
function checkable(t: Token, next: Token | undefined): boolean {
  if (t.skip || t.hasDigit || !t.letters || !t.marked || t.text.length < 2) return false;
  if (/[fjwz]/.test(t.lower)) return false;
  if (!(t.caps === 'lower' || (t.caps === 'title' && t.positional))) return false;
  // a piece of a longer word: after a hyphen or joiner, or split by an invisible soft hyphen (U+00AD: "đ\u00adược" reads "được")
  if (/^[-‐'’_/@.&\u00ad]$/.test(t.sepBefore)) return false;
  if (next && next.block === t.block && /^[-‐'’_/@&\u00ad]$/.test(next.sepBefore)) return false;
  return true;
}

/** A word written without any mark, lower case, Vietnamese letters only, not part of a longer word. */
function unmarkedCheckable(t: Token, next: Token | undefined): boolean {
  if (t.skip || t.hasDigit || !t.letters || t.marked || t.text.length < 2 || t.caps !== 'lower') return false;
  if (!/^[a-z]+$/.test(t.lower) || /[fjwz]/.test(t.lower)) return false;
  if (/^[-‐'’_/@.&\u00ad]$/.test(t.sepBefore)) return false;
  if (next && next.block === t.block && /^[-‐'’_/@&\u00ad]$/.test(next.sepBefore)) return false;
  return true;
}

function withCase(model: string, word: string): string {
  return model[0] !== model[0].toLowerCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

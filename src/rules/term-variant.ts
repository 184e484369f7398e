// The same two-syllable phrase written with different tone marks (rà soát x7, Ra soát x1): when
// one form clearly dominates, the rare one is most likely a slip. Strong dominance is required
// and pairs that are both common are left alone, since many Vietnamese words differ by tone only.

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import type { Span } from '../parse/document.js';
import { DISTINCT, distinctPairs, modelWords } from '../facts/language.js';
import { names } from '../facts/names.js';
import { vietnamese, type Token } from '../facts/vietnamese.js';

interface Phrase {
  span: Span;
  tokens: [Token, Token];
  /** The two words' numbers (canonical lower-case forms). */
  form: number;
}

export default defineRule({
  id: 'term-variant',
  meta: {
    category: 'names',
    defaultSeverity: 'warning',
    fixable: true,
    description: {
      en: 'A phrase written with different tone marks in the same document (rà soát / ra soát).',
      vi: 'Một cụm từ được viết với dấu thanh khác nhau trong cùng văn bản (rà soát / ra soát).',
    },
    checkedLabel: { en: 'phrases', vi: 'cụm từ' },
  },
  options: z
    .object({
      minDominant: z.number().int().min(2).default(4),
      maxVariant: z.number().int().min(1).default(1),
    })
    .strict(),
  messages: {
    variant: {
      en: '"{found}" is written "{expected}" {count} times elsewhere in this document.',
      vi: '"{found}" được viết là "{expected}" {count} lần ở chỗ khác trong văn bản.',
    },
    dominantHere: { en: 'written "{expected}" here', vi: 'viết là "{expected}" ở đây' },
    replace: { en: 'Replace with "{expected}"', vi: 'Thay bằng "{expected}"' },
  },
  check(ctx, opts) {
    const { tokens } = ctx.facts.get(vietnamese);
    const { nameTokens } = ctx.facts.get(names);
    const mw = ctx.facts.get(modelWords);
    const groups = new Map<number, Phrase[]>();
    // pairs of word numbers as one number (ids stay far below 2^26)
    const pairKey = (x: number, y: number): number => x * 67_108_864 + y;
    const pairCount = new Map<number, number>();
    for (let i = 1; i < tokens.length; i++) {
      if (tokens[i].block !== tokens[i - 1].block || tokens[i].sepBefore !== ' ') continue;
      const k = pairKey(tokens[i - 1].id, tokens[i].id);
      pairCount.set(k, (pairCount.get(k) ?? 0) + 1);
    }
    /** The syllable belongs to a phrase on its other side that the document uses again (nội dung, bố trí). */
    const explained = (t: Token, side: -1 | 1): boolean => {
      const o = tokens[t.index + side];
      if (!o || o.block !== t.block) return false;
      if ((side < 0 ? t.sepBefore : o.sepBefore) !== ' ') return false;
      const k = side < 0 ? pairKey(o.id, t.id) : pairKey(t.id, o.id);
      return (pairCount.get(k) ?? 0) >= 2;
    };
    const boundToWord = (occ: Phrase[], k: 0 | 1): boolean => {
      const counts = new Map<string, number>();
      for (const o of occ) {
        const t = o.tokens[k];
        const n = tokens[t.index + (k === 0 ? -1 : 1)];
        if (!n || n.block !== t.block || (k === 0 ? t.sepBefore : n.sepBefore) !== ' ') continue;
        counts.set(n.canon, (counts.get(n.canon) ?? 0) + 1);
      }
      return Math.max(0, ...counts.values()) * 2 >= occ.length;
    };
    const bounded = (t: Token, side: -1 | 1): boolean => {
      const o = tokens[t.index + side];
      if (!o || o.block !== t.block) return true;
      const sep = side < 0 ? t.sepBefore : o.sepBefore;
      return /[,.;:!?()]/.test(sep) && !/["“”'‘’]/.test(sep);
    };
    const candidate = (a: Token, b: Token): boolean =>
      a.block === b.block &&
      b.sepBefore === ' ' &&
      (a.marked || b.marked) &&
      usable(a, true) &&
      usable(b, false) &&
      !nameTokens.has(a.index) &&
      !nameTokens.has(b.index);
    // first pass: numbers only; phrases are built only for keys written in two ways
    const firstForm = new Map<number, number>();
    const multi = new Set<number>();
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1];
      const b = tokens[i];
      if (!candidate(a, b)) continue;
      ctx.checked();
      const key = pairKey(a.keyId, b.keyId);
      const form = pairKey(a.id, b.id);
      const f = firstForm.get(key);
      if (f === undefined) firstForm.set(key, form);
      else if (f !== form) multi.add(key);
    }
    for (let i = 1; multi.size > 0 && i < tokens.length; i++) {
      const a = tokens[i - 1];
      const b = tokens[i];
      if (!candidate(a, b)) continue;
      const key = pairKey(a.keyId, b.keyId);
      if (!multi.has(key)) continue;
      const p: Phrase = { span: { start: a.span.start, end: b.span.end }, tokens: [a, b], form: pairKey(a.id, b.id) };
      const g = groups.get(key);
      if (g) g.push(p);
      else groups.set(key, [p]);
    }
    const reported = new Set<number>();
    for (const group of groups.values()) {
      if (group.length < opts.minDominant + 1) continue;
      const byForm = new Map<number, Phrase[]>();
      for (const p of group) {
        const list = byForm.get(p.form);
        if (list) list.push(p);
        else byForm.set(p.form, [p]);
      }
      if (byForm.size < 2) continue;
      const forms = [...byForm.values()].sort((x, y) => y.length - x.length);
      const dominant = forms[0];
      if (dominant.length < opts.minDominant) continue;
      for (const minority of forms.slice(1)) {
        if (minority.length > opts.maxVariant || minority.length * 4 > dominant.length) continue;
        // both forms are words of the model (cộng tác / công tác, chi tiêu / chỉ tiêu): two terms
        const [d0, d1] = dominant[0].tokens;
        const [m0, m1] = minority[0].tokens;
        if (distinctPairs(mw.model, mw.of(d0), mw.of(d1), mw.of(m0), mw.of(m1))) continue;
        // the document's minority is the phrase more documents of the model write (Tuyên truyền against a majority
        // "tuyến truyền"; bổ sung against an OCR'd majority "bố sung"): never "correct" the common phrase into the rarer
        // one; a damaged majority is spelling's to find (confusion), which knows the corrected pair
        const minorityDocs = mw.model.bigram(mw.of(m0), mw.of(m1)).docs;
        if (minorityDocs >= DISTINCT.minDocs && minorityDocs > mw.model.bigram(mw.of(d0), mw.of(d1)).docs) continue;
        for (const p of minority) {
          const changed = p.tokens.filter((t, k) => t.canon !== dominant[0].tokens[k].canon);
          if (changed.some((t) => reported.has(t.index))) continue;
          // the changed syllable must sit at a phrase boundary on its other side (block start,
          // punctuation), where it cannot belong to a neighbouring word instead
          if (changed.some((t) => explained(t, t === p.tokens[0] ? -1 : 1) || !bounded(t, t === p.tokens[0] ? -1 : 1))) continue;
          // ... and in the dominant form that syllable must not mostly belong to one outer word
          // (bảo vệ môi trường, kết quả công tác, địa phương: not the phrase at all)
          if (changed.some((t) => boundToWord(dominant, t === p.tokens[0] ? 0 : 1))) continue;
          const expected = p.tokens.map((t, k) => withCaseOf(t.text, t.canon === dominant[0].tokens[k].canon ? t.lower : dominant[0].tokens[k].lower)).join(' ');
          const found = ctx.doc.slice(p.span);
          for (const t of changed) reported.add(t.index);
          ctx.report({
            messageId: 'variant',
            span: p.span,
            data: { found, expected, count: dominant.length },
            related: [{ span: dominant[0].span, messageId: 'dominantHere', data: { expected: ctx.doc.slice(dominant[0].span) } }],
            fix: { edits: [{ span: p.span, text: expected }], applicability: 'unsafe', messageId: 'replace', data: { expected } },
          });
        }
      }
    }
  },
});

/** A lower-case Vietnamese word, or the first word of a sentence in sentence case. */
function usable(t: Token, first: boolean): boolean {
  if (t.skip || t.hasDigit || !t.letters || (t.text.length < 2 && !t.marked)) return false;
  return t.caps === 'lower' || (first && t.caps === 'title' && t.positional);
}

/** `withCaseOf('Ra', 'rà')` -> `Rà`. */
function withCaseOf(model: string, word: string): string {
  return model[0] !== model[0].toLowerCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

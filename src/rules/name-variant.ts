// A proper name written two ways in one document (xã Diễn Châu x3, xã Diên Châu x2): the
// dominant written form is the evidence, each rarer form is reported with it and a fix.
// Tone-placement style (Hòa/Hoà) is not a variant; English: spacing/hyphenation (Dien-Chau).

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { modelWords, NAME_PAIR_DOCS, ocrDamage } from '../facts/language.js';
import { names, type NameOccurrence } from '../facts/names.js';
import { syllables, vietnamese } from '../facts/vietnamese.js';

export default defineRule({
  id: 'name-variant',
  meta: {
    category: 'names',
    defaultSeverity: 'warning',
    fixable: true,
    description: {
      en: 'A proper name written two ways in the same document.',
      vi: 'Một tên riêng được viết theo hai cách trong cùng văn bản.',
    },
    checkedLabel: { en: 'names', vi: 'tên riêng' },
  },
  options: z
    .object({
      /** The dominant form must appear at least this many times. */
      minDominant: z.number().int().min(2).default(3),
      /** A rarer form seen more often than this is left alone (two real names). */
      maxVariant: z.number().int().min(1).default(2),
      /** A document naming more distinct places than this after a classifier is a catalogue (a
       * merger resolution listing hundreds of communes): real names there often differ by one
       * tone (Tân Thành / Tân Thạnh), so the rule stays silent. */
      maxPlaces: z.number().int().min(1).default(60),
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
    const { groups, occurrences } = ctx.facts.get(names);
    const { tokens } = ctx.facts.get(vietnamese);
    const mw = ctx.facts.get(modelWords);
    const m = mw.model;
    /**
     * The name's last word goes on in the lower-case word after it, and that pair is a word of the
     * model the dominant form's last word does not make (Luật Đấu | thầu vs Luật Đầu | tư; Phó Chỉ |
     * huy vs Phó Chi | cục; Bộ Kế | hoạch vs an OCR'd Bộ Kê | hoạch): two names, not one written twice.
     */
    const continues = (o: NameOccurrence, dom: NameOccurrence): boolean => {
      const last = o.tokens[o.tokens.length - 1];
      const next = tokens[last.index + 1];
      if (!next || next.block !== last.block || next.sepBefore !== ' ' || next.caps !== 'lower') return false;
      const dl = dom.tokens[dom.tokens.length - 1];
      if (dl.canon === last.canon) return false;
      const own = m.bigram(mw.of(last), mw.of(next));
      const other = m.bigram(mw.of(dl), mw.of(next));
      return own.docs >= NAME_PAIR_DOCS && other.docs < NAME_PAIR_DOCS;
    };
    const places = new Set(occurrences.filter((o) => o.classified).map((o) => o.key));
    if (places.size > opts.maxPlaces) return;
    const report = (o: NameOccurrence, dominant: NameOccurrence[]): void => {
      const expected = dominant[0].text;
      ctx.report({
        messageId: 'variant',
        span: o.span,
        data: { found: o.text, expected, count: dominant.length },
        related: [{ span: dominant[0].span, messageId: 'dominantHere', data: { expected } }],
        fix: { edits: [{ span: o.span, text: expected }], applicability: 'unsafe', messageId: 'replace', data: { expected } },
      });
    };
    letterVariants(groups, opts, continues, report, ctx.facts.get(ocrDamage).damaged);
    for (const group of groups.values()) {
      ctx.checked();
      if (group.length < 2) continue;
      const byForm = new Map<string, NameOccurrence[]>();
      for (const o of group) {
        // Vietnamese: compare tone-canonical forms ignoring case; English: the exact spelling.
        const f = o.ascii ? o.text : o.form.toLowerCase();
        const list = byForm.get(f);
        if (list) list.push(o);
        else byForm.set(f, [o]);
      }
      if (byForm.size < 2) continue;
      const forms = [...byForm.values()].sort((a, b) => b.length - a.length);
      const dominant = forms[0];
      if (dominant.length < opts.minDominant || dominant.length === forms[1].length) continue;
      const expected = dominant[0].text;
      for (const minority of forms.slice(1)) {
        if (minority.length > opts.maxVariant || minority.length * 1.5 > dominant.length) continue;
        if (minority[0].ascii && !separatorsOnly(minority[0].text, expected)) continue;
        for (const o of minority) {
          if (dominant.some((d) => continues(o, d))) continue;
          report(o, dominant);
        }
      }
    }
  },
});

/** English variants differ in spacing or hyphenation, not only in case. */
function separatorsOnly(a: string, b: string): boolean {
  const sep = (s: string) => s.replace(/[A-Za-z0-9]/g, '');
  return sep(a) !== sep(b);
}

/** A name's letters without any mark, case or space (`Bộ Tài` and `Bộ Tầi`: `botai`). */
function bareKey(o: NameOccurrence): string {
  return o.text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * One name written once or twice with a vowel letter's mark changed (â, ă, ê, ô, ơ, ư, đ: the key
 * above keeps them, they are other letters), giving a word that is no Vietnamese syllable, while the
 * document writes the name minDominant times or more in one form whose words are syllables: "Bộ Tầi
 * chính" among "Bộ Tài chính", "Hà Nợi" among "Hà Nội", "Bộ Cơng Thương". A rare form made of real
 * syllables ("Tân" / "Tấn") may be another name and is left alone; so is an OCR'd document, whose
 * non-syllables are the scanner's.
 */
function letterVariants(
  groups: Map<string, NameOccurrence[]>,
  opts: { minDominant: number; maxVariant: number },
  continues: (o: NameOccurrence, d: NameOccurrence) => boolean,
  report: (o: NameOccurrence, dominant: NameOccurrence[]) => void,
  ocr: boolean,
): void {
  if (ocr) return;
  const list = syllables();
  const isWord = (o: NameOccurrence): boolean => o.tokens.every((t) => list.has(t.canon.toLowerCase()));
  const byBare = new Map<string, NameOccurrence[][]>();
  for (const g of groups.values()) {
    if (g[0].ascii) continue;
    const k = bareKey(g[0]);
    const l = byBare.get(k);
    if (l) l.push(g);
    else byBare.set(k, [g]);
  }
  for (const gs of byBare.values()) {
    if (gs.length < 2) continue;
    const sorted = [...gs].sort((a, b) => b.length - a.length);
    const dom = sorted[0];
    // the dominant group: one written form (tone placement aside), all its words syllables
    const forms = new Set(dom.map((o) => o.form.toLowerCase()));
    if (dom.length < opts.minDominant || forms.size !== 1 || !isWord(dom[0])) continue;
    for (const g of sorted.slice(1)) {
      if (g.length > opts.maxVariant || g.length * 1.5 > dom.length) continue;
      for (const o of g) {
        if (isWord(o) || o.tokens.length !== dom[0].tokens.length || continues(o, dom[0])) continue;
        report(o, dom);
      }
    }
  }
}

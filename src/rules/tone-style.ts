// The document mixes the two tone-placement conventions of open rhymes oa/oe/uy (hòa and hoà,
// Ủy and Uỷ). Both are correct and in official use; only the mix is worth a note (info).

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { vietnamese, withToneStyle, type Token } from '../facts/vietnamese.js';

export default defineRule({
  id: 'tone-style',
  meta: {
    category: 'text',
    defaultSeverity: 'info',
    fixable: true,
    description: {
      en: 'Both tone-placement conventions (hòa / hoà) are used in one document.',
      vi: 'Văn bản dùng lẫn hai cách đặt dấu thanh (hòa / hoà).',
    },
    checkedLabel: { en: 'oa/oe/uy syllables', vi: 'tiếng có vần oa/oe/uy' },
  },
  options: z.object({}).strict(),
  messages: {
    mixed: {
      en: 'Tone marks are placed two ways: {minority} word(s) as in "{found}", {majority} as in "{expected}"; both conventions are correct, but one document should use one.',
      vi: 'Dấu thanh được đặt theo hai cách: {minority} tiếng viết như "{found}", {majority} tiếng viết như "{expected}"; cả hai đều đúng, nên thống nhất một cách.',
    },
    otherStyle: { en: 'the other style, e.g. "{expected}"', vi: 'cách còn lại, ví dụ "{expected}"' },
    unify: { en: 'Place the tone marks as "{expected}" throughout', vi: 'Đặt dấu thanh thống nhất như "{expected}"' },
  },
  check(ctx) {
    const { tokens } = ctx.facts.get(vietnamese);
    const first: Token[] = [];
    const second: Token[] = [];
    for (const t of tokens) {
      if (t.skip) continue;
      const s = t.style;
      if (s === undefined) continue;
      ctx.checked();
      (s === 'first' ? first : second).push(t);
    }
    if (!first.length || !second.length) return;
    const [minority, majority, style] =
      first.length < second.length || (first.length === second.length && first[0].span.start > second[0].span.start)
        ? [first, second, 'second' as const]
        : [second, first, 'first' as const];
    const m = minority[0];
    ctx.report({
      messageId: 'mixed',
      span: m.span,
      data: { minority: minority.length, majority: majority.length, found: m.text, expected: majority[0].text },
      related: [{ span: majority[0].span, messageId: 'otherStyle', data: { expected: majority[0].text } }],
      fix: {
        edits: minority.map((t) => ({ span: t.span, text: withToneStyle(t.text, style) })),
        applicability: 'unsafe',
        messageId: 'unify',
        data: { expected: majority[0].text },
      },
    });
  },
});

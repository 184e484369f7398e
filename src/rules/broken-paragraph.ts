// A paragraph that ends mid-sentence and carries on in the next one: a page break or a
// conversion split one sentence in two. The parser already joins them for sentence rules.

import { z } from 'zod';
import { defineRule } from '../engine/types.js';

export default defineRule({
  id: 'broken-paragraph',
  meta: {
    category: 'structure',
    defaultSeverity: 'info',
    fixable: true,
    description: {
      en: 'A sentence split across two paragraphs by a page break or a conversion.',
      vi: 'Một câu bị tách thành hai đoạn do ngắt trang hoặc chuyển đổi định dạng.',
    },
    checkedLabel: { en: 'paragraph breaks', vi: 'chỗ ngắt đoạn' },
  },
  options: z.object({}).strict(),
  messages: {
    broken: {
      en: 'This paragraph ends mid-sentence ("…{tail}") and the next one carries on in lower case ("{head}…"): one sentence split in two.',
      vi: 'Đoạn này dừng giữa câu ("…{tail}") và đoạn sau viết tiếp bằng chữ thường ("{head}…"): một câu bị tách làm hai.',
    },
    continuedHere: { en: 'the sentence continues here', vi: 'câu tiếp tục ở đây' },
    join: { en: 'Join the two paragraphs', vi: 'Nối hai đoạn' },
  },
  check(ctx) {
    const { doc } = ctx;
    for (let i = 0; i + 1 < doc.blocks.length; i++) {
      const b = doc.blocks[i];
      if (b.kind === 'table') continue;
      ctx.checked();
      if (!b.continues) continue;
      const next = doc.blocks[i + 1];
      const tailStart = Math.max(b.content.start, b.content.end - 24);
      const words = doc.text.slice(tailStart, b.content.end);
      ctx.report({
        messageId: 'broken',
        span: { start: Math.max(b.content.start, b.content.end - lastWordLength(words)), end: b.content.end },
        data: { tail: words.replace(/^\S*\s/, ''), head: next.text.slice(0, 24).replace(/\s\S*$/, '') },
        related: [{ span: { start: next.content.start, end: Math.min(next.content.end, next.content.start + firstWordLength(next.text)) }, messageId: 'continuedHere' }],
        fix: { edits: [{ span: { start: b.content.end, end: next.content.start }, text: ' ' }], applicability: 'safe', messageId: 'join' },
      });
    }
  },
});

function lastWordLength(s: string): number {
  const m = /\S+$/.exec(s);
  return m ? m[0].length : 0;
}

function firstWordLength(s: string): number {
  const m = /^\S+/.exec(s);
  return m ? m[0].length : 0;
}

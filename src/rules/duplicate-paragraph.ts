// Paragraphs, list items and whole sections repeated in a document (copy and paste from an
// earlier report or another department's part), and sibling headings with the same title. Which
// repeats are slips and which documents write on purpose is decided in src/facts/repeats.ts;
// this rule words the findings: a slip in one place is a warning (with the words that differ for
// a retyped copy), an item pasted into another section of a report is a warning, a restatement
// elsewhere is info.

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import type { Document } from '../parse/document.js';
import { paragraphs, type WordChange } from '../facts/paragraphs.js';
import { repeats } from '../facts/repeats.js';

const options = z.object({}).strict();

export default defineRule({
  id: 'duplicate-paragraph',
  meta: {
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: true,
    description: {
      en: 'A paragraph, list item or section repeated in the document, or two sibling headings with the same title.',
      vi: 'Đoạn văn, ý liệt kê hoặc cả mục bị lặp lại trong văn bản, hoặc hai đề mục cùng cấp trùng tên.',
    },
    checkedLabel: { en: 'paragraphs', vi: 'đoạn văn' },
  },
  options,
  messages: {
    repeated: {
      en: 'This passage repeats the one at line {line} word for word.',
      vi: 'Đoạn này lặp lại nguyên văn đoạn ở dòng {line}.',
    },
    editedCopy: {
      en: 'This passage repeats the one at line {line} with only {count} word(s) changed: {changes}.',
      vi: 'Đoạn này lặp lại đoạn ở dòng {line}, chỉ khác {count} từ: {changes}.',
    },
    pastedElsewhere: {
      en: 'This item repeats word for word the one at line {line} in section {section}: it is probably pasted into the wrong section.',
      vi: 'Ý này lặp lại nguyên văn ý ở dòng {line} thuộc mục {section}: có thể đã bị dán nhầm sang mục khác.',
    },
    restates: {
      en: 'This passage restates section {section} (line {line}).',
      vi: 'Đoạn này nhắc lại nội dung mục {section} (dòng {line}).',
    },
    restatesPassage: {
      en: 'This passage restates the one at line {line}.',
      vi: 'Đoạn này nhắc lại đoạn ở dòng {line}.',
    },
    sectionRepeated: {
      en: 'Section "{title}" repeats the section at line {line}: the heading and its {count} paragraphs.',
      vi: 'Mục "{title}" lặp lại mục ở dòng {line}: cả đề mục và {count} đoạn bên dưới.',
    },
    sameHeading: {
      en: 'Two headings at the same level under the same parent are both titled "{title}" (line {line}).',
      vi: 'Hai đề mục cùng cấp trong cùng một mục đều có tên "{title}" (dòng {line}).',
    },
    firstCopy: { en: 'first copy', vi: 'bản đầu tiên' },
    firstHeading: { en: 'the other heading', vi: 'đề mục kia' },
    remove: { en: 'Remove the repeated copy', vi: 'Xóa bản lặp lại' },
  },
  check(ctx) {
    const { doc } = ctx;
    const index = ctx.facts.get(paragraphs);
    const found = ctx.facts.get(repeats);
    ctx.checked(index.units.filter((u) => u.shingles.length > 0).length);
    for (const s of found.sections) {
      const b = doc.blocks[s.heading];
      ctx.report({
        messageId: 'sectionRepeated',
        span: { start: b.span.start, end: doc.blocks[s.end - 1].span.end },
        data: { title: b.text, line: lineOf(doc, doc.blocks[s.first].span.start), count: s.end - s.heading - 1 },
        related: [{ span: doc.blocks[s.first].span, messageId: 'firstCopy' }],
      });
    }
    for (const v of found.verdicts) {
      const later = index.units[v.repeat.later];
      const earlier = index.units[v.repeat.earlier];
      const line = lineOf(doc, earlier.span.start);
      const related = [{ span: earlier.span, messageId: 'firstCopy' }];
      const section = doc.blocks[earlier.blocks[0]].section;
      const label = section >= 0 ? doc.sectionLabel(section) : '';
      if (v.kind === 'edited') {
        const count = v.changes.reduce((n, c) => n + Math.max(words(c.from), words(c.to)), 0);
        ctx.report({ messageId: 'editedCopy', span: later.span, data: { line, count, changes: describe(v.changes) }, related });
      } else if (v.kind === 'pasted') {
        ctx.report({ messageId: 'pastedElsewhere', span: later.span, data: { line, section: label }, related });
      } else if (v.kind === 'restates') {
        ctx.report({ messageId: label ? 'restates' : 'restatesPassage', span: later.span, data: label ? { section: label, line } : { line }, related, severity: 'info' });
      } else {
        // remove the later copy with the line break before it
        const first = doc.blocks[later.blocks[0]];
        const last = doc.blocks[later.blocks[later.blocks.length - 1]];
        const prev = doc.blocks[first.index - 1];
        const removal = prev ? { start: prev.span.end, end: last.span.end } : { start: first.span.start, end: doc.blocks[last.index + 1]?.span.start ?? last.span.end };
        const applicability = later.raw === earlier.raw ? 'safe' : 'unsafe';
        ctx.report({ messageId: 'repeated', span: later.span, data: { line }, related, fix: { edits: [{ span: removal, text: '' }], applicability, messageId: 'remove' } });
      }
    }
    for (const h of found.headings) {
      const b = doc.blocks[h.heading];
      const first = doc.blocks[h.first];
      ctx.report({ messageId: 'sameHeading', span: b.content, data: { title: b.text, line: lineOf(doc, first.span.start) }, related: [{ span: first.content, messageId: 'firstHeading' }] });
    }
  },
});

function lineOf(doc: Document, start: number): number {
  return doc.locate({ start, end: start }).line;
}

function words(s: string): number {
  return s ? s.split(' ').length : 0;
}

/** `"asked" → "requested"`, `+ "thêm"`, `− "bớt"`, at most three. */
function describe(changes: WordChange[]): string {
  const shown = changes.slice(0, 3).map((c) => (c.from && c.to ? `"${c.from}" → "${c.to}"` : c.to ? `+ "${c.to}"` : `− "${c.from}"`));
  return shown.join(', ') + (changes.length > 3 ? ', …' : '');
}

// Paragraphs, list items and whole sections repeated in a document (copy and paste from an
// earlier report or another department's part), and sibling headings with the same title.
// A repeat in the same section is a slip (warning); in another section it is usually a summary
// restating a detail (info).

import { z } from 'zod';
import { defineRule, type RuleContext } from '../engine/types.js';
import type { Document } from '../parse/document.js';
import { headingKey, jaccard, NEAR_THRESHOLD, paragraphs, type ParagraphIndex, type Repeat } from '../facts/paragraphs.js';
import { outline, subtreeEnd } from '../facts/outline.js';

/** Copies further apart than this many blocks are never a warning. */
const NEARBY_BLOCKS = 20;

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
    nearRepeated: {
      en: 'This passage is almost the same as the one at line {line} ({percent}% of word triples shared).',
      vi: 'Đoạn này gần như trùng với đoạn ở dòng {line} (trùng {percent}% cụm ba từ).',
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
    ctx.checked(index.units.filter((u) => u.shingles.length > 0).length);
    const o = ctx.facts.get(outline);
    const headings = o.sectionBreaks;
    const covered = reportSections(ctx, index, o.tableRow);
    // a text repeated three times or more is boilerplate (running headers, form lines): only its
    // second copy is noted, and never as a warning
    const copies = new Map<number, number>();
    for (const r of index.repeats) copies.set(r.earlier, (copies.get(r.earlier) ?? 1) + 1);
    const nth = new Map<number, number>();
    for (const r of index.repeats) {
      const later = index.units[r.later];
      const n = (nth.get(r.earlier) ?? 1) + 1;
      nth.set(r.earlier, n);
      if (covered.has(later.blocks[0])) continue;
      const count = copies.get(r.earlier)!;
      if (count >= 3 && n > 2) continue;
      reportRepeat(ctx, index, r, headings, count >= 3);
    }
    reportSiblingHeadings(ctx, covered, headings, o.tableRow);
  },
});

function lineOf(doc: Document, start: number): number {
  return doc.locate({ start, end: start }).line;
}

function sectionOf(doc: Document, block: number): number {
  return doc.blocks[block].section;
}

function reportRepeat(ctx: RuleContext<unknown>, index: ParagraphIndex, r: Repeat, headings: Int32Array, boilerplate: boolean): void {
  const { doc } = ctx;
  const later = index.units[r.later];
  const earlier = index.units[r.earlier];
  const a = later.blocks[0];
  const e = earlier.blocks[0];
  const sa = sectionOf(doc, a);
  const se = sectionOf(doc, e);
  // a slip: both copies in one list, or in one numbered section, close together, with no
  // heading, table or article line between them; a title-like line (no closing punctuation)
  // repeated is more likely a running header
  const ba = doc.blocks[a];
  const be = doc.blocks[e];
  // (two numbered items with the same number belong to two parallel lists, not one list with a repeat)
  const parallel = ba.marker !== undefined && ba.marker.style !== 'bullet' && ba.marker.raw === be.marker?.raw;
  const oneList = ba.kind === 'list-item' && be.kind === 'list-item' && ba.parent === be.parent && ba.marker?.delimiter === be.marker?.delimiter;
  const numberedSection = sa >= 0 && doc.blocks[sa].kind === 'heading' && doc.blocks[sa].marker !== undefined;
  const titleLike = !/[.;:!?…]["”’)\]]*$/u.test(later.raw) && later.words <= 20;
  const sameSection =
    !boilerplate && !parallel && sa === se && a - e <= NEARBY_BLOCKS && headings[a] - headings[e + 1] === 0 && (oneList || numberedSection);
  const line = lineOf(doc, earlier.span.start);
  const related = [{ span: earlier.span, messageId: 'firstCopy' }];
  if (!sameSection) {
    // a short line without closing punctuation ("Không có nội dung hạn chế") repeated in another section is a formula
    if (titleLike) return;
    const label = se >= 0 ? doc.sectionLabel(se) : '';
    ctx.report({
      messageId: label ? 'restates' : 'restatesPassage',
      span: later.span,
      data: label ? { section: label, line } : { line },
      related,
      severity: 'info',
    });
    return;
  }
  if (!r.exact) {
    ctx.report({ messageId: 'nearRepeated', span: later.span, data: { line, percent: Math.floor(r.similarity * 100) }, related });
    return;
  }
  const first = doc.blocks[later.blocks[0]];
  const last = doc.blocks[later.blocks[later.blocks.length - 1]];
  const prev = doc.blocks[first.index - 1];
  const removal = prev ? { start: prev.span.end, end: last.span.end } : { start: first.span.start, end: doc.blocks[last.index + 1]?.span.start ?? last.span.end };
  ctx.report({
    messageId: 'repeated',
    span: later.span,
    data: { line },
    related,
    fix: { edits: [{ span: removal, text: '' }], applicability: later.raw === earlier.raw ? 'safe' : 'unsafe', messageId: 'remove' },
  });
}

/** A heading repeated with its whole body: one finding; returns the blocks it covers. */
function reportSections(ctx: RuleContext<unknown>, index: ParagraphIndex, tableRow: Uint8Array): Set<number> {
  const { doc } = ctx;
  const covered = new Set<number>();
  const matchOf = new Map<number, number>(); // later unit -> earlier unit
  for (const r of index.repeats) matchOf.set(r.later, r.earlier);
  const byTitle = new Map<string, number[]>();
  for (const b of doc.blocks) {
    if (b.kind !== 'heading' || covered.has(b.index) || tableRow[b.index]) continue;
    const key = headingKey(b);
    if (!key) continue;
    const earlier = byTitle.get(key) ?? [];
    const end = subtreeEnd(doc, b.index);
    for (const h of earlier) {
      const hEnd = subtreeEnd(doc, h);
      if (hEnd > b.index || !sameBody(doc, index, matchOf, h + 1, hEnd, b.index + 1, end)) continue;
      const count = end - b.index - 1;
      const sibling = doc.blocks[h].parent === b.parent;
      ctx.report({
        messageId: 'sectionRepeated',
        span: { start: b.span.start, end: doc.blocks[end - 1].span.end },
        data: { title: b.text, line: lineOf(doc, doc.blocks[h].span.start), count },
        related: [{ span: doc.blocks[h].span, messageId: 'firstCopy' }],
        ...(sibling ? {} : { severity: 'info' as const }),
      });
      for (let i = b.index; i < end; i++) covered.add(i);
      break;
    }
    earlier.push(b.index);
    byTitle.set(key, earlier);
  }
  return covered;
}

/** Two bodies are the same when they have the same number of blocks and each unit of the later repeats the matching unit of the earlier. */
function sameBody(doc: Document, index: ParagraphIndex, matchOf: Map<number, number>, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b || bEnd === b) return false;
  let units = 0;
  for (let k = 0; k < bEnd - b; k++) {
    const x = doc.blocks[a + k];
    const y = doc.blocks[b + k];
    const ux = index.unitOfBlock[x.index];
    const uy = index.unitOfBlock[y.index];
    if (ux >= 0 || uy >= 0) {
      if (ux < 0 || uy < 0) return false;
      const ex = index.units[ux];
      const ey = index.units[uy];
      if (matchOf.get(uy) !== ux && ex.key !== ey.key && !(ex.shingles.length > 0 && jaccard(ex.shingles, ey.shingles) >= NEAR_THRESHOLD)) return false;
      if (ex.shingles.length > 0) units++;
      continue;
    }
    if (x.kind !== y.kind) return false;
    if (x.kind === 'heading' && headingKey(x) !== headingKey(y)) return false;
    if (x.kind === 'table' && doc.slice(x.span).replace(/\s+/g, ' ') !== doc.slice(y.span).replace(/\s+/g, ' ')) return false;
  }
  return units > 0;
}

/** Numbered (or Markdown) headings under the same parent, in the same style, with the same title, and no unnumbered heading or article line between them. */
function reportSiblingHeadings(ctx: RuleContext<unknown>, covered: Set<number>, headings: Int32Array, tableRow: Uint8Array): void {
  const { doc } = ctx;
  const seen = new Map<string, number>();
  for (const b of doc.blocks) {
    if (b.kind !== 'heading' || covered.has(b.index) || tableRow[b.index]) continue;
    const numbered = b.marker && b.marker.style !== 'bullet';
    if (!numbered && !(doc.format === 'markdown' && b.level > 0)) continue;
    const title = headingKey(b);
    if (title.split(' ').length < 2) continue;
    const style = b.marker ? `${b.marker.style}${b.marker.delimiter}${b.marker.values.length}` : `h${b.level}`;
    const key = `${b.parent}|${style}|${title}`;
    const first = seen.get(key);
    seen.set(key, b.index);
    if (first === undefined || (numbered && headings[b.index] - headings[first + 1] > 0)) continue;
    ctx.report({
      messageId: 'sameHeading',
      span: b.content,
      data: { title: b.text, line: lineOf(doc, doc.blocks[first].span.start) },
      related: [{ span: doc.blocks[first].content, messageId: 'firstHeading' }],
    });
  }
}

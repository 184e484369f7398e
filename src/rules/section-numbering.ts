// Outline numbering must run on: I, II, III; 1., 2.; 1.1., 1.2.; a), b) (Vietnamese lettering
// a b c d đ e g h i k ... in Vietnamese documents) without gaps or repeats, a multi-level number
// must match its parent (3.1. under 4. is wrong), and one level keeps one style.
// Precision: a list that starts again at its first value, or after a new article/chapter line,
// is a new list; ambiguous markers (A. B. C. outlines, i. ii. iii.) are not checked.

import { z } from 'zod';
import { defineRule, type RuleContext } from '../engine/types.js';
import type { Document, Marker } from '../parse/document.js';
import { between, LETTERS, outline, type Outline, type OutlineItem } from '../facts/outline.js';

const ROMAN_TABLE: Array<[number, string]> = [
  [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

const options = z.object({}).strict();

type Member = OutlineItem;

export default defineRule({
  id: 'section-numbering',
  meta: {
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    description: {
      en: 'Outline numbers that skip, repeat, run out of order, do not match their parent, or mix styles at one level.',
      vi: 'Số thứ tự đề mục bị nhảy cóc, lặp lại, sai thứ tự, không khớp với mục cha, hoặc dùng lẫn kiểu đánh số trong cùng một cấp.',
    },
    checkedLabel: { en: 'numbered headings', vi: 'đề mục đánh số' },
  },
  options,
  messages: {
    gap: {
      en: '"{found}" follows "{previous}": expected "{expected}" (a number is missing).',
      vi: '"{found}" đứng sau "{previous}": đáng lẽ là "{expected}" (thiếu một số thứ tự).',
    },
    repeat: {
      en: '"{found}" repeats the number of the previous item "{previous}": expected "{expected}".',
      vi: '"{found}" trùng số với mục trước "{previous}": đáng lẽ là "{expected}".',
    },
    order: {
      en: '"{found}" follows "{previous}": expected "{expected}" (out of order).',
      vi: '"{found}" đứng sau "{previous}": đáng lẽ là "{expected}" (sai thứ tự).',
    },
    notVietnamese: {
      en: '"{found}" follows "{previous}": Vietnamese lettering has no "{letter}", expected "{expected}".',
      vi: '"{found}" đứng sau "{previous}": bảng chữ cái tiếng Việt không có "{letter}", đáng lẽ là "{expected}".',
    },
    start: {
      en: 'The list starts at "{found}": expected "{expected}".',
      vi: 'Danh sách bắt đầu từ "{found}": đáng lẽ là "{expected}".',
    },
    parent: {
      en: '"{found}" lies under "{parentMarker}": expected "{expected}".',
      vi: '"{found}" nằm trong mục "{parentMarker}": đáng lẽ là "{expected}".',
    },
    mixed: {
      en: '"{found}" is written in another style than the other items at its level ("{other}").',
      vi: '"{found}" đánh số khác kiểu với các mục cùng cấp ("{other}").',
    },
    previousItem: { en: 'previous item', vi: 'mục trước' },
    parentItem: { en: 'parent section', vi: 'mục cha' },
    otherStyle: { en: 'the style used at this level', vi: 'kiểu đánh số của cấp này' },
  },
  check(ctx) {
    const o = ctx.facts.get(outline);
    for (const list of o.lists) checkGroup(ctx, list, o.letterOrder, o);
  },
});

function checkGroup(ctx: RuleContext<unknown>, list: Member[], order: string, scan: Outline): void {
  const { doc } = ctx;
  const first = list[0];
  const style = first.marker.style;
  const pos = (m: Marker): number => (style === 'letter' ? order.indexOf(LETTERS[m.values[0]]) : m.values[m.values.length - 1]);
  const firstValue = style === 'letter' ? 0 : 1;
  let parentReported = false;
  // mixed delimiters at one level: compare with the group's first marker
  for (const { marker } of list) {
    if (marker.delimiter !== first.marker.delimiter) {
      ctx.report({ messageId: 'mixed', span: marker.span, data: { found: marker.raw, other: first.marker.raw }, related: [{ span: first.marker.span, messageId: 'otherStyle' }] });
    }
  }
  let prev: Member | undefined;
  const saved: number[] = []; // last values of the sequences a restart interrupted
  for (const cur of list) {
    ctx.checked();
    const v = pos(cur.marker);
    if (style === 'multi' && !parentReported) parentReported = checkParent(ctx, cur, scan);
    if (v < 0) {
      // a letter outside the order (f, j, w, z in a Vietnamese document)
      if (prev && style === 'letter') {
        const expected = order[pos(prev.marker) + 1];
        if (expected && between(scan.unsure, prev.block.index, cur.block.index) === 0) report(ctx, 'notVietnamese', cur, prev, expectedRaw(cur.marker, expected), { letter: LETTERS[cur.marker.values[0]] });
      }
      prev = cur;
      continue;
    }
    if (prev && v === firstValue && pos(prev.marker) >= 0) saved.push(pos(prev.marker));
    if (!prev || v === firstValue || between(scan.breaks, prev.block.index, cur.block.index) > 0) {
      const from = cur.block.parent;
      if (
        !prev && v !== firstValue && list.length >= 2 && consecutive(list, pos) && from >= 0 &&
        between(scan.unsure, from, cur.block.index) === 0 && between(scan.breaks, from, cur.block.index) === 0 &&
        !writtenBetween(doc, from, cur.block.index, expectedFor(cur.marker, firstValue, order)) &&
        !continuesEarlier(doc, cur, v, pos)
      ) {
        ctx.report({ messageId: 'start', span: cur.marker.span, data: { found: cur.marker.raw, expected: expectedFor(cur.marker, firstValue, order) } });
      }
      prev = cur;
      continue;
    }
    const p = pos(prev.marker);
    if (p < 0) {
      prev = cur;
      continue;
    }
    if (v === p + 1) {
      prev = cur;
      continue;
    }
    // back to an outer list after a nested one written in the same style (7. a. 1. 2. b. 8.)
    const resumed = saved.lastIndexOf(v - 1);
    if (resumed >= 0) {
      saved.length = resumed;
      prev = cur;
      continue;
    }
    const expected = expectedFor(cur.marker, p + 1, order);
    // silent when a table lies between (the number may be in it) or the expected number is written inline
    if (between(scan.unsure, prev.block.index, cur.block.index) > 0 || (v > p && writtenBetween(doc, prev.block.index, cur.block.index, expected))) {
      prev = cur;
      continue;
    }
    report(ctx, v === p ? 'repeat' : v > p ? 'gap' : 'order', cur, prev, expected);
    prev = cur;
  }
}

function report(ctx: RuleContext<unknown>, messageId: string, cur: Member, prev: Member, expected: string, extra: Record<string, string> = {}): void {
  ctx.report({
    messageId,
    span: cur.marker.span,
    data: { found: cur.marker.raw, previous: prev.marker.raw, expected, ...extra },
    related: [{ span: prev.marker.span, messageId: 'previousItem' }],
  });
}

/** The nearest earlier marker of the same style and delimiter holds the previous value: the parser split one list by nesting. */
function continuesEarlier(doc: Document, cur: Member, v: number, pos: (m: Marker) => number): boolean {
  for (let i = cur.block.index - 1; i >= 0; i--) {
    const m = doc.blocks[i].marker;
    if (!m || m.style !== cur.marker.style || m.delimiter !== cur.marker.delimiter || m.values.length !== cur.marker.values.length) continue;
    return pos(m) === v - 1;
  }
  return false;
}

function consecutive(list: Member[], pos: (m: Marker) => number): boolean {
  for (let i = 1; i < list.length; i++) if (pos(list[i].marker) !== pos(list[i - 1].marker) + 1) return false;
  return true;
}

/** The marker text expected at sequence position `p`, in the same style and delimiter as `m`. */
function expectedFor(m: Marker, p: number, order: string): string {
  switch (m.style) {
    case 'letter':
      return expectedRaw(m, order[p] ?? '?');
    case 'roman':
      return toRoman(p) + m.delimiter;
    case 'multi':
      return [...m.values.slice(0, -1), p].join('.') + m.delimiter;
    default:
      return String(p) + m.delimiter;
  }
}

function expectedRaw(m: Marker, letter: string): string {
  return letter + m.delimiter;
}

function toRoman(n: number): string {
  let out = '';
  for (const [v, r] of ROMAN_TABLE) while (n >= v) { out += r; n -= v; }
  return out;
}

/** A multi-level number under an Arabic or multi-level parent must start with the parent's numbers. */
function checkParent(ctx: RuleContext<unknown>, cur: Member, scan: Outline): boolean {
  const parent = ctx.doc.blocks[cur.block.parent];
  const pm = parent?.marker;
  if (!pm || (pm.style !== 'arabic' && pm.style !== 'multi')) return false;
  if (scan.tableRow[parent.index] || between(scan.breaks, parent.index, cur.block.index) > 0 || between(scan.unsure, parent.index, cur.block.index) > 0) return false;
  const head = cur.marker.values.slice(0, -1);
  if (head.length !== pm.values.length || head.every((x, i) => x === pm.values[i])) return false;
  const expected = [...pm.values, cur.marker.values[cur.marker.values.length - 1]].join('.') + cur.marker.delimiter;
  ctx.report({
    messageId: 'parent',
    span: cur.marker.span,
    data: { found: cur.marker.raw, parentMarker: pm.raw, expected },
    related: [{ span: pm.span, messageId: 'parentItem' }],
  });
  return true;
}

/** True when `marker` (e.g. "9." or "a)") is written in the text of blocks from..to-1 (inline, or without the space after it). */
function writtenBetween(doc: Document, from: number, to: number, marker: string): boolean {
  const core = marker;
  for (let i = Math.max(0, from); i < to; i++) {
    const b = doc.blocks[i];
    const t = doc.text.slice(b.span.start, b.span.end);
    let k = t.indexOf(core);
    while (k >= 0) {
      const before = k === 0 ? ' ' : t[k - 1];
      if (!/[\p{L}\p{N}.]/u.test(before)) return true;
      k = t.indexOf(core, k + 1);
    }
  }
  return false;
}

// Outline numbering must run on: I, II, III; 1., 2.; 1.1., 1.2.; a), b) (Vietnamese lettering
// a b c d đ e g h i k ... in Vietnamese documents) without gaps or repeats, a multi-level number
// must match its parent (3.1. under 4. is wrong), and one level keeps one style.
// Precision: a list that starts again at its first value, or after a new article/chapter line,
// is a new list; ambiguous markers (A. B. C. outlines, i. ii. iii.) are not checked.

import { z } from 'zod';
import { defineRule, type RuleContext } from '../engine/types.js';
import type { Document, Marker } from '../parse/document.js';
import { between, LETTERS, letterOrder, outline, type ArticleItem, type Outline, type OutlineItem } from '../facts/outline.js';

const ROMAN_TABLE: Array<[number, string]> = [
  [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

const options = z.object({}).strict();

/** An article number more than this far ahead of the one before is another text's, not a slip. */
const MAX_ARTICLE_GAP = 3;

/** A marker inside a line ("… như sau: 2. Sửa đổi …", "… gồm: a) …"): the line holds items the outline cannot see. */
const INLINE_MARKER_RE = /[\s:;]["“]?(?:\d{1,2}(?:\.\d{1,2})*\.|[IVX]{1,4}\.|[a-zđ]\))\s+\p{Lu}/u;

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
    if (o.consolidated) return; // a consolidated text numbers as the amended documents did
    const reported = new Set<number>();
    for (const list of o.lists) checkGroup(ctx, list, letterOrder(o, list), o, reported);
    for (const run of o.articles) checkArticles(ctx, run);
  },
});

function checkGroup(ctx: RuleContext<unknown>, list: Member[], order: string, o: Outline, reported: Set<number>): void {
  const { doc } = ctx;
  const first = list[0];
  const style = first.marker.style;
  // a level written with a leading zero ("53.03", "83.05") is a code (a tariff heading, a
  // classification), not a section number: outlines number 1.1, 1.2 … 1.10
  if (style === 'multi' && list.some((x) => /\.0\d/.test(x.marker.raw))) return;
  const pos = (m: Marker): number => (style === 'letter' ? order.indexOf(LETTERS[m.values[0]]) : m.values[m.values.length - 1]);
  const firstValue = style === 'letter' ? 0 : 1;
  // after a finding the list is out of step until an item follows its predecessor again: one finding per slip ("c) đ) đ) e)": only the first đ))
  let outOfStep = false;
  const say = (messageId: string, cur: Member, prev: Member, expected: string, extra: Record<string, string> = {}): void => {
    reported.add(cur.block.index);
    if (!outOfStep) report(ctx, messageId, cur, prev, expected, extra);
    outOfStep = true;
  };
  const clear = (a: Member, b: Member): boolean => between(o.breaks, a.block.index, b.block.index) === 0 && between(o.unsure, a.block.index, b.block.index) === 0;
  let parentReported = false;
  // mixed delimiters at one level: compare with the group's first marker
  for (const { marker } of list) {
    if (marker.delimiter !== first.marker.delimiter) {
      ctx.report({ messageId: 'mixed', span: marker.span, data: { found: marker.raw, other: first.marker.raw }, related: [{ span: first.marker.span, messageId: 'otherStyle' }] });
    }
  }
  let prev: Member | undefined;
  const saved: number[] = []; // last values of the sequences a restart interrupted
  for (let k = 0; k < list.length; k++) {
    const cur = list[k];
    ctx.checked();
    const v = pos(cur.marker);
    if (outOfStep && (!prev || v === firstValue || (v >= 0 && v === pos(prev.marker) + 1))) outOfStep = false;
    // a number that does not match its parent's, unless the parent itself was reported (one finding per slip)
    if (style === 'multi' && !parentReported && !reported.has(o.parent[cur.block.index])) parentReported = checkParent(ctx, cur, o);
    if (v < 0) {
      // a letter outside the order (f, j, w, z in a Vietnamese document)
      if (prev && style === 'letter' && between(o.unsure, prev.block.index, cur.block.index) === 0) {
        const expected = order[pos(prev.marker) + 1];
        if (expected) say('notVietnamese', cur, prev, expectedRaw(cur.marker, expected), { letter: LETTERS[cur.marker.values[0]] });
      }
      prev = cur;
      continue;
    }
    if (prev && v === firstValue && pos(prev.marker) === firstValue && clear(prev, cur) && repeatsFirst(doc, prev, cur, list[k + 1], pos, o)) {
      // "1." after "1." under one parent (the list goes on at "2."), or the same "3.1." twice
      say('repeat', cur, prev, expectedFor(cur.marker, firstValue + 1, order));
      prev = cur;
      continue;
    }
    const broken = prev !== undefined && between(o.breaks, prev.block.index, cur.block.index) > 0;
    // a list a new article or chapter restarts does not go on after it, unless its last item
    // introduced the text below ("28. Sửa đổi Điều 55 như sau:" / "Điều 55. …" / "3. …" / "29. …")
    const introduces = broken && /:$/.test(prev!.block.text);
    if (broken && !introduces) saved.length = 0;
    else if (prev && (v === firstValue || introduces) && pos(prev.marker) >= 0) saved.push(pos(prev.marker));
    if (!prev || v === firstValue || broken) {
      const from = o.parent[cur.block.index];
      if (
        !prev && v !== firstValue && list.length >= 2 && consecutive(list, pos) && from >= 0 && !reported.has(from) &&
        between(o.unsure, from, cur.block.index) === 0 && between(o.breaks, from, cur.block.index) === 0 &&
        !writtenBetween(doc, o, from, cur.block.index, expectedFor(cur.marker, firstValue, order)) &&
        !(style === 'letter' && subItemsBetween(doc, from, cur.block.index, order[firstValue])) &&
        !continuesEarlier(doc, cur, v, pos)
      ) {
        reported.add(cur.block.index);
        ctx.report({ messageId: 'start', span: cur.marker.span, data: { found: cur.marker.raw, expected: expectedFor(cur.marker, firstValue, order) } });
      }
      prev = cur;
      continue;
    }
    const p = pos(prev.marker);
    // a second number after an item written with a later one: the list is out of step (silent)
    // until an item follows its predecessor again ("6. 2. 5. 6.": not "5." after "2."). Either the
    // first item is the slip ("h) b) …": a) misread), or a list of numbers stepping back to "2."
    // from "4." or beyond starts again at an item whose "1." the outline cannot see (merged into a
    // line above, lost by a conversion); "1. 2. 3. 2." is a slip: the number next to the expected one
    const misreadFirst = p > v && (k === 1 || between(o.breaks, list[k - 2].block.index, prev.block.index) > 0);
    const unseenRestart = (style === 'arabic' || style === 'roman') && p > v + 1;
    if (v === firstValue + 1 && (misreadFirst || unseenRestart)) {
      outOfStep = true;
      prev = cur;
      continue;
    }
    if (p < 0 || v === p + 1) {
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
    // silent when a table lies between (the number may be in it), the expected number is written
    // inline, or so is the number before this one (it goes on from a list merged into another line)
    if (
      (between(o.unsure, prev.block.index, cur.block.index) > 0 && !repeatAcrossTable(o, prev, cur, v, p, list[k + 1], pos)) ||
      (v > p && writtenBetween(doc, o, prev.block.index, cur.block.index, expected)) ||
      (v > firstValue && writtenBetween(doc, o, prev.block.index + 1, cur.block.index, expectedFor(cur.marker, v - 1, order))) ||
      (v > p + 1 && restartsInline(prev.block.text, expectedFor(cur.marker, v - 1, order))) ||
      (v === firstValue + 1 && restartsInline(prev.block.text, expectedFor(cur.marker, firstValue, order)))
    ) {
      prev = cur;
      continue;
    }
    say(v === p ? 'repeat' : v > p ? 'gap' : 'order', cur, prev, expected);
    prev = cur;
  }
}

/**
 * Articles run 1, 2, 3 … through the whole text, across chapters. A run is checked only when it
 * starts at 1 and everything else in it runs on: one gap, one repeat (the same number twice, or
 * written in place of the next: 3 3 5), or one step back; more than one slip means the run holds
 * articles of other texts (an amending decree writing out the articles it replaces) and stays silent.
 */
function checkArticles(ctx: RuleContext<unknown>, run: ArticleItem[]): void {
  if (run.length < 3 || run[0].value !== 1) return;
  const slips: number[] = [];
  for (let k = 1; k < run.length; k++) if (run[k].value !== run[k - 1].value + 1) slips.push(k);
  for (let k = 0; k < run.length; k++) ctx.checked();
  let k: number;
  if (slips.length === 1) k = slips[0];
  else if (slips.length === 2 && slips[1] === slips[0] + 1 && run[slips[0]].value === run[slips[0] - 1].value && run[slips[1]].value === run[slips[0]].value + 2) k = slips[0];
  else return;
  const cur = run[k];
  const prev = run[k - 1];
  const messageId = cur.value === prev.value ? 'repeat' : cur.value > prev.value ? 'gap' : 'order';
  // a step back that the rest of the run follows is a run of other articles, unless it is the last
  // one; so is a jump of more than two numbers
  if ((messageId === 'order' && k < run.length - 1) || cur.value - prev.value > MAX_ARTICLE_GAP) return;
  const word = ctx.doc.text.slice(prev.block.content.start, prev.span.start);
  // the expected article is written between them, after other text on its line or inside a
  // quotation the outline left out, or its clauses are (3.1., 3.2. under a lost "Điều 3")
  const n = prev.value + 1;
  const expected = new RegExp(`(?<![\\p{L}\\p{N}])${word.trim()}\\s+${n}(?:[.:]\\s*\\p{Lu}|\\s*$)|^${n}\\.\\d`, 'mu');
  if (messageId !== 'repeat' && expected.test(ctx.doc.text.slice(prev.block.span.end, cur.block.span.start))) return;
  ctx.report({
    messageId,
    span: cur.span,
    data: { found: ctx.doc.text.slice(cur.block.content.start, cur.span.end), previous: word + prev.raw, expected: word + String(prev.value + 1) },
    related: [{ span: prev.span, messageId: 'previousItem' }],
  });
}

/**
 * A number repeated with only a table between ("2. Kết quả hỗ trợ", a table numbered 1, 2, 3,
 * "2. Công tác kiểm tra" then "3. …"): the table cannot hold the number the repeat took the place
 * of when the list goes on from the repeat at the next number.
 */
function repeatAcrossTable(o: Outline, prev: Member, cur: Member, v: number, p: number, next: Member | undefined, pos: (m: Marker) => number): boolean {
  if (v !== p || next === undefined || pos(next.marker) !== v + 1) return false;
  if (between(o.breaks, prev.block.index, cur.block.index) > 0 || between(o.unsure, cur.block.index, next.block.index) > 0) return false;
  for (let i = prev.block.index + 1; i < cur.block.index; i++) if (o.unsure[i + 1] - o.unsure[i] > 0 && !o.tableRow[i]) return false;
  return true;
}

/** A first number repeated is a slip, not a new list: the same multi-level number twice under one parent, or a list that goes on from the repeat. */
function repeatsFirst(doc: Document, prev: Member, cur: Member, next: Member | undefined, pos: (m: Marker) => number, o: Outline): boolean {
  // a heading between them, or a first item that introduces a list or runs other items into its line, starts a new list
  if (between(o.headings, prev.block.index, cur.block.index) > 0 || /:$/.test(prev.block.text) || INLINE_MARKER_RE.test(prev.block.text)) return false;
  // so does a short unnumbered title line ("Chú giải phân nhóm.") with no item after it (the title
  // of the new list, not a lead-in inside the first item: "Trọng tâm:" then a) b) c), "Trong đó:" then + …), or a line
  // that opens a quotation (“2. … : the amended text's own list)
  let itemAfter = false;
  for (let i = cur.block.index - 1; i > prev.block.index; i--) {
    const b = doc.blocks[i];
    if ((isTitleLine(b, o) && !itemAfter) || /^["“]/.test(doc.text.slice(b.span.start, b.span.start + 1))) return false;
    if (b.marker) itemAfter = true;
  }
  if (cur.marker.style === 'multi') return cur.marker.values.join('.') === prev.marker.values.join('.');
  // the list goes on at the next number, or at the one after it (the repeat took the place of "2.": 1. 1. 3.)
  const step = next === undefined ? 0 : pos(next.marker) - pos(cur.marker);
  return next !== undefined && (step === 1 || step === 2) && between(o.breaks, cur.block.index, next.block.index) === 0 && between(o.unsure, cur.block.index, next.block.index) === 0;
}

/** An unnumbered line of at most five words that does not end a clause (, ;): a title. */
function isTitleLine(b: Document['blocks'][number], o: Outline): boolean {
  if (b.marker || o.tableRow[b.index] || /[,;]$/.test(b.text)) return false;
  const words = b.text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length > 0 && words.length <= 5;
}

/**
 * The item's text runs a new list into its line: "… tỷ giá giao dịch thực tế 1. Các trường hợp …"
 * (lines merged by a conversion); the item after it goes on from that list. So when it runs in the
 * number before the next item: "3. … --- PAGE 115 --- 5. Các loại giấy tờ …" then "6.".
 */
function restartsInline(text: string, first: string): boolean {
  let k = text.indexOf(first);
  while (k > 0) {
    if (/[\s:;]/.test(text[k - 1]) && /^\s+["“]?\p{Lu}/u.test(text.slice(k + first.length, k + first.length + 4))) return true;
    k = text.indexOf(first, k + 1);
  }
  return false;
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
function checkParent(ctx: RuleContext<unknown>, cur: Member, o: Outline): boolean {
  const parent = ctx.doc.blocks[o.parent[cur.block.index]];
  const pm = parent?.marker;
  if (!pm || (pm.style !== 'arabic' && pm.style !== 'multi')) return false;
  if (o.tableRow[parent.index] || between(o.breaks, parent.index, cur.block.index) > 0 || between(o.unsure, parent.index, cur.block.index) > 0) return false;
  const head = cur.marker.values.slice(0, -1);
  if (head.length !== pm.values.length || head.every((x, i) => x === pm.values[i])) return false;
  // its own parent is written inline at the end of a line above ("… (mẫu số 01-7/GTGT) 3. Sửa đổi …" / "3.1. …")
  const own = head.join('.') + pm.delimiter;
  for (let i = parent.index + 1; i < cur.block.index; i++) if (restartsInline(ctx.doc.blocks[i].text, own)) return false;
  const expected = [...pm.values, cur.marker.values[cur.marker.values.length - 1]].join('.') + cur.marker.delimiter;
  ctx.report({
    messageId: 'parent',
    span: cur.marker.span,
    data: { found: cur.marker.raw, parentMarker: pm.raw, expected },
    related: [{ span: pm.span, messageId: 'parentItem' }],
  });
  return true;
}

/** The first letter's item is written as its sub-items ("a.1)", "a. 2)") between the parent and the list: the list does not start late. */
function subItemsBetween(doc: Document, from: number, to: number, letter: string): boolean {
  const sub = new RegExp(`^${letter}\\.\\s?\\d+[.)]`, 'u');
  for (let i = Math.max(0, from); i < to; i++) if (sub.test(doc.text.slice(doc.blocks[i].span.start, doc.blocks[i].span.end))) return true;
  return false;
}

/**
 * True when `marker` (e.g. "9." or "a)") is written in the text of blocks from..to-1: inline, or
 * without the space after it, or at a block's start with another mark ("5, Nước thải", "23 Đề
 * nghị", "dO số 3" for "d) Ô số 3"), or as the marker of an item no list holds. The marker of an item of another list is
 * that list's, not this one's.
 */
function writtenBetween(doc: Document, o: Outline, from: number, to: number, marker: string): boolean {
  const core = /^\d+(?:\.\d+)*/.exec(marker)?.[0];
  // a letter whose bracket a conversion misread: "dO số 3" for "d) Ô số 3" (no word starts with a lower-case letter then a capital)
  const letter = /^([a-zđ])[.)]$/u.exec(marker)?.[1];
  for (let i = Math.max(0, from); i < to; i++) {
    const b = doc.blocks[i];
    const t = doc.text.slice(b.span.start, b.span.end);
    const own = o.member[i] === 1 ? b.marker!.raw.length : 0;
    if (!own && core && t.startsWith(core) && /^[\s,;:)]/.test(t.slice(core.length))) return true;
    if (!b.marker && letter && t.startsWith(letter) && /^\p{Lu}/u.test(t.slice(letter.length))) return true;
    let k = t.indexOf(marker, own);
    while (k >= 0) {
      const before = k === 0 ? ' ' : t[k - 1];
      if (!/[\p{L}\p{N}.]/u.test(before)) return true;
      k = t.indexOf(marker, k + 1);
    }
  }
  return false;
}

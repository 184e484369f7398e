// The outline fact: table rows, lettering, consolidated texts, footnotes, quotations spanning
// blocks, outline parents (a first number under a higher-ranked item, forms) and sibling lists.

import { describe, expect, it } from 'vitest';
import { buildOutline, letterOrder, VI_NO_DJ_ORDER, VI_ORDER, LATIN_ORDER } from '../../src/facts/outline.js';
import { parseText } from '../../src/parse/index.js';

const lines = (...xs: string[]): string => xs.join('\n\n') + '\n';

function outlineOf(text: string, locale: 'vi' | 'en' = 'vi') {
  const doc = parseText(text, 'x.txt');
  return { doc, o: buildOutline(doc, { locale }) };
}

/** Each list as its markers, `raw@parentRaw`. */
function lists(text: string): string[] {
  const { doc, o } = outlineOf(text);
  return o.lists.map((l) => l.map((x) => `${x.marker.raw}@${o.parent[x.block.index] >= 0 ? doc.blocks[o.parent[x.block.index]].marker?.raw ?? doc.blocks[o.parent[x.block.index]].text.slice(0, 5) : '-'}`).join(' '));
}

describe('outline', () => {
  it('tells table rows apart once: table blocks and tab rows', () => {
    const { doc, o } = outlineOf('Một đoạn văn.\n\nSTT\tNội dung\n1\tChi\n\nA\tB\n');
    expect(doc.blocks.map((b) => o.tableRow[b.index])).toEqual([0, 1, 1]);
  });
  it('reads the lettering: đ when more lists go d) đ), without đ when d) e), Latin in English', () => {
    const vi = lines('1. Một', 'a) x', 'b) x', 'c) x', 'd) x', 'đ) x', '2. Hai', 'a) x', 'b) x', 'c) x', 'd) x', 'đ) x', 'e) x');
    expect(outlineOf(vi).o.lettering).toBe('vi');
    const noDj = lines('1. Một', 'a) x', 'b) x', 'c) x', 'd) x', 'e) x', 'g) x');
    const { o } = outlineOf(noDj);
    expect(o.lettering).toBe('vi-no-dj');
    expect(letterOrder(o, o.lists[1])).toBe(VI_NO_DJ_ORDER);
    const latin = lines('1. Một', 'a) x', 'b) x', 'c) x', 'd) x', 'e) x', 'f) x');
    const l = outlineOf(latin).o;
    expect(letterOrder(l, l.lists[1])).toBe(LATIN_ORDER);
    const withDj = outlineOf(lines('1. Một', 'a) x', 'b) x', 'c) x', 'd) x', 'đ) x')).o;
    expect(letterOrder(withDj, withDj.lists[1])).toBe(VI_ORDER);
    expect(outlineOf(latin, 'en').o.lettering).toBe('latin');
  });
  it('reads "đ )" with a stray space and a Cyrillic look-alike as letters', () => {
    expect(lists(lines('1. Một', 'd) x', 'đ ) x', 'с) y'))).toEqual(['1.@-', 'd)@1. đ )@1. с)@1.']);
  });
  it('knows a consolidated text by its symbol or title in the header', () => {
    expect(outlineOf('BỘ CÔNG THƯƠNG\n\nSố: 57/VBHN-BCT\n\n1. Một\n').o.consolidated).toBe(true);
    expect(outlineOf('VĂN BẢN HỢP NHẤT\n\n1. Một\n').o.consolidated).toBe(true);
    expect(outlineOf('Số: 57/TT-BCT\n\n1. Việc hợp nhất các đơn vị được thực hiện theo quy định.\n').o.consolidated).toBe(false);
  });
  it('finds the footnotes at the end: from "[1]" on, numbered 1, 2, 3', () => {
    const text = lines('Điều 1. Phạm vi[1]', '1. Một.', '2. Hai.', '[1] Điều này được sửa đổi theo Thông tư số 25/2025/TT-BCT.', '“Căn cứ Luật Điện lực;', 'Theo đề nghị của Cục trưởng;', '[2] Khoản này được bổ sung.');
    const { doc, o } = outlineOf(text);
    expect(o.footnotes).toBe(3);
    expect(doc.blocks.slice(3).every((b) => o.quoted[b.index] === 1)).toBe(true);
    expect(outlineOf(lines('1. Một.', '[1] Hai.', '[3] Ba.')).o.footnotes).toBe(3);
  });
  it('marks a quotation opened mid-line and closed later, but not a stray quote mark', () => {
    const text = lines('b) Sửa đổi khoản 4 như sau: "4. Chế độ bảo hiểm a) Đối tượng;', 'b) Thời gian đóng;', 'c) Mức đóng".', 'c) Bổ sung khoản 4a.');
    const { doc, o } = outlineOf(text);
    expect(doc.blocks.map((b) => o.quoted[b.index])).toEqual([0, 1, 1, 0]);
    const stray = outlineOf(lines('a) Theo "mục tiêu chung của kế hoạch', 'b) Hai', 'c) Ba')).o;
    expect([...stray.quoted]).toEqual([0, 0, 0]);
  });
  it('puts a first number under a deeper item of a higher-ranked style, and closes back to the list a number continues', () => {
    expect(lists(lines('1. Thủ tục A', 'I. Mục tiêu', '1. Một', '2. Hai', '2. Thủ tục B'))).toEqual(['1.@- 2.@-', 'I.@1.', '1.@I. 2.@I.']);
  });
  it('gives a form its own lists until a number goes on from a list open before it', () => {
    expect(lists(lines('I. PHẦN MỘT', '1. Thủ tục A', 'Mẫu:', 'I. Đặc điểm', '1. Một', '2. Hai', '2. Thủ tục B', 'II. PHẦN HAI'))).toEqual([
      'I.@- II.@-',
      '1.@I. 2.@I.',
      'I.@Mẫu:',
      '1.@I. 2.@I.',
    ]);
  });
});

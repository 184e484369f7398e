// section-numbering on the example report, constructed outlines, and the cases where it must stay
// silent (restarts, articles, quoted amendments, tables, inline numbers); broken-paragraph edges.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { lintWith } from '../helpers/rule-tester.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';

function num(text: string, locale: 'vi' | 'en' | 'auto' = 'auto'): string[] {
  return lintWith(['section-numbering'], text, { locale }).map((f) => `${f.messageId}@${f.line}:${f.column} ${f.data.expected ?? ''}`.trim());
}

const lines = (...xs: string[]): string => xs.join('\n\n') + '\n';

describe('section-numbering', () => {
  it('is silent on the example report and checks its 39 numbered headings', () => {
    const r = lintText(readFileSync(EXAMPLE, 'utf8'), EXAMPLE, { only: ['section-numbering'] });
    expect(r.findings).toEqual([]);
    expect(r.checked['section-numbering']).toBe(39);
  });
  it('reports gaps, repeats and steps back with the expected number', () => {
    expect(num(lines('I. MỘT', 'II. HAI', 'IV. BỐN'))).toEqual(['gap@5:1 III.']);
    expect(num(lines('1. Một', '2. Hai', '2. Hai nữa', '3. Ba'))).toEqual(['repeat@5:1 3.']);
    expect(num(lines('1. One', '2. Two', '3. Three', '2. Again'))).toEqual(['order@7:1 4.']);
    expect(num(lines('1. A', '1.1. B', '1.2. C', '1.4. D'))).toEqual(['gap@7:1 1.3.']);
  });
  it('uses Vietnamese lettering in Vietnamese documents that use đ), Latin order otherwise', () => {
    const vi = (...ls: string[]) => num(lines('1. Nhiệm vụ của các cơ quan', ...ls.map((l) => `${l}) Nội dung công việc được giao`)), 'vi');
    expect(vi('a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h')).toEqual([]);
    expect(vi('a', 'b', 'c', 'd', 'đ', 'e', 'f')).toEqual(['notVietnamese@15:1 g)']);
    expect(vi('a', 'b', 'c', 'd', 'đ', 'g')).toEqual(['gap@13:1 e)']);
    // no đ) anywhere: the document letters in Latin order, consistently
    expect(vi('a', 'b', 'c', 'd', 'e', 'f')).toEqual([]);
    expect(num(lines('1. Tasks', 'a) One', 'b) Two', 'c) Three', 'd) Four', 'e) Five', 'f) Six'), 'en')).toEqual([]);
  });
  it('a multi-level number must match its parent', () => {
    expect(num(lines('3. Ba', '3.1. Một', '4. Bốn', '3.1. Một', '4.2. Hai'))).toEqual(['parent@7:1 4.1.']);
  });
  it('reports mixed styles at one level', () => {
    expect(num(lines('1. Một', '1.1. Hai', '1.2 Ba', '1.3. Bốn'))).toEqual(['mixed@5:1']);
  });
  it('reports a list that does not start at its first value', () => {
    expect(num(lines('1. Nhiệm vụ', 'b) Hai việc', 'c) Ba việc'))).toEqual(['start@3:1 a)']);
  });
  it('stays silent on restarts, new articles, quoted amendments, tables and inline numbers', () => {
    expect(num(lines('1. A', '2. B', '1. C', '2. D'))).toEqual([]);
    expect(num(lines('Điều 1. Phạm vi', '1. A', '2. B', '3. C', 'Điều 2. Đối tượng', '2. X', '3. Y'))).toEqual([]);
    expect(num(lines('1. Sửa đổi Điều 4 như sau:', '“Điều 4. Mức hưởng', '1. Mức một.', '2. Mức hai.', '3. Mức ba.”', '2. Sửa đổi Điều 5.'))).toEqual([]);
    expect(num(lines('1. Thu', '2. Chi', 'STT\tNội dung\n3\tChi khác', '4. Nợ'))).toEqual([]);
    expect(num(lines('8. Tám việc', '9.Chín việc', '10. Mười việc'))).toEqual([]);
    expect(num(lines('2. Các bộ a) Khẩn trương rà soát', 'b) Các bộ khắc phục', 'c) Hoàn thành'))).toEqual([]);
    // a nested list written in the outer list's style (7. a. 1. 2. b. 8.)
    expect(num(lines('7. Bảy', 'a. Nội dung', '1. Một', '2. Hai', 'b. Lý do', '8. Tám'))).toEqual([]);
  });
  it('does not read A. B. C. outlines as Roman numbers', () => {
    expect(num(lines('A. Background', 'B. Scope', 'C. Findings', 'D. Methods'))).toEqual([]);
  });
});

describe('broken-paragraph', () => {
  const broken = (text: string) => lintWith(['broken-paragraph'], text).map((f) => `${f.line}:${f.column}`);
  it('flags the example report at 15 and 61 only', () => {
    expect(broken(readFileSync(EXAMPLE, 'utf8'))).toEqual(['15:398', '61:320']);
  });
  it('not where a heading is followed by an a) item or a closed sentence by a lower-case line', () => {
    expect(broken('1.2. Kết quả khắc phục\n\na) những nội dung đã thực hiện\n')).toEqual([]);
    expect(broken('Đã hoàn thành kế hoạch.\n\ncác nội dung còn lại chuyển sang năm sau.\n')).toEqual([]);
  });
});

// spelling/confusion (facts/language.ts, realTypos): a real syllable typed for another, reported
// only with both kinds of evidence (a pair no document of the model writes, and the pair one edit
// away written by the document elsewhere and by many documents of the model).

import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

const found = (text: string) =>
  lintText(text, 'input.txt', { only: ['spelling'] })
    .findings.filter((f) => f.messageId === 'confusion')
    .map((f) => `${f.severity} ${text.slice(f.span.start, f.span.end)} -> ${f.fix?.edits[0].text}`);

const lines = (...l: string[]) => l.join('\n');

describe('spelling: a real syllable typed for another', () => {
  it('warns when the document writes the corrected pair twice', () => {
    expect(found(lines('Xã giao nhiệm vụ quản lý đất đai.', 'Công chức quản lý hồ sơ.', 'Phòng Tài chính quẩn lý ngân sách.'))).toEqual(['warning quẩn -> quản']);
  });
  it('notes it when the document writes the corrected pair once', () => {
    expect(found(lines('Công chức quản lý hồ sơ.', 'Phòng Tài chính quẩn lý ngân sách.'))).toEqual(['info quẩn -> quản']);
  });
  it('is silent without the document evidence, and where two words meet', () => {
    expect(found('Phòng Tài chính quẩn lý ngân sách.')).toEqual([]);
    expect(found(lines('Các xã chủ động ứng phó với thiên tai; phương án ứng phó được cập nhật.', 'Bố trí lực lượng đáp ứng phù hợp với tình hình.'))).toEqual([]);
  });
  it('is silent on two words the corpus writes both ways (chi tiêu / chỉ tiêu)', () => {
    expect(found(lines('Các chỉ tiêu kinh tế đều đạt.', 'Hoàn thành các chỉ tiêu giao.', 'Tiết kiệm chi tiêu thường xuyên.'))).toEqual([]);
  });
});

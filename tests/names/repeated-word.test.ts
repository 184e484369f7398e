// repeated-word on two-syllable doublings (facts/language.ts, wordDoubling): exact findings for
// each verdict of the model: a piece of two words doubled, a word doubled, a subject and its verb
// meeting, a second copy that splits, no word before it, and the document-level notes.

import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

const found = (text: string) =>
  lintText(text, 'input.txt', { only: ['repeated-word'] }).findings.map((f) => `${f.messageId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);

describe('repeated-word: a two-syllable unit written twice', () => {
  it('warns on a word doubled mid-sentence', () => {
    expect(found('Trường hợp đã thực hiện thực hiện xong quy trình tuyển dụng thì tiếp tục.')).toEqual(['word warning thực hiện thực hiện']);
    expect(found('Các khoản chi phí khác phí khác phần vượt quá 10% tổng số chi được trừ.')).toEqual(['word warning phí khác phí khác']);
  });
  it('is silent where a subject meets its verb', () => {
    expect(found('Sự việc người yêu cầu yêu cầu đã được Tòa án giải quyết.')).toEqual([]);
    expect(found('Đối với phần tài sản do nhà đầu tư đầu tư, cơ quan nhà nước có thẩm quyền làm thủ tục.')).toEqual([]);
  });
  it('notes a doubling with no word before it', () => {
    expect(found('Hoạt động, thực hiện thực hiện xong quy trình tuyển dụng.')).toEqual(['word info thực hiện thực hiện']);
  });
  it('notes doublings the document writes twice, and all of them where there are many', () => {
    const twice = 'Trường hợp đã thực hiện thực hiện xong quy trình.\nTrường hợp chưa thực hiện thực hiện xong quy trình.';
    expect(found(twice)).toEqual(['word info thực hiện thực hiện', 'word info thực hiện thực hiện']);
    const many = 'Trường hợp đã thực hiện thực hiện xong quy trình.\nCác khoản chi phí khác phí khác phần vượt quá.\nBảo đảm an ninh thông tin thông tin theo cấp độ.';
    expect(found(many)).toEqual(['word info thực hiện thực hiện', 'word info phí khác phí khác', 'word info thông tin thông tin']);
  });
});

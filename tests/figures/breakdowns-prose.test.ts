// Readers of breakdowns as reports write them in prose: the complement of a status closing a list,
// a second breakdown of the same whole after a complete one, a cue that announces its list with a
// colon, English places after the figures.

import { describe, expect, it } from 'vitest';
import { complementOf } from '../../src/facts/breakdowns.js';
import { lintText } from '../../src/index.js';

const find = (text: string, file = 'x.txt') => lintText(text, file, {}).findings.filter((f) => f.ruleId === 'sum-mismatch').map((f) => `${f.messageId} ${f.severity} ${f.data?.total ?? ''}`);

describe('complementOf: the last label negates the one before it', () => {
  it('a negation, then a pair of words of the label before', () => {
    expect(complementOf(' hình thành sau sắp xếp quy định tại Điều này ', ' không thực hiện sắp xếp là xã Tuấn Đạo')).toEqual({ yes: 'sắp xếp', no: 'không thực hiện sắp xếp' });
    expect(complementOf(' hộ đã thoát nghèo ', ' hộ chưa thoát nghèo')).toEqual({ yes: 'thoát nghèo', no: 'chưa thoát nghèo' });
    expect(complementOf(' were paid correctly ', ' were not paid correctly')).toEqual({ yes: 'paid correctly', no: 'were not paid correctly' });
  });
  it('no complement: no shared words, both negated, a single Vietnamese syllable, a negation late in the label', () => {
    expect(complementOf(' dự án khánh thành ', ' dự án khởi công')).toBeUndefined();
    expect(complementOf(' hộ không có nhà ', ' hộ không có đất')).toBeUndefined();
    expect(complementOf(' hộ có nhà ', ' hộ không có đất ở')).toBeUndefined();
    expect(complementOf(' hộ được hỗ trợ ', ' hộ ở vùng sâu vùng xa nơi không được hỗ trợ')).toBeUndefined();
  });
});

describe('readings', () => {
  it('a second breakdown of the same whole after a complete one, closed by the complement', () => {
    const t = 'Sau khi sắp xếp, tỉnh X có 99 đơn vị hành chính cấp xã, gồm 66 xã và 33 phường; trong đó có 68 xã, 33 phường hình thành sau sắp xếp quy định tại Điều này và 01 xã không thực hiện sắp xếp là xã Y.';
    expect(find(t)).toEqual(['mismatchComplement warning 99 đơn vị']);
    expect(find(t.replace('68 xã', '65 xã'))).toEqual([]);
  });
  it('the second breakdown counts other nouns than the first: not read', () => {
    expect(find('Tỉnh X có 99 đơn vị hành chính cấp xã, gồm 66 xã và 33 phường; trong đó có 70 trường, 40 trạm y tế và 10 chợ không được cải tạo.')).toEqual([]);
  });
  it('a cue announcing its list with a colon inside parentheses: parts over the total are a warning', () => {
    expect(find('Đầu tư mới trạm 5G: 95 trạm (Trong đó: MobiFone: 89 trạm, Viettel: 26 trạm).')).toEqual(['overlap warning 95 trạm']);
    expect(find('Đầu tư mới trạm 5G: 95 trạm (trong đó MobiFone 89 trạm, Viettel 26 trạm).')).toEqual([]);
  });
  it('a part that alone is more than its total is an error under any cue', () => {
    expect(find('Đầu tư mới trạm 5G: 35 trạm (Trong đó: MobiFone: 89 trạm, Viettel: 26 trạm).')).toEqual(['partExceeds error 35 trạm']);
    expect(find('Đầu tư mới trạm 5G: 35 trạm (trong đó MobiFone 89 trạm, Viettel 26 trạm).')).toEqual(['partExceeds error 35 trạm']);
    expect(find('Đầu tư mới trạm 5G: 35 trạm (trong đó MobiFone khoảng 89 trạm, Viettel 26 trạm).')).toEqual([]);
  });
  it('English places after the figures: parts over the total after "including" are an error; repeated places are not read', () => {
    expect(find('We reviewed 450 complaints, including 120 in Springfield, 200 in Dayton, and 231 in Akron.')).toEqual(['exceedsPlaces error 450 complaints']);
    expect(find('We reviewed 450 complaints, including 120 in Springfield, 200 in Springfield, and 231 in Akron.')).toEqual([]);
    expect(find('We reviewed 450 complaints, including 120 in 2023, 200 in 2024, and 231 in 2025.')).toEqual([]);
  });
});

describe('nouns from the text', () => {
  it('a word after three bare figures of a paragraph counts it', () => {
    expect(find('Tổng số giấy phép đã cấp là 771 giấy, gồm: xã An Lạc 287 giấy, xã Đặng Xá 419 giấy và xã Hòa Mỹ 69 giấy.')).toEqual(['mismatch error 771 giấy']);
  });
  it('a word after fewer figures, a function word, or bare parts: not read', () => {
    expect(find('Tổng số giấy phép là 771 giấy, gồm: xã An Lạc 287 và xã Đặng Xá 419.')).toEqual([]);
    expect(find('Có 771 và 287 và 419 và 69 và nhiều hơn nữa, gồm: xã An Lạc 287 và xã Đặng Xá 419 và xã Hòa Mỹ 69.')).toEqual([]);
  });
});

// The paragraph fact (normalised keys, words, shingles, exact and near repeats) and the
// duplicate-paragraph rule on the example report and on constructed cases.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildUnits, findRepeats, indexParagraphs, isLabelValue, jaccard, normaliseKey, paragraphs, words } from '../../src/facts/paragraphs.js';
import { FactStore } from '../../src/engine/facts.js';
import { resolveSettings } from '../../src/engine/run.js';
import { lintText } from '../../src/index.js';
import { lintWith } from '../helpers/rule-tester.js';
import { parseText } from '../../src/parse/index.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';

function dup(text: string, path = 'x.txt') {
  return lintWith(['duplicate-paragraph'], text, { path });
}

/** Applies a resolved fix to the original text. */
function applyFix(text: string, edits: Array<{ offset: number; endOffset: number; text: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.text + out.slice(e.endOffset);
  return out;
}

describe('normalisation', () => {
  it('ignores case, runs of white space and trailing punctuation', () => {
    expect(normaliseKey('  Đã  hoàn THÀNH\tkế hoạch năm.  ')).toBe('đã hoàn thành kế hoạch năm');
    expect(normaliseKey('Không có;')).toBe(normaliseKey('không có'));
    expect(normaliseKey('a, b')).not.toBe(normaliseKey('a b'));
  });
  it('keeps document numbers and figures as one word', () => {
    expect(words('Thông báo số 164-TB/TU, là 19.870,477 triệu; O’Brien')).toEqual(['thông', 'báo', 'số', '164-tb/tu', 'là', '19.870,477', 'triệu', 'o’brien']);
  });
  it('is linear on long runs of punctuation and digits', () => {
    const s = '1'.repeat(100000) + '.'.repeat(100000) + ' x';
    expect(words(s)).toEqual(['1'.repeat(100000), 'x']);
    expect(normaliseKey(s + '.'.repeat(100000))).toBe('1'.repeat(100000) + '.'.repeat(100000) + ' x');
  });
  it('computes Jaccard on sorted sets', () => {
    expect(jaccard([1, 2, 3, 4], [2, 3, 4, 5])).toBeCloseTo(3 / 5);
    expect(jaccard([], [])).toBe(0);
  });
});

describe('units and repeats', () => {
  it('joins a paragraph broken by a page break into one unit', () => {
    const doc = parseText('Chỉ đạo giám sát tiến độ thực hiện các nhiệm vụ; trách\n\nnhiệm của người đứng đầu.\n', 'x.txt');
    const { units } = buildUnits(doc);
    expect(units).toHaveLength(1);
    expect(units[0].blocks).toEqual([0, 1]);
    expect(units[0].words).toBe(17);
  });
  it('finds exact repeats, near repeats, and skips short items and different figures; notes only word for word', () => {
    const a = 'Đã tập trung chỉ đạo đẩy nhanh tiến độ giải ngân vốn đầu tư công, xác định rõ trách nhiệm của từng cơ quan, đơn vị.';
    const text = [
      `- ${a}`,
      '- Không có',
      '- Không có',
      `- ${a.toUpperCase()}`,
      `- ${a.replace('đơn vị.', 'đơn vị thực hiện.')}`,
      '+ 50% cán bộ chuyên trách về công nghệ thông tin của bộ, ngành được đào tạo đạt chứng chỉ năm 2026.',
      '+ 100% cán bộ chuyên trách về công nghệ thông tin của bộ, ngành được đào tạo đạt chứng chỉ năm 2026.',
      'Source: GAO analysis of agency data for fiscal years 2020 through 2024 and interviews.',
      'Source: GAO analysis of agency data for fiscal years 2020 through 2024 and interviews.',
    ].join('\n\n');
    const idx = indexParagraphs(parseText(text, 'x.txt'));
    expect(idx.repeats.map((r) => [r.later, r.earlier, r.exact])).toEqual([
      [3, 0, true],
      [4, 0, false],
      [8, 7, true],
    ]);
    expect(idx.repeats[1].similarity).toBeGreaterThanOrEqual(0.9);
  });
  it('compares a paragraph with earlier ones through the index, not all pairs (a capped posting list still finds the match)', () => {
    // words without digits (two near copies with different figures are not repeats)
    const alpha = (i: number): string => String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26) % 26) + String.fromCharCode(97 + Math.floor(i / 676));
    const base = Array.from({ length: 30 }, (_, i) => `từ${alpha(i)}`);
    const paras = Array.from({ length: 300 }, (_, i) => [...base.slice(0, 29), `cuối${alpha(i)}`].join(' ') + '.');
    const units = buildUnits(parseText(paras.join('\n\n'), 'x.txt'));
    const idx = indexParagraphs(parseText(paras.join('\n\n'), 'x.txt'));
    expect(units.units).toHaveLength(300);
    // every later paragraph differs from an earlier one only in its last word: Jaccard 27/29 >= 0.9
    expect(idx.repeats).toHaveLength(299);
    expect(idx.repeats.every((r) => !r.exact && r.earlier < r.later)).toBe(true);
  });
  it('finds nothing in a document without repeats', () => {
    expect(findRepeats(buildUnits(parseText('Một hai ba bốn năm sáu bảy tám chín.\n\nMười một mười hai mười ba mười bốn mười lăm.', 'x.txt')).units)).toEqual([]);
  });
});

describe('duplicate-paragraph on the example report', () => {
  const text = readFileSync(EXAMPLE, 'utf8');
  const findings = dup(text, EXAMPLE);
  it('one warning at line 97 pointing at line 93, and info for the IV.2 restatements of 9.2 b)', () => {
    expect(findings.map((f) => `${f.severity}@${f.line}:${f.column}->${f.related.map((r) => r.line).join(',')}`)).toEqual([
      'warning@97:3->93',
      'info@207:3->179',
      'info@209:3->181',
    ]);
    expect(findings[1].message).toContain('9.2. b)');
  });
  it('offers a safe fix that removes exactly the repeated bullet', () => {
    const fix = findings[0].fix!;
    expect(fix.applicability).toBe('safe');
    const fixed = applyFix(text, fix.edits);
    const lines = text.split('\n');
    expect(fixed).toBe([...lines.slice(0, 95), ...lines.slice(97)].join('\n'));
    expect(dup(fixed, EXAMPLE).filter((f) => f.severity === 'warning')).toEqual([]);
  });
});

describe('duplicate-paragraph cases', () => {
  const item = 'Đã rà soát, ban hành và sửa đổi, bổ sung quy chế làm việc, quy chế phối hợp giữa các ban, ngành.';
  it('a whole repeated section is one finding on its heading', () => {
    const body = `## Kết quả\n\n${item}\n\nCác dự án chuyển tiếp được bố trí vốn đầy đủ và hoàn thành đúng tiến độ đề ra.\n\n`;
    const f = dup(`# Báo cáo\n\n${body}## Khác\n\nMột đoạn khác hẳn, không liên quan gì đến các đoạn trên cả.\n\n${body}`, 'x.md');
    expect(f.map((x) => `${x.messageId}@${x.line}:${x.severity}`)).toEqual(['sectionRepeated@13:warning']);
    expect(f[0].endLine).toBe(17);
  });
  it('two sibling numbered headings with the same title', () => {
    const f = dup('1. Công tác cán bộ\n\nNội dung một.\n\n2. Công tác cán bộ\n\nNội dung hai.\n');
    expect(f.map((x) => `${x.messageId}@${x.line}:${x.column}`)).toEqual(['sameHeading@5:4']);
  });
  it('the same heading under different parents is fine', () => {
    expect(dup('1. Cán bộ\n\n1.1. Kết quả khắc phục\n\nMột.\n\n2. Tài sản\n\n2.1. Kết quả khắc phục\n\nHai.\n')).toEqual([]);
  });
  it('a copy retyped with a word spelled otherwise is a warning that shows the word, without a fix', () => {
    const f = dup(`1. Kết quả\n\n- ${item}\n\n- Nội dung khác.\n\n- ${item.replace('quy chế phối hợp', 'quy chê phối hợp')}\n`);
    expect(f.map((x) => `${x.messageId}@${x.line}:${x.severity}`)).toEqual(['editedCopy@7:warning']);
    expect(f[0].message).toContain('"chế" → "chê"');
    expect(f[0].fix).toBeUndefined();
  });
  it('a copy with other words changed is a parallel statement, and two numbered items with different numbers two provisions', () => {
    expect(dup(`1. Kết quả\n\n- ${item}\n\n- ${item.replace('các ban, ngành', 'các sở, ngành')}\n`)).toEqual([]);
    expect(dup(`1. Kết quả\n\na) ${item}\n\nb) ${item.replace('ngành.', 'ngành nhé.')}\n`)).toEqual([]);
  });
  it('a copy with other words changed is a warning when few words changed for its length (16 words, one change per 8 words, three at most)', () => {
    const long = 'Ủy ban nhân dân xã đã tổ chức tuyên truyền, phổ biến các văn bản pháp luật mới cho cán bộ, công chức và nhân dân trên địa bàn.';
    const f = dup(`1. Kết quả\n\n- ${long}\n\n- ${long.replace('pháp luật', 'hướng dẫn')}\n`);
    expect(f.map((x) => `${x.messageId}@${x.line}:${x.severity}`)).toEqual(['editedCopy@5:warning']);
    expect(f[0].message).toContain('"pháp luật" → "hướng dẫn"');
    // changes far apart in a long passage are aligned too
    const three = long.replace('tổ chức', 'triển khai').replace('mới', 'hiện hành').replace('địa bàn', 'toàn xã');
    expect(dup(`1. Kết quả\n\n- ${long}\n\n- ${three}\n`).map((x) => x.messageId)).toEqual([]); // six words changed in 27: a rewrite
    const two = long.replace('mới', 'khác').replace('nhân dân trên', 'người dân trên');
    expect(dup(`1. Kết quả\n\n- ${long}\n\n- ${two}\n`).map((x) => `${x.messageId}@${x.line}`)).toEqual(['editedCopy@5']);
    // fourteen words: too short to be sure
    const short = 'Bản sao giấy chứng nhận đăng ký kinh doanh của công ty có chứng thực.';
    expect(dup(`1. Hồ sơ\n\n- ${short}\n\n- ${short.replace('kinh doanh', 'thuế')}\n`)).toEqual([]);
  });
  it('a near copy that states another case is silent: a negation, one member of a closed class for another, the same change twice, a chain', () => {
    const p = 'Người nộp thuế có trách nhiệm kê khai, nộp đủ số tiền thuế phát sinh tại địa bàn nơi có trụ sở chính của doanh nghiệp theo quy định.';
    expect(dup(`1. A\n\n${p}\n\n${p.replace('có trách nhiệm', 'không có trách nhiệm')}\n`)).toEqual([]);
    expect(dup(`1. A\n\n${p}\n\n${p.replace('tại địa bàn', 'ngoài địa bàn')}\n`)).toEqual([]);
    const q = 'Chủ tịch Ủy ban nhân dân cấp tỉnh tổ chức kiểm tra văn bản quy phạm pháp luật do Ủy ban nhân dân cấp huyện ban hành trong năm.';
    expect(dup(`1. A\n\n${q}\n\n${q.replace('cấp huyện', 'cấp xã').replace('cấp tỉnh', 'cấp huyện')}\n`)).toEqual([]);
    const r = 'Chứng chỉ đã được cấp bị mất hoặc bị hư hại nặng, kèm theo văn bản nêu rõ lý do bị mất của người đề nghị cấp lại chứng chỉ.';
    expect(dup(`1. A\n\n${r}\n\n${r.replaceAll('mất', 'thu hồi')}\n`)).toEqual([]);
  });
  it('text repeated three times or more is boilerplate: silent', () => {
    expect(dup(`1. A\n\n- ${item}\n\n- ${item}\n\n- ${item}\n\n- ${item}\n`)).toEqual([]);
  });
  it('a paragraph right after its copy is a slip wherever it lies, also a note; farther apart a note repeats by design', () => {
    const note = 'Source: GAO analysis of Office of Management and Budget data for fiscal years 2020 through 2024.';
    expect(dup(`${note}\n\n${note}\n`).map((x) => `${x.messageId}@${x.line}`)).toEqual(['repeated@3']);
    expect(dup(`Figure 1: Spending\n\n${note}\n\nThe agencies reported higher spending in the last two years of the period.\n\n${note}\n`)).toEqual([]);
  });
  it('table cells are not paragraphs', () => {
    const row = `| ${item} | ${item} |`;
    expect(dup(`# T\n\n| a | b |\n| --- | --- |\n${row}\n${row}\n`, 'x.md')).toEqual([]);
  });
});

describe('places of units', () => {
  const placesOf = (text: string) => {
    const doc = parseText(text, 'x.txt');
    const f = new FactStore(doc, resolveSettings(doc)).get(paragraphs);
    return f.units.map((u, i) => `${u.raw.slice(0, 12)}|${f.places[i].zone}${f.places[i].labelValue ? '|lv' : ''}${f.places[i].article ? '|art' : ''}`);
  };
  it('tells preamble, body, recipients block and appendix apart', () => {
    const text = [
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
      '1. Ban hành quy chế làm việc.',
      'Nơi nhận:',
      '- Như Điều 3;',
      'PHỤ LỤC I',
      'Mẫu số 01. Đơn đề nghị',
      'Tên tổ chức đề nghị cấp phép.',
    ].join('\n\n');
    expect(placesOf(text)).toEqual(['Căn cứ Luật |preamble', 'Ban hành quy|body', 'Nơi nhận:|recipients|lv', 'Như Điều 3;|recipients', 'Mẫu số 01. Đ|appendix', 'Tên tổ chức |appendix']);
  });
  it('reads label-value lines by shape, and known labels whatever the length of the value', () => {
    expect(isLabelValue('Cơ quan chủ trì: Sở Y tế')).toBe(true);
    expect(isLabelValue('Căn cứ pháp lý: Luật Đất đai năm 2024, Nghị định số 102/2024/NĐ-CP ngày 30 tháng 7 năm 2024 của Chính phủ quy định chi tiết thi hành')).toBe(true);
    expect(isLabelValue('Kết quả: Đã tập trung chỉ đạo đẩy nhanh tiến độ giải ngân vốn đầu tư công, xác định rõ trách nhiệm của từng cơ quan.')).toBe(false);
    expect(isLabelValue('đã rà soát: ba văn bản')).toBe(false);
  });
  it('marks the units of an article of a legal text', () => {
    expect(placesOf('Điều 5. Trách nhiệm thi hành\n\n1. Các sở thực hiện quyết định này.\n')).toEqual(['Điều 5. Trác|body|art', 'Các sở thực |body|art']);
  });
  it('finds units written from one template near each other', () => {
    const line = (a: string, b: string) => `Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của xã ${a} và xã ${b} thành xã mới có tên gọi là xã ${b}.`;
    const doc = parseText([line('Kỳ Tân', 'Kỳ Hoa'), line('Lâm Hợp', 'Kỳ Lạc'), 'Một đoạn văn khác hẳn về công tác cán bộ của tỉnh trong năm.'].join('\n\n'), 'x.txt');
    const f = new FactStore(doc, resolveSettings(doc)).get(paragraphs);
    expect(f.alike).toEqual([[1], [0], []]);
  });
});

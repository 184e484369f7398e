// citation-mismatch, citation-type and date-invalid end to end: the example report's finding
// with its evidence, related locations and fix; the cases where the rules must stay silent.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { lintWith } from '../helpers/rule-tester.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';
const only = ['citation-mismatch', 'citation-type', 'date-invalid'];

function lint(text: string, lang: 'vi' | 'en' = 'en') {
  return lintWith(only, text, { lang });
}

describe('citation rules on the example report', () => {
  const text = readFileSync(EXAMPLE, 'utf8');
  const findings = lintText(text, EXAMPLE, { only }).findings;

  it('raises exactly one finding: the lost digit on line 223', () => {
    expect(findings.map((f) => `${f.ruleId}@${f.line}:${f.column}-${f.endColumn}`)).toEqual(['citation-mismatch@223:209-217']);
  });

  it('names the majority form, its count and its seven citations', () => {
    const f = findings[0];
    expect(f.data).toMatchObject({ found: '64-TB/TU', expected: '164-TB/TU', count: 7, date: '19/01/2026' });
    expect(f.related.map((r) => r.line)).toEqual([5, 7, 7, 11, 13, 15, 197]);
    expect(f.message).toContain('164-TB/TU');
  });

  it('offers a safe fix that restores the number', () => {
    const fix = findings[0].fix!;
    expect(fix.applicability).toBe('safe');
    expect(fix.edits).toHaveLength(1);
    const e = fix.edits[0];
    expect(text.slice(0, e.offset) + e.text + text.slice(e.endOffset)).toContain('Thông báo số 164-TB/TU ngày 19/01/2026 của Ban Thường vụ Tỉnh ủy./.');
    const fixed = text.slice(0, e.offset) + e.text + text.slice(e.endOffset);
    expect(lintText(fixed, EXAMPLE, { only }).findings).toEqual([]);
  });

  it('speaks Vietnamese when asked', () => {
    const vi = lintText(text, EXAMPLE, { only, lang: 'vi' }).findings[0];
    expect(vi.message).toBe('"64-TB/TU" chỉ được trích dẫn một lần; cùng văn bản đó (TB/TU, ngày 19/01/2026) được trích dẫn 7 lần ở chỗ khác là "164-TB/TU".');
  });

  it('counts what it checked', () => {
    const r = lintText(text, EXAMPLE, { only });
    expect(r.checked['citation-mismatch']).toBe(13);
    expect(r.checked['date-invalid']).toBe(12);
  });
});

describe('citation-mismatch', () => {
  const base = 'Thực hiện Thông báo số 164-TB/TU ngày 19/01/2026.\n\nQuán triệt Thông báo số 164-TB/TU ngày 19/01/2026.\n\n';

  it('is silent when the majority is cited only once, side by side in one paragraph', () => {
    expect(lint('Thực hiện Thông báo số 164-TB/TU ngày 19/01/2026 và Thông báo số 64-TB/TU ngày 19/01/2026.\n')).toEqual([]);
  });

  it('is silent when the dates differ', () => {
    expect(lint(`${base}Theo Thông báo số 64-TB/TU ngày 09/01/2026.\n`)).toEqual([]);
  });

  it('is silent when the type words differ', () => {
    expect(lint(`${base}Theo Kết luận số 64-TB/TU ngày 19/01/2026.\n`).filter((f) => f.ruleId === 'citation-mismatch')).toEqual([]);
  });

  it('reports a swapped digit', () => {
    const f = lint(`${base}Theo Thông báo số 146-TB/TU ngày 19/01/2026.\n`);
    expect(f.map((x) => [x.ruleId, x.line, x.data.found])).toEqual([['citation-mismatch', 5, '146-TB/TU']]);
  });

  it('reports a date slip and writes the fix in the lone citation\'s style', () => {
    const f = lint(`${base}Theo Thông báo số 164-TB/TU ngày 19 tháng 02 năm 2026.\n`);
    expect(f.map((x) => [x.ruleId, x.messageId, x.line, x.data.found, x.data.expected])).toEqual([['citation-mismatch', 'differentDate', 5, '19 tháng 02 năm 2026', '19/01/2026']]);
    expect(f[0].fix!.edits[0].text).toBe('19 tháng 01 năm 2026');
  });

  it('reports two lone variants against one majority separately', () => {
    const f = lint(`${base}Theo Thông báo số 64-TB/TU ngày 19/01/2026.\n\nVà Thông báo số 1164-TB/TU ngày 19/01/2026.\n`);
    expect(f.map((x) => [x.line, x.data.found])).toEqual([[5, '64-TB/TU'], [7, '1164-TB/TU']]);
  });
});

describe('citation-mismatch: a number against a whole title or the document\'s own header', () => {
  const title = 'quy định chi tiết một số điều và biện pháp thi hành Luật Ban hành văn bản quy phạm pháp luật';
  const cited = (n: string, date = '') => `Nghị định số ${n}/2025/NĐ-CP${date} của Chính phủ ${title};`;

  it('reports the lone number whose whole title is the majority\'s, with an unsafe fix', () => {
    const f = lint(`Căn cứ ${cited('78', ' ngày 01/4/2025')}\n\nThực hiện ${cited('78')}\n\nTheo ${cited('48')}\n`);
    expect(f.map((x) => [x.messageId, x.line, x.data.found, x.data.expected, x.data.count])).toEqual([['differentNumberTitle', 5, '48/2025/NĐ-CP', '78/2025/NĐ-CP', 2]]);
    expect(f[0].fix).toMatchObject({ applicability: 'unsafe', edits: [{ text: '78' }] });
    expect(f[0].related.map((r) => r.line)).toEqual([1, 3]);
  });

  it('is silent on a title of fewer than six words, on another date, and on numbers closer than minNumberGap', () => {
    const short = (n: string) => `Nghị định số ${n}/2025/NĐ-CP của Chính phủ về thanh tra;`;
    expect(lint(`${short('78')}\n\n${short('78')}\n\n${short('48')}\n`)).toEqual([]);
    expect(lint(`${cited('78', ' ngày 01/4/2025')}\n\n${cited('78', ' ngày 01/4/2025')}\n\n${cited('48', ' ngày 15/4/2025')}\n`)).toEqual([]);
    expect(lint(`${cited('78')}\n\n${cited('78')}\n\n${cited('79')}\n`)).toEqual([]);
  });

  it('reports both places when each number is cited once', () => {
    const f = lint(`Căn cứ ${cited('78')}\n\nTheo ${cited('48')}\n`);
    expect(f.map((x) => [x.messageId, x.severity, x.line, x.data.found, x.data.other])).toEqual([
      ['twoNumbers', 'warning', 1, '78/2025/NĐ-CP', '48/2025/NĐ-CP'],
      ['twoNumbers', 'warning', 3, '48/2025/NĐ-CP', '78/2025/NĐ-CP'],
    ]);
  });

  it('reports two numbers of one symbol and one day, each cited once, at both places; silent in a run of that day\'s documents', () => {
    const cd = (n: string) => `Thực hiện Công điện số ${n}/CĐ-BXD ngày 20/11/2025 của Bộ Xây dựng.\n\n`;
    expect(lint(cd('94') + cd('64'), 'vi').map((x) => [x.messageId, x.severity, x.line, x.data.found, x.data.other])).toEqual([
      ['twoNumbersDated', 'warning', 1, '94/CĐ-BXD', '64/CĐ-BXD'],
      ['twoNumbersDated', 'warning', 3, '64/CĐ-BXD', '94/CĐ-BXD'],
    ]);
    expect(lint(cd('94') + cd('64') + cd('74'), 'vi')).toEqual([]);
    expect(lint(cd('94') + cd('95'), 'vi')).toEqual([]);
  });

  it('reports a number said to be cited above when only a number one digit away is', () => {
    const f = lint('Decision No. 508/QD-TTg approved the tax reform strategy.\n\nThe targets of Decision No. 208/QD-TTg cited above were met.\n');
    expect(f.map((x) => [x.messageId, x.line, x.data.found, x.data.expected, x.data.cue])).toEqual([['differentNumberAbove', 3, '208/QD-TTg', '508/QD-TTg', 'cited above']]);
    expect(f[0].fix).toMatchObject({ applicability: 'unsafe', edits: [{ text: '508' }] });
  });

  const header = (n: string) => `ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nSố: ${n}/QĐ-UBND\tQuảng Trị, ngày 18 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc công bố thủ tục hành chính\n\n`;
  const annex = (n: string, date = 'ngày 18 tháng 11 năm 2025') => `PHỤ LỤC\n(Kèm theo Quyết định số ${n}/QĐ-UBND ${date} của Chủ tịch UBND tỉnh)\n\n`;

  it('reports an annex whose number is one digit off the header\'s, when another annex agrees with the header', () => {
    const f = lint(header('2708') + annex('2708') + annex('2709'), 'vi');
    expect(f.map((x) => [x.messageId, x.severity, x.line, x.data.found, x.data.expected])).toEqual([['ownNumberAttached', 'error', 11, '2709/QĐ-UBND', '2708/QĐ-UBND']]);
    expect(f[0].related.map((r) => r.line)).toEqual([2, 8]);
  });

  it('reads an annex whose date is left blank for signing', () => {
    const f = lint(header('2708') + annex('2708', 'ngày    tháng    năm 2025') + annex('2709', 'ngày    tháng    năm 2025'), 'vi');
    expect(f.map((x) => [x.messageId, x.line])).toEqual([['ownNumberBlank', 11]]);
  });

  it('reports the header and the one annex when they disagree, the header alone when two annexes agree', () => {
    expect(lint(header('2738') + annex('2708'), 'vi').map((x) => [x.messageId, x.severity, x.line])).toEqual([
      ['ownHeaderNumber', 'warning', 2],
      ['ownNumberAttached', 'warning', 8],
    ]);
    expect(lint(header('2738') + annex('2708') + annex('2708'), 'vi').map((x) => [x.messageId, x.line, x.data.count])).toEqual([['ownHeaderNumber', 2, 2]]);
  });

  it('is silent on another document of the same day that is not attached', () => {
    expect(lint(`${header('2708')}Căn cứ Quyết định số 2709/QĐ-UBND ngày 18 tháng 11 năm 2025 của Chủ tịch UBND tỉnh;\n\n${annex('2708')}`, 'vi')).toEqual([]);
  });
});

describe('citation-type', () => {
  it('accepts the state and the Party code for Quy định, and QĐ before 2018', () => {
    expect(lint('Quy định số 12/QyĐ-UBND; Quy định số 08-QĐi/TW; Quy định số 105-QĐ/TW.')).toEqual([]);
  });

  it('flags a Party công văn without CV but not a state one', () => {
    const f = lint('Công văn số 416-KH/ĐU; Công văn số 12/UBND-VX; Công văn số 77/CT-TTHT; Công văn số 15/QĐ-UBND.');
    expect(f.map((x) => [x.ruleId, x.column])).toEqual([['citation-type', 1], ['citation-type', 72]]);
  });

  it('accepts a National Assembly resolution and flags a decree with a law number', () => {
    const f = lint('Nghị quyết số 1211/2016/UBTVQH13 ngày 25/5/2016; Nghị quyết 163/2024/QH15; Nghị định số 59/2020/QH14.');
    expect(f.map((x) => x.data.word)).toEqual(['Nghị định']);
  });

  it('flags a coded kind before a công văn symbol: a warning when the text calls it a công văn elsewhere, else info', () => {
    const letter = 'Thực hiện Công văn số 9335/BNV-KHTC ngày 14/10/2025 của Bộ Nội vụ.\n\n';
    const decision = 'Theo Quyết định số 9335/BNV-KHTC ngày 14/10/2025 của Bộ Nội vụ.\n';
    expect(lint(letter + decision, 'vi').map((x) => [x.ruleId, x.messageId, x.severity, x.line, x.data.code])).toEqual([['citation-type', 'missingCode', 'warning', 3, 'QĐ']]);
    expect(lint(decision, 'vi').map((x) => [x.messageId, x.severity])).toEqual([['missingCode', 'info']]);
    expect(lint('Theo Quyết định số 74/CP ngày 25/10/1993 của Chính phủ.\n\nTheo công văn hướng dẫn số 7735/TCHQ-GSQL ngày 08/12/2020.\n', 'vi')).toEqual([]);
  });

  it('checks the year only when the date is stated', () => {
    const f = lint('Nghị định số 178/2024/NĐ-CP; Nghị định số 178/2024/NĐ-CP ngày 31/12/2024; Thông tư số 01/2025/TT-BTC ngày 02/01/2026.');
    expect(f.map((x) => [x.messageId, x.data.year, x.data.date])).toEqual([['wrongYear', 2025, '02/01/2026']]);
  });
});

describe('date-invalid', () => {
  const letter = (body: string) => `Child Welfare: Guidance on State Spending\n\nLetter\n\nMarch 3, 2026\n\nThe audit ran from May 1, 2024 to June 1, 2024.\n\n${body}\n`;

  it('reads an English letter\'s date alone on its line as the report\'s date', () => {
    const f = lint(letter('GAO, Child Welfare, GAO-24-107625 (Washington, D.C.: June 12, 2042).'));
    expect(f.map((x) => [x.messageId, x.line, x.data.expected, x.data.reportDate])).toEqual([['transposedYear', 9, 2024, 'March 3, 2026']]);
  });

  it('reads no far or swapped year in an estimate', () => {
    expect(lint(letter('Current estimated completion date: September 30, 2042.'))).toEqual([]);
    expect(lint(letter('Current estimated completion date: September 30, 2079.'))).toEqual([]);
    expect(lint(letter('The cleanup of the site ended on September 30, 2079.')).map((x) => x.messageId)).toEqual(['farYear']);
  });

  it('reports a reversed period at its end, pointing at its start', () => {
    const f = lint('Từ ngày 15/3/2026 đến ngày 01/3/2026 đã tiếp nhận 55 đơn.');
    expect(f.map((x) => [x.messageId, x.column, x.related[0]?.column])).toEqual([['reversedPeriod', 28, 9]]);
  });

  it('checks citations against the header date, not against other dates', () => {
    const text = 'Diễn Châu, ngày 25 tháng 3 năm 2026\n\nBÁO CÁO\n\nKế hoạch số 12/KH-UBND ngày 20/3/2026; Kế hoạch số 13/KH-UBND ngày 26/3/2026; hội nghị ngày 30/3/2026.\n';
    const f = lint(text);
    expect(f.map((x) => [x.messageId, x.data.doc, x.data.date])).toEqual([['afterReport', '13/KH-UBND', '26/3/2026']]);
  });

  it('gives no padding advice when the document keeps one style', () => {
    expect(lint('Ngày 04/02/2026, ngày 07/01/2026 và ngày 23/3/2026; ngày 01/4/2026.')).toEqual([]);
  });

  it('gives padding advice once per kind of slip, as info', () => {
    const f = lint('Ngày 04/02/2026, ngày 07/01/2026, ngày 5/2/2026, ngày 6/2/2026 và ngày 23/3/2026, ngày 23/03/2026.');
    expect(f.map((x) => [x.severity, x.data.date, x.data.expected, x.data.count])).toEqual([
      ['info', '5/2/2026', '05/02/2026', 2],
      ['info', '23/03/2026', '23/3/2026', 1],
    ]);
  });
});

describe('one slip, one finding', () => {
  it('a legal number whose year disagrees with its date is reported by citation-type only', () => {
    const text = 'Cần Thơ, ngày 17 tháng 11 năm 2025\n\nKẾ HOẠCH\n\nTriển khai Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2025 của Quốc hội.\n';
    expect(lint(text).map((f) => [f.ruleId, f.messageId])).toEqual([['citation-type', 'wrongYear']]);
  });
});

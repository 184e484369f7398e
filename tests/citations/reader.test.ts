// The citation reader and the date facts: each citation form with its parts and spans, dates in
// every form, periods, the report's own date, agreement with the number reader, and linear time.

import { describe, expect, it } from 'vitest';
import { groupCitations, readCitations } from '../../src/facts/citations.js';
import { findPeriods, findReportDate, scanDates } from '../../src/facts/dates.js';
import { scanNumbers } from '../../src/facts/numbers.js';
import { parseText } from '../../src/parse/index.js';

function read(text: string, locale: 'vi' | 'en' = 'vi') {
  const doc = parseText(text, 'x.txt');
  const dates = scanDates(doc.text, locale);
  return readCitations(doc, dates).map((c) => ({
    system: c.system,
    whole: doc.slice(c.span),
    number: doc.slice(c.numberSpan),
    symbol: doc.slice(c.symbolSpan),
    typeWord: c.typeWord,
    typeCode: c.typeCode,
    year: c.year,
    date: c.date ? doc.slice(c.date.span) : undefined,
    issuer: c.issuer,
    key: c.key,
  }));
}

describe('citation reader', () => {
  it('reads a Party notice with its date and issuer', () => {
    expect(read('Thực hiện Thông báo số 164-TB/TU ngày 19/01/2026 của Ban Thường vụ Tỉnh ủy về giám sát.')).toEqual([
      { system: 'party', whole: 'Thông báo số 164-TB/TU ngày 19/01/2026', number: '164', symbol: 'TB/TU', typeWord: 'Thông báo', typeCode: 'TB', year: undefined, date: '19/01/2026', issuer: 'Ban Thường vụ Tỉnh ủy', key: '164|TBTU' },
    ]);
  });

  it('reads each numbering system', () => {
    const got = read('Kế hoạch số 32a-KH/ĐU; Quyết định số 204/QĐ-UBND; Công văn 123/UBND-VP; Nghị định số 178/2024/NĐ-CP; Luật số 59/2020/QH14; Thông tư 01/2025/TT-BTC; Quy định số 08-QĐi/TW.');
    expect(got.map((c) => [c.system, c.number, c.symbol, c.typeWord, c.typeCode, c.year])).toEqual([
      ['party', '32a', 'KH/ĐU', 'Kế hoạch', 'KH', undefined],
      ['admin', '204', 'QĐ-UBND', 'Quyết định', 'QĐ', undefined],
      ['admin', '123', 'UBND-VP', 'Công văn', undefined, undefined],
      ['legal', '178', '2024/NĐ-CP', 'Nghị định', 'NĐ', 2024],
      ['law', '59', '2020/QH14', 'Luật', 'QH', 2020],
      ['legal', '01', '2025/TT-BTC', 'Thông tư', 'TT', 2025],
      ['party', '08', 'QĐi/TW', 'Quy định', 'QĐi', undefined],
    ]);
  });

  it('reads the date in its three Vietnamese forms, with or without a comma', () => {
    const got = read('Thông báo số 1-TB/TU, ngày 05-02-2026; Thông báo số 2-TB/TU ngày 05 tháng 02 năm 2026; Thông báo số 3-TB/TU ngày 5/2/2026.');
    expect(got.map((c) => c.date)).toEqual(['05-02-2026', '05 tháng 02 năm 2026', '5/2/2026']);
  });

  it('reads the longest type phrase, with or without số, and none at a header', () => {
    const got = read('Chương trình hành động số 08-CTr/TU; Thông báo kết luận 212-TB/TU; Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP; theo kế hoạch số 12/KH-UBND;\nSố: 15/BC-UBND\nThực hiện 164-TB/TU.');
    expect(got.map((c) => c.typeWord)).toEqual(['Chương trình hành động', 'Thông báo kết luận', 'Thông tư liên tịch', 'kế hoạch', undefined, undefined]);
    expect(got.map((c) => c.whole.slice(0, 12))).toEqual(['Chương trình', 'Thông báo kế', 'Thông tư liê', 'kế hoạch số ', '15/BC-UBND', '164-TB/TU']);
  });

  it('does not take a date that is not linked to the number', () => {
    expect(read('Thông báo số 164-TB/TU; đến ngày 19/01/2026 đã triển khai.')[0].date).toBeUndefined();
  });

  it('reads symbols split by conversion spaces as the same document', () => {
    const got = read('Nghị quyết số 57- NQ/TW và Nghị quyết số 57-NQ/TW; Nghị định số 92/2017/NĐ- CP.');
    expect(got.map((c) => c.key)).toEqual(['57|NQTW', '57|NQTW', '92|2017NDCP']);
  });

  it('reads slips of form as another writing of a document cited in the grammar\'s form, and only then', () => {
    const doc = parseText('Thông báo số 164-TB/TU; Thông báo số 164TB/TU; Thông báo 164/TB/TU; Quyết định số 204/QĐ-UBND; số 204-QĐ-UBND; số 204/QĐ -UBND; 204/QĐ-uBND; 77TB/TU; 88/KH-ubnd.', 'x.txt');
    const { all, groups } = groupCitations(readCitations(doc, scanDates(doc.text, 'vi'), true));
    expect(all.map((c) => [c.raw, c.key, c.loose ?? false])).toEqual([
      ['164-TB/TU', '164|TBTU', false],
      ['164TB/TU', '164|TBTU', true],
      ['164/TB/TU', '164|TBTU', true],
      ['204/QĐ-UBND', '204|QDUBND', false],
      ['204-QĐ-UBND', '204|QDUBND', true],
      ['204/QĐ -UBND', '204|QDUBND', true],
      ['204/QĐ-uBND', '204|QDUBND', true],
      ['88/KH', '88|KH', false],
    ]);
    expect(groups.map((g) => g.members.length)).toEqual([3, 4, 1]);
  });

  it('attaches a citation that lost a part or a letter when its date or type word says it is the same document', () => {
    const doc = parseText('Chỉ thị số 12/CT-TTg ngày 5/8/2024; Chỉ thị số 12/CT-TTg; Chỉ thị số 12/CTTg ngày 5/7/2024; Thông tư số 23/2021/TT-BTC ngày 30/3/2021; Thông tư 23/2021/TT ngày 30/3/2021; Công điện số 12/CĐ-TTg ngày 5/8/2024.', 'x.txt');
    const { groups } = groupCitations(readCitations(doc, scanDates(doc.text, 'vi'), true));
    expect(groups.map((g) => g.members.map((c) => c.raw))).toEqual([
      ['12/CT-TTg', '12/CT-TTg', '12/CTTg'],
      ['23/2021/TT-BTC', '23/2021/TT'],
      ['12/CĐ-TTg'],
    ]);
  });

  it('reads English forms', () => {
    const got = read('Notice No. 164-TB/TU dated 19 January 2026; Decree No. 178/2024/ND-CP; Circular 01/2025/TT-BTC; Executive Order 14028 of May 12, 2021; Public Law 117-58.', 'en');
    expect(got.map((c) => [c.system, c.typeWord, c.number, c.date])).toEqual([
      ['party', 'Notice', '164', '19 January 2026'],
      ['legal', 'Decree', '178', undefined],
      ['legal', 'Circular', '01', undefined],
      ['us', 'Executive Order', '14028', 'May 12, 2021'],
      ['us', 'Public Law', '117-58', undefined],
    ]);
  });

  it('reads no citation in dates, fractions, figures or codes', () => {
    expect(read('Ngày 19/01/2026 đạt 40/55 đơn, 19.870,477 triệu đồng, mã GAO-05-927, COVID-19/SARS, 24/7.')).toEqual([]);
  });

  it('finds the same document numbers as the number reader on the forms it reads as such', () => {
    const text = 'Thông báo 164-TB/TU, Kế hoạch 32a-KH/ĐU, Quyết định 204/QĐ-UBND, Nghị định 178/2024/NĐ-CP, Công văn 544-CV/TU, Tờ trình 45/TTr-UBND.';
    const doc = parseText(text, 'x.txt');
    const fromNumbers = scanNumbers(doc.text, [], 'vi').filter((t) => t.kind === 'docnum').map((t) => t.raw);
    const fromCitations = readCitations(doc, scanDates(doc.text, 'vi')).map((c) => c.raw);
    expect(fromCitations).toEqual(fromNumbers);
    expect(fromCitations).toHaveLength(6);
  });

  it('stays linear on adversarial input', () => {
    const inputs = ['1'.repeat(100_000), '1-'.repeat(50_000), '1/A'.repeat(30_000), '12/12/'.repeat(20_000), 'Thông báo số '.repeat(8_000), 'ngày 1 tháng '.repeat(8_000), '1-A/B-'.repeat(20_000)];
    for (const text of inputs) {
      const t0 = performance.now();
      const doc = parseText(text, 'x.txt');
      readCitations(doc, scanDates(doc.text, 'vi'));
      expect(performance.now() - t0, text.slice(0, 12)).toBeLessThan(1500);
    }
  });
});

describe('dates', () => {
  it('reads every form with its calendar value and validity', () => {
    const got = scanDates('ngày 19/01/2026, 19-01-2026, ngày 05 tháng 02 năm 2026, tháng 3/2026, 31/02/2026, 29/02/2024, 29/02/2025, ngày 15 tháng 13 năm 2026, 19 January 2026, May 12, 2021', 'vi');
    expect(got.map((d) => [d.raw, d.day, d.month, d.year, d.valid])).toEqual([
      ['19/01/2026', 19, 1, 2026, true],
      ['19-01-2026', 19, 1, 2026, true],
      ['05 tháng 02 năm 2026', 5, 2, 2026, true],
      ['3/2026', undefined, 3, 2026, true],
      ['31/02/2026', 31, 2, 2026, false],
      ['29/02/2024', 29, 2, 2024, true],
      ['29/02/2025', 29, 2, 2025, false],
      ['15 tháng 13 năm 2026', 15, 13, 2026, false],
      ['19 January 2026', 19, 1, 2026, true],
      ['May 12, 2021', 12, 5, 2021, true],
    ]);
  });

  it('reads five-digit years, words run together and slips of a date word', () => {
    const got = scanDates('ngày 08/6/20210; ngày03 tháng 12 năm 2004; ngày 18 tháng 11năm 2025; ngày 15 tháng 12 nam 2024; ngay 01 tháng 7 năm 2022; NGÀY 01 THANG 7 NĂM 2016; 15 thang 3 nam 2024', 'vi');
    expect(got.map((d) => [d.raw, d.yearDigits, d.valid, (d.wordSlips ?? []).map((w) => `${w.found}>${w.expected}`).join(' ')])).toEqual([
      ['08/6/20210', '20210', false, ''],
      ['03 tháng 12 năm 2004', '2004', true, ''],
      ['18 tháng 11năm 2025', '2025', true, ''],
      ['15 tháng 12 nam 2024', '2024', true, 'nam>năm'],
      ['01 tháng 7 năm 2022', '2022', true, 'ngay>ngày'],
      ['01 THANG 7 NĂM 2016', '2016', true, 'THANG>THÁNG'],
    ]);
  });

  it('reads English numeric dates month first', () => {
    const [d] = scanDates('signed on 12/31/2025', 'en');
    expect([d.day, d.month, d.year, d.valid]).toEqual([31, 12, 2025, true]);
  });

  it('finds periods and the report period', () => {
    const text = 'Báo cáo (Mốc thời gian báo cáo từ ngày 01/01/2026 đến ngày 23/3/2026); từ 01/7/2025 đến nay; from January 1, 2026 to March 31, 2026.';
    const periods = findPeriods(text, scanDates(text, 'vi'));
    expect(periods.map((p) => [p.start.raw, p.end.raw, p.reportPeriod])).toEqual([
      ['01/01/2026', '23/3/2026', true],
      ['January 1, 2026', 'March 31, 2026', false],
    ]);
  });

  it("finds the report's own date on its header line only", () => {
    const doc = parseText('ĐẢNG ỦY XÃ\n\nDiễn Châu, ngày 25 tháng 3 năm 2026\n\nBÁO CÁO\n\nHội nghị ngày 26 tháng 3 năm 2026 đã diễn ra.\n', 'x.txt');
    const d = findReportDate(doc, scanDates(doc.text, 'vi'));
    expect(d?.raw).toBe('25 tháng 3 năm 2026');
    const body = parseText('BÁO CÁO\n\nHội nghị ngày 26 tháng 3 năm 2026 đã diễn ra.\n', 'x.txt');
    expect(findReportDate(body, scanDates(body.text, 'vi'))).toBeUndefined();
    const row = parseText('ỦY BAN NHÂN DÂN TỈNH BẮC NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 471/QĐ-UBND\tThành phố Bắc Ninh, ngày 28 tháng 11 năm 2025\tQUYẾT ĐỊNH\n', 'x.txt');
    expect(findReportDate(row, scanDates(row.text, 'vi'))?.raw).toBe('28 tháng 11 năm 2025');
    const flat = parseText('Độc lập - Tự do - Hạnh phúc Số: 2641/QĐ-UBND Đà Nẵng, ngày 18 tháng 11 năm 2025 QUYẾT ĐỊNH BAN HÀNH', 'x.txt');
    expect(findReportDate(flat, scanDates(flat.text, 'vi'))?.raw).toBe('18 tháng 11 năm 2025');
    const sentence = parseText('Hội nghị tổ chức tại Hà Nội, ngày 18 tháng 11 năm 2025 với sự tham dự của các đại biểu.', 'x.txt');
    expect(findReportDate(sentence, scanDates(sentence.text, 'vi'))).toBeUndefined();
  });
});

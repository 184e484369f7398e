// The planter's detectors and mutations (bench/accuracy/lib/plant-*.mjs): sites are found only
// where the original is consistent, and each planting edits exactly one span of the text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { applyEdits, makeDoc } from '../../bench/accuracy/lib/doc.mjs';
// @ts-expect-error plain JS module without types
import { findBreakdowns, findPercents, findTableSums, breakdownSites, percentSites } from '../../bench/accuracy/lib/plant-figures.mjs';
// @ts-expect-error plain JS module without types
import { citationGroups, citationSites, findDates } from '../../bench/accuracy/lib/plant-citations.mjs';
// @ts-expect-error plain JS module without types
import { headingRuns, headingSites, mojibake } from '../../bench/accuracy/lib/plant-structure.mjs';
// @ts-expect-error plain JS module without types
import { flipTone, nameSites } from '../../bench/accuracy/lib/plant-words.mjs';
// @ts-expect-error plain JS module without types
import { lexiconView } from '../../bench/accuracy/lib/lexicon.mjs';
// @ts-expect-error plain JS module without types
import { documentSites } from '../../bench/accuracy/lib/sites.mjs';
// @ts-expect-error plain JS module without types
import { listCorpus, SAMPLE } from '../../bench/accuracy/lib/corpus.mjs';
// @ts-expect-error plain JS module without types
import { placeTone, toneKey, toneStyle } from '../../bench/accuracy/lib/text.mjs';

const lex = lexiconView(JSON.parse(readFileSync('bench/accuracy/lexicon.json', 'utf8')));
type Edit = { start: number; end: number; text: string; from?: string };
type Site = { kind: string; shape: string; edits: Edit[]; lines: number[] };

describe('breakdowns', () => {
  it('finds a total whose parts add up, in the sentence or the next one', () => {
    const doc = makeDoc('a.txt', 'Mở đầu văn bản.\nTổng số 120 hộ, trong đó 45 hộ nghèo, 75 hộ cận nghèo.\nTổng vốn 1.250,5 triệu đồng. Trong đó, xã A 250,5 triệu đồng, xã B 600 triệu đồng, xã C 400 triệu đồng.\n');
    const found = findBreakdowns(doc).map((b: { total: { raw: string }; parts: { raw: string }[]; shape: string; cue: string }) => [b.total.raw, b.parts.map((p) => p.raw), b.shape, b.cue]);
    expect(found).toEqual([
      ['120', ['45', '75'], 'inline-trong-do', 'subset'],
      ['1.250,5', ['250,5', '600', '400'], 'total-previous-sentence', 'subset'],
    ]);
  });
  it('leaves out bounds, ranges, numbered categories and page numbers, which add up by chance', () => {
    const doc = makeDoc(
      'a.txt',
      'Phạt tiền từ 10.000.000 đồng đến 20.000.000 đồng, từ 30.000.000 đồng đến 50.000.000 đồng.\n' +
        'Hạng cơ sở lưu trú bao gồm 01 sao, 02 sao, 03 sao, 04 sao và 05 sao.\n' +
        'Table 2: Variables 5 Table 3: Odds 30 Table 4: Ratios 35 Table 5.\n',
    );
    expect(findBreakdowns(doc)).toEqual([]);
    const twin = makeDoc('b.txt', 'Tổng vốn 1.500 triệu đồng, gồm 1.000 triệu đồng ngân sách và 500 triệu đồng xã hội hóa.\nBao gồm 3 sao, 4 sao và 7 sao.\n');
    expect(findBreakdowns(twin).map((b: { total: { raw: string } }) => b.total.raw)).toEqual(['1.500', '7']);
  });
  it('stays away from sums that do not hold, two-part coincidences without a cue, and durations', () => {
    const doc = makeDoc('a.txt', 'Năm nay có 120 hộ mới, 45 hộ chuyển đi và 76 hộ khác.\nXã A có 30 người, xã B có 20 người, xã C có 50 người.\nĐủ 25 năm đối với nam, đủ 20 năm đối với nữ, trong đó có ít nhất 05 năm công tác.\n');
    expect(findBreakdowns(doc)).toEqual([]);
  });
  it('under a subset cue, plants only so that the parts exceed the total', () => {
    const doc = makeDoc('a.txt', 'Tổng số 120 hộ, trong đó 45 hộ nghèo, 75 hộ cận nghèo.\n');
    for (const s of breakdownSites(doc) as Site[]) {
      const after = applyEdits(doc.text, s.edits);
      const figs = makeDoc('a.txt', after).figures(1).map((f: { raw: string }) => Number(f.raw));
      expect(figs[1] + figs[2]).toBeGreaterThan(figs[0]);
    }
  });
});

describe('tables', () => {
  it('finds a total row and a subtotal row by the rows that add up', () => {
    const t = ['STT\tNội dung\tNăm 2024\tNăm 2025', 'I\tTổng thu\t1.500\t1.800', '1\tThu nội địa\t1.200\t1.300', '2\tThu xuất nhập khẩu\t300\t500', ''].join('\n');
    const rels = findTableSums(makeDoc('t.txt', t)).map((r: { shape: string; total: { text: string }; parts: { cell: { text: string } }[] }) => [r.shape, r.total.text, r.parts.map((p) => p.cell.text)]);
    expect(rels).toEqual([
      ['total-row', '1.500', ['1.200', '300']],
      ['total-row', '1.800', ['1.300', '500']],
    ]);
  });
});

describe('percentages', () => {
  it('pairs a stated rate with the two figures it is computed from', () => {
    const doc = makeDoc('p.txt', 'Đã tiếp nhận 55 đơn, đã giải quyết 40 đơn, đạt 72,7%.\nDoanh thu đạt 120 tỷ đồng, tăng 20% so với năm trước (100 tỷ đồng).\n');
    const r = findPercents(doc).map((p: { rate: { raw: string }; num: { raw: string }; base: { raw: string }; formula: string }) => [p.rate.raw, p.num.raw, p.base.raw, p.formula]);
    expect(r).toEqual([
      ['72,7', '40', '55', 'share'],
      ['20', '120', '100', 'growth'],
    ]);
  });
  it('takes no durations, thresholds or ranges for a rate', () => {
    const doc = makeDoc('p.txt', 'Miễn thuế 2 năm và giảm 50% số thuế phải nộp trong 4 năm tiếp theo.\nCó từ 06 tiêu chí hoặc có từ 03 tiêu chí và có từ 50% số thôn trở lên.\nShares ranged from 16 to 66 percent of 24 programs and 12 programs.\n');
    expect(findPercents(doc)).toEqual([]);
  });
  it('mutations break the rate by more than its rounding', () => {
    const doc = makeDoc('p.txt', 'Đã tiếp nhận 55 đơn, đã giải quyết 40 đơn, đạt 72,7%.\n');
    const sites = percentSites(doc) as Site[];
    expect(sites.map((s) => s.kind).sort()).toEqual(['percent-base', 'percent-count', 'percent-rate']);
    for (const s of sites) {
      const [a, b, p] = makeDoc('p.txt', applyEdits(doc.text, s.edits)).figures(1).map((f: { int: bigint; dec: number }) => Number(f.int) / 10 ** f.dec);
      expect(Math.abs((b / a) * 100 - p)).toBeGreaterThan(0.1);
    }
  });
});

describe('citations and dates', () => {
  it('groups a document cited the same way and skips one already written two ways', () => {
    const text = 'Thực hiện Thông báo số 164-TB/TU ngày 19/01/2026 của Tỉnh ủy. Theo Thông báo số 164-TB/TU ngày 19/01/2026, … Thông báo số 164-TB/TU ngày 19/01/2026.\nQuyết định 204/QĐ-UBND và Quyết định 204/QĐ-UBND; Nghị định 15/2020/NĐ-CP, Nghị định 15/2020/ND-CP.';
    const { groups } = citationGroups(text);
    expect(groups.map((g: { raw: string; list: unknown[]; dated: unknown[] }) => [g.raw, g.list.length, g.dated.length])).toEqual([
      ['164-TB/TU', 3, 3],
      ['204/QĐ-UBND', 2, 0],
    ]);
  });
  it('reads valid dates only, in three styles', () => {
    const d = findDates('ngày 31/02/2025, ngày 05/02/2026, ngày 5 tháng 3 năm 2025, on March 5, 2024, 12/2025').map((x: { day: number; month: number; year: number; style: string }) => [x.day, x.month, x.year, x.style]);
    expect(d).toEqual([
      [5, 2, 2026, 'numeric'],
      [5, 3, 2025, 'words'],
      [5, 3, 2024, 'en'],
    ]);
  });
  it('a citation digit change never gives the number of another cited document', () => {
    const doc = makeDoc('c.txt', 'Theo Kế hoạch số 15/KH-UBND ngày 02/3/2025 và Kế hoạch số 15/KH-UBND ngày 02/3/2025; Kế hoạch số 16/KH-UBND ngày 02/3/2025.\n');
    for (const s of (citationSites(doc) as Site[]).filter((x) => x.kind === 'citation-digit')) expect(s.edits[0].text).not.toBe('16');
  });
});

describe('headings', () => {
  it('reads consecutive runs per level and plants a skip at the last item', () => {
    const doc = makeDoc('h.txt', 'I. Mở đầu\n1. Một\n2. Hai\n3. Ba\nII. Tiếp\nIII. Kết\na) x\nb) y\nc) z\nd) t\nđ) u\n');
    const runs = headingRuns(doc).map((r: { style: string; items: { raw: string }[] }) => [r.style, r.items.map((i) => i.raw).join(' ')]);
    expect(runs).toEqual(
      expect.arrayContaining([
        ['roman', 'I II III'],
        ['arabic', '1 2 3'],
        ['letter', 'a b c d đ'],
      ]),
    );
    const skips = (headingSites(doc) as Site[]).filter((s) => s.kind === 'heading-skip').map((s) => [s.shape, s.edits[0].from, s.edits[0].text]);
    expect(skips).toEqual(
      expect.arrayContaining([
        ['roman', 'III', 'IV'],
        ['arabic', '3', '4'],
        ['letter-vi', 'đ', 'g'],
      ]),
    );
  });
  it('does not take a run with a gap for a consecutive one', () => {
    const doc = makeDoc('h.txt', '1. Một\n2. Hai\n4. Bốn\n');
    expect(headingRuns(doc)).toEqual([]);
  });
});

describe('Vietnamese text', () => {
  it('places tones in both styles and keys them alike', () => {
    expect(placeTone('hoa', 1, 'old')).toBe('hòa');
    expect(placeTone('hoa', 1, 'new')).toBe('hoà');
    expect(placeTone('nhiêm', 5)).toBe('nhiệm');
    expect(placeTone('quy', 2)).toBe('quý');
    expect(toneKey('hòa')).toBe(toneKey('hoà'));
    expect(toneStyle('thủy')).toBe('old');
    expect(toneStyle('thuỷ')).toBe('new');
    expect(toneStyle('quý')).toBeUndefined();
    expect(flipTone('hoà')).toBe('hòa');
    expect(flipTone('Thủy')).toBe('Thuỷ');
  });
  it('turns UTF-8 into what a Windows-1252 reader shows', () => {
    expect(mojibake('Diễn')).toBe('Diá»…n');
  });
  it('plants name variants only for names written one way 3+ times', () => {
    const doc = makeDoc('n.txt', 'Huyện ủy Diễn Châu họp. Đoàn về xã Diễn Châu. Nhân dân Diễn Châu đồng lòng. Ông Trần Văn Nam và Trần Văn Nam, Trần Văn Năm.\n');
    const sites = nameSites(doc, lex) as Site[];
    expect(new Set(sites.map((s) => doc.text.slice(s.edits[0].start - 6, s.edits[0].end + 6).includes('Diễn') || doc.text.slice(s.edits[0].start - 6, s.edits[0].end + 6).includes('Châu')))).toEqual(new Set([true]));
    expect(sites.some((s) => s.kind === 'name-join')).toBe(true);
  });
});

describe('every site of the committed sample', () => {
  const docs = listCorpus(SAMPLE).filter((d: { plantable: boolean }) => d.plantable);
  it('the sample has documents', () => expect(docs.length).toBeGreaterThan(15));
  it('edits exactly one span, as recorded, and nothing else', () => {
    let n = 0;
    for (const d of docs) {
      const text = readFileSync(join(SAMPLE, d.rel), 'utf8');
      const { sites } = documentSites(d.rel, text, [], lex);
      for (const s of sites as Site[]) {
        n++;
        expect(s.edits).toHaveLength(1);
        const e = s.edits[0];
        if (e.from !== undefined) expect(text.slice(e.start, e.end)).toBe(e.from);
        expect(e.text).not.toBe(text.slice(e.start, e.end));
        const out = applyEdits(text, s.edits);
        expect(out.slice(0, e.start)).toBe(text.slice(0, e.start));
        expect(out.slice(e.start + e.text.length)).toBe(text.slice(e.end));
        expect(s.lines.length).toBeGreaterThan(0);
      }
    }
    expect(n).toBeGreaterThan(500);
  });
});

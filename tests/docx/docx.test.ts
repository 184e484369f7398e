// Word input: the example report converted by LibreOffice reads as the .txt does (same findings,
// paragraph = line), a hand-written .docx renders numbering, tables, tracked changes, fields,
// footnotes and comments as Word shows them, and damaged packages fail with one clear line.

import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lintParsed } from '../../src/index.js';
import { parseBytes, parseText } from '../../src/parse/index.js';
import { Numbering, formatNumber } from '../../src/parse/docx/numbering.js';
import { rules } from '../../src/rules/index.js';
import { runCli } from '../helpers/cli.js';

const TXT = 'fixtures/example/bao-cao-164-TB-TU.txt';
const DOCX = 'fixtures/docx/bao-cao-164-TB-TU.docx';
const HAND = 'fixtures/docx/numbering-table-tracked-comment.docx';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function docxWith(documentXml: string): Uint8Array {
  return zipSync({ '[Content_Types].xml': enc(CT), 'word/document.xml': enc(documentXml) });
}

describe('.docx made by LibreOffice from the example report', () => {
  it('gives the same findings as the .txt: rule ids, paragraphs = lines, columns', async () => {
    const txt = lintParsed(parseText(readFileSync(TXT, 'utf8'), TXT));
    const doc = await parseBytes(readFileSync(DOCX), DOCX);
    expect(doc.format).toBe('docx');
    const docx = lintParsed(doc);
    expect(txt.findings.length).toBeGreaterThan(0);
    const key = (f: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }): string =>
      `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
    expect(docx.findings.map(key)).toEqual(txt.findings.map(key));
    expect(docx.internalErrors).toBeUndefined();
  });

  it('carries paragraph and a quote to find with Ctrl+F', async () => {
    const doc = await parseBytes(readFileSync(DOCX), DOCX);
    const r = lintParsed(doc, { only: ['broken-paragraph'] });
    const f = r.findings[0];
    expect(f.extras?.paragraph).toBe(f.line);
    expect(typeof f.extras?.quote).toBe('string');
    expect(doc.original.split('\n')[f.line - 1]).toContain(String(f.extras?.quote));
  });

  it('is picked up when a directory is walked, with paragraph in the JSON', () => {
    const r = runCli(['--format', 'json', '--rule', 'broken-paragraph', 'fixtures/docx']);
    const out = JSON.parse(r.stdout);
    const file = out.files.find((f: { path: string }) => f.path.endsWith('bao-cao-164-TB-TU.docx'));
    expect(file.format).toBe('docx');
    expect(file.findings.map((f: { line: number; paragraph: number }) => [f.line, f.paragraph])).toEqual([
      [15, 15],
      [61, 61],
    ]);
  });
});

describe('hand-written .docx: numbering, table, tracked changes, field, footnote, comment', () => {
  it('reads the text Word shows, one paragraph per line', async () => {
    const doc = await parseBytes(readFileSync(HAND), HAND);
    expect(doc.original.split('\n')).toEqual([
      'BÁO CÁO KẾT QUẢ THU NGÂN SÁCH QUÝ I NĂM 2026',
      'I. TÌNH HÌNH CHUNG',
      '1. Kết quả thu ngân sách',
      '1.1. Thu nội địa đạt kết quả tốt.',
      '1.2. Thu khác ổn định.',
      'a) Chi tiết các khoản thu như sau:',
      'Nội dung\tSố tiền (triệu đồng)',
      'Thu thuế\t1.200',
      'Thu phí, lệ phí\t300',
      'Tổng cộng\t1.600',
      // 1.400 was deleted and 1.500 inserted; the DATE field shows its result, not its code
      'Tổng thu ngân sách quý I đạt 1.500 triệu đồng, cập nhật ngày 31/03/2026.',
      'II. TỒN TẠI, HẠN CHẾ',
      '1. Một số khoản thu còn chậm',
      '1.1. Tiến độ thu tiền sử dụng đất chưa đạt kế hoạch.',
      ' Số liệu theo báo cáo của Kho bạc Nhà nước.',
    ]);
  });

  it('makes the outline from the rendered numbers', async () => {
    const doc = await parseBytes(readFileSync(HAND), HAND);
    const numbered = doc.blocks.filter((b) => b.marker);
    expect(numbered.map((b) => [b.marker!.raw, b.marker!.style])).toEqual([
      ['I.', 'roman'],
      ['1.', 'arabic'],
      ['1.1.', 'multi'],
      ['1.2.', 'multi'],
      ['a)', 'letter'],
      ['II.', 'roman'],
      ['1.', 'arabic'],
      ['1.1.', 'multi'],
    ]);
    const sub = numbered[2];
    expect(doc.blocks[sub.parent].marker?.raw).toBe('1.');
  });

  it('makes doc.tables from the Word table, with table/row/cell locations', async () => {
    const doc = await parseBytes(readFileSync(HAND), HAND);
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0];
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Nội dung', 'Số tiền (triệu đồng)'],
      ['Thu thuế', '1.200'],
      ['Thu phí, lệ phí', '300'],
      ['Tổng cộng', '1.600'],
    ]);
    const total = t.rows[3].cells[1];
    const loc = doc.locate(total.span);
    expect([loc.line, loc.column]).toEqual([10, 11]);
    expect(loc.extras).toMatchObject({ paragraph: 10, table: 1, row: 4, cell: 2, quote: '1.600' });
  });

  it('flags the wrong total row at its cell when table-sum-mismatch exists', async (ctx) => {
    if (!rules.some((r) => r.id === 'table-sum-mismatch')) {
      ctx.skip(); // the rule belongs to another issue; this turns on when it lands
      return;
    }
    const doc = await parseBytes(readFileSync(HAND), HAND);
    const r = lintParsed(doc, { only: ['table-sum-mismatch'] });
    expect(r.findings.map((f) => [f.line, f.extras?.row, f.extras?.cell])).toEqual([[10, 4, 2]]);
  });

  it('turns the Word comment into doc.comments over the commented range', async () => {
    const doc = await parseBytes(readFileSync(HAND), HAND);
    expect(doc.comments).toHaveLength(1);
    const c = doc.comments[0];
    expect(c.text).toBe('reportlint-disable sum-mismatch đã đối chiếu sổ kế toán');
    expect(doc.slice(c.span)).toBe('1.500 triệu đồng');
    expect(doc.locate(c.span).line).toBe(11);
  });

  it('puts footnotes after the body with their number', async () => {
    const doc = await parseBytes(readFileSync(HAND), HAND);
    const i = doc.text.indexOf('Số liệu theo');
    expect(doc.locate({ start: i, end: i + 3 }).extras).toMatchObject({ paragraph: 15, footnote: '1' });
  });
});

describe('Word features in small documents', () => {
  it('reads accepted changes: deleted paragraph marks join, moved-from text and hidden text are dropped', async () => {
    const xml = `<w:document ${W}><w:body>
      <w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Doanh thu đạt </w:t></w:r></w:p>
      <w:p><w:r><w:t>100 tỷ đồng.</w:t></w:r><w:moveFrom w:id="2" w:author="a"><w:r><w:t>CŨ</w:t></w:r></w:moveFrom><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẨN</w:t></w:r></w:p>
      <w:p><w:r><w:t>Kết thúc</w:t><w:tab/><w:t>.</w:t></w:r></w:p>
    </w:body></w:document>`;
    const doc = await parseBytes(docxWith(xml), 'a.docx');
    expect(doc.original).toBe('Doanh thu đạt 100 tỷ đồng.\nKết thúc\t.');
  });

  it('reads a text box after its paragraph, once (Choice, not the VML fallback)', async () => {
    const box = (t: string): string => `<w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent>`;
    const xml = `<w:document ${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
      <w:p><w:r><w:t>Trước</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box('Hộp chữ')}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box('Hộp chữ')}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
      <w:p><w:r><w:t>Sau</w:t></w:r></w:p>
    </w:body></w:document>`;
    const doc = await parseBytes(docxWith(xml), 'a.docx');
    expect(doc.original).toBe('Trước\nHộp chữ\nSau');
  });

  it('pads merged cells so columns stay aligned', async () => {
    const tc = (t: string, span = 1): string => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}<w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const xml = `<w:document ${W}><w:body><w:tbl><w:tr>${tc('Tên', 2)}${tc('Tổng')}</w:tr><w:tr>${tc('a')}${tc('1')}${tc('2')}</w:tr></w:tbl></w:body></w:document>`;
    const doc = await parseBytes(docxWith(xml), 'a.docx');
    expect(doc.tables[0].rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Tên', '', 'Tổng'],
      ['a', '1', '2'],
    ]);
  });

  it('renders numbering formats, start values, overrides and restarts', () => {
    expect(['decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'decimalZero'].map((f) => formatNumber(4, f))).toEqual(['4', 'IV', 'iv', 'D', 'd', '04']);
    expect(formatNumber(27, 'lowerLetter')).toBe('aa');
    const lvl = (i: number, fmt: string, text: string, start = 1, restart = ''): string =>
      `<w:lvl w:ilvl="${i}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/>${restart}<w:lvlText w:val="${text}"/></w:lvl>`;
    const xml = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="7">${lvl(0, 'decimal', '%1.', 3)}${lvl(1, 'decimal', '%1.%2.')}${lvl(2, 'lowerLetter', '%3)', 1, '<w:lvlRestart w:val="0"/>')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>`;
    const n = new Numbering(xml, undefined);
    const seq = [
      n.next('1', 0), n.next('1', 1), n.next('1', 2), n.next('1', 1), n.next('1', 0), n.next('1', 1), n.next('1', 2),
      n.next('2', 0), n.next('2', 0), n.next('1', 0), n.next('0', 0), n.next('9', 0),
    ];
    // level 2 never restarts (lvlRestart 0): b) after the second 1.; numId 2 restarts at 1 on its own counter
    expect(seq).toEqual(['3. ', '3.1. ', 'a) ', '3.2. ', '4. ', '4.1. ', 'b) ', '1. ', '2. ', '5. ', '', '']);
  });
});

describe('damaged or hostile .docx: one clear line, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reportlint-docx-'));
  const write = (name: string, bytes: Uint8Array): string => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const cfb = (extra: string): Uint8Array => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    b.set(new TextEncoder().encode(extra.split('').join('\0')), 1024);
    return b;
  };
  const full = readFileSync(DOCX);
  const cases: Array<[string, () => Uint8Array, RegExp]> = [
    ['truncated.docx', () => full.subarray(0, Math.floor(full.length / 2)), /truncated/],
    ['legacy.docx', () => cfb('WordDocument'), /Word 97-2003 \.doc file/],
    ['encrypted.docx', () => cfb('EncryptionInfo EncryptedPackage'), /password-protected/],
    ['text.docx', () => enc('hello, not a zip at all'), /not a Word \.docx file/],
    [
      'xml-bomb.docx',
      () => docxWith(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document ${W}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`),
      /DOCTYPE/,
    ],
    [
      'xxe.docx',
      () => docxWith(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`),
      /DOCTYPE/,
    ],
    ['undefined-entity.docx', () => docxWith(`<w:document ${W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`), /not well-formed XML/],
    [
      'zip-bomb.docx',
      // 80 MB of spaces (past the 64 MB part limit) deflates to ~80 KB
      () => zipSync({ '[Content_Types].xml': enc(CT), 'word/document.xml': [new Uint8Array(80 * 1024 * 1024).fill(0x20), { level: 1 }] }),
      /zip bomb/,
    ],
    ['no-document.docx', () => zipSync({ '[Content_Types].xml': enc(CT) }), /word\/document\.xml' is missing/],
  ];
  for (const [name, make, reason] of cases) {
    it(name, () => {
      const p = write(name, make());
      const t0 = Date.now();
      const r = runCli([p]);
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0].startsWith(`${p}: cannot read: `)).toBe(true);
      expect(lines[0]).toMatch(reason);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

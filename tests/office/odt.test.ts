// OpenDocument text read natively: the example report saved by LibreOffice Writer reads as the
// .txt does (same findings, paragraph = line), the hand-written .docx saved as .odt renders
// numbering, the table, tracked changes, the comment and the footnote as the .docx does, Writer
// and Word comments typed as autocorrect leaves them are suppressions, and damaged packages fail
// with one clear line. One test regenerates the .odt with LibreOffice and compares.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lintParsed } from '../../src/index.js';
import { parseBytes, parseText } from '../../src/parse/index.js';
import { hasLibreOffice } from '../../src/cli/convert.js';
import { runCli } from '../helpers/cli.js';

const TXT = 'fixtures/example/bao-cao-164-TB-TU.txt';
const ODT = 'fixtures/office/bao-cao-164-TB-TU.odt';
const HAND = 'fixtures/office/numbering-table-tracked-comment.odt';
const key = (f: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }): string => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
const read = async (p: string) => parseBytes(new Uint8Array(readFileSync(p)), p);

describe('.odt made by LibreOffice from the example report', () => {
  it('gives the same findings as the .txt, at the same lines and columns', async () => {
    const txt = lintParsed(parseText(readFileSync(TXT, 'utf8'), TXT));
    const doc = await read(ODT);
    expect(doc.format).toBe('odt');
    expect(doc.original).toBe(readFileSync(TXT, 'utf8').replace(/\n$/, ''));
    const odt = lintParsed(doc);
    expect(odt.findings.map(key)).toEqual(txt.findings.map(key));
    expect(txt.findings).toHaveLength(12);
    expect(odt.findings[0].extras).toMatchObject({ paragraph: 15 });
  });

  it('is what LibreOffice makes of the .txt today (regenerated and compared)', async (ctx) => {
    if (!hasLibreOffice()) {
      console.warn('skipped: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui');
      ctx.skip();
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-odt-'));
    try {
      copyFileSync(TXT, join(dir, 'r.txt'));
      const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=Text (encoded):UTF8', '--convert-to', 'odt', '--outdir', dir, join(dir, 'r.txt')], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const fresh = await parseBytes(new Uint8Array(readFileSync(join(dir, 'r.odt'))), 'r.odt');
      expect(fresh.original).toBe((await read(ODT)).original);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the hand-written .docx saved by Writer as .odt', () => {
  it('reads the text Writer shows, one paragraph per line, as the .docx reads', async () => {
    const doc = await read(HAND);
    const docx = await read('fixtures/docx/numbering-table-tracked-comment.docx');
    const lines = doc.original.split('\n');
    // LibreOffice refreshed the DATE field when it saved the copy; everything else is the same text
    const dateless = (s: string): string => s.replace(/\d{2}\/\d{2}\/\d{4}/, 'DATE');
    expect(lines.map(dateless)).toEqual(docx.original.split('\n').map(dateless));
    expect(lines[1]).toBe('I. TÌNH HÌNH CHUNG');
    expect(lines[9]).toBe('Tổng cộng\t1.600');
  });

  it('makes the outline from the rendered list numbers', async () => {
    const doc = await read(HAND);
    expect(doc.blocks.filter((b) => b.marker).map((b) => b.marker!.raw)).toEqual(['I.', '1.', '1.1.', '1.2.', 'a)', 'II.', '1.', '1.1.']);
  });

  it('has the .docx locations model: table/row/cell, paragraph and quote', async () => {
    const doc = await read(HAND);
    const cell = doc.tables[0].rows[3].cells[1];
    const loc = doc.locate(cell.span);
    expect([loc.line, loc.column]).toEqual([10, 11]);
    expect(loc.extras).toEqual({ paragraph: 10, table: 1, row: 4, cell: 2, quote: '1.600', section: '1.2. a)' });
    const i = doc.text.indexOf('Số liệu theo');
    expect(doc.locate({ start: i, end: i + 3 }).extras).toMatchObject({ paragraph: 15, footnote: '1' });
    expect(lintParsed(doc, { only: ['table-sum-mismatch'] }).findings.map((f) => [f.line, f.extras?.row, f.extras?.cell])).toEqual([[10, 4, 2]]);
  });

  it('turns the Writer comment into a suppression over its range', async () => {
    const doc = await read(HAND);
    expect(doc.comments.map((c) => [c.text, doc.slice(c.span)])).toEqual([['reportlint-disable sum-mismatch đã đối chiếu sổ kế toán', '1.500 triệu đồng']]);
  });
});

describe("Writer's own numbering", () => {
  it('renders the outline style on headings and list styles on nested lists', async () => {
    const doc = await read('fixtures/office/outline-numbering.odt');
    expect(doc.original.split('\n')).toEqual([
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Thu ngân sách',
      '1.1. Thu nội địa đạt kế hoạch.',
      '1.2. Thu khác chưa đạt kế hoạch.',
      '- Nguyên nhân:',
      'a) nguồn thu từ đất giảm;',
      'b) một số dự án chậm tiến độ.',
      'II. TỒN TẠI, HẠN CHẾ',
      '1. Chậm giải ngân vốn đầu tư công',
    ]);
    expect(lintParsed(doc, { only: ['section-numbering'] }).findings).toEqual([]);
  });
});

describe('a comment typed as Word autocorrect leaves it ("Reportlint-disable", NBSP, smart quotes, a dash)', () => {
  for (const ext of ['docx', 'odt']) {
    it(`suppresses the finding it covers (.${ext})`, async () => {
      const spell = (p: string) => read(p).then((d) => lintParsed(d, { only: ['spelling'] }).findings.map((f) => `${f.ruleId}/${f.messageId} ${f.severity} ${f.line}:${f.column}`));
      expect(await spell(`fixtures/office/invalid-word-comment-directive.${ext}`)).toEqual(['spelling/fromDocument warning 3:56']);
      expect(await spell(`fixtures/office/valid-word-comment-directive.${ext}`)).toEqual([]);
    });
  }
});

describe('damaged or hostile .odt: one clear line, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reportlint-odt-bad-'));
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  const MIME = 'application/vnd.oasis.opendocument.text';
  const content = (body: string): string => `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const full = readFileSync(ODT);
  const cases: Array<[string, () => Uint8Array, RegExp]> = [
    ['truncated.odt', () => full.subarray(0, Math.floor(full.length / 2)), /truncated/],
    ['encrypted.odt', () => zipSync({ mimetype: enc(MIME), 'content.xml': new Uint8Array([1, 2, 3]), 'META-INF/manifest.xml': enc('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>') }), /password-protected/],
    ['doctype.odt', () => zipSync({ mimetype: enc(MIME), 'content.xml': enc(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${content('<text:p>&a;</text:p>')}`) }), /DOCTYPE/],
    ['no-content.odt', () => zipSync({ mimetype: enc(MIME) }), /content\.xml' is missing/],
  ];
  for (const [name, make, reason] of cases) {
    it(name, () => {
      const p = join(dir, name);
      writeFileSync(p, make());
      const r = runCli([p]);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0].startsWith(`${p}: cannot read: `)).toBe(true);
      expect(lines[0]).toMatch(reason);
    });
  }

  it('reads a minimal package: paragraphs, spaces, a heading, a note and a hidden text', async () => {
    const xml = content('<text:h text:outline-level="1">Kết quả</text:h><text:p>Thu<text:s text:c="2"/>đạt<text:tab/>100 tỷ đồng<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Theo Kho bạc.</text:p></text:note-body></text:note>.<text:hidden-text text:is-hidden="true" text:string-value="ẩn">ẩn</text:hidden-text></text:p>');
    const doc = await parseBytes(zipSync({ mimetype: enc(MIME), 'content.xml': enc(xml) }), 'a.odt');
    expect(doc.original).toBe('Kết quả\nThu  đạt\t100 tỷ đồng.\nTheo Kho bạc.');
    expect(doc.locate({ start: doc.text.indexOf('Theo'), end: doc.text.indexOf('Theo') + 1 }).extras).toMatchObject({ footnote: '1', paragraph: 3 });
  });
});

// --annotate: the .docx comes back with one Word comment per finding on the finding's exact text,
// every other part byte-identical, the input never overwritten; LibreOffice opens the result and
// shows the comments (skipped, with a message, only where soffice is not installed).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintParsed } from '../../src/index.js';
import { annotateModel } from '../../src/cli/annotate.js';
import type { Finding } from '../../src/engine/types.js';
import { parseDocx } from '../../src/parse/docx.js';
import { ZipArchive } from '../../src/parse/docx/zip.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = 'fixtures/docx/bao-cao-164-TB-TU.docx';
const HAND = 'fixtures/docx/numbering-table-tracked-comment.docx';

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
}

/** Lints `input` and annotates it into a temp dir; returns the output path and the findings' texts. */
function annotate(input: string, extra: string[] = []): { out: string; texts: string[]; ids: string[]; stderr: string; code: number } {
  const dir = mkdtempSync(join(tmpdir(), 'reportlint-annotate-'));
  const out = join(dir, 'annotated.docx');
  const r = runCli(['--annotate', out, ...extra, input]);
  const { doc } = parseDocx(new Uint8Array(readFileSync(input)), input);
  const res = lintParsed(doc, extra.includes('--rule') ? { only: [extra[extra.indexOf('--rule') + 1]] } : {});
  return {
    out,
    texts: res.findings.map((f) => doc.original.slice(f.offset, Math.max(f.endOffset, f.offset + 1))),
    ids: res.findings.map((f) => f.ruleId),
    stderr: r.stderr,
    code: r.code,
  };
}

describe('--annotate', () => {
  it('adds one comment per finding, anchored on the exact text, authored reportlint', () => {
    const { out, texts, ids, stderr } = annotate(EXAMPLE);
    expect(ids.length).toBeGreaterThan(0);
    expect(stderr).toContain(`with ${ids.length} comment`);
    const { doc, model } = parseDocx(new Uint8Array(readFileSync(out)), out);
    // the annotated copy reads as the same text
    const { doc: orig } = parseDocx(new Uint8Array(readFileSync(EXAMPLE)), EXAMPLE);
    expect(doc.original).toBe(orig.original);
    expect(model.comments).toHaveLength(ids.length);
    expect(model.comments.map((c) => c.author)).toEqual(ids.map(() => 'reportlint'));
    expect(model.comments.map((c) => doc.original.slice(c.start, c.end))).toEqual(texts);
    expect(model.comments.map((c) => /\[([a-z-]+)\]$/.exec(c.text)?.[1])).toEqual(ids);
  });

  it('changes only document.xml, comments.xml, its relationships and [Content_Types].xml', () => {
    const { out } = annotate(EXAMPLE);
    const a = new ZipArchive(new Uint8Array(readFileSync(EXAMPLE)));
    const b = new ZipArchive(new Uint8Array(readFileSync(out)));
    const changed = new Set(['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']);
    expect(b.entries.map((e) => e.name).sort()).toEqual([...a.entries.map((e) => e.name), 'word/comments.xml'].sort());
    for (const e of a.entries) {
      if (changed.has(e.name)) continue;
      expect(Buffer.from(b.read(e.name)!).equals(Buffer.from(a.read(e.name)!)), e.name).toBe(true);
      // copied as stored: the very same compressed bytes
      expect(b.entry(e.name)!.crc).toBe(e.crc);
      expect(b.entry(e.name)!.compressedSize).toBe(e.compressedSize);
    }
  });

  it('adds to an existing comments part, anchors inside table cells and tracked insertions', () => {
    const { model } = parseDocx(new Uint8Array(readFileSync(HAND)), HAND);
    const at = (s: string, n = s.length): Finding => {
      const offset = model.original.indexOf(s);
      return { ruleId: 'test-rule', severity: 'error', message: `about ${s} & <more>`, offset, endOffset: offset + n } as Finding;
    };
    // a cell, a tracked insertion (inside the reviewer's comment), a split inside one run, a footnote
    const findings = [at('1.600'), at('1.500'), at('ngân sách quý', 9), at('Kho bạc')];
    const { files, result } = annotateModel(model, findings);
    expect(result).toEqual({ comments: 4, skipped: 0 });
    const out = parseDocx(model.zip.rewrite(files), 'out.docx').model;
    expect(out.comments.map((c) => [c.author, out.original.slice(c.start, c.end), c.text])).toEqual([
      ['Trưởng phòng', '1.500 triệu đồng', 'reportlint-disable sum-mismatch đã đối chiếu sổ kế toán'],
      ['reportlint', '1.600', 'Error: about 1.600 & <more> [test-rule]'],
      ['reportlint', '1.500', 'Error: about 1.500 & <more> [test-rule]'],
      ['reportlint', 'ngân sách', 'Error: about ngân sách quý & <more> [test-rule]'],
      // LibreOffice cannot load comments inside notes: the note's reference mark carries it
      ['reportlint', '', '(footnote 1: «Kho bạc») Error: about Kho bạc & <more> [test-rule]'],
    ]);
    // in Vietnamese, the footnote's label and the severity too
    const vi = annotateModel(model, [at('Kho bạc')], { lang: 'vi' });
    expect(parseDocx(model.zip.rewrite(vi.files), 'vi.docx').model.comments.map((c) => c.text).slice(1)).toEqual(['(chú thích 1: «Kho bạc») Lỗi: about Kho bạc & <more> [test-rule]']);
    const onRef = out.comments[4];
    expect(out.original.slice(onRef.start - 11, onRef.start)).toBe('31/03/2026.');
    expect(out.original).toBe(model.original);
  });

  it('refuses to write over its input and needs a .docx', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-annotate-'));
    const input = join(dir, 'in.docx');
    copyFileSync(EXAMPLE, input);
    const before = readFileSync(input);
    const r = runCli(['--annotate', input, input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to overwrite/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const t = runCli(['--annotate', join(dir, 'x.docx'), 'fixtures/example/bao-cao-164-TB-TU.txt']);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/needs exactly one readable \.docx/);
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });

  it('each comment says severity and message in the chosen language, a heading path for a line, and a date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-annotate-'));
    const out = join(dir, 'vi.docx');
    runCli(['--lang', 'vi', '--annotate', out, EXAMPLE]);
    const { model } = parseDocx(new Uint8Array(readFileSync(out)), out);
    const texts = model.comments.map((c) => c.text);
    expect(texts).toHaveLength(12);
    expect(texts.every((t) => /^(Lỗi|Cảnh báo|Lưu ý): /.test(t))).toBe(true);
    // "dòng 97" is a paragraph number Word never shows: the section and a quote instead
    expect(texts.filter((t) => /dòng \d/.test(t))).toEqual([]);
    expect(texts).toContain('Cảnh báo: Đoạn này lặp lại nguyên văn đoạn ở mục 4.2. («- Đã tập trung chỉ đạo đẩy nhanh tiến…»). [duplicate-paragraph]');
    expect(texts).toContain('Lưu ý: Đoạn này nhắc lại nội dung mục 9.2. b) («- Trình độ ứng dụng công nghệ thông tin…»). [duplicate-paragraph]');
    const xml = model.zip.readText('word/comments.xml')!;
    const dates = [...xml.matchAll(/w:date="([^"]+)"/g)].map((m) => m[1]);
    expect(dates).toHaveLength(12);
    for (const d of dates) expect(Math.abs(Date.parse(d) - Date.now())).toBeLessThan(3_600_000);
    const en = join(dir, 'en.docx');
    runCli(['--lang', 'en', '--annotate', en, EXAMPLE]);
    const enTexts = parseDocx(new Uint8Array(readFileSync(en)), en).model.comments.map((c) => c.text);
    expect(enTexts).toContain('Warning: This passage repeats the one in section 4.2. ("- Đã tập trung chỉ đạo đẩy nhanh tiến…") word for word. [duplicate-paragraph]');
    const hand = join(dir, 'hand.docx');
    runCli(['--lang', 'vi', '--annotate', hand, '--rule', 'spelling', '--rule', 'table-sum-mismatch', HAND]);
    expect(parseDocx(new Uint8Array(readFileSync(hand)), hand).model.comments.map((c) => c.text).filter((t) => t.startsWith('Lỗi'))).toEqual([
      'Lỗi: Cột "Số tiền (triệu đồng)": các dòng cộng lại được 1.500, nhưng dòng tổng ghi 1.600 (chênh lệch 100). [table-sum-mismatch]',
    ]);
  });

  it('rendered to PDF by LibreOffice, shows the comments with severity, Vietnamese text and a sane date', async (ctx) => {
    if (!hasSoffice()) {
      console.warn('skipped: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui');
      ctx.skip();
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-lo-pdf-'));
    const out = join(dir, 'annotated.docx');
    const r = runCli(['--lang', 'vi', '--annotate', out, EXAMPLE]);
    expect(r.stderr).toContain('with 12 comments');
    const lo = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', '--outdir', dir, out], { encoding: 'utf8', timeout: 120_000 });
    expect(lo.status, lo.stderr).toBe(0);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(dir, 'annotated.pdf'))), isEvalSupported: false }).promise;
    const notes: Array<{ title: string; contents: string }> = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      for (const a of await (await pdf.getPage(p)).getAnnotations()) {
        if (a.subtype === 'Text') notes.push({ title: String(a.titleObj?.str ?? ''), contents: String(a.contentsObj?.str ?? '') });
      }
    }
    expect(notes).toHaveLength(12);
    for (const n of notes) {
      // LibreOffice writes "author, date, time": a real date, not 03/01/-1
      expect(n.title).toMatch(/^reportlint, \d{2}\/\d{2}\/\d{2}, /);
      expect(n.title).not.toMatch(/-1/);
      expect(n.contents).toMatch(/^(Lỗi|Cảnh báo|Lưu ý): /);
    }
    expect(notes.map((n) => n.contents)).toContain('Cảnh báo: "nhệm" không phải là một tiếng trong tiếng Việt; văn bản này viết "nhiệm" 44 lần (ví dụ "trách nhiệm"). [spelling]');
    await pdf.destroy();
  }, 180_000);

  it('opens in LibreOffice with one comment per finding at the right text', (ctx) => {
    if (!hasSoffice()) {
      console.warn('skipped: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui');
      ctx.skip();
      return;
    }
    const { out, texts } = annotate(EXAMPLE);
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-lo-'));
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', dir, out], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const fodt = readdirSync(dir).find((f) => f.endsWith('.fodt'));
    expect(fodt, r.stdout + r.stderr).toBeTruthy();
    const xml = readFileSync(join(dir, fodt!), 'utf8');
    const unescape = (s: string): string => s.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const found: Array<{ author: string; anchored: string; body: string }> = [];
    const re = /<office:annotation office:name="([^"]+)"[^>]*>([\s\S]*?)<\/office:annotation>([\s\S]*?)<office:annotation-end office:name="\1"\/>/g;
    for (const m of xml.matchAll(re)) {
      const author = /<dc:creator>([^<]*)<\/dc:creator>/.exec(m[2])?.[1] ?? '';
      found.push({ author, anchored: unescape(m[3]), body: unescape(m[2].replace(/<dc:(creator|date)>[^<]*<\/dc:\1>/g, '')) });
    }
    expect(found.map((f) => f.author)).toEqual(texts.map(() => 'reportlint'));
    expect(found.map((f) => f.anchored)).toEqual(texts);
    expect(found.every((f) => /\[[a-z-]+\]\s*$/.test(f.body))).toBe(true);
  }, 180_000);
});

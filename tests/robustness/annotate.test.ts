// --annotate under load and repetition (issue 22): linear in the number of comments (6,667
// findings took 139 s when every comment re-copied the whole document), idempotent on an
// already annotated file (reportlint's own earlier comments replaced, a reviewer's kept), its
// output folder created, or one clear error before any work when it cannot be, and writing the
// copy bounded by --time-budget like reading a file.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.js';
import { annotateDocx } from '../../src/cli/annotate.js';
import { annotateModel } from '../../src/format/docx-comments.js';
import { parseDocx } from '../../src/parse/docx.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = 'fixtures/docx/bao-cao-164-TB-TU.docx';
const HAND = 'fixtures/docx/numbering-table-tracked-comment.docx';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function bigDocx(paragraphs: number): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  let body = '';
  for (let i = 0; i < paragraphs; i++) body += `<w:p><w:r><w:t xml:space="preserve">Đoạn thứ ${i + 1}: đã tiếp nhận 55 đơn, đã giải quyết 40 đơn của công dân trên địa bàn.</w:t></w:r></w:p>`;
  const ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  return zipSync({ '[Content_Types].xml': enc(ct), '_rels/.rels': enc(rels), 'word/document.xml': enc(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) });
}

describe('--annotate robustness', () => {
  it('6,667 comments in linear time (was 139 s)', () => {
    const { model } = parseDocx(bigDocx(6667), 'big.docx');
    const findings = model.lines.map((l) => ({ ruleId: 'test-rule', severity: 'warning', messageId: 'm', message: 'm', offset: l.start + 10, endOffset: l.start + 14, data: {} }) as unknown as Finding);
    const t0 = Date.now();
    const { files, result } = annotateModel(model, findings);
    const ms = Date.now() - t0;
    expect(result).toEqual({ comments: 6667, skipped: 0 });
    expect(parseDocx(model.zip.rewrite(files), 'out.docx').model.comments).toHaveLength(6667);
    // about 1 s on an idle machine; the quadratic writer needed minutes
    expect(ms).toBeLessThan(20_000);
  }, 120_000);

  it('annotating an annotated copy replaces its own comments instead of doubling them, and keeps a reviewer\'s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-reannotate-'));
    for (const input of [EXAMPLE, HAND]) {
      const once = join(dir, 'once.docx');
      const twice = join(dir, 'twice.docx');
      const a = runCli(['--annotate', once, input]);
      const b = runCli(['--annotate', twice, once]);
      expect(a.stderr).toMatch(/with (\d+) comments?\n/);
      const n = Number(/with (\d+) comment/.exec(a.stderr)![1]);
      expect(b.stderr).toContain(`with ${n} comment${n === 1 ? '' : 's'}, replacing ${n} from an earlier run`);
      const first = parseDocx(new Uint8Array(readFileSync(once)), once);
      const second = parseDocx(new Uint8Array(readFileSync(twice)), twice);
      const ours = (m: typeof first.model) => m.comments.filter((c) => c.author === 'reportlint').map((c) => [m.original.slice(c.start, c.end), c.text]);
      expect(ours(second.model)).toEqual(ours(first.model));
      expect(second.model.comments.filter((c) => c.author !== 'reportlint')).toEqual(first.model.comments.filter((c) => c.author !== 'reportlint'));
      expect(second.model.original).toBe(first.model.original);
      // no stray marks of the removed comments
      const xml = second.model.parts.get('word/document.xml')!;
      const ids = new Set([...xml.matchAll(/commentReference w:id="(\d+)"/g)].map((m) => m[1]));
      expect(ids.size).toBe(second.model.comments.length);
    }
  }, 120_000);

  it('creates the output folder, or says in one line why it cannot, before any work', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-annotate-dir-'));
    const out = join(dir, 'a', 'b', 'out.docx');
    const r = runCli(['--annotate', out, EXAMPLE]);
    expect(r.stderr).toMatch(/^reportlint: wrote .*out\.docx with 12 comments\n$/);
    expect(parseDocx(new Uint8Array(readFileSync(out)), out).model.comments).toHaveLength(12);
    writeFileSync(join(dir, 'file'), 'x');
    // a file where the folder should be: one line, exit 2, and nothing linted (as for -o)
    const target = join(dir, 'file', 'out.docx');
    const bad = runCli(['--annotate', target, EXAMPLE]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`reportlint: cannot write ${target}: ${join(dir, 'file')} is not a folder\n`);
    expect(bad.stdout).toBe('');
  }, 120_000);

  it('writing the copy is bounded by the time budget: past it, one error naming the budget and no copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-annotate-budget-'));
    const input = join(dir, 'big.docx');
    writeFileSync(input, bigDocx(6667));
    const { model } = parseDocx(new Uint8Array(readFileSync(input)), input);
    const findings = model.lines.map((l) => ({ ruleId: 'test-rule', severity: 'warning', messageId: 'm', message: 'm', offset: l.start + 10, endOffset: l.start + 14, data: {} }) as unknown as Finding);
    const out = join(dir, 'out.docx');
    await expect(annotateDocx(input, out, findings, 'en', 1)).rejects.toThrow('the time budget of 1 ms for this file ran out while writing the Word comments (--time-budget)');
    expect(existsSync(out)).toBe(false);
    // within the budget it is written
    await annotateDocx(input, out, findings, 'en', 120_000);
    expect(parseDocx(new Uint8Array(readFileSync(out)), out).model.comments).toHaveLength(6667);
  }, 120_000);
});

// PDF input: the example report printed to PDF by LibreOffice gives the same findings as the .txt
// (same rules on the same text), located by PDF line and page; a PDF without a text layer and a
// damaged PDF each give one clear line and exit 2 while the other files are still linted.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintParsed } from '../../src/index.js';
import { parseBytes, parseText } from '../../src/parse/index.js';
import { runCli } from '../helpers/cli.js';

const TXT = 'fixtures/example/bao-cao-164-TB-TU.txt';
const PDF = 'fixtures/pdf/bao-cao-164-TB-TU.pdf';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A one-page PDF that draws a filled rectangle and has no text at all (like a scan). */
function pdfWithoutText(): Uint8Array {
  const content = '0 0 1 rg 100 100 200 200 re f';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('PDF made by LibreOffice from the example report', () => {
  it('gives the same findings as the .txt (rule and the text it points at), each with its page', async () => {
    const t = parseText(readFileSync(TXT, 'utf8'), TXT);
    const txt = lintParsed(t).findings.map((f) => `${f.ruleId} ${squash(t.slice(f.span))}`).sort();
    const doc = await parseBytes(readFileSync(PDF), PDF);
    expect(doc.format).toBe('pdf');
    const res = lintParsed(doc);
    expect(res.internalErrors).toBeUndefined();
    expect(res.findings.map((f) => `${f.ruleId} ${squash(doc.slice(f.span))}`).sort()).toEqual(txt);
    expect(txt.length).toBeGreaterThan(0);
    for (const f of res.findings) expect(f.extras?.page, f.ruleId).toBeGreaterThanOrEqual(1);
  });

  it('locates by page and PDF line as pdftotext sees them', async () => {
    const doc = await parseBytes(readFileSync(PDF), PDF);
    const res = lintParsed(doc);
    const pageOf = (needle: string): unknown => res.findings.find((f) => doc.slice(f.span).startsWith(needle))?.extras?.page;
    // checked by hand against `pdftotext -f N -l N` (poppler)
    expect(pageOf('107.003')).toBe(4);
    expect(pageOf('83.874,050')).toBe(4);
    const sums = res.findings.filter((f) => f.ruleId === 'sum-mismatch').map((f) => [f.line, f.column]);
    expect(sums).toEqual([
      [143, 58],
      [147, 38],
    ]);
    const hasPdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
    if (!hasPdftotext) {
      console.warn('pdftotext (poppler-utils) not installed: skipping the per-page cross-check');
      return;
    }
    for (const f of res.findings) {
      const page = spawnSync('pdftotext', ['-f', String(f.extras?.page), '-l', String(f.extras?.page), PDF, '-'], { encoding: 'utf8' }).stdout;
      expect(squash(page), `${f.ruleId} on page ${f.extras?.page}`).toContain(squash(String(f.extras?.quote)).slice(0, 15));
    }
  });

  it('is read by the CLI with page in the JSON', () => {
    const r = runCli(['--format', 'json', '--rule', 'sum-mismatch', PDF]);
    const f = JSON.parse(r.stdout).files[0];
    expect(f.format).toBe('pdf');
    expect(f.findings.map((x: { line: number; page: number }) => [x.line, x.page])).toEqual([
      [143, 4],
      [147, 4],
    ]);
  });
});

describe('PDFs that cannot be read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reportlint-pdf-'));

  it('no text layer: a clear error, exit 2, and the other files are still linted', () => {
    const scan = join(dir, 'scan.pdf');
    writeFileSync(scan, pdfWithoutText());
    const r = runCli(['--format', 'json', scan, TXT]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${scan}: cannot read: no text layer; OCR is not supported`);
    const files = JSON.parse(r.stdout).files;
    expect(files.find((f: { path: string }) => f.path === TXT).findings.length).toBeGreaterThan(0);
  });

  it('a damaged PDF: one line, no stack trace', () => {
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, '%PDF-1.4\nthis is not really a PDF\n');
    const r = runCli([bad]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read: (damaged PDF|no text layer)`));
  });
});

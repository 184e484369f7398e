// .doc and .rtf through LibreOffice: the example report saved by Writer as .doc and .rtf gives the
// same findings as the .txt, reported against the original file; without LibreOffice the file is
// an error with one line of advice; a conversion past its time limit is stopped and cleaned up.
// And a folder holding a .doc, an .odt, an .xlsx, a .png and a .txt: every file accounted for.
// LibreOffice runs once per file per CLI run here (the slow part of this suite, a few seconds each).

import { chmodSync, copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertWithLibreOffice, ConvertError, hasLibreOffice } from '../../src/cli/convert.js';
import { runCli } from '../helpers/cli.js';

const TXT = 'fixtures/example/bao-cao-164-TB-TU.txt';
const LO = hasLibreOffice();
const NO_SOFFICE = { PATH: '/nonexistent' };
const needsLo = (ctx: { skip: () => void }): boolean => {
  if (LO) return true;
  console.warn('skipped: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui and libreoffice-calc-nogui');
  ctx.skip();
  return false;
};
const keys = (file: { findings: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }> }): string[] =>
  file.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);

function mixedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reportlint-mixed-'));
  copyFileSync('fixtures/office/bao-cao-164-TB-TU.doc', join(dir, 'du-thao.doc'));
  copyFileSync('fixtures/office/bao-cao-164-TB-TU.odt', join(dir, 'bao-cao.odt'));
  copyFileSync('fixtures/sheets/annex-wrong.xlsx', join(dir, 'phu-luc.xlsx'));
  copyFileSync('docs/screenshots/html-report.png', join(dir, 'anh-chup.png'));
  copyFileSync(TXT, join(dir, 'ghi-chu.txt'));
  return dir;
}

describe('.doc and .rtf saved by LibreOffice from the example report', () => {
  it('give the same findings as the .txt, against the original file names', (ctx) => {
    if (!needsLo(ctx)) return;
    const r = runCli(['--format', 'json', 'fixtures/office/bao-cao-164-TB-TU.doc', 'fixtures/office/bao-cao-164-TB-TU.rtf', TXT]);
    expect(r.code, r.stderr).toBe(1);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; format: string; findings: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number; paragraph?: number }> }>;
    const by = (ext: string) => files.find((f) => f.path.endsWith(ext))!;
    expect([by('.doc').format, by('.rtf').format]).toEqual(['doc', 'rtf']);
    expect(keys(by('.txt'))).toHaveLength(12);
    expect(keys(by('.doc'))).toEqual(keys(by('.txt')));
    expect(keys(by('.rtf'))).toEqual(keys(by('.txt')));
    expect(by('.doc').findings[0].paragraph).toBe(15);
  }, 240_000);

  it('without LibreOffice: one line that says how to get it, exit 2', () => {
    const r = runCli(['fixtures/office/bao-cao-164-TB-TU.doc'], { env: NO_SOFFICE });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fixtures\/office\/bao-cao-164-TB-TU\.doc: cannot read: a Word 97-2003 \.doc file: install LibreOffice to read it \(Debian\/Ubuntu: apt-get install libreoffice-writer-nogui/);
    expect(lines[0]).toMatch(/or save it as \.docx$/);
  });

  it('a conversion past its time limit is stopped and its temporary folder removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-fake-soffice-'));
    const fake = join(dir, 'soffice');
    writeFileSync(fake, '#!/bin/sh\nsleep 30\n');
    chmodSync(fake, 0o755);
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('reportlint-lo-')).length;
    const t0 = Date.now();
    await expect(convertWithLibreOffice(new Uint8Array([1, 2, 3]), 'doc', { timeoutMs: 500, env: { ...process.env, REPORTLINT_SOFFICE: fake } })).rejects.toThrow(ConvertError);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('reportlint-lo-')).length).toBe(before);
  });
});

describe('a folder with a .doc, an .odt, an .xlsx, a .png and a .txt', () => {
  it('accounts for every file: four read, the image reported with what to do, exit 2', (ctx) => {
    if (!needsLo(ctx)) return;
    const dir = mixedFolder();
    const r = runCli(['--format', 'json', dir]);
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; format: string; fatal?: string; findings: unknown[] }>;
    expect(files.map((f) => [f.path.slice(dir.length + 1), f.format, f.findings.length, f.fatal ?? ''])).toEqual([
      ['anh-chup.png', 'unknown', 0, 'cannot read: an image: reportlint reads text, not pictures (no OCR); leave such files out with --skip png or ignorePatterns'],
      ['bao-cao.odt', 'odt', 12, ''],
      ['du-thao.doc', 'doc', 12, ''],
      ['ghi-chu.txt', 'text', 12, ''],
      ['phu-luc.xlsx', 'xlsx', 3, ''],
    ]);
    expect(r.stderr).toBe(`${dir}/anh-chup.png: cannot read: an image: reportlint reads text, not pictures (no OCR); leave such files out with --skip png or ignorePatterns\n`);
    const s = runCli(['--skip', 'png', dir]);
    expect(s.code).toBe(1);
    expect(s.stderr).toBe('');
    expect(s.stdout.trim().split('\n').filter((l) => l.startsWith('✖'))).toEqual(['✖ 39 problems (12 errors, 15 warnings, 12 info) · 4 files read, 1 skipped']);
  }, 240_000);

  it('without LibreOffice the .doc is an error with the advice, the others are read', () => {
    const dir = mixedFolder();
    const r = runCli([dir], { env: NO_SOFFICE });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0].startsWith(`${dir}/anh-chup.png: cannot read: an image: `)).toBe(true);
    expect(lines[1].startsWith(`${dir}/du-thao.doc: cannot read: a Word 97-2003 .doc file: install LibreOffice to read it (`)).toBe(true);
    expect(r.stdout).toContain('· 3 files read, 2 not read');
  });

  it('a folder with nothing reportlint reads is not "no problems"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-none-'));
    writeFileSync(join(dir, 'bang.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, 'reportlint.config.json'), '{}');
    const r = runCli([dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${dir}/bang.csv: cannot read: a table format reportlint does not read: save it as .xlsx or .ods; leave such files out with --skip csv or ignorePatterns\n`);
    expect(r.stdout).toContain('0 files read, 1 not read');
    const skipped = runCli(['--skip', 'csv', dir]);
    expect([skipped.code, skipped.stdout.trim()]).toEqual([0, '✔ No problems found (0 files read, 1 skipped)']);
  });
});

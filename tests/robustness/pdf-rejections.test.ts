// A PDF whose page tree holds two damaged pages (found by the file fuzzer, case 2386 of seed
// 20261128): pdf.js fetches every top-level page at once, stops at the first that fails, and
// leaves the second one's rejection unhandled. Node then ended the run with a stack trace and
// exit 1 (the code for "findings") and no report. Now the file is one clear line, exit 2, with
// the report written; the valid twin reads cleanly. The guard drops only what pdf.js raised:
// any other unhandled rejection is still an internal error, exit 2.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromPdfjs } from '../../src/cli/pdfjs-node.js';
import { env, ROOT, run } from './helpers.js';

const DAMAGED = 'fixtures/pdf/page-tree-damaged.pdf';
const VALID = 'fixtures/pdf/page-tree.pdf';

describe('a page tree with two damaged pages', () => {
  it('one line, exit 2, and the JSON report is written (no stack trace, no exit 1)', () => {
    const r = run(['--format', 'json', DAMAGED]);
    expect(r.stderr).toBe(`${DAMAGED}: cannot read: no text layer; OCR is not supported\n`);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: unknown[]; fatal: string }> };
    expect(report.files.map((f) => [f.path, f.findings.length, f.fatal])).toEqual([[DAMAGED, 0, 'cannot read: no text layer; OCR is not supported']]);
  });

  it('its valid twin reads cleanly', () => {
    const r = run(['--format', 'json', VALID]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; format: string; findings: unknown[] }> };
    expect(report.files.map((f) => [f.path, f.format, f.findings.length])).toEqual([[VALID, 'pdf', 0]]);
  });

  it('the next file of the same run is still linted', () => {
    const r = run(['--format', 'json', DAMAGED, 'fixtures/example/bao-cao-164-TB-TU.txt']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: unknown[] }> };
    expect(report.files.map((f) => [f.path, f.findings.length])).toEqual([
      ['fixtures/example/bao-cao-164-TB-TU.txt', 12],
      [DAMAGED, 0],
    ]);
  });
});

describe('the guard drops only what pdf.js raised', () => {
  it('tells a pdf.js exception from another error', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    let raised: unknown;
    try {
      await pdfjs.getDocument({ data: new Uint8Array([1, 2, 3]), verbosity: 0 }).promise;
    } catch (e) {
      raised = e;
    }
    expect((raised as Error).name).toBe('InvalidPDFException');
    expect(fromPdfjs(raised)).toBe(true);
    expect(fromPdfjs(new Error('ours'))).toBe(false);
    expect(fromPdfjs('a string')).toBe(false);
  });

  it('any other unhandled rejection is an internal error, exit 2', () => {
    const guard = pathToFileURL(join(ROOT, 'dist/cli/pdfjs-node.js')).href;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { guardPdfjsRejections } from '${guard}'; guardPdfjsRejections(); Promise.reject(new Error('not from pdf.js'));`], {
      encoding: 'utf8',
      env: env(),
      timeout: 30_000,
    });
    expect(r.stderr).toBe('reportlint: internal error: not from pdf.js\n');
    expect(r.status).toBe(2);
  });
});

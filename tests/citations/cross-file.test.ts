// --cross-file through the CLI: a document cited with another date or form in another file of the
// run is reported in each file, with the other file's place as related; a run whose files agree,
// the example report and each file alone stay silent. The same with worker threads and the cache.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface JsonFinding { ruleId: string; messageId: string; severity: string; line: number; column: number; related: Array<{ line: number; column: number; path?: string }> }
interface JsonFile { path: string; findings: JsonFinding[] }

function findings(args: string[]): string[] {
  const r = runCli(['--format', 'json', '--lang', 'en', '--skip', 'json', ...args]);
  expect(r.stderr).toBe('');
  const files = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
  return files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.ruleId}/${x.messageId} ${x.severity} ${x.line}:${x.column} <- ${x.related.map((rel) => `${rel.path}:${rel.line}:${rel.column}`).join(' ')}`));
}

const A = 'fixtures/citation-mismatch/cross-file/differ/bao-cao-a.txt';
const B = 'fixtures/citation-mismatch/cross-file/differ/bao-cao-b.txt';
const DIFFER = [
  `${A} citation-mismatch/crossTwoDates warning 8:40 <- ${B}:8:40`,
  `${B} citation-mismatch/crossTwoDates warning 8:40 <- ${A}:8:40`,
  `${B} citation-mismatch/crossForm warning 9:22 <- ${A}:9:22`,
];
const tmp = mkdtempSync(join(tmpdir(), 'reportlint-cross-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('--cross-file', () => {
  it('reports the date and the form a file gives otherwise than the other file', () => {
    expect(findings(['--cross-file', 'fixtures/citation-mismatch/cross-file/differ'])).toEqual(DIFFER);
  });
  it('is silent where the files agree, and without the flag', () => {
    expect(findings(['--cross-file', 'fixtures/citation-mismatch/cross-file/agree'])).toEqual([]);
    expect(findings(['fixtures/citation-mismatch/cross-file/differ'])).toEqual([]);
  });
  it('gives the same findings with worker threads and from the cache', () => {
    expect(findings(['--cross-file', '--jobs', '2', 'fixtures/citation-mismatch/cross-file/differ'])).toEqual(DIFFER);
    const cache = ['--cache', '--cache-location', join(tmp, 'cache.json')];
    expect(findings(['--cross-file', ...cache, 'fixtures/citation-mismatch/cross-file/differ'])).toEqual(DIFFER);
    expect(findings(['--cross-file', ...cache, 'fixtures/citation-mismatch/cross-file/differ'])).toEqual(DIFFER);
  });
  it('reports a date against the files that agree, a number one digit away, and the document\'s own header', () => {
    const M = 'fixtures/citation-mismatch/cross-file/majority';
    expect(findings(['--cross-file', M])).toEqual([
      `${M}/bao-cao-c.txt citation-mismatch/crossNumber warning 8:25 <- ${M}/bao-cao-a.txt:8:25 ${M}/bao-cao-b.txt:8:25`,
      `${M}/bao-cao-c.txt citation-mismatch/crossDate error 9:37 <- ${M}/bao-cao-a.txt:9:37 ${M}/bao-cao-b.txt:9:37`,
    ]);
    expect(findings(['--cross-file', 'fixtures/citation-mismatch/cross-file/majority-agree'])).toEqual([]);
    const O = 'fixtures/citation-mismatch/cross-file/own';
    expect(findings(['--cross-file', O])).toEqual([`${O}/bao-cao.txt citation-mismatch/crossOwnDate error 8:37 <- ${O}/chi-thi.txt:3:14`]);
    expect(findings(['--cross-file', 'fixtures/citation-mismatch/cross-file/own-agree'])).toEqual([]);
  });
  it('adds nothing to the example report (its 12 findings)', () => {
    const alone = findings(['fixtures/example/bao-cao-164-TB-TU.txt']);
    expect(alone).toHaveLength(12);
    expect(findings(['--cross-file', 'fixtures/example/bao-cao-164-TB-TU.txt', 'fixtures/citation-mismatch/cross-file/agree'])).toEqual(alone);
  });
});

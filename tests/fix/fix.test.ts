// --fix and --fix-dry-run. The expected bytes are computed here, independently of the engine's
// applier, from the JSON findings' fix edits (re-linting between passes); the tests cover every
// fixable rule registered, so they grow as rules land.

import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, dominantEol, fixLoop } from '../../src/engine/fix.js';
import type { FileResult, ResolvedFix } from '../../src/engine/types.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = resolve(__dirname, '../../fixtures/example/bao-cao-164-TB-TU.txt');

interface JsonEdit {
  offset: number;
  endOffset: number;
  text: string;
}
interface JsonFinding {
  ruleId: string;
  fix?: { applicability: string; edits: JsonEdit[] };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'rl-fix-'));
}

function jsonFindings(path: string, extra: string[] = []): JsonFinding[] {
  const r = runCli(['--format', 'json', ...extra, path]);
  return JSON.parse(r.stdout).files[0].findings as JsonFinding[];
}

/** One pass, written from scratch: safe fixes in order of their first edit, overlapping ones skipped. */
function applyPass(text: string, findings: JsonFinding[]): { text: string; applied: number } {
  const fixes = findings
    .filter((f) => f.fix && f.fix.applicability === 'safe' && f.fix.edits.length)
    .map((f) => [...f.fix!.edits].sort((a, b) => a.offset - b.offset));
  fixes.sort((a, b) => a[0].offset - b[0].offset || a[a.length - 1].endOffset - b[b.length - 1].endOffset);
  const taken: JsonEdit[] = [];
  const clash = (a: JsonEdit, b: JsonEdit): boolean =>
    (a.offset < b.endOffset && b.offset < a.endOffset) || (a.offset === a.endOffset && b.offset <= a.offset && a.offset <= b.endOffset) || (b.offset === b.endOffset && a.offset <= b.offset && b.offset <= a.endOffset);
  let applied = 0;
  for (const edits of fixes) {
    if (edits.some((e) => taken.some((t) => clash(t, e)))) continue;
    taken.push(...edits);
    applied++;
  }
  taken.sort((a, b) => b.offset - a.offset);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out = text;
  for (const e of taken) out = out.slice(0, e.offset) + e.text.replace(/\r?\n/g, eol) + out.slice(e.endOffset);
  return { text: out, applied };
}

/** The expected result of --fix: passes until nothing applies, re-linting through the CLI. */
function expectedFix(text: string, encode: (s: string) => Buffer, ext = '.txt'): { text: string; fixes: number } {
  const dir = tmp();
  let current = text;
  let fixes = 0;
  for (let pass = 0; pass < 10; pass++) {
    const p = join(dir, `pass${pass}${ext}`);
    writeFileSync(p, encode(current));
    const { text: next, applied } = applyPass(current, jsonFindings(p));
    if (!applied || next === current) break;
    fixes += applied;
    current = next;
  }
  return { text: current, fixes };
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('--fix on a copy of the example report', () => {
  it('changes exactly the fixable spans, and a second run changes nothing', () => {
    const original = readFileSync(EXAMPLE, 'utf8');
    const expected = expectedFix(original, utf8);
    expect(expected.fixes).toBeGreaterThanOrEqual(2); // broken-paragraph alone offers two
    const dir = tmp();
    const copy = join(dir, 'report.txt');
    copyFileSync(EXAMPLE, copy);
    const r = runCli(['--fix', '--format', 'json', copy]);
    expect(r.stderr).toBe('');
    const after = readFileSync(copy);
    expect(after.equals(utf8(expected.text))).toBe(true);
    // what is left has no safe fix
    expect(JSON.parse(r.stdout).files[0].findings.filter((f: JsonFinding) => f.fix?.applicability === 'safe')).toEqual([]);
    // idempotent
    runCli(['--fix', copy]);
    expect(readFileSync(copy).equals(after)).toBe(true);
    const dry = runCli(['--fix-dry-run', copy]);
    expect([dry.code, dry.stdout]).toEqual([0, '']);
  });

  it('keeps a BOM and CRLF line endings', () => {
    const text = readFileSync(EXAMPLE, 'utf8').replace(/\n/g, '\r\n');
    const bom = (s: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(s)]);
    const expected = expectedFix(text, bom);
    expect(expected.fixes).toBeGreaterThanOrEqual(2);
    const p = join(tmp(), 'crlf.txt');
    writeFileSync(p, bom(text));
    runCli(['--fix', p]);
    const after = readFileSync(p);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(after.equals(bom(expected.text))).toBe(true);
    expect(/(^|[^\r])\n/.test(after.toString('utf8'))).toBe(false);
  });

  it('keeps UTF-16 LE with its BOM', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const u16 = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    const expected = expectedFix(text, u16);
    const p = join(tmp(), 'u16.txt');
    writeFileSync(p, u16(text));
    runCli(['--fix', p]);
    expect(readFileSync(p).equals(u16(expected.text))).toBe(true);
  });

  it('--fix-dry-run prints a unified diff, changes nothing and exits 1', () => {
    const dir = tmp();
    const p = join(dir, 'report.txt');
    copyFileSync(EXAMPLE, p);
    const before = readFileSync(p);
    const r = runCli(['--fix-dry-run', 'report.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('--- a/report.txt\n+++ b/report.txt\n@@ ')).toBe(true);
    expect(runCli(['--fix-dry-run', p]).stdout.startsWith(`--- ${p}\n+++ ${p}\n@@ `)).toBe(true);
    expect(r.stdout).toContain('\n-nhệm của người đứng đầu trong lãnh đạo, chỉ đạo.');
    expect(readFileSync(p).equals(before)).toBe(true);
  });

  it('--stdin --fix prints the fixed text', () => {
    const text = 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n';
    const r = runCli(['--stdin', '--fix', '--rule', 'broken-paragraph'], { input: text });
    expect(r.stdout).toBe('Đã triển khai kế hoạch, giám sát nhiệm vụ; trách nhiệm rõ ràng.\n');
  });

  it('refuses to write an encoding it cannot encode, leaving the file as it was', () => {
    const p = join(tmp(), 'legacy.txt');
    const bytes = Buffer.from('Report on the plan; the\n\nteam met twice.\n', 'latin1');
    writeFileSync(p, bytes);
    const r = runCli(['--fix', '--encoding', 'windows-1252', '--rule', 'broken-paragraph', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write windows-1252');
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });

  it('--fix and --fix-dry-run together are a usage error', () => {
    expect(runCli(['--fix', '--fix-dry-run', EXAMPLE]).code).toBe(2);
  });
});

const fix = (edits: Array<[number, number, string]>, applicability: ResolvedFix['applicability'] = 'safe'): ResolvedFix => ({
  title: '',
  applicability,
  edits: edits.map(([offset, endOffset, text]) => ({ offset, endOffset, text })),
});

describe('applyFixes', () => {
  it('applies non-overlapping fixes and only safe ones by default', () => {
    const r = applyFixes('abcdefghij', [fix([[0, 1, 'A']]), fix([[4, 6, '']]), fix([[8, 9, 'I']], 'unsafe')]);
    expect(r).toEqual({ output: 'Abcdghij', applied: 2, skipped: 0 });
  });

  it('drops overlapping fixes deterministically, whatever their order', () => {
    const a = fix([[2, 6, 'X']]);
    const b = fix([[4, 8, 'Y']]);
    const c = fix([[6, 6, '+']]); // insertion at the edge of a
    expect(applyFixes('0123456789', [a, b, c])).toEqual({ output: '01X6789', applied: 1, skipped: 2 });
    expect(applyFixes('0123456789', [c, b, a]).output).toBe('01X6789');
  });

  it('a fix is all or nothing', () => {
    const r = applyFixes('0123456789', [fix([[0, 1, 'A']]), fix([[5, 6, 'F'], [0, 2, 'Z']])]);
    expect(r.output).toBe('A123456789');
  });

  it('inserted line breaks follow the text', () => {
    expect(dominantEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(applyFixes('a b\r\nc\r\n', [fix([[1, 2, '\n']])]).output).toBe('a\r\nb\r\nc\r\n');
  });
});

describe('fixLoop', () => {
  it('stops after a bounded number of passes', () => {
    let lints = 0;
    const lint = (d: { original: string }): FileResult => {
      lints++;
      const f = { fix: fix([[d.original.length, d.original.length, 'x']]) };
      return { findings: [f], path: '', format: 'text', checked: {}, errorCount: 0, warningCount: 0, infoCount: 0 } as unknown as FileResult;
    };
    const r = fixLoop({ original: '' }, lint, (text) => ({ original: text }), { maxPasses: 4 });
    expect([r.output, r.passes, r.fixed, lints]).toEqual(['xxxx', 4, 4, 5]);
  });
});

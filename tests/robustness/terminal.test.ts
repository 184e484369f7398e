// Text reportlint prints for a terminal or a log (stylish, unix, github, and the lines on
// stderr) never carries a raw control character from a document or a file name: ESC, BEL, CR,
// newlines and C1 controls are shown escaped (`\x1B`, `\n`), as git and ESLint show unprintable
// characters, so a report cannot retitle the terminal or forge lines, and a file name with a
// newline keeps `unix` output one finding per line.

import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, RAW_CONTROL, run, tmp } from './helpers.js';

const ESC_TITLE = '\u001b]0;pwned\u0007';
const HEADINGS = `I. Kết quả ${ESC_TITLE} đạt được trong năm\nNội dung một về việc thực hiện.\nII. Kết quả ${ESC_TITLE} đạt được trong năm\nNội dung hai khác hẳn về tổ chức.\n`;

function lines(s: string): string[] {
  return s.split('\n').slice(0, -1);
}

/** No line holds a control character (the separating newlines are the only ones). */
function expectClean(s: string): void {
  for (const l of lines(s)) expect(l, JSON.stringify(l)).not.toMatch(RAW_CONTROL);
}

describe('control characters from a document', () => {
  const dir = tmp();
  const file = join(dir, 'headings.txt');
  writeFileSync(file, HEADINGS);
  for (const format of ['stylish', 'unix', 'github']) {
    it(`${format}: shown escaped`, () => {
      const r = run(['--format', format, '--no-color', file]);
      expect(r.code).toBe(0);
      expectClean(r.stdout);
      expect(r.stdout).toContain('Kết quả \\x1B]0;pwned\\x07 đạt được trong năm');
    });
  }
});

describe('control characters and newlines in file names', () => {
  const dir = tmp();
  const nl = join(dir, 'line\nbreak.txt');
  const esc = join(dir, `a${ESC_TITLE}b.txt`);
  copyFileSync(EXAMPLE, nl);
  copyFileSync(EXAMPLE, esc);
  const binary = join(dir, 'bin\u001b[2Jary.txt');
  writeFileSync(binary, Buffer.from([0x41, 0, 0x42]));

  it('unix: one line per finding, each path:line:col: severity: message [rule-id]', () => {
    const r = run(['--format', 'unix', nl, esc]);
    expect(r.code).toBe(1);
    const out = lines(r.stdout);
    expect(out).toHaveLength(24);
    for (const l of out) expect(l).toMatch(/^.+:\d+:\d+: (error|warning|info): .+ \[[a-z-]+\]$/);
    expect(out.filter((l) => l.startsWith(join(dir, 'line\\nbreak.txt:')))).toHaveLength(12);
    expect(out.filter((l) => l.startsWith(join(dir, 'a\\x1B]0;pwned\\x07b.txt:')))).toHaveLength(12);
  });

  for (const format of ['stylish', 'github']) {
    it(`${format}: the names are shown escaped`, () => {
      const r = run(['--format', format, '--no-color', nl, esc]);
      expect(r.code).toBe(1);
      expectClean(r.stdout);
      expect(r.stdout).toContain(format === 'github' ? 'line%0Abreak.txt' : 'line\\nbreak.txt');
      expect(r.stdout).toContain('a\\x1B]0;pwned\\x07b.txt');
    });
  }

  it('the line on stderr for a file that cannot be read', () => {
    const r = run([binary]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'bin\\x1B[2Jary.txt')}: cannot read: NUL byte at byte 1: a binary file, or UTF-16 text without a byte-order mark (if so, name it with --encoding utf-16le)\n`);
  });
});

describe('control characters from a merged shard', () => {
  it('stylish output of a shard whose message and path hold ESC sequences', () => {
    const dir = tmp();
    const shard = join(dir, 's.json');
    const f = { ruleId: 'sum-mismatch', severity: 'error', message: `m${ESC_TITLE}\r\n✖ 0 problems`, messageId: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, related: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: `\u009b31m` }], data: {} };
    writeFileSync(shard, JSON.stringify({ version: 1, files: [{ path: `x${ESC_TITLE}.txt`, format: 'text', findings: [f], checked: {}, errorCount: 1, warningCount: 0, infoCount: 0 }] }));
    for (const format of ['stylish', 'unix', 'github']) {
      const r = run(['merge', '--format', format, '--no-color', shard]);
      expect(r.code).toBe(1);
      expectClean(r.stdout);
      expect(r.stdout).toContain(format === 'github' ? 'm\\x1B]0;pwned\\x07%0D%0A✖ 0 problems' : 'm\\x1B]0;pwned\\x07\\r\\n✖ 0 problems');
    }
  });
});

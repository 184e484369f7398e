// Text encodings: UTF-8 with a BOM and UTF-16 LE/BE with a BOM (Word's "Unicode text") are read
// by themselves; Windows-1258 when named with --encoding; invalid UTF-8 is a clear error, never
// replacement characters. Fixtures were made by iconv from the example report (they end in
// .text so the rule-fixture harness, which reads .txt/.md as UTF-8, leaves them alone).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, DecodeError } from '../../src/parse/decode.js';
import { runCli } from '../helpers/cli.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';
const DIR = 'fixtures/encoding/decode';

interface J {
  ruleId: string;
  line: number;
  column: number;
}

function findings(args: string[]): { code: number; stderr: string; list: J[] } {
  const r = runCli(['--format', 'json', ...args]);
  const out = r.stdout ? JSON.parse(r.stdout) : { files: [{ findings: [] }] };
  return { code: r.code, stderr: r.stderr, list: out.files[0].findings.map((f: J) => ({ ruleId: f.ruleId, line: f.line, column: f.column })) };
}

describe('encodings', () => {
  const utf8 = findings([EXAMPLE]);

  it('the example has findings to compare', () => {
    expect(utf8.list.length).toBeGreaterThan(0);
  });

  for (const name of ['utf8-bom', 'utf16le-bom', 'utf16be-bom']) {
    it(`${name}: same findings at the same lines and columns as UTF-8`, () => {
      const r = findings([`${DIR}/bao-cao-164-TB-TU.${name}.text`]);
      expect(r.stderr).toBe('');
      expect(r.list).toEqual(utf8.list);
    });
  }

  it('windows-1258 with --encoding: same findings by line; columns count the decoded file as written', () => {
    const path = `${DIR}/bao-cao-164-TB-TU.windows-1258.text`;
    const r = findings(['--encoding', 'windows-1258', path]);
    expect(r.stderr).toBe('');
    // Windows-1258 writes tone marks as separate combining characters; the encoding rule says so
    const others = r.list.filter((f) => f.ruleId !== 'encoding');
    expect(others.map((f) => `${f.ruleId}@${f.line}`)).toEqual(utf8.list.filter((f) => f.ruleId !== 'encoding').map((f) => `${f.ruleId}@${f.line}`));
    const text = new TextDecoder('windows-1258').decode(readFileSync(path));
    const bp = others.find((f) => f.ruleId === 'broken-paragraph')!;
    const line = text.split('\n')[bp.line - 1];
    expect(line.slice(bp.column - 1).normalize('NFC').startsWith('trách')).toBe(true);
    expect(bp.column).toBeGreaterThan(utf8.list.find((f) => f.ruleId === 'broken-paragraph')!.column);
  });

  it('windows-1258 without --encoding: invalid UTF-8, a clear error that names --encoding', () => {
    const path = `${DIR}/bao-cao-164-TB-TU.windows-1258.text`;
    const r = runCli([path]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${path}: cannot read: invalid UTF-8 at byte 3; if the file is in another encoding, name it with --encoding (e.g. utf-16le, windows-1258)`);
  });

  it('invalid UTF-8: the byte offset, no replacement characters', () => {
    const r = runCli([`${DIR}/bad-utf8.text`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read: invalid UTF-8 at byte 19;/);
    expect(r.stdout).not.toContain('\ufffd');
  });

  it('an unknown encoding name is an error', () => {
    const r = runCli(['--encoding', 'klingon-8', EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown encoding 'klingon-8'/);
  });
});

describe('decode()', () => {
  const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
  it('detects UTF-16 by BOM and reports it', () => {
    expect(decode(bytes(0xff, 0xfe, 0x41, 0x00, 0xe1, 0x00))).toEqual({ text: 'Aá', encoding: 'utf-16le', bom: true });
    expect(decode(bytes(0xfe, 0xff, 0x00, 0x41, 0x1e, 0xa1))).toEqual({ text: 'Aạ', encoding: 'utf-16be', bom: true });
  });
  it('keeps a UTF-8 BOM out of the text but remembers it', () => {
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ text: 'A', encoding: 'utf-8', bom: true });
  });
  it('decodes a named encoding (UTF-16 without BOM, Windows-1258 tone marks)', () => {
    expect(decode(bytes(0x41, 0x00, 0x42, 0x00), 'utf-16le').text).toBe('AB');
    // "Việt" in Windows-1258: V i ê (0xEA) + combining dot below (0xF2) t
    expect(decode(bytes(0x56, 0x69, 0xea, 0xf2, 0x74), 'windows-1258').text.normalize('NFC')).toBe('Việt');
  });
  it('refuses invalid UTF-8 with the first bad byte', () => {
    expect(() => decode(bytes(0x41, 0xc3, 0x28))).toThrow(DecodeError);
    expect(() => decode(bytes(0x41, 0xc3, 0x28))).toThrow(/invalid UTF-8 at byte 1/);
  });
});

// Property-based tests (fast-check) over generated reports: parsing and every rule never throw,
// every finding's span lies inside the file and its line/column agree with its offset, JSON
// output parses, and figures round-trip through the number writer and reader.
// CI runs a bounded, seeded number of cases; `npm run fuzz` runs many more (FUZZ_RUNS).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { readNumber } from '../../src/facts/numbers.js';
import { formatDecimal } from '../../src/i18n/format.js';
import { SourceIndex } from '../../src/parse/source.js';
import json from '../../src/format/json.js';
import sarif from '../../src/format/sarif.js';
import { rules } from '../../src/rules/index.js';
import { parseText } from '../../src/parse/index.js';
import { lintParsed } from '../../src/index.js';
import { fixDocument } from '../../src/cli/fix.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under ESM interop its default export may arrive wrapped
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;
const sarifSchema = JSON.parse(readFileSync(join(__dirname, '../format/sarif-2.1.0.json'), 'utf8'));
sarifSchema.$id = sarifSchema.id;
delete sarifSchema.id;
delete sarifSchema.$schema;
const ajv = new Ajv({ strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
// a long `npm run fuzz` needs more than the default per-test timeout
const TIMEOUT = RUNS > 1000 ? 3_600_000 : undefined;

const FRAGMENTS = [
  'Tổng số', 'trong đó', 'gồm', 'bao gồm', 'cụ thể', 'of which', 'including', 'đạt', 'chiếm', 'vượt chỉ tiêu', 'tăng', 'so với cùng kỳ',
  'Thông báo số', 'Quyết định số', 'Nghị định', 'ngày', 'của', 'xã', 'Diễn Châu', 'Diên Châu', 'DIỄN CHÂU', 'rà soát', 'Ra soát', 'nhệm', 'hoà', 'hòa', 'Ủy', 'Uỷ',
  'triệu đồng', 'tỷ đồng', 'hộ', 'người', 'đơn', 'USD', '$', 'million', '%', 'ha', 'm²', 'khoảng', 'hơn', 'ước đạt',
  '164-TB/TU', '64-TB/TU', '204/QĐ-UBND', '178/2024/NĐ-CP', '19/01/2026', '31/02/2026', '01/7/2025',
  '107.003', '19.870,477', '83.874,050', '5,616', '72,7', '40/55', '1,234.5', '0', '00', '1.1.', 'I.', 'a)', 'đ)',
  '- ', '+ ', '* ', '• ', '| ', ' | ', '\t', '\n', '\n\n', '\r\n', '\r', ' ', ', ', '. ', ': ', '; ', '(', ')', '<!-- ', ' -->', '#', '```',
  'e\u0301', 'Die\u0302\u0303n', '\ud800', '\u0000', '\u00a0', '\u200b', '\ufeff',
];

const fragment = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 10 ** 9 }).map(String));
const document = fc.array(fragment, { maxLength: 120 }).map((xs) => xs.join(''));

describe('properties over generated documents', () => {
  it('parsing and rules never throw; spans lie inside the text; line/column agree with the offset; JSON parses', () => {
    fc.assert(
      fc.property(document, fc.boolean(), (text, md) => {
        const r = lintText(text, md ? 'doc.md' : 'doc.txt');
        expect(r.internalErrors ?? []).toEqual([]);
        const index = new SourceIndex(text);
        for (const f of r.findings) {
          expect(f.offset).toBeGreaterThanOrEqual(0);
          expect(f.endOffset).toBeGreaterThanOrEqual(f.offset);
          expect(f.endOffset).toBeLessThanOrEqual(text.length);
          expect(index.locate(f.offset)).toEqual({ line: f.line, column: f.column });
          expect(index.locate(f.endOffset)).toEqual({ line: f.endLine, column: f.endColumn });
          for (const e of f.fix?.edits ?? []) {
            expect(e.offset).toBeGreaterThanOrEqual(0);
            expect(e.endOffset).toBeLessThanOrEqual(text.length);
          }
        }
        const ctx = { lang: 'en' as const, color: false, cwd: '.', rules, version: '0', sources: new Map([[r.path, text]]) };
        const out = JSON.parse(json([r], ctx));
        expect(out.files[0].findings).toHaveLength(r.findings.length);
        const log = JSON.parse(sarif([r], ctx));
        expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, TIMEOUT);
});

describe('--fix over generated documents', () => {
  it('is idempotent and changes no byte outside the fixed spans', () => {
    fc.assert(
      fc.property(document, (text) => {
        const doc = parseText(text, 'doc.txt');
        const once = fixDocument(doc, (d) => lintParsed(d));
        // outside the edited spans the text is unchanged: common prefix and suffix cover everything else
        const edits = lintParsed(doc).findings.flatMap((f) => (f.fix && f.fix.applicability === 'safe' ? f.fix.edits : []));
        if (edits.length === 0) expect(once.output).toBe(text);
        else {
          const first = Math.min(...edits.map((e) => e.offset));
          const last = Math.max(...edits.map((e) => e.endOffset));
          expect(once.output.startsWith(text.slice(0, first))).toBe(true);
          expect(once.output.endsWith(text.slice(last))).toBe(true);
        }
        const twice = fixDocument(parseText(once.output, 'doc.txt'), (d) => lintParsed(d));
        expect(twice.output).toBe(once.output);
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 2)), seed: SEED },
    );
  }, TIMEOUT);
});

describe('number writing round-trips through the reader', () => {
  for (const conv of ['vi', 'en'] as const) {
    it(`read(format(x)) = x in the ${conv} convention`, () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }), (units, decimals) => {
          const s = units.toString().padStart(decimals + 1, '0');
          const value = decimals ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
          const written = formatDecimal(value, conv, decimals);
          const read = readNumber(written, conv);
          expect(read).toBeDefined();
          expect(read!.value.toFixed(decimals)).toBe(value);
          expect(read!.decimals).toBe(decimals);
        }),
        { numRuns: Math.min(RUNS * 5, 2000), seed: SEED },
      );
    });
  }
});

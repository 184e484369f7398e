// Runs every fixture under fixtures/ and compares the findings with the expectations in it.

import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { loadFixtures, type Expected } from './helpers/fixtures.js';

const files = fg.sync('fixtures/**/*.{txt,md}', { ignore: ['fixtures/robustness/**', 'fixtures/docx/**'] }).sort();

type Precision = 'line' | 'column' | 'span';

function key(e: Expected, p: Precision): string {
  const id = `${e.ruleId}/${e.messageId} ${e.severity}`;
  if (p === 'span') return `${id}@${e.line}:${e.column}-${e.endLine}:${e.endColumn}`;
  if (p === 'column') return `${id}@${e.line}:${e.column}`;
  return `${id}@${e.line}`;
}

describe('fixtures', () => {
  it('there are fixtures', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const fx of files.flatMap(loadFixtures)) {
    it(fx.path, () => {
      const file = fx.file;
      const result = lintText(fx.text, file, {});
      expect(result.internalErrors ?? []).toEqual([]);
      const actual = result.findings.filter((f) => fx.rules.length === 0 || fx.rules.includes(f.ruleId));
      const p: Precision = fx.expected.every((e) => e.endColumn !== undefined)
        ? 'span'
        : fx.expected.every((e) => e.column !== undefined)
          ? 'column'
          : 'line';
      const got = actual.map((f) => key(f, p)).sort();
      const want = fx.expected.map((e) => key(e, p)).sort();
      expect(got, actual.map((f) => `${f.ruleId}/${f.messageId} ${f.severity}@${f.line}:${f.column} ${f.message}`).join('\n')).toEqual(want);
    });
  }
});

// Inline suppressions: disable-next-line, disable-line, disable/enable ranges, Word comments,
// and --report-unused-disable-directives.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintWithConfig } from '../../src/engine/pipeline.js';
import { resolveRules } from '../../src/engine/config.js';
import { parseDirectives } from '../../src/engine/suppress.js';
import type { Severity } from '../../src/engine/types.js';
import { parseText } from '../../src/parse/index.js';
import { rules } from '../../src/rules/index.js';
import { runCli } from '../helpers/cli.js';

// Each BROKEN(n) is one broken-paragraph finding on its first line.
const BROKEN = (word: string): string => `Đã triển khai kế hoạch ${word}, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n`;

function lint(text: string, path = 'r.txt', reportUnused?: Severity, only = ['broken-paragraph']) {
  const doc = parseText(text, path);
  return lintWithConfig(doc, { rules: resolveRules(rules, {}, only), settings: {} }, { lang: 'en', reportUnusedDirectives: reportUnused, knownRules: new Set(rules.map((r) => r.id)) });
}

const lines = (r: ReturnType<typeof lint>): Array<[string, number]> => r.findings.map((f) => [f.ruleId, f.line]);

describe('inline suppressions', () => {
  it('without directives the findings are there', () => {
    expect(lines(lint(BROKEN('a') + '\n' + BROKEN('b')))).toEqual([
      ['broken-paragraph', 1],
      ['broken-paragraph', 5],
    ]);
  });

  it('disable-next-line silences the next line only, with a reason', () => {
    const text = `<!-- reportlint-disable-next-line broken-paragraph -- the page break is in the signed original -->\n${BROKEN('a')}\n${BROKEN('b')}`;
    expect(lines(lint(text))).toEqual([['broken-paragraph', 6]]);
    expect(parseDirectives(parseText(text, 'r.txt'))[0]).toMatchObject({ kind: 'disable-next-line', ruleIds: ['broken-paragraph'], reason: 'the page break is in the signed original' });
  });

  it('disable-next-line for another rule does not silence this one', () => {
    const text = `<!-- reportlint-disable-next-line sum-mismatch -->\n${BROKEN('a')}`;
    expect(lines(lint(text))).toEqual([['broken-paragraph', 2]]);
  });

  it('disable-line on the finding line', () => {
    const text = `Đã triển khai kế hoạch, giám sát nhiệm vụ; trách <!-- reportlint-disable-line broken-paragraph -->\n\nnhiệm rõ ràng.\n`;
    const doc = parseText(text, 'r.txt');
    expect(parseDirectives(doc).map((d) => [d.kind, d.line])).toEqual([['disable-line', 1]]);
    // the comment ends the line, so the block still ends mid-sentence; whatever the rule says there is silenced
    expect(lint(text).findings.filter((f) => f.line === 1)).toEqual([]);
  });

  it('disable ... enable silences a range; enable without ids closes all', () => {
    const text = `<!-- reportlint-disable broken-paragraph -->\n${BROKEN('a')}<!-- reportlint-enable broken-paragraph -->\n${BROKEN('b')}\n<!-- reportlint-disable -->\n${BROKEN('c')}<!-- reportlint-enable -->\n${BROKEN('d')}`;
    const found = lines(lint(text));
    expect(found).toEqual([
      ['broken-paragraph', 6],
      ['broken-paragraph', 15],
    ]);
  });

  it('a disable without enable runs to the end of the file', () => {
    const text = `${BROKEN('a')}\n<!-- reportlint-disable broken-paragraph -->\n${BROKEN('b')}\n${BROKEN('c')}`;
    expect(lines(lint(text))).toEqual([['broken-paragraph', 1]]);
  });

  it('works in Markdown', () => {
    const md = `# Báo cáo\n\n<!-- reportlint-disable-next-line broken-paragraph -->\n${BROKEN('a')}\n${BROKEN('b')}`;
    expect(lines(lint(md, 'r.md'))).toEqual([['broken-paragraph', 8]]);
  });

  it('a directive shown in Markdown code is an example, not a directive', () => {
    const md = `# Cách dùng\n\n\`\`\`markdown\n<!-- reportlint-disable broken-paragraph -->\n\`\`\`\n\nViết \`<!-- reportlint-disable broken-paragraph -->\` trước đoạn.\n\n${BROKEN('a')}`;
    expect(parseDirectives(parseText(md, 'r.md'))).toEqual([]);
    expect(lines(lint(md, 'r.md'))).toEqual([['broken-paragraph', 9]]);
  });

  it('a Word comment `reportlint-disable <rule-id> [reason]` silences that rule within its span', () => {
    const text = BROKEN('a') + '\n' + BROKEN('b');
    const doc = parseText(text, 'r.docx', 'docx');
    const second = text.indexOf('Đã triển khai kế hoạch b');
    doc.comments = [{ span: { start: second, end: second + 60 }, text: 'reportlint-disable broken-paragraph ngắt trang trong bản gốc' }];
    const d = parseDirectives(doc);
    expect(d.map((x) => [x.kind, x.ruleIds, x.reason])).toEqual([['disable-range', ['broken-paragraph'], 'ngắt trang trong bản gốc']]);
    const r = lintWithConfig(doc, { rules: resolveRules(rules, {}, ['broken-paragraph']), settings: {} }, { lang: 'en' });
    expect(r.findings.map((f) => f.line)).toEqual([1]);
  });

  it('a Word comment as autocorrect leaves it: capital first letter, NBSP, smart quotes, dashes, a full stop', () => {
    const text = BROKEN('a') + '\n' + BROKEN('b');
    const second = text.indexOf('Đã triển khai kế hoạch b');
    const typed = [
      'Reportlint-disable broken-paragraph',
      'reportlint-disable\u00a0broken-paragraph',
      'REPORTLINT-DISABLE “broken-paragraph” – ngắt trang trong bản gốc',
      'Reportlint\u2011disable Broken-paragraph.',
      '\u200breportlint-disable ‘broken-paragraph’, tên riêng',
    ];
    for (const t of typed) {
      const doc = parseText(text, 'r.docx', 'docx');
      doc.comments = [{ span: { start: second, end: second + 60 }, text: t }];
      expect(parseDirectives(doc).map((x) => [x.kind, x.ruleIds]), t).toEqual([['disable-range', ['broken-paragraph']]]);
      const r = lintWithConfig(doc, { rules: resolveRules(rules, {}, ['broken-paragraph']), settings: {} }, { lang: 'en' });
      expect(r.findings.map((f) => f.line), t).toEqual([1]);
    }
    const reason = parseText(text, 'r.docx', 'docx');
    reason.comments = [{ span: { start: second, end: second + 60 }, text: 'Reportlint-disable broken-paragraph – ngắt trang trong bản gốc' }];
    expect(parseDirectives(reason)[0].reason).toBe('ngắt trang trong bản gốc');
  });

  it('a comment that only mentions reportlint is not a directive', () => {
    const text = BROKEN('a');
    const doc = parseText(text, 'r.docx', 'docx');
    doc.comments = [
      { span: { start: 0, end: 20 }, text: 'Xem lại reportlint-disable broken-paragraph' },
      { span: { start: 0, end: 20 }, text: 'reportlint-disabled broken-paragraph' },
    ];
    expect(parseDirectives(doc)).toEqual([]);
  });

  it('HTML comment directives are matched case-insensitively too', () => {
    const text = `<!-- Reportlint-Disable-Next-Line broken-paragraph -->\n${BROKEN('a')}\n${BROKEN('b')}`;
    expect(lines(lint(text))).toEqual([['broken-paragraph', 6]]);
  });

  it('reports unused directives and unknown rule ids only when asked', () => {
    const text = `<!-- reportlint-disable-next-line broken-paragraph -->\nMột câu đầy đủ.\n\n<!-- reportlint-disable-next-line no-such-rule -->\n${BROKEN('a')}`;
    expect(lines(lint(text))).toEqual([['broken-paragraph', 5]]);
    const r = lint(text, 'r.txt', 'error');
    expect(r.findings.map((f) => [f.ruleId, f.messageId, f.line, f.severity])).toEqual([
      ['unused-disable-directive', 'unused', 1, 'error'],
      ['unused-disable-directive', 'unknownRule', 4, 'error'],
      ['broken-paragraph', 'broken', 5, 'info'],
    ]);
    expect(r.findings[0].message).toBe("Unused reportlint-disable directive (no problem from 'broken-paragraph' was reported here).");
    expect(r.errorCount).toBe(2);
  });

  it('a used directive is not reported; a directive for a rule that did not run is not judged', () => {
    const text = `<!-- reportlint-disable-next-line broken-paragraph -->\n${BROKEN('a')}\n<!-- reportlint-disable-next-line broken-paragraph -->\nMột câu.\n`;
    const only = rules.some((r) => r.id === 'sum-mismatch') ? ['sum-mismatch'] : undefined;
    expect(lines(lint(text, 'r.txt', 'warning'))).toEqual([['unused-disable-directive', 6]]);
    if (only) expect(lines(lint(text, 'r.txt', 'warning', only))).toEqual([]);
  });

  it('--report-unused-disable-directives on the command line exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-sup-'));
    writeFileSync(join(dir, 'r.txt'), '<!-- reportlint-disable-next-line broken-paragraph -->\nMột câu đầy đủ.\n');
    expect(runCli(['--rule', 'broken-paragraph', 'r.txt'], { cwd: dir }).code).toBe(0);
    const r = runCli(['--format', 'unix', '--rule', 'broken-paragraph', '--report-unused-disable-directives', 'r.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("r.txt:1:1: error: Unused reportlint-disable directive (no problem from 'broken-paragraph' was reported here). [unused-disable-directive]\n");
  });
});

// Hand-made results for formatter tests: findings placed on a given text by offsets, with lines
// and UTF-16 columns computed the way the engine does, so tests control overlaps and edge cases.

import type { FileResult, Finding, Severity } from '../../src/engine/types.js';
import type { FormatContext } from '../../src/format/types.js';
import { SourceIndex } from '../../src/parse/source.js';
import { rules } from '../../src/rules/index.js';
import { nodeEnv } from '../../src/cli/format-env.js';

export interface Spec {
  start: number;
  end: number;
  ruleId?: string;
  severity?: Severity;
  message?: string;
  related?: Array<{ start: number; end: number; message: string }>;
  fix?: { start: number; end: number; text: string; title: string };
}

function lc(index: SourceIndex, start: number, end: number) {
  const a = index.locate(start);
  const b = index.locate(end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

export function makeResult(path: string, source: string, specs: Spec[]): FileResult {
  const index = new SourceIndex(source);
  const findings: Finding[] = specs.map((s, i) => ({
    ruleId: s.ruleId ?? 'broken-paragraph',
    severity: s.severity ?? 'warning',
    messageId: 'm',
    message: s.message ?? `finding ${i + 1}`,
    ...lc(index, s.start, s.end),
    span: { start: s.start, end: s.end },
    offset: s.start,
    endOffset: s.end,
    related: (s.related ?? []).map((r) => ({ ...lc(index, r.start, r.end), message: r.message })),
    data: { n: i + 1 },
    ...(s.fix ? { fix: { title: s.fix.title, applicability: 'safe' as const, edits: [{ offset: s.fix.start, endOffset: s.fix.end, text: s.fix.text }] } } : {}),
  }));
  const count = (sev: Severity) => findings.filter((f) => f.severity === sev).length;
  return { path, format: 'text', findings, checked: { 'broken-paragraph': 7 }, errorCount: count('error'), warningCount: count('warning'), infoCount: count('info') };
}

export function context(over: Partial<FormatContext> = {}): FormatContext {
  const cwd = over.cwd ?? process.cwd();
  return { lang: 'en', color: false, cwd, rules, version: '9.9.9', env: nodeEnv(cwd), ...over };
}

// The shared rule tester (as ESLint's RuleTester): lint a text with one or a few rules and compare
// exact outcomes — rule id, message id, severity, line and column — and the count, as one list of
// short strings, `messageId severity line:column` (plus `rule/` when several rules run), so a
// failing test shows the whole difference at once. Also records which message ids the rules
// used (as finding, related location or fix title), for the inventory's "every message id is
// exercised" check.

import { expect } from 'vitest';
import { lintPipeline } from '../../src/engine/pipeline.js';
import { resolveRules, type RuleEntry } from '../../src/engine/config.js';
import type { Finding, Rule, RuleContext } from '../../src/engine/types.js';
import type { SettingsInput } from '../../src/engine/run.js';
import { parseText } from '../../src/parse/index.js';
import type { Document } from '../../src/parse/document.js';
import { rules } from '../../src/rules/index.js';
import { citedDocuments, crossFileReports, type CitedDocument, type CrossReport } from '../../src/facts/citations-cross.js';

export interface TestOptions extends SettingsInput {
  path?: string;
  lang?: 'en' | 'vi';
  /** Rule entries as in a config file, e.g. `{ 'sum-mismatch': ['error', { … }] }`. */
  config?: Record<string, RuleEntry>;
}

/** Message ids a rule used while linting in this process, as `rule/messageId`. */
export const exercised = new Set<string>();

function traced(rule: Rule): Rule {
  return {
    ...rule,
    check(ctx: RuleContext<never>, opts: never) {
      const report = ctx.report;
      const wrapped: RuleContext<never> = {
        ...ctx,
        report: (r) => {
          exercised.add(`${rule.id}/${r.messageId}`);
          for (const rel of r.related ?? []) exercised.add(`${rule.id}/${rel.messageId}`);
          if (r.fix?.messageId) exercised.add(`${rule.id}/${r.fix.messageId}`);
          for (const s of r.suggestions ?? []) if (s.messageId) exercised.add(`${rule.id}/${s.messageId}`);
          report(r);
        },
      };
      rule.check(wrapped, opts);
    },
  } as Rule;
}

const TRACED = rules.map(traced);
const KNOWN = new Set(rules.map((r) => r.id));

/** All findings of the given rules (all rules when `only` is empty) through the one pipeline. */
export function lintWith(only: string[], text: string, opts: TestOptions = {}): Finding[] {
  for (const id of only) if (!KNOWN.has(id)) throw new Error(`unknown rule id '${id}'`);
  const doc = parseText(text, opts.path ?? 'x.txt');
  const { locale, numberFormat, rounding, dictionary, registry } = opts;
  const { result } = lintPipeline(
    doc,
    { rules: resolveRules(TRACED, opts.config, only.length ? only : undefined), settings: { locale, numberFormat, rounding, dictionary, registry } },
    { lang: opts.lang ?? 'en', knownRules: KNOWN },
  );
  if (result.internalErrors?.length) throw new Error(`internal error: ${JSON.stringify(result.internalErrors)}`);
  return result.findings.filter((f) => only.length === 0 || only.includes(f.ruleId));
}

/** As lintWith, for a document already parsed (spreadsheets and other office files). */
export function lintDocumentWith(only: string[], doc: Document, opts: TestOptions = {}): Finding[] {
  const { locale, numberFormat, rounding, dictionary } = opts;
  const { result } = lintPipeline(
    doc,
    { rules: resolveRules(TRACED, opts.config, only.length ? only : undefined), settings: { locale, numberFormat, rounding, dictionary } },
    { lang: opts.lang ?? 'en', knownRules: KNOWN },
  );
  if (result.internalErrors?.length) throw new Error(`internal error: ${JSON.stringify(result.internalErrors)}`);
  return result.findings.filter((f) => only.length === 0 || only.includes(f.ruleId));
}

/**
 * --cross-file over a set of texts (each linted through the one pipeline, its citation summary
 * kept): citation-mismatch's cross-file reports by file index, their message ids recorded as
 * exercised (the CLI words them with the rule's messages, src/cli/cross-file.ts).
 */
export function crossFileWith(files: Array<{ path: string; text: string }>): Map<number, CrossReport[]> {
  const summaries = files.map((f) => {
    let cited: CitedDocument[] = [];
    lintPipeline(parseText(f.text, f.path), { rules: resolveRules(TRACED, undefined, undefined), settings: {} }, {
      lang: 'en', knownRules: KNOWN, onFacts: (facts) => { cited = citedDocuments(facts.doc, facts); },
    });
    return { shown: f.path, docs: cited };
  });
  const out = crossFileReports(summaries);
  for (const list of out.values()) {
    for (const r of list) {
      exercised.add(`citation-mismatch/${r.messageId}`);
      if (r.related.length) exercised.add('citation-mismatch/citedInFile');
    }
  }
  return out;
}

/** `messageId severity line:column` per finding (with `rule/` in front when several rules ran). */
export function summarise(findings: Finding[], withRule: boolean): string[] {
  return findings.map((f) => `${withRule ? `${f.ruleId}/` : ''}${f.messageId} ${f.severity} ${f.line}:${f.column}`);
}

/**
 * Asserts the exact findings of one rule (or several) on a text:
 *   expectFindings('sum-mismatch', text, ['mismatch error 3:12'])
 *   expectFindings(['percent-mismatch', 'comparison-claim'], text, ['percent-mismatch/mismatch error 1:40'])
 * An empty list asserts silence. Returns the findings for further checks (data, fix, related).
 */
export function expectFindings(rule: string | string[], text: string, expected: string[], opts: TestOptions = {}): Finding[] {
  const only = Array.isArray(rule) ? rule : [rule];
  const findings = lintWith(only, text, opts);
  expect(summarise(findings, only.length > 1), findings.map((f) => `${f.ruleId}/${f.messageId} ${f.severity} ${f.line}:${f.column} ${f.message}`).join('\n')).toEqual(expected);
  return findings;
}

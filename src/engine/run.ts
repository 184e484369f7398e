// The engine core: runs rules over one parsed document and returns its findings. No I/O: the
// CLI, the LSP server and tests all call this.

import { isTextFormat, type Document, type Span } from '../parse/document.js';
import { inferLocale } from '../facts/numbers.js';
import { inferNumberFormat } from '../facts/figures-convention.js';
import { render } from '../i18n/format.js';
import { FactStore } from './facts.js';
import type {
  DocumentSettings,
  FileResult,
  Finding,
  Fix,
  Lang,
  Report,
  ResolvedFix,
  Rule,
  RuleContext,
  Severity,
} from './types.js';

export interface RuleSetting {
  rule: Rule;
  severity: Severity;
  options: unknown;
}

export interface SettingsInput {
  locale?: 'vi' | 'en' | 'auto';
  numberFormat?: 'vi' | 'en' | 'auto';
  rounding?: 'round' | 'truncate' | 'any';
  dictionary?: string[];
  registry?: DocumentSettings['registry'];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function resolveSettings(doc: Document, input: SettingsInput = {}): DocumentSettings {
  const locale = !input.locale || input.locale === 'auto' ? inferLocale(doc.text) : input.locale;
  const numberFormat = !input.numberFormat || input.numberFormat === 'auto' ? inferNumberFormat(doc.text, locale) : input.numberFormat;
  const out: DocumentSettings = { locale, numberFormat, rounding: input.rounding ?? 'any', dictionary: input.dictionary ?? [] };
  if (input.registry?.length) out.registry = input.registry;
  return out;
}

export class ReportError extends Error {}

function checkSpan(doc: Document, span: Span, what: string): void {
  if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end < span.start || span.end > doc.text.length) {
    throw new ReportError(`${what}: span ${JSON.stringify(span)} lies outside the text (length ${doc.text.length})`);
  }
}

export interface LintLimits {
  /** Stop running further rules on a document once this much time has passed (ms). */
  timeBudgetMs?: number;
  /** Where the budget started (performance.now()); default: now. */
  startedAt?: number;
  /** Asked before each rule; true stops the run with a LintCancelled (the editor's text changed meanwhile). */
  cancelled?: () => boolean;
  /** Given the facts once the rules ran (what a front end needs from them beyond findings). */
  onFacts?: (facts: FactStore) => void;
}

/** Thrown when `LintLimits.cancelled` says the result is no longer wanted. */
export class LintCancelled extends Error {}

export const DEFAULT_TIME_BUDGET_MS = 60_000;

export function lintDocument(doc: Document, rules: RuleSetting[], settings: DocumentSettings, lang: Lang, limits: LintLimits = {}): FileResult {
  const budget = limits.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const started = limits.startedAt ?? performance.now();
  const facts = new FactStore(doc, settings);
  const findings: Finding[] = [];
  const checked: Record<string, number> = {};
  const unpaired: Record<string, number> = {};
  const internalErrors: Array<{ ruleId: string; message: string }> = [];

  for (let ri = 0; ri < rules.length; ri++) {
    const { rule, severity, options } = rules[ri];
    if (limits.cancelled?.()) throw new LintCancelled('cancelled');
    const elapsed = performance.now() - started;
    if (elapsed > budget) {
      const skipped = rules.slice(ri).map((r) => r.rule.id);
      internalErrors.push({ ruleId: rules[ri - 1]?.rule.id ?? rule.id, message: `time budget of ${budget >= 1000 ? `${budget / 1000} s` : `${budget} ms`} for this file exceeded after ${Math.round(elapsed)} ms; not run: ${skipped.join(', ')}` });
      break;
    }
    const pending: Finding[] = [];
    let count = 0;
    let missed = -1;
    const ctx: RuleContext<unknown> = {
      doc,
      facts,
      settings,
      options,
      report: (r: Report) => pending.push(toFinding(doc, rule, severity, r, lang)),
      checked: (n = 1) => {
        count += n;
      },
      unpaired: (n = 1) => {
        missed = Math.max(missed, 0) + n;
      },
    };
    try {
      rule.check(ctx as RuleContext<never>, options as never);
      findings.push(...pending);
      checked[rule.id] = count;
      if (missed >= 0) unpaired[rule.id] = missed;
    } catch (e) {
      internalErrors.push({ ruleId: rule.id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  const result: FileResult = {
    path: doc.path,
    format: doc.format,
    findings,
    checked,
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
  };
  if (Object.keys(unpaired).length) result.unpaired = unpaired;
  countFindings(result);
  if (internalErrors.length) result.internalErrors = internalErrors;
  limits.onFacts?.(facts);
  return result;
}

export function countFindings(result: FileResult): void {
  result.errorCount = result.findings.filter((f) => f.severity === 'error').length;
  result.warningCount = result.findings.filter((f) => f.severity === 'warning').length;
  result.infoCount = result.findings.filter((f) => f.severity === 'info').length;
}

function toFinding(doc: Document, rule: Rule, configured: Severity, r: Report, lang: Lang): Finding {
  const text = rule.messages[r.messageId];
  if (!text) throw new ReportError(`${rule.id}: unknown message id '${r.messageId}'`);
  checkSpan(doc, r.span, rule.id);
  const severity = r.severity && RANK[r.severity] < RANK[configured] ? r.severity : configured;
  const loc = doc.locate(r.span);
  const data = r.data ?? {};
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    messageId: r.messageId,
    message: render(text, lang, data),
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
    span: r.span,
    offset: loc.offset,
    endOffset: loc.endOffset,
    related: (r.related ?? []).map((rel) => {
      const t = rule.messages[rel.messageId];
      if (!t) throw new ReportError(`${rule.id}: unknown message id '${rel.messageId}'`);
      checkSpan(doc, rel.span, rule.id);
      const l = doc.locate(rel.span);
      return {
        line: l.line,
        column: l.column,
        endLine: l.endLine,
        endColumn: l.endColumn,
        message: render(t, lang, rel.data ?? data),
        ...(l.extras ? { extras: l.extras } : {}),
      };
    }),
    data,
  };
  if (loc.extras) finding.extras = loc.extras;
  if (r.fix) {
    if (!rule.meta.fixable) throw new ReportError(`${rule.id}: reported a fix but is not marked fixable`);
    finding.fix = resolveFix(doc, rule, r.fix, lang);
  }
  if (r.suggestions?.length) finding.suggestions = r.suggestions.map((s) => resolveFix(doc, rule, s, lang));
  return finding;
}

function resolveFix(doc: Document, rule: Rule, fix: Fix, lang: Lang): ResolvedFix {
  for (const e of fix.edits) checkSpan(doc, e.span, rule.id);
  let title = '';
  if (fix.messageId) {
    const t = rule.messages[fix.messageId];
    if (!t) throw new ReportError(`${rule.id}: unknown message id '${fix.messageId}'`);
    title = render(t, lang, fix.data);
  }
  const applicability = isTextFormat(doc.format) ? fix.applicability : 'display';
  return {
    title,
    applicability,
    edits: fix.edits.map((e) => ({ offset: doc.norm.toOriginal(e.span.start), endOffset: doc.norm.toOriginal(e.span.end), text: e.text })),
  };
}

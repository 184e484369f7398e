// The one lint pipeline. Every front end (the library API, the CLI and its workers, --stdin,
// --fix, the LSP server, the browser page) lints a parsed document through `lintPipeline`:
// document settings from config and command line, the rules, inline suppressions, then the
// baseline. No I/O: front ends differ only in how they get bytes and where they put findings.

import type { Document } from '../parse/document.js';
import { applyBaseline, type BaselineEntry } from './fingerprint.js';
import { lintDocument, resolveSettings, type RuleSetting, type SettingsInput } from './run.js';
import type { FactStore } from './facts.js';
import { applySuppressions } from './suppress.js';
import type { FileResult, Lang, Severity } from './types.js';

/** What a file's config resolves to: its rules (severity and options) and document settings. */
export interface LintConfig {
  rules: RuleSetting[];
  settings: SettingsInput;
}

export interface PipelineOptions {
  /** Message language; `auto`: the document's own (its `locale`, explicit or inferred). */
  lang: Lang | 'auto';
  /** Command-line settings; they win over the config's. */
  overrides?: SettingsInput;
  /** Report reportlint-disable directives that silence nothing, at this severity. */
  reportUnusedDirectives?: Severity;
  /** Per-file time budget for the rules (ms); past it the remaining rules are not run and an internal error says so. */
  timeBudgetMs?: number;
  /** When the file's budget started (performance.now()): the CLI starts it before reading, so one deadline covers reading, parsing and the rules. Default: when the rules start. */
  startedAt?: number;
  /** Every rule id reportlint knows (a directive naming another id is an unknown rule); default: the config's rules. */
  knownRules?: ReadonlySet<string>;
  /** Baseline entries recorded for this file: matching findings are hidden. */
  baseline?: BaselineEntry[];
  /** Asked before each rule: true abandons the run (LintCancelled). The language server's stale runs. */
  cancelled?: () => boolean;
  /** Given the document's facts once the rules ran (the CLI's --cross-file reads the citations it needs from them). */
  onFacts?: (facts: FactStore) => void;
}

export interface PipelineResult {
  result: FileResult;
  /** Findings silenced by inline or Word-comment directives. */
  suppressed: number;
  /** Findings hidden by the baseline. */
  baselined: number;
  /** The language the messages were written in. */
  lang: Lang;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function lintPipeline(doc: Document, config: LintConfig, opts: PipelineOptions): PipelineResult {
  const settings = resolveSettings(doc, { ...config.settings, ...defined(opts.overrides ?? {}) });
  const lang = opts.lang === 'auto' ? settings.locale : opts.lang;
  const result = lintDocument(doc, config.rules, settings, lang, { timeBudgetMs: opts.timeBudgetMs, startedAt: opts.startedAt, cancelled: opts.cancelled, onFacts: opts.onFacts });
  const active = new Set(config.rules.map((r) => r.rule.id));
  const suppressed = applySuppressions(doc, result, {
    activeRules: active,
    knownRules: opts.knownRules ?? active,
    reportUnused: opts.reportUnusedDirectives,
    lang,
  });
  const baselined = opts.baseline ? applyBaseline(doc, result, opts.baseline) : 0;
  return { result, suppressed, baselined, lang };
}

/** The pipeline's findings only (most callers). */
export function lintWithConfig(doc: Document, config: LintConfig, opts: PipelineOptions): FileResult {
  return lintPipeline(doc, config, opts).result;
}

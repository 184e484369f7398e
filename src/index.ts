// Programmatic API: lint a text or a file's bytes with the built-in rules, through the same
// pipeline as the CLI and the LSP server (settings, rules, inline suppressions, baseline).

import { parseBytes, parseText, type ParseOptions } from './parse/index.js';
import { type RuleSetting, type SettingsInput } from './engine/run.js';
import { resolveRules, type RuleEntry } from './engine/config.js';
import { lintPipeline, type PipelineResult } from './engine/pipeline.js';
import type { BaselineEntry } from './engine/fingerprint.js';
import { rules } from './rules/index.js';
import type { FileResult, Lang, Severity } from './engine/types.js';
import type { Document } from './parse/document.js';

export { rules } from './rules/index.js';
export type { FileResult, Finding, Rule, Severity } from './engine/types.js';
export { Document } from './parse/document.js';
export { lintPipeline, type LintConfig, type PipelineOptions, type PipelineResult } from './engine/pipeline.js';
export { VERSION } from './version.js';

export interface LintOptions extends SettingsInput {
  rules?: Record<string, RuleEntry>;
  only?: string[];
  lang?: Lang;
  /** Report reportlint-disable directives that silence nothing, at this severity. */
  reportUnusedDirectives?: Severity;
  /** Baseline entries for this file (from a baseline file's `files[key]`). */
  baseline?: BaselineEntry[];
}

const KNOWN: ReadonlySet<string> = new Set(rules.map((r) => r.id));

export function settingsFor(opts: LintOptions): RuleSetting[] {
  return resolveRules(rules, opts.rules, opts.only);
}

/** Lints a parsed document; returns findings and how many were suppressed or hidden by the baseline. */
export function lintParsedDetailed(doc: Document, opts: LintOptions = {}): PipelineResult {
  const { locale, numberFormat, rounding, dictionary, registry } = opts;
  return lintPipeline(
    doc,
    { rules: settingsFor(opts), settings: { locale, numberFormat, rounding, dictionary, registry } },
    { lang: opts.lang ?? 'en', knownRules: KNOWN, reportUnusedDirectives: opts.reportUnusedDirectives, baseline: opts.baseline },
  );
}

export function lintParsed(doc: Document, opts: LintOptions = {}): FileResult {
  return lintParsedDetailed(doc, opts).result;
}

export function lintText(text: string, path = 'input.txt', opts: LintOptions = {}): FileResult {
  return lintParsed(parseText(text, path), opts);
}

export async function lintBytes(bytes: Uint8Array, path: string, opts: LintOptions & ParseOptions = {}): Promise<FileResult> {
  return lintParsed(await parseBytes(bytes, path, opts), opts);
}

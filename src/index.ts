// Programmatic API: lint a text or a file's bytes with the built-in rules.

import { parseBytes, parseText, type ParseOptions } from './parse/index.js';
import { lintDocument, resolveSettings, type RuleSetting, type SettingsInput } from './engine/run.js';
import { resolveRules, type RuleEntry } from './engine/config.js';
import { rules } from './rules/index.js';
import type { FileResult, Lang } from './engine/types.js';
import type { Document } from './parse/document.js';

export { rules } from './rules/index.js';
export type { FileResult, Finding, Rule, Severity } from './engine/types.js';
export { Document } from './parse/document.js';

export interface LintOptions extends SettingsInput {
  rules?: Record<string, RuleEntry>;
  only?: string[];
  lang?: Lang;
}

export function settingsFor(opts: LintOptions): RuleSetting[] {
  return resolveRules(rules, opts.rules, opts.only);
}

export function lintParsed(doc: Document, opts: LintOptions = {}): FileResult {
  return lintDocument(doc, settingsFor(opts), resolveSettings(doc, opts), opts.lang ?? 'en');
}

export function lintText(text: string, path = 'input.txt', opts: LintOptions = {}): FileResult {
  return lintParsed(parseText(text, path), opts);
}

export async function lintBytes(bytes: Uint8Array, path: string, opts: LintOptions & ParseOptions = {}): Promise<FileResult> {
  return lintParsed(await parseBytes(bytes, path, opts), opts);
}

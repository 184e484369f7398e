// The lint pipeline shared by the CLI, --stdin, --fix and the LSP server: parse, settings from
// config and command line, run the rules, apply inline suppressions.

import { parseBytes, parseText } from '../parse/index.js';
import type { Document } from '../parse/document.js';
import { lintDocument, resolveSettings, type SettingsInput } from '../engine/run.js';
import { applySuppressions } from '../engine/suppress.js';
import type { FileResult, Lang, Severity } from '../engine/types.js';
import { rules } from '../rules/index.js';
import type { FileConfig } from './config.js';

export interface PipelineOptions {
  lang: Lang;
  /** Command-line settings; they win over the config's. */
  overrides?: SettingsInput;
  reportUnusedDirectives?: Severity;
  /** Per-file time budget for the rules (ms); past it the remaining rules are not run and an internal error says so. */
  timeBudgetMs?: number;
}

const KNOWN = new Set(rules.map((r) => r.id));

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function lintWithConfig(doc: Document, fc: Pick<FileConfig, 'rules' | 'settings'>, opts: PipelineOptions): FileResult {
  const docSettings = resolveSettings(doc, { ...fc.settings, ...defined(opts.overrides ?? {}) });
  const result = lintDocument(doc, fc.rules, docSettings, opts.lang, { timeBudgetMs: opts.timeBudgetMs });
  applySuppressions(doc, result, {
    activeRules: new Set(fc.rules.map((r) => r.rule.id)),
    knownRules: KNOWN,
    reportUnused: opts.reportUnusedDirectives,
    lang: opts.lang,
  });
  return result;
}

export async function parseSource(bytes: Uint8Array, path: string, encoding?: string): Promise<Document> {
  return parseBytes(bytes, path, { encoding });
}

/** Re-parses fixed text in the same format, keeping encoding and BOM. */
export function reparse(text: string, previous: Document): Document {
  return parseText(text, previous.path, previous.format, { encoding: previous.encoding, bom: previous.bom });
}

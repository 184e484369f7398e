// Shared types of the engine: severities, findings, fixes, rule definitions.

import type { z } from 'zod';
import type { Document, LocationExtras, Span } from '../parse/document.js';
import type { FactStore } from './facts.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export type Lang = 'vi' | 'en';

/** A message in both catalogues. Placeholders: `{name}`, filled from the report's data. */
export interface MessageText {
  en: string;
  vi: string;
}

export type Category = 'figures' | 'percentages' | 'citations' | 'names' | 'structure' | 'text';

export interface TextEdit {
  span: Span;
  text: string;
}

export type Applicability = 'safe' | 'unsafe' | 'display';

export interface Fix {
  edits: TextEdit[];
  applicability: Applicability;
  /** Message id (in the rule's messages) naming the fix, e.g. "Replace with 164-TB/TU". */
  messageId?: string;
  data?: MessageData;
}

export type MessageData = Record<string, string | number>;

export interface RelatedReport {
  span: Span;
  messageId: string;
  data?: MessageData;
}

/** What a rule reports. */
export interface Report {
  messageId: string;
  span: Span;
  data?: MessageData;
  related?: RelatedReport[];
  fix?: Fix;
  suggestions?: Fix[];
  /** Override the configured severity for this finding (e.g. info for a restatement in another section). */
  severity?: Severity;
}

export interface DocumentSettings {
  /** Document language: explicit or inferred. */
  locale: 'vi' | 'en';
  /** How figures are written: `vi` (1.234,5) or `en` (1,234.5). */
  numberFormat: 'vi' | 'en';
  rounding: 'round' | 'truncate' | 'any';
  /** Extra words the spelling rule accepts. */
  dictionary: string[];
  /** The user's own registry of documents (config `registry`), read by the front end. */
  registry?: ReadonlyArray<{ number: string; date: number; type?: string; issuer?: string; title?: string; source?: string }>;
}

export interface RuleContext<O> {
  doc: Document;
  facts: FactStore;
  settings: DocumentSettings;
  options: O;
  report(r: Report): void;
  /** Count what the rule verified (checked and found right or wrong): "3 totals checked". */
  checked(n?: number): void;
  /** Count what the rule read but could not check (a stated total or percentage it could not pair): coverage. */
  unpaired(n?: number): void;
}

export interface RuleMeta {
  category: Category;
  defaultSeverity: Severity;
  fixable: boolean;
  description: MessageText;
  /** What one unit of `checked` is, for summaries: { en: 'totals', vi: 'tổng số' }. */
  checkedLabel?: MessageText;
}

export interface Rule<S extends z.ZodType = z.ZodType> {
  id: string;
  meta: RuleMeta;
  options: S;
  messages: Record<string, MessageText>;
  check(ctx: RuleContext<z.output<S>>, options: z.output<S>): void;
}

export function defineRule<S extends z.ZodType>(rule: Rule<S>): Rule<S> {
  return rule;
}

export interface RelatedLocation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  extras?: LocationExtras;
}

/** A finding as the engine hands it to formatters. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Analysed-text span (internal; formatters must use line/column). */
  span: Span;
  /** Original-text offsets, for fixes and fingerprints. */
  offset: number;
  endOffset: number;
  related: RelatedLocation[];
  data: MessageData;
  fix?: ResolvedFix;
  suggestions?: ResolvedFix[];
  extras?: LocationExtras;
}

/** A fix as edits on the ORIGINAL text (offsets into the decoded original). */
export interface ResolvedFix {
  title: string;
  applicability: Applicability;
  edits: Array<{ offset: number; endOffset: number; text: string }>;
}

export interface FileResult {
  path: string;
  format: string;
  findings: Finding[];
  checked: Record<string, number>;
  /** Per rule, figures read but not paired into a check (only rules that count them; absent when none do). */
  unpaired?: Record<string, number>;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** A file that could not be read or parsed: one line, no findings. */
  fatal?: string;
  /** Rules that threw on this document. */
  internalErrors?: Array<{ ruleId: string; message: string }>;
}

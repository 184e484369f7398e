// Schemas (zod) for the data reportlint reads back from files: the JSON output (version 1) that
// `reportlint merge` joins, the results kept in a --cache file, and baselines. Data is checked
// here, at the boundary, before any of it reaches a formatter or the engine: a malformed file is
// refused with one line naming the file, the key path and what was expected (or, for a cache
// entry, dropped and rebuilt), never rendered and never an internal error. A key named
// `__proto__` is refused anywhere (it would reach an object's prototype when copied).

import { z } from 'zod';
import type { FileResult, Finding, RelatedLocation } from '../engine/types.js';
import type { Baseline } from '../engine/fingerprint.js';
import { protoKeyPath } from '../engine/config.js';

export { protoKeyPath };

export class DataError extends Error {}

const whole = (min: number) => {
  const error = `expected a whole number of at least ${min}`;
  return z.number({ error }).int({ error }).min(min, { error });
};
const line = whole(1);
const offset = whole(0);
const count = whole(0);
const scalar = z.union([z.string(), z.number()]);

const edit = z.object({ offset, endOffset: offset, text: z.string() });
const fix = z.object({ title: z.string(), applicability: z.enum(['safe', 'unsafe', 'display']), edits: z.array(edit) });

/** A related location as the JSON output writes it (extras such as `page` or `quote` beside it). */
const relatedJson = z.looseObject({ line, column: line, endLine: line, endColumn: line, message: z.string() });

/** A finding as the JSON output writes it. */
const findingJson = z.looseObject({
  ruleId: z.string().min(1),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  messageId: z.string().optional(),
  line,
  column: line,
  endLine: line,
  endColumn: line,
  related: z.array(relatedJson),
  data: z.record(z.string(), scalar).optional(),
  fix: fix.optional(),
  suggestions: z.array(fix).optional(),
});

const fileFields = {
  path: z.string().min(1),
  format: z.string(),
  checked: z.record(z.string(), count),
  unpaired: z.record(z.string(), count).optional(),
  errorCount: count,
  warningCount: count,
  infoCount: count,
  fatal: z.string().optional(),
  internalErrors: z.array(z.object({ ruleId: z.string(), message: z.string() })).optional(),
};

const fileJson = z.looseObject({ ...fileFields, findings: z.array(findingJson) });
export const jsonOutputSchema = z.looseObject({ version: z.literal(1), files: z.array(fileJson) });

/** A finding as the engine holds it (the cache stores these). */
const findingInternal = z.object({
  ruleId: z.string().min(1),
  severity: z.enum(['error', 'warning', 'info']),
  messageId: z.string(),
  message: z.string(),
  line,
  column: line,
  endLine: line,
  endColumn: line,
  span: z.object({ start: offset, end: offset }),
  offset,
  endOffset: offset,
  related: z.array(z.object({ line, column: line, endLine: line, endColumn: line, message: z.string(), extras: z.record(z.string(), scalar).optional() })),
  data: z.record(z.string(), scalar),
  fix: fix.optional(),
  suggestions: z.array(fix).optional(),
  extras: z.record(z.string(), scalar).optional(),
});
export const fileResultSchema = z.object({ ...fileFields, findings: z.array(findingInternal) });

export const baselineSchema = z.object({
  version: z.literal(1),
  files: z.record(z.string(), z.array(z.object({ ruleId: z.string().min(1), fingerprint: z.string().min(1), count: whole(1), text: z.string().optional() }))),
});

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => String(p)).join('.') || '(top level)';
}

/** Human text for a zod issue: the key path, what was expected and what was there. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  let value: unknown = input;
  for (const p of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p as PropertyKey] : undefined;
  const got = value === undefined ? 'nothing' : show(value);
  let what: string;
  if (issue.message.startsWith('expected a whole number')) what = `${issue.message}, got ${got}`;
  else if (issue.code === 'invalid_value') what = `expected ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
  else if (issue.code === 'invalid_type') what = `expected ${issue.expected}, got ${value === null ? 'null' : got}`;
  else if (issue.code === 'unrecognized_keys') what = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  else if (issue.code === 'too_small' && issue.origin === 'string') what = `expected a non-empty string, got ${got}`;
  else what = `${issue.message} (got ${got})`;
  return `${keyPath(issue.path)}: ${what}`;
}

/** Parses JSON text; DataError `invalid JSON: …` otherwise. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError(`invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Checks parsed JSON against a schema; DataError with the first problem's key path otherwise. */
export function checkData<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const proto = protoKeyPath(data);
  if (proto) throw new DataError(`${proto.join('.')}: a key named __proto__ is not allowed`);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new DataError(describeIssue(parsed.error.issues[0], data));
  return parsed.data;
}

/** True when `data` looks like a reportlint file of this kind at the top level ({"version": 1, <key>: ...}). */
export function topLevel(data: unknown, key: string, kind: 'array' | 'object'): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const o = data as Record<string, unknown>;
  const v = o[key];
  return o.version === 1 && (kind === 'array' ? Array.isArray(v) : v !== null && typeof v === 'object' && !Array.isArray(v));
}

const RELATED_KEYS = new Set(['line', 'column', 'endLine', 'endColumn', 'message']);
const FINDING_KEYS = new Set(['ruleId', 'severity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn', 'related', 'data', 'fix', 'suggestions']);

/** The keys the JSON output adds beside a finding's own (paragraph, quote, page, table, ...). */
function extrasOf(o: Record<string, unknown>, known: Set<string>): Record<string, string | number> | undefined {
  const extras: Record<string, string | number> = {};
  let any = false;
  for (const [k, v] of Object.entries(o)) {
    if (!known.has(k) && (typeof v === 'string' || typeof v === 'number')) {
      extras[k] = v;
      any = true;
    }
  }
  return any ? extras : undefined;
}

/** Results from checked JSON output: findings rebuilt, counts taken from the findings themselves. */
export function resultsFromOutput(data: z.output<typeof jsonOutputSchema>): FileResult[] {
  return data.files.map((file) => {
    const findings = file.findings.map((o): Finding => {
      const f: Finding = {
        ruleId: o.ruleId,
        severity: o.severity,
        messageId: o.messageId ?? '',
        message: o.message,
        line: o.line,
        column: o.column,
        endLine: o.endLine,
        endColumn: o.endColumn,
        span: { start: 0, end: 0 },
        offset: 0,
        endOffset: 0,
        related: o.related.map((r): RelatedLocation => {
          const rel: RelatedLocation = { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message };
          const ex = extrasOf(r, RELATED_KEYS);
          if (ex) rel.extras = ex;
          return rel;
        }),
        data: o.data ?? {},
      };
      const ex = extrasOf(o, FINDING_KEYS);
      if (ex) f.extras = ex;
      if (o.fix) f.fix = o.fix;
      if (o.suggestions) f.suggestions = o.suggestions;
      return f;
    });
    const r: FileResult = {
      path: file.path,
      format: file.format,
      findings,
      checked: file.checked,
      errorCount: findings.filter((f) => f.severity === 'error').length,
      warningCount: findings.filter((f) => f.severity === 'warning').length,
      infoCount: findings.filter((f) => f.severity === 'info').length,
    };
    if (file.unpaired) r.unpaired = file.unpaired;
    if (file.fatal) r.fatal = file.fatal;
    if (file.internalErrors) r.internalErrors = file.internalErrors;
    return r;
  });
}

export type { Baseline };

// Configuration: its schema (zod), validation with messages that name the key path and what was
// expected, overrides by glob, and how a config turns into the rule settings the engine runs.
// No I/O here: src/cli/config.ts finds and reads the files.

import picomatch from 'picomatch';
import { z } from 'zod';
import type { Rule, Severity } from './types.js';
import type { RuleSetting, SettingsInput } from './run.js';

export const severitySchema = z.enum(['off', 'info', 'warning', 'error']);
export type ConfigSeverity = z.infer<typeof severitySchema>;

export const ruleEntrySchema = z.union([severitySchema, z.tuple([severitySchema]), z.tuple([severitySchema, z.record(z.string(), z.unknown())])]);

export const settingsSchema = z.object({
  locale: z.enum(['vi', 'en', 'auto']).optional().describe('Document language; auto infers it from the text.'),
  numberFormat: z.enum(['vi', 'en', 'auto']).optional().describe('How figures are written: vi 1.234,5 or en 1,234.5; auto infers it.'),
  rounding: z.enum(['round', 'truncate', 'any']).optional().describe('How stated figures were rounded.'),
  dictionary: z.array(z.string()).optional().describe('Extra words the spelling rules accept.'),
  registry: z
    .array(z.string())
    .optional()
    .describe('Registry files (JSON, relative to the config file) of your own documents: their numbers, dates and titles, checked against the citations.'),
});

/** A date as a registry file writes it: `2020-02-03` or `03/02/2020`. */
const registryDate = z.string().regex(/^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})$/, 'a date written 2020-02-03 or 03/02/2020');

/** One registry file: the documents an office issued or cites, each with its number and date. */
export const registryFileSchema = z
  .object({
    $schema: z.string().optional(),
    documents: z
      .array(
        z
          .object({
            number: z.string().regex(/^\d{1,6}[a-zđ]?[-/]\S+$/u, 'a number and symbol such as 15/2020/NĐ-CP or 164-TB/TU').describe('Number and symbol (15/2020/NĐ-CP, 204/QĐ-UBND, 164-TB/TU).'),
            date: registryDate.describe('Date of issue: 2020-02-03 or 03/02/2020.'),
            type: z.string().optional().describe('Type (Nghị định, Quyết định, …).'),
            issuer: z.string().optional().describe('Issuing body.'),
            title: z.string().optional().describe('Title or subject.'),
          })
          .strict(),
      )
      .describe('The documents, one entry each.'),
  })
  .strict();
export type RegistryFile = z.infer<typeof registryFileSchema>;

/** The registry entries of a validated file (dates as yyyymmdd); an impossible date is a ConfigError. */
export function registryEntries(file: RegistryFile, where: string): Array<{ number: string; date: number; type?: string; issuer?: string; title?: string; source: string }> {
  return file.documents.map((d, i) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.date) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d.date)!;
    const [y, mo, da] = d.date.includes('-') ? [+m[1], +m[2], +m[3]] : [+m[3], +m[2], +m[1]];
    const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (mo < 1 || mo > 12 || da < 1 || da > days) throw new ConfigError(`${where}: documents.${i}.date: no such date, got ${show(d.date)}`);
    const e: { number: string; date: number; type?: string; issuer?: string; title?: string; source: string } = { number: d.number.normalize('NFC'), date: y * 10000 + mo * 100 + da, source: where };
    if (d.type) e.type = d.type;
    if (d.issuer) e.issuer = d.issuer;
    if (d.title) e.title = d.title;
    return e;
  });
}

/** The JSON Schema of registry files (schema/registry.schema.json). */
export function registryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(registryFileSchema.describe('reportlint registry of documents (the `registry` files of a config)'), { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return { ...schema, title: 'reportlint registry of documents' };
}

/** Validates parsed JSON as a registry file; throws ConfigError naming `where`, the key path and what was expected. */
export function validateRegistryFile(input: unknown, where: string): RegistryFile {
  const parsed = registryFileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${where}: ${keyPath(issue.path)}: ${describeIssue(issue, input)}`);
  }
  return parsed.data;
}

const rulesSchema = z.record(z.string(), ruleEntrySchema);

export const overrideSchema = settingsSchema
  .extend({
    files: z.union([z.string(), z.array(z.string())]).describe('Globs, relative to the config file, of the files this override applies to.'),
    rules: rulesSchema.optional(),
  })
  .strict();

export const configSchema = settingsSchema
  .extend({
    $schema: z.string().optional(),
    rules: rulesSchema.optional().describe('Per rule: "off" | "info" | "warning" | "error" or [severity, options].'),
    ignorePatterns: z.array(z.string()).optional().describe('Globs, relative to the config file, of files never linted.'),
    overrides: z.array(overrideSchema).optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type RuleEntry = z.infer<typeof ruleEntrySchema>;
export type Override = z.infer<typeof overrideSchema>;

export class ConfigError extends Error {}

const SEVERITIES = severitySchema.options;
const ENTRY_EXPECTED = `expected one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')} or [severity, options]`;

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => String(p)).join('.') || '(top level)';
}

/** Human text for a zod issue: what was expected and what was there. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  let value: unknown = input;
  for (const p of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${show(value)}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${value === undefined ? 'nothing' : show(value)}`;
  return `${issue.message}${value !== undefined ? ` (got ${show(value)})` : ''}`;
}

/** Checks a rule-entry map (shape only; options are checked against the rule in resolveRules). */
function checkRuleEntries(where: string, prefix: string, rules: unknown): void {
  if (rules === undefined) return;
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) throw new ConfigError(`${where}: ${prefix}: expected an object of rule ids, got ${show(rules)}`);
  for (const [id, v] of Object.entries(rules)) {
    const ok =
      (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v)) ||
      (Array.isArray(v) && v.length >= 1 && v.length <= 2 && (SEVERITIES as readonly string[]).includes(v[0] as string) && (v.length === 1 || (v[1] !== null && typeof v[1] === 'object' && !Array.isArray(v[1]))));
    if (!ok) throw new ConfigError(`${where}: ${prefix}.${id}: ${ENTRY_EXPECTED}, got ${show(v)}`);
  }
}

/**
 * The path of the first key named `__proto__` anywhere in parsed JSON (JSON.parse makes it an own
 * key; copying the object would then set a prototype). Configs, shards, caches and baselines
 * refuse it.
 */
export function protoKeyPath(v: unknown, path: string[] = []): string[] | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : Object.keys(v);
  for (const k of keys) {
    if (k === '__proto__' && !Array.isArray(v)) return [...path, k];
    const p = protoKeyPath((v as Record<string, unknown>)[k], [...path, k]);
    if (p) return p;
  }
  return undefined;
}

/** Validates parsed JSON as a config; throws ConfigError naming `where`, the key path and what was expected. */
export function validateConfig(input: unknown, where: string): Config {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new ConfigError(`${where}: expected a JSON object at the top level, got ${show(input)}`);
  const proto = protoKeyPath(input);
  if (proto) throw new ConfigError(`${where}: ${proto.join('.')}: a key named __proto__ is not allowed`);
  const obj = input as Record<string, unknown>;
  checkRuleEntries(where, 'rules', obj.rules);
  if (Array.isArray(obj.overrides)) obj.overrides.forEach((o, i) => o && typeof o === 'object' && checkRuleEntries(where, `overrides.${i}.rules`, (o as Record<string, unknown>).rules));
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${where}: ${keyPath(issue.path)}: ${describeIssue(issue, input)}`);
  }
  return parsed.data;
}

/** Checks every rule id and every option set in a config against the rules, so errors surface before linting. */
export function checkConfigRules(all: Rule[], config: Config, where: string): void {
  resolveRules(all, config.rules ?? {}, undefined, where, 'rules');
  (config.overrides ?? []).forEach((o, i) => resolveRules(all, o.rules ?? {}, undefined, where, `overrides.${i}.rules`));
}

/** Rule settings from a rule-entry map; unknown rule ids and bad options throw ConfigError. */
export function resolveRules(all: Rule[], entries: Record<string, RuleEntry> = {}, only?: string[], where = 'config', prefix = 'rules'): RuleSetting[] {
  const byId = new Map(all.map((r) => [r.id, r]));
  for (const id of Object.keys(entries)) {
    if (!byId.has(id)) throw new ConfigError(`${where}: ${prefix}.${id}: unknown rule '${id}' (see reportlint --list-rules)`);
  }
  for (const id of only ?? []) {
    if (!byId.has(id)) throw new ConfigError(`--rule ${id}: unknown rule '${id}' (see reportlint --list-rules)`);
  }
  const out: RuleSetting[] = [];
  for (const rule of all) {
    // --rule narrows the rules that run; a rule the config turns off stays off
    if (only && only.length && !only.includes(rule.id)) continue;
    const entry = entries[rule.id];
    const sev: ConfigSeverity = entry === undefined ? rule.meta.defaultSeverity : Array.isArray(entry) ? entry[0] : entry;
    const raw = Array.isArray(entry) && entry.length > 1 ? entry[1] : {};
    const parsed = rule.options.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = [rule.id, 1, ...issue.path].join('.');
      throw new ConfigError(`${where}: ${prefix}.${path}: ${describeIssue(issue, raw)}`);
    }
    if (sev === 'off') continue;
    out.push({ rule, severity: sev as Severity, options: parsed.data });
  }
  return out;
}

export interface EffectiveConfig {
  rules: Record<string, RuleEntry>;
  settings: SettingsInput;
  /** Registry files named by the config and its matching overrides, relative to the config file. */
  registryFiles: string[];
}

/**
 * The config in force for one file: the base, then every override whose `files` match, in order.
 * `relPath` is the file's path relative to the config file's folder, with `/` separators.
 * An override's severity-only entry keeps the options set before it (as ESLint does).
 */
export function effectiveConfig(config: Config, relPath: string): EffectiveConfig {
  const rules: Record<string, RuleEntry> = { ...(config.rules ?? {}) };
  const settings: SettingsInput = settingsOf(config);
  const registryFiles = [...(config.registry ?? [])];
  for (const o of config.overrides ?? []) {
    const globs = typeof o.files === 'string' ? [o.files] : o.files;
    if (!globs.some((g) => matchGlob(g, relPath))) continue;
    for (const [id, entry] of Object.entries(o.rules ?? {})) {
      const prev = rules[id];
      const prevOptions = Array.isArray(prev) && prev.length > 1 ? prev[1] : undefined;
      if (typeof entry === 'string' || entry.length === 1) {
        const sev = typeof entry === 'string' ? entry : entry[0];
        rules[id] = prevOptions ? [sev, prevOptions] : sev;
      } else rules[id] = entry;
    }
    if (o.locale) settings.locale = o.locale;
    if (o.numberFormat) settings.numberFormat = o.numberFormat;
    if (o.rounding) settings.rounding = o.rounding;
    if (o.dictionary) settings.dictionary = [...(settings.dictionary ?? []), ...o.dictionary];
    if (o.registry) registryFiles.push(...o.registry);
  }
  return { rules, settings, registryFiles };
}

/** Glob match as ESLint does: a pattern without `/` matches the file name at any depth. */
export function matchGlob(glob: string, relPath: string): boolean {
  return picomatch(glob.replace(/^\.\//, ''), { dot: true, basename: !glob.includes('/') })(relPath);
}

export function settingsOf(config: Config): SettingsInput {
  const s: SettingsInput = {};
  if (config.locale) s.locale = config.locale;
  if (config.numberFormat) s.numberFormat = config.numberFormat;
  if (config.rounding) s.rounding = config.rounding;
  if (config.dictionary) s.dictionary = [...config.dictionary];
  return s;
}

/**
 * A JSON Schema for config files, generated from the zod schemas (the config's and each rule's
 * options), so editors complete and validate rule ids and options.
 */
export function configJsonSchema(all: Rule[]): Record<string, unknown> {
  const ruleProps: Record<string, z.ZodType> = {};
  for (const rule of [...all].sort((a, b) => a.id.localeCompare(b.id))) {
    ruleProps[rule.id] = z
      .union([severitySchema, z.tuple([severitySchema]), z.tuple([severitySchema, rule.options])])
      .describe(`${rule.meta.description.en} (default: ${rule.meta.defaultSeverity})`);
  }
  const rulesObject = z.object(ruleProps).partial().strict();
  const full = settingsSchema
    .extend({
      $schema: z.string().optional(),
      rules: rulesObject.optional().describe('Per rule: "off" | "info" | "warning" | "error" or [severity, options].'),
      ignorePatterns: z.array(z.string()).optional().describe('Globs, relative to the config file, of files never linted.'),
      overrides: z.array(overrideSchema.extend({ rules: rulesObject.optional() }).strict()).optional(),
    })
    .strict()
    .describe('reportlint configuration (reportlint.config.json or .reportlintrc.json)');
  const schema = z.toJSONSchema(full, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Record<string, unknown>;
  return { ...schema, title: 'reportlint configuration' };
}

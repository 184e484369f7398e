// Configuration: its schema (zod), and how it turns into the rule settings the engine runs.

import { z } from 'zod';
import type { Rule, Severity } from './types.js';
import type { RuleSetting, SettingsInput } from './run.js';

export const severitySchema = z.enum(['off', 'info', 'warning', 'error']);

export const ruleEntrySchema = z.union([severitySchema, z.tuple([severitySchema]), z.tuple([severitySchema, z.record(z.string(), z.unknown())])]);

export const settingsSchema = z.object({
  locale: z.enum(['vi', 'en', 'auto']).optional(),
  numberFormat: z.enum(['vi', 'en', 'auto']).optional(),
  rounding: z.enum(['round', 'truncate', 'any']).optional(),
  dictionary: z.array(z.string()).optional(),
});

export const configSchema = settingsSchema
  .extend({
    $schema: z.string().optional(),
    rules: z.record(z.string(), ruleEntrySchema).optional(),
    ignorePatterns: z.array(z.string()).optional(),
    overrides: z
      .array(
        settingsSchema.extend({
          files: z.union([z.string(), z.array(z.string())]),
          rules: z.record(z.string(), ruleEntrySchema).optional(),
        }).strict(),
      )
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type RuleEntry = z.infer<typeof ruleEntrySchema>;

export class ConfigError extends Error {}

/** Rule settings from a rule-entry map; unknown rule ids and bad options throw ConfigError. */
export function resolveRules(all: Rule[], entries: Record<string, RuleEntry> = {}, only?: string[], where = 'config'): RuleSetting[] {
  const byId = new Map(all.map((r) => [r.id, r]));
  for (const id of Object.keys(entries)) {
    if (!byId.has(id)) throw new ConfigError(`${where}: rules.${id}: unknown rule '${id}' (see reportlint --list-rules)`);
  }
  for (const id of only ?? []) {
    if (!byId.has(id)) throw new ConfigError(`--rule ${id}: unknown rule '${id}' (see reportlint --list-rules)`);
  }
  const out: RuleSetting[] = [];
  for (const rule of all) {
    if (only && only.length && !only.includes(rule.id)) continue;
    const entry = entries[rule.id];
    const sev = entry === undefined ? rule.meta.defaultSeverity : Array.isArray(entry) ? entry[0] : entry;
    if (sev === 'off') continue;
    const raw = Array.isArray(entry) && entry.length > 1 ? entry[1] : {};
    const parsed = rule.options.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = [rule.id, 1, ...issue.path].join('.');
      throw new ConfigError(`${where}: rules.${path}: ${issue.message}`);
    }
    out.push({ rule, severity: sev as Severity, options: parsed.data });
  }
  return out;
}

export function settingsOf(config: Config): SettingsInput {
  return { locale: config.locale, numberFormat: config.numberFormat, rounding: config.rounding, dictionary: config.dictionary };
}

// The published JSON Schema (schema/reportlint.schema.json) is current, and it accepts and
// rejects what the config loader does.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/engine/config.js';
import { rules } from '../../src/rules/index.js';

const SCHEMA_PATH = resolve(__dirname, '../../schema/reportlint.schema.json');
const committed = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;

describe('schema/reportlint.schema.json', () => {
  it('is current (run `npm run schema` after adding a rule or an option)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(configJsonSchema(rules))));
  });

  it('validates configs as the loader does', () => {
    const validate = new Ajv({ strict: false }).compile(committed);
    const ok = {
      $schema: './node_modules/reportlint/schema/reportlint.schema.json',
      locale: 'vi',
      numberFormat: 'vi',
      rules: { 'broken-paragraph': ['warning', {}] },
      ignorePatterns: ['old/**'],
      overrides: [{ files: ['*.md'], rules: { 'broken-paragraph': 'off' } }],
    };
    expect(validate(ok)).toBe(true);
    expect(validate({ rules: { 'no-such-rule': 'error' } })).toBe(false);
    expect(validate({ rules: { 'broken-paragraph': 'loud' } })).toBe(false);
    expect(validate({ rules: { 'broken-paragraph': ['error', { nope: 1 }] } })).toBe(false);
    expect(validate({ locale: 'fr' })).toBe(false);
    expect(validate({ overrides: [{ rules: {} }] })).toBe(false);
  });

});

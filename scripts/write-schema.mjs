// Writes schema/reportlint.schema.json, the JSON Schema of config files (and schema/registry.schema.json, of registry files), from the zod schemas
// (the config's and every rule's options). Run by `npm run schema` after a build;
// tests/config/schema.test.ts fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchema, registryJsonSchema } from '../dist/engine/config.js';
import { rules } from '../dist/rules/index.js';

const out = fileURLToPath(new URL('../schema/reportlint.schema.json', import.meta.url));
writeFileSync(out, JSON.stringify(configJsonSchema(rules), null, 2) + '\n');
process.stdout.write(`wrote ${out} (${rules.length} rules)\n`);
const reg = fileURLToPath(new URL('../schema/registry.schema.json', import.meta.url));
writeFileSync(reg, JSON.stringify(registryJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${reg}\n`);

// The engine stays bundleable for the browser page: src/parse, src/facts, src/rules, src/engine,
// src/format, src/i18n, src/data and src/web import nothing from Node (node:*, or a bare built-in
// name) and nothing from the front ends (src/cli, src/lsp), statically or dynamically. File
// access lives in the CLI and the LSP server only. (scripts/build-web.mjs bundles with
// platform 'browser' as well, so a Node import reached from the page also fails the build.)

import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';

const CORE = ['parse', 'facts', 'rules', 'engine', 'format', 'i18n', 'data', 'web', 'version.ts', 'index.ts'];
const files = fg.sync(CORE.map((d) => (d.endsWith('.ts') ? `src/${d}` : `src/${d}/**/*.ts`))).sort();
const BUILTIN = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));
const IMPORT = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

export function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('import boundary', () => {
  it('finds the core files and reads their imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(importsOf("import a from 'node:fs';\nconst x = await import('node:path');\nexport { y } from '../cli/main.js';")).toEqual(['node:fs', 'node:path', '../cli/main.js']);
  });
  for (const f of files) {
    it(f, () => {
      const bad = importsOf(readFileSync(f, 'utf8')).filter((s) => s.startsWith('node:') || BUILTIN.has(s) || /(^|\/)(cli|lsp)\//.test(s));
      expect(bad, `${f} imports Node or a front end`).toEqual([]);
    });
  }
});

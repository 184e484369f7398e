// Which files to lint: paths as given, directories walked for the formats we read, globs.

import { stat } from 'node:fs/promises';
import { EXTENSIONS } from '../parse/index.js';

export interface Expanded {
  files: string[];
  missing: string[];
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

export function extensionGlob(): string {
  const exts = Object.keys(EXTENSIONS).map((e) => e.slice(1));
  return `**/*.{${exts.join(',')}}`;
}

// fast-glob costs ~30 ms to load: only load it when a directory or a glob is given.
type FastGlob = typeof import('fast-glob');
let fgLoaded: FastGlob | undefined;
async function fastGlob(): Promise<FastGlob> {
  fgLoaded ??= ((await import('fast-glob')) as unknown as { default: FastGlob }).default;
  return fgLoaded;
}

const GLOB_CHARS = /[*?[\]{}()!]/;

export async function expandPatterns(patterns: string[], cwd: string): Promise<Expanded> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (f: string): void => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const pattern of patterns) {
    let st;
    try {
      st = await stat(pattern);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const fg = await fastGlob();
      const base = pattern.replace(/[\\/]+$/, '');
      const found = await fg(extensionGlob(), { cwd: base, ignore: IGNORE, dot: false, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true });
      for (const f of found.sort()) add(`${base}/${f}`);
    } else if (st) {
      add(pattern);
    } else if (GLOB_CHARS.test(pattern)) {
      const fg = await fastGlob();
      const found = await fg(pattern, { cwd, ignore: IGNORE, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true });
      if (found.length === 0) missing.push(pattern);
      for (const f of found.sort()) add(f);
    } else {
      missing.push(pattern);
    }
  }
  return { files, missing };
}

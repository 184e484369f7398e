// Which files to lint: paths as given, directories walked, globs. A walked directory yields every
// file in it (hidden files and folders, node_modules and .git aside): the formats reportlint
// reads become `files`, every other file becomes `others`, so no file found is passed over in
// silence (the CLI reports each, or counts it as skipped when its type is --skip'ped).

import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CONVERTED_EXTENSIONS, EXTENSIONS } from '../parse/index.js';

export interface Expanded {
  files: string[];
  missing: string[];
  /** Files found in walked directories that are not in a format reportlint reads. */
  others: string[];
}

/** reportlint's own files, never reports: configs, the default cache. */
const OWN_FILES = new Set(['reportlint.config.json', '.reportlintrc.json', '.reportlintcache']);

/** `.docx`, `.png`, `` (no extension), lower case. */
export function extensionOf(path: string): string {
  return /\.[^./\\]+$/.exec(basename(path).toLowerCase())?.[0] ?? '';
}

/** A file whose name says it is in a format reportlint reads (natively or through LibreOffice). */
export function readableByName(path: string): boolean {
  const ext = extensionOf(path);
  return ext in EXTENSIONS || ext in CONVERTED_EXTENSIONS;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

export function extensionGlob(): string {
  const exts = [...Object.keys(EXTENSIONS), ...Object.keys(CONVERTED_EXTENSIONS)].map((e) => e.slice(1));
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
  const others: string[] = [];
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
      const found = await fg('**/*', { cwd: base, ignore: IGNORE, dot: false, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true });
      for (const f of found.sort()) {
        const path = `${base}/${f}`;
        if (OWN_FILES.has(basename(f))) continue;
        if (readableByName(f)) add(path);
        else if (!seen.has(path)) {
          seen.add(path);
          others.push(path);
        }
      }
    } else if (st) {
      add(pattern);
    } else if (GLOB_CHARS.test(pattern)) {
      const fg = await fastGlob();
      const found = await fg(pattern, { cwd, ignore: IGNORE, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true });
      if (found.length === 0) missing.push(pattern);
      for (const f of found.sort()) {
        if (readableByName(f)) add(f);
        else if (!seen.has(f) && !OWN_FILES.has(basename(f))) {
          seen.add(f);
          others.push(f);
        }
      }
    } else {
      missing.push(pattern);
    }
  }
  return { files, missing, others };
}

// `.reportlintignore`: paths never to lint, in gitignore syntax (the `ignore` package, as ESLint
// and textlint read theirs). Read from the working directory, or the file named by
// --ignore-path; patterns are relative to the ignore file's folder. --no-ignore turns it off,
// together with the config's ignorePatterns.

import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from './io.js';

export const IGNORE_FILE = '.reportlintignore';

export interface IgnoreFile {
  /** As given or found, for messages. */
  path: string;
  ignores(file: string): boolean;
}

/** The ignore file that applies, if any. A missing --ignore-path is a usage error. */
export function loadIgnoreFile(cwd: string, ignorePath: string | undefined): IgnoreFile | undefined {
  const path = ignorePath ?? IGNORE_FILE;
  const abs = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    if (ignorePath === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw UsageError.of('ignorePathMissing', { file: path });
  }
  const matcher: Ignore = ignore().add(text.replace(/^\uFEFF/, ''));
  const base = dirname(abs);
  return {
    path,
    ignores(file: string): boolean {
      const rel = relative(base, resolve(cwd, file));
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false; // outside the ignore file's folder
      return matcher.ignores(rel.split(sep).join('/'));
    },
  };
}

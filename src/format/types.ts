// What every formatter receives.

import type { FileResult, Lang, Rule } from '../engine/types.js';
import type { FormatEnv } from './env.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  cwd: string;
  rules: Rule[];
  /** reportlint version, for machine formats. */
  version: string;
  /** Original texts by path, for formats that show the report (html). */
  sources?: Map<string, string>;
  /** Paths, URLs and rule pages from the front end (formatters do no I/O); default: paths as given. */
  env?: FormatEnv;
  /** Files found and left out on purpose (--skip, ignorePatterns): counted in summaries. */
  skipped?: string[];
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;

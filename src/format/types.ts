// What every formatter receives.

import type { FileResult, Lang, Rule } from '../engine/types.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  cwd: string;
  rules: Rule[];
  /** reportlint version, for machine formats. */
  version: string;
  /** Original texts by path, for formats that show the report (html). */
  sources?: Map<string, string>;
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;

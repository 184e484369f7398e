// `reportlint --explain <rule-id>`: prints the rule's documentation page (docs/rules/<id>.md,
// shipped in the package) so the reason for a finding is one command away.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../engine/types.js';
import { cliText } from '../i18n/cli.js';
import { findRule } from '../rules/index.js';

/** docs/rules/ of the package (from dist/cli/ or src/cli/). */
export const RULE_DOCS_DIR = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

export interface ExplainIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Prints the page; returns the exit code (2 for an unknown rule or a missing page). */
export function explainRule(id: string, io: ExplainIo, lang: Lang = 'en'): number {
  if (!findRule(id)) {
    io.stderr(`reportlint: ${cliText('unknownRule', lang, { id })}\n`);
    return 2;
  }
  let page: string;
  try {
    page = readFileSync(`${RULE_DOCS_DIR}${id}.md`, 'utf8');
  } catch {
    io.stderr(`reportlint: ${cliText('noRulePage', lang, { id })}\n`);
    return 2;
  }
  io.stdout(page.endsWith('\n') ? page : page + '\n');
  return 0;
}

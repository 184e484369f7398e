// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per
// finding, which the runner turns into annotations on the pull request. Escaping follows the
// runner's rules: `%`, CR and LF in the message; also `:` and `,` in properties. Before that,
// every field goes through escapeTerminal (src/format/escape.ts), so a control character from a
// document or a file name reaches the log as an escape (line breaks are %-encoded as the runner
// expects and shown inside the annotation).

import type { Severity } from '../engine/types.js';
import type { Formatter } from './types.js';
import { plainEnv, type FormatEnv } from './env.js';
import { escapeTerminal } from './escape.js';

/** Control characters shown escaped; line breaks kept for escapeData to encode. */
const t = (v: unknown): string => escapeTerminal(v, true);

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Annotations need the path relative to the workspace (the job's working directory). */
function filePath(path: string, env: FormatEnv): string {
  return env.relative(path) ?? path;
}

function command(name: string, props: Array<[string, string | number]>, message: string): string {
  const p = props.map(([k, v]) => `${k}=${escapeProperty(t(v))}`).join(',');
  return `::${name} ${p}::${escapeData(message)}`;
}

const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = filePath(r.path, ctx.env ?? plainEnv(ctx.cwd));
    if (r.fatal) lines.push(command('error', [['file', file], ['title', 'reportlint']], t(r.fatal)));
    for (const e of r.internalErrors ?? []) lines.push(command('error', [['file', file], ['title', `reportlint (${e.ruleId})`]], `internal error: ${t(e.message)}`));
    for (const f of r.findings) {
      const props: Array<[string, string | number]> = [
        ['file', file],
        ['line', f.line],
        ['col', f.column],
        ['endLine', f.endLine],
        ['endColumn', f.endColumn],
        ['title', `reportlint (${f.ruleId})`],
      ];
      const related = f.related.map((rel) => `\n↳ ${t(rel.line)}:${t(rel.column)} ${t(rel.message)}`).join('');
      lines.push(command(COMMAND[f.severity] ?? 'error', props, t(f.message) + related));
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
export default github;

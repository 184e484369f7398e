// The JSON contract (version 1): stable field names other tools and our tests rely on.

import type { FileResult, Finding } from '../engine/types.js';
import type { Formatter } from './types.js';

export function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    messageId: f.messageId,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(f.extras ?? {}),
    related: f.related.map((r) => ({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message, ...(r.extras ?? {}) })),
    data: f.data,
  };
  if (f.fix) out.fix = f.fix;
  if (f.suggestions) out.suggestions = f.suggestions;
  return out;
}

export function fileJson(r: FileResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    path: r.path,
    format: r.format,
    findings: r.findings.map(findingJson),
    checked: r.checked,
    ...(r.unpaired ? { unpaired: r.unpaired } : {}),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
  };
  if (r.fatal) out.fatal = r.fatal;
  if (r.internalErrors) out.internalErrors = r.internalErrors;
  return out;
}

const json: Formatter = (results) => JSON.stringify({ version: 1, files: results.map(fileJson) }, null, 2) + '\n';
export default json;

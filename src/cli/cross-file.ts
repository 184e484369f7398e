// --cross-file, the CLI's part: the citation summaries every file's lint left (in this process,
// from the workers or from the cache) compared across the run (src/facts/citations-cross.ts), and
// the reports worded with citation-mismatch's messages in each file's language and added to its
// findings, at citation-mismatch's severity for that file (none where the rule is off there; its
// citations still count as evidence). Inline directives and the baseline do not see them: they
// are about the run, not one text.

import { relative, resolve } from 'node:path';
import { countFindings } from '../engine/run.js';
import type { FileResult, Finding, Lang, Severity } from '../engine/types.js';
import { crossFileReports, type CitedDocument, type CrossFile } from '../facts/citations-cross.js';
import { render } from '../i18n/format.js';
import citationMismatch from '../rules/citation-mismatch.js';
import type { FileConfig } from './config.js';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface CrossInput {
  result: FileResult;
  cited: CitedDocument[];
  lang: Lang;
  fc?: FileConfig;
}

export function addCrossFileFindings(inputs: CrossInput[], cwd: string): void {
  if (inputs.length < 2) return;
  const files: CrossFile[] = inputs.map((x) => ({ shown: relative(cwd, resolve(cwd, x.result.path)) || x.result.path, docs: x.cited }));
  const { messages } = citationMismatch;
  for (const [i, reports] of crossFileReports(files)) {
    const { result, lang, fc } = inputs[i];
    const configured = fc?.rules.find((r) => r.rule.id === citationMismatch.id)?.severity;
    if (!configured) continue;
    for (const r of reports) {
      const severity = r.severity && RANK[r.severity] > RANK[configured] ? r.severity : configured;
      const finding: Finding = {
        ruleId: citationMismatch.id, severity, messageId: r.messageId, message: render(messages[r.messageId], lang, r.data),
        line: r.at.line, column: r.at.column, endLine: r.at.endLine, endColumn: r.at.endColumn, span: r.at.span, offset: r.at.offset, endOffset: r.at.endOffset,
        related: r.related.map((x) => ({
          line: x.at.line, column: x.at.column, endLine: x.at.endLine, endColumn: x.at.endColumn,
          message: render(messages.citedInFile, lang, { form: x.form, file: files[x.file].shown }),
          extras: { path: files[x.file].shown },
        })),
        data: r.data,
      };
      result.findings.push(finding);
    }
    result.findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
    countFindings(result);
  }
}

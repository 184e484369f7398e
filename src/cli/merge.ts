// `reportlint merge a.json b.json ...`: joins the JSON outputs of sharded runs into one result,
// which any formatter can print. Merged JSON is identical to the JSON of one run over all files.

import { readFile } from 'node:fs/promises';
import type { FileResult, Finding, RelatedLocation, Severity } from '../engine/types.js';

const FINDING_KEYS = new Set(['ruleId', 'severity', 'message', 'messageId', 'line', 'column', 'endLine', 'endColumn', 'related', 'data', 'fix', 'suggestions']);
const RELATED_KEYS = new Set(['line', 'column', 'endLine', 'endColumn', 'message']);

type Json = Record<string, unknown>;

function extrasOf(o: Json, known: Set<string>): Record<string, string | number> | undefined {
  const extras: Record<string, string | number> = {};
  let any = false;
  for (const [k, v] of Object.entries(o)) {
    if (!known.has(k) && (typeof v === 'string' || typeof v === 'number')) {
      extras[k] = v;
      any = true;
    }
  }
  return any ? extras : undefined;
}

function findingFrom(o: Json): Finding {
  const f: Finding = {
    ruleId: String(o.ruleId),
    severity: o.severity as Severity,
    messageId: String(o.messageId ?? ''),
    message: String(o.message),
    line: Number(o.line),
    column: Number(o.column),
    endLine: Number(o.endLine),
    endColumn: Number(o.endColumn),
    span: { start: 0, end: 0 },
    offset: 0,
    endOffset: 0,
    related: ((o.related as Json[]) ?? []).map((r): RelatedLocation => {
      const rel: RelatedLocation = { line: Number(r.line), column: Number(r.column), endLine: Number(r.endLine), endColumn: Number(r.endColumn), message: String(r.message) };
      const ex = extrasOf(r, RELATED_KEYS);
      if (ex) rel.extras = ex;
      return rel;
    }),
    data: (o.data as Finding['data']) ?? {},
  };
  const ex = extrasOf(o, FINDING_KEYS);
  if (ex) f.extras = ex;
  if (o.fix) f.fix = o.fix as Finding['fix'];
  if (o.suggestions) f.suggestions = o.suggestions as Finding['suggestions'];
  return f;
}

export function resultsFromJson(text: string, source = 'input'): FileResult[] {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (e) {
    throw new Error(`${source}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (data.version !== 1 || !Array.isArray(data.files)) throw new Error(`${source}: not a reportlint JSON output (version 1)`);
  return (data.files as Json[]).map((file) => {
    const r: FileResult = {
      path: String(file.path),
      format: String(file.format),
      findings: ((file.findings as Json[]) ?? []).map(findingFrom),
      checked: (file.checked as Record<string, number>) ?? {},
      errorCount: Number(file.errorCount ?? 0),
      warningCount: Number(file.warningCount ?? 0),
      infoCount: Number(file.infoCount ?? 0),
    };
    if (file.unpaired && typeof file.unpaired === 'object') r.unpaired = file.unpaired as Record<string, number>;
    if (file.fatal) r.fatal = String(file.fatal);
    if (file.internalErrors) r.internalErrors = file.internalErrors as FileResult['internalErrors'];
    return r;
  });
}

export async function mergeFiles(paths: string[]): Promise<FileResult[]> {
  const all: FileResult[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    for (const r of resultsFromJson(await readFile(p, 'utf8'), p)) {
      if (seen.has(r.path)) throw new Error(`${p}: ${r.path} appears in more than one input`);
      seen.add(r.path);
      all.push(r);
    }
  }
  return all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

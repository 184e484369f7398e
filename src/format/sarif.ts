// SARIF 2.1.0, what GitHub code scanning and other CI dashboards read: one run with the rules'
// metadata, results with regions in 1-based UTF-16 columns, related locations, fixes and a
// partial fingerprint that survives edits elsewhere in the file.

import type { FileResult, Finding, ResolvedFix, Severity } from '../engine/types.js';
import { SourceIndex } from '../parse/source.js';
import { fingerprint } from '../engine/fingerprint.js';
import { sha256Hex } from '../engine/sha256.js';
import { plainEnv, type FormatEnv } from './env.js';
import type { FormatContext, Formatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A path as a URI reference: relative to the working directory when inside it, else a file URI. */
export function artifactLocation(path: string, env: FormatEnv): ArtifactLocation {
  const rel = env.relative(path);
  if (rel) return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return { uri: env.fileUrl(path) };
}

/**
 * Stable identity of each finding: the baseline's fingerprint (rule id and the normalised text of
 * the span and its neighbourhood on its line, no line numbers, so inserting text above changes
 * nothing), then `:n`, the ordinal among findings with the same fingerprint in the file, so
 * identical passages stay apart. Without the source, the finding's data (its evidence) stands
 * in for the text.
 */
export function fingerprints(result: FileResult, source: string | undefined): string[] {
  const seen = new Map<string, number>();
  return result.findings.map((f) => {
    let print: string;
    if (source !== undefined) print = fingerprint({ original: source }, f);
    else {
      const data = Object.keys(f.data).sort().map((k) => `${k}=${f.data[k]}`);
      print = sha256Hex([f.ruleId, f.messageId, ...data].join('\u0000')).slice(0, 32);
    }
    const n = seen.get(print) ?? 0;
    seen.set(print, n + 1);
    return `${print}:${n}`;
  });
}

function region(f: { line: number; column: number; endLine: number; endColumn: number }): Record<string, number> {
  return { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
}

function fixOf(fix: ResolvedFix, artifact: ArtifactLocation, index: SourceIndex | undefined): Record<string, unknown> {
  const replacements = fix.edits.map((e) => {
    let deletedRegion: Record<string, number>;
    if (index) {
      const a = index.locate(e.offset);
      const b = index.locate(e.endOffset);
      deletedRegion = { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
    } else {
      deletedRegion = { charOffset: e.offset, charLength: e.endOffset - e.offset };
    }
    return { deletedRegion, insertedContent: { text: e.text } };
  });
  return {
    description: { text: fix.title || 'Apply the fix' },
    artifactChanges: [{ artifactLocation: artifact, replacements }],
    properties: { applicability: fix.applicability },
  };
}

function result(f: Finding, ruleIndex: number, artifact: ArtifactLocation, fingerprint: string, index: SourceIndex | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifact, region: region(f) } }],
    partialFingerprints: { 'reportlintFingerprint/v1': fingerprint },
  };
  if (ruleIndex >= 0) out.ruleIndex = ruleIndex;
  if (f.related.length) {
    out.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: artifact, region: region(r) },
      message: { text: r.message },
    }));
  }
  // Fixes on .docx/.pdf text ('display') cannot be applied to the file: not offered.
  const fixes = [f.fix, ...(f.suggestions ?? [])].filter((x): x is ResolvedFix => !!x && x.applicability !== 'display');
  if (fixes.length) out.fixes = fixes.map((x) => fixOf(x, artifact, index));
  const props: Record<string, unknown> = { messageId: f.messageId };
  if (Object.keys(f.data).length) props.data = f.data;
  if (f.extras) props.location = f.extras;
  out.properties = props;
  return out;
}

const sarif: Formatter = (results: FileResult[], ctx: FormatContext) => {
  const env = ctx.env ?? plainEnv(ctx.cwd);
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const rules = ctx.rules.map((r) => {
    const docs = env.ruleDoc(r.id);
    const desc: Record<string, unknown> = {
      id: r.id,
      name: r.id,
      shortDescription: { text: r.meta.description[ctx.lang] },
      fullDescription: { text: `${r.meta.description[ctx.lang]} (${r.meta.description[ctx.lang === 'vi' ? 'en' : 'vi']})` },
      defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
      properties: { category: r.meta.category, fixable: r.meta.fixable, tags: [r.meta.category] },
    };
    if (docs) {
      // The docs page travels with the log: code scanning shows `help.markdown` next to the alert.
      desc.helpUri = docs.url;
      desc.help = { text: docs.markdown, markdown: docs.markdown };
    }
    return desc;
  });

  const artifacts: Array<Record<string, unknown>> = [];
  const out: Array<Record<string, unknown>> = [];
  const notifications: Array<Record<string, unknown>> = [];
  for (const r of results) {
    const artifact = artifactLocation(r.path, env);
    const artifactIndex = artifacts.length;
    artifacts.push({ location: artifact, ...(r.format !== 'unknown' ? { properties: { format: r.format } } : {}) });
    const withIndex = { ...artifact, index: artifactIndex };
    if (r.fatal) {
      notifications.push({ level: 'error', message: { text: `${r.path}: ${r.fatal}` }, locations: [{ physicalLocation: { artifactLocation: withIndex } }] });
    }
    for (const e of r.internalErrors ?? []) {
      notifications.push({
        level: 'error',
        message: { text: `${r.path}: internal error in rule ${e.ruleId}: ${e.message}` },
        associatedRule: { id: e.ruleId, ...(ruleIndex.has(e.ruleId) ? { index: ruleIndex.get(e.ruleId) } : {}) },
        locations: [{ physicalLocation: { artifactLocation: withIndex } }],
      });
    }
    const source = ctx.sources?.get(r.path);
    const index = source !== undefined ? new SourceIndex(source) : undefined;
    const prints = fingerprints(r, source);
    r.findings.forEach((f, i) => out.push(result(f, ruleIndex.get(f.ruleId) ?? -1, withIndex, prints[i], index)));
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'reportlint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: env.homeUrl,
            rules,
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: env.fileUrl(ctx.cwd).replace(/\/?$/, '/') } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
export default sarif;

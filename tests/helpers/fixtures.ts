// The fixture harness. A fixture is a file; its expectations are written in it or beside it:
// - inline markers `{{rule-id/messageId severity: exact text}}` mark the exact span, message id
//   and severity of an expected finding, e.g. `{{sum-mismatch/mismatch error: 107.003 triệu đồng}}`;
//   the harness strips them before linting, so the rule reads the text without them;
// - or sidecars `<file>.expected.json` and `<file>.expected.<name>.json`:
//   { "rules"?: [ids], "findings": [{ ruleId, messageId, severity, line, column? }] } — each is
//   checked on its own, against the findings of its listed rules (all rules when "rules" is absent).
// A marker or sidecar entry without a message id or severity, or naming an unknown rule, message
// id or severity, fails loudly.
// A file in fixtures/<rule-id>/ is checked against that rule's findings (plus any rule named in
// a marker); `valid-*` files have no markers and must produce no finding from that rule.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SourceIndex } from '../../src/parse/source.js';
import { rules } from '../../src/rules/index.js';
import type { Severity } from '../../src/engine/types.js';

export interface Expected {
  ruleId: string;
  messageId: string;
  severity: Severity;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface Fixture {
  /** The fixture's name in test output (the sidecar when there is one). */
  path: string;
  /** The text file linted. */
  file: string;
  text: string;
  /** Rules whose findings are compared. Empty = all rules. */
  rules: string[];
  expected: Expected[];
}

const MARKER = /\{\{([^{}:]*): ([^]*?)\}\}/g;
const HEAD = /^([a-z0-9-]+)\/([A-Za-z0-9_]+) (error|warning|info)$/;
const SEVERITIES = new Set(['error', 'warning', 'info']);

export interface Mark {
  ruleId: string;
  messageId: string;
  severity: Severity;
  start: number;
  end: number;
}

/** Strips `{{rule/messageId severity: text}}` markers; throws on a marker of another shape. */
export function stripMarkers(raw: string, where = 'text'): { text: string; marks: Mark[] } {
  let text = '';
  let last = 0;
  const marks: Mark[] = [];
  for (const m of raw.matchAll(MARKER)) {
    const head = HEAD.exec(m[1]);
    if (!head) throw new Error(`${where}: marker '{{${m[1]}: …}}' must read {{rule-id/messageId severity: text}}`);
    text += raw.slice(last, m.index);
    const start = text.length;
    text += m[2];
    marks.push({ ruleId: head[1], messageId: head[2], severity: head[3] as Severity, start, end: text.length });
    last = m.index! + m[0].length;
  }
  text += raw.slice(last);
  return { text, marks };
}

function checkKnown(where: string, e: { ruleId: string; messageId?: string; severity?: string }): void {
  const rule = rules.find((r) => r.id === e.ruleId);
  if (!rule) throw new Error(`${where}: unknown rule id '${e.ruleId}'`);
  if (!e.messageId || !(e.messageId in rule.messages)) throw new Error(`${where}: rule '${e.ruleId}' has no message id '${e.messageId}'`);
  if (!e.severity || !SEVERITIES.has(e.severity)) throw new Error(`${where}: '${e.ruleId}/${e.messageId}' needs a severity (error, warning or info), got '${e.severity}'`);
}

export function sidecarsOf(path: string): string[] {
  const dir = dirname(path);
  const base = basename(path);
  return readdirSync(dir)
    .filter((f) => f === `${base}.expected.json` || (f.startsWith(`${base}.expected.`) && f.endsWith('.json')))
    .sort()
    .map((f) => join(dir, f));
}

/** One fixture per sidecar, or one from inline markers. */
export function loadFixtures(path: string): Fixture[] {
  const raw = readFileSync(path, 'utf8');
  const known = new Set(rules.map((r) => r.id));
  const sidecars = sidecarsOf(path);
  if (sidecars.length) {
    return sidecars.map((sidecar) => {
      const spec = JSON.parse(readFileSync(sidecar, 'utf8')) as { rules?: string[]; findings: Expected[] };
      for (const e of spec.findings) checkKnown(sidecar, e);
      for (const id of spec.rules ?? []) if (!known.has(id)) throw new Error(`${sidecar}: unknown rule id '${id}'`);
      return { path: sidecar, file: path, text: raw, rules: spec.rules ?? [], expected: spec.findings };
    });
  }
  return [loadFixture(path, raw)];
}

export function loadFixture(path: string, raw = readFileSync(path, 'utf8')): Fixture {
  const known = new Set(rules.map((r) => r.id));
  const { text, marks } = stripMarkers(raw, path);
  const dirRule = basename(dirname(path));
  const ruleSet = new Set<string>();
  if (known.has(dirRule)) ruleSet.add(dirRule);
  const index = new SourceIndex(text);
  const expected: Expected[] = marks.map((m) => {
    checkKnown(path, m);
    ruleSet.add(m.ruleId);
    const a = index.locate(m.start);
    const b = index.locate(m.end);
    return { ruleId: m.ruleId, messageId: m.messageId, severity: m.severity, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  });
  if (ruleSet.size === 0) throw new Error(`${path}: not under fixtures/<rule-id>/ and no markers or sidecar: nothing to check`);
  if (basename(path).startsWith('invalid-') && expected.length === 0) throw new Error(`${path}: an invalid-* fixture must mark at least one finding`);
  if (basename(path).startsWith('valid-') && expected.length > 0) throw new Error(`${path}: a valid-* fixture must not mark findings`);
  return { path, file: path, text, rules: [...ruleSet], expected };
}

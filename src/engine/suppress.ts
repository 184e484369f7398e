// Inline suppressions from `doc.comments`, as ESLint and markdownlint do them:
//   <!-- reportlint-disable-next-line rule-a, rule-b -- reason -->
//   <!-- reportlint-disable-line rule-a -->           (on the finding's own line)
//   <!-- reportlint-disable rule-a --> ... <!-- reportlint-enable rule-a -->   (no id = every rule)
// and, in Word files, a comment whose text is `reportlint-disable <rule-id> [reason]` silences that
// rule's findings inside the commented range. Directives that silence nothing can be reported
// (--report-unused-disable-directives), as can directives naming an unknown rule.
// Directives are matched as a person types them into Word or LibreOffice, whose autocorrect
// changes the text: any case ("Reportlint-disable Spelling"), non-breaking and other Unicode
// spaces, typographic hyphens and dashes (`--` becomes `–`), smart quotes around rule ids, a
// full stop at the end.

import { isTextFormat, type Document } from '../parse/document.js';
import { render } from '../i18n/format.js';
import type { FileResult, Finding, Lang, MessageData, MessageText, Severity } from './types.js';
import { countFindings } from './run.js';

/** The pseudo rule id of findings about directives themselves. */
export const DIRECTIVE_RULE_ID = 'unused-disable-directive';

export const DIRECTIVE_MESSAGES: Record<'unused' | 'unusedAll' | 'unknownRule', MessageText> = {
  unused: {
    en: "Unused reportlint-disable directive (no problem from '{ruleId}' was reported here).",
    vi: "Chỉ thị reportlint-disable không dùng đến (quy tắc '{ruleId}' không báo vấn đề nào ở đây).",
  },
  unusedAll: {
    en: 'Unused reportlint-disable directive (no problem was reported here).',
    vi: 'Chỉ thị reportlint-disable không dùng đến (không có vấn đề nào được báo ở đây).',
  },
  unknownRule: {
    en: "reportlint-disable directive names an unknown rule '{ruleId}'.",
    vi: "Chỉ thị reportlint-disable nêu một quy tắc không tồn tại: '{ruleId}'.",
  },
};

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-range';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty = every rule. */
  ruleIds: string[];
  reason?: string;
  /** The comment, in original-text offsets. */
  offset: number;
  endOffset: number;
  line: number;
  endLine: number;
}

const DIRECTIVE = /^reportlint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/i;

/**
 * The comment text as it was meant before autocorrect: Unicode spaces as spaces, invisible
 * characters dropped, hyphens that join words as `-`, a dash between spaces (Word's `--`) as `--`.
 */
export function normalizeDirectiveText(s: string): string {
  return s
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/(?<=\S)[\u2010\u2011\u2012\u2212](?=\S)/g, '-')
    .replace(/(?<=\p{L})[\u2013\u2014](?=\p{L})/gu, '-')
    .replace(/(^|\s)[\u2013\u2014\u2015](?=\s|$)/g, '$1--')
    .trim();
}

/** A rule id as typed: quotes and closing punctuation around it dropped, lower case. */
function cleanRuleId(s: string): string {
  return s.replace(/^["'“”‘’«»„‚(\[]+|["'“”‘’«»„‚)\].;:!?]+$/gu, '').toLowerCase();
}

/** Reads the directives of a document's comments, in text order. */
export function parseDirectives(doc: Document): Directive[] {
  const out: Directive[] = [];
  const wordComments = !isTextFormat(doc.format) && doc.format !== 'pdf'; // comments of Word, Writer and spreadsheets
  // Markdown code (fences) is in doc.ignored too: a directive shown inside code is an example, not a directive
  const isComment = new Set(doc.comments.map((c) => `${c.span.start}:${c.span.end}`));
  const code = doc.ignored.filter((s) => !isComment.has(`${s.start}:${s.end}`));
  for (const c of doc.comments) {
    if (code.some((s) => s.start <= c.span.start && c.span.end <= s.end)) continue;
    if (doc.format === 'markdown' && doc.text[c.span.start - 1] === '`') continue; // inline code
    const text = normalizeDirectiveText(c.text);
    const m = DIRECTIVE.exec(text);
    if (!m) continue;
    let kind = m[1].toLowerCase() as DirectiveKind;
    const rest = (m[2] ?? '').trim();
    let ids: string;
    let reason: string | undefined;
    const dashes = rest.search(/(^|\s)--(\s|$)/);
    if (dashes >= 0) {
      ids = rest.slice(0, dashes);
      reason = rest.slice(dashes).replace(/^\s*--\s*/, '').trim() || undefined;
    } else if (wordComments) {
      // Word: `reportlint-disable <rule-id> [reason]`
      const sp = rest.search(/\s/);
      ids = sp < 0 ? rest : rest.slice(0, sp);
      reason = sp < 0 ? undefined : rest.slice(sp).trim() || undefined;
    } else ids = rest;
    const ruleIds = ids.split(/[\s,;]+/).map(cleanRuleId).filter(Boolean);
    const offset = doc.norm.toOriginal(c.span.start);
    const endOffset = doc.norm.toOriginal(c.span.end);
    if (wordComments && kind === 'disable') kind = 'disable-range';
    out.push({
      kind,
      ruleIds,
      ...(reason ? { reason } : {}),
      offset,
      endOffset,
      line: doc.source.locate(offset).line,
      endLine: doc.source.locate(Math.max(offset, endOffset - 1)).line,
    });
  }
  return out;
}

export interface SuppressOptions {
  /** Rule ids that ran on this document: only their directives can be judged unused. */
  activeRules: ReadonlySet<string>;
  /** Every known rule id: a directive naming another id is reported when reporting unused ones. */
  knownRules: ReadonlySet<string>;
  /** Report directives that silenced nothing, with this severity; undefined = don't. */
  reportUnused?: Severity;
  lang: Lang;
}

interface Scope {
  directive: Directive;
  ruleId: string | undefined; // undefined = every rule
  /** Original offsets, half-open; or a line. */
  from?: number;
  to?: number;
  line?: number;
  used: boolean;
}

/**
 * Removes suppressed findings from `result` (in place, counts updated) and, when asked, adds
 * findings for unused directives. Returns the number of findings suppressed.
 */
export function applySuppressions(doc: Document, result: FileResult, opts: SuppressOptions): number {
  const directives = parseDirectives(doc);
  if (directives.length === 0) return 0;
  const scopes: Scope[] = [];
  const open = new Map<string | undefined, Scope[]>();
  const problems: Finding[] = [];
  const perRule = (d: Directive): Array<string | undefined> => (d.ruleIds.length ? d.ruleIds : [undefined]);

  for (const d of directives) {
    if (d.kind === 'enable') {
      // `enable` closes every open scope; `enable x` closes the scopes of x (not a disable-all).
      for (const [key, list] of open) {
        if (d.ruleIds.length && (key === undefined || !d.ruleIds.includes(key))) continue;
        for (const s of list) s.to = d.offset;
        open.delete(key);
      }
      continue;
    }
    for (const id of perRule(d)) {
      const s: Scope = { directive: d, ruleId: id, used: false };
      if (d.kind === 'disable') {
        s.from = d.endOffset;
        const list = open.get(id) ?? [];
        list.push(s);
        open.set(id, list);
      } else if (d.kind === 'disable-range') {
        s.from = d.offset;
        s.to = d.endOffset;
      } else s.line = d.kind === 'disable-line' ? d.line : d.endLine + 1;
      scopes.push(s);
    }
  }

  const suppressedBy = (f: Finding): Scope | undefined => {
    let hit: Scope | undefined;
    for (const s of scopes) {
      if (s.ruleId !== undefined && s.ruleId !== f.ruleId) continue;
      let inside: boolean;
      if (s.line !== undefined) inside = f.line === s.line;
      else if (s.directive.kind === 'disable-range') inside = f.offset >= s.from! && f.offset < Math.max(s.to!, s.from! + 1);
      else inside = f.offset >= s.from! && (s.to === undefined || f.offset < s.to);
      if (inside) {
        s.used = true;
        hit ??= s;
      }
    }
    return hit;
  };

  const before = result.findings.length;
  result.findings = result.findings.filter((f) => !suppressedBy(f));
  const suppressed = before - result.findings.length;

  if (opts.reportUnused) {
    for (const s of scopes) {
      if (s.used) continue;
      const unknown = s.ruleId !== undefined && !opts.knownRules.has(s.ruleId);
      if (!unknown && s.ruleId !== undefined && !opts.activeRules.has(s.ruleId)) continue;
      const messageId = unknown ? 'unknownRule' : s.ruleId === undefined ? 'unusedAll' : 'unused';
      problems.push(directiveFinding(doc, s.directive, messageId, s.ruleId, opts.reportUnused, opts.lang));
    }
  }
  if (problems.length) {
    result.findings.push(...problems);
    result.findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
  }
  countFindings(result);
  return suppressed;
}

function directiveFinding(doc: Document, d: Directive, messageId: keyof typeof DIRECTIVE_MESSAGES, ruleId: string | undefined, severity: Severity, lang: Lang): Finding {
  const a = doc.source.locate(d.offset);
  const b = doc.source.locate(d.endOffset);
  const data: MessageData = ruleId ? { ruleId } : {};
  return {
    ruleId: DIRECTIVE_RULE_ID,
    severity,
    messageId,
    message: render(DIRECTIVE_MESSAGES[messageId], lang, data),
    line: a.line,
    column: a.column,
    endLine: b.line,
    endColumn: b.column,
    span: { start: doc.norm.fromOriginal(d.offset), end: doc.norm.fromOriginal(d.endOffset) },
    offset: d.offset,
    endOffset: d.endOffset,
    related: [],
    data,
  };
}

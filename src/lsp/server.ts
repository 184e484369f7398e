// `reportlint --lsp`: a Language Server over stdio (vscode-languageserver). Publishes
// diagnostics for .txt/.md on open, change and save (and .docx, read from disk, on open and
// save), with quick fixes from rule fixes, a "disable for this line" action, and a fix-all
// source action. Loaded only with --lsp. Config and suppressions work as on the command line.

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import lsp from 'vscode-languageserver/node.js';
import type { CodeAction, CodeActionParams, Diagnostic, DiagnosticSeverity as Sev, InitializeParams, TextEdit } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError } from '../engine/config.js';
import type { FileResult, Finding, Lang, ResolvedFix, Severity } from '../engine/types.js';
import { langFromEnv } from '../i18n/format.js';
import { formatOf, parseBytes, parseText } from '../parse/index.js';
import type { Document } from '../parse/document.js';
import { rules } from '../rules/index.js';
import { ConfigResolver } from '../cli/config.js';
import { fixDocument } from '../cli/fix.js';
import { lintWithConfig } from '../engine/pipeline.js';
import { ruleDocsUrl, VERSION } from '../version.js';

const { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind, CodeActionKind, DiagnosticSeverity } = lsp;

const KNOWN: ReadonlySet<string> = new Set(rules.map((r) => r.id));
const FIX_ALL = 'source.fixAll.reportlint';
const SEVERITY: Record<Severity, Sev> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

interface Linted {
  version: number;
  findings: Finding[];
  /** Text the offsets refer to (the editor's text; for .docx none: no edits). */
  editable: boolean;
}

function pathOf(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri.replace(/^[a-z]+:/i, '');
}

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<number> {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  let lang: Lang = langFromEnv(process.env);

  connection.onInitialize((params: InitializeParams) => {
    const o = params.initializationOptions as { lang?: unknown } | undefined;
    if (o?.lang === 'vi' || o?.lang === 'en') lang = o.lang;
    else if (params.locale) lang = /^vi/i.test(params.locale) ? 'vi' : 'en';
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
      },
      serverInfo: { name: 'reportlint', version: VERSION },
    };
  });

  const isDocx = (uri: string): boolean => formatOf(pathOf(uri)) === 'docx';

  async function lintUri(uri: string): Promise<void> {
    const tdoc = documents.get(uri);
    if (!tdoc) return;
    const path = pathOf(uri);
    const version = tdoc.version;
    let doc: Document;
    try {
      doc = isDocx(uri) ? await parseBytes(await readFile(path), path) : parseText(tdoc.getText(), path);
    } catch (e) {
      publishProblem(uri, version, `reportlint: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    let result: FileResult;
    try {
      const fc = new ConfigResolver(rules, process.cwd()).resolve(path);
      if (fc.ignored) {
        linted.delete(uri);
        await connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return;
      }
      result = lintWithConfig(doc, fc, { lang, knownRules: KNOWN });
    } catch (e) {
      if (e instanceof ConfigError) {
        publishProblem(uri, version, `reportlint: ${e.message}`);
        return;
      }
      throw e;
    }
    if (documents.get(uri)?.version !== version) return; // changed meanwhile; a newer run follows
    linted.set(uri, { version, findings: result.findings, editable: !isDocx(uri) });
    const diagnostics = result.findings.map((f, index) => toDiagnostic(uri, f, index, version));
    for (const e of result.internalErrors ?? []) diagnostics.push(problem(`reportlint: internal error in rule ${e.ruleId}: ${e.message}`));
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function problem(message: string): Diagnostic {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'reportlint', message };
  }

  function publishProblem(uri: string, version: number, message: string): void {
    linted.delete(uri);
    void connection.sendDiagnostics({ uri, version, diagnostics: [problem(message)] });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        lintUri(uri).catch((e: unknown) => connection.console.error(`reportlint: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
      }, delay),
    );
  }

  // TextDocuments fires onDidChangeContent right after onDidOpen: lint at once on open, debounce edits.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri) || isDocx(e.document.uri)) return;
    schedule(e.document.uri, 150);
  });
  documents.onDidSave((e) => schedule(e.document.uri, 0));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    linted.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const uri = params.textDocument.uri;
    const tdoc = documents.get(uri);
    const entry = linted.get(uri);
    if (!tdoc || !entry || entry.version !== tdoc.version || !entry.editable) return [];
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const edits = (fix: ResolvedFix): TextEdit[] =>
      fix.edits.map((e) => ({ range: { start: tdoc.positionAt(e.offset), end: tdoc.positionAt(e.endOffset) }, newText: e.text }));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of params.context.diagnostics) {
        const data = d.data as { index?: number; version?: number } | undefined;
        const f = data?.index !== undefined && data.version === entry.version ? entry.findings[data.index] : undefined;
        if (!f || f.ruleId !== d.code) continue;
        for (const fix of [f.fix, ...(f.suggestions ?? [])]) {
          if (!fix || fix.applicability === 'display' || !fix.edits.length) continue;
          actions.push({
            title: fix.title || `Fix: ${f.ruleId}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: fix === f.fix && fix.applicability === 'safe',
            edit: { changes: { [uri]: edits(fix) } },
          });
        }
        if (formatOf(pathOf(uri)) !== 'docx') {
          const line = f.line - 1;
          const indent = /^[ \t]*/.exec(tdoc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))?.[0] ?? '';
          const eol = tdoc.getText().includes('\r\n') ? '\r\n' : '\n';
          actions.push({
            title: lang === 'vi' ? `Tắt ${f.ruleId} cho dòng này` : `Disable ${f.ruleId} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- reportlint-disable-next-line ${f.ruleId} -->${eol}` }] } },
          });
        }
      }
    }
    if (wants(FIX_ALL) && (only || entry.findings.some((f) => f.fix?.applicability === 'safe'))) {
      const action = fixAll(uri, tdoc);
      if (action) actions.push(action);
    }
    return actions;
  });

  function fixAll(uri: string, tdoc: TextDocument): CodeAction | undefined {
    const path = pathOf(uri);
    try {
      const fc = new ConfigResolver(rules, process.cwd()).resolve(path);
      const doc = parseText(tdoc.getText(), path);
      const { output } = fixDocument(doc, (d) => lintWithConfig(d, fc, { lang, knownRules: KNOWN }));
      if (output === doc.original) return undefined;
      return {
        title: lang === 'vi' ? 'Sửa mọi lỗi an toàn (reportlint)' : 'Fix all safe problems (reportlint)',
        kind: FIX_ALL,
        edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: tdoc.positionAt(tdoc.getText().length) }, newText: output }] } },
      };
    } catch {
      return undefined;
    }
  }

  documents.listen(connection);
  connection.listen();
  return new Promise((resolve) => {
    connection.onExit(() => resolve(0));
    connection.onShutdown(() => undefined);
  });
}

function toDiagnostic(uri: string, f: Finding, index: number, version: number): Diagnostic {
  const d: Diagnostic = {
    range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
    severity: SEVERITY[f.severity],
    source: 'reportlint',
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    message: f.message,
    data: { index, version },
  };
  if (f.related.length) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri, range: { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } } },
      message: r.message,
    }));
  }
  return d;
}

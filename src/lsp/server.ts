// `reportlint --lsp`: a Language Server over stdio (vscode-languageserver). Publishes
// diagnostics for .txt/.md on open, change and save (and .docx, read from disk, on open and
// save), with quick fixes from rule fixes, a "disable for this line" action, and a fix-all
// source action. Loaded only with --lsp. Config and suppressions work as on the command line.
// Edits are linted after a pause in typing (debounce), in a worker thread (lint-worker.ts) so the
// server keeps answering; a run whose text changed meanwhile is abandoned at the next rule, and
// a text already linted (undo, save) is answered from the last result. A malformed frame from the
// editor is skipped (frames.ts); the server exits when its input closes (code 1 unless a
// shutdown request came first, as the protocol says).

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import lsp from 'vscode-languageserver/node.js';
import type { CodeAction, CodeActionParams, Diagnostic, DiagnosticSeverity as Sev, InitializeParams, TextEdit } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Lang, ResolvedFix, Severity } from '../engine/types.js';
import { envLang } from '../i18n/format.js';
import { formatOf, parseText } from '../parse/index.js';
import { rules } from '../rules/index.js';
import { ConfigResolver } from '../cli/config.js';
import { fixDocument } from '../cli/fix.js';
import { lintWithConfig } from '../engine/pipeline.js';
import { ruleDocsUrl, VERSION } from '../version.js';
import { FrameReader } from './frames.js';
import type { LintJob, LintReply } from './lint-worker.js';

const { createConnection, ProposedFeatures, StreamMessageWriter, TextDocuments, TextDocumentSyncKind, CodeActionKind, DiagnosticSeverity } = lsp;

/** Pause in typing before an edit is linted (ms); `initializationOptions.debounceMs` changes it. */
export const DEBOUNCE_MS = 100;

const KNOWN: ReadonlySet<string> = new Set(rules.map((r) => r.id));
const FIX_ALL = 'source.fixAll.reportlint';
const SEVERITY: Record<Severity, Sev> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

interface Linted {
  version: number;
  findings: Finding[];
  /** Text the offsets refer to (the editor's text; for .docx none: no edits). */
  editable: boolean;
}

/** The last result per document, by its text: a text linted before (undo, save) is not linted again. */
interface LastRun {
  text: string;
  reply: LintReply;
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
  const reader = new FrameReader(input, (m) => process.stderr.write(`${m}\n`));
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const last = new Map<string, LastRun>();
  const timers = new Map<string, NodeJS.Timeout>();
  // initializationOptions.lang, else the client's locale, else the environment's, else each document's own
  let lang: Lang | 'auto' = envLang(process.env) ?? 'auto';
  let debounceMs = DEBOUNCE_MS;
  let shutdown = false;

  connection.onInitialize((params: InitializeParams) => {
    const o = params.initializationOptions as { lang?: unknown; debounceMs?: unknown } | undefined;
    if (o?.lang === 'vi' || o?.lang === 'en' || o?.lang === 'auto') lang = o.lang;
    else if (params.locale) lang = /^vi/i.test(params.locale) ? 'vi' : 'en';
    if (typeof o?.debounceMs === 'number' && o.debounceMs >= 0) debounceMs = o.debounceMs;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
      },
      serverInfo: { name: 'reportlint', version: VERSION },
    };
  });

  const isDocx = (uri: string): boolean => formatOf(pathOf(uri)) === 'docx';

  // One linting thread, one job at a time; the latest wanted version of each document waits in `pending`.
  const stale = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker | undefined;
  let running: LintJob | undefined;
  let nextId = 1;
  /** Documents to lint, each with whether an earlier result for the same text may answer (edits: yes; open and save: no, the config may have changed). */
  const pending = new Map<string, boolean>();
  const waiting = new Map<number, (r: LintReply) => void>();

  function startWorker(): Worker {
    const w = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: { reportlintLintWorker: true, stale: stale.buffer } });
    w.on('message', (r: LintReply) => {
      waiting.get(r.id)?.(r);
      waiting.delete(r.id);
    });
    w.on('error', (e) => {
      connection.console.error(`reportlint: ${e.stack ?? e.message}`);
      for (const [id, done] of waiting) done({ id, kind: 'problem', message: `reportlint: internal error: ${e.message}` });
      waiting.clear();
      worker = undefined;
    });
    w.unref();
    return w;
  }

  function runJob(job: LintJob): Promise<LintReply> {
    worker ??= startWorker();
    return new Promise((resolve) => {
      waiting.set(job.id, resolve);
      worker!.postMessage(job);
    });
  }

  function jobFor(uri: string): LintJob | undefined {
    const tdoc = documents.get(uri);
    if (!tdoc) return undefined;
    return { id: nextId++, uri, path: pathOf(uri), version: tdoc.version, text: isDocx(uri) ? undefined : tdoc.getText(), lang, cwd: process.cwd() };
  }

  /** Lints the documents waiting, one at a time, newest text each. */
  async function pump(): Promise<void> {
    if (running) return;
    for (const [uri, reuse] of pending) {
      pending.delete(uri);
      const job = jobFor(uri);
      if (!job) continue;
      const prev = last.get(uri);
      if (reuse && prev && job.text !== undefined && prev.text === job.text) {
        await publish(job, prev.reply);
        continue;
      }
      running = job;
      let reply: LintReply;
      try {
        reply = await runJob(job);
      } finally {
        running = undefined;
      }
      if (reply.kind === 'done' && job.text !== undefined) last.set(uri, { text: job.text, reply });
      await publish(job, reply);
      return pump();
    }
  }

  async function publish(job: LintJob, reply: LintReply): Promise<void> {
    const { uri, version } = job;
    if (reply.kind === 'cancelled' || documents.get(uri)?.version !== version) return; // a newer run follows
    if (reply.kind === 'problem') return publishProblem(uri, version, reply.message);
    if (reply.kind === 'ignored') {
      linted.delete(uri);
      await connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    linted.set(uri, { version, findings: reply.findings, editable: !isDocx(uri) });
    const diagnostics = reply.findings.map((f, index) => toDiagnostic(uri, f, index, version));
    for (const e of reply.internalErrors) diagnostics.push(problem(`reportlint: internal error in rule ${e.ruleId}: ${e.message}`));
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function lintSoon(uri: string, reuse: boolean): void {
    pending.set(uri, (pending.get(uri) ?? true) && reuse);
    // the run in progress is for an older text of this document: abandon it at its next rule
    if (running?.uri === uri) Atomics.store(stale, 0, running.id);
    void pump().catch((e: unknown) => connection.console.error(`reportlint: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  }

  function problem(message: string): Diagnostic {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'reportlint', message };
  }

  function publishProblem(uri: string, version: number, message: string): void {
    linted.delete(uri);
    void connection.sendDiagnostics({ uri, version, diagnostics: [problem(message)] });
  }

  function schedule(uri: string, delay: number, reuse = false): void {
    clearTimeout(timers.get(uri));
    // typing again makes the run in progress stale at once, not only after the pause
    if (running?.uri === uri) Atomics.store(stale, 0, running.id);
    if (delay === 0) {
      timers.delete(uri);
      lintSoon(uri, reuse);
      return;
    }
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        lintSoon(uri, reuse);
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
    schedule(e.document.uri, debounceMs, true);
  });
  documents.onDidSave((e) => schedule(e.document.uri, 0));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    pending.delete(e.document.uri);
    last.delete(e.document.uri);
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
            title: uiLang(uri) === 'vi' ? `Tắt ${f.ruleId} cho dòng này` : `Disable ${f.ruleId} for this line`,
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
        title: uiLang(uri) === 'vi' ? 'Sửa mọi lỗi an toàn (reportlint)' : 'Fix all safe problems (reportlint)',
        kind: FIX_ALL,
        edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: tdoc.positionAt(tdoc.getText().length) }, newText: output }] } },
      };
    } catch {
      return undefined;
    }
  }

  /** The language of the server's own titles: the one set, else the document's last messages'. */
  function uiLang(uri: string): Lang {
    if (lang !== 'auto') return lang;
    const r = last.get(uri)?.reply;
    return r?.kind === 'done' ? r.lang : 'en';
  }

  documents.listen(connection);
  connection.listen();
  return new Promise((resolve) => {
    const end = (code: number): void => {
      for (const t of timers.values()) clearTimeout(t);
      void worker?.terminate();
      resolve(code);
    };
    connection.onExit(() => end(shutdown ? 0 : 1));
    connection.onShutdown(() => {
      shutdown = true;
    });
    // the editor went away without `exit`: end too (the protocol's code: 1 unless shut down first)
    reader.onClose(() => {
      end(shutdown ? 0 : 1);
      if (input === process.stdin) process.exit(shutdown ? 0 : 1);
    });
    output.on('error', () => {
      end(1);
      if (output === process.stdout) process.exit(1);
    });
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

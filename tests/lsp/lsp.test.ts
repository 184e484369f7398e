// The language server as an editor uses it: initialize, initialized, didOpen, publishDiagnostics,
// codeAction (quick fix from the rule's fix), didChange, shutdown and exit.

import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LspClient } from './client.js';

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  codeDescription?: { href: string };
  source: string;
  message: string;
  relatedInformation?: Array<{ location: { range: { start: { line: number } } }; message: string }>;
}
interface TextEdit {
  range: Diagnostic['range'];
  newText: string;
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: { changes: Record<string, TextEdit[]> };
}

const TEXT = 'Đã triển khai kế hoạch, giám sát nhiệm vụ; trách\n\nnhiệm rõ ràng.\n';
/** Another paragraph split the same way (the same paragraph twice would be a duplicate-paragraph finding with a fix of its own). */
const TEXT2 = 'Đã kiểm tra, đôn đốc các đơn vị thực hiện; trách\n\nnhiệm được giao cụ thể.\n';

let client: LspClient | undefined;
afterEach(() => {
  client?.proc.kill();
  client = undefined;
});

async function start(dir: string): Promise<LspClient> {
  const c = new LspClient();
  const init = await c.request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: {},
    initializationOptions: { lang: 'en' },
  });
  expect(init.serverInfo.name).toBe('reportlint');
  expect(init.capabilities.codeActionProvider).toBeTruthy();
  c.notify('initialized', {});
  return c;
}

describe('reportlint --lsp', () => {
  it('publishes diagnostics on open and change, and offers the rule fix as a quick fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-lsp-'));
    writeFileSync(join(dir, 'reportlint.config.json'), JSON.stringify({ rules: { 'broken-paragraph': 'warning' } }));
    const uri = pathToFileURL(join(dir, 'report.txt')).href;
    client = await start(dir);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: TEXT } });
    const pub = (await client.diagnostics(uri, 1)).params as { diagnostics: Diagnostic[] };
    const broken = pub.diagnostics.filter((d) => d.code === 'broken-paragraph');
    expect(broken).toHaveLength(1);
    const d = broken[0];
    const col = TEXT.indexOf('trách');
    expect(d.range).toEqual({ start: { line: 0, character: col }, end: { line: 0, character: col + 'trách'.length } });
    expect(d.severity).toBe(2); // warning, from the config file
    expect(d.source).toBe('reportlint');
    expect(d.codeDescription).toEqual({ href: 'https://github.com/reportlint/reportlint/blob/main/docs/rules/broken-paragraph.md' });
    expect(d.relatedInformation?.[0].location.range.start.line).toBe(2);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const quick = actions.find((a) => a.isPreferred)!;
    expect(quick.title).toBe('Join the two paragraphs');
    expect(quick.kind).toBe('quickfix');
    expect(quick.edit.changes[uri]).toEqual([{ range: { start: { line: 0, character: TEXT.indexOf('\n') }, end: { line: 2, character: 0 } }, newText: ' ' }]);
    expect(actions.map((a) => a.title)).toContain('Disable broken-paragraph for this line');

    // apply the edit as the editor would; the diagnostic goes away
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: quick.edit.changes[uri][0].range, text: ' ' }],
    });
    const pub2 = (await client.diagnostics(uri, 2)).params as { diagnostics: Diagnostic[] };
    expect(pub2.diagnostics.filter((x) => x.code === 'broken-paragraph')).toEqual([]);

    await client.request('shutdown', null);
    client.notify('exit', null);
    expect(await client.exited()).toBe(0);
  });

  it('honours inline suppressions and offers a fix-all source action', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-lsp-'));
    const uri = pathToFileURL(join(dir, 'notes.md')).href;
    client = await start(dir);
    const text = `<!-- reportlint-disable-next-line broken-paragraph -->\n${TEXT}\n${TEXT2}`;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const pub = (await client.diagnostics(uri, 1)).params as { diagnostics: Diagnostic[] };
    expect(pub.diagnostics.filter((d) => d.code === 'broken-paragraph').map((d) => d.range.start.line)).toEqual([5]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.reportlint']);
    const newText = actions[0].edit.changes[uri][0].newText;
    expect(newText).toBe(`<!-- reportlint-disable-next-line broken-paragraph -->\n${TEXT}\n${TEXT2.replace('trách\n\n', 'trách ')}`);
  });

  it('lints a burst of edits once, after the pause in typing, for the last text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-lsp-'));
    const uri = pathToFileURL(join(dir, 'burst.txt')).href;
    client = await start(dir);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: TEXT } });
    await client.diagnostics(uri, 1);
    const seen: number[] = [];
    const all = client.waitFor((m) => {
      const p = m.params as { uri?: string; version?: number } | undefined;
      if (m.method === 'textDocument/publishDiagnostics' && p?.uri === uri) seen.push(p.version!);
      return m.method === 'textDocument/publishDiagnostics' && p?.uri === uri && p.version === 6;
    });
    // five keystrokes with no pause: only the last text is linted
    for (let v = 2; v <= 6; v++) client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }] });
    const last = (await all).params as { diagnostics: Diagnostic[] };
    expect(seen).toEqual([6]);
    // the paragraph now starts with 'xxxxxnhiệm': still one sentence split in two, and a word that is not Vietnamese
    expect(last.diagnostics.map((d) => d.code)).toEqual(['broken-paragraph', 'spelling']);
  });

  it('reports a bad config as a diagnostic instead of crashing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-lsp-'));
    writeFileSync(join(dir, 'reportlint.config.json'), '{"rules": {"nope": "error"}}');
    const uri = pathToFileURL(join(dir, 'r.txt')).href;
    client = await start(dir);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: TEXT } });
    const pub = (await client.diagnostics(uri, 1)).params as { diagnostics: Diagnostic[] };
    expect(pub.diagnostics).toHaveLength(1);
    expect(pub.diagnostics[0].message).toMatch(/reportlint\.config\.json: rules\.nope: unknown rule 'nope'/);
  });
  it('lints a .docx from disk on open, and offers no edit for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-lsp-'));
    const path = join(dir, 'report.docx');
    copyFileSync(resolve(__dirname, '../../fixtures/docx/bao-cao-164-TB-TU.docx'), path);
    const uri = pathToFileURL(path).href;
    client = await start(dir);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'docx', version: 1, text: '' } });
    const pub = (await client.diagnostics(uri, 1)).params as { diagnostics: Diagnostic[] };
    const broken = pub.diagnostics.filter((d) => d.code === 'broken-paragraph');
    // paragraph = line, as for the .txt copy of the example (lines 15 and 61)
    expect(broken.map((d) => d.range.start.line + 1)).toEqual([15, 61]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: broken[0].range,
      context: { diagnostics: [broken[0]] },
    });
    expect(actions).toEqual([]);
  });
});

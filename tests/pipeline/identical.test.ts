// One pipeline, every front end: the library API (`lintText`), the CLI (JSON output) and the LSP
// server give the same findings (rule, severity, range, message) on the same files: the real
// corpus when it is present, the fixtures and the example report always, and a file whose
// inline directive suppresses one finding (so a front end that ignores suppressions fails here).

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { LspClient } from '../lsp/client.js';

const ROOT = resolve(__dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/real');
const SUPPRESSED = resolve(__dirname, 'suppressed.txt');
const files = [
  SUPPRESSED,
  resolve(ROOT, 'fixtures/example/bao-cao-164-TB-TU.txt'),
  ...fg.sync('fixtures/**/*.{txt,md}', { cwd: ROOT, absolute: true }),
  ...(existsSync(CORPUS) ? fg.sync('{vi,en}/*.txt', { cwd: CORPUS, absolute: true }) : []),
].filter((f, i, all) => all.indexOf(f) === i).sort();

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
}
const SEV: Record<string, number> = { error: 1, warning: 2, info: 3 };
type Row = string;
const row = (rule: string, sev: number, l: number, c: number, el: number, ec: number, msg: string): Row => `${rule} ${sev} ${l}:${c}-${el}:${ec} ${msg}`;

const viaApi = new Map<string, Row[]>();
for (const f of files) {
  const r = lintText(readFileSync(f, 'utf8'), f, { lang: 'en' });
  viaApi.set(f, r.findings.map((x) => row(x.ruleId, SEV[x.severity], x.line, x.column, x.endLine, x.endColumn, x.message)));
}

let client: LspClient | undefined;
afterAll(() => client?.proc.kill());

describe('one pipeline', () => {
  it('the suppressed file: one broken-paragraph finding, the directive silences the other', () => {
    expect(viaApi.get(SUPPRESSED)!.map((r) => r.split(' ').slice(0, 3).join(' '))).toEqual(['broken-paragraph 3 8:44-8:49']);
    const without = lintText(readFileSync(SUPPRESSED, 'utf8').replace(/<!--.*-->\n/, ''), SUPPRESSED, { lang: 'en' });
    expect(without.findings.map((x) => `${x.ruleId} ${x.line}`)).toEqual(['broken-paragraph 3', 'broken-paragraph 7']);
  });

  it('the CLI gives what lintText gives', () => {
    const r = runCli(['--format', 'json', '--lang', 'en', '--jobs', '1', ...files], { cwd: ROOT });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: Array<{ ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; message: string }> }> };
    expect(out.files.length).toBe(files.length);
    for (const file of out.files) {
      const rows = file.findings.map((x) => row(x.ruleId, SEV[x.severity], x.line, x.column, x.endLine, x.endColumn, x.message));
      expect(rows, file.path).toEqual(viaApi.get(resolve(ROOT, file.path)));
    }
  }, 120_000);

  it('the LSP server gives what lintText gives', async () => {
    client = new LspClient();
    await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {}, initializationOptions: { lang: 'en' } });
    client.notify('initialized', {});
    for (const f of files) {
      const uri = pathToFileURL(f).href;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(f, 'utf8') } });
      const m = await client.diagnostics(uri, 1);
      const diags = (m.params as { diagnostics: Diag[] }).diagnostics;
      const rows = diags.map((d) => row(d.code, d.severity, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.message));
      expect(rows, f).toEqual(viaApi.get(f));
      client.notify('textDocument/didClose', { textDocument: { uri } });
    }
  }, 180_000);
});

// The language server against a misbehaving editor: a frame whose Content-Length is missing,
// not a number, too short or too long is skipped and the next message is answered; the server
// exits when its input closes (code 1 without a shutdown request, 0 after one, as LSP says).

import { describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/client.js';

function frame(o: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(o), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

const INIT = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

async function answersAfter(bad: Buffer): Promise<LspClient> {
  const c = new LspClient();
  c.proc.stdin.write(Buffer.concat([bad, frame(INIT)]));
  const reply = await c.waitFor((m) => m.id === 1, 20_000);
  expect((reply.result as { serverInfo: { name: string } }).serverInfo.name).toBe('reportlint');
  return c;
}

describe('bad frames', () => {
  const cases: Array<[string, Buffer]> = [
    ['a Content-Length that is not a number', Buffer.from('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0"}')],
    ['no Content-Length header', Buffer.from('Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","method":"x"}')],
    ['a Content-Length that cuts the JSON short', Buffer.from('Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}')],
    ['a Content-Length that runs into the next message', Buffer.from('Content-Length: 400\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}')],
    ['bytes between messages', Buffer.from('garbage\r\n')],
  ];
  for (const [what, bad] of cases) {
    it(`skips ${what} and answers the next message`, async () => {
      const c = await answersAfter(bad);
      expect(c.stderr).toMatch(/^reportlint: skipped a malformed LSP message \(.+\); \d+ bytes dropped\n/);
      c.proc.kill();
    });
  }
});

describe('input closed', () => {
  it('exits with 1 when the editor closes stdin without shutdown', async () => {
    const c = new LspClient();
    await c.request('initialize', INIT.params);
    c.notify('initialized', {});
    c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/rl-close.txt', languageId: 'plaintext', version: 1, text: 'Báo cáo.\n' } });
    c.proc.stdin.end();
    expect(await c.exited()).toBe(1);
  });

  it('exits with 0 when it closes stdin after shutdown', async () => {
    const c = new LspClient();
    await c.request('initialize', INIT.params);
    await c.request('shutdown', null);
    c.proc.stdin.end();
    expect(await c.exited()).toBe(0);
  });
});

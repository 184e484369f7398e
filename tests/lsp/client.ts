// A minimal LSP client for tests: spawns `reportlint --lsp`, frames JSON-RPC messages with
// Content-Length headers, and lets a test await responses and notifications.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN } from '../helpers/cli.js';

export interface Message {
  jsonrpc: '2.0';
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly received: Message[] = [];
  private waiters: Array<{ test: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  stderr = '';

  constructor(args: string[] = ['--lsp'], env: NodeJS.ProcessEnv = {}) {
    this.proc = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: 'C', LC_ALL: '', ...env } });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!m) throw new Error('no Content-Length header');
      const len = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + len) return;
      const body = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + len);
      this.dispatch(body);
    }
  }

  private dispatch(m: Message): void {
    // answer server->client requests (e.g. workspace/configuration, client/registerCapability)
    if (m.id !== undefined && m.method) this.send({ jsonrpc: '2.0', id: m.id, result: null });
    const w = this.waiters.find((x) => x.test(m));
    if (w) {
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(m);
    } else this.received.push(m);
  }

  private send(m: Message): void {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  /** Waits for the first message (already received or future) that passes `test`. */
  waitFor(test: (m: Message) => boolean, timeoutMs = 15_000): Promise<Message> {
    const i = this.received.findIndex(test);
    if (i >= 0) return Promise.resolve(this.received.splice(i, 1)[0]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for a message; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  async request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    const reply = await this.waitFor((m) => m.id === id && m.method === undefined);
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result as T;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  diagnostics(uri: string, version?: number): Promise<Message> {
    return this.waitFor((m) => {
      const p = m.params as { uri?: string; version?: number } | undefined;
      return m.method === 'textDocument/publishDiagnostics' && p?.uri === uri && (version === undefined || p.version === version);
    });
  }

  exited(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null) resolve(this.proc.exitCode);
      else this.proc.on('exit', (code) => resolve(code));
    });
  }
}

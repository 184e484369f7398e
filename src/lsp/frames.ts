// Reads LSP messages (`Content-Length: n\r\n\r\n` + n bytes of JSON) from the editor, and survives
// a bad frame: a header without a usable Content-Length, a length that cuts the JSON short or runs
// into the next message, or a body that is not JSON. The frame is skipped up to the next
// `Content-Length:` header, one line on stderr says so, and the messages after it are read as
// usual (vscode-jsonrpc's own reader stops reading for good at the first bad header). The end of
// the input is reported as the connection's close.

import lsp from 'vscode-languageserver/node.js';
import type { DataCallback, Disposable, Message } from 'vscode-languageserver/node.js';

const { AbstractMessageReader } = lsp;

const HEADER = Buffer.from('Content-Length:', 'ascii');
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Larger than any document an editor sends (the CLI refuses files past 20 MB by default). */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export class FrameReader extends AbstractMessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  private callback?: DataCallback;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly warn: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string): void => {
      this.buffer = Buffer.concat([this.buffer, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk]);
      this.drain();
    };
    const onEnd = (): void => this.fireClose();
    const onError = (e: Error): void => this.fireError(e);
    this.input.on('data', onData);
    this.input.on('end', onEnd);
    this.input.on('close', onEnd);
    this.input.on('error', onError);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('end', onEnd);
        this.input.off('close', onEnd);
        this.input.off('error', onError);
      },
    };
  }

  /** Drops the bytes before the next `Content-Length:` that starts after `from` (or all but a possible partial header). */
  private resync(from: number, why: string): void {
    const next = this.buffer.indexOf(HEADER, from);
    const dropped = next < 0 ? Math.max(0, this.buffer.length - HEADER.length) : next;
    this.warn(`reportlint: skipped a malformed LSP message (${why}); ${dropped} bytes dropped`);
    this.buffer = this.buffer.subarray(dropped);
  }

  private drain(): void {
    for (;;) {
      // leading bytes that are not a header (garbage between frames)
      const start = this.buffer.indexOf(HEADER);
      const cut = start < 0 ? Math.max(0, this.buffer.length - HEADER.length) : start;
      if (cut > 0 && this.buffer.subarray(0, cut).toString('latin1').trim() !== '') {
        this.resync(0, 'bytes outside a message');
        continue;
      }
      if (cut > 0) this.buffer = this.buffer.subarray(cut);
      if (start < 0) return;
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.resync(1, 'a header with no end');
        else return;
        continue;
      }
      const headers = this.buffer.subarray(0, end).toString('ascii').split('\r\n');
      const lengths = headers.filter((h) => /^content-length:/i.test(h)).map((h) => h.slice(h.indexOf(':') + 1).trim());
      const length = lengths.length === 1 && /^\d+$/.test(lengths[0]) ? Number(lengths[0]) : NaN;
      if (!(length >= 0 && length <= MAX_BODY_BYTES)) {
        this.resync(1, `Content-Length ${lengths.length ? `'${lengths.join(', ')}'` : 'missing'}`);
        continue;
      }
      const bodyStart = end + HEADER_END.length;
      if (this.buffer.length < bodyStart + length) {
        // a length that runs into the next message shows as a header inside the body
        const inner = this.buffer.indexOf(HEADER, bodyStart);
        if (inner >= 0 && isJsonObject(this.buffer.subarray(bodyStart, inner).toString('utf8'))) {
          this.resync(bodyStart, `Content-Length ${length} runs past the message`);
          continue;
        }
        return;
      }
      const body = this.buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
      let message: Message;
      try {
        message = JSON.parse(body) as Message;
        if (!message || typeof message !== 'object' || Array.isArray(message)) throw new Error('not a JSON object');
      } catch {
        this.resync(bodyStart, `Content-Length ${length} does not frame one JSON message`);
        continue;
      }
      this.buffer = this.buffer.subarray(bodyStart + length);
      this.callback?.(message);
    }
  }
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return !!v && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

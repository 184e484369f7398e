// Where the CLI reads and writes: standard streams and the environment in a normal run, strings
// in tests that call `main` directly.

import { readStreamBounded } from './read.js';
import type { MessageData } from '../engine/types.js';
import { both, translateReason, type BothTexts, type CliMessageId } from '../i18n/cli.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** stderr is a terminal (the progress line is shown only then). */
  stderrIsTTY?: boolean;
  /** How long a run must take before the progress line shows (default 1 s). */
  progressDelayMs?: number;
  /** All of standard input, for --stdin: at most `maxBytes` (ReadError past it). */
  readStdin?: (maxBytes: number) => Promise<Uint8Array>;
}

/** Standard input, read no further than the limit (src/cli/read.ts). */
export async function readProcessStdin(maxBytes: number): Promise<Uint8Array> {
  return readStreamBounded(process.stdin, { maxBytes, label: '(--max-file-size)' });
}

/**
 * A process stream that ends quietly when the reader goes away (`reportlint ... | head`): EPIPE
 * and writes after it are dropped, with no stack trace, and the run ends with the exit code its
 * findings give, as `cat` and ESLint do. Any other write error is still thrown.
 */
export function quietWriter(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw e;
  });
  return (s) => {
    if (closed || stream.destroyed) return;
    stream.write(s);
  };
}

export const defaultIo = (): Io => ({
  stdout: quietWriter(process.stdout),
  stderr: quietWriter(process.stderr),
  cwd: process.cwd(),
  env: process.env,
  isTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
  readStdin: readProcessStdin,
});

/** A usage problem (bad option, bad config, missing baseline): `reportlint: <message>` and exit 2. */
export class UsageError extends Error {
  constructor(readonly texts: BothTexts) {
    super(texts.en);
  }

  static of(id: CliMessageId, data?: MessageData): UsageError {
    return new UsageError(both(id, data));
  }

  /** A message made elsewhere (config, baseline), with its Vietnamese reading where one is known. */
  static from(message: string): UsageError {
    return new UsageError({ en: message, vi: translateReason(message, 'vi') });
  }
}

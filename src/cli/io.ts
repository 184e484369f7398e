// Where the CLI reads and writes: standard streams and the environment in a normal run, strings
// in tests that call `main` directly.

import { readStreamBounded } from './read.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** All of standard input, for --stdin: at most `maxBytes` (ReadError past it). */
  readStdin?: (maxBytes: number) => Promise<Uint8Array>;
}

/** Standard input, read no further than the limit (src/cli/read.ts). */
export async function readProcessStdin(maxBytes: number): Promise<Uint8Array> {
  return readStreamBounded(process.stdin, { maxBytes, label: '(--max-file-size)' });
}

export const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: !!process.stdout.isTTY,
  readStdin: readProcessStdin,
});

/** A usage problem (bad option, bad config, missing baseline): `reportlint: <message>` and exit 2. */
export class UsageError extends Error {}

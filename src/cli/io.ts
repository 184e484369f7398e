// Where the CLI reads and writes: standard streams and the environment in a normal run, strings
// in tests that call `main` directly.

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** All of standard input, for --stdin. */
  readStdin?: () => Promise<Uint8Array>;
}

export async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
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

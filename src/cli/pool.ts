// Worker threads for large runs (tinypool). Used only when there are enough files to pay for
// starting workers; results come back in input order so output stays deterministic.

import { availableParallelism } from 'node:os';

/** Files and bytes below which a single process is faster than starting workers. */
export const MIN_FILES = 16;
export const MIN_BYTES = 2_000_000;

export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export function worthWorkers(files: number, bytes: number, jobs: number): boolean {
  return jobs > 1 && files >= MIN_FILES && bytes >= MIN_BYTES;
}

/** Runs `task` of the module at `workerUrl` over every input in worker threads; results in input order. */
export async function runInWorkers<I, O>(workerUrl: URL, inputs: I[], jobs: number, onDone: () => void = () => undefined): Promise<O[]> {
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({ filename: workerUrl.href, minThreads: Math.min(jobs, inputs.length), maxThreads: jobs, isolateWorkers: false });
  try {
    return await Promise.all(
      inputs.map(async (input) => {
        const out = (await pool.run(input)) as O;
        onDone();
        return out;
      }),
    );
  } finally {
    await pool.destroy();
  }
}

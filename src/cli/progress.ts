// The progress line of a long run: `linting 120/1000 files` on stderr, rewritten in place, only
// when stderr is a terminal and not in CI, and only once the run has taken longer than a second
// (a short run never shows it). Cleared before the report is written.

import type { Lang } from '../engine/types.js';
import { cliText } from '../i18n/cli.js';
import type { Io } from './io.js';

export const PROGRESS_DELAY_MS = 1000;
const EVERY_MS = 100;

export interface Progress {
  tick(): void;
  done(): void;
}

const NONE: Progress = { tick: () => undefined, done: () => undefined };

export function progress(io: Io, total: number, lang: Lang, delayMs = io.progressDelayMs ?? PROGRESS_DELAY_MS): Progress {
  if (!io.stderrIsTTY || io.env.CI || total < 2) return NONE;
  const started = Date.now();
  let done = 0;
  let shown = false;
  let last = 0;
  return {
    tick() {
      done++;
      const now = Date.now();
      if (now - started < delayMs || (shown && now - last < EVERY_MS && done < total)) return;
      io.stderr(`\r\x1b[2K${cliText('progress', lang, { done, total })}`);
      shown = true;
      last = now;
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

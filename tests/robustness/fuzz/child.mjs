// A fuzz worker process: lints one case after another in process, through the CLI's own main()
// (the built dist/), and reports for each its exit code, wall time and memory. The parent
// (run.ts) watches the clock and kills this process when a case runs past its deadline.

import { readFileSync } from 'node:fs';
import { main } from '../../../dist/cli/main.js';

function peakRssBytes() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
  } catch {
    return process.memoryUsage().rss;
  }
}

process.on('message', async (m) => {
  if (m.type !== 'case') return;
  let stderr = '';
  const io = {
    stdout: () => undefined,
    stderr: (s) => {
      if (stderr.length < 4000) stderr += s;
    },
    cwd: process.cwd(),
    env: process.env,
    isTTY: false,
  };
  const t = performance.now();
  let code;
  let thrown;
  try {
    code = await main(m.args, io);
  } catch (e) {
    thrown = String((e && e.stack) || e).split('\n').slice(0, 3).join(' | ');
  }
  const ms = performance.now() - t;
  process.send({ type: 'done', id: m.id, code, thrown, ms, rss: process.memoryUsage().rss, peak: peakRssBytes(), stderr: stderr.split('\n')[0].slice(0, 200) });
});
process.send({ type: 'ready' });

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

/** '' when `out` is a whole JSON report of one file, else what is wrong with it (as run.ts checks the CLI's). */
function checkReport(out) {
  try {
    const j = JSON.parse(out);
    return j && j.version === 1 && Array.isArray(j.files) && j.files.length === 1 ? '' : 'the JSON report is not one file';
  } catch (e) {
    return `no JSON report (${String(e.message).slice(0, 80)})`;
  }
}

process.on('message', async (m) => {
  if (m.type !== 'case') return;
  let stderr = '';
  let stdout = '';
  const io = {
    stdout: (s) => {
      stdout += s;
    },
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
  const report = checkReport(stdout);
  stdout = '';
  // a rejection left behind by this case would end the process now, blamed on this case
  await new Promise((res) => setTimeout(res, 10));
  process.send({ type: 'done', id: m.id, code, thrown, report, ms, rss: process.memoryUsage().rss, peak: peakRssBytes(), stderr: stderr.split('\n')[0].slice(0, 200) });
});
process.send({ type: 'ready' });

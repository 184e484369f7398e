// One finding per line, `path:line:col: severity: message [rule-id]`: what Vim, Emacs and VS
// Code problem matchers read.

import type { Formatter } from './types.js';

const unix: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    if (r.fatal) lines.push(`${r.path}:1:1: error: ${r.fatal} [fatal]`);
    for (const f of r.findings) {
      lines.push(`${r.path}:${f.line}:${f.column}: ${f.severity}: ${f.message.replace(/[\r\n]+/g, ' ')} [${f.ruleId}]`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
export default unix;

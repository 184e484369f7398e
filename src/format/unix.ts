// One finding per line, `path:line:col: severity: message [rule-id]`: what Vim, Emacs and VS
// Code problem matchers read. Paths and messages are one line each: control characters and
// newlines are shown escaped (src/format/escape.ts).

import { escapeTerminal as t } from './escape.js';
import type { Formatter } from './types.js';

const unix: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    const path = t(r.path);
    if (r.fatal) lines.push(`${path}:1:1: error: ${t(r.fatal)} [fatal]`);
    for (const f of r.findings) {
      lines.push(`${path}:${t(f.line)}:${t(f.column)}: ${t(f.severity)}: ${t(f.message)} [${t(f.ruleId)}]`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
export default unix;

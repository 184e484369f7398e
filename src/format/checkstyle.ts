// Checkstyle XML, read by Jenkins (warnings-ng), GitLab code-quality converters, reviewdog and
// many CI plugins: one <file> per report, one <error> per finding, every attribute XML-escaped
// (src/format/escape.ts), whatever its origin.

import { escapeXml as x } from './escape.js';
import type { Formatter } from './types.js';

export { escapeXml as xmlEscape } from './escape.js';

const checkstyle: Formatter = (results) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    out.push(`  <file name="${x(r.path)}">`);
    if (r.fatal) out.push(`    <error line="1" column="1" severity="error" message="${x(r.fatal)}" source="reportlint.fatal" />`);
    for (const e of r.internalErrors ?? []) {
      out.push(`    <error line="1" column="1" severity="error" message="${x(`internal error: ${e.message}`)}" source="reportlint.rules.${x(e.ruleId)}" />`);
    }
    for (const f of r.findings) {
      const message = f.message + f.related.map((rel) => ` (${rel.line}:${rel.column} ${rel.message})`).join('');
      out.push(
        `    <error line="${x(f.line)}" column="${x(f.column)}" severity="${x(f.severity)}" message="${x(message)}" source="reportlint.rules.${x(f.ruleId)}" />`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
};
export default checkstyle;

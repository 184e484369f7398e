// Checkstyle XML, read by Jenkins (warnings-ng), GitLab code-quality converters, reviewdog and
// many CI plugins: one <file> per report, one <error> per finding, everything XML-escaped.

import type { Formatter } from './types.js';

/** Escapes text for an XML attribute; drops characters XML 1.0 cannot carry. */
export function xmlEscape(s: string): string {
  return s
    // control characters and lone surrogates are not allowed in XML 1.0
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

const checkstyle: Formatter = (results) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    out.push(`  <file name="${xmlEscape(r.path)}">`);
    if (r.fatal) out.push(`    <error line="1" column="1" severity="error" message="${xmlEscape(r.fatal)}" source="reportlint.fatal" />`);
    for (const e of r.internalErrors ?? []) {
      out.push(`    <error line="1" column="1" severity="error" message="${xmlEscape(`internal error: ${e.message}`)}" source="reportlint.rules.${xmlEscape(e.ruleId)}" />`);
    }
    for (const f of r.findings) {
      const message = f.message + f.related.map((rel) => ` (${rel.line}:${rel.column} ${rel.message})`).join('');
      out.push(
        `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xmlEscape(message)}" source="reportlint.rules.${xmlEscape(f.ruleId)}" />`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
};
export default checkstyle;

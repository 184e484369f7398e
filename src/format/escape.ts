// The one place where output is escaped, whatever a field's origin: a rule's message, a
// document's text, a file name, a merged shard or a cache entry. Formatters never interpolate a
// value into markup or a terminal line themselves; they go through these functions.
//
// - `html` is a tagged template: every interpolated value is escaped unless it is markup built by
//   `html` itself, so a value can never open a tag or leave an attribute. Arrays are joined;
//   undefined, null and false render as nothing.
// - `escapeXml` makes any value safe inside an XML 1.0 attribute or text (checkstyle, JUnit):
//   characters XML cannot carry are dropped.
// - `escapeTerminal` shows the characters a terminal or a log viewer acts on (C0 controls with
//   tab, newline and carriage return, DEL, C1 controls and the bidirectional overrides) as
//   visible escapes (`\x1B`, `\n`, `\u202E`), as git shows unprintable bytes in paths.
// No I/O and no node: imports (the browser page bundles this).

/** Markup known to be safe: produced by `html` or `trustedHtml`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

function piece(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(piece).join('');
  if (v === undefined || v === null || v === false) return '';
  return escapeHtml(v);
}

/** Markup with every interpolated value escaped (see the header). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup that is part of this program (the page's CSS and script), never data. */
export function trustedHtml(s: string): Html {
  return new Html(s);
}

/** Joins markup pieces with a separator (itself markup). */
export function joinHtml(parts: Html[], sep = ''): Html {
  return new Html(parts.map((p) => p.value).join(sep));
}

/** Escapes any value for an XML 1.0 attribute or text; drops characters XML 1.0 cannot carry. */
export function escapeXml(v: unknown): string {
  return (
    String(v ?? '')
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
      .replace(/\r/g, '&#13;')
  );
}

const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A value as one line of terminal text: control characters shown as escapes (see the header).
 * With `keepLineBreaks`, CR and LF are left for a caller that encodes them itself (GitHub's
 * workflow commands turn them into `%0D` / `%0A`).
 */
export function escapeTerminal(v: unknown, keepLineBreaks = false): string {
  return String(v ?? '').replace(TERMINAL_CONTROL, (c) => {
    if (keepLineBreaks && (c === '\n' || c === '\r')) return c;
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

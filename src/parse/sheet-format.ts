// Spreadsheet number formats: a cell's value shown as Excel or LibreOffice shows it (`#,##0`,
// `0.0%`, `#,##0.00_);(#,##0.00)`, accounting formats whose zero is `-`, dates), in the
// document's convention: Vietnamese `1.234.567,5`, English `1,234,567.5`. Format codes use `,` and
// `.` as placeholders; the separators shown come from the convention, as a spreadsheet takes them
// from the viewer's locale. Exotic codes (conditions, fractions, scientific) fall back to General.

import { Decimal } from 'decimal.js';

export type Convention = 'vi' | 'en';

/** Excel's built-in number formats by id (ECMA-376 18.8.30). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'dd/mm/yyyy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'dd/mm/yyyy h:mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', 42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)', 44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mm:ss.0', 48: '##0.0E+0', 49: '@',
};

function seps(conv: Convention): { group: string; decimal: string } {
  return conv === 'vi' ? { group: '.', decimal: ',' } : { group: ',', decimal: '.' };
}

/** Splits a code into sections at `;` outside quotes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\\' && i + 1 < code.length) {
      cur += c + code[++i];
      continue;
    }
    if (c === '"') quote = !quote;
    else if (!quote && c === '[') bracket = true;
    else if (!quote && c === ']') bracket = false;
    if (c === ';' && !quote && !bracket) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** General: up to 11 characters wide, as Excel shows an unformatted number. */
export function formatGeneral(v: number, conv: Convention): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e11 || abs < 1e-9) return v.toExponential(5).replace('.', seps(conv).decimal).replace(/e\+?/, 'E+').replace('E+-', 'E-');
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits);
  let s = new Decimal(v).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed();
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s.replace('.', seps(conv).decimal);
}

const DATE_TOKEN = /(?<![\\"])[ymdhs]/i;

/**
 * The text a spreadsheet shows for a number with format `code`. `date1904`: the workbook counts
 * dates from 1904 (old Mac Excel).
 */
export function formatValue(v: number, code: string | undefined, conv: Convention, date1904 = false): string {
  if (!code || /^general$/i.test(code.trim())) return formatGeneral(v, conv);
  const secs = sections(code);
  if (secs.some((s) => /\[[<>=]/.test(s))) return formatGeneral(v, conv); // conditional sections
  let sec = secs[0];
  let value = v;
  if (v < 0 && secs.length >= 2) {
    sec = secs[1];
    value = -v;
  } else if (v === 0 && secs.length >= 3) sec = secs[2];
  const literalOnly = !/[0#?]/.test(stripLiterals(sec)) && !DATE_TOKEN.test(stripLiterals(sec));
  if (literalOnly) return renderLiterals(sec).trim() || (sec.includes('@') ? '' : formatGeneral(value, conv));
  if (/E[+-]/i.test(stripLiterals(sec)) || /\?\/\?|#\/#|\d\/\d/.test(stripLiterals(sec))) return formatGeneral(v, conv);
  if (DATE_TOKEN.test(stripLiterals(sec).replace(/\[[^\]]*\]/g, ''))) return formatDate(v, sec, date1904);
  return formatNumberSection(value, sec, conv, v < 0 && secs.length < 2);
}

/** The code without its quoted literals, escaped characters and brackets (what is left to read). */
function stripLiterals(sec: string): string {
  return sec.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/_.|\*./g, '').replace(/\[[^\]]*\]/g, '');
}

/** Literal text of a section: quoted strings, escaped characters, `[$₫-42A]` currency symbols. */
function renderLiterals(sec: string): string {
  let out = '';
  for (let i = 0; i < sec.length; i++) {
    const c = sec[i];
    if (c === '"') {
      const j = sec.indexOf('"', i + 1);
      out += sec.slice(i + 1, j < 0 ? sec.length : j);
      i = j < 0 ? sec.length : j;
    } else if (c === '\\') out += sec[++i] ?? '';
    else if (c === '_') {
      out += ' ';
      i++;
    } else if (c === '*') i++;
    else if (c === '[') {
      const j = sec.indexOf(']', i);
      const inner = sec.slice(i + 1, j < 0 ? sec.length : j);
      const cur = /^\$([^-]*)/.exec(inner);
      if (cur) out += cur[1];
      i = j < 0 ? sec.length : j;
    } else if (c === '@') out += '';
    else out += c;
  }
  return out;
}

function formatNumberSection(value: number, sec: string, conv: Convention, minus: boolean): string {
  const { group, decimal } = seps(conv);
  // find the number's placeholders: from the first 0 # ? to the last, with , and . among them
  const plain = sec;
  let first = -1;
  let last = -1;
  const placeholders: number[] = [];
  for (let i = 0, inQ = false; i < plain.length; i++) {
    const c = plain[i];
    if (c === '"') inQ = !inQ;
    else if (inQ) continue;
    else if (c === '\\' || c === '_' || c === '*') i++;
    else if (c === '[') i = Math.max(i, plain.indexOf(']', i));
    else if ('0#?'.includes(c)) {
      if (first < 0) first = i;
      last = i;
      placeholders.push(i);
    }
  }
  if (first < 0) return renderLiterals(sec);
  // trailing commas right after the last placeholder scale by 1000 each
  let end = last + 1;
  let scale = 0;
  while (plain[end] === ',') {
    scale++;
    end++;
  }
  const core = plain.slice(first, last + 1);
  const dot = core.indexOf('.');
  const intPart = dot < 0 ? core : core.slice(0, dot);
  const fracPart = dot < 0 ? '' : core.slice(dot + 1);
  const grouping = intPart.includes(',');
  const minInt = (intPart.match(/0/g) ?? []).length;
  const decimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const minDec = (fracPart.match(/0/g) ?? []).length;
  const percent = (stripLiterals(sec).match(/%/g) ?? []).length;
  let d = new Decimal(value);
  for (let k = 0; k < percent; k++) d = d.times(100);
  for (let k = 0; k < scale; k++) d = d.dividedBy(1000);
  let s = d.abs().toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
  let [ip, fp = ''] = s.split('.');
  while (fp.length > minDec && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  s = ip + (fp || (decimals > 0 && minDec > 0) ? decimal + fp : '');
  const negative = minus && !d.isZero() && value < 0;
  return (renderLiterals(plain.slice(0, first)) + (negative ? '-' : '') + s + renderLiterals(plain.slice(end))).trim();
}

/** Days since the epoch of the workbook -> calendar date and time (UTC fields). */
function serialToDate(v: number, date1904: boolean): Date {
  // serial 25569 is 01/01/1970; Excel's 1900 system counts a fictitious 29/02/1900 (serial 60)
  const serial = date1904 ? v + 1462 : v;
  const days = serial < 61 && !date1904 ? serial - 25568 : serial - 25569;
  return new Date(Math.round(days * 86400000));
}

function formatDate(v: number, sec: string, date1904: boolean): string {
  const t = serialToDate(v, date1904);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const code = sec.replace(/\[[^\]]*\]/g, '');
  let out = '';
  const ampm = /AM\/PM|A\/P/i.test(code);
  const tokens = code.match(/"[^"]*"|\\.|AM\/PM|A\/P|y+|m+|d+|h+|s+|[^ymdhs"\\]/gi) ?? [];
  let lastWasHour = false;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    const lc = tok.toLowerCase();
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else if (/^(am\/pm|a\/p)$/.test(lc)) out += t.getUTCHours() < 12 ? 'AM' : 'PM';
    else if (lc[0] === 'y') out += lc.length <= 2 ? p2(t.getUTCFullYear() % 100) : String(t.getUTCFullYear());
    else if (lc[0] === 'd') out += lc.length === 1 ? String(t.getUTCDate()) : lc.length === 2 ? p2(t.getUTCDate()) : ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'][t.getUTCDay()];
    else if (lc[0] === 'h') {
      let h = t.getUTCHours();
      if (ampm) h = h % 12 || 12;
      out += lc.length === 1 ? String(h) : p2(h);
      lastWasHour = true;
      continue;
    } else if (lc[0] === 's') out += p2(t.getUTCSeconds());
    else if (lc[0] === 'm') {
      // m after h or before s is minutes
      const next = tokens.slice(k + 1).find((x) => /^[ymdhs]/i.test(x));
      const minutes = lastWasHour || (next !== undefined && /^s/i.test(next));
      if (minutes) out += lc.length === 1 ? String(t.getUTCMinutes()) : p2(t.getUTCMinutes());
      else out += lc.length === 1 ? String(t.getUTCMonth() + 1) : lc.length === 2 ? p2(t.getUTCMonth() + 1) : String(t.getUTCMonth() + 1);
    } else out += tok;
    if (/^[ymds]/i.test(tok)) lastWasHour = false;
  }
  return out.trim();
}

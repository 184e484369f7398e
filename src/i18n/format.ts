// Message interpolation and figures printed in the document's own convention.

import { Decimal } from 'decimal.js';
import type { Lang, MessageData, MessageText } from '../engine/types.js';

export function interpolate(template: string, data: MessageData = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function render(text: MessageText, lang: Lang, data?: MessageData): string {
  return interpolate(text[lang] ?? text.en, data);
}

/**
 * Writes a decimal in the `vi` (1.234,5) or `en` (1,234.5) convention with `decimals` digits
 * after the mark (default: as many as the value has).
 */
export function formatDecimal(value: Decimal.Value, convention: 'vi' | 'en', decimals?: number): string {
  const d = new Decimal(value);
  const fixed = decimals === undefined ? d.toFixed() : d.toFixed(decimals);
  const neg = fixed.startsWith('-');
  const [int, frac] = (neg ? fixed.slice(1) : fixed).split('.');
  const group = convention === 'vi' ? '.' : ',';
  const mark = convention === 'vi' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (neg ? '-' : '') + grouped + (frac ? mark + frac : '');
}

/**
 * A figure with its unit as the text writes it, its digits replaced by `value` in the document's
 * convention: "$4.3 million", "1.200 triệu đồng", "80 hộ".
 */
export function writtenAs(text: string, q: { span: { start: number; end: number }; valueSpan: { start: number; end: number } }, value: Decimal.Value, convention: 'vi' | 'en', decimals?: number): string {
  return text.slice(q.span.start, q.valueSpan.start) + formatDecimal(value, convention, decimals) + text.slice(q.valueSpan.end, q.span.end);
}

export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  return envLang(env) ?? 'en';
}

/**
 * The message language the environment asks for (LC_ALL, then LC_MESSAGES, then LANG, as
 * gettext reads them): `vi…` is Vietnamese, any other locale English (`C` and `POSIX` too, the
 * untranslated locale); undefined when none is set (usual on Windows and in CI containers).
 */
export function envLang(env: NodeJS.ProcessEnv): Lang | undefined {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (!v) return undefined;
  return /^vi/i.test(v) ? 'vi' : 'en';
}

// Where a finding is, in words a Word user can act on: the heading path and a quote of the
// paragraph ("Mục 4.2. — «107.003 triệu đồng, đạt 94,61% so với…»"), for formats whose line
// numbers Word never shows (.docx and other word-processor files carry `paragraph` in extras).

import type { Lang } from '../engine/types.js';
import type { LocationExtras } from '../parse/document.js';

const SECTION: Record<Lang, string> = { vi: 'Mục', en: 'Section' };

export function wordLocation(extras: LocationExtras | undefined, lang: Lang): string | undefined {
  if (!extras || extras.paragraph === undefined) return undefined;
  const parts: string[] = [];
  if (extras.section) parts.push(`${SECTION[lang]} ${extras.section}`);
  if (extras.quote) {
    const q = `${extras.quote}${String(extras.quote).length >= 30 ? '…' : ''}`; // quotes are cut near 40 characters
    parts.push(lang === 'vi' ? `«${q}»` : `“${q}”`);
  }
  return parts.length ? parts.join(' — ') : undefined;
}

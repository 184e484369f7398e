// The same cited document must carry the same number and date everywhere. A form cited once
// against one cited several times (same type, symbol and date; or same number and symbol) is the
// likely typo; two forms each cited several times are two documents and stay silent.

import { z } from 'zod';
import { defineRule } from '../engine/types.js';
import { citations, fold, TYPE_CODES, type Citation } from '../facts/citations.js';
import { dateValue, type DateMention } from '../facts/dates.js';

export default defineRule({
  id: 'citation-mismatch',
  meta: {
    category: 'citations',
    defaultSeverity: 'error',
    fixable: true,
    description: {
      en: 'The same cited document with a different number or date in one place.',
      vi: 'Cùng một văn bản được trích dẫn với số hiệu hoặc ngày khác nhau.',
    },
    checkedLabel: { en: 'citations', vi: 'trích dẫn' },
  },
  options: z
    .object({
      /** How many times the majority form must be cited before a lone variant is called a typo. */
      minMajority: z.number().int().min(2).default(2),
      /** Two numbers closer than this on the same day with the same symbol may be two documents issued together. */
      minNumberGap: z.number().int().min(1).default(10),
    })
    .strict(),
  messages: {
    differentNumber: {
      en: '"{found}" is cited once; the same document ({symbol}, dated {date}) is cited {count} times elsewhere as "{expected}".',
      vi: '"{found}" chỉ được trích dẫn một lần; cùng văn bản đó ({symbol}, ngày {date}) được trích dẫn {count} lần ở chỗ khác là "{expected}".',
    },
    differentDate: {
      en: '{doc} is dated {found} here; elsewhere it is cited {count} times with the date {expected}.',
      vi: '{doc} ở đây ghi ngày {found}; ở chỗ khác văn bản này được trích dẫn {count} lần với ngày {expected}.',
    },
    differentType: {
      en: '{doc} is called "{found}" here; elsewhere it is cited {count} times as "{expected}".',
      vi: '{doc} ở đây được gọi là "{found}"; ở chỗ khác văn bản này được trích dẫn {count} lần là "{expected}".',
    },
    replaceType: { en: 'Replace with "{expected}"', vi: 'Sửa thành "{expected}"' },
    citedHere: { en: 'cited here as {form}', vi: 'trích dẫn ở đây là {form}' },
    replaceNumber: { en: 'Replace with {expected}', vi: 'Sửa thành {expected}' },
    replaceDate: { en: 'Replace the date with {expected}', vi: 'Sửa ngày thành {expected}' },
  },
  check(ctx, opts) {
    const all = ctx.facts.get(citations);
    ctx.checked(all.length);
    const byKey = new Map<string, Citation[]>();
    const bySymbol = new Map<string, Set<string>>();
    for (const c of all) {
      push(byKey, c.key, c);
      const keys = bySymbol.get(c.symbolKey) ?? new Set<string>();
      keys.add(c.key);
      bySymbol.set(c.symbolKey, keys);
    }

    // Same symbol and date, different number: the lone form against the majority one.
    for (const keys of bySymbol.values()) {
      if (keys.size < 2) continue;
      const forms = [...keys].map((k) => byKey.get(k)!);
      for (const lone of forms) {
        if (lone.length !== 1) continue;
        const c = lone[0];
        if (!c.date || !c.date.valid) continue;
        const day = dateValue(c.date);
        const matches = forms.filter(
          (f) =>
            f !== lone &&
            f.length >= opts.minMajority &&
            f.some((o) => o.date !== undefined && dateValue(o.date) === day) &&
            typeAgrees(c, f) &&
            !issuerConflict(c, f) &&
            likelyTypo(c.number, f[0].number, opts.minNumberGap),
        );
        if (matches.length !== 1) continue;
        const major = matches[0];
        const expected = major[0].number;
        const at = c.numberSpan.start - c.rawSpan.start;
        const form = c.raw.slice(0, at) + expected + c.raw.slice(at + c.number.length);
        ctx.report({
          messageId: 'differentNumber',
          span: c.rawSpan,
          data: { found: c.raw, expected: form, symbol: c.symbol || c.typeWord || '', date: c.date.raw, count: major.length },
          related: major.map((o) => ({ span: o.rawSpan, messageId: 'citedHere', data: { form: o.raw } })),
          fix: { edits: [{ span: c.numberSpan, text: expected }], applicability: 'safe', messageId: 'replaceNumber', data: { expected } },
        });
      }
    }

    // Same number and symbol, a different date in one place.
    for (const group of byKey.values()) {
      const dated = group.filter((c) => c.date && c.date.valid && c.date.day !== undefined);
      if (dated.length < opts.minMajority + 1) continue;
      const byDate = new Map<number, Citation[]>();
      for (const c of dated) push(byDate, dateValue(c.date!), c);
      if (byDate.size < 2) continue;
      const ranked = [...byDate.values()].sort((a, b) => b.length - a.length);
      const major = ranked[0];
      if (major.length < opts.minMajority || ranked[1].length === major.length) continue;
      const md = major[0].date!;
      for (const lone of ranked.slice(1)) {
        if (lone.length !== 1) continue;
        const c = lone[0];
        if (!dateTypo(c.date!, md) || issuerConflict(c, major)) continue;
        const expected = restyle(c.date!, md);
        ctx.report({
          messageId: 'differentDate',
          span: c.date!.span,
          data: { doc: c.raw, found: c.date!.raw, expected: md.raw, count: major.length },
          related: major.map((o) => ({ span: o.date!.span, messageId: 'citedHere', data: { form: `${o.raw} ${o.date!.raw}` } })),
          fix: { edits: [{ span: c.date!.span, text: expected }], applicability: 'safe', messageId: 'replaceDate', data: { expected } },
        });
      }
    }

    // Same number and symbol, another type word in one place (when the symbol does not already
    // settle it: citation-type reports a word that contradicts the code).
    for (const group of byKey.values()) {
      const typed = group.filter((c) => c.typeKind && c.typeWordSpan && c.system !== 'us');
      const byKind = new Map<string, Citation[]>();
      for (const c of typed) push(byKind, c.typeKind!, c);
      if (byKind.size < 2) continue;
      const ranked = [...byKind.values()].sort((a, b) => b.length - a.length);
      const major = ranked[0];
      if (major.length < opts.minMajority || ranked[1].length === major.length) continue;
      for (const lone of ranked.slice(1)) {
        if (lone.length !== 1) continue;
        const c = lone[0];
        if (!fitsCode(c) || !fitsCode(major[0])) continue;
        const word = major[0].typeWord!;
        const expected = /^\p{Lu}/u.test(c.typeWord!) ? word[0].toUpperCase() + word.slice(1) : word[0].toLowerCase() + word.slice(1);
        ctx.report({
          messageId: 'differentType',
          span: c.typeWordSpan!,
          data: { doc: c.raw, found: c.typeWord!, expected, count: major.length },
          related: major.map((o) => ({ span: o.typeWordSpan!, messageId: 'citedHere', data: { form: `${o.typeWord} ${o.raw}` } })),
          fix: { edits: [{ span: c.typeWordSpan!, text: expected }], applicability: 'safe', messageId: 'replaceType', data: { expected } },
        });
      }
    }
  },
});

/** The type word agrees with the symbol's type code, or the symbol carries none. */
function fitsCode(c: Citation): boolean {
  if (c.system === 'law') return c.typeKind === 'Luật' || c.typeKind === 'NQ' || c.typeKind === 'PL';
  if (!c.typeCode) return true;
  return TYPE_CODES[c.typeKind!].map(fold).includes(fold(c.typeCode));
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** The lone citation's type word, when it has one, is among the majority's. */
function typeAgrees(c: Citation, major: Citation[]): boolean {
  if (!c.typeKind) return true;
  const kinds = major.map((o) => o.typeKind).filter((k) => k !== undefined);
  return kinds.length === 0 || kinds.includes(c.typeKind);
}

/**
 * Both name an issuer and none of the majority's is the lone one's: "Kế hoạch số 15/KH-UBND … của
 * UBND tỉnh" and "… của UBND xã" share a symbol but are two documents.
 */
function issuerConflict(c: Citation, major: Citation[]): boolean {
  if (!c.issuer) return false;
  const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  const theirs = major.map((o) => o.issuer).filter((x) => x !== undefined).map(norm);
  return theirs.length > 0 && !theirs.includes(norm(c.issuer));
}

/** One digit dropped, added, changed or two swapped; and far enough apart not to be two documents of one day. */
export function likelyTypo(a: string, b: string, minGap: number): boolean {
  if (a === b) return false;
  if (damerau1(a, b) !== 1) return false;
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  return Math.abs(na - nb) >= minGap;
}

/** Optimal-string-alignment distance, capped: returns 0, 1 or 2 (2 = more than one edit). */
function damerau1(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { d[0].push(j); continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i].push(v);
    }
  }
  return Math.min(2, d[a.length][b.length]);
}

/** Same year, and only the day or only the month differs: a slip, not a document of another year. */
function dateTypo(a: DateMention, b: DateMention): boolean {
  if (a.year !== b.year) return false;
  return (a.day === b.day) !== (a.month === b.month);
}

/** The majority's date written in the lone citation's own style. */
function restyle(lone: DateMention, major: DateMention): string {
  if (lone.style === major.style && lone.sep === major.sep) return major.raw;
  const day = String(major.day);
  const month = String(major.month);
  const dd = lone.dayDigits && lone.dayDigits.length === 2 ? day.padStart(2, '0') : day;
  const mm = lone.monthDigits && lone.monthDigits.length === 2 ? month.padStart(2, '0') : month;
  if (lone.style === 'words') return `${dd} tháng ${mm} năm ${major.year}`;
  if (lone.style === 'numeric' && lone.sep) return `${dd}${lone.sep}${mm}${lone.sep}${major.year}`;
  return major.raw;
}

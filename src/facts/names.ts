// Proper-name candidates: runs of capitalised syllables (Diễn Châu, Nguyễn Văn Hùng, Phúc Thiêm)
// and capitalised words after a classifier (xã, huyện, xóm, đồng chí, ...), grouped by a key that
// ignores tone marks and case (as Intl.Collator('vi', {sensitivity: 'base'}) does), so rules can
// see one name written two ways. A word capitalised only because it starts a sentence is no name.

import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';
import { canonicalTone, vietnamese, type Token } from './vietnamese.js';

export interface NameOccurrence {
  span: Span;
  /** The name as written (NFC). */
  text: string;
  /** Tone placement made canonical, case kept: the written form rules compare. */
  form: string;
  /** Tone-, case- and space-insensitive key (`~diênchâu`: Diễn Châu, DiễnChâu); English: letters only (`dienchau`). */
  key: string;
  tokens: Token[];
  /** Found after a classifier (xã, huyện, đồng chí, ...). */
  classified: boolean;
  /** ASCII-only name (English-style comparison: spacing and hyphenation). */
  ascii: boolean;
}

export interface NameFacts {
  occurrences: NameOccurrence[];
  groups: Map<string, NameOccurrence[]>;
  /** Token indexes that lie inside a name. */
  nameTokens: Set<number>;
}

const CLASSIFIERS = new Set([
  'xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'tỉnh', 'thành phố', 'xóm', 'thôn', 'bản',
  'khối', 'tổ dân phố', 'ấp', 'làng', 'đồng chí', 'ông', 'bà', 'anh', 'chị', 'sông', 'núi',
].map((s) => canonicalTone(s)));

const CAMEL = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u;

function nameLike(t: Token): boolean {
  if (t.hasDigit || t.skip) return false;
  return t.caps === 'title' || CAMEL.test(t.text);
}

function classifierBefore(tokens: Token[], i: number): boolean {
  let phrase = '';
  for (let k = 1; k <= 3 && i - k >= 0; k++) {
    const t = tokens[i - k];
    if (t.block !== tokens[i].block) break;
    const sep = tokens[i - k + 1].sepBefore;
    if (sep !== ' ') break;
    phrase = phrase ? `${t.canon} ${phrase}` : t.canon;
    if (CLASSIFIERS.has(phrase)) return true;
  }
  return false;
}

export const names = defineFact('names', (doc: Document, facts): NameFacts => {
  const { tokens } = facts.get(vietnamese);
  const occurrences: NameOccurrence[] = [];
  const nameTokens = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    if (!nameLike(tokens[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    const ascii0 = !tokens[i].marked;
    while (
      j < tokens.length &&
      tokens[j].block === tokens[i].block &&
      nameLike(tokens[j]) &&
      (tokens[j].sepBefore === ' ' || (ascii0 && tokens[j].sepBefore === '-'))
    ) j++;
    let run = tokens.slice(i, j);
    const classified = !run[0].positional && classifierBefore(tokens, i);
    if (run[0].positional && !classified) run = run.slice(1);
    for (const t of run) nameTokens.add(t.index);
    if (run.length >= 2 || (classified && run.length === 1) || (run.length === 1 && CAMEL.test(run[0].text))) {
      const span = { start: run[0].span.start, end: run[run.length - 1].span.end };
      const text = doc.text.slice(span.start, span.end);
      const ascii = run.every((t) => !t.marked);
      occurrences.push({
        span,
        text,
        form: canonicalTone(text),
        // spaces do not count either: a name written joined (ThanhChương, HàNội) is the same name;
        // marked names keep a key apart from ASCII ones (Khanh Hoa is compared as English)
        key: ascii ? text.toLowerCase().replace(/[^a-z0-9]/g, '') : `~${run.map((t) => t.key).join('')}`,
        tokens: run,
        classified,
        ascii,
      });
    }
    i = j;
  }
  const groups = new Map<string, NameOccurrence[]>();
  for (const o of occurrences) {
    const g = groups.get(o.key);
    if (g) g.push(o);
    else groups.set(o.key, [o]);
  }
  return { occurrences, groups, nameTokens };
});

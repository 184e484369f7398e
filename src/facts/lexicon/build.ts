// One builder that turns a word or phrase list into a matcher, so that vocabularies (cues,
// hedges, plan words, counted nouns, boilerplate labels, …) are data in src/facts/lexicon/*.ts and
// not regex literals scattered through the facts. A phrase matches whole words only (no letter,
// mark or digit directly before or after it), case-insensitively when the list is lower case,
// with any run of white space between its words. Lists are sorted longest first so that the
// longest phrase wins ("tổng cộng" before "tổng").

export interface PhraseMatch {
  phrase: string;
  start: number;
  end: number;
}

export interface PhraseList {
  /** The phrases as given (NFC). */
  readonly phrases: readonly string[];
  /** Is `s` (trimmed, white space collapsed, lower-cased) one of the phrases? */
  has(s: string): boolean;
  /** A phrase that starts at `from` (after optional white space) in `text`. */
  at(text: string, from?: number): PhraseMatch | undefined;
  /** A phrase that ends at `to` (before optional white space) in `text`. */
  endingAt(text: string, to?: number): PhraseMatch | undefined;
  /** Every non-overlapping phrase in `text`, left to right. */
  all(text: string): PhraseMatch[];
  /** The alternation as regex source (no anchors, no boundaries), for composing patterns. */
  readonly source: string;
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const norm = (s: string): string => s.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();

export function phraseList(list: readonly string[]): PhraseList {
  const phrases = [...new Set(list.map((p) => p.normalize('NFC').trim().replace(/\s+/gu, ' ')))].filter(Boolean);
  if (phrases.length === 0) throw new Error('phraseList: empty list');
  const sorted = [...phrases].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const source = sorted.map((p) => p.split(' ').map(escape).join('\\s+')).join('|');
  // the matchers are built on first use: V8 parses a pattern when it is constructed, and a run
  // uses only some of the lists (all of them at module load cost ~70 ms of every start)
  let anywhereRe: RegExp | undefined;
  let atStartRe: RegExp | undefined;
  let atEndRe: RegExp | undefined;
  let normSet: Set<string> | undefined;
  const anywhere = (): RegExp => (anywhereRe ??= new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${source})(?![\\p{L}\\p{M}\\p{N}])`, 'giu'));
  const atStart = (): RegExp => (atStartRe ??= new RegExp(`\\s*(${source})(?![\\p{L}\\p{M}\\p{N}])`, 'yiu'));
  const atEnd = (): RegExp => (atEndRe ??= new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(${source})\\s*$`, 'iu'));
  const set = (): Set<string> => (normSet ??= new Set(phrases.map(norm)));
  return {
    phrases,
    source,
    has: (s) => set().has(norm(s)),
    at(text, from = 0) {
      const re = atStart();
      re.lastIndex = from;
      const m = re.exec(text);
      if (!m) return undefined;
      const start = m.index + m[0].length - m[1].length;
      return { phrase: m[1], start, end: m.index + m[0].length };
    },
    endingAt(text, to = text.length) {
      // look back at most the longest phrase plus some white space: linear in the window, not the text
      const window = Math.min(to, sorted[0].length * 2 + 16);
      const slice = text.slice(to - window, to);
      const m = atEnd().exec(slice);
      if (!m) return undefined;
      const start = to - window + m.index;
      if (start > 0 && start === to - window && LETTER.test(text[start - 1])) return undefined;
      return { phrase: m[1], start, end: start + m[1].length };
    },
    all(text) {
      const out: PhraseMatch[] = [];
      const re = anywhere();
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) out.push({ phrase: m[0], start: m.index!, end: m.index! + m[0].length });
      return out;
    },
  };
}

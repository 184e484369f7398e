// Text helpers of the accuracy bench, written apart from src/ on purpose: the planter must find
// its sites without reportlint's facts, so that recall measures the rules, not the phrasings the
// rules already read. Lines, sentences, word tokens, Vietnamese tone marks and their placement.

export const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']; // ngang huyền sắc hỏi ngã nặng
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VOWELS = 'aăâeêioôơuưy';

/** Line table: start offset of every line (lines split at \n; a \r before it stays in the line). */
export function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset. */
export function lineAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Lines with their spans (end excludes \n and a trailing \r). */
export function lines(text) {
  const out = [];
  const starts = lineStarts(text);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    let end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    out.push({ n: i + 1, start, end, text: text.slice(start, end) });
  }
  return out;
}

const UPPER_START = /^[\s"“(\[]*[\p{Lu}\d]/u;

/**
 * Sentences of one line: split after . ! ? when white space and an upper-case letter or a digit
 * follow, and after ; when white space follows. Offsets are absolute.
 */
export function sentences(line) {
  const out = [];
  const t = line.text;
  let from = 0;
  const re = /[.!?;](?=\s)/g;
  let m;
  while ((m = re.exec(t))) {
    const end = m.index + 1;
    const rest = t.slice(end);
    if (m[0] !== ';' && !UPPER_START.test(rest)) continue;
    // "TP. Hồ Chí Minh", "No. 5", "Mr. Smith", "ThS. Nguyễn": an abbreviation, not an end
    const before = /(\S+)$/.exec(t.slice(from, m.index))?.[1] ?? '';
    if (m[0] === '.' && /^(?:TP|Tp|No|Nos|Mr|Mrs|Ms|Dr|St|ThS|TS|PGS|GS|KS|BS|Ths|U\.S|v\.v|Inc|Co|Corp|Jr|vs|Pub|L|Stat|Sec|Art|Fig|p|pp|Vol)$/.test(before)) continue;
    if (m[0] === '.' && /^\p{Lu}$/u.test(before)) continue; // an initial
    out.push({ start: line.start + from, end: line.start + end, text: t.slice(from, end) });
    from = end;
    while (from < t.length && /\s/.test(t[from])) from++;
  }
  if (from < t.length) out.push({ start: line.start + from, end: line.end, text: t.slice(from) });
  return out;
}

/** Word tokens (letters, with inner apostrophes/hyphens kept out): {start, end, text}. */
export function words(text, offset = 0) {
  const out = [];
  const re = /[\p{L}\p{M}]+/gu;
  let m;
  while ((m = re.exec(text))) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  return out;
}

export function nfc(s) {
  return s.normalize('NFC');
}

/** The tone of a syllable (index into TONES) and its letters without the tone mark, NFC. */
export function splitTone(syl) {
  const d = syl.normalize('NFD');
  let tone = 0;
  const m = d.match(TONE_RE);
  if (m) tone = TONES.indexOf(m[0]);
  return { base: d.replace(TONE_RE, '').normalize('NFC'), tone, marks: m ? m.length : 0 };
}

const keys = new Map();
/** A placement-free key: lower-case letters without tone + the tone number ("hoa2" for hòa and hoà). */
export function toneKey(syl) {
  let k = keys.get(syl);
  if (k === undefined) {
    const { base, tone } = splitTone(syl.toLowerCase());
    k = base + tone;
    if (keys.size > 500_000) keys.clear();
    keys.set(syl, k);
  }
  return k;
}

/** Letters of a Vietnamese syllable: initial consonant cluster, vowel nucleus, final consonant. */
function parts(base) {
  const lower = base.toLowerCase();
  let i = 0;
  // "gi" and "qu" take their vowel into the initial when another vowel follows
  if (/^(gi)[aăâeêioôơuưy]/.test(lower) && lower.length > 2) i = 2;
  else if (/^qu/.test(lower)) i = 2;
  else while (i < lower.length && !VOWELS.includes(lower[i])) i++;
  let j = i;
  while (j < lower.length && VOWELS.includes(lower[j])) j++;
  return { initial: i, nucleusEnd: j, final: j < lower.length };
}

/**
 * Put a tone on a base syllable. style 'new' (hoà, thuỷ) or 'old' (hòa, thủy) matters only for
 * the open rhymes oa, oe, uy. Returns NFC.
 */
export function placeTone(base, tone, style = 'new') {
  if (!tone) return base.normalize('NFC');
  const chars = [...base.normalize('NFC')];
  const lower = chars.map((c) => c.toLowerCase()).join('');
  const { initial, nucleusEnd, final } = parts(lower);
  const nucleus = lower.slice(initial, nucleusEnd);
  let at = -1;
  if (!nucleus) {
    // "gi" alone (gì), or no vowel at all: the last vowel-like letter
    for (let k = chars.length - 1; k >= 0; k--) if (VOWELS.includes(lower[k])) { at = k; break; }
  } else {
    const marked = [...nucleus].map((c, k) => ('ăâêôơư'.includes(c) ? k : -1)).filter((k) => k >= 0);
    if (nucleus.includes('ươ')) at = initial + nucleus.indexOf('ươ') + 1;
    else if (marked.length) at = initial + marked[marked.length - 1];
    else if (nucleus.length === 1) at = initial;
    else if (final) at = initial + nucleus.length - 1;
    else if (nucleus.length === 3) at = initial + 1;
    else if (/^(oa|oe|uy)$/.test(nucleus)) at = initial + (style === 'new' ? 1 : 0);
    else at = initial;
  }
  if (at < 0) return base.normalize('NFC');
  chars[at] = (chars[at] + TONES[tone]).normalize('NFC');
  return chars.join('').normalize('NFC');
}

const styles = new Map();
/** 'old' (hòa, thủy), 'new' (hoà, thuỷ) or undefined for a syllable whose placement is not a style choice. */
export function toneStyle(syl) {
  let st = styles.get(syl);
  if (st === undefined && !styles.has(syl)) {
    st = readToneStyle(syl);
    if (styles.size > 500_000) styles.clear();
    styles.set(syl, st);
  }
  return st;
}

function readToneStyle(syl) {
  const { base, tone } = splitTone(syl);
  if (!tone) return undefined;
  const lower = base.toLowerCase();
  const m = /^([^aăâeêioôơuưy]*)(oa|oe|uy)$/.exec(lower);
  if (!m || m[1] === 'q' || m[1].endsWith('q')) return undefined;
  const d = syl.normalize('NFD').toLowerCase();
  const at = d.search(TONE_RE);
  const letters = d.slice(0, at).replace(/[\u0300-\u036f]/g, '');
  return letters.length === m[1].length + 1 ? 'old' : 'new';
}

const cases = new Map();
export function caseOf(w) {
  let c = cases.get(w);
  if (c === undefined) {
    c = readCase(w);
    if (cases.size > 500_000) cases.clear();
    cases.set(w, c);
  }
  return c;
}

function readCase(w) {
  if (w === w.toLowerCase()) return 'lower';
  if (w === w.toUpperCase()) return 'upper';
  if (w[0] === w[0].toUpperCase() && w.slice(1) === w.slice(1).toLowerCase()) return 'title';
  return 'mixed';
}

export function withCase(model, w) {
  const c = caseOf(model);
  if (c === 'upper') return w.toUpperCase();
  if (c === 'title') return w[0].toUpperCase() + w.slice(1);
  return w;
}

/** Share of letters that carry a Vietnamese mark: above ~2 % the text is Vietnamese. */
export function vietnameseShare(text) {
  const sample = text.length > 30_000 ? text.slice(0, 30_000) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const marked = sample.normalize('NFC').match(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/giu)?.length ?? 0;
  return letters ? marked / letters : 0;
}

/** The diacritic variants of one syllable: every other tone, and each vowel (or d) swapped for its marked sisters. */
export function diacriticVariants(syl) {
  const lower = syl.toLowerCase();
  const { base, tone } = splitTone(lower);
  const out = new Set();
  for (let t = 0; t < TONES.length; t++) if (t !== tone) out.add(placeTone(base, t));
  const SISTERS = { a: 'aăâ', ă: 'aăâ', â: 'aăâ', e: 'eê', ê: 'eê', o: 'oôơ', ô: 'oôơ', ơ: 'oôơ', u: 'uư', ư: 'uư', d: 'dđ', đ: 'dđ' };
  const chars = [...base];
  for (let k = 0; k < chars.length; k++) {
    const sis = SISTERS[chars[k]];
    if (!sis) continue;
    for (const s of sis) {
      if (s === chars[k]) continue;
      const nb = [...chars];
      nb[k] = s;
      out.add(placeTone(nb.join(''), tone));
    }
  }
  out.delete(lower);
  return [...out].map((w) => withCase(syl, w));
}

/** Letter edits that sound alike or are common slips (s/x, ch/tr, d/gi/r, l/n, final n/ng, c/t, i/y), keeping the tone. */
export function letterVariants(syl) {
  const lower = syl.toLowerCase();
  const { base, tone } = splitTone(lower);
  const out = new Set();
  const swaps = [
    [/^s/, 'x'], [/^x/, 's'], [/^ch/, 'tr'], [/^tr/, 'ch'], [/^d(?!đ)/, 'gi'], [/^gi/, 'd'], [/^r/, 'd'], [/^d/, 'r'],
    [/^l/, 'n'], [/^n(?!g|h)/, 'l'], [/ng$/, 'n'], [/(?<!n)n$/, 'ng'], [/c$/, 't'], [/t$/, 'c'], [/nh$/, 'n'], [/i$/, 'y'], [/y$/, 'i'],
    [/^v/, 'd'], [/^gh/, 'g'], [/^ngh/, 'ng'],
  ];
  for (const [re, rep] of swaps) {
    if (!re.test(base)) continue;
    out.add(placeTone(base.replace(re, rep), tone));
  }
  out.delete(lower);
  return [...out].map((w) => withCase(syl, w));
}

/** Edits that rarely give a real syllable: a letter dropped, doubled, or two swapped. */
export function typoVariants(syl) {
  const lower = syl.toLowerCase();
  const chars = [...lower];
  const out = new Set();
  for (let k = 0; k < chars.length; k++) {
    out.add([...chars.slice(0, k), ...chars.slice(k + 1)].join(''));
    out.add([...chars.slice(0, k + 1), chars[k], ...chars.slice(k + 1)].join(''));
    if (k + 1 < chars.length) out.add([...chars.slice(0, k), chars[k + 1], chars[k], ...chars.slice(k + 2)].join(''));
  }
  out.delete(lower);
  out.delete('');
  return [...out].map((w) => withCase(syl, w.normalize('NFC')));
}

/** A case-insensitive matcher of whole words or phrases (JS \\b is ASCII-only: "đó", "có" need letters as the boundary). */
export function phrases(list, { anchorStart = false, anchorEnd = false } = {}) {
  const alt = list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return new RegExp(`${anchorStart ? '^\\s*' : '(?<![\\p{L}\\p{M}\\d])'}(?:${alt})(?![\\p{L}\\p{M}\\d])${anchorEnd ? '\\s*$' : ''}`, 'iu');
}

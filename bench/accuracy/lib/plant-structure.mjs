// Structure sites: substantive paragraphs that occur once (to paste again), heading sequences
// that run on without a gap (to skip or repeat a number), long sentences (to break in two) and
// words or sentences to damage as a legacy encoding would.

import { toTCVN3, toVNI } from 'vietnamese-conversion';
import { rng, pick } from './prng.mjs';
import { words } from './text.mjs';
import { sampleOf } from './doc.mjs';

const utf8 = new TextEncoder();
// Windows-1252 bytes 0x80-0x9F (the rest of the byte range is Latin-1); the five unassigned bytes pass through
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const MARKED = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
const LIST_MARK = /^\s*(?:[-–+•*]|[a-zđ][.)]|\d+(?:\.\d+)*[.)]|[IVX]+[.)])\s+/u;

const norm = (s) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A line in capitals (a title), not a paragraph: no lower-case letter, at least one capital. */
function isHeadingLike(t) {
  return !/\p{Ll}/u.test(t) && /\p{Lu}/u.test(t);
}

export function paragraphSites(doc) {
  const out = [];
  // lines written once (white space aside); the normalised key only for lines long enough to plant
  const counts = new Map();
  const keys = doc.lines.map((l) => (l.text.length >= 40 ? norm(l.text) : ''));
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  const eligible = doc.lines.filter((l) => !doc.table[l.n - 1] && /[.;:!?…"”)]\s*$/.test(l.text) && doc.words(l.n).length >= 12 && counts.get(keys[l.n - 1]) === 1 && !isHeadingLike(l.text));
  if (!eligible.length) return out;
  const vocab = [...new Set(doc.lines.flatMap((l) => doc.words(l.n).map((w) => w.text)).filter((w) => w.length >= 3 && w === w.toLowerCase()))].sort();
  for (const l of sampleOf(eligible, 10, rng('paragraphs', doc.path))) {
    const t = l.text;
    const ws = doc.words(l.n);
    const rand = rng('paragraph', doc.path, l.start);
    const listItem = LIST_MARK.test(t) ? 'list-item' : 'paragraph';
    const size = ws.length < 30 ? 'short' : ws.length < 60 ? 'medium' : 'long';
    // exact copy right after it
    out.push({ kind: 'dup-paragraph-exact', shape: `${listItem}-adjacent`, edits: [{ start: l.end, end: l.end, text: '\n' + t, from: '' }], lines: [l.n + 1], origLines: [l.n], anchor: `${l.start}` });
    // a copy after the next paragraph, when it is plain text in the same section
    const next = doc.lines[l.n];
    if (next && next.text.trim() && !doc.table[l.n] && !isHeadingLike(next.text) && doc.words(next.n).length >= 6 && !/^\s*(?:[IVX]+\.|\d+\.\s|Điều|Chương|Mục)/u.test(next.text)) {
      out.push({ kind: 'dup-paragraph-exact', shape: `${listItem}-one-between`, edits: [{ start: next.end, end: next.end, text: '\n' + t, from: '' }], lines: [l.n + 2], origLines: [l.n], anchor: `${l.start}` });
    }
    // a copy with 1-3 words changed
    const k = 1 + Math.floor(rand() * 3);
    const inner = ws.slice(1).filter((w) => w.text.length >= 2);
    const chosen = new Set();
    while (chosen.size < Math.min(k, inner.length)) chosen.add(inner[Math.floor(rand() * inner.length)]);
    let copy = t;
    for (const w of [...chosen].sort((a, b) => b.start - a.start)) {
      let rep;
      do rep = pick(vocab, rand);
      while (vocab.length > 1 && rep === w.text.toLowerCase());
      copy = copy.slice(0, w.start - l.start) + rep + copy.slice(w.end - l.start);
    }
    if (copy !== t) out.push({ kind: 'dup-paragraph-near', shape: `${chosen.size}-word${chosen.size > 1 ? 's' : ''}-${size}`, edits: [{ start: l.end, end: l.end, text: '\n' + copy, from: '' }], lines: [l.n + 1], origLines: [l.n], anchor: `${l.start}` });
  }
  return out;
}

// ---------------------------------------------------------------- headings

const VI_ORDER = 'abcdđeghiklmnopqrstuvxy';
const EN_ORDER = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

function marker(t) {
  let m;
  if ((m = /^(\s*)(Điều)(\s+)(\d{1,3})([.:])\s+\S/u.exec(t))) return { style: 'article', level: 1, value: +m[4], at: m[1].length + m[2].length + m[3].length, raw: m[4] };
  if ((m = /^(\s*)([IVX]{1,5})\.\s+\S/.exec(t)) && ROMAN.indexOf(m[2]) > 0) return { style: 'roman', level: 2, value: ROMAN.indexOf(m[2]), at: m[1].length, raw: m[2] };
  if ((m = /^(\s*)(\d{1,2})\.(\d{1,2})\.?\s+\S/.exec(t))) return { style: 'multi', level: 4, value: +m[3], prefix: m[2], at: m[1].length + m[2].length + 1, raw: m[3] };
  if ((m = /^(\s*)(\d{1,2})\.\s+\S/.exec(t))) return { style: 'arabic', level: 3, value: +m[2], at: m[1].length, raw: m[2] };
  if ((m = /^(\s*)([a-zđ])\)\s+\S/u.exec(t))) return { style: 'letter', level: 5, value: m[2], at: m[1].length, raw: m[2] };
  if (/^\s*(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN|Chapter|CHAPTER|Part|PART)\s+(?:[IVXLC]+|\d+)\b|^\s*(?:Phụ lục|PHỤ LỤC|Appendix|APPENDIX)\b/u.test(t)) return { style: 'context', level: 0 };
  return undefined;
}

/** Heading sequences: runs of one style under one parent whose numbers are consecutive from the first. */
export function headingRuns(doc) {
  const open = new Map(); // key -> run
  const runs = [];
  const parentAt = [-1, -1, -1, -1, -1, -1];
  for (const l of doc.lines) {
    if (doc.table[l.n - 1]) continue;
    const m = marker(l.text);
    if (!m) continue;
    for (let lv = m.level; lv < parentAt.length; lv++) if (lv > m.level) parentAt[lv] = -1;
    if (m.style === 'context') {
      // a chapter or annex starts the outline afresh; articles run on across chapters
      for (const [k, r] of open) if (r.style !== 'article') runs.push(r), open.delete(k);
      continue;
    }
    // the parent is the nearest open heading of a higher level
    let parent = -1;
    for (let lv = m.level - 1; lv >= 0; lv--) if (parentAt[lv] >= 0) { parent = parentAt[lv]; break; }
    const key = `${m.style}|${parent}|${m.prefix ?? ''}`;
    const item = { line: l.n, start: l.start + m.at, end: l.start + m.at + m.raw.length, ...m };
    const run = open.get(key);
    if (run) run.items.push(item);
    else open.set(key, { style: m.style, items: [item] });
    parentAt[m.level] = l.n;
    // deeper levels close when a shallower heading opens
    for (const [k, r] of open) {
      const lv = r.items[0].level;
      if (lv > m.level) {
        runs.push(r);
        open.delete(k);
      }
    }
  }
  runs.push(...open.values());
  // split at restarts; keep runs consecutive from their first value
  const out = [];
  for (const r of runs) {
    let cur = [];
    const flush = () => {
      if (cur.length >= 3) out.push({ style: r.style, items: cur });
      cur = [];
    };
    for (const it of r.items) {
      if (cur.length && isFirst(it)) flush();
      cur.push(it);
    }
    flush();
  }
  return out.filter((r) => consecutive(r, doc)).map((r) => ({ ...r, order: letterOrder(r, doc) }));
}

function isFirst(it) {
  return it.style === 'letter' ? it.value === 'a' : it.value === 1;
}

function letterOrder(r, doc) {
  if (r.style !== 'letter') return undefined;
  const vals = r.items.map((i) => i.value).join('');
  if (vals.includes('đ')) return VI_ORDER;
  if (/[fjwz]/.test(vals)) return EN_ORDER;
  return doc.lang === 'vi' ? 'ambiguous' : EN_ORDER;
}

function consecutive(r, doc) {
  const items = r.items;
  if (!isFirst(items[0])) return false;
  if (r.style === 'letter') {
    const vals = items.map((i) => i.value).join('');
    return VI_ORDER.startsWith(vals) || EN_ORDER.startsWith(vals);
  }
  return items.every((it, i) => it.value === i + 1);
}

function render(style, value) {
  return style === 'roman' ? ROMAN[value] : String(value);
}

export function headingSites(doc) {
  const out = [];
  for (const r of headingRuns(doc)) {
    const rand = rng('headings', doc.path, r.items[0].start);
    const last = r.items[r.items.length - 1];
    const shape = r.style === 'letter' ? (r.order === VI_ORDER ? 'letter-vi' : r.order === EN_ORDER ? 'letter-en' : 'letter-a-d') : r.style;
    let skipped;
    if (r.style === 'letter') {
      // two letters ahead in both orders (so the gap is a gap whichever alphabet the writer follows)
      const orders = r.order === 'ambiguous' ? [VI_ORDER, EN_ORDER] : [r.order];
      for (const cand of EN_ORDER) {
        if (orders.every((o) => o.indexOf(cand) >= o.indexOf(last.value) + 2) && orders.every((o) => o.includes(cand))) {
          skipped = cand;
          break;
        }
      }
    } else if (r.style !== 'roman' || last.value + 1 < ROMAN.length) skipped = render(r.style, last.value + 1);
    if (skipped) out.push({ kind: 'heading-skip', shape, edits: [{ start: last.start, end: last.end, text: skipped, from: last.raw }], lines: [last.line], anchor: `${r.items[0].start}` });
    const k = 1 + Math.floor(rand() * (r.items.length - 1));
    const it = r.items[k];
    const prev = r.items[k - 1];
    out.push({ kind: 'heading-repeat', shape: `${shape}-${k === r.items.length - 1 ? 'last' : 'middle'}`, edits: [{ start: it.start, end: it.end, text: prev.raw, from: it.raw }], lines: [it.line], anchor: `${r.items[0].start}` });
  }
  return out;
}

// ---------------------------------------------------------------- broken paragraphs

export function brokenSites(doc) {
  const out = [];
  const eligible = doc.lines.filter((l) => !doc.table[l.n - 1] && /[.;!?]\s*$/.test(l.text) && doc.words(l.n).length >= 16 && !isHeadingLike(l.text));
  for (const l of sampleOf(eligible, 10, rng('broken-lines', doc.path))) {
    const ws = doc.words(l.n);
    const rand = rng('broken', doc.path, l.start);
    const options = [];
    for (let i = 4; i < ws.length - 4; i++) {
      const gap = doc.text.slice(ws[i].end, ws[i + 1].start);
      if (gap !== ' ') continue;
      if (ws[i + 1].text[0] !== ws[i + 1].text[0].toLowerCase()) continue;
      options.push(i);
    }
    if (!options.length) continue;
    const i = pick(options, rand);
    out.push({ kind: 'broken-paragraph', shape: LIST_MARK.test(l.text) ? 'list-item' : 'paragraph', edits: [{ start: ws[i].end, end: ws[i].end + 1, text: '\n', from: ' ' }], lines: [l.n, l.n + 1], origLines: [l.n], anchor: `${l.start}` });
  }
  return out;
}

// ---------------------------------------------------------------- encoding

export function mojibake(s) {
  let out = '';
  for (const b of utf8.encode(s)) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

export function encodingSites(doc) {
  if (doc.lang !== 'vi') return [];
  const out = [];
  const eligible = doc.lines.filter((l) => !doc.table[l.n - 1] && doc.words(l.n).filter((w) => MARKED.test(w.text)).length >= 3);
  for (const l of sampleOf(eligible, 8, rng('encoding-lines', doc.path))) {
    const ws = doc.words(l.n).filter((w) => MARKED.test(w.text));
    const rand = rng('encoding', doc.path, l.start);
    const w = pick(ws, rand);
    const add = (kind, shape, start, end, text) => out.push({ kind, shape, edits: [{ start, end, text, from: doc.text.slice(start, end) }], lines: [l.n], anchor: `${l.start}` });
    add('encoding-nfd-word', 'word', w.start, w.end, w.text.normalize('NFD'));
    const legacy = rand() < 0.5 ? ['tcvn3', toTCVN3(w.text, 'UNICODE')] : ['vni', toVNI(w.text, 'UNICODE')];
    if (legacy[1] !== w.text) add('encoding-legacy-word', legacy[0], w.start, w.end, legacy[1]);
    add('encoding-mojibake-word', 'word', w.start, w.end, mojibake(w.text));
    const ss = doc.sentences(l.n).filter((s) => words(s.text).filter((x) => MARKED.test(x.text)).length >= 4);
    if (ss.length) {
      const s = pick(ss, rand);
      const lg = rand() < 0.5 ? ['tcvn3', toTCVN3(s.text, 'UNICODE')] : ['vni', toVNI(s.text, 'UNICODE')];
      add('encoding-legacy-sentence', lg[0], s.start, s.end, lg[1]);
      add('encoding-mojibake-sentence', 'sentence', s.start, s.end, mojibake(s.text));
    }
  }
  return out;
}

/** Structure a reader would check, for coverage: numbered headings, paragraphs, line breaks inside text. */
export function structureCounts(doc) {
  let headings = 0;
  let paragraphs = 0;
  let breaks = 0;
  for (const l of doc.lines) {
    if (doc.table[l.n - 1] || !l.text.trim()) continue;
    const m = marker(l.text);
    if (m && m.style !== 'context') headings++;
    if (doc.words(l.n).length >= 8) paragraphs++;
    const next = doc.lines[l.n];
    if (next && next.text.trim() && !doc.table[l.n]) breaks++;
  }
  return { headings, paragraphs, breaks };
}

// Citation and date sites found by the bench's own reader (the symbol grammar of
// ../shared/reference/vietnamese-reports.md §1.5, written again here, not src/facts/citations.ts):
// documents cited 2+ times the same way (same number and symbol, same date where dated, same
// type word), and valid dates. Each yields plantings that change one occurrence.

import { rng, pick } from './prng.mjs';
import { mutateDigit } from './numbers.mjs';
import { sampleOf } from './doc.mjs';

const SEG = "[A-ZĐ][A-ZĐa-zđ0-9]*(?:\\.[A-ZĐ][A-ZĐa-zđ0-9]*)*";
const CITE = new RegExp(
  `(?<![\\p{L}\\d/\\-.])(?:(\\d{1,5}[a-z]?)-(${SEG})/(${SEG}(?:-${SEG})*)|(\\d{1,5})/(\\d{4})/(${SEG}(?:-${SEG})*)|(\\d{1,6})/(${SEG}(?:-${SEG})*))(?![\\p{L}\\d/]|-[\\p{L}\\d])`,
  'gu',
);
const TYPE_BEFORE =
  /(Nghị định|Nghị quyết|Quyết định|Thông tư liên tịch|Thông tư|Chỉ thị|Kết luận|Kế hoạch|Thông báo|Công văn|Văn bản|Hướng dẫn|Quy định|Chương trình|Báo cáo|Tờ trình|Luật|Pháp lệnh|Công điện|Đề án|Thông tri|Quy chế)\s+(?:số\s*:?\s*)?$/iu;
const DATE_NUM = /^(\s*,?\s*(?:ban hành\s+|được ban hành\s+)?ngày\s+)(\d{1,2})([/.-])(\d{1,2})\3(\d{4})(?!\d)/u;
const DATE_WORDS = /^(\s*,?\s*(?:ban hành\s+)?ngày\s+)(\d{1,2})(\s+tháng\s+)(\d{1,2})(\s+năm\s+)(\d{4})(?!\d)/u;
// a type code in a symbol, to say whether a changed type word contradicts it
const TYPE_CODES = /^(?:NĐ|ND|QĐ|QD|TT|TTLT|NQ|CT|KH|TB|KL|HD|QĐi|QyĐ|CTr|TTr|BC|CĐ|ĐA|PL|QC|L)$/u;
const TYPE_SWAP = {
  'nghị định': 'thông tư', 'thông tư': 'nghị định', 'thông tư liên tịch': 'nghị định', 'nghị quyết': 'quyết định', 'quyết định': 'kế hoạch',
  'kế hoạch': 'quyết định', 'chỉ thị': 'nghị quyết', 'kết luận': 'chỉ thị', 'thông báo': 'kế hoạch', 'công văn': 'quyết định', 'văn bản': 'quyết định',
  'hướng dẫn': 'thông báo', 'quy định': 'nghị quyết', 'chương trình': 'kế hoạch', 'báo cáo': 'tờ trình', 'tờ trình': 'báo cáo', 'luật': 'nghị định',
  'pháp lệnh': 'nghị định', 'công điện': 'quyết định', 'đề án': 'kế hoạch', 'thông tri': 'chỉ thị', 'quy chế': 'quy định',
};

export function daysIn(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDate(d, m, y) {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) && y >= 1945 && y <= 2100;
}

/** Citations of a text: { start, end, raw, system, number, numberSpan, symbol, year?, yearSpan?, typeWord?, typeSpan?, date? } */
export function findCitations(text) {
  const out = [];
  CITE.lastIndex = 0;
  let m;
  while ((m = CITE.exec(text))) {
    let raw = m[0];
    const start = m.index;
    let c;
    if (m[1] !== undefined) c = { system: 'party', number: m[1], symbol: `${m[2]}/${m[3]}`, code: m[2] };
    else if (m[4] !== undefined) c = { system: 'legal', number: m[4], year: m[5], symbol: m[6], code: m[6].split('-')[0] };
    else c = { system: 'admin', number: m[7], symbol: m[8], code: m[8].split('-')[0] };
    if (c.system === 'admin' && !c.symbol.includes('-') && c.symbol.length < 2) continue;
    const end = start + raw.length;
    c = { ...c, start, end, raw, numberSpan: { start, end: start + c.number.length } };
    if (c.system === 'legal') c.yearSpan = { start: start + c.number.length + 1, end: start + c.number.length + 5 };
    const before = text.slice(Math.max(0, start - 40), start);
    const t = TYPE_BEFORE.exec(before);
    if (t) c.type = { word: t[1], start: start - (before.length - t.index), end: start - (before.length - t.index) + t[1].length };
    const after = text.slice(end, end + 60);
    let d = DATE_NUM.exec(after);
    if (d) {
      const ds = end + d[1].length;
      c.date = { start: ds, end: end + d[0].length, day: +d[2], month: +d[4], year: +d[5], style: 'numeric', sep: d[3], dayRaw: d[2], monthRaw: d[4] };
    } else if ((d = DATE_WORDS.exec(after))) {
      const ds = end + d[1].length;
      c.date = { start: ds, end: end + d[0].length, day: +d[2], month: +d[4], year: +d[6], style: 'words', dayRaw: d[2], monthRaw: d[4] };
    }
    if (c.date && !validDate(c.date.day, c.date.month, c.date.year)) c.date.invalid = true;
    out.push(c);
  }
  return out;
}

const foldKey = (s) => s.normalize('NFC').toLowerCase().replace(/[\s\-/.]/g, '').replace(/đ/g, 'd');

/** Groups of citations of one document, each consistent (same raw, one date, one type word); variant-free. */
export function citationGroups(text) {
  const all = findCitations(text);
  const byRaw = new Map();
  const byFold = new Map();
  for (const c of all) {
    (byRaw.get(c.raw) ?? byRaw.set(c.raw, []).get(c.raw)).push(c);
    const k = foldKey(c.raw);
    (byFold.get(k) ?? byFold.set(k, new Set()).get(k)).add(c.raw);
  }
  const groups = [];
  for (const [raw, list] of byRaw) {
    if (list.length < 2) continue;
    if (byFold.get(foldKey(raw)).size > 1) continue; // already written two ways
    // no other document with the same symbol and a number one digit away (two real documents)
    const dated = list.filter((c) => c.date);
    if (dated.some((c) => c.date.invalid)) continue;
    const dates = new Set(dated.map((c) => `${c.date.day}/${c.date.month}/${c.date.year}`));
    if (dates.size > 1) continue;
    const types = new Set(list.filter((c) => c.type).map((c) => c.type.word.toLowerCase()));
    if (types.size > 1) continue;
    if (list.some((c) => c.system === 'legal' && c.date && +c.year !== c.date.year)) continue;
    groups.push({ raw, list, dated });
  }
  return { all, groups };
}

function sameSymbolNumbers(all, c) {
  return new Set(all.filter((o) => o.symbol === c.symbol && o.system === c.system && (o.year ?? '') === (c.year ?? '')).map((o) => o.number));
}

function pad(n, like) {
  return like.length === 2 ? String(n).padStart(2, '0') : String(n);
}

export function citationSites(doc) {
  if (doc.lang !== 'vi') return [];
  const out = [];
  const { all, groups } = citationGroups(doc.text);
  const line = (off) => doc.lineOf(off);
  for (const g of groups) {
    const rand = rng('citation', doc.path, g.raw);
    const count = g.list.length >= 3 ? '3+' : '2';
    const datedShape = g.dated.length >= 2 ? 'dated' : 'undated';
    const base = `${g.list[0].system}-cited-${count}`;
    const c = pick(g.list, rand);
    const add = (kind, shape, edit, extraLines = []) =>
      out.push({ kind, shape, edits: [edit], lines: [...new Set([line(edit.start), ...extraLines])].sort((a, b) => a - b), anchor: `${c.start}` });
    // one digit of the number, never giving the number of another document of the same symbol
    const taken = sameSymbolNumbers(all, c);
    for (let tries = 0; tries < 6; tries++) {
      const m = mutateDigit({ raw: c.number.replace(/[a-z]$/, '') }, rand, 'any');
      if (!m) break;
      const num = m.raw + c.number.slice(m.raw.length);
      if (taken.has(num)) continue;
      add('citation-digit', `${base}-${datedShape}`, { start: c.numberSpan.start, end: c.numberSpan.end, text: num, from: c.number });
      break;
    }
    const sym = c.raw.slice(c.number.length);
    const at = c.start + c.number.length; // offset of the separator after the number
    // hyphens inside the symbol (QĐ-UBND) or after a Party number (164-TB)
    const hyphens = [...c.raw].map((ch, i) => (ch === '-' ? i : -1)).filter((i) => i > 0);
    if (hyphens.length) {
      const h = pick(hyphens, rand);
      add('citation-hyphen-drop', c.system, { start: c.start + h, end: c.start + h + 1, text: '', from: '-' });
      const h2 = pick(hyphens, rand);
      add('citation-space', `${c.system}-after-hyphen`, { start: c.start + h2 + 1, end: c.start + h2 + 1, text: ' ', from: '' });
    } else {
      const slash = c.raw.lastIndexOf('/');
      add('citation-space', `${c.system}-after-slash`, { start: c.start + slash + 1, end: c.start + slash + 1, text: ' ', from: '' });
    }
    if (c.system === 'party') add('citation-separator', 'party', { start: at, end: at + 1, text: '/', from: '-' });
    else if (c.system === 'admin' && sym[0] === '/') add('citation-separator', 'admin', { start: at, end: at + 1, text: '-', from: '/' });
    // one capital lower-cased, inside an upper-case run of 2+ letters
    const caps = [];
    const symStart = c.raw.indexOf(c.system === 'party' ? '-' : '/') + 1;
    for (let i = symStart; i < c.raw.length; i++) {
      if (/[A-ZĐ]/u.test(c.raw[i]) && (/[A-ZĐ]/u.test(c.raw[i - 1] ?? '') || /[A-ZĐ]/u.test(c.raw[i + 1] ?? ''))) caps.push(i);
    }
    if (caps.length) {
      const i = pick(caps, rand);
      add('citation-case', c.system, { start: c.start + i, end: c.start + i + 1, text: c.raw[i].toLowerCase(), from: c.raw[i] });
    }
    const dj = c.raw.indexOf('Đ', symStart);
    if (dj >= 0) add('citation-dj', c.system, { start: c.start + dj, end: c.start + dj + 1, text: 'D', from: 'Đ' });
    // dates: only where two or more occurrences carry the date
    if (g.dated.length >= 2) {
      const d0 = pick(g.dated, rand);
      const d = d0.date;
      const dayText = (dd) => pad(dd, d.dayRaw);
      const dayOff = d.start;
      const monthOff = d.style === 'numeric' ? d.start + d.dayRaw.length + 1 : doc.text.indexOf(d.monthRaw, d.start + d.dayRaw.length);
      const yearOff = d.end - 4;
      let nd;
      do nd = 1 + Math.floor(rand() * 28);
      while (nd === d.day);
      add('citation-date-day', `${d.style}-${count}`, { start: dayOff, end: dayOff + d.dayRaw.length, text: dayText(nd), from: d.dayRaw });
      let nm;
      do nm = 1 + Math.floor(rand() * 12);
      while (nm === d.month || d.day > daysIn(d.year, nm));
      add('citation-date-month', `${d.style}-${count}`, { start: monthOff, end: monthOff + d.monthRaw.length, text: pad(nm, d.monthRaw), from: d.monthRaw });
      const ny = d.year + (rand() < 0.5 ? -1 : 1);
      if (validDate(d.day, d.month, ny)) add('citation-date-year', `${d.style}-${d0.system}`, { start: yearOff, end: yearOff + 4, text: String(ny), from: String(d.year) });
    }
    if (c.type) {
      const w = c.type.word;
      const to = TYPE_SWAP[w.toLowerCase()];
      if (to) {
        const text = w[0] === w[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to;
        const hasCode = TYPE_CODES.test(c.code) && c.system !== 'legal' ? 'code-in-symbol' : c.system === 'legal' ? 'legal' : 'no-type-code';
        add('citation-type-word', hasCode, { start: c.type.start, end: c.type.end, text, from: w });
      }
    }
    if (c.system === 'legal') {
      const withDate = g.list.filter((o) => o.date);
      if (withDate.length) {
        const o = pick(withDate, rand);
        const ny = +o.year + (rand() < 0.5 ? -1 : 1);
        out.push({ kind: 'citation-legal-year', shape: `cited-${count}`, edits: [{ start: o.yearSpan.start, end: o.yearSpan.end, text: String(ny), from: o.year }], lines: [line(o.start)], anchor: `${o.start}` });
      }
    }
  }
  // two documents cited side by side, each cited elsewhere with its date: swap their dates
  const dated = new Map(groups.filter((g) => g.dated.length >= 2).map((g) => [g.raw, g]));
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i];
    const b = all[i + 1];
    if (!a.date || !b.date || b.start - a.end > 160 || !dated.has(a.raw) || !dated.has(b.raw) || a.raw === b.raw) continue;
    if (line(a.start) !== line(b.start)) continue;
    const da = doc.text.slice(a.date.start, a.date.end);
    const db = doc.text.slice(b.date.start, b.date.end);
    if (da === db || a.date.style !== b.date.style) continue;
    const mid = doc.text.slice(a.date.end, b.date.start);
    out.push({ kind: 'citation-date-swap', shape: a.date.style, edits: [{ start: a.date.start, end: b.date.end, text: db + mid + da, from: da + mid + db }], lines: [line(a.start)], anchor: `${a.start}` });
  }
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Valid dates: { start, end, day, month, year, style, parts: {day:{start,end,raw}, month, year, words?} } */
export function findDates(text) {
  const out = [];
  let m;
  const num = /(?<![\d/.\-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.\-]\d|\d)/g;
  while ((m = num.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (m[2] !== '/' && !/ngày\s*$/u.test(before)) continue;
    const d = +m[1];
    const mo = +m[3];
    const y = +m[4];
    if (!validDate(d, mo, y)) continue;
    const s = m.index;
    out.push({ start: s, end: s + m[0].length, day: d, month: mo, year: y, style: 'numeric', introduced: /ngày\s*$/u.test(before), parts: { day: { start: s, end: s + m[1].length, raw: m[1] }, month: { start: s + m[1].length + 1, end: s + m[1].length + 1 + m[3].length, raw: m[3] }, year: { start: s + m[0].length - 4, end: s + m[0].length, raw: m[4] } } });
  }
  const words = /(ngày|Ngày)(\s+)(\d{1,2})(\s+)(tháng)(\s+)(\d{1,2})(\s+)(năm)(\s+)(\d{4})(?!\d)/gu;
  while ((m = words.exec(text))) {
    const d = +m[3];
    const mo = +m[7];
    const y = +m[11];
    if (!validDate(d, mo, y)) continue;
    let at = m.index;
    const off = [];
    for (let k = 1; k < m.length; k++) {
      off.push(at);
      at += m[k].length;
    }
    const span = (k) => ({ start: off[k - 1], end: off[k - 1] + m[k].length, raw: m[k] });
    out.push({ start: m.index, end: m.index + m[0].length, day: d, month: mo, year: y, style: 'words', parts: { day: span(3), month: span(7), year: span(11), words: { ngày: span(1), tháng: span(5), năm: span(9) } } });
  }
  const en = new RegExp(`\\b(${MONTHS.join('|')})( )(\\d{1,2})(, )(\\d{4})\\b`, 'g');
  while ((m = en.exec(text))) {
    const mo = MONTHS.indexOf(m[1]) + 1;
    const d = +m[3];
    const y = +m[5];
    if (!validDate(d, mo, y)) continue;
    const s = m.index;
    const dayStart = s + m[1].length + 1;
    out.push({ start: s, end: s + m[0].length, day: d, month: mo, year: y, style: 'en', parts: { day: { start: dayStart, end: dayStart + m[3].length, raw: m[3] }, year: { start: s + m[0].length - 4, end: s + m[0].length, raw: m[5] } } });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function dateSites(doc) {
  const out = [];
  for (const d of sampleOf(findDates(doc.text), 12, rng('dates', doc.path))) {
    const rand = rng('date', doc.path, d.start);
    const ln = doc.lineOf(d.start);
    const add = (kind, shape, edit) => out.push({ kind, shape, edits: [edit], lines: [ln], anchor: `${d.start}` });
    const y = d.parts.year;
    const pos = Math.floor(rand() * 5);
    const five = y.raw.slice(0, pos) + y.raw[Math.min(pos, 3)] + y.raw.slice(pos);
    add('date-five-digit-year', d.style, { start: y.start, end: y.end, text: five, from: y.raw });
    const tr = y.raw.slice(0, 2) + y.raw[3] + y.raw[2];
    if (tr !== y.raw && +tr > 2026) add('date-transposed-year', d.style, { start: y.start, end: y.end, text: tr, from: y.raw });
    const bad = d.month === 2 ? 30 : [4, 6, 9, 11].includes(d.month) ? 31 : 32;
    add('date-impossible-day', `${d.style}-month-${d.month === 2 ? 'feb' : bad === 31 ? '30-day' : '31-day'}`, { start: d.parts.day.start, end: d.parts.day.end, text: String(bad), from: d.parts.day.raw });
    if (d.parts.month) {
      const mr = d.parts.month.raw;
      // a month that cannot be: 03..09 -> 13..19 (a 0 typed as 1); January and February would give 11 and 12, real
      // months, so they become 21 and 22 (a 0 typed as 2); 10..12 -> 13..19
      const nm = d.month <= 2 ? '2' + String(d.month) : d.month <= 9 ? '1' + String(d.month) : String(13 + Math.floor(rand() * 7));
      add('date-impossible-month', d.style, { start: d.parts.month.start, end: d.parts.month.end, text: nm, from: mr });
    }
    if (d.parts.words) {
      const which = pick(['ngày', 'tháng', 'năm'], rand);
      const to = { ngày: 'ngay', tháng: 'thang', năm: 'nam' }[which];
      const w = d.parts.words[which];
      add('date-word', which, { start: w.start, end: w.end, text: w.raw[0] === w.raw[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to, from: w.raw });
    }
  }
  return out;
}

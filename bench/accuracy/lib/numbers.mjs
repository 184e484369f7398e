// The bench's own number reader (independent of src/facts/numbers.ts): figures in the document's
// convention (vi `19.870,477`, en `19,870.477`), exact values as scaled BigInts, the unit word
// after them, and the contexts that make a number not a figure (dates, document and article
// numbers, years, outline markers, phone numbers, codes).

const VI_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const VI_PLAIN = /^\d+(?:,\d+)?$/;
const EN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EN_PLAIN = /^\d+(?:\.\d+)?$/;

/** Parse a digit run in a convention: { int: BigInt of all digits, dec: decimals, grouped } or undefined. */
export function parseNumber(raw, conv) {
  const grouped = conv === 'vi' ? VI_GROUPED : EN_GROUPED;
  const plain = conv === 'vi' ? VI_PLAIN : EN_PLAIN;
  const isGrouped = grouped.test(raw);
  if (!isGrouped && !plain.test(raw)) return undefined;
  const group = conv === 'vi' ? '.' : ',';
  const decimal = conv === 'vi' ? ',' : '.';
  const s = raw.split(group).join('');
  const [i, f = ''] = s.split(decimal);
  return { int: BigInt(i + f), dec: f.length, grouped: isGrouped };
}

/** Write a value (int, dec) in a convention, grouping thousands when `grouped`. */
export function formatNumber(int, dec, conv, grouped) {
  const neg = int < 0n;
  let s = (neg ? -int : int).toString().padStart(dec + 1, '0');
  let ip = dec ? s.slice(0, s.length - dec) : s;
  const fp = dec ? s.slice(s.length - dec) : '';
  if (grouped) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, conv === 'vi' ? '.' : ',');
  return (neg ? '-' : '') + ip + (dec ? (conv === 'vi' ? ',' : '.') + fp : '');
}

/** Align two values to the same number of decimals. */
export function scaled(n, dec) {
  return n.int * 10n ** BigInt(dec - n.dec);
}

export function sumEquals(total, parts) {
  const dec = Math.max(total.dec, ...parts.map((p) => p.dec));
  let s = 0n;
  for (const p of parts) s += scaled(p, dec);
  return s === scaled(total, dec);
}

export function toFloat(n) {
  return Number(n.int) / 10 ** n.dec;
}

// Words before a number that make it an identifier, not a quantity (lower case, NFC).
const NOT_FIGURE_BEFORE =
  /(?:^|[\s(,;:–-])(?:điều|khoản|điểm|chương|mục|phần|phụ lục|số|số:|mẫu|mẫu số|biểu|biểu số|lần thứ|thứ|khóa|khoá|ngày|tháng|năm|quý|giai đoạn|đợt|kỳ|article|articles|section|sections|sec\.|§|no\.|nos\.|part|chapter|title|table|figure|fig\.|appendix|page|pages|p\.|pp\.|public law|pub\. l\.|h\.r\.|s\.|fy|fiscal year|fiscal years|phase|tier|level|step|dòng|cột|tờ|thửa|lô|quốc lộ|ql|tỉnh lộ|đường|tổ|ấp|thôn|khu phố|khu|tập|trang|hạng|bậc|nhóm|loại|lớp|phòng|tầng|km|version|v\.|rule|line|column|exhibit|attachment|enclosure|item|recommendation|objective|question|act of|act|executive order|order|decision|decree|resolution|circular|law|luật|nghị định|nghị quyết|thông tư|quyết định|chỉ thị|kết luận|tiêu chuẩn|tcvn|qcvn|iso|hạng mục|gói thầu|dự án số|mã|mã số|code|id|zip|phone|tel|điện thoại|fax|sđt|hotline|ext\.)\s*$/u;

const SCALES = new Set(['nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'million', 'billion', 'thousand', 'trillion', 'nghìn tỷ']);

/**
 * Every figure of a text in a convention: { start, end, raw, int, dec, grouped, unit, line } with
 * absolute offsets. `unit` is '%', the scale and the word after it ("tỷ đồng", "$ million"), the
 * word after the figure ("hộ"), or '' when nothing follows on the same line (table cells).
 */
export function figures(text, conv, { offset = 0 } = {}) {
  const out = [];
  const re = /\d[\d.,]*\d|\d/g;
  let m;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const s = m.index;
    const e = s + raw.length;
    const prev = text[s - 1] ?? '';
    const next = text[e] ?? '';
    if (/[\p{L}\p{M}_/\\#@&]/u.test(prev) || /[\p{L}_/\\@]/u.test(next)) continue;
    if (prev === '-' && /\d/.test(text[s - 2] ?? '')) continue; // 2026-2028, 57-NQ
    if (next === '-' && /[\d\p{L}]/u.test(text[e + 1] ?? '')) continue; // 164-TB/TU, 2026-2028
    if ((prev === ':' && /\d/.test(text[s - 2] ?? '')) || (next === ':' && /\d/.test(text[e + 1] ?? ''))) continue; // 8:30
    if (prev === '.' || prev === ',' || ((next === '.' || next === ',') && /\d/.test(text[e + 1] ?? ''))) continue;
    if (/[+×x*^]/.test(prev) && /\d/.test(text[s - 2] ?? '')) continue; // Km15+200, 2x3
    if (next === '+' || next === '*' || next === '^') continue;
    const n = parseNumber(raw, conv);
    if (!n) continue;
    // a year, a phone number, an outline marker
    if (!n.grouped && n.dec === 0 && raw.length === 4 && +raw >= 1900 && +raw <= 2100) continue;
    if (!n.grouped && raw.length >= 9) continue;
    const lineStart = text.lastIndexOf('\n', s - 1) + 1;
    const head = text.slice(lineStart, s);
    if (/^[\s\-–+•*]*(?:[IVXLC]+\.|\d+(?:\.\d+)*)?[\s]*$/.test(head) && /^[.)]\s|^[.)]$/.test(text.slice(e, e + 2))) continue;
    const before = text.slice(Math.max(lineStart, s - 30), s).toLowerCase();
    if (NOT_FIGURE_BEFORE.test(before) && !/tổng số\s*$/u.test(before)) continue;
    const unit = unitAfter(text, e, before);
    out.push({ start: offset + s, end: offset + e, raw, ...n, unit });
  }
  return out;
}

/** The unit of a figure ending at `e`: see figures(). */
export function unitAfter(text, e, before = '') {
  const rest = text.slice(e, e + 60);
  const dollar = /\$\s*$/.test(before);
  if (/^\s?%/.test(rest)) return '%';
  if (/^\s+(?:phần trăm|percent|per cent)\b/iu.test(rest)) return '%';
  const w = /^[ \u00a0]+([\p{L}\p{M}]+)(?:[ \u00a0]+([\p{L}\p{M}]+))?/u.exec(rest);
  if (!w) return dollar ? '$' : '';
  const a = w[1].toLowerCase();
  const b = (w[2] ?? '').toLowerCase();
  if (SCALES.has(a)) return (dollar ? '$ ' : '') + a + (dollar ? '' : ' ' + b);
  return dollar ? '$' : a;
}

/**
 * The document's number convention, by votes of unambiguous forms (three-digit groups with a
 * decimal part, two groups, decimals that are not three digits next to a unit), falling back
 * to the language. Returns { conv, vi, en } with the vote counts.
 */
export function numberConvention(text, lang) {
  let vi = 0;
  let en = 0;
  const re = /(?<![\d.,])\d[\d.,]*\d(?![\d])/g;
  let m;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const after = text.slice(m.index + raw.length, m.index + raw.length + 12);
    const unitLike = /^\s?(?:%|[\p{L}])/u.test(after) && !/^\s?[\p{Lu}]/u.test(after.replace(/^\s?(?:tỷ|triệu)/u, 'x'));
    if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(raw) || /^\d{1,3}(?:\.\d{3}){2,}$/.test(raw)) vi++;
    else if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(raw) || /^\d{1,3}(?:,\d{3}){2,}$/.test(raw)) en++;
    else if (unitLike && /^\d+,\d{1,2}$|^\d+,\d{4,}$/.test(raw)) vi++;
    else if (unitLike && /^\d+\.\d{1,2}$|^\d+\.\d{4,}$/.test(raw) && !/^\s?[.)]/.test(after)) en++;
  }
  const conv = vi > en ? 'vi' : en > vi ? 'en' : lang;
  return { conv, vi, en };
}

/** Change one digit of a figure's raw text (digit index among the digits, counted from the left). */
export function changeDigit(raw, digitIndex, newDigit) {
  let k = -1;
  let out = '';
  for (const ch of raw) {
    if (/\d/.test(ch)) {
      k++;
      out += k === digitIndex ? String(newDigit) : ch;
    } else out += ch;
  }
  return out;
}

/**
 * A one-digit change of a figure, chosen with `rand`, that moves it `direction` ('up', 'down',
 * 'any'); never a new leading zero, never the same value. Returns { raw, delta } (delta in units of
 * the figure's last decimal, as a BigInt) or undefined.
 */
export function mutateDigit(fig, rand, direction = 'any') {
  const digits = [...fig.raw].filter((c) => /\d/.test(c));
  const options = [];
  for (let i = 0; i < digits.length; i++) {
    const d = +digits[i];
    for (let nd = 0; nd <= 9; nd++) {
      if (nd === d || (i === 0 && nd === 0 && digits.length > 1)) continue;
      if (direction === 'up' && nd < d) continue;
      if (direction === 'down' && nd > d) continue;
      options.push([i, nd]);
    }
  }
  if (!options.length) return undefined;
  const [i, nd] = options[Math.floor(rand() * options.length)];
  const raw = changeDigit(fig.raw, i, nd);
  const delta = BigInt(nd - +digits[i]) * 10n ** BigInt(digits.length - 1 - i);
  return { raw, delta };
}

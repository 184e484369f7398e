// Figure sites found by the bench's own detectors: breakdowns whose parts add up exactly to a
// figure with the same unit nearby (in a sentence, two sentences, a line and the next, a list
// under a line), tables whose total row / subtotal row / total column add up, percentages that
// match two figures nearby, comparison claims on the right side of their target, and figures
// that can be written in the other number convention. Each site yields plantings that change
// one digit (or the convention) of one figure.

import { formatNumber, mutateDigit, parseNumber, scaled, sumEquals, toFloat } from './numbers.mjs';
import { rng } from './prng.mjs';
import { sampleOf } from './doc.mjs';
import { phrases } from './text.mjs';

const SUBSET_CUE = phrases(['trong đó', 'of which', 'including', 'included', 'among them', 'among which']);
const COMPLETE_CUE = phrases(['gồm', 'bao gồm', 'gồm có', 'tổng cộng', 'cộng', 'comprising', 'consisting of', 'made up of', 'split', 'divided']);
const TOTAL_CUE = phrases(['tổng', 'tổng số', 'total', 'totaling', 'totalling', 'in all', 'altogether', 'sum']);
const STATUS_A = phrases(['tiếp nhận', 'nhận được', 'đã nhận', 'thụ lý', 'đăng ký', 'received', 'filed', 'submitted', 'reviewed']);
const STATUS_B = phrases(['giải quyết', 'xử lý', 'hoàn thành', 'còn lại', 'còn', 'đang', 'chưa', 'resolved', 'closed', 'completed', 'processed', 'pending', 'remain', 'remained', 'remaining', 'paid', 'denied', 'approved']);
const LIST_ITEM = /^\s*(?:[-–+•*]|[a-zđ][.)]|\d+[.)]|[IVX]+[.)])\s+/u;
const CUE_LINE = phrases(['trong đó', 'gồm', 'bao gồm', 'cụ thể', 'of which', 'including', 'comprising'], { anchorStart: true });
const GOM = phrases(['gồm', 'bao gồm', 'gồm có']);
const TRONG_DO = phrases(['trong đó']);
const OF_WHICH = phrases(['of which']);
const INCLUDING = phrases(['including']);
const OUT_OF = phrases(['out of']);
// durations add up by chance (25 năm = 20 năm + 05 năm) and make rates by chance (2 of 4 years)
const TIME_UNITS = new Set(['năm', 'tháng', 'ngày', 'giờ', 'phút', 'giây', 'tuần', 'quý', 'years', 'year', 'months', 'month', 'days', 'day', 'hours', 'hour', 'weeks', 'week', 'minutes', 'quarters']);

/** Figures of lines [a, b] (1-based, inclusive) that lie in [start, end), none from table rows. */
function windowFigures(doc, a, b, start = -1, end = Infinity) {
  const out = [];
  for (let n = a; n <= b; n++) {
    if (doc.table[n - 1]) return undefined;
    for (const f of doc.figures(n)) if (f.start >= start && f.end <= end) out.push({ ...f, line: n });
  }
  return out;
}

function* windows(doc) {
  const L = doc.lines.length;
  for (let n = 1; n <= L; n++) {
    if (doc.table[n - 1] || !doc.figures(n).length) continue;
    const ss = doc.sentences(n);
    for (let i = 0; i < ss.length; i++) {
      yield { type: 'sentence', a: n, b: n, start: ss[i].start, end: ss[i].end, sents: [ss[i]] };
      if (i + 1 < ss.length) yield { type: 'two-sentences', a: n, b: n, start: ss[i].start, end: ss[i + 1].end, sents: [ss[i], ss[i + 1]] };
    }
    if (ss.length > 2) yield { type: 'line', a: n, b: n, start: doc.lines[n - 1].start, end: doc.lines[n - 1].end, sents: ss };
    const line = doc.lines[n - 1].text;
    const next = doc.lines[n];
    if (next && !doc.table[n] && next.text.trim()) {
      const joins = /[:;,]\s*$/.test(line) || CUE_LINE.test(next.text) || /^\s*\p{Ll}/u.test(next.text);
      if (joins && !LIST_ITEM.test(next.text)) yield { type: 'next-line', a: n, b: n + 1, start: doc.lines[n - 1].start, end: next.end, sents: [...ss, ...doc.sentences(n + 1)] };
    }
    if (/:\s*$/.test(line)) {
      let b = n;
      while (b + 1 <= L && b - n < 15 && !doc.table[b] && LIST_ITEM.test(doc.lines[b].text)) b++;
      if (b - n >= 2) yield { type: 'list', a: n, b, start: doc.lines[n - 1].start, end: doc.lines[b - 1].end, sents: ss };
    }
  }
}

function sentenceIndexOf(sents, offset) {
  for (let i = 0; i < sents.length; i++) if (offset >= sents[i].start && offset < sents[i].end + 1) return i;
  return -1;
}

/** Breakdowns: { total, parts, window, shape, cue } found in the document. */
export function findBreakdowns(doc) {
  return doc.memo('breakdowns', () => readBreakdowns(doc));
}

// A figure that is a bound, an end of a range or a page number is not an amount that adds up to anything
// ("phạt tiền từ 10.000.000 đồng đến 30.000.000 đồng", "sức nâng đến 30 tấn", "from 5 to 10 m",
// "up to 50 tons", "10–20 m"): sums among bounds are chance.
const BOUND_BEFORE = /(?:^|[^\p{L}\p{M}])(?:từ|đến|tới|trên|dưới|tối đa|tối thiểu|không quá|không dưới|ít nhất|nhiều nhất|hơn|from|to|up to|at least|at most|more than|less than|over|under|between|and up|minimum|maximum)\s*$/iu;
const RANGE_DASH_BEFORE = /\d\s*(?:\p{L}+\s*)?[-–]\s*$/u;
const RANGE_DASH_AFTER = /^\s*(?:\p{L}+\s*)?[-–]\s*\d/u;

function notAnAmount(doc, f) {
  const line = doc.lines[f.line - 1];
  const before = doc.text.slice(Math.max(line.start, f.start - 20), f.start);
  const after = doc.text.slice(f.end, Math.min(line.end, f.end + 20));
  // "Analyses 30 Table 3: …": a capitalised word after the number starts a title (a page number
  // in a table of contents), it is not the figure's unit (units are lower case or all capitals)
  return BOUND_BEFORE.test(before) || RANGE_DASH_BEFORE.test(before) || RANGE_DASH_AFTER.test(after) || /^\s+\p{Lu}\p{Ll}/u.test(after);
}

/** Figures of one unit that count up by one (01 sao, 02 sao, 03 sao; hạng 1, 2, 3) are category labels. */
function categoryRuns(seq) {
  const out = new Set();
  for (let i = 0; i + 2 < seq.length; i++) {
    if (seq[i].dec || seq[i + 1].dec || seq[i + 2].dec) continue;
    if (seq[i + 1].int !== seq[i].int + 1n || seq[i + 2].int !== seq[i + 1].int + 1n) continue;
    let j = i + 2;
    while (j + 1 < seq.length && !seq[j + 1].dec && seq[j + 1].int === seq[j].int + 1n) j++;
    for (let k = i; k <= j; k++) out.add(seq[k]);
  }
  return out;
}

function readBreakdowns(doc) {
  const found = new Map();
  for (const w of windows(doc)) {
    const figs = windowFigures(doc, w.a, w.b, w.start, w.end);
    if (!figs || figs.length < 3) continue;
    const byUnit = new Map();
    for (const f of figs) {
      if (!f.unit || f.unit === '%' || f.int === 0n || TIME_UNITS.has(f.unit)) continue;
      if (notAnAmount(doc, f)) continue;
      const list = byUnit.get(f.unit) ?? [];
      list.push(f);
      byUnit.set(f.unit, list);
    }
    for (let seq of byUnit.values()) {
      const labels = categoryRuns(seq);
      if (labels.size) seq = seq.filter((f) => !labels.has(f));
      if (seq.length < 3) continue;
      for (let t = 0; t < seq.length; t++) {
        const T = seq[t];
        for (const dir of [1, -1]) {
          for (let k = 2; k <= 12; k++) {
            const from = dir > 0 ? t + 1 : t - k;
            const to = dir > 0 ? t + k : t - 1;
            if (from < 0 || to >= seq.length) break;
            const parts = seq.slice(from, to + 1);
            if (!sumEquals(T, parts)) continue;
            const big = parts.every((p) => scaled(p, Math.max(p.dec, T.dec)) < scaled(T, Math.max(p.dec, T.dec)));
            if (!big) break;
            const lo = Math.min(T.start, parts[0].start);
            const hi = Math.max(T.end, parts[parts.length - 1].end);
            const span = doc.text.slice(Math.max(w.start, lo - 60), hi);
            const between = doc.text.slice(dir > 0 ? T.end : parts[parts.length - 1].end, dir > 0 ? parts[0].start : T.start);
            const cue = SUBSET_CUE.test(between) || SUBSET_CUE.test(span) ? 'subset' : COMPLETE_CUE.test(span) || TOTAL_CUE.test(span) ? 'complete' : '';
            if (k === 2 && !cue) break;
            const key = `${T.start}|${parts.map((p) => p.start).join(',')}`;
            if (found.has(key)) break;
            found.set(key, { total: T, parts, window: w, shape: breakdownShape(doc, w, T, parts, dir, between, span), cue, dir });
            break;
          }
        }
      }
    }
  }
  return [...found.values()];
}

function breakdownShape(doc, w, T, parts, dir, between, span) {
  const all = doc.text.slice(w.start, w.end);
  if (STATUS_A.test(all) && STATUS_B.test(all) && T.line === parts[parts.length - 1].line) return 'status-split';
  if (w.type === 'list') return dir > 0 ? 'list-items' : 'list-items-total-after';
  if (dir < 0) return 'parts-then-total';
  const ts = sentenceIndexOf(w.sents, T.start);
  const ps = sentenceIndexOf(w.sents, parts[0].start);
  if (T.line !== parts[0].line) return 'total-previous-line';
  if (ts >= 0 && ps >= 0 && ts !== ps) return 'total-previous-sentence';
  if (GOM.test(between)) return 'inline-gom';
  if (TRONG_DO.test(between)) return 'inline-trong-do';
  if (OF_WHICH.test(between)) return 'en-of-which';
  if (INCLUDING.test(between)) return 'en-including';
  if (/[(:]/.test(between)) return 'total-then-parts-colon';
  return 'total-then-parts';
}

function digitEdit(doc, fig, rand, direction) {
  for (let tries = 0; tries < 6; tries++) {
    const m = mutateDigit(fig, rand, direction);
    if (!m) return undefined;
    if (parseNumber(m.raw, doc.conv)) return { start: fig.start, end: fig.end, text: m.raw, from: fig.raw };
  }
  return undefined;
}

export function breakdownSites(doc) {
  const out = [];
  for (const bd of findBreakdowns(doc)) {
    const rand = rng('breakdown', doc.path, bd.total.start);
    const subset = bd.cue === 'subset';
    const split = bd.shape === 'status-split';
    const kindPart = split ? 'split-figure' : 'breakdown-part';
    const kindTotal = split ? 'split-figure' : 'breakdown-total';
    const p = bd.parts[Math.floor(rand() * bd.parts.length)];
    const e1 = digitEdit(doc, p, rand, subset ? 'up' : 'any');
    if (e1) out.push({ kind: kindPart, shape: bd.shape, edits: [e1], lines: uniq([bd.total.line, p.line]), anchor: `${bd.total.start}` });
    const e2 = digitEdit(doc, bd.total, rand, subset ? 'down' : 'any');
    if (e2) out.push({ kind: kindTotal, shape: bd.shape, edits: [e2], lines: uniq([bd.total.line]), anchor: `${bd.total.start}` });
  }
  return out;
}

function uniq(a) {
  return [...new Set(a)].sort((x, y) => x - y);
}

// ---------------------------------------------------------------- tables

const ROMAN = /^(?:[IVX]{1,5})\.?$/;
const TOTAL_LABEL = phrases(['tổng', 'tổng cộng', 'tổng số', 'cộng', 'total', 'sum', 'toàn tỉnh', 'toàn thành phố', 'toàn quốc']);

function markerStyle(cell) {
  const c = cell.trim();
  if (!c) return 'none';
  if (ROMAN.test(c)) return 'roman';
  if (/^\d+\.?$/.test(c)) return 'arabic';
  if (/^\d+\.\d+\.?$/.test(c)) return 'multi';
  if (/^[a-zđ][.)]?$/u.test(c)) return 'letter';
  if (/^[A-Z][.)]?$/.test(c)) return 'upper';
  if (/^[-–+•*]/.test(c)) return 'dash';
  return 'text';
}

function tableRows(doc) {
  const tables = [];
  let cur = [];
  for (let n = 1; n <= doc.lines.length + 1; n++) {
    if (n <= doc.lines.length && doc.table[n - 1]) {
      const l = doc.lines[n - 1];
      const cells = [];
      let at = 0;
      for (const raw of l.text.split('\t')) {
        const trimmed = raw.trim();
        const lead = raw.length - raw.trimStart().length;
        const num = /^[\d.,]+$/.test(trimmed) ? parseNumber(trimmed, doc.conv) : undefined;
        const isYear = num && !num.grouped && num.dec === 0 && trimmed.length === 4 && +trimmed >= 1900 && +trimmed <= 2100;
        cells.push({ text: trimmed, start: l.start + at + lead, end: l.start + at + lead + trimmed.length, num: isYear ? undefined : num, empty: trimmed === '' || /^[-–]$/.test(trimmed) });
        at += raw.length + 1;
      }
      const label = cells.filter((c) => !c.num && !c.empty).map((c) => c.text).join(' ');
      // the data cells: from the first figure (or dash) after the label cells, so that rows with
      // and without an STT cell line up
      let first = cells.findIndex((c, i) => i > 0 && (c.num || c.empty));
      if (first < 0) first = cells.length;
      while (first > 0 && cells[first - 1].num) first--;
      cur.push({ line: n, cells, data: cells.slice(first), label, style: markerStyle(cells[0]?.text ?? ''), total: TOTAL_LABEL.test(label) });
    } else {
      if (cur.length >= 3) tables.push(cur);
      cur = [];
    }
  }
  return tables;
}

/** Columns where `total` equals the sum of `parts`; undefined when any numeric column disagrees. */
function rowSum(total, parts) {
  const width = total.data.length;
  if (width === 0 || parts.some((p) => p.data.length !== width)) return undefined;
  const good = [];
  for (let c = 0; c < width; c++) {
    const t = total.data[c].num;
    if (!t) continue;
    const nums = parts.map((p) => p.data[c].num).filter(Boolean);
    if (nums.length === 0) continue;
    if (parts.some((p) => !p.data[c].num && !p.data[c].empty)) return undefined;
    if (!sumEquals(t, nums)) return undefined;
    if (nums.length >= 2 && t.int !== 0n) good.push(c);
  }
  return good;
}

/** Table relations: { kind: 'total-row'|'subtotal-row'|'total-column', total: cell, parts: cells[], lines }. */
export function findTableSums(doc) {
  return doc.memo('tables', () => readTableSums(doc));
}

function readTableSums(doc) {
  const rels = [];
  for (const rows of tableRows(doc)) {
    const used = new Set();
    for (let r = 0; r < rows.length; r++) {
      const R = rows[r];
      if (!R.data.some((c) => c.num)) continue;
      const tries = [];
      // children by marker style: the rows after R in the style of the first row after it
      if (r + 1 < rows.length) {
        const st = rows[r + 1].style;
        if (st !== 'text' && st !== 'none' && st !== R.style) {
          const kids = [];
          for (let k = r + 1; k < rows.length; k++) {
            if (rows[k].style === st) kids.push(rows[k]);
            else if (rows[k].style === R.style || (R.total && rows[k].total)) break;
          }
          if (kids.length >= 2) tries.push(kids);
        }
      }
      for (let k = 2; k <= 25 && r + k < rows.length; k++) tries.push(rows.slice(r + 1, r + 1 + k));
      if (R.total) for (let k = 2; k <= 25 && r - k >= 0; k++) tries.push(rows.slice(r - k, r));
      for (const parts of tries) {
        if (parts.some((p) => p.total && !R.total)) continue;
        const good = rowSum(R, parts);
        if (!good || good.length === 0) continue;
        const strong = good.length >= 2 || parts.filter((p) => p.data[good[0]].num).length >= 3;
        if (!strong) continue;
        const key = `${R.line}`;
        if (used.has(key)) break;
        used.add(key);
        const shape = R.total ? 'total-row' : 'subtotal-row';
        for (const c of good) rels.push({ shape, total: R.data[c], totalLine: R.line, parts: parts.filter((p) => p.data[c].num).map((p) => ({ cell: p.data[c], line: p.line })) });
        break;
      }
    }
    // total columns: cell j = cells j+1..j+m (or j-m..j-1) in at least three rows
    const width = Math.max(...rows.map((r) => r.cells.length));
    for (let j = 0; j < width; j++) {
      for (const side of [1, -1]) {
        for (let m = 2; m <= 8; m++) {
          const cols = Array.from({ length: m }, (_, i) => j + side * (i + 1));
          if (cols.some((c) => c < 0 || c >= width)) break;
          const holds = [];
          let applicable = 0;
          for (const row of rows) {
            const t = row.cells[j]?.num;
            const ps = cols.map((c) => row.cells[c]?.num);
            if (!t || ps.some((p) => !p)) continue;
            applicable++;
            if (sumEquals(t, ps) && ps.every((p) => p.int !== 0n)) holds.push(row);
          }
          if (holds.length >= 3 && holds.length >= applicable * 0.8) {
            for (const row of holds) rels.push({ shape: 'total-column', total: row.cells[j], totalLine: row.line, parts: cols.map((c) => ({ cell: row.cells[c], line: row.line })) });
            break;
          }
        }
      }
    }
  }
  return rels;
}

export function tableSites(doc) {
  const out = [];
  for (const rel of sampleOf(findTableSums(doc), 40, rng('tables', doc.path))) {
    const rand = rng('table', doc.path, rel.total.start);
    const p = rel.parts[Math.floor(rand() * rel.parts.length)];
    const e1 = digitEdit(doc, { ...p.cell.num, raw: p.cell.text, start: p.cell.start, end: p.cell.end }, rand, 'any');
    if (e1) out.push({ kind: 'table-part', shape: rel.shape, edits: [e1], lines: uniq([rel.totalLine, p.line]), anchor: `${rel.total.start}` });
    const e2 = digitEdit(doc, { ...rel.total.num, raw: rel.total.text, start: rel.total.start, end: rel.total.end }, rand, 'any');
    if (e2) out.push({ kind: 'table-total', shape: rel.shape, edits: [e2], lines: [rel.totalLine], anchor: `${rel.total.start}` });
  }
  return out;
}

// ---------------------------------------------------------------- percentages

const GROWTH = /(?:tăng|increase[ds]?|rose|grew|growth|higher|up)\s*(?:thêm\s*)?(?:by\s*)?(?:khoảng\s*)?$/iu;
const DECLINE = /(?:giảm|decrease[ds]?|fell|declined|dropped|lower|down|reduction of|reduced by)\s*(?:by\s*)?(?:khoảng\s*)?$/iu;
const PLAN_AFTER = /^\s*(?:%|phần trăm|percent)?\s*(?:so với\s*|of (?:the |its )?)?(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu|KH|plan|target|goal)(?![\p{L}\p{M}])/iu;
const FUNCTION_UNITS = new Set(['of', 'out', 'trên', 'so', 'in', 'từ', 'from', 'to', 'lên', 'xuống', 'với', 'and', 'và', 'or']);
const HEDGE = /khoảng|gần|hơn|trên|dưới|xấp xỉ|ước|(?<![\p{L}])từ|tối thiểu|tối đa|không quá|không dưới|ít nhất|about|approximately|nearly|almost|more than|less than|over|under|roughly|around|at least|at most|up to/iu;
// a threshold or a range is no computed rate: "từ 50% trở lên", "from 16 to 66 percent"
const THRESHOLD_AFTER = /^\s*(?:%|phần trăm|percent)?\s*(?:trở lên|trở xuống|or more|or less|or higher|or lower)/iu;
const RANGE_BEFORE = /(?:from|từ|between)\s+\$?[\d.,]+\s*(?:%|percent|phần trăm)?\s*(?:to|đến|and|-|–)\s*$/iu;

function within(v, p, dec) {
  const u = 10 ** -dec;
  return Math.abs(v - p) <= u / 2 + 1e-9;
}

function outside(v, p, dec) {
  const u = 10 ** -dec;
  return Math.abs(v - p) > u * 1.01;
}

/** Percentages: { rate, num, base, formula, shape } that match their two figures. */
export function findPercents(doc) {
  return doc.memo('percents', () => readPercents(doc));
}

function readPercents(doc) {
  const out = [];
  for (let n = 1; n <= doc.lines.length; n++) {
    if (doc.table[n - 1]) continue;
    const figs = doc.figures(n);
    if (!figs.some((f) => f.unit === '%')) continue;
    const ss = doc.sentences(n);
    for (let si = 0; si < ss.length; si++) {
      const s = ss[si];
      for (const p of figs) {
        if (p.unit !== '%' || p.start < s.start || p.end > s.end || p.int === 0n) continue;
        const pv = toFloat(p);
        if (pv === 100) continue;
        const before = doc.text.slice(Math.max(s.start, p.start - 30), p.start);
        if (HEDGE.test(before.slice(-14)) || RANGE_BEFORE.test(before)) continue;
        const after = doc.text.slice(p.end, Math.min(doc.lines[n - 1].end, p.end + 40));
        if (THRESHOLD_AFTER.test(after)) continue;
        const usable = (f) => f.unit !== '%' && !TIME_UNITS.has(f.unit) && f.int > 1n;
        const mine = figs.filter((f) => usable(f) && f.start >= s.start && f.end <= s.end);
        let prevSent = [];
        if (si > 0) prevSent = figs.filter((f) => usable(f) && f.start >= ss[si - 1].start && f.end <= ss[si - 1].end);
        const pool = [...prevSent.map((f) => ({ ...f, prev: true })), ...mine];
        if (pool.length < 2 || pool.length > 14) continue;
        const growth = GROWTH.test(before);
        const decline = DECLINE.test(before);
        const plan = PLAN_AFTER.test(after);
        const sig = p.raw.replace(/\D/g, '').replace(/^0+/, '').length;
        let best;
        for (let i = 0; i < pool.length; i++) {
          for (let j = 0; j < pool.length; j++) {
            if (i === j) continue;
            const a = pool[i];
            const b = pool[j];
            if (a.prev && b.prev) continue;
            if (a.unit !== b.unit && !FUNCTION_UNITS.has(a.unit) && !FUNCTION_UNITS.has(b.unit)) continue;
            const av = toFloat(a);
            const bv = toFloat(b);
            let formula;
            if (growth) formula = within(((av - bv) / bv) * 100, pv, p.dec) && av > bv ? 'growth' : undefined;
            else if (decline) formula = within(((bv - av) / bv) * 100, pv, p.dec) && av < bv ? 'decline' : undefined;
            else formula = within((av / bv) * 100, pv, p.dec) && (av < bv || plan) ? (plan ? 'plan' : 'share') : undefined;
            if (!formula) continue;
            // a rate of a few digits from a small base is a coincidence waiting to happen (3 of 6 = 50%)
            if (sig < 3 && bv < 10) continue;
            const dist = Math.abs(a.start - p.start) + Math.abs(b.start - p.start);
            // an integer rate of a few digits matches some pair by chance: only the nearest figures
            if (sig < 3) {
              const near = pool.map((f) => Math.abs(f.start - p.start)).sort((x, y) => x - y).slice(0, 3);
              const limit = near[near.length - 1];
              if (Math.abs(a.start - p.start) > limit || Math.abs(b.start - p.start) > limit) continue;
            }
            if (!best || dist < best.dist) best = { a, b, formula, dist };
          }
        }
        if (!best) continue;
        out.push({ rate: { ...p, line: n }, num: { ...best.a, line: n }, base: { ...best.b, line: n }, formula: best.formula, shape: percentShape(doc, p, best, before, after), sentence: s });
      }
    }
  }
  return out;
}

function percentShape(doc, p, best, before, after) {
  if (best.b.prev || best.a.prev) return 'base-previous-sentence';
  if (best.formula === 'growth') return 'growth-both-figures';
  if (best.formula === 'decline') return 'decline-both-figures';
  if (best.formula === 'plan') return 'plan-attainment';
  const text = doc.text.slice(p.start, p.end + 14);
  if (/phần trăm/iu.test(text)) return 'phan-tram-word';
  if (/percent/iu.test(text)) {
    if (/\(\s*$/.test(before)) return 'paren-percent-word';
    return 'percent-word';
  }
  if (OUT_OF.test(doc.text.slice(Math.min(best.a.start, best.b.start), Math.max(best.a.end, best.b.end)))) return 'out-of';
  if (/\(\s*$/.test(before)) return 'paren-percent';
  if (/chiếm\s*(?:tỷ lệ\s*)?$/iu.test(before)) return 'chiem';
  if (/đạt\s*(?:tỷ lệ\s*)?$/iu.test(before)) return 'dat';
  return 'share';
}

function rateMatches(r, a, b, pv, dec) {
  const av = toFloat(a);
  const bv = toFloat(b);
  const v = r.formula === 'growth' ? ((av - bv) / bv) * 100 : r.formula === 'decline' ? ((bv - av) / bv) * 100 : (av / bv) * 100;
  return !outside(v, pv, dec);
}

export function percentSites(doc) {
  const out = [];
  for (const r of findPercents(doc)) {
    const rand = rng('percent', doc.path, r.rate.start);
    const lines = uniq([r.rate.line]);
    for (const [kind, fig] of [['percent-count', r.num], ['percent-base', r.base], ['percent-rate', r.rate]]) {
      for (let tries = 0; tries < 8; tries++) {
        const e = digitEdit(doc, fig, rand, 'any');
        if (!e) break;
        const changed = { ...fig, ...parseNumber(e.text, doc.conv) };
        const a = kind === 'percent-count' ? changed : r.num;
        const b = kind === 'percent-base' ? changed : r.base;
        const p = kind === 'percent-rate' ? changed : r.rate;
        if (toFloat(b) === 0 || rateMatches(r, a, b, toFloat(p), p.dec)) continue;
        out.push({ kind, shape: r.shape, edits: [e], lines: uniq([...lines, fig.line]), anchor: `${r.rate.start}` });
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- comparison claims

const CLAIM_ABOVE = /(?<![\p{L}\p{M}])(?:vượt(?!\s*qua)|exceed(?:ed|ing|s)?|above|surpass(?:ed|ing)?)(?![\p{L}\p{M}])/iu;
const CLAIM_MET = /hoàn thành\s*(?:vượt\s*)?(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán)|(?<![\p{L}])(?:met|achieved)(?![\p{L}])/iu;

/** "đạt 101,3% kế hoạch, vượt …": the percentage of the plan moved below 100 %. */
export function comparisonSites(doc) {
  const out = [];
  for (let n = 1; n <= doc.lines.length; n++) {
    if (doc.table[n - 1]) continue;
    const figs = doc.figures(n);
    for (const p of figs) {
      if (p.unit !== '%') continue;
      const pv = toFloat(p);
      if (pv <= 100 || pv >= 200) continue;
      const after = doc.text.slice(p.end, p.end + 24);
      const before = doc.text.slice(Math.max(doc.lines[n - 1].start, p.start - 20), p.start);
      if (!PLAN_AFTER.test(after) && !/(?:đạt|bằng|reached|at)\s*$/iu.test(before)) continue;
      // the claim word next to the figure, with no other figure between them
      const nextFig = figs.find((f) => f.start > p.end);
      const prevFig = [...figs].reverse().find((f) => f.end < p.start);
      const tail = doc.text.slice(p.end, Math.min(p.end + 40, nextFig ? nextFig.start : Infinity, doc.lines[n - 1].end)).split(/[.;]/)[0];
      const head = doc.text.slice(Math.max(p.start - 40, prevFig ? prevFig.end : 0, doc.lines[n - 1].start), p.start).split(/[.;]/).pop();
      const above = CLAIM_ABOVE.test(tail) || CLAIM_ABOVE.test(head);
      const met = CLAIM_MET.test(tail) || CLAIM_MET.test(head);
      if (!above && !met) continue;
      // 101,3 -> 91,3 ; 112,5 -> 92,5: ninety plus the last digit of the integer part
      const unit = 10n ** BigInt(p.dec);
      const lowered = 90n * unit + (p.int % (10n * unit));
      const text = formatNumber(lowered, p.dec, doc.conv, false);
      out.push({ kind: 'comparison-flip', shape: above ? 'plan-exceeded' : 'plan-met', edits: [{ start: p.start, end: p.end, text, from: p.raw }], lines: [n], anchor: `${p.start}` });
    }
  }
  return out;
}

// ---------------------------------------------------------------- number format

export function numberFormatSites(doc) {
  const out = [];
  const all = [];
  const other = doc.conv === 'vi' ? 'en' : 'vi';
  if ((doc.conv === 'vi' ? doc.convention.en : doc.convention.vi) > 0) return out;
  for (let n = 1; n <= doc.lines.length; n++) {
    for (const f of doc.figures(n)) {
      if (!f.unit || (!f.grouped && f.dec === 0)) continue;
      if (!f.grouped && f.dec === 3) continue; // 1,250 <-> 1.250: both conventions read it, as two values
      const text = formatNumber(f.int, f.dec, other, f.grouped);
      if (text === f.raw) continue;
      const shape = f.grouped && f.dec ? 'grouped-decimal' : f.grouped ? 'grouped' : f.unit === '%' ? 'decimal-percent' : 'decimal';
      all.push({ kind: 'number-format-swap', shape: doc.table[n - 1] ? `${shape}-table` : shape, edits: [{ start: f.start, end: f.end, text, from: f.raw }], lines: [n], anchor: `${f.start}` });
    }
  }
  return sampleOf(all, 12, rng('number-format', doc.path));
}

/** Figures a reader would check: stated totals (after a total cue) and percentages, for coverage. */
export function figureCounts(doc) {
  let totals = 0;
  let percents = 0;
  let comparisons = 0;
  for (let n = 1; n <= doc.lines.length; n++) {
    const t = doc.lines[n - 1].text;
    for (const f of doc.figures(n)) {
      const before = doc.text.slice(Math.max(doc.lines[n - 1].start, f.start - 24), f.start).toLowerCase();
      if (f.unit === '%') percents++;
      else if (/(?:tổng số|tổng cộng|tổng|total of|a total|totaling|totalling|in total|gồm|bao gồm)\s*(?:[\p{L}\s]{0,16})?:?\s*$/u.test(before) && f.unit) totals++;
    }
    const m = t.match(/vượt (?:kế hoạch|chỉ tiêu|mục tiêu|dự toán)|chưa đạt|không đạt|hoàn thành (?:kế hoạch|chỉ tiêu)|exceed(?:ed|s)? (?:the |its )?(?:target|goal|plan)|(?:above|below) (?:the |its )?(?:target|goal)/giu);
    if (m) comparisons += m.length;
  }
  return { totals, percents, comparisons };
}

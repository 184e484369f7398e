// Table totals: in a table (Markdown pipe rows, tab-separated text rows, Word tables), a row or
// column labelled as a total (Tổng, Tổng cộng, Cộng, Tổng số, Total, Sum) and the rows/columns
// it totals. Tables in reports are often hierarchical (TỔNG SỐ, then I, II… groups, then 1, 2…
// items); every plausible reading is tried (top-level rows, all rows, leaf rows) and a total is
// inconsistent only when no reading adds up. Group rows are checked against their items.
// A total column is checked against the run of numeric columns beside it that adds up in most
// rows; the rows that break it are the findings.
//
// API: fact `tableChecks` -> TableCheck[] (each a verified total cell; `consistent` false when wrong).

import { Decimal } from 'decimal.js';
import { defineFact } from '../engine/facts.js';
import type { DocumentSettings } from '../engine/types.js';
import type { Document, Span, Table, TableCell } from '../parse/document.js';
import { readMarker } from '../parse/blocks.js';
import { readNumber, type NumberConvention } from './numbers.js';
import { intersects, modesOf, statedInterval, sumIntervals, type Interval, type Rounding } from './intervals.js';
import { IDENTIFIER_HEADERS, NON_ADDITIVE_HEADER_WORDS, TABLE_SUBSET_LABELS, TABLE_SUBTOTAL_LABELS, TABLE_TOTAL_LABELS } from './lexicon/figures.js';
import { TABLE_COMPLETE_CUES } from './lexicon/tables.js';


/** Columns in which the rows under "Trong đó" must add up exactly before a column where they do not is read as wrong. */
const COMPLETE_EVIDENCE = 3;
export interface Cell {
  span: Span;
  value: Decimal;
  decimals: number;
}

export interface TableCheck {
  table: number;
  /**
   * `subset`: the rows under a "Trong đó" row add up to more than the row they detail;
   * `subsetComplete`: they add up to the row exactly in every other column but not in this one.
   */
  kind: 'row' | 'column' | 'group' | 'subset' | 'subsetComplete';
  /** For `subsetComplete`: how many other columns the rows add up in. */
  evidence?: number;
  /** The total cell. */
  total: Cell;
  /** The cells it should be the sum of (the reading shown in the message). */
  parts: Cell[];
  consistent: boolean;
  sum: Decimal;
  sumDecimals: number;
  /** Header of the column checked (row totals and groups) or label of the row (column totals). */
  label: string;
  /** For column totals: the headers of the summed columns. */
  partLabels: string[];
  /** Whole numbers that differ by no more than the rounding of every cell could explain. */
  roundingOnly?: boolean;
  /** A total column found from the figures alone (its header does not say it is a total). */
  learned?: boolean;
}

const TOTAL_LABEL = new RegExp(`^(?:${TABLE_TOTAL_LABELS.source})(?![\\p{L}])`, 'iu');
const SUBTOTAL_LABEL = new RegExp(`^(?:${TABLE_SUBTOTAL_LABELS.source})(?![\\p{L}])`, 'iu');
const SUBSET_LABEL = new RegExp(`^(?:${TABLE_SUBSET_LABELS.source})(?![\\p{L}])`, 'iu');
// a header of rates, averages, prices or comparisons (or a column of identifiers): its figures do not add up
const PERCENT_HEADER = new RegExp(`%|(?<![\\p{L}])(?:${NON_ADDITIVE_HEADER_WORDS.source})|^(?:${IDENTIFIER_HEADERS.source})$`, 'iu');
const RATE_HEADER = new RegExp(`%|(?<![\\p{L}])(?:${NON_ADDITIVE_HEADER_WORDS.source})`, 'iu');
const EMPTY_ZERO = /^(?:|-|–|—|0|x)$/;
const PERCENT_CELL = /^\d+(?:[.,]\d+)?\s?%$/;

type Level = 'roman' | 'upper' | 'arabic' | 'multi' | 'letter' | 'bullet' | 'none';

function sttLevel(s: string): Level | undefined {
  const t = s.trim().replace(/[.)]$/, '');
  if (t === '') return 'none';
  if (/^[IVXLC]+$/.test(t)) return 'roman';
  if (/^[A-ZĐ]$/.test(t)) return 'upper';
  if (/^\d{1,3}$/.test(t)) return 'arabic';
  if (/^\d{1,2}(?:\.\d{1,2})+$/.test(t)) return 'multi';
  if (/^[a-zđ]$/.test(t)) return 'letter';
  if (/^[-+*•]$/.test(t)) return 'bullet';
  return undefined;
}
const RANK: Record<Level, number> = { upper: 0, roman: 1, arabic: 2, multi: 3, letter: 4, bullet: 5, none: 9 };

function readCell(c: TableCell | undefined, conv: NumberConvention): Cell | 'empty' | undefined {
  if (!c) return 'empty';
  const t = c.text.replace(/\*\*/g, '').trim();
  if (EMPTY_ZERO.test(t)) return 'empty';
  const m = /^(\d+(?:[.,]\d+)*)$/.exec(t);
  if (!m) return undefined;
  const r = readNumber(m[1], conv);
  if (!r || !r.wellFormed) return undefined;
  const start = c.span.start + c.text.indexOf(m[1]);
  return { span: { start, end: start + m[1].length }, value: r.value, decimals: r.decimals };
}

/**
 * A total cell: as `readCell`, but a written "0" is a figure, not a blank ("1 | Chính trị tư tưởng
 * | 0" over items that add up to 5 is a wrong total; "-", "x" or an empty cell stay blank).
 */
function readTotal(c: TableCell | undefined, conv: NumberConvention): Cell | 'empty' | undefined {
  const r = readCell(c, conv);
  if (r !== 'empty' || !c) return r;
  const t = c.text.replace(/\*\*/g, '').trim();
  if (t !== '0') return r;
  const start = c.span.start + c.text.indexOf(t);
  return { span: { start, end: start + 1 }, value: new Decimal(0), decimals: 0 };
}

/** Cell `c` counted from the right-hand end of the widest row: rows converted from Word or PDF
 * often lack empty leading cells (a total row without its STT), while figures stay right-aligned. */
function cellAt(t: Table, r: number, c: number, ncols: number): TableCell | undefined {
  const cells = t.rows[r].cells;
  const k = cells.length - (ncols - c);
  return k >= 0 ? cells[k] : undefined;
}

/** A row of column numbers under the header: `A B 1 2 3 4=3/2 5`. */
function isNumberingRow(t: Table, r: number): boolean {
  const cells = t.rows[r].cells.filter((c) => c.text.trim() !== '');
  return cells.length >= 3 && cells.every((c) => /^\(?[A-Z\d]{1,2}(?:\s*[=+\-*/x×]\s*[A-Z\d()+\-*/x× ]{1,12})?\)?$/.test(c.text.trim()));
}

/** How many cells at the end of a row are figures, percentages or blanks: rows broken by a conversion differ. */
function figureTail(t: Table, r: number, conv: NumberConvention): number {
  const cells = t.rows[r].cells;
  let n = 0;
  for (let k = cells.length - 1; k >= 0 && (readCell(cells[k], conv) !== undefined || PERCENT_CELL.test(cells[k].text.trim())); k--) n++;
  return n;
}

function iv(c: Cell, mode: 'round' | 'truncate'): Interval {
  return statedInterval(c.value, c.decimals, mode);
}

function sumOk(total: Cell, parts: Cell[], rounding: Rounding): boolean {
  return modesOf(rounding).some((mode) => intersects(iv(total, mode), sumIntervals(parts.map((p) => iv(p, mode)))));
}

type Verdict = 'ok' | 'rounding' | 'bad';

/**
 * Whole numbers in a table add up exactly (counts, and amounts a spreadsheet keeps whole): a
 * difference that only the rounding of every cell could explain is `rounding`, reported as a
 * warning; figures with decimals are compared as the intervals they stand for.
 */
function verdictOf(total: Cell, parts: Cell[], rounding: Rounding): Verdict {
  if (!sumOk(total, parts, rounding)) return footnoteGlued(total, parts) ? 'ok' : 'bad';
  // a total written with fewer decimals than its parts ("5" over "1,25") is a figure typed whole:
  // the parts' own rounding must reach it (1,67 × 3 totals 5), its rounding alone (5,5 read as 5) is
  // only likely
  const finest = Math.max(0, ...parts.map((p) => p.decimals));
  if (total.decimals < finest) return sumOk({ ...total, decimals: finest }, parts, rounding) ? 'ok' : 'rounding';
  if (total.decimals > 0 || finest > 0) return 'ok';
  return pointSum(parts).sum.eq(total.value) ? 'ok' : 'rounding';
}

/**
 * A footnote number glued to a cell by the conversion ("Tiêu chí khác | 20⁷" read as 207): the sum
 * is exact once the last one or two digits of one whole cell (a part or the total) are dropped.
 * Not a slip of the writer's; stay silent.
 */
function footnoteGlued(total: Cell, parts: Cell[]): boolean {
  if (total.decimals > 0 || parts.some((p) => p.decimals > 0)) return false;
  const sum = pointSum(parts).sum;
  for (const d of [10, 100]) {
    const cut = (v: Decimal): Decimal => v.divToInt(d);
    if (total.value.gte(d * 10) && cut(total.value).eq(sum)) return true;
    for (const p of parts) if (p.value.gte(d * 10) && sum.minus(p.value).plus(cut(p.value)).eq(total.value)) return true;
  }
  return false;
}

/** The first reading that adds up exactly, else the first that adds up within rounding, else the first. */
function bestReading(total: Cell, readings: Cell[][], rounding: Rounding): { parts: Cell[]; verdict: Verdict } | undefined {
  let first: { parts: Cell[]; verdict: Verdict } | undefined;
  let near: { parts: Cell[]; verdict: Verdict } | undefined;
  for (const parts of readings) {
    const verdict = verdictOf(total, parts, rounding);
    if (verdict === 'ok') return { parts, verdict };
    if (verdict === 'rounding') near ??= { parts, verdict };
    first ??= { parts, verdict };
  }
  return near ?? first;
}

/** Is every value of `a` above every value of `b`? */
function exceeds(a: Interval, b: Interval): boolean {
  return a.lo.gt(b.hi) || (a.lo.eq(b.hi) && (a.loOpen || b.hiOpen));
}

function pointSum(parts: Cell[]): { sum: Decimal; decimals: number } {
  let s = new Decimal(0);
  let d = 0;
  for (const p of parts) {
    s = s.plus(p.value);
    d = Math.max(d, p.decimals);
  }
  return { sum: s, decimals: d };
}

interface RowInfo {
  index: number;
  level: Level;
  label: string;
  labelCol: number;
  total: boolean;
  subtotal: boolean;
  /** The label opens with a subset cue ("Trong đó: …"): the row details only part of the row above. */
  subset: boolean;
  /** No figure cell at all: a label row (a group heading without figures, "Trong đó:" alone). */
  bare: boolean;
  /** Under a subset row: details of `parent`, left out of every sum of the table. */
  detail?: boolean;
  parent?: RowInfo;
}

function rowInfo(t: Table, r: number, conv: NumberConvention): RowInfo {
  const cells = t.rows[r].cells;
  const first = cells[0]?.text.trim() ?? '';
  let lvl = sttLevel(first);
  let labelCol = lvl !== undefined ? 1 : 0;
  if (lvl === 'none' && !(cells[1]?.text.trim())) labelCol = 0;
  let label = (cells[labelCol]?.text ?? '').replace(/\*\*/g, '').trim();
  // Word's merged "Tổng cộng" cell over the STT and name columns, copied as text: the label in the
  // first cell and the name cell empty ("Tổng cộng | | 343 | 261"); the figures start where the
  // other rows' do
  if (labelCol === 0 && lvl === undefined && cells.length > 2 && !(cells[1]?.text.trim()) && TOTAL_LABEL.test(label)) labelCol = 1;
  label = label || (cells[labelCol]?.text ?? '').replace(/\*\*/g, '').trim();
  const subset = SUBSET_LABEL.test(label);
  // "Trong đó: - Thuế GTGT", "Bao gồm: - Phí …": the cue, then the row's own marker
  const cue = subset ? TABLE_SUBSET_LABELS.at(label) : TABLE_COMPLETE_CUES.at(label);
  const rest = cue && cue.start === 0 ? label.slice(cue.end).replace(/^[\s:,.]+/u, '') : label;
  if ((lvl === undefined || lvl === 'none') && /^[-+•*–]\s/u.test(rest)) lvl = 'bullet';
  const bare = !cells.slice(labelCol + 1).some((c) => typeof readTotal(c, conv) === 'object');
  return {
    index: r,
    level: lvl ?? 'none',
    label,
    labelCol,
    total: TOTAL_LABEL.test(label) && !SUBTOTAL_LABEL.test(label),
    subtotal: SUBTOTAL_LABEL.test(label),
    subset,
    bare,
  };
}

/**
 * A cell wrapped onto the next line by a conversion: a numbered row without figures ("a) | Không
 * tham ô, …, cửa quyền;") and, right after it, an unnumbered row going on in lower case with the
 * figures ("không có biểu hiện suy thoái … | 1,25"). The two are one row: the second keeps its
 * figures and takes the first one's number.
 */
function joinWrapped(t: Table, data: RowInfo[]): RowInfo[] {
  const out: RowInfo[] = [];
  for (let k = 0; k < data.length; k++) {
    const a = data[k];
    const b = data[k + 1];
    if (b && a.bare && a.level !== 'none' && b.level === 'none' && !b.bare && !b.total && !b.subset && /^\p{Ll}/u.test(t.rows[b.index].cells[0]?.text.trim() ?? '')) {
      out.push({ ...b, level: a.level, label: `${a.label} ${b.label}` });
      k++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * Marks the rows a subset row ("Trong đó: …") covers as details of the row above it: the subset
 * row itself and the rows after it at its own level or deeper; after a bare "Trong đó:" heading,
 * every row deeper than the detailed row (all the rest when it is the total). Details take part in
 * no sum but their own (`subset` checks).
 */
function markDetails(data: RowInfo[]): void {
  for (let k = 0; k < data.length; k++) {
    const s = data[k];
    if (!s.subset || s.detail) continue;
    let p = k - 1;
    while (p >= 0 && data[p].detail) p--;
    s.detail = true;
    if (p < 0) continue;
    const parent = data[p];
    s.parent = parent;
    const pr = parent.total ? -1 : RANK[parent.level];
    const own = s.bare ? pr + 0.5 : RANK[s.level];
    for (let j = k + 1; j < data.length; j++) {
      const r = data[j];
      if (r.total || r.subtotal) break;
      const rk = RANK[r.level];
      if (rk <= pr || rk < own) break;
      r.detail = true;
      r.parent = parent;
    }
  }
}

const FOOTNOTE_CELL = /^\[\d{1,3}\]\s*[\p{L}\d]/u;

/**
 * A footnote set after the last row by the conversion ("34. | Điện Biên | 2217 | … | 13.0% | [1] 07
 * Bộ …"): a last cell opening with a footnote mark, after figures, is not a cell of the row.
 */
function withoutFootnotes(t: Table): Table {
  let changed = false;
  const rows = t.rows.map((r) => {
    const n = r.cells.length;
    if (n < 3 || !FOOTNOTE_CELL.test(r.cells[n - 1].text.trim()) || !/\d\s*%?$/.test(r.cells[n - 2].text.trim())) return r;
    changed = true;
    return { ...r, cells: r.cells.slice(0, n - 1) };
  });
  return changed ? { ...t, rows } : t;
}

/** Checks one table. */
export function checkTable(table: Table, conv: NumberConvention, settingsRounding: Rounding, cut = false): TableCheck[] {
  const out: TableCheck[] = [];
  if (table.rows.length < 3) return out;
  const t = withoutFootnotes(table);
  // a table's figures come from a spreadsheet, which rounds what it shows; nobody truncates a cell
  const rounding: Rounding = settingsRounding === 'any' ? 'round' : settingsRounding;
  const ncols = Math.max(...t.rows.map((r) => r.cells.length));
  // header: the Markdown header, or the rows before the first row with a figure (and any row of column numbers)
  let headerEnd = t.headerRows > 0 ? t.headerRows : 0;
  if (t.headerRows <= 0) {
    while (headerEnd < t.rows.length && (isNumberingRow(t, headerEnd) || !t.rows[headerEnd].cells.some((c) => typeof readCell(c, conv) === 'object' && /\d/.test(c.text)))) headerEnd++;
    if (headerEnd === 0 || headerEnd >= t.rows.length) return out;
  }
  const header = t.rows.slice(0, headerEnd).filter((_, r) => !isNumberingRow(t, r));
  const numbering = t.rows.filter((_, r) => r < headerEnd + 2 && isNumberingRow(t, r));
  // a column whose number row says how it is computed as a ratio ("4=3/2", "5=4x100%") is not summed
  const ratioColumn = (c: number): boolean => numbering.some((r) => /[/%×x:]/.test(r.cells[r.cells.length - (ncols - c)]?.text ?? ''));
  const colHeader = (c: number): string => header.map((r) => {
    const k = r.cells.length - (ncols - c);
    return k >= 0 ? (r.cells[k]?.text.replace(/\*\*/g, '').trim() ?? '') : '';
  }).filter(Boolean).join(' ');
  const skipColumn = (c: number): boolean => PERCENT_HEADER.test(colHeader(c)) || ratioColumn(c);
  // for a relation learned from the figures: a header of identifiers ("STT", "Năm") over a column of
  // figures is a header cell set over the wrong column (merged cells); rates still are not summed
  const skipLearned = (c: number): boolean => RATE_HEADER.test(colHeader(c)) || ratioColumn(c);
  const infos = t.rows.map((_, r) => rowInfo(t, r, conv));
  const data = joinWrapped(t, infos.slice(headerEnd).filter((i) => !isNumberingRow(t, i.index)));
  markDetails(data);
  // a row without figures (a heading of a group, "2. Thu bán tài sản" left blank) adds nothing
  const cellOf = (i: RowInfo, c: number): Cell | 'empty' | undefined => (i.bare ? 'empty' : readCell(cellAt(t, i.index, c, ncols), conv));
  // the figure cells at the end of a row, never counting its label's own column (a blank name cell
  // beside "Cộng" or "Tổng cộng", Word's merged label, is not a figure)
  const rowTail = (i: RowInfo): number => Math.min(figureTail(t, i.index, conv), t.rows[i.index].cells.length - i.labelCol - 1);
  const aligned = (rows: RowInfo[], tail: number): boolean => rows.every((i) => i.bare || rowTail(i) === tail);
  const firstFigureCol = (i: RowInfo): number => ncols - (t.rows[i.index].cells.length - i.labelCol) + 1;
  /** The parts of `rows` in column `c`, or undefined when a cell there is not a figure. */
  const partsIn = (rows: RowInfo[], c: number): Cell[] | undefined => {
    const cells = rows.map((i) => cellOf(i, c));
    if (cells.some((x) => x === undefined)) return undefined;
    return cells.filter((x): x is Cell => x !== 'empty' && x !== undefined);
  };
  const rows = data.filter((i) => !i.detail);
  // the unit cell of a row ("Tỷ đồng", "%", "Người" in an "Đơn vị tính" column): rows in other units do not add up
  const unitOf = (i: RowInfo): string | undefined => {
    const cells = t.rows[i.index].cells;
    const k = cells.length - rowTail(i) - 1;
    const u = k > i.labelCol ? cells[k].text.trim().toLowerCase() : '';
    return u && u.length <= 20 && !/\d/.test(u) ? u : undefined;
  };
  const sameUnit = (total: RowInfo, parts: RowInfo[]): boolean => {
    const units = new Set([total, ...parts].filter((i) => !i.bare).map(unitOf).filter((u): u is string => u !== undefined));
    // a percentage or a rate per something ("người/ngày", "đồng/người/năm") does not add up; nor do two units
    return units.size <= 1 && ![...units].some((u) => /%|\/|phần trăm|percent/u.test(u));
  };
  // the table stops in the middle (the next line is one more piece of it): a sum that may go on below is not read
  const last = rows[rows.length - 1];
  // a row whose cell before its figures says it is a total ("1 | Bộ Công an | Tổng | 7 | …"), over the
  // unnumbered rows that follow it ("Đã thực thi | 0 | …", "Chưa thực thi | 7 | …")
  const preFigure = (i: RowInfo): string => {
    const cells = t.rows[i.index].cells;
    const k = cells.length - rowTail(i) - 1;
    return k > i.labelCol ? cells[k].text.replace(/\*\*/g, '').trim() : '';
  };
  const blockTotal = (i: RowInfo): boolean => !i.bare && TOTAL_LABEL.test(preFigure(i)) && !SUBTOTAL_LABEL.test(preFigure(i)) && !SUBSET_LABEL.test(preFigure(i));
  const blocks: Array<{ head: RowInfo; kids: RowInfo[] }> = [];
  for (let k = 0; k < rows.length; k++) {
    if (!blockTotal(rows[k])) continue;
    const kids: RowInfo[] = [];
    for (let j = k + 1; j < rows.length && rows[j].level === 'none' && !rows[j].total && !rows[j].bare && !blockTotal(rows[j]); j++) kids.push(rows[j]);
    if (kids.length >= 2 && !(cut && kids[kids.length - 1] === last)) blocks.push({ head: rows[k], kids });
  }

  // --- total rows
  const totals = rows.filter((i) => i.total);
  if (totals.length === 1 && !rows.some((i) => i.subtotal)) {
    const tot = totals[0];
    const others = rows.filter((i) => i !== tot);
    // candidate readings of which rows the total sums
    const ranks = others.map((i) => RANK[i.level]);
    const top = Math.min(...ranks);
    const readings: RowInfo[][] = [];
    const formula = /\(([IVX\d]+(?:\s*[+\-]\s*[IVX\d]+)+)\)/.exec(tot.label);
    let silent = false;
    if (formula) {
      // "TỔNG THU (I+II+III)": the total says which rows it sums
      const want = formula[1].split('+').map((x) => x.trim());
      const named = want.map((w) => others.find((i) => t.rows[i.index].cells[0]?.text.trim().replace(/[.)]$/, '') === w));
      // the rows it names are not all here (the table was split or is read badly): stay silent on the total
      if (formula[1].includes('-') || !named.every((x) => !!x)) silent = true;
      else readings.push(named as RowInfo[]);
    }
    // the table total of block totals: the sum of the blocks' total rows
    // (every numbered row must head a block: one that could not be read leaves the total unread)
    const heads = blocks.map((b) => b.head).filter((h) => h !== tot);
    const numbered = others.filter((i) => i.level !== 'none');
    if (!silent && heads.length >= 2 && numbered.every((i) => heads.includes(i))) readings.push(heads);
    if (!silent && (others.every((i) => i.level !== 'none') || others.every((i) => i.level === 'none'))) {
      readings.push(others.filter((i) => RANK[i.level] === top));
      readings.push(others);
      readings.push(others.filter((i, k) => !(k + 1 < others.length && RANK[others[k + 1].level] > RANK[i.level])));
    }
    const tail = rowTail(tot);
    // a reading is usable only if its rows are aligned with the total row
    if (silent || (cut && tot !== last) || readings.some((rs) => !aligned(rs, tail) || !sameUnit(tot, rs))) readings.length = 0;
    for (let c = firstFigureCol(tot); c < ncols && readings.length; c++) {
      if (skipColumn(c)) continue;
      const total = readTotal(cellAt(t, tot.index, c, ncols), conv);
      if (!total || total === 'empty') continue;
      const best = bestReading(total, readings.map((rs) => partsIn(rs, c)).filter((p): p is Cell[] => !!p && p.length >= 2), rounding);
      if (!best) continue;
      const { sum, decimals } = pointSum(best.parts);
      out.push({ table: t.index, kind: 'row', total, parts: best.parts, consistent: best.verdict === 'ok', roundingOnly: best.verdict === 'rounding', sum, sumDecimals: decimals, label: colHeader(c) || `#${c + 1}`, partLabels: [] });
    }
  }

  // --- sub-total rows at the foot of each block ("Cộng", "Cộng nhóm"), then a grand total of the sub-totals
  // (a foot has no number of its own: "I | Tổng dư nợ đầu năm" is an item named a total)
  const feet = rows.filter((i) => (i.total || i.subtotal) && i.level === 'none');
  if (feet.length >= 2 && !cut) {
    let from = 0;
    const subs: RowInfo[] = [];
    for (const foot of feet) {
      const at = rows.indexOf(foot);
      const block = rows.slice(from, at).filter((i) => !i.bare && !feet.includes(i));
      from = at + 1;
      const isGrand = foot === rows[rows.length - 1] && subs.length >= 2 && !foot.subtotal && block.length === 0;
      const readings: RowInfo[][] = [];
      if (isGrand) readings.push([...subs]);
      else if (block.length >= 2) {
        const top = Math.min(...block.map((i) => RANK[i.level]));
        readings.push(block.filter((i) => RANK[i.level] === top), block, block.filter((i, k) => !(k + 1 < block.length && RANK[block[k + 1].level] > RANK[i.level])));
        subs.push(foot);
      } else continue;
      const tail = rowTail(foot);
      if (readings.some((rs) => !aligned(rs, tail) || !sameUnit(foot, rs))) continue;
      for (let c = firstFigureCol(foot); c < ncols; c++) {
        if (skipColumn(c)) continue;
        const total = readTotal(cellAt(t, foot.index, c, ncols), conv);
        if (!total || total === 'empty') continue;
        const best = bestReading(total, readings.map((rs) => partsIn(rs, c)).filter((x): x is Cell[] => !!x && x.length >= 2), rounding);
        if (!best) continue;
        const { sum, decimals } = pointSum(best.parts);
        out.push({ table: t.index, kind: 'row', total, parts: best.parts, consistent: best.verdict === 'ok', roundingOnly: best.verdict === 'rounding', sum, sumDecimals: decimals, label: colHeader(c) || `#${c + 1}`, partLabels: [] });
      }
    }
  }

  // --- groups: a row of a higher level against the rows of the next level below it
  for (let k = 0; k < rows.length; k++) {
    const g = rows[k];
    // a numbered row whose label is itself a bulleted item ("4.2 | + Giải nhất") is a cell of a merged heading, no group
    if (g.level === 'none' || g.level === 'bullet' || g.total || g.bare || /^[-+•*–]\s/u.test(g.label)) continue;
    const kids: RowInfo[] = [];
    for (let j = k + 1; j < rows.length && RANK[rows[j].level] > RANK[g.level] && !rows[j].total && !rows[j].subtotal; j++) kids.push(rows[j]);
    if (kids.length < 2) continue;
    const kidTop = Math.min(...kids.map((i) => RANK[i.level]));
    const direct = kids.filter((i) => RANK[i.level] === kidTop);
    if (direct.length < 2 || kids.some((i) => i.level === 'none')) continue;
    if (!aligned(kids, rowTail(g)) || !sameUnit(g, kids)) continue;
    if (cut && kids[kids.length - 1] === rows[rows.length - 1]) continue;
    const leaves = kids.filter((i, m) => !(m + 1 < kids.length && RANK[kids[m + 1].level] > RANK[i.level]));
    for (let c = firstFigureCol(g); c < ncols; c++) {
      if (skipColumn(c)) continue;
      const total = readTotal(cellAt(t, g.index, c, ncols), conv);
      if (!total || total === 'empty') continue;
      const best = bestReading(total, [direct, leaves].map((rs) => partsIn(rs, c)).filter((p): p is Cell[] => !!p && p.length >= 2), rounding);
      if (!best) continue;
      const { sum, decimals } = pointSum(best.parts);
      out.push({ table: t.index, kind: 'group', total, parts: best.parts, consistent: best.verdict === 'ok', roundingOnly: best.verdict === 'rounding', sum, sumDecimals: decimals, label: colHeader(c) || `#${c + 1}`, partLabels: [g.label] });
    }
  }

  // --- block totals against the rows of their block
  for (const { head, kids } of blocks) {
    if (!aligned(kids, rowTail(head)) || !sameUnit(head, kids)) continue;
    for (let c = ncols - rowTail(head); c < ncols; c++) {
      if (skipColumn(c)) continue;
      const total = readTotal(cellAt(t, head.index, c, ncols), conv);
      if (!total || total === 'empty') continue;
      const parts = partsIn(kids, c);
      if (!parts || parts.length < 1 || kids.length < 2) continue;
      const { sum, decimals } = pointSum(parts);
      const verdict = verdictOf(total, parts, rounding);
      out.push({ table: t.index, kind: 'group', total, parts, consistent: verdict === 'ok', roundingOnly: verdict === 'rounding', sum, sumDecimals: decimals, label: colHeader(c) || `#${c + 1}`, partLabels: [head.label] });
    }
  }

  // --- subsets: the rows under "Trong đó" cannot add up to more than the row they detail
  for (const parent of new Set(data.filter((i) => i.detail && i.parent).map((i) => i.parent!))) {
    if (parent.bare || PERCENT_HEADER.test(parent.label)) continue;
    const run = data.filter((i) => i.parent === parent && !i.bare);
    if (!run.length || run.some((i) => PERCENT_HEADER.test(i.label))) continue;
    const shallowest = Math.min(...run.map((i) => RANK[i.level]));
    const parts0 = run.filter((i) => RANK[i.level] === shallowest);
    if (!aligned(parts0, rowTail(parent)) || !sameUnit(parent, parts0)) continue;
    const cols: { c: number; total: Cell; parts: Cell[]; ok: boolean; adds: boolean }[] = [];
    for (let c = firstFigureCol(parent); c < ncols; c++) {
      if (skipColumn(c)) continue;
      const total = readCell(cellAt(t, parent.index, c, ncols), conv);
      if (!total || total === 'empty') continue;
      const parts = partsIn(parts0, c);
      if (!parts || !parts.length) continue;
      const ok = modesOf(rounding).some((mode) => !exceeds(sumIntervals(parts.map((p) => iv(p, mode))), iv(total, mode)));
      // every row of the run has its figure in this column and they add up to the row exactly
      const adds = parts.length === parts0.length && parts.length >= 2 && pointSum(parts).sum.eq(total.value);
      cols.push({ c, total, parts, ok, adds });
    }
    // "Trong đó" promises only a part; but when the rows under it add up to the row exactly in
    // every other column (at least COMPLETE_EVIDENCE of them) and miss in one, the table itself
    // shows they are the whole: that column is read as a complete split (a warning: a detail row
    // missing from the table would look the same)
    const adding = cols.filter((x) => x.adds).length;
    const complete = cols.length - adding === 1 && adding >= COMPLETE_EVIDENCE;
    for (const { c, total, parts, ok, adds } of cols) {
      const { sum, decimals } = pointSum(parts);
      if (complete && ok && !adds && parts.length === parts0.length && !RATE_HEADER.test(colHeader(c))) {
        out.push({ table: t.index, kind: 'subsetComplete', total, parts, consistent: false, sum, sumDecimals: decimals, label: colHeader(c) || `#${c + 1}`, partLabels: [parent.label], evidence: adding });
        continue;
      }
      out.push({ table: t.index, kind: 'subset', total, parts, consistent: ok, sum, sumDecimals: decimals, label: colHeader(c) || `#${c + 1}`, partLabels: [parent.label] });
    }
  }

  // --- total columns: learn which adjacent run of columns adds up, report the rows that break it.
  // Only rows whose figures fill as many trailing cells as most rows are read (the others were
  // broken by a conversion). A column headed as a total needs the run to hold in 2/3 of its rows;
  // any other column is taken as a total only when one run holds in all rows but one (or 10 %), in
  // at least 4 rows, 3 of them with two parts that are not nil (`learned`, reported as a warning).
  const tailCount = new Map<number, number>();
  for (const i of data) if (!i.bare) tailCount.set(rowTail(i), (tailCount.get(rowTail(i)) ?? 0) + 1);
  const modal = [...tailCount.entries()].sort((x, y) => y[1] - x[1] || y[0] - x[0])[0]?.[0] ?? 0;
  const full = data.filter((i) => !i.bare && rowTail(i) === modal);
  const subsetHeader = header.some((r) => r.cells.some((x) => SUBSET_LABEL.test(x.text.trim())));
  const taken = new Set<number>();
  const headerAligned = header.length > 0 && header.every((r) => r.cells.length === ncols);
  for (let c = ncols - modal; c < ncols && !subsetHeader; c++) {
    const h = colHeader(c);
    const labelled = TOTAL_LABEL.test(h);
    const skip = labelled ? skipColumn : skipLearned;
    if (skip(c) || SUBSET_LABEL.test(h)) continue;
    const runs: number[][] = [];
    for (const dir of [1, -1]) {
      const run: number[] = [];
      for (let k = c + dir; k >= ncols - modal && k < ncols; k += dir) {
        if (skip(k) || (labelled && TOTAL_LABEL.test(colHeader(k)))) break;
        if (!full.every((i) => cellOf(i, k) !== undefined)) break;
        run.push(k);
      }
      for (let n = run.length; n >= 2; n--) runs.push(run.slice(0, n));
    }
    if (!runs.length) continue;
    const rowsChecked = full.map((i) => {
      const total = cellOf(i, c);
      return { i, total: total && total !== 'empty' ? total : undefined };
    }).filter((x) => x.total);
    // two rows are enough under a header that says it is the total, when the columns it could sum
    // leave no choice (every other figure column on one side of it)
    if (rowsChecked.length < (labelled && runs.length === 1 && runs[0].length === modal - 1 ? 2 : 3)) continue;
    const partsOf = (i: RowInfo, run: number[]): Cell[] => [...run].sort((x, y) => x - y).map((k) => cellOf(i, k)).filter((x): x is Cell => !!x && x !== 'empty');
    // the run that adds up in the most rows
    let best: number[] | undefined;
    let bestOk = -1;
    let bestRich = 0;
    for (const run of runs) {
      let ok = 0;
      let rich = 0;
      for (const { i, total } of rowsChecked) {
        const parts = partsOf(i, run);
        if (sumOk(total!, parts, rounding)) {
          ok++;
          if (parts.filter((p) => !p.value.isZero()).length >= 2) rich++;
        }
      }
      if (ok > bestOk) {
        bestOk = ok;
        best = run;
        bestRich = rich;
      }
    }
    if (!best) continue;
    const failing = rowsChecked.length - bestOk;
    const learned = !labelled;
    if (labelled ? bestOk * 3 < rowsChecked.length * 2 && !(rowsChecked.length === 2 && bestOk === 1) : bestOk < 4 || bestRich < 3 || failing > Math.max(1, Math.floor(rowsChecked.length / 10))) continue;
    if (best.some((k) => taken.has(k))) continue; // the parts of another total column: one relation per set of columns
    taken.add(c);
    for (const { i, total } of rowsChecked) {
      const parts = partsOf(i, best);
      const verdict = verdictOf(total!, parts, rounding);
      const { sum, decimals } = pointSum(parts);
      // a header with merged cells cannot be set over its columns: the parts are named by their figures then
      const name = (k: number): string => (headerAligned && colHeader(k)) || (cellAt(t, i.index, k, ncols)?.text.trim() ?? `#${k + 1}`);
      out.push({ table: t.index, kind: 'column', total: total!, parts, consistent: verdict === 'ok', roundingOnly: verdict === 'rounding', sum, sumDecimals: decimals, label: i.label, partLabels: [...best].sort((x, y) => x - y).map(name), learned });
    }
  }
  return out;
}

const HEADER_START = new RegExp(`^(?:${IDENTIFIER_HEADERS.source}|số tt|s tt)$`, 'iu');

/** Tables set one under another with no line between them: a new header row ("STT | …") starts the next one. */
function segments(t: Table, conv: NumberConvention): Table[] {
  const out: Table[] = [];
  let from = 0;
  let seenData = false;
  for (let r = 0; r < t.rows.length; r++) {
    const cells = t.rows[r].cells;
    const figures = cells.some((c) => typeof readCell(c, conv) === 'object');
    if (seenData && !figures && cells.length >= 2 && cells.slice(0, 2).some((c) => HEADER_START.test(c.text.trim()))) {
      out.push({ ...t, rows: t.rows.slice(from, r), headerRows: from === 0 ? t.headerRows : -1 });
      from = r;
      seenData = false;
    }
    if (figures) seenData = true;
  }
  out.push({ ...t, rows: t.rows.slice(from), headerRows: from === 0 ? t.headerRows : -1 });
  return out;
}

/** Does the table stop in the middle: is the next line one more piece of it (a numbered or bulleted row, a figure, "Trong đó")? */
function cutAfter(doc: Document, t: Table): boolean {
  const m = /^\r?\n([^\r\n]*)/.exec(doc.text.slice(t.span.end, t.span.end + 1000));
  const next = m?.[1].trim();
  if (!next) return false;
  return readMarker(next, 0) !== undefined || /^\d/.test(next) || SUBSET_LABEL.test(next) || TABLE_COMPLETE_CUES.at(next)?.start === 0;
}

export const tableChecks = defineFact('tableChecks', (doc: Document, _facts, settings: DocumentSettings): TableCheck[] =>
  doc.tables.flatMap((t) => {
    const parts = segments(t, settings.numberFormat);
    const cut = cutAfter(doc, t);
    return parts.flatMap((p, k) => checkTable(p, settings.numberFormat, settings.rounding, cut && k === parts.length - 1));
  }),
);

export interface ForeignCell {
  span: Span;
  raw: string;
  value: Decimal;
  decimals: number;
}

const FIGURE_CELL = /^\d{1,3}(?:[.,]\d+)+$/;

/**
 * Figure cells written in the other convention than the rest of their column (`19,870.477` among
 * `1.234,5` and `980,25`): the column must show at least three figures that read one way only in
 * the document's convention, and the cells in the other one must be a slip (one, or 10 %), not
 * the column's own way (a column of codes such as `1.014440`).
 */
export function foreignCells(t: Table, conv: NumberConvention): ForeignCell[] {
  const out: ForeignCell[] = [];
  const ncols = Math.max(0, ...t.rows.map((r) => r.cells.length));
  for (let c = 0; c < ncols; c++) {
    const own: TableCell[] = [];
    const foreign: ForeignCell[] = [];
    for (let r = 0; r < t.rows.length; r++) {
      const cell = cellAt(t, r, c, ncols);
      const text = cell?.text.replace(/\*\*/g, '').trim() ?? '';
      if (!cell || !FIGURE_CELL.test(text)) continue;
      const n = readNumber(text, conv);
      if (!n) continue;
      if (n.wellFormed && !n.ambiguous) own.push(cell);
      else if (!n.wellFormed) {
        const start = cell.span.start + cell.text.indexOf(text);
        foreign.push({ span: { start, end: start + text.length }, raw: text, value: n.value, decimals: n.decimals });
      }
    }
    if (foreign.length && own.length >= 3 && foreign.length <= Math.max(1, Math.floor((own.length + foreign.length) / 10))) out.push(...foreign);
  }
  return out;
}

export const tableForeignCells = defineFact('tableForeignCells', (doc: Document, _facts, settings: DocumentSettings): ForeignCell[] =>
  doc.tables.flatMap((t) => foreignCells(t, settings.numberFormat)),
);

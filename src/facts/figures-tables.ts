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
import { readNumber, type NumberConvention } from './numbers.js';
import { intersects, modesOf, statedInterval, sumIntervals, type Interval, type Rounding } from './intervals.js';
import { IDENTIFIER_HEADERS, NON_ADDITIVE_HEADER_WORDS, TABLE_SUBSET_LABELS, TABLE_SUBTOTAL_LABELS, TABLE_TOTAL_LABELS } from './lexicon/figures.js';

export interface Cell {
  span: Span;
  value: Decimal;
  decimals: number;
}

export interface TableCheck {
  table: number;
  kind: 'row' | 'column' | 'group';
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
}

const TOTAL_LABEL = new RegExp(`^(?:${TABLE_TOTAL_LABELS.source})(?![\\p{L}])`, 'iu');
const SUBTOTAL_LABEL = new RegExp(`^(?:${TABLE_SUBTOTAL_LABELS.source})(?![\\p{L}])`, 'iu');
const SUBSET_LABEL = new RegExp(`^(?:${TABLE_SUBSET_LABELS.source})(?![\\p{L}])`, 'iu');
// a header of rates, averages, prices or comparisons (or a column of identifiers): its figures do not add up
const PERCENT_HEADER = new RegExp(`%|(?<![\\p{L}])(?:${NON_ADDITIVE_HEADER_WORDS.source})|^(?:${IDENTIFIER_HEADERS.source})$`, 'iu');
const EMPTY_ZERO = /^(?:|-|–|—|0|x)$/;

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

/** How many cells at the end of a row are figures or blanks: rows broken by a conversion differ. */
function figureTail(t: Table, r: number, conv: NumberConvention): number {
  const cells = t.rows[r].cells;
  let n = 0;
  for (let k = cells.length - 1; k >= 0 && readCell(cells[k], conv) !== undefined; k--) n++;
  return n;
}

function iv(c: Cell, mode: 'round' | 'truncate'): Interval {
  return statedInterval(c.value, c.decimals, mode);
}

function sumOk(total: Cell, parts: Cell[], rounding: Rounding): boolean {
  return modesOf(rounding).some((mode) => intersects(iv(total, mode), sumIntervals(parts.map((p) => iv(p, mode)))));
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
  subset: boolean;
}

function rowInfo(t: Table, r: number): RowInfo {
  const cells = t.rows[r].cells;
  const first = cells[0]?.text.trim() ?? '';
  let lvl = sttLevel(first);
  let labelCol = lvl !== undefined ? 1 : 0;
  if (lvl === undefined && /^[-+•*]\s/.test(first)) lvl = 'bullet';
  if (lvl === 'none' && !(cells[1]?.text.trim())) labelCol = 0;
  const label = (cells[labelCol]?.text ?? '').replace(/\*\*/g, '').trim();
  return {
    index: r,
    level: lvl ?? 'none',
    label,
    labelCol,
    total: TOTAL_LABEL.test(label) && !SUBTOTAL_LABEL.test(label),
    subtotal: SUBTOTAL_LABEL.test(label),
    subset: SUBSET_LABEL.test(label),
  };
}

/** Checks one table. */
export function checkTable(t: Table, conv: NumberConvention, rounding: Rounding): TableCheck[] {
  const out: TableCheck[] = [];
  if (t.rows.length < 3) return out;
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
  const infos = t.rows.map((_, r) => rowInfo(t, r));
  const data = infos.slice(headerEnd).filter((i) => !isNumberingRow(t, i.index));
  if (data.some((i) => i.subset || i.subtotal)) return out; // subsets and subtotals: not read yet, stay silent

  // --- total rows
  const totals = data.filter((i) => i.total);
  if (totals.length === 1) {
    const tot = totals[0];
    const others = data.filter((i) => i !== tot);
    // candidate readings of which rows the total sums
    const ranks = others.map((i) => RANK[i.level]);
    const top = Math.min(...ranks);
    const readings: RowInfo[][] = [];
    const formula = /\(([IVX\d]+(?:\s*[+\-]\s*[IVX\d]+)+)\)/.exec(tot.label);
    if (formula) {
      // "TỔNG THU (I+II+III)": the total says which rows it sums
      const want = formula[1].split('+').map((x) => x.trim());
      const rows = want.map((w) => others.find((i) => t.rows[i.index].cells[0]?.text.trim().replace(/[.)]$/, '') === w));
      // the rows it names are not all here (the table was split or is read badly): stay silent
      if (formula[1].includes('-') || !rows.every((x) => !!x)) return out;
      readings.push(rows as RowInfo[]);
    }
    if (others.every((i) => i.level !== 'none') || others.every((i) => i.level === 'none')) {
      readings.push(others.filter((i) => RANK[i.level] === top));
      readings.push(others);
      readings.push(others.filter((i, k) => !(k + 1 < others.length && RANK[others[k + 1].level] > RANK[i.level])));
    }
    const tail = figureTail(t, tot.index, conv);
    // a reading is usable only if its rows are aligned with the total row
    if (readings.some((rows) => rows.some((i) => figureTail(t, i.index, conv) !== tail))) readings.length = 0;
    for (let c = ncols - (t.rows[tot.index].cells.length - tot.labelCol) + 1; c < ncols && readings.length; c++) {
      if (PERCENT_HEADER.test(colHeader(c)) || ratioColumn(c)) continue;
      const total = readCell(cellAt(t, tot.index, c, ncols), conv);
      if (!total || total === 'empty') continue;
      let any = false;
      let shown: { parts: Cell[]; ok: boolean } | undefined;
      let readable = false;
      for (const rows of readings) {
        const cells = rows.map((i) => readCell(cellAt(t, i.index, c, ncols), conv));
        if (cells.some((x) => x === undefined)) continue;
        const parts = cells.filter((x): x is Cell => x !== 'empty' && x !== undefined);
        if (parts.length < 2) continue;
        readable = true;
        const ok = sumOk(total, parts, rounding);
        if (!shown) shown = { parts, ok };
        if (ok) {
          any = true;
          break;
        }
      }
      if (!readable || !shown) continue;
      const { sum, decimals } = pointSum(shown.parts);
      out.push({ table: t.index, kind: 'row', total, parts: shown.parts, consistent: any, sum, sumDecimals: decimals, label: colHeader(c) || `#${c + 1}`, partLabels: [] });
    }
    // groups: a row of a higher level against the rows of the next level below it
    for (let k = 0; k < others.length; k++) {
      const g = others[k];
      if (g.level === 'none' || g.level === 'bullet') continue;
      const kids: RowInfo[] = [];
      let j = k + 1;
      for (; j < others.length && RANK[others[j].level] > RANK[g.level]; j++) kids.push(others[j]);
      if (kids.length < 2) continue;
      const kidTop = Math.min(...kids.map((i) => RANK[i.level]));
      const direct = kids.filter((i) => RANK[i.level] === kidTop);
      if (direct.length < 2 || kids.some((i) => i.level === 'none')) continue;
      const gTail = figureTail(t, g.index, conv);
      if (kids.some((i) => figureTail(t, i.index, conv) !== gTail)) continue;
      for (let c = ncols - (t.rows[g.index].cells.length - g.labelCol) + 1; c < ncols; c++) {
        if (PERCENT_HEADER.test(colHeader(c)) || ratioColumn(c)) continue;
        const total = readCell(cellAt(t, g.index, c, ncols), conv);
        if (!total || total === 'empty') continue;
        const readingsG = [direct, kids.filter((i, m) => !(m + 1 < kids.length && RANK[kids[m + 1].level] > RANK[i.level]))];
        let any = false;
        let shown: Cell[] | undefined;
        for (const rows of readingsG) {
          const cells = rows.map((i) => readCell(cellAt(t, i.index, c, ncols), conv));
          if (cells.some((x) => x === undefined)) continue;
          const parts = cells.filter((x): x is Cell => x !== 'empty' && x !== undefined);
          if (parts.length < 2) continue;
          shown ??= parts;
          if (sumOk(total, parts, rounding)) {
            any = true;
            break;
          }
        }
        if (!shown) continue;
        const { sum, decimals } = pointSum(shown);
        out.push({ table: t.index, kind: 'group', total, parts: shown, consistent: any, sum, sumDecimals: decimals, label: colHeader(c) || `#${c + 1}`, partLabels: [g.label] });
      }
    }
  }

  // --- total columns: learn which adjacent run of columns adds up, report the rows that break it
  for (let c = 0; c < ncols; c++) {
    const h = colHeader(c);
    if (!TOTAL_LABEL.test(h) || SUBSET_LABEL.test(h)) continue;
    if (header.some((r) => r.cells.some((x) => SUBSET_LABEL.test(x.text.trim())))) break;
    const runs: number[][] = [];
    for (const dir of [1, -1]) {
      const run: number[] = [];
      for (let k = c + dir; k >= 0 && k < ncols; k += dir) {
        if (PERCENT_HEADER.test(colHeader(k)) || ratioColumn(k) || TOTAL_LABEL.test(colHeader(k))) break;
        if (!data.every((i) => readCell(cellAt(t, i.index, k, ncols), conv) !== undefined)) break;
        run.push(k);
      }
      for (let n = run.length; n >= 2; n--) runs.push(run.slice(0, n));
    }
    if (!runs.length) continue;
    const rowsChecked = data.map((i) => {
      const total = readCell(cellAt(t, i.index, c, ncols), conv);
      return { i, total: total && total !== 'empty' ? total : undefined };
    }).filter((x) => x.total);
    if (rowsChecked.length < 3) continue;
    // the run that adds up in the most rows; it must hold in at least 2/3 of them
    let best: number[] | undefined;
    let bestOk = -1;
    for (const run of runs) {
      let ok = 0;
      for (const { i, total } of rowsChecked) {
        const parts = run.map((k) => readCell(cellAt(t, i.index, k, ncols), conv)).filter((x): x is Cell => !!x && x !== 'empty');
        if (sumOk(total!, parts, rounding)) ok++;
      }
      if (ok > bestOk) {
        bestOk = ok;
        best = run;
      }
    }
    if (!best || bestOk * 3 < rowsChecked.length * 2) continue;
    for (const { i, total } of rowsChecked) {
      const parts = [...best].sort((a, b) => a - b).map((k) => readCell(cellAt(t, i.index, k, ncols), conv)).filter((x): x is Cell => !!x && x !== 'empty');
      const ok = sumOk(total!, parts, rounding);
      const { sum, decimals } = pointSum(parts);
      out.push({ table: t.index, kind: 'column', total: total!, parts, consistent: ok, sum, sumDecimals: decimals, label: i.label, partLabels: [...best].sort((a, b) => a - b).map(colHeader) });
    }
  }
  return out;
}

export const tableChecks = defineFact('tableChecks', (doc: Document, _facts, settings: DocumentSettings): TableCheck[] =>
  doc.tables.flatMap((t) => checkTable(t, settings.numberFormat, settings.rounding)),
);

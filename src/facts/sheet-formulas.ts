// Formula checks of spreadsheet annexes (documents read from .xlsx/.ods, src/parse/sheet.ts):
// - a stale result: a formula whose saved result (what the sheet shows and prints) differs, at
//   the precision shown, from what the formula gives from the saved values of its cells (the
//   workbook was saved without recalculating, or edited by a program that does not calculate);
// - a constant total: a number typed where the cells beside it in the same total row (or total
//   column) are SUM formulas over the same rows (columns): it will not follow its figures.
// Only arithmetic the checker can redo exactly is judged (+ - * /, unary minus, %, SUM,
// SUBTOTAL 9/109, ROUND); any other function, text in arithmetic or an error stays silent.
//
// API: fact `sheetFormulaChecks` -> SheetFormulaCheck[] (empty for other documents).

import { Decimal } from 'decimal.js';
import { defineFact } from '../engine/facts.js';
import type { Document, Span } from '../parse/document.js';
import { SheetDocument, cellKey, cellRef, colName, parseRef, type Sheet, type SheetCell } from '../parse/workbook.js';
import { formatValue } from '../parse/sheet-format.js';
import { quoteSheet } from '../parse/office.js';

export type SheetFormulaCheck =
  | { kind: 'stale'; span: Span; ref: string; formula: string; shown: string; expected: string; consistent: boolean }
  | { kind: 'constantTotal'; span: Span; ref: string; shown: string; neighbours: string[]; formula: string };

const MAX_RANGE = 100_000;

type Value = { n: Decimal } | { range: Array<SheetCell | undefined> } | undefined;

class Unsupported extends Error {}

/** A tiny evaluator over saved cell values. Throws Unsupported for anything it cannot redo exactly. */
class Evaluator {
  private pos = 0;
  private tokens: string[] = [];

  constructor(
    private readonly sheets: Sheet[],
    private readonly here: Sheet,
  ) {}

  evaluate(formula: string): Decimal {
    const toks = formula.match(/"(?:[^"]|"")*"|'(?:[^']|'')+'!|[A-Za-z_][\w.]*!|\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][\w.]*(?=\s*\()|<=|>=|<>|[-+*/^%(),:<>=&]|\S/g);
    if (!toks) throw new Unsupported();
    this.tokens = toks;
    this.pos = 0;
    const v = this.expr();
    if (this.pos !== this.tokens.length) throw new Unsupported();
    return this.num(v);
  }

  private peek(): string | undefined {
    return this.tokens[this.pos];
  }

  private num(v: Value): Decimal {
    if (!v) throw new Unsupported();
    if ('n' in v) return v.n;
    if (v.range.length !== 1) throw new Unsupported();
    const c = v.range[0];
    if (!c || (c.kind === 'empty' && !c.formula)) return new Decimal(0);
    if (c.kind !== 'number' || c.value === undefined) throw new Unsupported();
    return new Decimal(c.value);
  }

  private expr(): Value {
    let v = this.term();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.pos++;
      const r = this.num(this.term());
      v = { n: op === '+' ? this.num(v).plus(r) : this.num(v).minus(r) };
    }
    return v;
  }

  private term(): Value {
    let v = this.factor();
    for (let op = this.peek(); op === '*' || op === '/'; op = this.peek()) {
      this.pos++;
      const r = this.num(this.factor());
      if (op === '/' && r.isZero()) throw new Unsupported();
      v = { n: op === '*' ? this.num(v).times(r) : this.num(v).dividedBy(r) };
    }
    return v;
  }

  private factor(): Value {
    const t = this.peek();
    if (t === '-' || t === '+') {
      this.pos++;
      const v = this.num(this.factor());
      return { n: t === '-' ? v.negated() : v };
    }
    let v = this.primary();
    while (this.peek() === '%') {
      this.pos++;
      v = { n: this.num(v).dividedBy(100) };
    }
    return v;
  }

  private primary(): Value {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new Unsupported();
    if (t === '(') {
      const v = this.expr();
      if (this.tokens[this.pos++] !== ')') throw new Unsupported();
      return v;
    }
    if (/^\d/.test(t)) return { n: new Decimal(t) };
    let sheet = this.here;
    let tok = t;
    if (tok.endsWith('!')) {
      const name = tok.slice(0, -1).replace(/^'|'$/g, '').replace(/''/g, "'");
      const s = this.sheets.find((x) => x.name === name);
      if (!s) throw new Unsupported();
      sheet = s;
      tok = this.tokens[this.pos++] ?? '';
    }
    const ref = /^(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(tok);
    if (ref) return { range: this.cells(sheet, ref[1], ref[2] ?? ref[1]) };
    if (/^[A-Za-z_]/.test(tok) && this.peek() === '(') return this.call(tok.toUpperCase());
    throw new Unsupported();
  }

  private cells(sheet: Sheet, a: string, b: string): Array<SheetCell | undefined> {
    const p = parseRef(a);
    const q = parseRef(b);
    if (!p || !q) throw new Unsupported();
    const r0 = Math.min(p.row, q.row);
    const r1 = Math.max(p.row, q.row);
    const c0 = Math.min(p.col, q.col);
    const c1 = Math.max(p.col, q.col);
    if ((r1 - r0 + 1) * (c1 - c0 + 1) > MAX_RANGE) throw new Unsupported();
    const out: Array<SheetCell | undefined> = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(sheet.cells.get(cellKey(r, c)));
    return out;
  }

  private args(): Value[] {
    this.pos++; // (
    const out: Value[] = [];
    if (this.peek() === ')') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.expr());
      const t = this.tokens[this.pos++];
      if (t === ')') return out;
      if (t !== ',') throw new Unsupported();
    }
  }

  private call(name: string): Value {
    const fn = name.replace(/^_xlfn\./, '');
    const args = this.args();
    const sum = (vals: Value[], skipSubtotals: boolean): Decimal => {
      let s = new Decimal(0);
      for (const v of vals) {
        if (!v) throw new Unsupported();
        if ('n' in v) s = s.plus(v.n);
        else
          for (const c of v.range) {
            if (!c) continue;
            if (c.kind === 'error') throw new Unsupported();
            if (skipSubtotals && c.formula && /SUBTOTAL\s*\(/i.test(c.formula)) continue;
            if (c.kind === 'number' && c.value !== undefined) s = s.plus(c.value);
          }
      }
      return s;
    };
    if (fn === 'SUM') return { n: sum(args, false) };
    if (fn === 'SUBTOTAL') {
      const code = this.num(args[0]);
      if (!(code.equals(9) || code.equals(109))) throw new Unsupported();
      return { n: sum(args.slice(1), true) };
    }
    if (fn === 'ROUND' && args.length === 2) {
      const digits = this.num(args[1]).toNumber();
      if (!Number.isInteger(digits) || digits < -15 || digits > 15) throw new Unsupported();
      const x = this.num(args[0]);
      const f = new Decimal(10).pow(digits);
      return { n: x.times(f).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).dividedBy(f) };
    }
    throw new Unsupported();
  }
}

/** How many decimals a cell's text shows of its value (`1.234,5` -> 1; `12,5%` -> 3), or undefined when it is not a plain number. */
function shownDecimals(text: string, value: number): number | undefined {
  const t = text.replace(/\s/g, '');
  const m = /^[-(]?(\d[\d.,]*)(%?)\)?$/.exec(t);
  if (!m) return undefined;
  const digits = m[1];
  const percent = m[2] ? 2 : 0;
  const target = Math.abs(value) * (percent ? 100 : 1);
  const readings: Array<{ v: number; d: number }> = [];
  for (const [group, mark] of [['.', ','], [',', '.']]) {
    if (digits.split(mark).length > 2) continue;
    const [ip, fp = ''] = digits.split(mark);
    if (ip.includes(mark)) continue;
    const parts = ip.split(group);
    if (parts.length > 1 && parts.slice(1).some((p) => p.length !== 3)) continue;
    readings.push({ v: Number(parts.join('') + (fp ? `.${fp}` : '')), d: fp.length });
  }
  if (!readings.length) return undefined;
  readings.sort((x, y) => Math.abs(x.v - target) - Math.abs(y.v - target));
  return readings[0].d + percent;
}

const SUM_OF_RANGE = /^(?:SUM|SUBTOTAL\(\s*(?:9|109)\s*,)\s*\(?\s*\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)\s*\)$/i;

function sumShape(cell: SheetCell): { dir: 'down' | 'across'; from: number; to: number } | undefined {
  if (!cell.formula) return undefined;
  const m = SUM_OF_RANGE.exec(cell.formula.replace(/\s+/g, ''));
  if (!m) return undefined;
  const a = parseRef(`${m[1]}${m[2]}`);
  const b = parseRef(`${m[3]}${m[4]}`);
  if (!a || !b) return undefined;
  if (a.col === cell.col && b.col === cell.col && b.row < cell.row) return { dir: 'down', from: a.row, to: b.row };
  if (a.row === cell.row && b.row === cell.row && b.col < cell.col) return { dir: 'across', from: a.col, to: b.col };
  return undefined;
}

export function checkWorkbook(doc: SheetDocument): SheetFormulaCheck[] {
  const out: SheetFormulaCheck[] = [];
  const sheets = doc.workbook.sheets;
  sheets.forEach((sheet, si) => {
    if (sheet.hidden) return;
    const spanOf = (c: SheetCell): Span | undefined => {
      const s = doc.cellSpans[si]?.get(cellKey(c.row, c.col));
      return s && s.end > s.start ? { start: doc.norm.fromOriginal(s.start), end: doc.norm.fromOriginal(s.end) } : undefined;
    };
    const ev = new Evaluator(sheets, sheet);
    // stale results
    for (const c of sheet.cells.values()) {
      if (!c.formula || c.kind !== 'number' || c.value === undefined) continue;
      const span = spanOf(c);
      if (!span) continue;
      const d = shownDecimals(c.text, c.value);
      if (d === undefined) continue;
      let expected: Decimal;
      try {
        expected = ev.evaluate(c.formula);
      } catch (e) {
        if (e instanceof Unsupported) continue;
        throw e;
      }
      const round = (x: Decimal.Value): string => new Decimal(x).toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toFixed(d);
      const consistent = round(expected) === round(c.value);
      const shownAgain = c.numFmt ? formatValue(expected.toNumber(), c.numFmt, docConvention(c.text, c.value)) : undefined;
      out.push({
        kind: 'stale',
        span,
        ref: `${quoteSheet(sheet.name)}!${cellRef(c.row, c.col)}`,
        formula: c.formula,
        shown: c.text,
        expected: shownAgain ?? reformat(expected, c.text, d),
        consistent,
      });
    }
    // constant totals: a typed number among SUM formulas of the same shape in its row or column
    const groups = new Map<string, SheetCell[]>();
    for (const c of sheet.cells.values()) {
      const s = sumShape(c);
      if (!s) continue;
      const key = s.dir === 'down' ? `down|${c.row}|${s.from}|${s.to}` : `across|${c.col}|${s.from}|${s.to}`;
      const list = groups.get(key) ?? [];
      list.push(c);
      groups.set(key, list);
    }
    for (const [key, list] of groups) {
      if (list.length < 2) continue;
      const [dir, lineS, fromS, toS] = key.split('|');
      const line = Number(lineS);
      const from = Number(fromS);
      const to = Number(toS);
      const along = list.map((c) => (dir === 'down' ? c.col : c.row)).sort((a, b) => a - b);
      for (let k = along[0] - 1; k <= along[along.length - 1] + 1; k++) {
        if (along.includes(k) || k < 0) continue;
        const cell = dir === 'down' ? sheet.cells.get(cellKey(line, k)) : sheet.cells.get(cellKey(k, line));
        if (!cell || cell.formula || cell.kind !== 'number') continue;
        // the cells it would total hold figures
        let figures = 0;
        for (let x = from; x <= to; x++) {
          const p = dir === 'down' ? sheet.cells.get(cellKey(x, k)) : sheet.cells.get(cellKey(k, x));
          if (p?.kind === 'number') figures++;
        }
        if (figures < 2) continue;
        const span = spanOf(cell);
        if (!span) continue;
        const near = list.filter((c) => Math.abs((dir === 'down' ? c.col : c.row) - k) <= 1);
        const shownNeighbours = (near.length ? near : list).slice(0, 3);
        const range = dir === 'down' ? `${colName(k)}${from + 1}:${colName(k)}${to + 1}` : `${colName(from)}${k + 1}:${colName(to)}${k + 1}`;
        out.push({
          kind: 'constantTotal',
          span,
          ref: `${quoteSheet(sheet.name)}!${cellRef(cell.row, cell.col)}`,
          shown: cell.text,
          neighbours: shownNeighbours.map((c) => cellRef(c.row, c.col)),
          formula: `SUM(${range})`,
        });
      }
    }
  });
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The convention a shown number is written in (for re-showing a recomputed value). */
function docConvention(text: string, value: number): 'vi' | 'en' {
  const d = text.replace(/[^\d.,]/g, '');
  if (/,\d{1,2}$/.test(d) || (/\.\d{3}/.test(d) && Math.abs(value) >= 1000)) return 'vi';
  return 'en';
}

/** `expected` with `d` decimals in the separators of `like`. */
function reformat(expected: Decimal, like: string, d: number): string {
  const conv = docConvention(like, expected.toNumber());
  const percent = like.trim().endsWith('%');
  const x = percent ? expected.times(100) : expected;
  const fixed = x.toDecimalPlaces(Math.max(0, d - (percent ? 2 : 0)), Decimal.ROUND_HALF_UP).toFixed(Math.max(0, d - (percent ? 2 : 0)));
  const [ip, fp] = fixed.replace(/^-/, '').split('.');
  const grouped = /[.,]\d{3}(?:\D|$)/.test(like) ? ip.replace(/\B(?=(\d{3})+(?!\d))/g, conv === 'vi' ? '.' : ',') : ip;
  return `${fixed.startsWith('-') ? '-' : ''}${grouped}${fp ? (conv === 'vi' ? ',' : '.') + fp : ''}${percent ? '%' : ''}`;
}

export const sheetFormulaChecks = defineFact('sheetFormulaChecks', (doc: Document): SheetFormulaCheck[] => (doc instanceof SheetDocument && doc.workbook ? checkWorkbook(doc) : []));

// The workbook model of a spreadsheet annex (cells with shown text, saved values and formulas,
// merges, comments) and the Document that carries it. Kept apart from the .xlsx/.ods readers
// (sheet.ts) so the formula checks can know a spreadsheet without loading the zip and XML code.

import { Document, type Span } from './document.js';

export interface SheetCell {
  row: number; // 0-based
  col: number; // 0-based
  /** As displayed. */
  text: string;
  /** Numeric value (numbers, percentages, dates as serials), when the cell holds one. */
  value?: number;
  kind: 'number' | 'string' | 'boolean' | 'error' | 'empty';
  /** The formula without `=`, in A1 style (`SUM(C3:C11)`, `Thu!C5+D5`). */
  formula?: string;
  /** Number format code, for showing a recomputed value as the cell would. */
  numFmt?: string;
}

export interface Sheet {
  name: string;
  hidden: boolean;
  /** Cells by `row*16384+col`. */
  cells: Map<number, SheetCell>;
  merges: Array<{ r0: number; c0: number; r1: number; c1: number }>;
  comments: Array<{ row: number; col: number; text: string }>;
}

export interface Workbook {
  sheets: Sheet[];
  date1904: boolean;
}

export const cellKey = (row: number, col: number): number => row * 16384 + col;

export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellRef(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

/** `C12` -> { row: 11, col: 2 }. */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A spreadsheet as a Document, with the workbook (formulas, saved results) kept for the formula checks. */
export class SheetDocument extends Document {
  workbook!: Workbook;
  /** Original-text span of each cell's shown text, by sheet index and cell key. */
  cellSpans: Array<Map<number, Span>> = [];
}


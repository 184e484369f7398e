// What a reader would check among the figures of a document, so that every run says how much of
// it the figure rules covered (`checked` and `unpaired`): the stated totals (a figure its words
// name as a total or a whole, or that a breakdown cue follows), the percentages of running text,
// and the figure cells of total rows and total columns. The candidates are read from the words
// around each figure only (lexicon/figures.ts), never from what the checking readers paired, so a
// reader that pairs more raises the covered share and not the denominator alone; the figures a
// reader did pair are candidates too.
//
// API: fact `figureCandidates` -> { totals: Quantity[], percentages: Quantity[], tableTotals: Span[] }

import { defineFact } from '../engine/facts.js';
import type { DocumentSettings } from '../engine/types.js';
import type { Document, Span, Table } from '../parse/document.js';
import { HEAD_CUES, NOT_TOTAL_COMPOUNDS, STATED_TOTAL_WORDS, TABLE_SUBTOTAL_LABELS, TABLE_TOTAL_LABELS, TOTAL_AFTER_WORDS, WHOLE_VERBS } from './lexicon/figures.js';
import { readNumber, type NumberConvention } from './numbers.js';
import { quantities, type Quantity } from './quantities.js';

export interface FigureCandidates {
  /** Figures stated as a total or a whole, in text order. */
  totals: Quantity[];
  /** Percentages in running text. */
  percentages: Quantity[];
  /** Figure cells of the total rows and total columns of tables. */
  tableTotals: Span[];
}

const ADDITIVE = new Set(['money', 'count', 'area', 'length', 'mass', 'none']);

// a total word, maybe the noun it totals, maybe a copula, right before the figure
const TOTAL_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${STATED_TOTAL_WORDS.source}|${WHOLE_VERBS.source})(?:\\s+[^\\d;:.()]{1,30}?)?\\s*:?\\s*$`,
  'iu',
);
const NOT_TOTAL = new RegExp(`^(?:${NOT_TOTAL_COMPOUNDS.source})(?![\\p{L}])`, 'iu');
// a breakdown cue right after the figure and its unit
const CUE_AFTER = new RegExp(`^\\s*[,;:]?\\s*(?:${HEAD_CUES.source})(?![\\p{L}])`, 'iu');
const IN_TOTAL_AFTER = new RegExp(`^\\s*(?:${TOTAL_AFTER_WORDS.source})(?![\\p{L}])`, 'iu');
const TOTAL_LABEL = new RegExp(`^(?:${TABLE_TOTAL_LABELS.source}|${TABLE_SUBTOTAL_LABELS.source})(?![\\p{L}])`, 'iu');

function isStatedTotal(text: string, q: Quantity, sentenceStart: number): boolean {
  if (!ADDITIVE.has(q.unit.family)) return false;
  const lead = text.slice(Math.max(sentenceStart, q.span.start - 48), q.span.start);
  const m = TOTAL_BEFORE.exec(lead);
  if (m && !NOT_TOTAL.test(lead.slice(m.index + m[0].indexOf(m[1])))) return true;
  const tail = text.slice(q.span.end, q.span.end + 24);
  return CUE_AFTER.test(tail) || IN_TOTAL_AFTER.test(tail);
}

function figureCell(text: string, conv: NumberConvention): boolean {
  const t = text.replace(/\*\*/g, '').trim();
  if (!/^\d+(?:[.,]\d+)*$/.test(t)) return false;
  const r = readNumber(t, conv);
  return !!r && r.wellFormed;
}

/** The figure cells of rows labelled as totals and of columns headed as totals. */
function tableTotalCells(t: Table, conv: NumberConvention): Span[] {
  const out: Span[] = [];
  const seen = new Set<number>();
  const add = (s: Span): void => {
    if (seen.has(s.start)) return;
    seen.add(s.start);
    out.push(s);
  };
  const totalCols = new Set<number>();
  const head = t.rows.slice(0, Math.max(1, t.headerRows));
  for (const r of head) r.cells.forEach((c, k) => TOTAL_LABEL.test(c.text.replace(/\*\*/g, '').trim()) && totalCols.add(r.cells.length - k));
  for (const row of t.rows.slice(Math.max(1, t.headerRows))) {
    const label = row.cells.slice(0, 2).map((c) => c.text.replace(/\*\*/g, '').trim()).find((x) => x !== '' && !/^[\dIVXLC.)]+$/.test(x)) ?? '';
    const totalRow = TOTAL_LABEL.test(label);
    row.cells.forEach((c, k) => {
      if (!figureCell(c.text, conv)) return;
      if (totalRow || totalCols.has(row.cells.length - k)) add(c.span);
    });
  }
  return out;
}

export const figureCandidates = defineFact('figureCandidates', (doc: Document, facts, settings: DocumentSettings): FigureCandidates => {
  const qs = facts.get(quantities);
  const text = doc.text;
  const totals: Quantity[] = [];
  const percentages: Quantity[] = [];
  for (const q of qs) {
    if (q.sentence < 0) continue;
    if (q.unit.family === 'percent') {
      percentages.push(q);
      continue;
    }
    const block = doc.blocks[q.block];
    if (isStatedTotal(text, q, block ? block.content.start : 0)) totals.push(q);
  }
  const tableTotals = doc.tables.flatMap((t) => tableTotalCells(t, settings.numberFormat));
  return { totals, percentages, tableTotals };
});

/** How many of `candidates` (keys) are not in `used`; `used` keys not among the candidates count as candidates too. */
export function unpairedCount(candidates: Iterable<number>, used: Iterable<number>): number {
  const u = new Set(used);
  let n = 0;
  for (const c of new Set(candidates)) if (!u.has(c)) n++;
  return n;
}

// Sentences with spans into the document text, in reading order. A sentence broken across two
// blocks by a page break or a conversion (block.continues) is one sentence here.

import { defineFact } from '../engine/facts.js';
import type { Block, Document, Span } from '../parse/document.js';

export interface Sentence {
  span: Span;
  /** The sentence text with line breaks replaced by spaces: same length as the span, so offsets carry over. */
  text: string;
  /** Indexes of the blocks it lies in (two when a paragraph was broken). */
  blocks: number[];
  /** First sentence of its block (its first word is capitalised by position, not because it is a name). */
  blockStart: boolean;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREV = /(?:\b(?:TP|Tp|tp|TT|St|No|Mr|Mrs|Ms|Dr|Prof|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|U\.S|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Fig|Vol|pp|ThS|TS|PGS|GS|Đ\/c|đ\/c)|\b\p{Lu})\.$/u;

function splitBlock(doc: Document, b: Block): Array<{ span: Span; blockStart: boolean }> {
  const out: Array<{ span: Span; blockStart: boolean }> = [];
  const text = doc.text;
  let s = b.content.start;
  const end = b.content.end;
  for (let i = s; i < end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // a decimal point or grouping dot between digits, or "./." closing mark
    if (c === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    let j = i + 1;
    while (j < end && /[.!?…"”’')\]/]/.test(text[j])) j++;
    // every later mark of this punctuation run would end the same way: skip it (linear on '.....')
    if (j < end && !/\s/.test(text[j])) {
      i = j - 1;
      continue;
    }
    if (c === '.' && ABBREV.test(text.slice(Math.max(s, i - 8), i + 1))) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k < end && !/[\p{Lu}\d("“'‘\-+•*]/u.test(text[k])) {
      i = j - 1;
      continue;
    }
    out.push({ span: { start: s, end: j }, blockStart: out.length === 0 });
    s = k;
    i = k - 1;
  }
  if (s < end) out.push({ span: { start: s, end }, blockStart: out.length === 0 });
  return out;
}

/** Index of the sentence containing `offset` (binary search over sentences in text order), or -1. */
export function sentenceIndexAt(list: Sentence[], offset: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span.end <= offset) lo = mid + 1;
    else if (list[mid].span.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export const sentences = defineFact('sentences', (doc: Document): Sentence[] => {
  const out: Sentence[] = [];
  let carry: Sentence | undefined;
  for (const b of doc.blocks) {
    if (b.kind === 'table') {
      carry = undefined;
      continue;
    }
    const parts = splitBlock(doc, b);
    parts.forEach((p, idx) => {
      if (idx === 0 && carry) {
        carry.span = { start: carry.span.start, end: p.span.end };
        carry.blocks.push(b.index);
        carry.text = doc.text.slice(carry.span.start, carry.span.end).replace(/[\r\n]/g, ' ');
        out.push(carry);
        carry = undefined;
        return;
      }
      const sentence: Sentence = { span: p.span, text: doc.text.slice(p.span.start, p.span.end).replace(/[\r\n]/g, ' '), blocks: [b.index], blockStart: p.blockStart };
      if (idx === parts.length - 1 && b.continues) carry = sentence;
      else out.push(sentence);
    });
    if (parts.length === 0) carry = undefined;
  }
  if (carry) out.push(carry);
  return out.sort((a, b) => a.span.start - b.span.start);
});

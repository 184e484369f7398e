// Offsets, lines and columns. Inside the program every location is a half-open span of
// UTF-16 offsets into the analysed (NFC) text; lines and columns exist only at output time
// and always refer to the ORIGINAL text, via an offset map kept by normalisation.

export interface Span {
  start: number;
  end: number;
}

export interface LineCol {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
}

/** Line-start table over a text: offset -> 1-based line and column. */
export class SourceIndex {
  private starts?: number[];

  constructor(readonly text: string) {}

  /** Offsets where lines start; built on first use (a file with no findings never needs it). */
  get lineStarts(): number[] {
    if (this.starts) return this.starts;
    const text = this.text;
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line number containing `offset`. */
  lineOf(offset: number): number {
    const s = this.lineStarts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  locate(offset: number): LineCol {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.lineStarts[line] + 1 };
  }

  /** Text of a 1-based line without its terminator. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    const next = line < this.lineStarts.length ? this.lineStarts[line] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

/**
 * NFC normalisation with a map back to the original text. Most files are already NFC and get
 * the identity map. Otherwise the text is normalised segment by segment (a segment starts at
 * a character with no combining mark before it) and an anchor is stored wherever lengths differ.
 */
export class NormalizedText {
  readonly text: string;
  /** Pairs [normalisedOffset, originalOffset] at segment starts, ascending; empty = identity. */
  private readonly anchors: Array<[number, number]>;

  constructor(readonly original: string) {
    const nfc = original.normalize('NFC');
    if (nfc === original) {
      this.text = original;
      this.anchors = [];
      return;
    }
    const anchors: Array<[number, number]> = [];
    let out = '';
    let i = 0;
    const n = original.length;
    while (i < n) {
      let j = i + 1;
      // extend over surrogate pair and following combining marks
      if (isHighSurrogate(original.charCodeAt(i)) && j < n) j++;
      while (j < n && isCombining(original.charCodeAt(j))) j++;
      const seg = original.slice(i, j);
      const norm = seg.normalize('NFC');
      anchors.push([out.length, i]);
      out += norm;
      i = j;
    }
    anchors.push([out.length, n]);
    this.text = out;
    this.anchors = anchors;
  }

  get isIdentity(): boolean {
    return this.anchors.length === 0;
  }

  /** Map an offset in the normalised text to the original text. */
  toOriginal(offset: number): number {
    return this.map(offset, 0, this.original.length);
  }

  /** Map an original offset to the normalised text (used for suppression comments and tests). */
  fromOriginal(offset: number): number {
    return this.map(offset, 1, this.text.length);
  }

  /** Through the anchor at or before `offset` on side `from` (0 normalised, 1 original), clamped to its segment. */
  private map(offset: number, from: 0 | 1, end: number): number {
    const a = this.anchors;
    if (a.length === 0) return offset;
    const to = from === 0 ? 1 : 0;
    let lo = 0;
    let hi = a.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a[mid][from] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const next = lo + 1 < a.length ? a[lo + 1][to] : end;
    return Math.min(a[lo][to] + (offset - a[lo][from]), next);
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Combining marks that NFC may merge into the previous character. */
function isCombining(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe20 && c <= 0xfe2f) ||
    (c >= 0x1100 && c <= 0x11ff) // Hangul jamo compose too
  );
}

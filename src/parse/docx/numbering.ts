// Word automatic numbering (numbering.xml + paragraph styles in styles.xml) rendered into the
// label a reader sees: decimal, Roman, letters, multi-level `%1.%2.`, start values, overrides and
// restarts, so outline rules work on .docx as they do on text.

import { parseXml, type XmlEvents } from './xml.js';

interface Level {
  start: number;
  fmt: string;
  text: string;
  /** w:lvlRestart: 0 = never restart; n = restart after level n (1-based) is used. */
  restart?: number;
  suff: 'tab' | 'space' | 'nothing';
  isLgl: boolean;
}

interface NumInstance {
  abstractId: string;
  startOverride: Map<number, number>;
  levelOverride: Map<number, Level>;
}

export interface StyleNum {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly styles = new Map<string, StyleNum>();
  private readonly counters = new Map<string, Array<number | undefined>>();

  constructor(numberingXml: string | undefined, stylesXml: string | undefined, part = 'word/numbering.xml') {
    if (numberingXml) this.readNumbering(numberingXml, part);
    if (stylesXml) this.readStyles(stylesXml);
  }

  private readNumbering(xml: string, part: string): void {
    let abs: Map<number, Level> | undefined;
    let lvl: Level | undefined;
    let ilvl = 0;
    let num: NumInstance | undefined;
    let overrideLvl = -1;
    const ev: XmlEvents = {
      open: (name, attrs) => {
        switch (name) {
          case 'abstractNum':
            abs = new Map();
            this.abstracts.set(attrs.abstractNumId ?? '', abs);
            break;
          case 'lvl':
            ilvl = Number(attrs.ilvl ?? 0);
            lvl = { start: 1, fmt: 'decimal', text: '', suff: 'tab', isLgl: false };
            if (num && overrideLvl >= 0) num.levelOverride.set(overrideLvl, lvl);
            else abs?.set(ilvl, lvl);
            break;
          case 'start':
            if (lvl) lvl.start = Number(attrs.val ?? 1);
            break;
          case 'numFmt':
            if (lvl) lvl.fmt = attrs.val ?? 'decimal';
            break;
          case 'lvlText':
            if (lvl) lvl.text = attrs.val ?? '';
            break;
          case 'lvlRestart':
            if (lvl) lvl.restart = Number(attrs.val ?? 0);
            break;
          case 'suff':
            if (lvl) lvl.suff = attrs.val === 'space' ? 'space' : attrs.val === 'nothing' ? 'nothing' : 'tab';
            break;
          case 'isLgl':
            if (lvl) lvl.isLgl = attrs.val !== '0' && attrs.val !== 'false';
            break;
          case 'num':
            num = { abstractId: '', startOverride: new Map(), levelOverride: new Map() };
            this.nums.set(attrs.numId ?? '', num);
            break;
          case 'abstractNumId':
            if (num) num.abstractId = attrs.val ?? '';
            break;
          case 'lvlOverride':
            overrideLvl = Number(attrs.ilvl ?? 0);
            break;
          case 'startOverride':
            if (num && overrideLvl >= 0) num.startOverride.set(overrideLvl, Number(attrs.val ?? 1));
            break;
        }
      },
      close: (name) => {
        if (name === 'abstractNum') abs = undefined;
        else if (name === 'lvl') lvl = undefined;
        else if (name === 'num') num = undefined;
        else if (name === 'lvlOverride') overrideLvl = -1;
      },
    };
    parseXml(xml, part, ev);
  }

  private readStyles(xml: string): void {
    let style: StyleNum | undefined;
    let inPPr = false;
    const ev: XmlEvents = {
      open: (name, attrs) => {
        if (name === 'style' && attrs.type === 'paragraph') {
          style = {};
          this.styles.set(attrs.styleId ?? '', style);
        } else if (!style) return;
        else if (name === 'basedOn') style.basedOn = attrs.val;
        else if (name === 'pPr') inPPr = true;
        else if (inPPr && name === 'numId') style.numId = attrs.val;
        else if (inPPr && name === 'ilvl') style.ilvl = Number(attrs.val ?? 0);
      },
      close: (name) => {
        if (name === 'style') style = undefined;
        else if (name === 'pPr') inPPr = false;
      },
    };
    parseXml(xml, 'word/styles.xml', ev);
  }

  /** The numbering a paragraph style carries (following `basedOn`). */
  styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number } {
    const seen = new Set<string>();
    let numId: string | undefined;
    let ilvl: number | undefined;
    let id = styleId;
    while (id && !seen.has(id)) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return { numId, ilvl };
  }

  private level(num: NumInstance, ilvl: number): Level | undefined {
    return num.levelOverride.get(ilvl) ?? this.abstracts.get(num.abstractId)?.get(ilvl);
  }

  /** Advances the counters for a numbered paragraph and returns its label with the separator after it ('' when none). */
  next(numId: string, ilvl: number): string {
    if (numId === '0') return '';
    const num = this.nums.get(numId);
    if (!num) return '';
    const lvl = this.level(num, ilvl);
    if (!lvl) return '';
    const key = num.startOverride.size ? `num:${numId}` : `abs:${num.abstractId}`;
    let vals = this.counters.get(key);
    if (!vals) {
      vals = [];
      this.counters.set(key, vals);
    }
    const startOf = (l: number): number => num.startOverride.get(l) ?? this.level(num, l)?.start ?? 1;
    vals[ilvl] = vals[ilvl] === undefined ? startOf(ilvl) : vals[ilvl]! + 1;
    for (let d = ilvl + 1; d < 9; d++) {
      const r = this.level(num, d)?.restart;
      if (r === 0) continue;
      if (r === undefined || ilvl + 1 <= r) vals[d] = undefined;
    }
    if (lvl.fmt === 'none') return '';
    let label: string;
    if (lvl.fmt === 'bullet') {
      const t = lvl.text.trim();
      label = /^[-+*•–·▪●○◦]$/.test(t) ? t : '•';
    } else {
      label = lvl.text.replace(/%([1-9])/g, (_, k: string) => {
        const l = Number(k) - 1;
        const v = vals![l] ?? startOf(l);
        const fmt = lvl.isLgl && l !== ilvl ? 'decimal' : l === ilvl ? lvl.fmt : this.level(num, l)?.fmt ?? 'decimal';
        return formatNumber(v, fmt);
      });
    }
    if (!label) return '';
    return label + (lvl.suff === 'nothing' ? '' : ' ');
  }
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
    case 'lowerRoman': {
      let v = n;
      let out = '';
      for (const [x, r] of ROMAN) while (v >= x) { out += r; v -= x; }
      return fmt === 'lowerRoman' ? out.toLowerCase() : out;
    }
    case 'upperLetter':
    case 'lowerLetter': {
      if (n < 1) return String(n);
      // Word repeats the letter: a..z, aa..zz, aaa..
      const ch = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return fmt === 'upperLetter' ? ch.toUpperCase() : ch;
    }
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

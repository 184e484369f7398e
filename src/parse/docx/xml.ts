// Streaming XML for Word parts (saxes): element names by local name, source positions for the
// annotate writer, and safety: a DOCTYPE is refused outright (no DTD, so no entity expansion and
// no external entity is ever resolved); an undefined entity is an error; nesting depth, the
// number of elements and the per-file deadline are checked as each element opens (the budget
// of the enclosing `withParseBudget` scope, src/parse/limits.ts), so no part parses unbounded.

import { SaxesParser } from 'saxes';
import { currentParseBudget, LimitError, type ParseBudget } from '../limits.js';

export class XmlError extends Error {}

export const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface TagInfo {
  uri: string;
  /** Offset of `<` of the tag in the XML string. */
  start: number;
  /** Offset just after the tag's `>`. */
  end: number;
  selfClosing: boolean;
}

export interface XmlEvents {
  open?: (local: string, attrs: Record<string, string>, info: TagInfo) => void;
  close?: (local: string, info: TagInfo) => void;
  text?: (text: string, end: number) => void;
}

export function parseXml(xml: string, part: string, ev: XmlEvents, budget: ParseBudget = currentParseBudget()): void {
  const p = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  p.on('doctype', () => {
    throw new XmlError(`${part} contains a DOCTYPE (DTDs and entity declarations are refused)`);
  });
  p.on('error', (e: Error) => {
    throw new XmlError(`${part} is not well-formed XML (${e.message})`);
  });
  p.on('opentag', (node) => {
    budget.open(part, ++depth);
    if (!ev.open) return;
    const attrs: Record<string, string> = {};
    for (const a of Object.values(node.attributes)) {
      // a namespaced attribute (w:val) and a bare one (val) both answer to the local name
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.local] = a.value;
      if (a.prefix === 'xml') attrs[`xml:${a.local}`] = a.value;
    }
    const end = p.position;
    const start = xml.lastIndexOf('<', end - 1);
    ev.open(node.local, attrs, { uri: node.uri, start, end, selfClosing: node.isSelfClosing });
  });
  p.on('closetag', (node) => {
    depth--;
    if (!ev.close) return;
    const end = p.position;
    const start = node.isSelfClosing ? xml.lastIndexOf('<', end - 1) : xml.lastIndexOf('</', end - 1);
    ev.close(node.local, { uri: node.uri, start, end, selfClosing: node.isSelfClosing });
  });
  if (ev.text) {
    const onText = ev.text;
    p.on('text', (t) => onText(t, p.position - 1));
  }
  try {
    p.write(xml).close();
  } catch (e) {
    if (e instanceof XmlError || e instanceof LimitError) throw e;
    throw new XmlError(`${part} is not well-formed XML (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Offset in raw XML text (entities, CRLF) of the `k`-th decoded character from `rawStart`. */
export function rawOffset(xml: string, rawStart: number, rawEnd: number, k: number): number {
  let i = rawStart;
  let n = 0;
  while (i < rawEnd && n < k) {
    const c = xml.charCodeAt(i);
    if (c === 38 /* & */) {
      const semi = xml.indexOf(';', i);
      const ent = xml.slice(i + 1, semi);
      const cp = ent[0] === '#' ? (ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10)) : 0;
      n += cp > 0xffff ? 2 : 1;
      i = semi + 1;
    } else if (c === 13 && xml.charCodeAt(i + 1) === 10) {
      n++;
      i += 2;
    } else {
      n++;
      i++;
    }
  }
  return i;
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '&quot;'));
}

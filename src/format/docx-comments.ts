// A .docx with one Word comment per finding, authored "reportlint", anchored on the finding's
// exact text: the pure core of `--annotate` (src/cli/annotate.ts) and of the browser page's
// download. Runs are split at the span's ends when needed; only document.xml (or the notes part),
// comments.xml, the part's relationships and [Content_Types].xml change, every other part is
// copied byte for byte. Bytes in, bytes out: no file system.

import type { Finding } from '../engine/types.js';
import { parseDocx, type DocxModel, type TextSeg } from '../parse/docx.js';
import { escapeXml, parseXml, rawOffset } from '../parse/docx/xml.js';

export class AnnotateError extends Error {}

export interface AnnotateResult {
  comments: number;
  /** Findings that lie wholly in rendered text with no XML behind it (e.g. a list number). */
  skipped: number;
}

interface Insert {
  part: string;
  /** Split the run of this text node at decoded offset k; or, with node -1, insert at XML offset k. */
  node: number;
  k: number;
  ends: string[];
  starts: string[];
}

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const W_MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** First segment ending after `offset` (segments are ascending and disjoint). */
function segAfter(segs: TextSeg[], offset: number): number {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where a span's ends fall in the XML text nodes, or undefined when it covers no XML text. */
function anchor(segs: TextSeg[], start: number, end: number): { a: TextSeg; ka: number; b: TextSeg; kb: number } | undefined {
  const i = segAfter(segs, start);
  if (i >= segs.length) return undefined;
  const a = segs[i];
  const ka = Math.max(start, a.start) - a.start;
  // end: the last segment starting before `end` (or `a` for an empty span)
  let j = segAfter(segs, Math.max(end - 1, 0));
  if (j >= segs.length || segs[j].start >= end) j--;
  if (j < i) j = i;
  const b = segs[j];
  let kb = Math.min(Math.max(end, b.start), b.end) - b.start;
  if (b === a && kb <= ka) kb = Math.min(a.end - a.start, ka + 1);
  return { a, ka, b, kb };
}

function lineOf(model: DocxModel, offset: number): DocxModel['lines'][number] | undefined {
  const lines = model.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo];
}

function prefixOf(xml: string, at: number): string {
  const m = /^<([A-Za-z_][\w.-]*):/.exec(xml.slice(at, at + 40));
  return m ? `${m[1]}:` : '';
}

export function annotateModel(model: DocxModel, findings: Finding[]): { files: Map<string, Uint8Array>; result: AnnotateResult } {
  const enc = new TextEncoder();
  const docPart = model.documentPart;
  const dir = docPart.includes('/') ? docPart.slice(0, docPart.lastIndexOf('/') + 1) : '';
  const relsPath = `${dir}_rels/${docPart.slice(dir.length)}.rels`;

  // existing comments part (from the document's relationships)
  let commentsPart: string | undefined;
  let relsXml = model.zip.readText(relsPath);
  let maxRelId = 0;
  if (relsXml) {
    parseXml(relsXml, relsPath, {
      open: (name, a) => {
        if (name !== 'Relationship') return;
        if (/\/comments$/.test(a.Type ?? '') && a.Target) commentsPart = a.Target.startsWith('/') ? a.Target.slice(1) : dir + a.Target;
        const n = /^rId(\d+)$/.exec(a.Id ?? '');
        if (n) maxRelId = Math.max(maxRelId, Number(n[1]));
      },
    });
  }
  let commentsXml = commentsPart ? model.zip.readText(commentsPart) : undefined;
  let nextId = 0;
  if (commentsXml) {
    parseXml(commentsXml, commentsPart!, {
      open: (name, a) => {
        if (name === 'comment' && /^\d+$/.test(a.id ?? '')) nextId = Math.max(nextId, Number(a.id) + 1);
      },
    });
  }

  const inserts = new Map<string, Insert>();
  const at = (part: string, node: number, k: number): Insert => {
    const key = node < 0 ? `${part}@${k}` : `${node}:${k}`;
    let ins = inserts.get(key);
    if (!ins) {
      ins = { part, node, k, ends: [], starts: [] };
      inserts.set(key, ins);
    }
    return ins;
  };
  const bodies: Array<{ id: number; text: string }> = [];
  const render = (p: string): string =>
    bodies.map((b) => `<${p}comment ${p}id="${b.id}" ${p}author="reportlint" ${p}initials="RL"><${p}p><${p}r><${p}t xml:space="preserve">${escapeXml(b.text)}</${p}t></${p}r></${p}p></${p}comment>`).join('');
  let skipped = 0;
  for (const f of findings) {
    const an = anchor(model.segs, f.offset, f.endOffset);
    const partA = an && model.nodes[an.a.node].part;
    const partB = an && model.nodes[an.b.node].part;
    if (!an || partA !== partB) {
      skipped++;
      continue;
    }
    const nodeA = model.nodes[an.a.node];
    if (partA !== model.documentPart) {
      // a footnote or endnote: LibreOffice cannot load comments inside notes, so the comment goes
      // on the note's reference mark in the body and quotes the note's text
      const line = lineOf(model, f.offset);
      const key = line?.extras.footnote !== undefined ? `footnote:${line.extras.footnote}` : line?.extras.endnote !== undefined ? `endnote:${line.extras.endnote}` : '';
      const ref = model.noteRefs.get(key);
      if (!ref) {
        skipped++;
        continue;
      }
      const id = nextId++;
      const p = prefixOf(model.parts.get(ref.part)!, ref.start);
      at(ref.part, -1, ref.start).starts.push(`<${p}commentRangeStart ${p}id="${id}"/>`);
      at(ref.part, -1, ref.end).ends.push(`<${p}commentRangeEnd ${p}id="${id}"/><${p}r><${p}commentReference ${p}id="${id}"/></${p}r>`);
      const quote = model.original.slice(f.offset, Math.max(f.endOffset, f.offset + 1)).slice(0, 80);
      bodies.push({ id, text: `(${key.replace(':', ' ')}: «${quote}») ${f.message} [${f.ruleId}]` });
      continue;
    }
    const id = nextId++;
    const xmlA = model.parts.get(nodeA.part)!;
    const p = prefixOf(xmlA, nodeA.openStart);
    at(partA!, an.a.node, an.ka).starts.push(`<${p}commentRangeStart ${p}id="${id}"/>`);
    at(partB!, an.b.node, an.kb).ends.push(`<${p}commentRangeEnd ${p}id="${id}"/><${p}r><${p}commentReference ${p}id="${id}"/></${p}r>`);
    bodies.push({ id, text: `${f.message} [${f.ruleId}]` });
  }

  const files = new Map<string, Uint8Array>();
  if (bodies.length === 0) return { files, result: { comments: 0, skipped } };

  // split runs in each part, editing from the end so earlier offsets stay valid
  const byPart = new Map<string, Insert[]>();
  for (const ins of inserts.values()) {
    const a = byPart.get(ins.part) ?? [];
    a.push(ins);
    byPart.set(ins.part, a);
  }
  for (const [part, list] of byPart) {
    const xml = model.parts.get(part)!;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    const reopened = new Set<number>();
    for (const ins of list) {
      if (ins.node < 0) {
        edits.push({ start: ins.k, end: ins.k, text: `${ins.ends.join('')}${ins.starts.join('')}` });
        continue;
      }
      const node = model.nodes[ins.node];
      const p = prefixOf(xml, node.openStart);
      const pos = rawOffset(xml, node.textStart, node.textEnd, ins.k);
      edits.push({ start: pos, end: pos, text: `</${p}t></${p}r>${ins.ends.join('')}${ins.starts.join('')}<${p}r>${node.rPr}<${p}t xml:space="preserve">` });
      if (!reopened.has(ins.node) && !/xml:space\s*=\s*["']preserve["']/.test(xml.slice(node.openStart, node.openEnd))) {
        reopened.add(ins.node);
        edits.push({ start: node.openStart, end: node.openEnd, text: `<${p}t xml:space="preserve">` });
      }
    }
    edits.sort((x, y) => y.start - x.start);
    let out = xml;
    for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    files.set(part, enc.encode(out));
  }

  if (commentsXml && commentsPart) {
    const p = prefixOf(commentsXml, commentsXml.search(/<[A-Za-z_][\w.-]*:comments[\s>/]/));
    const body = render(p);
    const close = commentsXml.lastIndexOf(`</${p}comments>`);
    if (close >= 0) commentsXml = commentsXml.slice(0, close) + body + commentsXml.slice(close);
    else commentsXml = commentsXml.replace(/<([A-Za-z_][\w.-]*:)?comments([^>]*)\/>/, (_m, _q, attrs: string) => `<${p}comments${attrs}>${body}</${p}comments>`);
    files.set(commentsPart, enc.encode(commentsXml));
  } else {
    commentsPart = `${dir}comments.xml`;
    let n = 1;
    while (model.zip.has(commentsPart)) commentsPart = `${dir}comments${n++}.xml`;
    const body = render('w:');
    files.set(commentsPart, enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_MAIN}">${body}</w:comments>`));
    const target = commentsPart.slice(dir.length);
    const rel = `<Relationship Id="rId${maxRelId + 1}" Type="${COMMENTS_REL}" Target="${target}"/>`;
    relsXml = relsXml
      ? relsXml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`;
    files.set(relsPath, enc.encode(relsXml));
    const ct = model.zip.readText('[Content_Types].xml');
    if (!ct) throw new AnnotateError('the package has no [Content_Types].xml');
    if (!ct.includes(`PartName="/${commentsPart}"`)) {
      files.set('[Content_Types].xml', enc.encode(ct.replace(/<\/Types>\s*$/, `<Override PartName="/${commentsPart}" ContentType="${COMMENTS_TYPE}"/></Types>`)));
    }
  }
  return { files, result: { comments: bodies.length, skipped } };
}

/** The annotated copy of a .docx's bytes. */
export function annotateBytes(bytes: Uint8Array, path: string, findings: Finding[]): { bytes: Uint8Array; result: AnnotateResult } {
  const { model } = parseDocx(bytes, path);
  const { files, result } = annotateModel(model, findings);
  return { bytes: model.zip.rewrite(files), result };
}

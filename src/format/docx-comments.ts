// A .docx with one Word comment per finding, authored "reportlint", anchored on the finding's
// exact text: the pure core of `--annotate` (src/cli/annotate.ts) and of the browser page's
// download. Runs are split at the span's ends when needed; only document.xml (or the notes part),
// comments.xml, the part's relationships and [Content_Types].xml change, every other part is
// copied byte for byte. Bytes in, bytes out: no file system.
// A comment reads as a reviewer's note: severity and message in the chosen language, the rule id
// last, a date Word and LibreOffice show; a line number inside a message (invisible in Word) is
// replaced by the section's heading path and a quote. Annotating an annotated copy replaces
// reportlint's own earlier comments (authored "reportlint") instead of adding a second set; other
// comments are kept. Edits are applied in one ascending pass, so the time is linear in the size
// of the document plus the number of comments.

import type { Finding, Lang, MessageText, Rule } from '../engine/types.js';
import { render as renderMessage } from '../i18n/format.js';
import type { Document } from '../parse/document.js';
import { parseDocx, type DocxModel, type TextSeg } from '../parse/docx.js';
import { quoteAt } from '../parse/office.js';
import { escapeXml, parseXml, rawOffset } from '../parse/docx/xml.js';

export class AnnotateError extends Error {}

export interface AnnotateResult {
  comments: number;
  /** Findings that lie wholly in rendered text with no XML behind it (e.g. a list number). */
  skipped: number;
  /** reportlint's own comments of an earlier run, removed (replaced by this run's). */
  replaced?: number;
}

export interface AnnotateOptions {
  /** Language of the severity words and of re-rendered messages (default en). */
  lang?: Lang;
  /** The rules, to re-render messages that name a line with the heading path instead. */
  rules?: Rule[];
  /** The parsed document (for heading paths). */
  doc?: Document;
  /** The comments' date (default now). */
  date?: Date;
}

export const AUTHOR = 'reportlint';

const WORDS: Record<Lang, { error: string; warning: string; info: string; footnote: string; endnote: string; section: string; paragraph: string; table: string; row: string }> = {
  en: { error: 'Error', warning: 'Warning', info: 'Note', footnote: 'footnote', endnote: 'endnote', section: 'section', paragraph: 'the paragraph', table: 'table', row: 'row' },
  vi: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý', footnote: 'chú thích', endnote: 'chú thích cuối', section: 'mục', paragraph: 'đoạn', table: 'bảng', row: 'hàng' },
};

/** Word's comment date: ISO 8601 to the second, UTC. */
function wordDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
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

export function annotateModel(model: DocxModel, findings: Finding[], opts: AnnotateOptions = {}): { files: Map<string, Uint8Array>; result: AnnotateResult } {
  const enc = new TextEncoder();
  const lang: Lang = opts.lang ?? 'en';
  const w = WORDS[lang];
  const date = wordDate(opts.date ?? new Date());
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
  // reportlint's own comments of an earlier run: their ids, XML ranges and paragraph ids
  const ours = new Set<string>();
  const removeInComments: Array<{ start: number; end: number }> = [];
  const ourParaIds = new Set<string>();
  if (commentsXml) {
    let open: { id: string; start: number } | undefined;
    parseXml(commentsXml, commentsPart!, {
      open: (name, a, info) => {
        if (name === 'comment' && /^\d+$/.test(a.id ?? '')) nextId = Math.max(nextId, Number(a.id) + 1);
        if (name === 'comment' && a.author === AUTHOR && a.id !== undefined) {
          if (info.selfClosing) {
            ours.add(a.id);
            removeInComments.push({ start: info.start, end: info.end });
          } else open = { id: a.id, start: info.start };
        } else if (open && name === 'p' && a.paraId) ourParaIds.add(a.paraId);
      },
      close: (name, info) => {
        if (name === 'comment' && open) {
          ours.add(open.id);
          removeInComments.push({ start: open.start, end: info.end });
          open = undefined;
        }
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
    bodies.map((b) => `<${p}comment ${p}id="${b.id}" ${p}author="${AUTHOR}" ${p}date="${date}" ${p}initials="RL"><${p}p><${p}r><${p}t xml:space="preserve">${escapeXml(b.text)}</${p}t></${p}r></${p}p></${p}comment>`).join('');
  const templates = new Map<string, Record<string, MessageText>>((opts.rules ?? []).map((r) => [r.id, r.messages]));
  const body = (f: Finding): string => `${w[f.severity]}: ${messageOf(f, templates, lang, model, opts.doc)} [${f.ruleId}]`;
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
      const [kind, n] = key.split(':');
      bodies.push({ id, text: `(${kind === 'footnote' ? w.footnote : w.endnote} ${n}: «${quote}») ${body(f)}` });
      continue;
    }
    const id = nextId++;
    const xmlA = model.parts.get(nodeA.part)!;
    const p = prefixOf(xmlA, nodeA.openStart);
    at(partA!, an.a.node, an.ka).starts.push(`<${p}commentRangeStart ${p}id="${id}"/>`);
    at(partB!, an.b.node, an.kb).ends.push(`<${p}commentRangeEnd ${p}id="${id}"/><${p}r><${p}commentReference ${p}id="${id}"/></${p}r>`);
    bodies.push({ id, text: body(f) });
  }

  const files = new Map<string, Uint8Array>();
  if (bodies.length === 0 && ours.size === 0) return { files, result: { comments: 0, skipped } };

  // our earlier comments' marks in the story parts: removed in the same pass as the new inserts
  const removals = new Map<string, Array<{ start: number; end: number }>>();
  if (ours.size) {
    for (const [part, xml] of model.parts) {
      if (part === commentsPart) continue;
      const list: Array<{ start: number; end: number }> = [];
      // a run that holds nothing but our comment reference goes whole
      let run: { start: number; ours: boolean; other: boolean } | undefined;
      let inProps = 0;
      parseXml(xml, part, {
        open: (name, a, info) => {
          if (inProps) {
            inProps++; // saxes closes self-closing tags too
            return;
          }
          if (name === 'r') run = { start: info.start, ours: false, other: false };
          else if ((name === 'commentRangeStart' || name === 'commentRangeEnd') && a.id !== undefined && ours.has(a.id)) list.push({ start: info.start, end: info.end });
          else if (name === 'commentReference' && a.id !== undefined && ours.has(a.id)) {
            if (run) run.ours = true;
            else list.push({ start: info.start, end: info.end });
          } else if (run && isRunProperty(name)) inProps = 1;
          else if (run) run.other = true;
        },
        close: (name, info) => {
          if (inProps) {
            inProps--;
            return;
          }
          if (name === 'r' && run) {
            if (run.ours && !run.other) list.push({ start: run.start, end: info.end });
            run = undefined;
          }
        },
      });
      if (list.length) removals.set(part, list);
    }
  }

  // split runs in each part, editing from the end so earlier offsets stay valid
  const byPart = new Map<string, Insert[]>();
  for (const ins of inserts.values()) {
    const a = byPart.get(ins.part) ?? [];
    a.push(ins);
    byPart.set(ins.part, a);
  }
  for (const part of removals.keys()) if (!byPart.has(part)) byPart.set(part, []);
  for (const [part, list] of byPart) {
    const xml = model.parts.get(part)!;
    const edits: Array<{ start: number; end: number; text: string }> = (removals.get(part) ?? []).map((r) => ({ ...r, text: '' }));
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
    files.set(part, enc.encode(applyEdits(xml, edits)));
  }

  if (commentsXml && commentsPart && removeInComments.length) {
    commentsXml = applyEdits(commentsXml, removeInComments.map((r) => ({ ...r, text: '' })));
    removeLinkedParts(model, ourParaIds, files, enc);
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
  return { files, result: { comments: bodies.length, skipped, ...(ours.size ? { replaced: ours.size } : {}) } };
}

/** The annotated copy of a .docx's bytes. */
export function annotateBytes(bytes: Uint8Array, path: string, findings: Finding[], opts: AnnotateOptions = {}): { bytes: Uint8Array; result: AnnotateResult } {
  const { doc, model } = parseDocx(bytes, path);
  const { files, result } = annotateModel(model, findings, { doc, ...opts });
  return { bytes: model.zip.rewrite(files), result };
}

/** Elements a run may hold besides its content (properties, revision marks). */
function isRunProperty(name: string): boolean {
  return name === 'rPr' || name.endsWith('Change') || name === 'lastRenderedPageBreak';
}

/** Applies non-overlapping edits in one ascending pass (linear in the size of the text). */
export function applyEdits(text: string, edits: Array<{ start: number; end: number; text: string }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // overlaps an edit already applied
    out.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(text.slice(at));
  return out.join('');
}

/** Word's side tables of comments (commentsExtended, commentsIds, commentsExtensible): entries of removed comments go too. */
function removeLinkedParts(model: DocxModel, paraIds: Set<string>, files: Map<string, Uint8Array>, enc: TextEncoder): void {
  if (!paraIds.size) return;
  const durable = new Set<string>();
  for (const e of model.zip.entries) {
    const name = e.name.replace(/^\//, '');
    if (!/(^|\/)comments(Extended|Ids)\.xml$/.test(name)) continue;
    const xml = model.zip.readText(name);
    if (!xml) continue;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    parseXml(xml, name, {
      open: (local, a, info) => {
        if ((local === 'commentEx' || local === 'commentId') && a.paraId && paraIds.has(a.paraId)) {
          if (a.durableId) durable.add(a.durableId);
          if (info.selfClosing) edits.push({ start: info.start, end: info.end, text: '' });
        }
      },
    });
    if (edits.length) files.set(name, enc.encode(applyEdits(xml, edits)));
  }
  for (const e of model.zip.entries) {
    const name = e.name.replace(/^\//, '');
    if (!durable.size || !/(^|\/)commentsExtensible\.xml$/.test(name)) continue;
    const xml = model.zip.readText(name);
    if (!xml) continue;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    let open: number | undefined;
    parseXml(xml, name, {
      open: (local, a, info) => {
        if (local === 'commentExtensible' && a.durableId && durable.has(a.durableId)) {
          if (info.selfClosing) edits.push({ start: info.start, end: info.end, text: '' });
          else open = info.start;
        }
      },
      close: (local, info) => {
        if (local === 'commentExtensible' && open !== undefined) {
          edits.push({ start: open, end: info.end, text: '' });
          open = undefined;
        }
      },
    });
    if (edits.length) files.set(name, enc.encode(applyEdits(xml, edits)));
  }
}

/**
 * The finding's message for a Word reader: when its rule's message names a line ("dòng 93"),
 * rendered again with the heading path and a quote of that paragraph instead.
 */
function messageOf(f: Finding, templates: Map<string, Record<string, MessageText>>, lang: Lang, model: DocxModel, doc: Document | undefined): string {
  const t = templates.get(f.ruleId)?.[f.messageId];
  const line = f.data?.line;
  if (!t || typeof line !== 'number' || !t[lang].includes('{line}')) return f.message;
  // a message that names the section already needs only the quote
  const where = placeOf(line, lang, model, doc, t[lang].includes('{section}'));
  if (!where) return f.message;
  const rewrite = (s: string, l: Lang): string =>
    l === 'vi' ? s.replace(/(?:dòng|đoạn) \{line\}/g, '{where}') : s.replace(/at line \{line\}/g, 'in {where}').replace(/line \{line\}/g, '{where}');
  return renderMessage({ en: rewrite(t.en, 'en'), vi: rewrite(t.vi, 'vi') }, lang, { ...f.data, where });
}

/** "mục 9.2. b) («Tổ chức rà soát…»)", "bảng 1, hàng 4", "đoạn «…»" for a paragraph number. */
function placeOf(line: number, lang: Lang, model: DocxModel, doc: Document | undefined, quoteOnly = false): string | undefined {
  const l = model.lines[line - 1];
  if (!l) return undefined;
  const w = WORDS[lang];
  const q = quoteAt(model.original, l.start, l.end);
  const quote = q ? (lang === 'vi' ? `«${q}${q.length < l.end - l.start ? '…' : ''}»` : `"${q}${q.length < l.end - l.start ? '…' : ''}"`) : '';
  if (quoteOnly && quote) return quote;
  if (l.extras.table !== undefined) return `${w.table} ${l.extras.table}, ${w.row} ${l.extras.row}${quote ? ` (${quote})` : ''}`;
  if (l.extras.footnote !== undefined) return `${w.footnote} ${l.extras.footnote}${quote ? ` (${quote})` : ''}`;
  let label = '';
  if (doc) {
    const block = doc.blockAt(doc.norm.fromOriginal(l.start));
    if (block) label = doc.sectionLabel(block.section >= 0 && !(block.marker && block.marker.style !== 'bullet') ? block.section : block.index);
  }
  if (label && !/^\s*$/.test(label)) return `${w.section} ${label.trim()}${quote ? ` (${quote})` : ''}`;
  return quote ? `${w.paragraph} ${quote}` : undefined;
}

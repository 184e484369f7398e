// --cross-file: the same cited document cited differently in two files of one run. Each file's
// lint leaves a small summary of the documents it cites (`citedDocuments`, from the citation
// facts the rules already computed: the form and date the file gives each document, where, its
// type, issuer and title); after every file, `crossFileFindings` compares the summaries and
// reports, as citation-mismatch findings, a document dated otherwise than in the other files (or
// than the document's own header, when the run holds it), written in another form, or cited with
// a number one digit away from the one other files give the same symbol, date and title. The
// other files' places are the related locations. Pure: the CLI collects the summaries (from its
// workers and its cache too), words the reports with citation-mismatch's messages and adds them
// (src/cli/cross-file.ts).
//
// The same document: a number that names one document in the country (a legal number, a
// Government or Prime Minister number within its year, a law) is one document wherever it is
// cited; a local number (`15/KH-UBND`) exists in every commune, so it is the same document only
// when both files give it the same title and no other issuer.

import type { FactStore } from '../engine/facts.js';
import type { MessageData, Severity } from '../engine/types.js';
import type { Document, Location, Span } from '../parse/document.js';
import { asRight, citationFacts, inCapitals, unstroke, formScore, likelyTypo, sameIssuer, sameTitle, type Citation, type CitationSystem } from './citations.js';
import { dateFacts, dateSlip, dateValue, type DateMention } from './dates.js';
import { hasYear, makeRegistry, namesOneDocument, type Registry } from './registry.js';

/** A place in a file, located once in the file's own lint (so no file is read again). */
export type CitedPlace = Omit<Location, 'extras'> & { span: Span };

export interface CitedDate {
  /** yyyymmdd */
  value: number;
  raw: string;
  day: number;
  month: number;
  year: number;
  at: CitedPlace;
}

/** One document as one file cites it. */
export interface CitedDocument {
  key: string;
  system: CitationSystem;
  number: string;
  symbolKey: string;
  /** The form the file writes most (running text before titles in capitals). */
  form: string;
  formScore: number;
  formAt: CitedPlace;
  /** The form is only ever written in a title in capitals. */
  capitals?: boolean;
  /** Citations of it in the file. */
  count: number;
  /** The date the file gives it most (none when the file gives two dates as often). */
  date?: CitedDate;
  issuer?: string;
  title?: string;
  /** The file is this document: its header's own number and date. */
  own?: boolean;
  /** The file writes no Đ in any symbol (`ND-CP`, `QD-UBND` throughout): its way of writing, not a slip. */
  noStroke?: boolean;
}

const MAX_RELATED = 10;

function place(doc: Document, span: Span): CitedPlace {
  const l = doc.locate(span);
  return { span, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn, offset: l.offset, endOffset: l.endOffset };
}

const same = (s: string) => s.replace(/Ð/g, 'Đ');

function mostOf<T>(items: T[], key: (t: T) => string | number): { top: T[]; tie: boolean } | undefined {
  const by = new Map<string | number, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = by.get(k);
    if (list) list.push(t);
    else by.set(k, [t]);
  }
  const ranked = [...by.values()].sort((a, b) => b.length - a.length);
  if (!ranked.length) return undefined;
  return { top: ranked[0], tie: ranked.length > 1 && ranked[1].length === ranked[0].length };
}

/** The summary of what one file cites, for --cross-file. */
export function citedDocuments(doc: Document, facts: FactStore): CitedDocument[] {
  const { groups, own } = facts.get(citationFacts);
  const { reportDate } = facts.get(dateFacts);
  const out: CitedDocument[] = [];
  const noStroke = !groups.some((g) => g.members.some((c) => /[ĐđÐ]/.test(c.symbol)));
  for (const g of groups) {
    // a symbol cut by a line or page end (`78/2014/TT-`) is no form of the document
    const read = g.members.filter((c) => c.system !== 'us');
    const whole = read.filter((c) => !c.cut);
    const members = whole.length ? whole : read;
    if (!members.length) continue;
    const running = members.filter((c) => !inCapitals(doc.text, c));
    const pool = running.length ? running : members;
    const forms = mostOf(pool, (c) => same(c.raw))!;
    const byScore = forms.tie ? [...pool].sort((a, b) => formScore(b) - formScore(a)) : forms.top;
    const first = byScore[0];
    const form = same(first.raw);
    const at = pool.find((c) => same(c.raw) === form)!;
    const d: CitedDocument = {
      key: g.key, system: at.system, number: at.number, symbolKey: at.symbolKey, form, formScore: formScore(at), formAt: place(doc, at.rawSpan), count: read.length,
    };
    if (!running.length) d.capitals = true;
    if (noStroke) d.noStroke = true;
    const isOwn = own !== undefined && g.members.includes(own);
    const dated = members.filter((c) => c.date && c.date.valid && c.date.day !== undefined && !(c.year !== undefined && c.year !== c.date.year));
    let date: DateMention | undefined;
    if (isOwn && reportDate && reportDate.valid && reportDate.day !== undefined) {
      d.own = true;
      date = reportDate;
    } else {
      const dates = mostOf(dated, (c) => dateValue(c.date!));
      if (dates && !dates.tie) date = dates.top[0].date;
    }
    if (date) d.date = { value: dateValue(date), raw: date.raw, day: date.day!, month: date.month, year: date.year, at: place(doc, date.span) };
    const issuer = members.find((c) => c.issuer)?.issuer;
    if (issuer) d.issuer = issuer;
    const title = members.find((c) => c.title)?.title;
    if (title) d.title = title;
    out.push(d);
  }
  return out;
}

export interface CrossFile {
  /** The path as messages name it (relative to the working directory). */
  shown: string;
  docs: CitedDocument[];
}

/** One finding --cross-file makes, in citation-mismatch's words (`messageId`, `data`). */
export interface CrossReport {
  messageId: string;
  /** At most this severity (the file's configured one otherwise). */
  severity?: Severity;
  at: CitedPlace;
  data: MessageData;
  /** The other files' places, each with the form written there. */
  related: Array<{ file: number; at: CitedPlace; form: string }>;
}

interface Entry {
  file: number;
  d: CitedDocument;
}

const slip = (a: CitedDate, b: CitedDate) => dateSlip(a as unknown as DateMention, b as unknown as DateMention);

/**
 * What --cross-file reports, by file index. `registry`: documents the registry knows are
 * left to citation-mismatch in each file (it reports a wrong date there against the registry).
 */
export function crossFileReports(files: CrossFile[], registry: Registry = makeRegistry()): Map<number, CrossReport[]> {
  const out = new Map<number, CrossReport[]>();
  const add: Add = (e, severity, messageId, at, data, related) => {
    const r: CrossReport = { messageId, at, data, related: related.slice(0, MAX_RELATED).map((x) => ({ file: x.e.file, at: x.at, form: x.form })) };
    if (severity) r.severity = severity;
    const list = out.get(e.file);
    if (list) list.push(r);
    else out.set(e.file, [r]);
  };
  const fileNames = (es: Entry[]) => {
    const names = [...new Set(es.map((e) => files[e.file].shown))];
    return names.length > 2 ? `${names.slice(0, 2).join(', ')}, …` : names.join(', ');
  };
  const distinctFiles = (es: Entry[]) => new Set(es.map((e) => e.file)).size;

  // one document: a number that names one document (within its year when it carries none); a
  // local number with the same title and no other issuer
  const clusters: Entry[][] = [];
  const byKey = new Map<string, Entry[]>();
  // a key names one document when any file writes it in a form that does (`12/CT-TTg`, not the slip `12/CTTTg`)
  const uniqueKeys = new Set(files.flatMap((f) => f.docs.filter((d) => d.system === 'law' || namesOneDocument(d.form)).map((d) => d.key)));
  files.forEach((f, file) => {
    for (const d of f.docs) {
      const unique = uniqueKeys.has(d.key);
      const yearless = d.system !== 'law' && !hasYear(d.form);
      if (yearless && !d.date) continue;
      if (!unique && !d.title) continue;
      const k = `${unique ? 'u' : 'l'}|${d.key}${yearless ? `@${d.date!.year}` : ''}`;
      const list = byKey.get(k);
      if (list) list.push({ file, d });
      else byKey.set(k, [{ file, d }]);
    }
  });
  for (const [k, list] of byKey) {
    if (distinctFiles(list) < 2) continue;
    if (k.startsWith('u|')) {
      clusters.push(list);
      continue;
    }
    const subs: Entry[][] = [];
    for (const e of list) {
      const sub = subs.find((s) => sameTitle(s[0].d.title, e.d.title) && !s.some((o) => o.d.issuer && e.d.issuer && !sameIssuer(o.d.issuer, e.d.issuer)));
      if (sub) sub.push(e);
      else subs.push([e]);
    }
    for (const s of subs) if (distinctFiles(s) >= 2) clusters.push(s);
  }

  for (const cluster of clusters) {
    crossDates(cluster, registry, add, fileNames);
    crossForms(cluster, add, fileNames);
  }
  crossNumbers(files, registry, add, fileNames);
  for (const list of out.values()) list.sort((a, b) => a.at.offset - b.at.offset || a.at.endOffset - b.at.endOffset);
  return out;
}

type Add = (e: Entry, severity: Severity | undefined, messageId: string, at: CitedPlace, data: MessageData, related: Array<{ e: Entry; at: CitedPlace; form: string }>) => void;

/** The document's own header settles its date; else the date most files give, one slip away. */
function crossDates(cluster: Entry[], registry: Registry, add: Add, fileNames: (es: Entry[]) => string): void {
  const dated = cluster.filter((e) => e.d.date);
  if (dated.length < 2 || registry.get(dated[0].d.key)) return;
  const rel = (es: Entry[]) => es.map((o) => ({ e: o, at: o.d.date!.at, form: `${o.d.form} ${o.d.date!.raw}` }));
  const own = dated.find((e) => e.d.own);
  if (own) {
    for (const e of dated) {
      if (e === own || e.d.date!.value === own.d.date!.value) continue;
      add(e, undefined, 'crossOwnDate', e.d.date!.at, { doc: e.d.form, found: e.d.date!.raw, expected: own.d.date!.raw, file: fileNames([own]) }, rel([own]));
    }
    return;
  }
  const by = new Map<number, Entry[]>();
  for (const e of dated) {
    const list = by.get(e.d.date!.value);
    if (list) list.push(e);
    else by.set(e.d.date!.value, [e]);
  }
  if (by.size < 2) return;
  const ranked = [...by.values()].sort((a, b) => b.length - a.length);
  const top = ranked[0];
  if (dated.length === 2) {
    const [a, b] = dated;
    if (!slip(a.d.date!, b.d.date!)) return;
    for (const [e, o] of [[a, b], [b, a]] as const) {
      add(e, 'warning', 'crossTwoDates', e.d.date!.at, { doc: e.d.form, found: e.d.date!.raw, other: o.d.date!.raw, file: fileNames([o]) }, rel([o]));
    }
    return;
  }
  if (top.length < 2 || ranked[1].length === top.length) return;
  for (const lone of ranked.slice(1)) {
    if (lone.length !== 1 || !slip(lone[0].d.date!, top[0].d.date!)) continue;
    const e = lone[0];
    add(e, undefined, 'crossDate', e.d.date!.at, { doc: e.d.form, found: e.d.date!.raw, expected: top[0].d.date!.raw, count: top.length, file: fileNames(top) }, rel(top));
  }
}

/** The form most files write, against a file that writes it otherwise (never towards a form that keeps the grammar less). */
function crossForms(cluster: Entry[], add: Add, fileNames: (es: Entry[]) => string): void {
  const by = new Map<string, Entry[]>();
  for (const e of cluster) {
    const list = by.get(e.d.form);
    if (list) list.push(e);
    else by.set(e.d.form, [e]);
  }
  if (by.size < 2) return;
  const ranked = [...by.values()].sort((a, b) => b.length - a.length || b[0].d.formScore - a[0].d.formScore);
  const top = ranked[0];
  const expected = top[0].d.form;
  if (ranked[1].length === top.length && ranked[1][0].d.formScore >= top[0].d.formScore) return;
  for (const f of ranked.slice(1)) {
    const lone = f[0].d;
    if (lone.formScore > top[0].d.formScore || !asRight(expected, lone.form)) continue;
    if (f.some((e) => e.d.capitals) && lone.form === expected.toUpperCase()) continue;
    if (unstroke(lone.form) === unstroke(expected) && f.every((e) => e.d.noStroke)) continue;
    if (f.length >= top.length && lone.formScore >= top[0].d.formScore) continue;
    // a space (conversion debris) or a leading zero is each office's typography, not a slip across files
    if (lone.form.replace(/ /g, '').replace(/^0+(?=\d)/, '') === expected.replace(/ /g, '').replace(/^0+(?=\d)/, '')) continue;
    for (const e of f) {
      add(e, 'warning', 'crossForm', e.d.formAt, { found: e.d.form, expected, count: top.length, file: fileNames(top) },
        top.map((o) => ({ e: o, at: o.d.formAt, form: o.d.form })));
    }
  }
}

/**
 * Same symbol, same date, the same title, a number one digit away (and far enough not to be two
 * documents issued together): the number two or more files give against the one file that cites
 * the other number once. A number the registry knows is a real document and is never called a slip.
 */
function crossNumbers(files: CrossFile[], registry: Registry, add: Add, fileNames: (es: Entry[]) => string): void {
  const bucket = new Map<string, Map<string, Entry[]>>();
  files.forEach((f, file) => {
    for (const d of f.docs) {
      if (!d.date || !d.title || d.system === 'law' || d.own) continue;
      const k = `${d.symbolKey}|${d.date.value}`;
      let byKey = bucket.get(k);
      if (!byKey) bucket.set(k, (byKey = new Map()));
      const list = byKey.get(d.key);
      if (list) list.push({ file, d });
      else byKey.set(d.key, [{ file, d }]);
    }
  });
  for (const byKey of bucket.values()) {
    if (byKey.size < 2) continue;
    const keys = [...byKey.entries()];
    for (const [key, lone] of keys) {
      if (lone.length !== 1 || lone[0].d.count !== 1 || registry.get(key)) continue;
      const e = lone[0];
      const hosts = keys.filter(([k, list]) => k !== key && new Set(list.map((o) => o.file)).size >= 2 && !list.some((o) => o.file === e.file)
        && list.every((o) => sameTitle(o.d.title, e.d.title, 5) && !(o.d.issuer && e.d.issuer && !sameIssuer(o.d.issuer, e.d.issuer)))
        && likelyTypo(e.d.number, list[0].d.number, 10));
      if (hosts.length !== 1) continue;
      const major = hosts[0][1];
      const at = e.d.form.indexOf(e.d.number);
      const expected = at >= 0 ? e.d.form.slice(0, at) + major[0].d.number + e.d.form.slice(at + e.d.number.length) : major[0].d.form;
      add(e, 'warning', 'crossNumber', e.d.formAt, { found: e.d.form, expected, date: e.d.date!.raw, count: major.length, file: fileNames(major) },
        major.map((o) => ({ e: o, at: o.d.formAt, form: o.d.form })));
    }
  }
}

// Regenerates src/data/registry.ts: the documents the corpora themselves are (each file's own
// header: "Số: 22/2023/QH15", the place-and-date line, the title), as one sorted table the
// engine reads without file access. Sources: ../shared/corpus/large/vi (tnt305-tvpl,
// pjj-tax-doc, uts-vlc) and ../shared/corpus/real/vi; the OCR folder pjj-tax-pdf is left out
// (its headers lose digits and strokes: "Số: 5Ý2†/BHXH", "ngày 48 tháng 6"). State documents are
// not protected by copyright (Luật Sở hữu trí tuệ 2005, Điều 15 khoản 2; see
// ../shared/corpus/large/SOURCES.md).
//
// Deterministic: files are read in sorted order, every field comes from the file's own text, and
// the table is sorted by key; rerunning gives the same bytes. A document whose header two files
// give with different dates, or whose header date the other files of the corpora contradict
// when they cite it (two or more files agreeing on another date, none on the header's), is left
// out and listed in REGISTRY_DROPPED with the reason.
//
// Run: npm run build && node scripts/build-registry.mjs [--check]

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseText } from '../dist/parse/index.js';
import { FactStore } from '../dist/engine/facts.js';
import { citationFacts } from '../dist/facts/citations.js';
import { dateFacts, dateValue } from '../dist/facts/dates.js';
import { TYPE_WORDS } from '../dist/facts/lexicon/citations.js';
import { namesOneDocument } from '../dist/facts/registry.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = join(ROOT, '..', 'shared', 'corpus');
export const SOURCES = ['large/vi/pjj-tax-doc', 'large/vi/tnt305-tvpl', 'large/vi/uts-vlc', 'real/vi'];
const OUT = join(ROOT, 'src', 'data', 'registry.ts');
const SETTINGS = { locale: 'vi', numberFormat: 'vi', rounding: 'any', dictionary: [] };
const TITLE_MAX = 160;

/** The corpus files the registry reads, as paths relative to ../shared/corpus, sorted. */
export function sourceFiles(shared = SHARED) {
  const out = [];
  for (const dir of SOURCES) for (const f of readdirSync(join(shared, dir)).sort()) if (f.endsWith('.txt')) out.push(`${dir}/${f}`);
  return out;
}

// the Vietnamese type words (the English ones are plain ASCII), longest first, in capitals
const TYPE_WORD_CAPS = TYPE_WORDS.map(([w]) => w)
  .filter((w) => /[^\x00-\x7f]/.test(w))
  .map((w) => w.toUpperCase())
  .sort((a, b) => b.length - a.length);
const TITLE_STOP = /(?:Căn cứ|CĂN CỨ|Kính gửi|KÍNH GỬI|Thực hiện|Triển khai|Theo đề nghị|Để |Chương I\b|Điều 1\.|PHẦN I\b|Phần I\b|I\. )/u;

function clean(s) {
  return s.replace(/[\t\r\n|]+/g, ' ').replace(/\s+/g, ' ').replace(/[-_=*]{3,}/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The issuing body: the header's first cell, before its rule line or the national motto. */
function issuerOf(text, ownStart) {
  let head = text.slice(0, ownStart).replace(/^---\s*PAGE\s*\d+\s*---/i, '');
  const cut = head.search(/[-_*]{3,}|\t|CỘNG H[OÒ]A/u);
  if (cut >= 0) head = head.slice(0, cut);
  head = clean(head);
  return /^[\p{Lu}\d ,.()-]{4,120}$/u.test(head) ? head : '';
}

/** The title: what follows the header date, up to the first "Căn cứ", "Kính gửi", … line. */
function titleOf(text, from, issuer) {
  let t = text.slice(from, from + 600);
  const stop = t.search(TITLE_STOP);
  if (stop >= 0) t = t.slice(0, stop);
  t = clean(t);
  // a flattened header repeats the issuing body or its head after the title
  if (issuer) {
    const i = t.indexOf(issuer, 8);
    if (i > 0) t = t.slice(0, i).trim();
  }
  t = t.replace(/\s+(?:THỦ TƯỚNG CHÍNH PHỦ|BỘ TRƯỞNG [\p{Lu} ]+|CHỦ TỊCH [\p{Lu} ]+|CỤC TRƯỞNG [\p{Lu} ]+|TRƯỞNG BAN [\p{Lu} ]+|ỦY BAN [\p{Lu} ]+|HỘI ĐỒNG [\p{Lu} ]+|QUỐC HỘI[\p{Lu} ]*)$/u, '');
  if (t.length > TITLE_MAX) t = t.slice(0, TITLE_MAX).replace(/\s+\S*$/, '') + ' …';
  return t;
}

/** The type: the title's first type word, else the symbol's code, else công văn. */
function typeOf(title, own) {
  const up = title.toUpperCase();
  for (const w of TYPE_WORD_CAPS) if (up.startsWith(w)) return w[0] + w.slice(1).toLowerCase();
  if (own.system === 'law') return 'Luật';
  return own.typeCode ?? 'Công văn';
}

function field(s) {
  return s.replace(/[\t\n]/g, ' ');
}

/** The registry row of one corpus file, or undefined when its header does not give number and date. */
export function extract(rel, text) {
  const doc = parseText(text, rel);
  const facts = new FactStore(doc, SETTINGS);
  const { reportDate } = facts.get(dateFacts);
  const cf = facts.get(citationFacts);
  const own = cf.own;
  if (!own || !reportDate || !reportDate.valid || own.system === 'us') return undefined;
  // a legal number's year is its date's year: a header where they disagree is not evidence
  if (own.year !== undefined && own.year !== reportDate.year) return undefined;
  if (!/^\d{1,5}[a-zđ]?$/u.test(own.number) || /\s/.test(own.raw)) return undefined;
  // a number that names one document in the country (a local organ's numbers repeat per province)
  if (!namesOneDocument(own.raw)) return undefined;
  const issuer = issuerOf(doc.text, own.rawSpan.start);
  const title = titleOf(doc.text, reportDate.span.end, issuer);
  const d = reportDate;
  const date = `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
  return { key: own.key, raw: own.raw, date, type: typeOf(title, own), issuer: field(issuer), title: field(title), source: rel.split('/').pop() };
}

/** Every dated citation of other documents in a file: key -> Set of yyyymmdd. */
export function citedDates(rel, text) {
  const doc = parseText(text, rel);
  const facts = new FactStore(doc, SETTINGS);
  const cf = facts.get(citationFacts);
  const ownKey = cf.own?.key;
  const out = new Map();
  for (const c of cf.all) {
    if (c.loose || c.key === ownKey || !c.date || !c.date.valid || c.date.day === undefined) continue;
    const v = String(dateValue(c.date));
    if (!out.has(c.key)) out.set(c.key, new Set());
    out.get(c.key).add(v);
  }
  return out;
}

/** Rows from headers, checked against the other files' citations; sorted, conflicts dropped. */
export function merge(rows, citations) {
  const byKey = new Map();
  for (const r of rows) {
    if (!byKey.has(r.key)) byKey.set(r.key, []);
    byKey.get(r.key).push(r);
  }
  const kept = [];
  const dropped = [];
  for (const key of [...byKey.keys()].sort()) {
    const list = byKey.get(key).sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    const dates = new Set(list.map((r) => r.date));
    if (dates.size > 1) {
      dropped.push(`${key}\theaders disagree: ${[...dates].sort().join(', ')}`);
      continue;
    }
    const r = list[0];
    const votes = new Map();
    for (const [source, cited] of citations) {
      if (list.some((x) => x.source === source)) continue;
      const ds = cited.get(key);
      if (ds) for (const d of ds) votes.set(d, (votes.get(d) ?? 0) + 1);
    }
    const other = [...votes].filter(([d, n]) => d !== r.date && n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (other.length && !votes.has(r.date)) {
      dropped.push(`${key}\theader ${r.date}, cited elsewhere ${other.map(([d, n]) => `${d} ×${n}`).join(', ')}`);
      continue;
    }
    kept.push(r);
  }
  return { kept, dropped };
}

export function formatRow(r) {
  return [r.raw, r.date, r.type, r.issuer, r.title, r.source].join('\t');
}

export function render({ kept, dropped }, files) {
  const rows = kept.map(formatRow);
  return (
    `// Generated by scripts/build-registry.mjs from the headers of ${files} files of ../shared/corpus\n` +
    `// (${SOURCES.join(', ')}; the OCR folder pjj-tax-pdf left out): do not edit. State documents are\n` +
    `// not protected by copyright (Luật Sở hữu trí tuệ 2005, Điều 15 khoản 2). One row per document:\n` +
    `// number and symbol, date (yyyymmdd), type, issuing body, title, source file; tab-separated, sorted.\n` +
    `export const REGISTRY_ROWS: string = ${JSON.stringify(rows.join('\n'))};\n\n` +
    `/** Headers left out: two files disagree, or the other files cite the document with another date. */\n` +
    `export const REGISTRY_DROPPED: string = ${JSON.stringify(dropped.join('\n'))};\n`
  );
}

export function build(shared = SHARED) {
  const files = sourceFiles(shared);
  const rows = [];
  const citations = new Map();
  for (const rel of files) {
    const text = readFileSync(join(shared, rel), 'utf8');
    const r = extract(rel, text);
    if (r) rows.push(r);
    citations.set(rel.split('/').pop(), citedDates(rel, text));
  }
  return { text: render(merge(rows, citations), files.length), rows: rows.length };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { text, rows } = build();
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === text;
    process.stdout.write(same ? 'registry up to date\n' : 'registry out of date: run node scripts/build-registry.mjs\n');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT, text);
  process.stdout.write(`${relative(ROOT, OUT)}: ${rows} headers read, ${text.length} bytes\n`);
}

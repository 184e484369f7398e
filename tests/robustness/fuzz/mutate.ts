// Mutations of real .docx and .pdf files for the file fuzzer, all driven by one seeded PRNG so a
// case can be rebuilt from its number. Word packages: byte flips, truncation, deep nesting of the
// elements Word nests (content controls, smart tags, hyperlinks, text boxes, tables), duplicated
// and missing parts, damaged XML (a DOCTYPE, cut tags, stray entities), corrupted zip headers.
// PDFs: truncation, byte flips, an /Encrypt dictionary, object loops, a lying page count, and
// generated files of up to 10,000 pages (pdf-writer.ts).

import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { writePdf, type PdfSpec } from './pdf-writer.js';

export type Rng = () => number;

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: Rng, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)];
/** A choice with weights: [[weight, value], ...]. */
function weighted<T>(r: Rng, xs: ReadonlyArray<readonly [number, T]>): T {
  let total = 0;
  for (const [w] of xs) total += w;
  let x = r() * total;
  for (const [w, v] of xs) {
    x -= w;
    if (x < 0) return v;
  }
  return xs[xs.length - 1][1];
}

export interface Mutant {
  name: string;
  bytes: Uint8Array;
  ext: '.docx' | '.pdf';
}

function flip(r: Rng, b: Uint8Array, from = 0): Uint8Array {
  const out = new Uint8Array(b);
  const n = 1 + int(r, 40);
  for (let i = 0; i < n; i++) {
    const at = from + int(r, Math.max(1, out.length - from));
    out[at] = int(r, 256);
  }
  return out;
}

const truncate = (r: Rng, b: Uint8Array): Uint8Array => b.subarray(0, int(r, b.length));

// ---------------------------------------------------------------- .docx

const NESTING: Array<[string, string]> = [
  ['<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'],
  ['<w:smartTag w:uri="u" w:element="e">', '</w:smartTag>'],
  ['<w:hyperlink w:anchor="a">', '</w:hyperlink>'],
  ['<w:txbxContent><w:p>', '</w:p></w:txbxContent>'],
  ['<w:tbl><w:tr><w:tc><w:p>', '</w:p></w:tc></w:tr></w:tbl>'],
  ['<w:ins w:id="1" w:author="a">', '</w:ins>'],
  ['<w:fldSimple w:instr="PAGE">', '</w:fldSimple>'],
];

function unzip(b: Uint8Array): Record<string, Uint8Array> | undefined {
  try {
    return unzipSync(b);
  } catch {
    return undefined;
  }
}

const dec = new TextDecoder();

function withPart(parts: Record<string, Uint8Array>, name: string, f: (xml: string) => string): Uint8Array {
  const xml = parts[name] ? dec.decode(parts[name]) : '';
  return zipSync({ ...parts, [name]: strToU8(f(xml)) } as Zippable);
}

/** A zip whose central directory names one part twice (the second copy different). */
function duplicatePart(r: Rng, parts: Record<string, Uint8Array>): Uint8Array {
  const names = Object.keys(parts);
  const victim = pick(r, names);
  const twin = victim.slice(0, -1) + (victim.endsWith('#') ? '$' : '#'); // same length, patched below
  const copy = pick(r, [new Uint8Array(0), strToU8('<x/>'), parts[victim], flip(r, parts[victim])]);
  const z = zipSync({ ...parts, [twin]: copy } as Zippable);
  const from = strToU8(twin);
  const to = strToU8(victim);
  const out = new Uint8Array(z);
  for (let i = 0; i + from.length <= out.length; i++) {
    let hit = true;
    for (let j = 0; j < from.length && hit; j++) hit = out[i + j] === from[j];
    if (hit) out.set(to, i);
  }
  return out;
}

/** Corrupts a zip structure field: sizes, offsets, counts, method, flags. */
function corruptHeader(r: Rng, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b);
  const sigs: number[] = [];
  for (let i = 0; i + 4 <= out.length; i++) if (out[i] === 0x50 && out[i + 1] === 0x4b && (out[i + 2] === 1 || out[i + 2] === 3 || out[i + 2] === 5)) sigs.push(i);
  if (!sigs.length) return flip(r, out);
  const at = pick(r, sigs);
  const field = at + 4 + int(r, 40);
  const v = pick(r, [0x00, 0xff, 0x7f, 0x80, 0x01]);
  for (let k = 0; k < 1 + int(r, 4) && field + k < out.length; k++) out[field + k] = v;
  return out;
}

const XML_DAMAGE: Array<(r: Rng, xml: string) => string> = [
  (r, x) => {
    const i = int(r, x.length);
    return x.slice(0, i) + x.slice(i + 1 + int(r, 20));
  },
  (r, x) => x.replace('<w:body>', `<w:body>${pick(r, ['&', '&bogus;', '&#0;', '&#xD800;', ']]>', '<!--', '<?pi', '<w:p', '</w:p>'])}`),
  (_r, x) => x.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'),
  (r, x) => x.replace('<w:body>', `<w:body><w:p><w:r><w:t xml:space="preserve">${'x'.repeat(int(r, 2_000_000))}</w:t></w:r></w:p>`),
  (r, x) => x.replace('<w:body>', `<w:body>${'<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(int(r, 200_000))}`),
  (_r, x) => x.replace(/<w:body>/, '<w:body attr="' + '"'.repeat(3) + '">'),
  (r, x) => x.slice(0, int(r, x.length)),
  (_r, x) => x.replace(/xmlns:w="[^"]*"/, ''),
  (r, x) => x.replace('<w:body>', `<w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="${pick(r, ['-1', '99999999', 'x', ''])}"/><w:numId w:val="${pick(r, ['0', '-5', '4294967296', '1'])}"/></w:numPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p>`),
];

const PARTS_TO_DROP = ['word/document.xml', '[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/comments.xml', 'word/settings.xml'];

/** One mutant of a .docx seed. */
export function mutateDocx(r: Rng, seed: Uint8Array): { kind: string; bytes: Uint8Array } {
  const parts = unzip(seed);
  const kinds = parts ? ['flip', 'flip-data', 'truncate', 'nest', 'nest', 'duplicate', 'missing', 'xml', 'xml', 'header', 'part-garbage', 'combo'] : ['flip', 'truncate'];
  const kind = pick(r, kinds);
  switch (kind) {
    case 'flip':
      return { kind, bytes: flip(r, seed) };
    case 'flip-data':
      return { kind, bytes: flip(r, seed, 30) };
    case 'truncate':
      return { kind, bytes: truncate(r, seed) };
    case 'nest': {
      const [open, close] = pick(r, NESTING);
      const depth = pick(r, [10, 100, 255, 256, 300, 1000, 10_000, 100_000]);
      return { kind: `nest-${depth}`, bytes: withPart(parts!, 'word/document.xml', (x) => x.replace('<w:body>', `<w:body><w:p>${open.repeat(depth)}<w:r><w:t>x</w:t></w:r>${close.repeat(depth)}</w:p>`)) };
    }
    case 'duplicate':
      return { kind, bytes: duplicatePart(r, parts!) };
    case 'missing': {
      const drop = pick(r, PARTS_TO_DROP);
      const rest = { ...parts! };
      delete rest[drop];
      return { kind: `missing-${drop}`, bytes: zipSync(rest as Zippable) };
    }
    case 'xml': {
      const name = pick(r, Object.keys(parts!).filter((n) => n.endsWith('.xml') || n.endsWith('.rels')));
      const damage = pick(r, XML_DAMAGE);
      return { kind: 'xml', bytes: withPart(parts!, name, (x) => damage(r, x)) };
    }
    case 'header':
      return { kind, bytes: corruptHeader(r, seed) };
    case 'part-garbage': {
      const name = pick(r, Object.keys(parts!));
      const junk = pick(r, [new Uint8Array(0), flip(r, parts![name]), strToU8('\ufeff'), new Uint8Array([0xff, 0xfe, 0, 0x3c])]);
      return { kind, bytes: zipSync({ ...parts!, [name]: junk } as Zippable) };
    }
    default: {
      let b = seed;
      const n = 2 + int(r, 2);
      for (let i = 0; i < n; i++) b = mutateDocx(r, b).bytes;
      return { kind: 'combo', bytes: b };
    }
  }
}

// ---------------------------------------------------------------- .pdf

const LINES = ['BAO CAO KET QUA THUC HIEN NHIEM VU NAM 2025', 'Tong so 120 ho, trong do 45 ho ngheo, 75 ho can ngheo.', 'Da tiep nhan 55 don, da giai quyet 40 don, dat 72,7%.', 'Thong bao so 164-TB/TU ngay 19/01/2026.', '1. Ket qua dat duoc', 'a) Ve kinh te'];

function pageText(r: Rng, n: number): string[][] {
  return Array.from({ length: n }, () => Array.from({ length: 1 + int(r, 12) }, () => pick(r, LINES)));
}

/** A generated PDF: plain, encrypted, looping, lying about its pages, or (rarely: slow) very long. */
export function generatedPdf(r: Rng, forced?: string): { kind: string; bytes: Uint8Array } {
  const kind = forced ?? weighted(r, [[3, 'plain'], [3, 'encrypt'], [3, 'loop'], [2, 'count'], [0.15, 'many']] as const);
  const spec: PdfSpec = { pages: pageText(r, 1 + int(r, 5)) };
  if (kind === 'encrypt') spec.encrypt = pick(r, ['rc4-empty-user', 'rc4-password', 'aes-garbage'] as const);
  if (kind === 'loop') spec.loop = pick(r, ['kids-self', 'parent-cycle', 'length-self', 'prev-self'] as const);
  if (kind === 'count') spec.claimedCount = pick(r, [0, -1, 1_000_000_000, 2 ** 31]);
  if (kind === 'many') spec.pages = pageText(r, forced ? 10_000 : pick(r, [1000, 10_000]));
  return { kind: `${kind}${spec.encrypt ? `-${spec.encrypt}` : ''}${spec.loop ? `-${spec.loop}` : ''}${kind === 'many' ? `-${spec.pages.length}` : ''}`, bytes: writePdf(spec) };
}

/** One mutant of a .pdf seed (or a freshly generated hostile PDF). */
export function mutatePdf(r: Rng, seed: Uint8Array): { kind: string; bytes: Uint8Array } {
  const kind = pick(r, ['flip', 'truncate', 'truncate', 'generated', 'generated', 'xref', 'stream', 'combo']);
  const s = Buffer.from(seed).toString('latin1');
  switch (kind) {
    case 'flip':
      return { kind, bytes: flip(r, seed) };
    case 'truncate':
      return { kind, bytes: truncate(r, seed) };
    case 'generated':
      return generatedPdf(r);
    case 'xref': {
      const variants = [s.replace(/startxref\s+\d+/, 'startxref\n999999999'), s.replace(/startxref\s+\d+/, 'startxref\n0'), s.replace(/xref\n/g, 'xrXf\n'), s.replace(/trailer/g, 'trail'), s.replace(/\/Root \d+ 0 R/, '/Root 99999 0 R')];
      return { kind, bytes: Buffer.from(pick(r, variants), 'latin1') };
    }
    case 'stream': {
      const variants = [s.replace(/\/Length \d+/, '/Length 999999999'), s.replace(/\/Length \d+/, '/Length -5'), s.replace(/\/FlateDecode/, '/LZWDecode'), s.replace(/endstream/, '')];
      return { kind, bytes: Buffer.from(pick(r, variants), 'latin1') };
    }
    default: {
      let b = seed;
      for (let i = 0; i < 2; i++) b = mutatePdf(r, b).bytes;
      return { kind: 'combo', bytes: b };
    }
  }
}

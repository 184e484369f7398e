// What a file is, from its first bytes (and for zip packages, the names of their parts), not
// from its name: an .xlsx renamed .docx is read as the workbook it is, a .doc renamed .docx is
// converted as a .doc, an image or an archive is refused with a reason and what to do.

import type { DocFormat } from './document.js';
import { ZipArchive, ZipError } from './docx/zip.js';

export type Sniffed =
  /** Read natively (or, for doc/rtf/xls, after conversion by LibreOffice). */
  | { kind: 'format'; format: DocFormat | 'xls' }
  /** Not a format reportlint reads: why, and what to do. */
  | { kind: 'unreadable'; reason: string }
  /** Not recognised by content: decide by extension (text, Markdown, or a damaged office file). */
  | { kind: 'unknown' };

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, s: string, at = 0): boolean => startsWith(b, [...s].map((c) => c.charCodeAt(0)), at);

const IMAGE = 'an image: reportlint reads text, not pictures (no OCR); lint the document the image comes from, or a PDF with a text layer';

/** UTF-16LE names of OLE streams, searched in the first 1 MB of a compound file. */
function cfbHas(b: Uint8Array, name: string): boolean {
  const hay = new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, 1 << 20)));
  return hay.includes(name.split('').join('\0'));
}

export function sniff(bytes: Uint8Array): Sniffed {
  const b = bytes;
  if (b.length < 4) return { kind: 'unknown' };
  if (ascii(b, '%PDF')) return { kind: 'format', format: 'pdf' };
  if (ascii(b, '{\\rtf')) return { kind: 'format', format: 'rtf' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (cfbHas(b, 'EncryptionInfo') || cfbHas(b, 'EncryptedPackage')) return { kind: 'unreadable', reason: 'the document is password-protected (encrypted); remove the password and save it again' };
    if (cfbHas(b, 'WordDocument')) return { kind: 'format', format: 'doc' };
    if (cfbHas(b, 'Workbook') || cfbHas(b, 'Book')) return { kind: 'format', format: 'xls' };
    if (cfbHas(b, 'PowerPoint Document')) return { kind: 'unreadable', reason: 'a PowerPoint 97-2003 presentation; reportlint reads reports (.docx, .odt, .doc, .rtf, .pdf, .txt, .md) and annexes (.xlsx, .ods): export the slides as PDF' };
    return { kind: 'unreadable', reason: 'an OLE compound file that is not a Word or Excel document' };
  }
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || ascii(b, 'GIF8') || ascii(b, 'II*\0') || ascii(b, 'MM\0*') || ascii(b, 'BM') && b.length > 26 && b[14] <= 124 && b[15] === 0 || (ascii(b, 'RIFF') && ascii(b, 'WEBP', 8))) {
    return { kind: 'unreadable', reason: IMAGE };
  }
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(b);
  if (startsWith(b, [0x1f, 0x8b]) || ascii(b, '7z\xbc\xaf') || ascii(b, 'Rar!')) return { kind: 'unreadable', reason: 'a compressed archive; extract it and lint the files inside' };
  return { kind: 'unknown' };
}

function sniffZip(b: Uint8Array): Sniffed {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(b);
  } catch (e) {
    if (e instanceof ZipError) return { kind: 'unknown' }; // damaged: the reader of its extension says why
    throw e;
  }
  const mime = zip.entry('mimetype') && zip.entry('mimetype')!.size < 200 ? safeText(zip, 'mimetype') : undefined;
  if (mime) {
    if (/opendocument\.text(-template|-master)?$/.test(mime)) return { kind: 'format', format: 'odt' };
    if (/opendocument\.spreadsheet(-template)?$/.test(mime)) return { kind: 'format', format: 'ods' };
    if (/opendocument\.presentation/.test(mime)) return { kind: 'unreadable', reason: 'an OpenDocument presentation (.odp); export the slides as PDF' };
    if (/opendocument\./.test(mime)) return { kind: 'unreadable', reason: `an OpenDocument file of another kind (${mime})` };
  }
  if (zip.has('word/document.xml') || hasMain(zip, /^word\//)) return { kind: 'format', format: 'docx' };
  if (zip.has('xl/workbook.xml') || hasMain(zip, /^xl\//)) return { kind: 'format', format: 'xlsx' };
  if (zip.has('ppt/presentation.xml')) return { kind: 'unreadable', reason: 'a PowerPoint presentation (.pptx); export the slides as PDF' };
  if (zip.has('content.xml') && zip.has('META-INF/manifest.xml')) return { kind: 'format', format: 'odt' };
  if (zip.has('[Content_Types].xml')) return { kind: 'unknown' };
  return { kind: 'unreadable', reason: 'a zip archive, not a document; extract it and lint the files inside' };
}

function safeText(zip: ZipArchive, name: string): string | undefined {
  try {
    return zip.readText(name)?.trim();
  } catch {
    return undefined;
  }
}

/** The main part named by _rels/.rels, when it lies under `dir`. */
function hasMain(zip: ZipArchive, dir: RegExp): boolean {
  const rels = safeText(zip, '_rels/.rels');
  if (!rels) return false;
  const m = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels);
  const target = m?.[1] ?? m?.[2];
  return !!target && dir.test(target);
}

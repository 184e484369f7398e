// Bytes -> text. UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM; invalid UTF-8 is an
// error, never silently replaced. Legacy encodings are decoded only when the user names one.

export class DecodeError extends Error {}

export interface Decoded {
  text: string;
  encoding: string;
  bom: boolean;
}

export function decode(bytes: Uint8Array, encoding?: string): Decoded {
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    let dec: TextDecoder;
    try {
      dec = new TextDecoder(encoding, { fatal: true });
    } catch {
      throw new DecodeError(`unknown encoding '${encoding}'`);
    }
    try {
      const bom16 = /^utf-?16/i.test(encoding);
      return { text: dec.decode(bytes), encoding: encoding.toLowerCase(), bom: bom16 && hasUtf16Bom(bytes) };
    } catch {
      throw new DecodeError(`the file is not valid ${encoding}`);
    }
  }
  if (!encoding && bytes.length >= 2 && hasUtf16Bom(bytes)) {
    const le = bytes[0] === 0xff;
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    return { text, encoding: le ? 'utf-16le' : 'utf-16be', bom: true };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.includes('\u0000')) nulError(bytes);
    return { text, encoding: 'utf-8', bom };
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    if (bytes.indexOf(0) >= 0) nulError(bytes);
    const at = firstInvalidUtf8(bytes);
    throw new DecodeError(`invalid UTF-8 at byte ${at}; if the file is in another encoding, name it with --encoding (e.g. utf-16le, windows-1258)`);
  }
}

/** Valid UTF-8 may hold NUL, but no report does: it is a binary file or UTF-16 without a BOM. */
function nulError(bytes: Uint8Array): never {
  const nul = bytes.indexOf(0);
  const utf16 = nul % 2 === 1 ? 'utf-16le' : 'utf-16be';
  throw new DecodeError(`NUL byte at byte ${nul}: a binary file, or UTF-16 text without a byte-order mark (if so, name it with --encoding ${utf16})`);
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    // overlong forms, UTF-16 surrogates (ED A0..BF) and code points past U+10FFFF
    const c1 = b[i + 1];
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += n + 1;
  }
  return i;
}

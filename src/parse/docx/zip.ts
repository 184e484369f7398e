// A small, defensive ZIP reader and re-writer for Word packages. Reading parses the central
// directory and inflates only the entries asked for, streaming with fflate and stopping as soon
// as an entry or the whole package outgrows its limit (zip bombs). Writing copies every
// untouched entry byte for byte (local header, data, descriptor) and stores new parts deflated,
// so `--annotate` changes nothing but the parts it must. The limits are exported for every reader
// of zip packages (.docx, .odt, .xlsx); inflating also honours the per-file deadline of the
// enclosing parse (src/parse/limits.ts).

import { Inflate, deflateSync } from 'fflate';
import { currentParseBudget, LimitError } from '../limits.js';

export class ZipError extends Error {}

export interface ZipLimits {
  maxEntries: number;
  /** Largest decompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest decompressed size of all entries read, in bytes. */
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The raw central-directory record (copied on rewrite with the offset patched). */
  central: Uint8Array;
}

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private total = 0;
  /** Offset of the central directory (end of the last entry's data). */
  readonly centralOffset: number;

  constructor(readonly bytes: Uint8Array, readonly limits: ZipLimits = DEFAULT_LIMITS) {
    const b = bytes;
    if (b.length < 22) throw new ZipError('the file is too short to be a Word document (truncated?)');
    // End of central directory: last 22 bytes plus a comment of at most 65535 bytes.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
      if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('damaged Word document: the zip directory is missing (truncated or not a .docx)');
    const count = u16(b, eocd + 10);
    const cdSize = u32(b, eocd + 12);
    const cdOffset = u32(b, eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 packages are not supported');
    if (count > limits.maxEntries) throw new ZipError(`the package has ${count} parts, more than the limit of ${limits.maxEntries} (zip bomb?)`);
    if (cdOffset + cdSize > eocd) throw new ZipError('damaged Word document: the zip directory points outside the file (truncated?)');
    this.centralOffset = cdOffset;
    const entries: ZipEntry[] = [];
    let p = cdOffset;
    const dec = new TextDecoder('utf-8');
    for (let k = 0; k < count; k++) {
      if (p + 46 > eocd || u32(b, p) !== 0x02014b50) throw new ZipError('damaged Word document: bad zip directory record');
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      const crc = u32(b, p + 16);
      const compressedSize = u32(b, p + 20);
      const size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      const localOffset = u32(b, p + 42);
      const end = p + 46 + nameLen + extraLen + commentLen;
      if (end > eocd) throw new ZipError('damaged Word document: bad zip directory record');
      const name = dec.decode(b.subarray(p + 46, p + 46 + nameLen));
      if (localOffset >= cdOffset) throw new ZipError('damaged Word document: a part lies outside the file');
      const e: ZipEntry = { name, method, flags, crc, compressedSize, size, localOffset, central: b.subarray(p, end) };
      entries.push(e);
      this.byName.set(name.replace(/^\//, ''), e);
      p = end;
    }
    this.entries = entries;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** Offset of the compressed data of an entry (after its local header). */
  private dataOffset(e: ZipEntry): number {
    const b = this.bytes;
    const p = e.localOffset;
    if (p + 30 > b.length || u32(b, p) !== 0x04034b50) throw new ZipError(`damaged Word document: part '${e.name}' is missing (truncated?)`);
    const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
    if (start + e.compressedSize > b.length) throw new ZipError(`damaged Word document: part '${e.name}' is cut short (truncated?)`);
    return start;
  }

  /** Decompressed bytes of an entry, enforcing the size limits while inflating. */
  read(name: string): Uint8Array | undefined {
    const e = this.byName.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new ZipError('the document is password-protected (encrypted); remove the password and save it again');
    const start = this.dataOffset(e);
    const data = this.bytes.subarray(start, start + e.compressedSize);
    const limit = Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.total);
    if (e.method === 0) {
      if (data.length > limit) throw new ZipError(`part '${e.name}' is larger than the limit of ${this.limits.maxEntryBytes} bytes`);
      this.total += data.length;
      return data;
    }
    if (e.method !== 8) throw new ZipError(`part '${e.name}' uses an unsupported compression method (${e.method})`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    const inflater = new Inflate((chunk, final) => {
      size += chunk.length;
      if (size > limit) throw new ZipError(`part '${e.name}' inflates past the limit of ${this.limits.maxEntryBytes} bytes (zip bomb?)`);
      chunks.push(chunk);
      if (final) done = true;
    });
    const STEP = 4096; // deflate expands at most ~1032:1, so one push yields at most ~4 MB
    const deadline = currentParseBudget().deadline;
    try {
      for (let i = 0; i < data.length; i += STEP) {
        inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
        if ((i & 0xfffff) === 0) deadline?.check('reading it');
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ZipError || err instanceof LimitError) throw err;
      throw new ZipError(`damaged Word document: part '${e.name}' cannot be decompressed`);
    }
    if (!done) throw new ZipError(`damaged Word document: part '${e.name}' is cut short (truncated?)`);
    this.total += size;
    const out = new Uint8Array(size);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }

  readText(name: string): string | undefined {
    const bytes = this.read(name);
    if (!bytes) return undefined;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Word writes UTF-8; UTF-16 with a BOM is legal XML too
      if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
      if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
      throw new ZipError(`part '${name}' is not valid UTF-8`);
    }
  }

  /**
   * A new package: every entry not in `replace` is copied byte for byte; replaced and added
   * parts are deflated. Added parts (names not yet in the package) go at the end.
   */
  rewrite(replace: Map<string, Uint8Array>): Uint8Array {
    const b = this.bytes;
    const sorted = [...this.entries].sort((x, y) => x.localOffset - y.localOffset);
    const nextOffset = new Map<ZipEntry, number>();
    for (let i = 0; i < sorted.length; i++) nextOffset.set(sorted[i], i + 1 < sorted.length ? sorted[i + 1].localOffset : this.centralOffset);
    const parts: Uint8Array[] = [];
    const centrals: Uint8Array[] = [];
    let offset = 0;
    const enc = new TextEncoder();
    const addNew = (name: string, content: Uint8Array): void => {
      const nameBytes = enc.encode(name);
      const data = deflateSync(content, { level: 6 });
      const crc = crc32(content);
      const local = new Uint8Array(30 + nameBytes.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, 0x0800, true); // UTF-8 names
      lv.setUint16(8, 8, true);
      lv.setUint32(14, crc, true);
      lv.setUint32(18, data.length, true);
      lv.setUint32(22, content.length, true);
      lv.setUint16(26, nameBytes.length, true);
      local.set(nameBytes, 30);
      const central = new Uint8Array(46 + nameBytes.length);
      const cv = new DataView(central.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, 20, true);
      cv.setUint16(6, 20, true);
      cv.setUint16(8, 0x0800, true);
      cv.setUint16(10, 8, true);
      cv.setUint32(16, crc, true);
      cv.setUint32(20, data.length, true);
      cv.setUint32(24, content.length, true);
      cv.setUint16(28, nameBytes.length, true);
      cv.setUint32(42, offset, true);
      central.set(nameBytes, 46);
      parts.push(local, data);
      centrals.push(central);
      offset += local.length + data.length;
    };
    const done = new Set<string>();
    for (const e of this.entries) {
      const key = e.name.replace(/^\//, '');
      const repl = replace.get(key);
      if (repl) {
        addNew(e.name, repl);
        done.add(key);
        continue;
      }
      const chunk = b.subarray(e.localOffset, nextOffset.get(e)!);
      const central = new Uint8Array(e.central);
      new DataView(central.buffer).setUint32(42, offset, true);
      parts.push(chunk);
      centrals.push(central);
      offset += chunk.length;
    }
    for (const [name, content] of replace) if (!done.has(name)) addNew(name, content);
    const cdStart = offset;
    let cdSize = 0;
    for (const c of centrals) cdSize += c.length;
    const eocd = new Uint8Array(22);
    const ev = new DataView(eocd.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, centrals.length, true);
    ev.setUint16(10, centrals.length, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, cdStart, true);
    const out = new Uint8Array(offset + cdSize + 22);
    let o = 0;
    for (const p of [...parts, ...centrals, eocd]) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

let CRC_TABLE: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

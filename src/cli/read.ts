// The one reading boundary: every path a user names (inputs, --config, baselines, caches,
// shards, the .docx that --annotate copies) is read here, and standard input too.
//
// - Only regular files are read. The path is opened non-blocking (a FIFO without a writer never
//   blocks the open) and the open file is checked with fstat, so a symlink to /dev/zero, a FIFO,
//   a device or a socket is refused at once with one clear reason, whatever its name says.
// - At most `maxBytes` are read: the size is checked first, and reading stops at the limit even
//   when the file grows or lies about its size (/proc), so memory stays bounded.
// - The fstat of the file read is returned (device, inode, size, mtime, mode, owner, links), so
//   a writer can check that the file did not change before it replaces it (src/cli/safe-write.ts).
// Every failure is a ReadError whose message is the reason, for `path: cannot read: <reason>`.

import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export class ReadError extends Error {
  constructor(
    message: string,
    /** The errno code behind it, if any (ENOENT for a missing file). */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** What was read: the file's identity and state at the time (fstat of the open file). */
export interface FileSnapshot {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
}

export interface ReadResult {
  bytes: Uint8Array;
  snapshot: FileSnapshot;
}

export interface ReadLimit {
  maxBytes: number;
  /** How the limit is named in the message: "(--max-file-size)" or "for a config file". */
  label: string;
}

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** What a non-regular file is, in words. */
export function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a file';
}

function notRegular(st: Stats): ReadError {
  if (st.isDirectory()) return new ReadError('is a directory', 'EISDIR');
  return new ReadError(`not a regular file (${kindOf(st)})`, 'ENOTREG');
}

function tooLarge(size: number | undefined, limit: ReadLimit, input = 'file'): ReadError {
  const what = size === undefined ? `the ${input} is over` : `the ${input} is ${mb(size)}, over`;
  return new ReadError(`${what} the ${mb(limit.maxBytes)} limit ${limit.label}`, 'EFBIG');
}

/** The reason for an errno error, in words. */
export function reasonOf(e: unknown): string {
  if (e instanceof ReadError) return e.message;
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links (a link loop)';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return err instanceof Error ? err.message : String(e);
  }
}

function asReadError(e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  return new ReadError(reasonOf(e), (e as NodeJS.ErrnoException)?.code);
}

function snapshotOf(st: Stats): FileSnapshot {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, mode: st.mode, uid: st.uid, gid: st.gid, nlink: st.nlink };
}

/** A socket cannot be opened (ENXIO); say what it is. */
async function explainOpenError(path: string, e: unknown): Promise<ReadError> {
  if ((e as NodeJS.ErrnoException)?.code === 'ENXIO' || (e as NodeJS.ErrnoException)?.code === 'EOPNOTSUPP') {
    const st = await stat(path).catch(() => undefined);
    if (st && !st.isFile()) return notRegular(st);
  }
  return asReadError(e);
}

/** Reads a regular file, at most `limit.maxBytes` bytes (ReadError otherwise). */
export async function readRegularFile(path: string, limit: ReadLimit): Promise<ReadResult> {
  let fh;
  try {
    fh = await open(path, FLAGS);
  } catch (e) {
    throw await explainOpenError(path, e);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw notRegular(st);
    if (st.size > limit.maxBytes) throw tooLarge(st.size, limit);
    // one byte more than the limit tells a file that grew past it from one that fits
    let buf = Buffer.allocUnsafe(Math.min(st.size, limit.maxBytes) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length > limit.maxBytes) throw tooLarge(undefined, limit);
        const next = Buffer.allocUnsafe(Math.min(limit.maxBytes + 1, Math.max(buf.length * 2, 65536)));
        buf.copy(next, 0, 0, n);
        buf = next;
      }
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > limit.maxBytes) throw tooLarge(undefined, limit);
    return { bytes: buf.subarray(0, n), snapshot: snapshotOf(st) };
  } catch (e) {
    throw asReadError(e);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** The same, synchronously (config files are read while options are resolved). */
export function readRegularFileSync(path: string, limit: ReadLimit): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'ENXIO' || code === 'EOPNOTSUPP') {
      let st: Stats | undefined;
      try {
        st = statSync(path);
      } catch {
        st = undefined;
      }
      if (st && !st.isFile()) throw notRegular(st);
    }
    throw asReadError(e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(st);
    if (st.size > limit.maxBytes) throw tooLarge(st.size, limit);
    let buf = Buffer.allocUnsafe(Math.min(st.size, limit.maxBytes) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length > limit.maxBytes) throw tooLarge(undefined, limit);
        const next = Buffer.allocUnsafe(Math.min(limit.maxBytes + 1, Math.max(buf.length * 2, 65536)));
        buf.copy(next, 0, 0, n);
        buf = next;
      }
      const read = readSync(fd, buf, n, buf.length - n, n);
      if (read === 0) break;
      n += read;
    }
    if (n > limit.maxBytes) throw tooLarge(undefined, limit);
    return { bytes: buf.subarray(0, n), snapshot: snapshotOf(st) };
  } catch (e) {
    throw asReadError(e);
  } finally {
    closeSync(fd);
  }
}

/** Reads a regular file as UTF-8 text (BOM dropped); a missing file gives undefined when `optional`. */
export async function readTextFile(path: string, limit: ReadLimit, optional = false): Promise<string | undefined> {
  try {
    const { bytes } = await readRegularFile(path, limit);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (optional && e instanceof ReadError && e.code === 'ENOENT') return undefined;
    throw e;
  }
}

/** All of a stream (standard input), stopping as soon as it passes `limit.maxBytes`. */
export async function readStreamBounded(stream: NodeJS.ReadableStream & { destroy?: () => void }, limit: ReadLimit): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    n += b.length;
    if (n > limit.maxBytes) {
      stream.destroy?.();
      throw tooLarge(undefined, limit, 'input');
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, n);
}

/** Limits for the data files reportlint reads back (not the reports): configs, baselines, caches, shards. */
export const CONFIG_LIMIT: ReadLimit = { maxBytes: 1024 * 1024, label: 'for a config file' };
export const DATA_LIMIT: ReadLimit = { maxBytes: 256 * 1024 * 1024, label: 'for a reportlint data file' };

// Safe writes for --fix, --annotate, --output-file, the cache and the baseline: a temporary file
// in the same folder, then a rename, so a failed or killed write leaves the original untouched.
//
// - Mode and owner are kept (the owner where the system permits: as root, or a group you are in).
// - A symlink is never replaced: its target is written, and the caller is told (`viaSymlink`).
// - A read-only file, or a file with other hard links (a rename would split them), is refused
//   unless `force` (the caller says the links were split).
// - With `expected` (--fix: the file as it was read), the file is checked unchanged (same inode,
//   size, mtime and content hash) immediately before the rename and is not replaced when it
//   changed (ChangedError). The old file stays open across the rename: if another program wrote
//   to it in that instant, its version is saved beside it (`<name>.reportlint-conflict-<time>`)
//   and the caller is told, so no byte is lost.
// - Temporary files are named `.<name>.reportlint-<pid>-<random>.tmp`; those of runs that died
//   (kill -9) are removed the next time the same file is written, and a SIGINT or SIGTERM during
//   a write removes the one in flight.

import { createHash, randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import { access, lstat, mkdir, open, readdir, readlink, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { FileSnapshot } from './read.js';

/** The write was refused; the message says why (shown as `path: not fixed: <reason>` for --fix). */
export class WriteRefused extends Error {}

/** The file changed since it was read. */
export class ChangedError extends WriteRefused {}

export interface WriteOptions {
  /** Replace the file only if it is still as it was read. */
  expected?: { snapshot: FileSnapshot; hash: string };
  /** Write read-only and hard-linked files too. */
  force?: boolean;
}

export interface WriteOutcome {
  /** The file actually written (a symlink's target). */
  target: string;
  viaSymlink: boolean;
  /** With force on a hard-linked file: how many other names keep the old content. */
  splitLinks?: number;
}

const inFlight = new Set<string>();
let handlersInstalled = false;

function installSignalCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      for (const t of inFlight) {
        try {
          unlinkSync(t);
        } catch {
          // already gone
        }
      }
      inFlight.clear();
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const cleaned = new Set<string>();
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes temporary files of `name` left in `dir` by runs that are no longer alive. */
export async function cleanStaleTemps(dir: string, name: string): Promise<string[]> {
  const key = join(dir, name);
  if (cleaned.has(key)) return [];
  cleaned.add(key);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const ours = new RegExp(`^\\.${escapeRe(name)}\\.(?:reportlint-(\\d+)-[0-9a-f]+|(\\d+)\\.\\d+)\\.tmp$`);
  const removed: string[] = [];
  for (const e of entries) {
    const m = ours.exec(e);
    if (!m) continue;
    const pid = Number(m[1] ?? m[2]);
    if (alive(pid)) continue;
    try {
      await unlink(join(dir, e));
      removed.push(e);
    } catch {
      // another run removed it
    }
  }
  return removed;
}

/** The file a path writes to: itself, or the target of the symlink it is. */
async function targetOf(path: string): Promise<{ target: string; viaSymlink: boolean }> {
  let st;
  try {
    st = await lstat(path);
  } catch {
    return { target: path, viaSymlink: false }; // a new file
  }
  if (!st.isSymbolicLink()) return { target: path, viaSymlink: false };
  try {
    return { target: await realpath(path), viaSymlink: true };
  } catch {
    // a dangling link: write where it points, never over the link itself
    const to = await readlink(path);
    return { target: resolve(dirname(path), to), viaSymlink: true };
  }
}

async function readOnly(path: string, mode: number): Promise<boolean> {
  if (process.getuid?.() === 0) return (mode & 0o222) === 0; // root may write anything: go by the mode bits
  try {
    await access(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

async function hashOf(fh: FileHandle, size: number): Promise<string> {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(Math.min(Math.max(size, 1), 1 << 20));
  let pos = 0;
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) break;
    h.update(buf.subarray(0, bytesRead));
    pos += bytesRead;
  }
  return h.digest('hex');
}

const CHANGED = 'the file changed while it was being linted (another program wrote to it); run --fix again';

/** Writes `data` to `path` atomically (see the header). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): Promise<WriteOutcome> {
  const { target, viaSymlink } = await targetOf(path);
  let st;
  try {
    st = await stat(target);
  } catch {
    st = undefined;
  }
  if (!st && opts.expected) throw new ChangedError(CHANGED);
  if (st && !st.isFile()) throw new WriteRefused(st.isDirectory() ? 'it is a folder' : 'it is not a regular file');
  let splitLinks: number | undefined;
  if (st && !opts.force) {
    if (await readOnly(target, st.mode)) throw new WriteRefused(`the file is read-only (use --force to ${opts.expected ? 'fix' : 'write'} it anyway)`);
    if (st.nlink > 1) throw new WriteRefused(`the file has ${st.nlink} hard links; writing it would split them (use --force to ${opts.expected ? 'fix' : 'write'} this name only)`);
  } else if (st && st.nlink > 1) splitLinks = st.nlink - 1;

  const dir = dirname(target);
  const name = basename(target);
  await cleanStaleTemps(dir, name);
  const tmp = join(dir, `.${name}.reportlint-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const mode = st ? st.mode & 0o7777 : 0o644;
  installSignalCleanup();
  inFlight.add(tmp);
  let old: FileHandle | undefined;
  try {
    const fh = await open(tmp, 'wx', mode);
    try {
      await fh.writeFile(data);
      if (st) {
        await fh.chmod(mode); // open's mode is narrowed by the umask
        if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) await fh.chown(st.uid, st.gid).catch(() => undefined); // permitted for root, or a group one is in
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.expected) {
      // the check, as close to the rename as it can be: same inode, size, mtime, then content
      const e = opts.expected.snapshot;
      try {
        old = await open(target, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      } catch {
        throw new ChangedError(CHANGED);
      }
      const now = await old.stat();
      if (now.dev !== e.dev || now.ino !== e.ino || now.size !== e.size || now.mtimeMs !== e.mtimeMs) throw new ChangedError(CHANGED);
      if ((await hashOf(old, now.size)) !== opts.expected.hash) throw new ChangedError(CHANGED);
      const last = await old.stat();
      if (last.size !== now.size || last.mtimeMs !== now.mtimeMs) throw new ChangedError(CHANGED);
    }
    await rename(tmp, target);
    inFlight.delete(tmp);
  } catch (e) {
    inFlight.delete(tmp);
    await unlink(tmp).catch(() => undefined);
    await old?.close().catch(() => undefined);
    throw e;
  }
  try {
    if (old && opts.expected) {
      // a write that reached the old file between the check and the rename is not lost
      const after = await old.stat();
      if (after.size !== opts.expected.snapshot.size || after.mtimeMs !== opts.expected.snapshot.mtimeMs) {
        const conflict = `${target}.reportlint-conflict-${Date.now()}`;
        const bytes = await old.readFile();
        const out = await open(conflict, 'wx', mode);
        try {
          await out.writeFile(bytes);
          await out.sync();
        } finally {
          await out.close();
        }
        throw new ChangedError(`another program wrote to the file while the fixes were being written; its version is saved as ${conflict}`);
      }
    }
  } finally {
    await old?.close().catch(() => undefined);
  }
  // the rename itself is durable once the folder is synced
  try {
    const d = await open(dir, constants.O_RDONLY);
    await d.sync().catch(() => undefined);
    await d.close();
  } catch {
    // not every system can open a folder
  }
  return { target, viaSymlink, splitLinks };
}

/**
 * Makes sure an output path can be written before any work is done: its folder is created, and a
 * path that is a folder, or under something that is not one, is an Error whose message says so.
 */
export async function prepareOutputPath(path: string, cwd: string): Promise<void> {
  const abs = resolve(cwd, path);
  const shown = (p: string): string => (isAbsolute(path) ? p : relative(cwd, p) || p);
  const st = await stat(abs).catch(() => undefined);
  if (st?.isDirectory()) throw new Error('it is a folder');
  try {
    await mkdir(dirname(abs), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      // the nearest ancestor that exists is not a folder
      let p = dirname(abs);
      while (p !== dirname(p)) {
        const s = await stat(p).catch(() => undefined);
        if (s) {
          if (!s.isDirectory()) throw new Error(`${shown(p)} is not a folder`);
          break;
        }
        p = dirname(p);
      }
    }
    throw new Error(code === 'EACCES' ? `permission denied creating ${shown(dirname(abs))}` : (e as Error).message);
  }
}

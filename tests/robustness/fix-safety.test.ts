// --fix never loses a byte someone else wrote: the file is checked unchanged (size, mtime,
// content hash) just before the atomic rename and is not written when it changed; a write that
// lands in the old file during the rename itself is saved beside it. Mode and owner are kept,
// read-only and hard-linked files are refused unless --force, a symlink's target is written and
// the user told so, and stale temporary files of an earlier killed run are removed.

import { appendFileSync, chmodSync, chownSync, copyFileSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/cli/config.js';
import { writeFixed } from '../../src/cli/fix.js';
import { lintInput } from '../../src/cli/lint-file.js';
import { ChangedError } from '../../src/cli/safe-write.js';
import { rules } from '../../src/rules/index.js';
import { EXAMPLE, run, start, tmp } from './helpers.js';

const original = readFileSync(EXAMPLE, 'utf8');

function fixture(name = 'report.txt'): { dir: string; file: string } {
  const dir = tmp();
  const file = join(dir, name);
  copyFileSync(EXAMPLE, file);
  return { dir, file };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a file changed by another program during --fix', () => {
  it('lines appended while --fix runs are never lost (the fix is not written; exit 2)', async () => {
    // a large report so linting takes a while; another program appends to it all the time
    const { dir, file } = fixture();
    writeFileSync(file, original.repeat(12));
    const job = start(['--fix', file], { timeout: 60_000 });
    let exited = false;
    let n = 0;
    const markers: string[] = [];
    void job.done.then(() => (exited = true));
    while (!exited) {
      const m = `[[appended ${n++}]]`;
      appendFileSync(file, `${m}\n`);
      markers.push(m);
      await sleep(3);
    }
    const r = await job.done;
    const kept = [readFileSync(file, 'utf8'), ...readdirSync(dir).filter((f) => f.includes('.reportlint-conflict')).map((f) => readFileSync(join(dir, f), 'utf8'))].join('\n');
    const lost = markers.filter((m) => !kept.includes(m));
    expect(lost).toEqual([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: not fixed: the file changed while it was being linted (another program wrote to it); run --fix again\n`);
  }, 90_000);

  // the same check in process, with the change made exactly between reading and writing
  async function readForFix(file: string) {
    const fc = new ConfigResolver(rules, dirname(file)).resolve(file);
    const linted = await lintInput({ path: file }, () => undefined, fc, { lang: 'en' }, { fix: true });
    expect(linted.fixed).toBeDefined();
    return { linted, write: () => writeFixed(linted.doc!, linted.fixed!, { expected: { snapshot: linted.snapshot!, hash: linted.hash! } }) };
  }

  it('a file replaced (renamed over) between reading and writing is not overwritten', async () => {
    const { file } = fixture();
    const { write } = await readForFix(file);
    writeFileSync(`${file}.new`, 'Nội dung mới do người khác lưu.\n');
    renameSync(`${file}.new`, file);
    await expect(write()).rejects.toThrow(ChangedError);
    expect(readFileSync(file, 'utf8')).toBe('Nội dung mới do người khác lưu.\n');
  });

  it('a change that keeps the size and the mtime is caught by the content hash', async () => {
    const { file } = fixture();
    const { write } = await readForFix(file);
    const before = statSync(file);
    const changed = original.replace('Tỉnh', 'TỈNH');
    expect(Buffer.byteLength(changed)).toBe(before.size);
    writeFileSync(file, changed);
    utimesSync(file, before.atime, before.mtime);
    await expect(write()).rejects.toThrow(ChangedError);
    expect(readFileSync(file, 'utf8')).toBe(changed);
  });

  it('an unchanged file is written', async () => {
    const { file } = fixture();
    const { linted, write } = await readForFix(file);
    await write();
    expect(readFileSync(file, 'utf8')).toBe(linted.fixed);
  });
});

describe('what --fix keeps and refuses', () => {
  it('keeps the mode and the owner', () => {
    const { file } = fixture();
    chmodSync(file, 0o640);
    chownSync(file, 1234, 2345);
    const r = run(['--fix', file]);
    expect(r.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).not.toBe(original);
    const st = statSync(file);
    expect([st.mode & 0o7777, st.uid, st.gid]).toEqual([0o640, 1234, 2345]);
  });

  it('refuses a read-only file unless --force, and keeps it read-only when forced', () => {
    const { file } = fixture();
    chmodSync(file, 0o444);
    const r = run(['--fix', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: not fixed: the file is read-only (use --force to fix it anyway)\n`);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const forced = run(['--fix', '--force', file]);
    expect(forced.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).not.toBe(original);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('refuses a file with other hard links unless --force (which says the links are split)', () => {
    const { dir, file } = fixture();
    const other = join(dir, 'other-name.txt');
    linkSync(file, other);
    const r = run(['--fix', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: not fixed: the file has 2 hard links; writing it would split them (use --force to fix this name only)\n`);
    expect(readFileSync(other, 'utf8')).toBe(original);
    expect(statSync(file).ino).toBe(statSync(other).ino);
    const forced = run(['--fix', '--force', file]);
    expect(forced.stderr).toBe(`${file}: fixed this name only; its other hard link keeps the old text\n`);
    expect(readFileSync(file, 'utf8')).not.toBe(original);
    expect(readFileSync(other, 'utf8')).toBe(original);
  });

  it('a symlink: its target is fixed, the link stays a link, and stderr says so', () => {
    const { dir, file } = fixture('target.txt');
    const link = join(dir, 'link.txt');
    symlinkSync('target.txt', link);
    const r = run(['--fix', link]);
    expect(r.stderr).toBe(`${link}: a symbolic link; fixed its target ${file}\n`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toBe(original);
  });

  it('removes its own stale temporary files (from a killed run), not live ones or others', () => {
    const { dir, file } = fixture();
    const stale = join(dir, '.report.txt.99999999.1700000000000.tmp');
    const staleNew = join(dir, '.report.txt.reportlint-99999999-abcdef.tmp');
    const live = join(dir, `.report.txt.reportlint-${process.pid}-abcdef.tmp`);
    const foreign = join(dir, '.report.txt.swp');
    for (const p of [stale, staleNew, live, foreign]) writeFileSync(p, 'half a file');
    const r = run(['--fix', file]);
    expect(r.stderr).toBe('');
    expect([stale, staleNew, live, foreign].map(existsSync)).toEqual([false, false, true, true]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')).sort()).toEqual([`.report.txt.reportlint-${process.pid}-abcdef.tmp`]);
  });
});

describe('memory', () => {
  it('--fix on a 4.9 MB report stays within a few copies of the analysis (peak RSS under 900 MB)', () => {
    const { file } = fixture();
    const copies = Math.ceil((4.9 * 1024 * 1024) / Buffer.byteLength(original));
    writeFileSync(file, original.repeat(copies));
    const r = spawnTimed(['--fix', file]);
    expect([0, 1]).toContain(r.code);
    expect(r.rssMb).toBeLessThan(900);
  }, 240_000);
});

import { spawnSync } from 'node:child_process';
import { BIN, env } from './helpers.js';

function spawnTimed(args: string[]): { code: number | null; rssMb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { encoding: 'utf8', env: env(), timeout: 230_000 });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { code: r.status, rssMb: kb / 1024 };
}

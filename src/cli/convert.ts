// .doc, .rtf and .xls through LibreOffice: when `soffice` is on the PATH (or REPORTLINT_SOFFICE
// names it), the file is converted headless to .docx/.xlsx in a temporary folder with its own
// throw-away profile (-env:UserInstallation, so a running LibreOffice is never touched and two
// runs never share a profile), under a time limit that kills the whole process group, and the
// folder is removed afterwards. The converted bytes are then read as .docx/.xlsx and reported
// under the original file name and format. Without LibreOffice: one line saying how to get it.
// Conversion is I/O, so it lives here; src/parse raises ConversionNeeded and stays pure.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document } from '../parse/document.js';
import { CONVERTED_NAMES, ConversionNeeded, parseBytes, type ParseOptions } from '../parse/index.js';
import './pdfjs-node.js'; // pdf.js is loaded with a guard against the rejections it leaves unhandled

/** Default time limit of one conversion. */
export const CONVERT_TIMEOUT_MS = 120_000;

export class ConvertError extends Error {}

const INSTALL_HINT =
  'install LibreOffice to read it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui; macOS: brew install --cask libreoffice; Windows: libreoffice.org), or set REPORTLINT_SOFFICE to its soffice program';

const FILTERS: Record<'doc' | 'rtf' | 'xls', { input: string; output: string; ext: string }> = {
  doc: { input: 'MS Word 97', output: 'docx:MS Word 2007 XML', ext: 'docx' },
  rtf: { input: 'Rich Text Format', output: 'docx:MS Word 2007 XML', ext: 'docx' },
  xls: { input: 'MS Excel 97', output: 'xlsx:Calc MS Excel 2007 XML', ext: 'xlsx' },
};

let found: string | null | undefined;

/** The soffice program: REPORTLINT_SOFFICE, else `soffice` (or `libreoffice`) on the PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.REPORTLINT_SOFFICE) return existsSync(env.REPORTLINT_SOFFICE) ? env.REPORTLINT_SOFFICE : undefined;
  if (found !== undefined && env === process.env) return found ?? undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  if (process.platform === 'darwin') dirs.push('/Applications/LibreOffice.app/Contents/MacOS');
  if (process.platform === 'win32') dirs.push('C:\\Program Files\\LibreOffice\\program');
  let hit: string | undefined;
  for (const d of dirs) {
    for (const n of names) {
      const p = join(d, n);
      if (existsSync(p)) {
        hit = p;
        break;
      }
    }
    if (hit) break;
  }
  if (env === process.env) found = hit ?? null;
  return hit;
}

/** Converts `bytes` (a .doc, .rtf or .xls) with LibreOffice; returns the .docx/.xlsx bytes. */
export async function convertWithLibreOffice(bytes: Uint8Array, from: 'doc' | 'rtf' | 'xls', opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Uint8Array> {
  const soffice = findSoffice(opts.env);
  if (!soffice) throw new ConvertError(`${CONVERTED_NAMES[from]}: ${INSTALL_HINT}, or save it as ${from === 'xls' ? '.xlsx' : '.docx'}`);
  const f = FILTERS[from];
  const dir = await mkdtemp(join(tmpdir(), 'reportlint-lo-'));
  try {
    const input = join(dir, `input.${from}`);
    const outdir = join(dir, 'out');
    await writeFile(input, bytes);
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--invisible', '--norestore', '--nologo', '--nolockcheck', `--infilter=${f.input}`, '--convert-to', f.output, '--outdir', outdir, input];
    const timeoutMs = opts.timeoutMs ?? CONVERT_TIMEOUT_MS;
    const { code, stderr, timedOut } = await run(soffice, args, timeoutMs);
    if (timedOut) throw new ConvertError(`LibreOffice did not convert ${CONVERTED_NAMES[from]} within ${Math.round(timeoutMs / 1000)} s`);
    const out = (await readdir(outdir).catch(() => [] as string[])).find((n) => n.toLowerCase().endsWith(`.${f.ext}`));
    if (!out) {
      const why = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/javaldx|^Warning/i.test(l)).slice(-1)[0];
      throw new ConvertError(`LibreOffice could not convert ${CONVERTED_NAMES[from]} (damaged or not what its content says${why ? `: ${why}` : code ? `; exit ${code}` : ''})`);
    }
    return new Uint8Array(await readFile(join(outdir, out)));
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    // its own process group, so a timeout ends soffice.bin as well as the launcher
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32', env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } });
    let stderr = '';
    let timedOut = false;
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4096) stderr += d.toString();
    });
    const kill = (): void => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: -1, stderr: e.message, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) kill();
      resolve({ code, stderr, timedOut });
    });
  });
}

/** parseBytes, converting through LibreOffice when the file needs it. */
export async function parseFile(bytes: Uint8Array, path: string, opts: ParseOptions & { convertTimeoutMs?: number } = {}): Promise<Document> {
  try {
    return await parseBytes(bytes, path, opts);
  } catch (e) {
    if (!(e instanceof ConversionNeeded)) throw e;
    const converted = await convertWithLibreOffice(bytes, e.from, { timeoutMs: opts.convertTimeoutMs });
    return parseBytes(converted, path, { ...opts, converted: e.from });
  }
}

/** Whether LibreOffice is usable here (for tests and --debug). */
export function hasLibreOffice(): boolean {
  const s = findSoffice();
  return !!s && spawnSync(s, ['--version'], { timeout: 60_000 }).status === 0;
}

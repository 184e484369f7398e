// Seed files for the file fuzzer: the Word fixtures, LibreOffice conversions (.docx and .pdf) of
// reports from ../shared/corpus/real (made once, cached in node_modules/.cache/reportlint-fuzz),
// and generated PDFs. LibreOffice runs with a private profile, so it never meets another
// soffice on the machine; when it is absent the fuzzer uses the other seeds and says so.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writePdf } from './pdf-writer.js';

const ROOT = resolve(__dirname, '../../..');
const CACHE = join(ROOT, 'node_modules/.cache/reportlint-fuzz/seeds');
const CORPUS = resolve(ROOT, '../shared/corpus/real');

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

export interface Seeds {
  docx: Seed[];
  pdf: Seed[];
  notes: string[];
}

/** Up to `n` corpus reports, spread over the sorted list (Vietnamese and English). */
function corpusFiles(n: number): string[] {
  const out: string[] = [];
  for (const lang of ['vi', 'en']) {
    const dir = join(CORPUS, lang);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    const step = Math.max(1, Math.floor(files.length / Math.ceil(n / 2)));
    for (let i = 0; i < files.length && out.length < (lang === 'vi' ? Math.ceil(n / 2) : n); i += step) out.push(join(dir, files[i]));
  }
  return out;
}

function convert(files: string[], to: 'docx' | 'pdf', notes: string[]): void {
  const want = files.filter((f) => !existsSync(join(CACHE, f.split('/').pop()!.replace(/\.txt$/, `.${to}`))));
  if (!want.length) return;
  const profile = mkdtempSync(join(tmpdir(), 'rl-soffice-'));
  try {
    const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', to === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf', '--outdir', CACHE, ...want], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (r.status !== 0) notes.push(`LibreOffice could not convert to .${to} (${(r.stderr || r.error?.message || '').trim().split('\n')[0]})`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function loadSeeds(opts: { libreoffice: boolean; corpus: number }): Seeds {
  const notes: string[] = [];
  const docx: Seed[] = [];
  const pdf: Seed[] = [];
  const fixtures = join(ROOT, 'fixtures/docx');
  for (const f of readdirSync(fixtures).filter((n) => n.endsWith('.docx')).sort()) docx.push({ name: `fixtures/docx/${f}`, bytes: readFileSync(join(fixtures, f)) });
  if (opts.libreoffice) {
    const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (soffice.status !== 0) notes.push('LibreOffice (soffice) not found: no corpus conversions');
    else {
      mkdirSync(CACHE, { recursive: true });
      const files = corpusFiles(opts.corpus);
      if (!files.length) notes.push(`no corpus at ${CORPUS}: no conversions`);
      convert(files, 'docx', notes);
      convert(files, 'pdf', notes);
      for (const f of files) {
        const base = f.split('/').pop()!.replace(/\.txt$/, '');
        for (const [ext, list] of [['docx', docx], ['pdf', pdf]] as const) {
          const p = join(CACHE, `${base}.${ext}`);
          if (existsSync(p)) list.push({ name: `corpus/${base}.${ext}`, bytes: readFileSync(p) });
        }
      }
    }
  }
  pdf.push({ name: 'generated/plain-3-pages.pdf', bytes: writePdf({ pages: [['BAO CAO SO 1', 'Tong so 120 ho, trong do 45 ho ngheo.'], ['1. Ket qua'], ['a) Kinh te']] }) });
  pdf.push({ name: 'generated/plain-1-page.pdf', bytes: writePdf({ pages: [['Thong bao so 164-TB/TU ngay 19/01/2026.']] }) });
  return { docx, pdf, notes };
}

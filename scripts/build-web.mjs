// Builds dist/reportlint.html: the reviewer's page as ONE self-contained file (no server, no
// network): esbuild bundles src/web/main.ts (engine, rules, readers, data, pdf.js) for the
// browser, and the bundle, pdf.js's worker (as text, started from a blob URL) and the report's
// CSS/JS are inlined into src/web/page.html. `platform: 'browser'` makes any node:* import in
// the engine a build error: the file system stays in the CLI and the LSP server.
// Usage: node scripts/build-web.mjs [--metafile out.json]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const pdfDir = dirname(require.resolve('pdfjs-dist/package.json'));

// pdf.js (browser build) and its worker as text: the page imports them from blob URLs when a PDF is dropped
const SOURCES = { 'pdf-source': 'build/pdf.min.mjs', 'pdf-worker-source': 'build/pdf.worker.min.mjs' };
const pdfText = {
  name: 'pdf-sources',
  setup(b) {
    b.onResolve({ filter: /^virtual:pdf-(worker-)?source$/ }, (a) => ({ path: a.path.slice('virtual:'.length), namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, (a) => ({ contents: readFileSync(join(pdfDir, SOURCES[a.path]), 'utf8'), loader: 'text' }));
  },
};

const result = await build({
  entryPoints: [join(root, 'src/web/main.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome110', 'firefox115', 'safari16'],
  minify: true,
  legalComments: 'none',
  write: false,
  metafile: true,
  logLevel: 'warning',
  // the engine's default loader imports pdf.js's Node build; the page replaces it (src/web/main.ts)
  external: ['pdfjs-dist/legacy/build/pdf.mjs'],
  plugins: [pdfText],
});

const app = result.outputFiles[0].text;
const inline = (js) => js.replace(/<\/(script)/gi, '<\\/$1'); // safe in strings, templates and comments alike
const { REPORT_CSS, REPORT_JS } = await import(join(root, 'dist/format/html.js'));
const { VERSION } = await import(join(root, 'dist/version.js'));
const template = readFileSync(join(root, 'src/web/page.html'), 'utf8');
const parts = { VERSION, REPORT_CSS, REPORT_JS: inline(REPORT_JS), APP_JS: inline(app) };
const page = template.replace(/\{\{(VERSION|REPORT_CSS|REPORT_JS|APP_JS)\}\}/g, (_, k) => parts[k]);
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/reportlint.html'), page);
const i = process.argv.indexOf('--metafile');
if (i > 0) writeFileSync(process.argv[i + 1], JSON.stringify(result.metafile));
console.log(`dist/reportlint.html: ${(page.length / 1024 / 1024).toFixed(2)} MB (bundle ${(app.length / 1024).toFixed(0)} KB)`);

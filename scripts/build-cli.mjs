// Bundles the command line for a fast start: esbuild joins dist/cli/main.js (tsc's output) and the
// modules it imports (commander, chalk, zod, ...) into dist/bundle/main.js, which bin/reportlint.js
// loads. One file instead of ~400 ES modules: Node resolves, reads and links one module before the
// first line is read. What only some runs need stays behind a dynamic import and becomes a chunk of
// its own, loaded when used (the language server, Office and PDF readers, the diff of
// --fix-dry-run, the formats not chosen, ...). The worker threads' entries (--jobs, the language
// server's linting thread) are bundled too, next to main.js, so `new URL('./worker.js',
// import.meta.url)` finds them. pdf.js and tinypool stay outside: both find their own files next to
// themselves (pdf.js's stack frames are also how its unhandled rejections are recognised).
// Usage: node scripts/build-cli.mjs [--metafile out.json]

import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const outdir = join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });

const common = {
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['pdfjs-dist', 'tinypool'],
  // CommonJS dependencies (commander, fast-glob, the LSP stack) call require() for Node's modules
  banner: { js: "import { createRequire as __reportlintRequire } from 'node:module'; const require = __reportlintRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  // less text for V8 to pre-parse at start; names are kept, so stack traces (--debug) stay readable
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: false,
  metafile: true,
  logLevel: 'warning',
};
// the CLI: its dynamic imports become chunks
const result = await build({ ...common, entryPoints: { main: join(root, 'dist/cli/main.js') }, splitting: true });
// the threads: one self-contained file each (started once per thread)
await build({ ...common, entryPoints: { worker: join(root, 'dist/cli/worker.js'), 'lint-worker': join(root, 'dist/lsp/lint-worker.js') } });

const i = process.argv.indexOf('--metafile');
if (i >= 0) writeFileSync(process.argv[i + 1], JSON.stringify(result.metafile));
const outs = Object.entries(result.metafile.outputs).filter(([p]) => p.endsWith('.js'));
const main = outs.find(([p]) => p.endsWith('bundle/main.js'));
console.log(`dist/bundle: ${outs.length} files, main.js ${(main[1].bytes / 1024).toFixed(0)} KB`);

// Bundles the command line for a fast start: esbuild joins dist/cli/main.js (tsc's output) and the
// modules it imports (commander, chalk, zod, ...) into dist/bundle/main.js, which bin/reportlint.js
// loads. One file instead of ~400 ES modules: Node resolves, reads and links one module before the
// first line is read. What only some runs need stays behind a dynamic import and becomes a chunk of
// its own, loaded when used (the language server, Office and PDF readers, the diff of
// --fix-dry-run, the formats not chosen, ...). The worker threads' entries (--jobs, the language
// server's linting thread) are bundled too, next to main.js, so `new URL('./worker.js',
// import.meta.url)` finds them. pdf.js and tinypool stay outside: both find their own files next to
// themselves (pdf.js's stack frames are also how its unhandled rejections are recognised).
// The command line is also bundled as one CommonJS file, dist/bundle/main.cjs (dynamic imports
// inlined, still evaluated only when used), which bin/reportlint.js compiles with a V8 code cache:
// this script lints the example through bin/reportlint.js once and keeps the bytecode of every
// function that run compiled (main.cjs.cache; see bin/reportlint.js). The ES module bundle stays
// for a Node that cannot run it that way.
// Usage: node scripts/build-cli.mjs [--metafile out.json]

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// the CommonJS bundle for the code cache: import.meta.url is the loader's sixth argument (a banner
// would come before esbuild's "use strict" and leave the bundle sloppy)
await build({
  ...common,
  banner: undefined,
  format: 'cjs',
  entryPoints: { main: join(root, 'dist/cli/main.js') },
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__reportlintUrl' },
  metafile: false,
});
const cjsFile = join(outdir, 'main.cjs');
// import() in a vm.Script needs the main context's loader (experimental in Node 20, with a warning
// on stderr, and lost on a script compiled from a code cache): the externals are imported through
// the loader's own import(), its seventh argument
const cjs = readFileSync(cjsFile, 'utf8').replace(/(?<![\w$.])import\((?=["'](?:pdfjs-dist|tinypool)[/"'])/g, '__reportlintImport(');
const left = cjs.match(/(?<![\w$.])import\(.{0,60}/);
if (left) throw new Error(`main.cjs: an import() the loader does not serve: ${left[0]}`);
writeFileSync(cjsFile, `${cjs.replace(/\n*$/, '\n')}//reportlint-build:${createHash('sha256').update(cjs).digest('hex').slice(0, 32)}`);
const cached = spawnSync(process.execPath, [join(root, 'bin/reportlint.js'), 'fixtures/example/bao-cao-164-TB-TU.txt'], {
  cwd: root,
  env: { ...process.env, NO_COLOR: '1', REPORTLINT_WRITE_CODE_CACHE: `${cjsFile}.cache` },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (cached.status !== 1) throw new Error(`linting the example for the code cache: exit ${cached.status} (expected 1, its findings)`);

const i = process.argv.indexOf('--metafile');
if (i >= 0) writeFileSync(process.argv[i + 1], JSON.stringify(result.metafile));
const outs = Object.entries(result.metafile.outputs).filter(([p]) => p.endsWith('.js'));
const main = outs.find(([p]) => p.endsWith('bundle/main.js'));
console.log(`dist/bundle: ${outs.length} files, main.js ${(main[1].bytes / 1024).toFixed(0)} KB; main.cjs ${(cjs.length / 1024).toFixed(0)} KB with a code cache`);

#!/usr/bin/env node
// Starts the command line from dist/bundle/main.cjs, compiled with the V8 code cache that
// scripts/build-cli.mjs wrote next to it (main.cjs.cache: the bytecode of the functions linting the
// example used, so a run compiles almost nothing). Node 20 has no compile cache for ES modules
// (module.enableCompileCache is Node 22), hence a CommonJS bundle run through vm.Script. V8 checks
// the cache against its own version and flags and rejects it when they differ (the run is then only
// slower); the first line of the cache file names the bundle it was made from, so a stale cache is
// never used. The bundle's import() of pdf.js and tinypool (ES modules outside it) is this file's
// import(), handed in. Without main.cjs the ES module bundle dist/bundle/main.js is loaded instead.
// Regular expressions are compiled to machine code on their first use instead of being interpreted
// once first (V8's regexp tier-up): faster on every input measured, and part of the flags the code
// cache was made with, so it is set before anything is compiled.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--no-regexp-tier-up');

const bundleDir = join(dirname(fileURLToPath(import.meta.url)), '../dist/bundle');

function loadCommonJs() {
  const file = join(bundleDir, 'main.cjs');
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // the build id is the bundle's last line (`//reportlint-build:<hex>`); the cache's first line repeats it
  const id = source.slice(source.lastIndexOf('\n') + 1);
  let cachedData;
  try {
    const cache = readFileSync(`${file}.cache`);
    const nl = cache.indexOf(10);
    if (nl > 0 && cache.toString('latin1', 0, nl) === id) cachedData = cache.subarray(nl + 1);
  } catch {
    // no cache: compiled as usual
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __reportlintUrl, __reportlintImport) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, bundleDir, pathToFileURL(file).href, (specifier) => import(specifier));
  return { main: module.exports.main, script, id };
}

const cjs = loadCommonJs();
const { main } = cjs ?? (await import('../dist/bundle/main.js'));

main(process.argv.slice(2)).then(
  (code) => {
    // the build (scripts/build-cli.mjs) lints the example this way to make the code cache
    const out = process.env.REPORTLINT_WRITE_CODE_CACHE;
    if (out && cjs) writeFileSync(out, Buffer.concat([Buffer.from(`${cjs.id}\n`, 'latin1'), cjs.script.createCachedData()]));
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`reportlint: internal error: ${err && err.message ? err.message : err}\n`);
    if (process.argv.includes('--debug') && err && err.stack) process.stderr.write(err.stack + '\n');
    process.exitCode = 2;
  },
);

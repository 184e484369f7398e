// The floor as a process of its own, for whole-process comparisons (paired runs against
// bin/reportlint.js): read every file of the given directories or files, decode UTF-8 (fatal),
// NFC, split lines; what no linter of these files can go below here. Prints MB, lines and the
// in-process time. Usage: node bench/floor.mjs <dir|file>...

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(p, out) {
  if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e), out);
  else out.push(p);
  return out;
}
const files = process.argv.slice(2).flatMap((p) => walk(p, []));
const t = performance.now();
const dec = new TextDecoder('utf-8', { fatal: true });
let bytes = 0;
let lines = 0;
for (const f of files) {
  const buf = readFileSync(f);
  bytes += buf.length;
  let text;
  try {
    text = dec.decode(buf);
  } catch {
    continue; // not UTF-8: the linter reports it and reads no further either
  }
  lines += text.normalize('NFC').split(/\r\n|\r|\n/).length;
}
const ms = performance.now() - t;
console.log(JSON.stringify({ files: files.length, mb: bytes / 1e6, lines, ms, mbps: bytes / 1e6 / (ms / 1000) }));

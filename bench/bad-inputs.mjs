// Runs the CLI on each hostile or broken input once, in its own process, and prints its exit
// code, wall time, peak memory (max RSS) and first line of stderr: the table in the robustness
// notes. Usage: node bench/bad-inputs.mjs [--big] (the 50 MB case only with --big).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'rl-bad-'));
const big = process.argv.includes('--big');

const cases = [
  ['empty file', 'empty.txt', ''],
  ['only white space', 'ws.txt', ' \n\t\n\r\n   \n'],
  ['PNG named .txt', 'png.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
  ['PDF named .txt', 'pdf.txt', Buffer.concat([Buffer.from('%PDF-1.4\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]), Buffer.from('1 0 obj\n<< /Length 0 >>\nstream\n'), Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])])],
  ['invalid UTF-8', 'bad-utf8.txt', Buffer.from([0x41, 0xc3, 0x28, 0x42])],
  ['UTF-16 LE without BOM', 'u16.txt', Buffer.from('Báo cáo số liệu\n', 'utf16le')],
  ['lone surrogate (CESU-8 bytes)', 'surrogate.txt', Buffer.from([0x41, 0xed, 0xa0, 0x80, 0x42])],
  ['NUL bytes', 'nul.txt', Buffer.from([0x41, 0x00, 0x42])],
  ['CR-only line endings', 'cr.txt', 'Dòng một; trách\r\rnhiệm dòng hai.\r'],
  ['mixed NFC/NFD', 'nfd.txt', `${'Diễn Châu'.normalize('NFD')} và Diễn Châu.\n`],
  ['a single 10 MB line', 'line10mb.txt', 'Báo cáo kết quả thực hiện nhiệm vụ năm 2025, '.repeat(230_000)],
  ['100,000 blank lines', 'blank.txt', '\n'.repeat(100_000)],
  ['10,000 nested list levels', 'nested.txt', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}- mục ${i}`).join('\n')],
  ['100,000 numbers in one paragraph', 'numbers.txt', `Tổng số ${Array.from({ length: 100_000 }, (_, i) => `${i}.${String(i % 1000).padStart(3, '0')},5`).join(', ')} triệu đồng.`],
  ['a number with 10,000 digits', 'digits.txt', `Tổng kinh phí là ${'9'.repeat(10_000)} đồng, trong đó: 1 đồng.`],
  ['1.1.1.1... × 10,000', 'outline.txt', `${'1.'.repeat(10_000)} Nội dung\n`],
  ['dates like 99/99/9999', 'dates.txt', 'Ngày 99/99/9999 và 00/00/0000, 31/02/2026, 29/02/2025.\n'],
  ['regex bait (digits, dots, separators)', 'bait.txt', '1'.repeat(50_000) + '.'.repeat(50_000) + ',1'.repeat(20_000) + '/'.repeat(20_000) + '-TB'.repeat(10_000)],
];
const unit = 'Báo cáo số liệu năm 2025 đạt 72,7%.\n';
if (big) cases.push(['a 50 MB text file', 'big50.txt', unit.repeat(Math.floor((50 * 1024 * 1024) / Buffer.byteLength(unit)))]);

const rows = [];
function run(label, args) {
  const t = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'bin/reportlint.js'), '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Date.now() - t;
  const lines = r.stderr.trim().split('\n');
  const rssKb = Number(lines.pop());
  const msg = lines[0] ?? '';
  let findings = '';
  try {
    findings = String(JSON.parse(r.stdout).files.reduce((n, f) => n + f.findings.length, 0));
  } catch {
    findings = '-';
  }
  rows.push([label, r.status, ms, (rssKb / 1024).toFixed(0), findings, msg.replace(dir, '…').slice(0, 110)]);
}

for (const [label, name, content] of cases) {
  const p = join(dir, name);
  writeFileSync(p, content);
  run(label, [p]);
}
run('nonexistent path', [join(dir, 'missing.txt')]);
mkdirSync(join(dir, 'emptydir'));
run('a directory with no reports', [join(dir, 'emptydir')]);
const docxDir = join(root, 'fixtures/docx');
if (existsSync(docxDir)) {
  for (const f of readdirSync(docxDir).filter((n) => /bomb|truncat|encrypt|doc-renamed|renamed|xxe|entity|laughs|damaged|password/i.test(n)).sort()) run(`docx: ${f}`, [join(docxDir, f)]);
}

console.log('| input | exit | ms | peak RSS MB | findings | stderr (first line) |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

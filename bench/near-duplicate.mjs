// Benchmark of the near-duplicate path (src/facts/paragraphs.ts): a deterministic 5 MB plain-text
// document of 20,000 paragraphs, 1 % of them exact copies and 1 % near copies of earlier ones,
// plus an adversarial one (20,000 paragraphs differing only in their last word, so every
// paragraph is a near repeat of every other and all share the same frequent shingles). Run `npm run build` first:
//   node bench/near-duplicate.mjs
// Prints the time to parse and the time of the near-duplicate index alone (best of 5 runs, wall
// clock and CPU).

import { performance } from 'node:perf_hooks';
import { parseText } from '../dist/parse/index.js';
import { indexParagraphs } from '../dist/facts/paragraphs.js';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = (
  'công tác quản lý đầu tư vốn ngân sách kế hoạch thực hiện nhiệm vụ cán bộ xã phường tỉnh huyện ' +
  'kết quả hạn chế khuyết điểm giải ngân tiến độ dự án chuyển đổi số hành chính thủ tục hồ sơ ' +
  'đất đai giải phóng mặt bằng thiên tai khắc phục hậu quả tuyên truyền vận động nhân dân chính quyền ' +
  'the office review plan budget report staff program agency federal data analysis'
).split(' ');

function paragraph(r, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(SYLLABLES[Math.floor(r() * SYLLABLES.length)] + (r() < 0.3 ? String(Math.floor(r() * 90) + 10) : ''));
  return '- ' + out.join(' ') + '.';
}

function makeDocument(seed, count, targetBytes) {
  const r = rng(seed);
  const paras = [];
  const avgWords = Math.round(targetBytes / count / 6.2);
  for (let i = 0; i < count; i++) {
    const roll = r();
    if (i > 10 && roll < 0.01) paras.push(paras[Math.floor(r() * i)]);
    else if (i > 10 && roll < 0.02) {
      // a near copy: the last word changed (one shingle of ~40 differs: Jaccard ~0.95)
      const w = paras[Math.floor(r() * i)].split(' ');
      w[w.length - 1] = 'khác.';
      paras.push(w.join(' '));
    } else paras.push(paragraph(r, avgWords - 5 + Math.floor(r() * 10)));
  }
  return paras.join('\n\n') + '\n';
}

function adversarial(count) {
  const base = paragraph(rng(7), 40).split(' ');
  const paras = [];
  for (let i = 0; i < count; i++) {
    const w = base.slice();
    w[w.length - 1] = `từ${String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26), 97 + (Math.floor(i / 676) % 26))}.`;
    paras.push(w.join(' '));
  }
  return paras.join('\n\n') + '\n';
}

/** Best of `runs`: wall-clock and CPU time (the CPU time is what to read on a busy machine). */
function time(fn, runs = 5) {
  let best = Infinity;
  let cpu = Infinity;
  let value;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    value = fn();
    const used = process.cpuUsage(c);
    best = Math.min(best, performance.now() - t);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return { ms: best, cpu, value };
}

for (const [name, text] of [
  ['random 20,000 paragraphs', makeDocument(42, 20000, 5 * 1024 * 1024)],
  ['adversarial 20,000 near copies', adversarial(20000)],
]) {
  const bytes = Buffer.byteLength(text, 'utf8');
  const parse = time(() => parseText(text, 'bench.txt'), 3);
  const doc = parse.value;
  const near = time(() => indexParagraphs(doc));
  const idx = near.value;
  console.log(
    `${name}: ${(bytes / 1024 / 1024).toFixed(2)} MB, ${idx.units.length} paragraphs; parse ${parse.ms.toFixed(0)} ms; ` +
      `near-duplicate index ${near.ms.toFixed(0)} ms wall, ${near.cpu.toFixed(0)} ms CPU (${idx.repeats.filter((x) => x.exact).length} exact, ${idx.repeats.filter((x) => !x.exact).length} near repeats)`,
  );
}

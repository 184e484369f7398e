// Deterministic benchmark corpus: realistic Vietnamese and English reports of 5-50 KB with
// numbered sections, bullet lists, breakdowns (mostly right, some wrong), citations, rates and
// tables. Same seed, same bytes. Usage: node bench/generate.mjs <dir> [files=1000] [seed=1]

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VI_PLACES = ['Diễn Châu', 'Diễn Thành', 'Phúc Thiêm', 'Nghi Lộc', 'Hưng Nguyên', 'Quỳnh Lưu', 'Yên Thành', 'Thanh Chương'];
const VI_TOPICS = [
  'cải cách hành chính', 'giải phóng mặt bằng', 'chuyển đổi số', 'quản lý tài sản công', 'giải ngân vốn đầu tư công',
  'phòng, chống thiên tai', 'xây dựng nông thôn mới', 'tiếp công dân và giải quyết đơn thư',
];
const VI_SENTENCES = [
  'Tăng cường công tác kiểm tra, giám sát việc thực thi nhiệm vụ của cán bộ, công chức, kịp thời chấn chỉnh những biểu hiện trì trệ, né tránh.',
  'Thường xuyên rà soát, tháo gỡ kịp thời các khó khăn, vướng mắc phát sinh trong quá trình thực hiện, nhất là về thủ tục đầu tư.',
  'Phân công rõ người, rõ việc, rõ trách nhiệm và thời gian hoàn thành; gắn kết quả thực hiện với đánh giá thi đua.',
  'Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong quản lý, điều hành và cung cấp dịch vụ công trực tuyến.',
  'Chủ động phối hợp với các đơn vị liên quan để kiểm tra, nâng cấp hạ tầng, bảo đảm phục vụ tốt yêu cầu xử lý công việc.',
  'Kinh phí đầu tư cho hạ tầng công nghệ thông tin còn khó khăn, chưa đủ để nâng cấp đồng bộ trang thiết bị và hệ thống mạng.',
];
const EN_SENTENCES = [
  'The agency has taken steps to strengthen oversight of the program, but several requirements remain unaddressed.',
  'Officials told us that staffing shortages and competing priorities delayed the implementation of the new procedures.',
  'We reviewed documentation, interviewed officials, and analyzed data on obligations and expenditures for fiscal years 2022 through 2024.',
  'Without complete and reliable information, decision makers lack a critical tool to identify fragmentation, overlap, and duplication.',
  'The department agreed with our recommendations and described actions it plans to take to address them.',
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

function viNum(n, decimals) {
  const [i, f] = n.toFixed(decimals).split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (f ? ',' + f : '');
}
function enNum(n, decimals) {
  const [i, f] = n.toFixed(decimals).split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : '');
}

function pick(r, xs) {
  return xs[Math.floor(r() * xs.length)];
}

function viReport(r, target) {
  const place = pick(r, VI_PLACES);
  const docNo = 100 + Math.floor(r() * 800);
  const out = [];
  out.push('BÁO CÁO', '', `Kết quả thực hiện nhiệm vụ trọng tâm theo Thông báo số ${docNo}-TB/TU ngày 19/01/2026 của Ban Thường vụ Tỉnh ủy`, '');
  out.push(`Thực hiện Thông báo số ${docNo}-TB/TU ngày 19/01/2026 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Đảng ủy xã ${place} báo cáo như sau:`, '');
  let size = out.join('\n').length;
  let sec = 0;
  while (size < target && sec < ROMAN.length) {
    out.push(`${ROMAN[sec]}. ${pick(r, VI_TOPICS).toUpperCase()}`, '');
    for (let k = 1; k <= 3 && size < target; k++) {
      out.push(`${k}. Công tác ${pick(r, VI_TOPICS)}`, '');
      for (let s = 0; s < 3; s++) out.push(`- ${pick(r, VI_SENTENCES)}`, '');
      const parts = [1 + r() * 20000, 1 + r() * 50000, 1 + r() * 30000].map((x) => Math.round(x * 1000) / 1000);
      let total = parts.reduce((a, b) => a + b, 0);
      if (r() < 0.1) total += 1000;
      out.push(`Lũy kế giải ngân vốn đến thời điểm báo cáo là ${viNum(total, 3)} triệu đồng, trong đó:`, '');
      parts.forEach((p, i) => out.push(`+ Nguồn vốn thứ ${i + 1} là ${viNum(p, 3)} triệu đồng.`, ''));
      const received = 20 + Math.floor(r() * 80);
      const resolved = Math.floor(received * (0.5 + r() * 0.5));
      out.push(`- Đã tiếp nhận ${received} đơn thư, đã giải quyết ${resolved} đơn, đạt ${viNum((resolved / received) * 100, 1)}%, còn ${received - resolved} đơn đang giải quyết.`, '');
      out.push(`- Đã ban hành Quyết định số ${10 + Math.floor(r() * 300)}/QĐ-UBND ngày ${1 + Math.floor(r() * 27)}/${1 + Math.floor(r() * 11)}/2025 của UBND xã ${place}.`, '');
      if (r() < 0.3) {
        out.push('Nội dung\tKế hoạch\tThực hiện');
        const rows = [1 + Math.floor(r() * 90), 1 + Math.floor(r() * 90), 1 + Math.floor(r() * 90)];
        rows.forEach((v, i) => out.push(`Hạng mục ${i + 1}\t${v + 10}\t${v}`));
        out.push(`Tổng cộng\t${rows.reduce((a, b) => a + b + 10, 0)}\t${rows.reduce((a, b) => a + b, 0)}`, '');
      }
      size = out.join('\n').length;
    }
    sec++;
  }
  out.push(`Trên đây là báo cáo của Ban Thường vụ Đảng ủy xã ${place} theo Thông báo số ${docNo}-TB/TU ngày 19/01/2026 của Ban Thường vụ Tỉnh ủy./.`);
  return out.join('\n') + '\n';
}

function enReport(r, target) {
  const out = [];
  out.push('Federal Programs: Agency Needs to Improve Oversight', '', 'What GAO Found', '');
  let size = 0;
  let sec = 1;
  while (size < target) {
    out.push(`${sec}. Findings on program area ${sec}`, '');
    for (let s = 0; s < 4; s++) out.push(pick(r, EN_SENTENCES), '');
    const parts = [1 + r() * 900, 1 + r() * 500, 1 + r() * 300].map((x) => Math.round(x * 10) / 10);
    const total = parts.reduce((a, b) => a + b, 0);
    out.push(`Total obligations were $${enNum(total, 1)} million, including:`, '');
    parts.forEach((p, i) => out.push(`- $${enNum(p, 1)} million for component ${i + 1};`, ''));
    const of = 20 + Math.floor(r() * 80);
    const a = Math.floor(of * r());
    out.push(`The agency resolved ${a} of ${of} cases (${enNum((a / of) * 100, 1)}%) and cited Executive Order 14028 of May 12, 2021.`, '');
    size = out.join('\n').length;
    sec++;
  }
  return out.join('\n') + '\n';
}

export function generate(dir, files = 1000, seed = 1, { minBytes = 5000, maxBytes = 50000 } = {}) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const target = minBytes + Math.floor(r() * (maxBytes - minBytes));
    const vi = r() < 0.7;
    const text = vi ? viReport(r, target) : enReport(r, target);
    const name = `${String(i).padStart(5, '0')}-${vi ? 'vi' : 'en'}.txt`;
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

/**
 * One large document of about `mb` megabytes (the memory bench's single file): a Vietnamese report
 * whose parts (PHẦN 1, PHẦN 2, ...) are each the body of a generated report, with an English part
 * every fourth time, so that sections, figures, citations and tables grow with the size.
 */
export function generateLarge(file, mb = 10, seed = 1) {
  const r = rng(seed);
  const out = ['BÁO CÁO TỔNG HỢP', '', 'Kết quả thực hiện các nhiệm vụ trọng tâm năm 2025', ''];
  let bytes = Buffer.byteLength(out.join('\n'));
  for (let part = 1; bytes < mb * 1e6; part++) {
    const body = (part % 4 === 0 ? enReport(r, 20000 + Math.floor(r() * 30000)) : viReport(r, 20000 + Math.floor(r() * 30000))).split('\n').slice(4).join('\n');
    const text = `PHẦN ${part}\n\n${body}`;
    out.push(text);
    bytes += Buffer.byteLength(text) + 1;
  }
  const text = out.join('\n');
  writeFileSync(file, text);
  return { bytes: Buffer.byteLength(text) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--large') {
    // node bench/generate.mjs --large <file> [mb=10] [seed=1]
    const [, file = 'bench/.large.txt', mb = '10', seed = '1'] = argv;
    const { bytes } = generateLarge(file, Number(mb), Number(seed));
    console.log(`${(bytes / 1e6).toFixed(1)} MB in ${file}`);
  } else {
    // node bench/generate.mjs <dir> [files=1000] [seed=1] [minBytes=5000] [maxBytes=50000]
    const [dir = 'bench/.corpus', n = '1000', seed = '1', min = '5000', max = '50000'] = argv;
    const { files, bytes } = generate(dir, Number(n), Number(seed), { minBytes: Number(min), maxBytes: Number(max) });
    console.log(`${files} files, ${(bytes / 1e6).toFixed(1)} MB in ${dir}`);
  }
}

// The reviewer's page (dist/reportlint.html): the same readers, pipeline, rules and report look
// as the CLI, bundled into one self-contained file that works offline from disk. Files dropped or
// picked are read in the browser, linted through `lintPipeline`, and shown with every finding
// highlighted in the text (the HTML report's sections); nothing leaves the page.

import { ConfigError, checkConfigRules, effectiveConfig, resolveRules, validateConfig, type Config } from '../engine/config.js';
import { lintPipeline } from '../engine/pipeline.js';
import type { FileResult, Lang } from '../engine/types.js';
import json from '../format/json.js';
import { reportSections } from '../format/html.js';
import { parseBytes } from '../parse/index.js';
import type { Document } from '../parse/document.js';
import { rules } from '../rules/index.js';
import { VERSION } from '../version.js';
import { annotatedDocx } from './annotate.js';

const WORDS = {
  vi: {
    title: 'Kiểm tra báo cáo',
    drop: 'Thả tệp báo cáo vào đây',
    or: 'hoặc',
    pick: 'Chọn tệp…',
    kinds: 'Word (.docx), Writer (.odt), bảng tính phụ lục (.xlsx, .ods), PDF, văn bản (.txt, .md). Tệp .doc, .rtf cần lưu lại thành .docx trước. Có thể thả kèm tệp cấu hình reportlint.config.json.',
    privacy: 'Mọi việc kiểm tra diễn ra ngay trên máy này: tệp không rời khỏi trình duyệt và trang không tải gì từ mạng.',
    working: 'Đang kiểm tra…',
    json: 'Tải kết quả (JSON)',
    annotated: (name: string) => `Tải bản Word có ghi chú: ${name}`,
    config: (name: string) => `Cấu hình: ${name}`,
    badConfig: 'Tệp cấu hình không hợp lệ',
    cannotRead: 'Không đọc được',
    again: 'Sửa trong Word rồi thả lại tệp để kiểm tra lần nữa.',
    lang: 'Ngôn ngữ',
    elapsed: (ms: string) => `Kiểm tra xong trong ${ms} ms.`,
  },
  en: {
    title: 'Report check',
    drop: 'Drop report files here',
    or: 'or',
    pick: 'Choose files…',
    kinds: 'Word (.docx), Writer (.odt), spreadsheet annexes (.xlsx, .ods), PDF, text (.txt, .md). Save .doc and .rtf as .docx first. You may drop a reportlint.config.json with them.',
    privacy: 'Everything is checked on this computer: files never leave the browser and the page loads nothing from the network.',
    working: 'Checking…',
    json: 'Download results (JSON)',
    annotated: (name: string) => `Download the Word file with comments: ${name}`,
    config: (name: string) => `Config: ${name}`,
    badConfig: 'Invalid config file',
    cannotRead: 'Cannot read',
    again: 'Fix the draft in Word, then drop it again to check it once more.',
    lang: 'Language',
    elapsed: (ms: string) => `Checked in ${ms} ms.`,
  },
} satisfies Record<Lang, unknown>;

interface Dropped {
  name: string;
  bytes: Uint8Array;
}

interface State {
  lang: Lang;
  files: Dropped[];
  config?: { name: string; config: Config };
  configError?: string;
  results: FileResult[];
  docs: Map<string, Document>;
  elapsedMs?: number;
}

const CONFIG_NAMES = /^(reportlint\.config\.json|\.reportlintrc\.json|.*\.reportlint\.json)$/i;
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const state: State = { lang: document.documentElement.lang === 'en' ? 'en' : 'vi', files: [], results: [], docs: new Map() };

function configFor(name: string): { rules: ReturnType<typeof resolveRules>; settings: ReturnType<typeof effectiveConfig>['settings'] } {
  if (!state.config) return { rules: resolveRules(rules), settings: {} };
  const eff = effectiveConfig(state.config.config, name);
  return { rules: resolveRules(rules, eff.rules, undefined, state.config.name), settings: eff.settings };
}

const KNOWN: ReadonlySet<string> = new Set(rules.map((r) => r.id));

async function lintAll(): Promise<void> {
  const started = performance.now();
  const results: FileResult[] = [];
  const docs = new Map<string, Document>();
  for (const f of state.files) {
    let doc: Document;
    try {
      doc = await parseBytes(f.bytes, f.name);
    } catch (e) {
      results.push({ path: f.name, format: 'unknown', findings: [], checked: {}, errorCount: 0, warningCount: 0, infoCount: 0, fatal: `${WORDS[state.lang].cannotRead}: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    docs.set(f.name, doc);
    results.push(lintPipeline(doc, configFor(f.name), { lang: state.lang, knownRules: KNOWN }).result);
  }
  state.results = results;
  state.docs = docs;
  state.elapsedMs = performance.now() - started;
}

function download(name: string, type: string, data: string | Uint8Array): void {
  const url = URL.createObjectURL(new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function escapeText(s: string): string {
  const d = document.createElement('div');
  d.textContent = s;
  return d.innerHTML;
}

function render(): void {
  const w = WORDS[state.lang];
  document.documentElement.lang = state.lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-w]')) {
    const v = (w as Record<string, unknown>)[el.dataset.w!];
    if (typeof v === 'string') el.textContent = v;
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  const tools = $('tools');
  tools.innerHTML = '';
  const notes: string[] = [];
  if (state.config) notes.push(escapeText(w.config(state.config.name)));
  if (state.configError) notes.push(`<strong>${escapeText(w.badConfig)}:</strong> ${escapeText(state.configError)}`);
  if (state.results.length) {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = 'download-json';
    b.textContent = w.json;
    b.addEventListener('click', () => download('reportlint.json', 'application/json', json(state.results, ctx())));
    tools.appendChild(b);
    for (const r of state.results) {
      const doc = state.docs.get(r.path);
      if (r.format !== 'docx' || r.fatal || !doc) continue;
      const file = state.files.find((f) => f.name === r.path)!;
      const a = document.createElement('button');
      a.type = 'button';
      a.className = 'annotated';
      a.dataset.file = r.path;
      a.textContent = w.annotated(r.path);
      a.addEventListener('click', () => download(r.path.replace(/\.docx$/i, '') + '.reportlint.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', annotatedDocx(file.bytes, r.path, r.findings, state.lang)));
      tools.appendChild(a);
    }
    if (state.elapsedMs !== undefined) notes.push(escapeText(w.elapsed(String(Math.round(state.elapsedMs)))));
    notes.push(escapeText(w.again));
  }
  $('notes').innerHTML = notes.map((n) => `<p>${n}</p>`).join('');
  $('report').innerHTML = state.results.length ? reportSections(state.results, ctx()) : '';
  document.dispatchEvent(new Event('reportlint:rendered'));
}

function ctx(): Parameters<typeof reportSections>[1] {
  const sources = new Map<string, string>();
  for (const [path, doc] of state.docs) sources.set(path, doc.original);
  return { lang: state.lang, color: false, cwd: '', rules, version: VERSION, sources };
}

async function take(list: FileList | File[]): Promise<void> {
  const incoming = [...list];
  if (!incoming.length) return;
  $('status').textContent = WORDS[state.lang].working;
  state.configError = undefined;
  const reports: Dropped[] = [];
  for (const f of incoming) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    if (CONFIG_NAMES.test(f.name)) {
      try {
        const parsed = validateConfig(JSON.parse(new TextDecoder().decode(bytes)), f.name);
        checkConfigRules(rules, parsed, f.name);
        state.config = { name: f.name, config: parsed };
      } catch (e) {
        state.config = undefined;
        state.configError = e instanceof ConfigError || e instanceof SyntaxError ? e.message : String(e);
      }
    } else reports.push({ name: f.name, bytes });
  }
  if (reports.length) state.files = reports;
  await lintAll();
  $('status').textContent = '';
  render();
}

export function start(): void {
  const input = $<HTMLInputElement>('pick');
  const zone = $('drop');
  input.addEventListener('change', () => {
    if (input.files) void take(input.files).then(() => (input.value = ''));
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files) void take(e.dataTransfer.files);
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-lang]')) {
    b.addEventListener('click', async () => {
      state.lang = b.dataset.lang === 'en' ? 'en' : 'vi';
      if (state.files.length) await lintAll();
      render();
    });
  }
  render();
  document.body.dataset.ready = 'true';
}

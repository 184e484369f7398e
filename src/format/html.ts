// One self-contained HTML page for a reviewer (no network: inline CSS and JS): each report's
// text with every finding highlighted in place, the list of findings with filters by severity
// and by rule, related locations linked to the text, and a summary of what was checked. The
// page chrome is in Vietnamese or English (`ctx.lang`); messages come from the rules' catalogues.

import type { FileResult, Finding, Lang, Rule, Severity } from '../engine/types.js';
import { formatDecimal } from '../i18n/format.js';
import { SourceIndex } from '../parse/source.js';
import { sha256Hex } from '../engine/sha256.js';
import { html as h, Html, joinHtml, trustedHtml } from './escape.js';
import type { FormatContext, Formatter } from './types.js';
import { wordLocation } from './where.js';

export { escapeHtml } from './escape.js';

const WORDS = {
  en: {
    title: 'Report check',
    heading: 'Report check results',
    generated: 'Checked by reportlint',
    files: (n: string) => `${n} file${n === '1' ? '' : 's'}`,
    problems: (n: string) => `${n} problem${n === '1' ? '' : 's'}`,
    none: 'No problems found.',
    checked: 'What was checked',
    checkedLine: (n: string, label: string, kk: string) => `${n} ${label} checked, ${kk} wrong`,
    nothingChecked: 'Nothing to check was found.',
    allRight: 'Checked and consistent',
    noMatch: 'No problem matches the filters above.',
    filters: 'Show',
    bySeverity: 'By severity',
    byRule: 'By rule',
    shown: (a: string, b: string) => `Showing ${a} of ${b} problems`,
    list: 'Problems',
    text: 'Text of the report',
    at: (l: number, c: number) => `line ${l}, column ${c}`,
    related: 'See also',
    fix: 'Suggested fix',
    fatal: 'This file could not be read',
    noSource: 'The text of this report is not available; only the list of problems is shown.',
    internal: 'Internal error in rule',
    help: 'Click a problem to see it in the text; click a highlighted passage to see its problem.',
    sev: { error: 'Error', warning: 'Warning', info: 'Note' } as Record<Severity, string>,
  },
  vi: {
    title: 'Kiểm tra báo cáo',
    heading: 'Kết quả kiểm tra báo cáo',
    generated: 'Kiểm tra bằng reportlint',
    files: (n: string) => `${n} tệp`,
    problems: (n: string) => `${n} vấn đề`,
    none: 'Không phát hiện vấn đề nào.',
    checked: 'Những gì đã kiểm tra',
    checkedLine: (n: string, label: string, kk: string) => `${n} ${label} đã kiểm tra, ${kk} sai`,
    nothingChecked: 'Không tìm thấy nội dung nào cần kiểm tra.',
    allRight: 'Đã kiểm tra, không có sai sót',
    noMatch: 'Không có vấn đề nào khớp với bộ lọc ở trên.',
    filters: 'Hiển thị',
    bySeverity: 'Theo mức độ',
    byRule: 'Theo quy tắc',
    shown: (a: string, b: string) => `Đang hiện ${a} trên ${b} vấn đề`,
    list: 'Các vấn đề',
    text: 'Nội dung báo cáo',
    at: (l: number, c: number) => `dòng ${l}, cột ${c}`,
    related: 'Xem thêm',
    fix: 'Gợi ý sửa',
    fatal: 'Không đọc được tệp này',
    noSource: 'Không có nội dung văn bản của báo cáo này; chỉ hiện danh sách vấn đề.',
    internal: 'Lỗi nội bộ ở quy tắc',
    help: 'Bấm vào một vấn đề để xem vị trí trong văn bản; bấm vào đoạn được tô màu để xem vấn đề của nó.',
    sev: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' } as Record<Severity, string>,
  },
} satisfies Record<Lang, unknown>;

const SEVS: Severity[] = ['error', 'warning', 'info'];

/** A range of the original text to highlight: a finding or one of its related locations. */
interface Range {
  start: number;
  end: number;
  fid: string;
  /** -1 for the finding itself, else the index of the related location. */
  rel: number;
  sev: Severity;
  rule: string;
  title: string;
  order: number;
}

/** A range clipped to one line. */
interface Piece {
  start: number;
  end: number;
  range: Range;
  first: boolean;
}

function markId(r: Range): string {
  return r.rel < 0 ? `m-${r.fid}` : `m-${r.fid}-r${r.rel}`;
}

function openTag(p: Piece, first: boolean): Html {
  const r = p.range;
  const cls = ['hl', `sev-${r.sev}`];
  if (r.rel >= 0) cls.push('rel');
  if (p.start === p.end) cls.push('empty');
  if (!first) return h`<mark class="${cls.join(' ')}" data-fid="${r.fid}" data-sev="${r.sev}" data-rule="${r.rule}" title="${r.title}">`;
  return h`<mark class="${cls.join(' ')}" data-fid="${r.fid}" data-sev="${r.sev}" data-rule="${r.rule}" title="${r.title}" id="${markId(r)}" data-first="" tabindex="0"${r.rel >= 0 ? h` data-rel="${r.rel}"` : ''}>`;
}

const CLOSE = trustedHtml('</mark>');

const byNesting = (a: Piece, b: Piece) => a.start - b.start || b.end - a.end || a.range.order - b.range.order;

/**
 * One line of text with its pieces as nested <mark> elements. Where two pieces cross, the inner
 * one is closed and reopened so the HTML stays well formed; only the first element of a range
 * carries its id (`data-first`), so there is exactly one anchor per finding and related location.
 */
function renderLine(text: string, lineStart: number, pieces: Piece[]): Html {
  if (!pieces.length) return h`${text}`;
  const points = new Set<number>([lineStart, lineStart + text.length]);
  for (const p of pieces) {
    points.add(p.start);
    points.add(p.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  pieces.sort(byNesting);
  const opened = new Set<Piece>();
  let stack: Piece[] = [];
  let next = 0; // next piece (by start) not yet active
  let active: Piece[] = [];
  const out: Html[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const at = sorted[i];
    // ranges that end here leave; ranges that start here join
    active = active.filter((p) => p.end > at);
    const empties: Piece[] = [];
    while (next < pieces.length && pieces[next].start === at) {
      const p = pieces[next++];
      if (p.end === p.start) empties.push(p);
      else active.push(p);
    }
    active.sort(byNesting);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep] === active[keep]) keep++;
    for (let k = keep; k < stack.length; k++) out.push(CLOSE);
    stack = stack.slice(0, keep);
    for (const p of empties) out.push(openTag(p, p.first), CLOSE);
    for (const p of active.slice(keep)) {
      out.push(openTag(p, p.first && !opened.has(p)));
      opened.add(p);
      stack.push(p);
    }
    if (i + 1 < sorted.length) out.push(h`${text.slice(at - lineStart, sorted[i + 1] - lineStart)}`);
  }
  for (let k = 0; k < stack.length; k++) out.push(CLOSE);
  return joinHtml(out);
}

function lineEnd(source: string, start: number, nextStart: number): number {
  let e = nextStart;
  if (e > start && source.charCodeAt(e - 1) === 10) e--;
  if (e > start && source.charCodeAt(e - 1) === 13) e--;
  return e;
}

function renderText(source: string, ranges: Range[], fileId: string): Html {
  const index = new SourceIndex(source);
  const starts = index.lineStarts;
  const ends = starts.map((s, i) => lineEnd(source, s, i + 1 < starts.length ? starts[i + 1] : source.length));
  const perLine = new Map<number, Piece[]>();
  const add = (line: number, p: Piece) => {
    const list = perLine.get(line);
    if (list) list.push(p);
    else perLine.set(line, [p]);
  };
  for (const r of ranges) {
    const a = index.lineOf(r.start);
    const b = index.lineOf(r.end);
    if (r.start === r.end) {
      add(a, { start: r.start, end: r.end, range: r, first: true });
      continue;
    }
    let first = true;
    for (let l = a; l <= b; l++) {
      const s = Math.max(r.start, starts[l]);
      const e = Math.min(r.end, ends[l]);
      if (e <= s && !(first && l === b)) continue; // only a line break of this line is covered
      add(l, { start: s, end: Math.max(s, e), range: r, first });
      first = false;
    }
  }
  const out: Html[] = [];
  for (let l = 0; l < starts.length; l++) {
    // a final empty line after the last terminator is not shown
    if (l === starts.length - 1 && starts[l] === source.length && l > 0) break;
    const text = source.slice(starts[l], ends[l]);
    out.push(h`<div class="line" id="${fileId}-L${l + 1}"><span class="no">${l + 1}</span><span class="tx">${renderLine(text, starts[l], perLine.get(l) ?? [])}</span></div>`);
  }
  return joinHtml(out, '\n');
}

/** A whole number from a field that should hold one (results from shards and caches are checked, but the page never trusts them). */
function whole(v: unknown, fallback: number): number {
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

function toOffset(index: SourceIndex, length: number, line: unknown, column: unknown): number {
  const start = index.lineStarts[Math.min(Math.max(whole(line, 1), 1), index.lineCount) - 1];
  return Math.min(start + Math.max(whole(column, 1), 1) - 1, length);
}

function rangesOf(findings: Finding[], fileId: string, source: string): Range[] {
  const index = new SourceIndex(source);
  const out: Range[] = [];
  let order = 0;
  findings.forEach((f, i) => {
    const fid = `${fileId}-${i + 1}`;
    const start = Math.min(Math.max(whole(f.offset, 0), 0), source.length);
    out.push({ start, end: Math.max(start, Math.min(whole(f.endOffset, start), source.length)), fid, rel: -1, sev: f.severity, rule: f.ruleId, title: f.message, order: order++ });
    f.related.forEach((r, j) => {
      const s = toOffset(index, source.length, r.line, r.column);
      const e = toOffset(index, source.length, r.endLine, r.endColumn);
      out.push({ start: s, end: Math.max(s, e), fid, rel: j, sev: f.severity, rule: f.ruleId, title: r.message, order: order++ });
    });
  });
  return out;
}

function num(n: number, lang: Lang): string {
  return formatDecimal(n, lang);
}

/**
 * What was checked, per rule: rules that found something first ("119 chỗ ngắt đoạn đã kiểm tra,
 * 2 sai"), then the rules that checked something and found it all consistent ("13 trích dẫn").
 */
export function summaryLines(results: FileResult[], rules: Rule[], lang: Lang): { wrong: Array<{ text: string; rule: Rule }>; right: Array<{ text: string; rule: Rule }> } {
  const w = WORDS[lang];
  const checked = new Map<string, number>();
  const found = new Map<string, number>();
  for (const r of results) {
    for (const [id, n] of Object.entries(r.checked)) checked.set(id, (checked.get(id) ?? 0) + n);
    for (const f of r.findings) found.set(f.ruleId, (found.get(f.ruleId) ?? 0) + 1);
  }
  const wrong: Array<{ text: string; rule: Rule }> = [];
  const right: Array<{ text: string; rule: Rule }> = [];
  for (const rule of rules) {
    const n = checked.get(rule.id) ?? 0;
    const k = found.get(rule.id) ?? 0;
    const label = rule.meta.checkedLabel?.[lang];
    if (k > 0) wrong.push({ rule, text: label && n > 0 ? w.checkedLine(num(n, lang), label, num(k, lang)) : w.problems(num(k, lang)) });
    else if (label && n > 0) right.push({ rule, text: `${num(n, lang)} ${label}` });
  }
  return { wrong, right };
}

function findingItem(f: Finding, fid: string, lang: Lang, hasText: boolean): Html {
  const w = WORDS[lang];
  const where = w.at(f.line, f.column);
  const loc = hasText ? h`<a class="loc" href="#m-${fid}" data-go="m-${fid}">${where}</a>` : h`<span class="loc">${where}</span>`;
  const related = f.related.length
    ? h`<div class="rels">${w.related}:<ul>${f.related.map((r, j) => {
        const at = w.at(r.line, r.column);
        return h`<li>${hasText ? h`<a href="#m-${fid}-r${j}" data-go="m-${fid}-r${j}">${at}</a>` : at}: ${r.message}</li>`;
      })}</ul></div>`
    : '';
  const inWord = wordLocation(f.extras, lang);
  const fix = f.fix && f.fix.title ? h`<p class="fix">${w.fix}: ${f.fix.title}</p>` : '';
  return h`<li class="finding sev-${f.severity}" id="l-${fid}" data-fid="${fid}" data-sev="${f.severity}" data-rule="${f.ruleId}"><div class="head"><span class="badge sev-${f.severity}">${w.sev[f.severity]}</span> ${loc} <code class="rule">${f.ruleId}</code></div><p class="msg">${f.message}</p>${inWord ? h`<p class="inword">${inWord}</p>` : ''}${related}${fix}</li>`;
}

export const REPORT_CSS = `
:root{--err:#b42318;--err-bg:#fde2e1;--warn:#9a6700;--warn-bg:#fff1c2;--info:#1f5fa8;--info-bg:#dcebfb;--line:#d0d7de;--muted:#57606a}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 "Noto Sans","Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:#1f2328;background:#f6f8fa}
header.top{background:#fff;border-bottom:1px solid var(--line);padding:1rem 1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:0 0 .5rem}
h3{font-size:1rem;margin:0 0 .4rem}
.meta{color:var(--muted);margin:0 0 .75rem}
.totals span{display:inline-block;margin-right:.6rem}
.boxes{display:flex;flex-wrap:wrap;gap:1rem}
.box{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;min-width:18rem;flex:1}
.summary ul{margin:0;padding-left:1.2rem}
.summary li{margin-bottom:.35rem}
.summary strong{font-weight:600}
.summary .what{color:var(--muted);font-size:.88rem}
.summary .right{margin:.5rem 0 0;color:#1f2328}
.summary .right span{border-bottom:1px dotted #8c959f;cursor:help}
.filters fieldset{border:0;margin:0 0 .4rem;padding:0}
.filters legend{font-weight:600;padding:0;margin-bottom:.2rem}
.filters label{display:inline-block;margin:0 .9rem .2rem 0;cursor:pointer}
.filters fieldset.by-rule label{display:block;margin-right:0}
.shown{color:var(--muted);margin:.3rem 0 0}
.help{color:var(--muted);font-size:.9rem;margin:.5rem 0 0}
section.file{padding:1rem 1.5rem;content-visibility:auto;contain-intrinsic-size:auto 1200px}
.cols{display:grid;grid-template-columns:minmax(0,1fr) 26rem;gap:1rem;align-items:start}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
.doc{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.5rem 0;font-family:"Noto Serif","Times New Roman","DejaVu Serif",serif;font-size:1rem}
.line{display:grid;grid-template-columns:3.2rem minmax(0,1fr);min-height:1.55em}
.line .no{color:#8c959f;text-align:right;padding-right:.8rem;user-select:none;font:12px/2 "DejaVu Sans Mono",monospace}
.line .tx{white-space:pre-wrap;overflow-wrap:anywhere;padding-right:1rem}
mark.hl{background:transparent;color:inherit;border-radius:3px;cursor:pointer;padding:1px 0}
mark.sev-error{background:var(--err-bg);box-shadow:inset 0 -2px 0 var(--err)}
mark.sev-warning{background:var(--warn-bg);box-shadow:inset 0 -2px 0 var(--warn)}
mark.sev-info{background:var(--info-bg);box-shadow:inset 0 -2px 0 var(--info)}
mark.rel{background:transparent;box-shadow:none;outline:1px dashed #8c959f;outline-offset:0}
mark.empty{display:inline-block;width:.5em;height:1.1em;vertical-align:text-bottom}
mark.hl.off{background:transparent;box-shadow:none;outline:none;cursor:auto}
mark.hl.active{outline:2px solid #0969da;outline-offset:1px}
mark.hl.flash{animation:flash 1.2s ease-out}
@keyframes flash{from{background:#ffd33d}}
aside.list{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto;background:#fff;border:1px solid var(--line);border-radius:8px;padding:.75rem}
aside.list ol{list-style:none;margin:0;padding:0}
li.finding{border-left:4px solid var(--line);padding:.4rem .6rem;margin-bottom:.5rem;border-radius:4px;cursor:pointer}
li.finding.sev-error{border-left-color:var(--err)}
li.finding.sev-warning{border-left-color:var(--warn)}
li.finding.sev-info{border-left-color:var(--info)}
li.finding.active{background:#eef5ff}
li.finding.off{display:none}
li.finding .msg{margin:.2rem 0}
.badge{display:inline-block;font-size:.78rem;font-weight:600;border-radius:10px;padding:0 .5rem;color:#fff}
.badge.sev-error{background:var(--err)}.badge.sev-warning{background:var(--warn)}.badge.sev-info{background:var(--info)}
.loc{font-size:.9rem}
code.rule{font-size:.78rem;color:var(--muted)}
.rels{font-size:.9rem;color:var(--muted)}
.inword{font-size:.88rem;color:var(--muted);margin:.1rem 0}
.rels ul{margin:.1rem 0;padding-left:1.1rem}
.fix{font-size:.9rem;color:#1a7f37;margin:.2rem 0}
.fatal{background:var(--err-bg);border:1px solid var(--err);border-radius:8px;padding:.75rem 1rem}
.ok{color:#1a7f37;font-weight:600}
.nomatch{color:var(--muted);margin:0}
`;

/**
 * The page's behaviour, re-entrant: listeners are delegated from the document and installed once,
 * and `apply` runs again on `reportlint:rendered` (the browser page re-renders the sections).
 */
export const REPORT_JS = `
(function(){
  if(window.__reportlint)return;window.__reportlint=true;
  function boxes(){return [].slice.call(document.querySelectorAll('input[data-filter]'));}
  function apply(){
    var counter=document.getElementById('shown');
    var total=document.querySelectorAll('li.finding').length;
    var fmt=counter?counter.getAttribute('data-template'):'';
    var sev={},rule={};
    boxes().forEach(function(b){if(b.checked)(b.getAttribute('data-filter')==='sev'?sev:rule)[b.value]=1;});
    var shown=0;
    [].forEach.call(document.querySelectorAll('[data-fid]'),function(el){
      var on=!!(sev[el.getAttribute('data-sev')]&&rule[el.getAttribute('data-rule')]);
      el.classList.toggle('off',!on);
      if(on&&el.tagName==='LI')shown++;
    });
    if(counter)counter.textContent=fmt.replace('{shown}',String(shown)).replace('{total}',String(total));
    [].forEach.call(document.querySelectorAll('aside.list'),function(a){
      var none=a.querySelectorAll('li.finding:not(.off)').length===0;
      var p=a.querySelector('.nomatch');if(p)p.hidden=!none||!a.querySelector('li.finding');
    });
  }
  function select(fid,target){
    [].forEach.call(document.querySelectorAll('.active'),function(el){el.classList.remove('active');});
    [].forEach.call(document.querySelectorAll('[data-fid="'+fid+'"]'),function(el){el.classList.add('active');});
    var item=document.getElementById('l-'+fid);
    if(item&&item.scrollIntoView)item.scrollIntoView({block:'nearest'});
    if(target){
      target.classList.remove('flash');void target.offsetWidth;target.classList.add('flash');
      if(target.scrollIntoView)target.scrollIntoView({block:'center'});
    }
  }
  document.addEventListener('change',function(e){if(e.target&&e.target.matches&&e.target.matches('input[data-filter]'))apply();});
  document.addEventListener('reportlint:rendered',apply);
  document.addEventListener('click',function(e){
    var el=e.target;
    var go=el.closest?el.closest('[data-go]'):null;
    if(go){e.preventDefault();var t=document.getElementById(go.getAttribute('data-go'));var li=go.closest('li.finding');select(li.getAttribute('data-fid'),t);return;}
    var mark=el.closest?el.closest('mark.hl'):null;
    if(mark&&!mark.classList.contains('off')){select(mark.getAttribute('data-fid'),null);return;}
    var li=el.closest?el.closest('li.finding'):null;
    if(li){var fid=li.getAttribute('data-fid');select(fid,document.getElementById('m-'+fid));}
  });
  document.addEventListener('keydown',function(e){
    if(e.key==='Enter'&&e.target.matches&&e.target.matches('mark.hl'))select(e.target.getAttribute('data-fid'),null);
  });
  apply();
})();
`;

/** The page script's CSP hash: only this script runs, never an inline script or handler that got into the page. */
function cspHash(script: string): string {
  const hex = sha256Hex(script);
  let bin = '';
  for (let i = 0; i < hex.length; i += 2) bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return `sha256-${btoa(bin)}`;
}
const SCRIPT_HASH = cspHash(REPORT_JS);

/** The report's sections (summary, filters, each file's text and findings), without the page around them. */
export function reportSections(results: FileResult[], ctx: FormatContext): string {
  const lang = ctx.lang;
  const w = WORDS[lang];
  const all = results.flatMap((r) => r.findings);
  const bySev = new Map<Severity, number>();
  const byRule = new Map<string, number>();
  for (const f of all) {
    bySev.set(f.severity, (bySev.get(f.severity) ?? 0) + 1);
    byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  }
  const fatalCount = results.filter((r) => r.fatal).length;
  const summary = summaryLines(results, ctx.rules, lang);

  const head: Html[] = [
    h`<header class="top">`,
    h`<h1>${w.heading}</h1>`,
    h`<p class="meta">${w.generated} ${ctx.version} · ${w.files(num(results.length, lang))} · ${w.problems(num(all.length + fatalCount, lang))}</p>`,
    h`<div class="boxes">`,
    h`<section class="box summary" id="summary"><h2>${w.checked}</h2>`,
    summary.wrong.length ? h`<ul>${summary.wrong.map((s) => h`<li data-rule="${s.rule.id}"><strong>${s.text}</strong><br><span class="what">${s.rule.meta.description[lang]}</span></li>`)}</ul>` : h``,
    summary.right.length ? h`<p class="right"><strong>${w.allRight}:</strong> ${joinHtml(summary.right.map((s) => h`<span data-rule="${s.rule.id}" title="${s.rule.meta.description[lang]}">${s.text}</span>`), ', ')}.</p>` : h``,
    summary.wrong.length + summary.right.length === 0 ? h`<p>${w.nothingChecked}</p>` : h``,
    all.length === 0 && fatalCount === 0 ? h`<p class="ok">${w.none}</p>` : h``,
    h`</section>`,
  ];
  if (all.length) {
    const rulesPresent = [...byRule.keys()].sort();
    const ruleDesc = new Map(ctx.rules.map((r) => [r.id, r.meta.description[lang]]));
    head.push(
      h`<section class="box filters" id="filters"><h2>${w.filters}</h2>`,
      h`<fieldset><legend>${w.bySeverity}</legend>`,
      ...SEVS.filter((s) => bySev.has(s)).map(
        (s) => h`<label><input type="checkbox" data-filter="sev" value="${s}" checked> <span class="badge sev-${s}">${w.sev[s]}</span> (${num(bySev.get(s)!, lang)})</label>`,
      ),
      h`</fieldset>`,
      h`<fieldset class="by-rule"><legend>${w.byRule}</legend>`,
      ...rulesPresent.map(
        (id) => h`<label title="${ruleDesc.get(id) ?? id}"><input type="checkbox" data-filter="rule" value="${id}" checked> ${ruleDesc.get(id) ?? id} <code class="rule">${id}</code> (${num(byRule.get(id)!, lang)})</label>`,
      ),
      h`</fieldset>`,
      h`<p class="shown" id="shown" data-template="${w.shown('{shown}', '{total}')}">${w.shown(num(all.length, lang), num(all.length, lang))}</p>`,
      h`<p class="help">${w.help}</p>`,
      h`</section>`,
    );
  }
  head.push(h`</div>`, h`</header>`);

  const body: Html[] = [h`<main>`];
  results.forEach((r, i) => {
    const fileId = `f${i + 1}`;
    const source = ctx.sources?.get(r.path);
    body.push(h`<section class="file" id="${fileId}"><h2>${r.path}</h2>`);
    const counts = SEVS.map((s) => [s, r.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
    if (counts.length) body.push(h`<p class="meta totals">${counts.map(([s, n]) => h`<span><span class="badge sev-${s}">${w.sev[s]}</span> ${num(n, lang)}</span>`)}</p>`);
    if (r.fatal) body.push(h`<p class="fatal"><strong>${w.fatal}:</strong> ${r.fatal}</p>`);
    for (const e of r.internalErrors ?? []) body.push(h`<p class="fatal"><strong>${w.internal} ${e.ruleId}:</strong> ${e.message}</p>`);
    if (r.fatal && !r.findings.length) {
      body.push(h`</section>`);
      return;
    }
    const list = r.findings.length
      ? h`<aside class="list"><h3>${w.list}</h3><ol>${joinHtml(r.findings.map((f, j) => findingItem(f, `${fileId}-${j + 1}`, lang, source !== undefined)), '\n')}</ol><p class="nomatch" hidden>${w.noMatch}</p></aside>`
      : h`<aside class="list"><p class="ok">${w.none}</p></aside>`;
    const doc = source !== undefined
      ? h`<article class="doc" aria-label="${w.text}">\n${renderText(source, rangesOf(r.findings, fileId, source), fileId)}\n</article>`
      : h`<article class="doc"><p class="help" style="padding:0 1rem">${w.noSource}</p></article>`;
    body.push(h`<div class="cols">${doc}${list}</div>`, h`</section>`);
  });
  body.push(h`</main>`);
  return joinHtml([...head, ...body], '\n').value;
}

const html: Formatter = (results: FileResult[], ctx: FormatContext) => {
  const lang = ctx.lang;
  const w = WORDS[lang];
  return joinHtml([
    h`<!doctype html>`,
    h`<html lang="${lang}">`,
    h`<head>`,
    h`<meta charset="utf-8">`,
    h`<meta name="viewport" content="width=device-width, initial-scale=1">`,
    h`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; img-src data:">`,
    h`<title>${w.title}${results.length === 1 ? ` – ${results[0].path}` : ''}</title>`,
    h`<style>${trustedHtml(REPORT_CSS)}</style>`,
    h`</head>`,
    h`<body>`,
    trustedHtml(reportSections(results, ctx)),
    h`<script>${trustedHtml(REPORT_JS)}</script>`,
    h`</body>`,
    h`</html>`,
    h``,
  ], '\n').value;
};
export default html;

// The HTML page as text: the report's text is kept exactly (line by line), each finding and
// related location gets one anchor and its highlight covers exactly its span even when spans
// cross, nest, run over lines or are empty; everything is escaped; nothing is loaded from the
// network; page chrome follows the language. The browser test checks the same page live.

import { describe, expect, it } from 'vitest';
import html from '../../src/format/html.js';
import { context, makeResult } from './synthetic.js';
import { rules } from '../../src/rules/index.js';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Text of each shown line, and the text each finding's highlights (not related ones) cover. */
function readPage(page: string): { lines: string[]; covered: Map<string, string>; anchors: string[] } {
  const lines: string[] = [];
  const covered = new Map<string, string>();
  const anchors: string[] = [];
  for (const m of page.matchAll(/<span class="tx">(.*?)<\/span><\/div>/g)) {
    const stack: Array<{ fid: string; rel: boolean }> = [];
    let line = '';
    for (const tok of m[1].matchAll(/<mark ([^>]*)>|<\/mark>|[^<]+/g)) {
      if (tok[0] === '</mark>') {
        expect(stack.length, 'closing a mark that is not open').toBeGreaterThan(0);
        stack.pop();
      } else if (tok[1] !== undefined) {
        const fid = /data-fid="([^"]+)"/.exec(tok[1])![1];
        const rel = /class="[^"]*\brel\b/.test(tok[1]);
        if (/data-first/.test(tok[1])) anchors.push(/(?:^| )id="([^"]+)"/.exec(tok[1])![1]);
        stack.push({ fid, rel });
      } else {
        const text = unescape(tok[0]);
        line += text;
        for (const fid of new Set(stack.filter((s) => !s.rel).map((s) => s.fid))) covered.set(fid, (covered.get(fid) ?? '') + text);
      }
    }
    expect(stack, 'marks left open at the end of a line').toEqual([]);
    lines.push(line);
  }
  return { lines, covered, anchors };
}

const SRC = 'Tổng số <b>&"\'1.234</b> người.\nA B C D E F\r\nsecond line 𝟙 end\n\nlast';

describe('html formatter', () => {
  const a = SRC.indexOf('A B');
  const specs = [
    { start: 0, end: 7, severity: 'error' as const, message: 'Tổng <script>alert(1)</script> sai' }, // "Tổng số"
    { start: 5, end: 13, severity: 'warning' as const }, // crosses the first
    { start: a, end: a + 9, related: [{ start: a + 2, end: a + 3, message: 'xem "B"' }] }, // nests others
    { start: a + 2, end: a + 5, severity: 'info' as const }, // inside the previous
    { start: a + 4, end: SRC.indexOf('line'), severity: 'error' as const }, // over a CRLF
    { start: SRC.indexOf('𝟙'), end: SRC.indexOf('𝟙') + 2 }, // astral character
    { start: SRC.indexOf('end'), end: SRC.indexOf('end') }, // empty span
    { start: SRC.indexOf('last'), end: SRC.length },
  ];
  const result = makeResult('dir/<report>.txt', SRC, specs);
  const page = html([result], context({ lang: 'vi', sources: new Map([['dir/<report>.txt', SRC]]) }));

  it('keeps the text exactly, line by line', () => {
    expect(readPage(page).lines).toEqual(SRC.split(/\r\n|\n/));
  });

  it('highlights each finding once, over exactly its span', () => {
    const { covered, anchors } = readPage(page);
    // in text order: the related location of finding 3 comes before finding 5
    expect(anchors).toEqual(['m-f1-1', 'm-f1-2', 'm-f1-3', 'm-f1-4', 'm-f1-3-r0', 'm-f1-5', 'm-f1-6', 'm-f1-7', 'm-f1-8']);
    specs.forEach((s, i) => {
      expect(covered.get(`f1-${i + 1}`) ?? '', `finding ${i + 1}`).toBe(SRC.slice(s.start, s.end).replace(/\r?\n/g, ''));
    });
    expect(page).toMatch(/<mark class="hl sev-warning empty"[^>]*id="m-f1-7"/);
    expect((page.match(/<li class="finding /g) ?? []).length).toBe(specs.length);
  });

  it('escapes text, messages and paths', () => {
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('Tổng &lt;script&gt;alert(1)&lt;/script&gt; sai');
    expect(page).toContain('<h2>dir/&lt;report&gt;.txt</h2>');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&#39;1.234&lt;/b&gt; người');
  });

  it('is self-contained', () => {
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(page).not.toMatch(/<link\b/);
    expect(page).toContain('<style>');
    expect(page).toContain('<script>');
    expect(page).toContain("default-src 'none'");
  });

  it('speaks the reviewer\'s language, with filters and a summary of what was checked', () => {
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Kết quả kiểm tra báo cáo');
    expect(page).toMatch(/<input type="checkbox" data-filter="sev" value="error" checked> <span class="badge sev-error">Lỗi<\/span> \(2\)/);
    expect(page).toMatch(/data-filter="rule" value="broken-paragraph" checked>/);
    // synthetic results say broken-paragraph checked 7 things and found 8
    expect(page).toContain('<strong>7 chỗ ngắt đoạn đã kiểm tra, 8 sai</strong>');
    // a rule that checked 1234 things and found nothing is listed among the consistent ones
    const other = rules.find((r) => r.id !== 'broken-paragraph' && r.meta.checkedLabel)!;
    const withOther = { ...result, checked: { ...result.checked, [other.id]: 1234 } };
    const both = html([withOther], context({ lang: 'vi', sources: new Map([['dir/<report>.txt', SRC]]) }));
    expect(both).toMatch(new RegExp(`<p class="right"><strong>Đã kiểm tra, không có sai sót:</strong> <span data-rule="${other.id}" title="[^"]+">1\\.234 ${other.meta.checkedLabel!.vi}</span>\\.</p>`));
    const en = html([result], context({ lang: 'en', sources: new Map([['dir/<report>.txt', SRC]]) }));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Report check results');
    expect(en).toMatch(/7 .+ checked, 8 wrong/);
    expect(en).toContain('line 2, column 1');
  });

  it('links related locations and says when the text is not available', () => {
    expect(page).toContain('<a href="#m-f1-3-r0" data-go="m-f1-3-r0">dòng 2, cột 3</a>: xem &quot;B&quot;');
    const bare = html([result], context({ lang: 'vi' }));
    expect(bare).not.toContain('<mark');
    expect(bare).toContain('Không có nội dung văn bản của báo cáo này');
    expect((bare.match(/<li class="finding /g) ?? []).length).toBe(specs.length);
  });

  it('an unreadable file and a clean one', () => {
    const fatal = { path: 'gone.txt', format: 'unknown', findings: [], checked: {}, errorCount: 0, warningCount: 0, infoCount: 0, fatal: 'cannot read: permission denied' };
    const clean = makeResult('ok.txt', 'Tốt.\n', []);
    const page2 = html([fatal, clean], context({ lang: 'vi', sources: new Map([['ok.txt', 'Tốt.\n']]) }));
    expect(page2).toContain('<strong>Không đọc được tệp này:</strong> cannot read: permission denied');
    expect(page2).toContain('Không phát hiện vấn đề nào.');
    expect(page2).not.toContain('<input');
  });
});

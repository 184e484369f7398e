// The HTML report in a real browser (Debian chromium driven by playwright-core): every finding is
// highlighted in place, the filters hide what they should, related locations are linked, the
// page loads nothing from the network. Saves a screenshot (docs/screenshots/html-report.png
// when UPDATE_SCREENSHOTS=1). Skipped, with a message, only when /usr/bin/chromium is absent.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { runCli } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';
const ROOT = resolve(__dirname, '../..');
const present = existsSync(CHROMIUM);
if (!present) console.warn(`[html browser test] skipped: ${CHROMIUM} is not installed (apt-get install chromium, as .ci/run does)`);

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: Array<{ line: number; column: number }>;
}

/** The text a finding covers in the original, line breaks removed (the page shows lines apart). */
function spanText(source: string, f: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = source.split(/\r\n|\r|\n/);
  const parts: string[] = [];
  for (let l = f.line; l <= f.endLine; l++) {
    const text = lines[l - 1];
    parts.push(text.slice(l === f.line ? f.column - 1 : 0, l === f.endLine ? f.endColumn - 1 : text.length));
  }
  return parts.join('');
}

describe.skipIf(!present)('html report in chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let dir: string;
  let findings: JsonFinding[];
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-html-'));
    profile = mkdtempSync(join(tmpdir(), 'rl-chromium-'));
    const htmlPath = join(dir, 'report.html');
    const r = runCli(['--format', 'html', '--lang', 'vi', '--output-file', htmlPath, EXAMPLE]);
    expect(r.stderr).toBe('');
    findings = JSON.parse(runCli(['--format', 'json', '--lang', 'vi', EXAMPLE]).stdout).files[0].findings;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(htmlPath).href);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('loads nothing but the page itself', () => {
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });

  it('highlights every finding once, over exactly its text', async () => {
    expect(findings.length).toBeGreaterThan(0);
    const first = page.locator('mark.hl[data-first]:not(.rel)');
    expect(await first.count()).toBe(findings.length);
    expect(await page.locator('li.finding').count()).toBe(findings.length);
    const source = readFileSync(join(ROOT, EXAMPLE), 'utf8');
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('li.finding')].map((li) => {
        const fid = li.getAttribute('data-fid')!;
        const marks = [...document.querySelectorAll(`mark.hl[data-fid="${fid}"]:not(.rel)`)];
        const box = document.getElementById(`m-${fid}`)!.getBoundingClientRect();
        return { text: marks.map((m) => m.textContent).join(''), width: box.width, height: box.height, sev: li.getAttribute('data-sev') };
      }),
    );
    shown.forEach((s, i) => {
      expect(s.text, `finding ${i + 1} (${findings[i].ruleId} at ${findings[i].line}:${findings[i].column})`).toBe(spanText(source, findings[i]));
      expect(s.height).toBeGreaterThan(0);
      expect(s.width).toBeGreaterThan(0);
      expect(s.sev).toBe(findings[i].severity);
    });
    const related = findings.reduce((n, f) => n + f.related.length, 0);
    expect(await page.locator('mark.hl.rel[data-first]').count()).toBe(related);
  });

  it('shows the summary of what was checked in Vietnamese', async () => {
    const summary = await page.locator('#summary').innerText();
    expect(summary).toContain('Những gì đã kiểm tra');
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    // one line per rule that found something, with its count
    for (const [rule, n] of counts) {
      expect(await page.locator(`#summary li[data-rule="${rule}"]`).innerText()).toMatch(new RegExp(`(đã kiểm tra, ${n} sai|^${n} vấn đề)`));
    }
  });

  it('a severity filter hides the other severities', async () => {
    const sevs = [...new Set(findings.map((f) => f.severity))];
    const hide = sevs[0];
    const keep = findings.filter((f) => f.severity !== hide).length;
    await page.locator(`input[data-filter="sev"][value="${hide}"]`).uncheck();
    expect(await page.locator('li.finding:visible').count()).toBe(keep);
    expect(await page.locator(`li.finding[data-sev="${hide}"]:visible`).count()).toBe(0);
    expect(await page.locator(`mark.hl[data-first][data-sev="${hide}"]:not(.off)`).count()).toBe(0);
    expect(await page.locator('mark.hl[data-first]:not(.rel):not(.off)').count()).toBe(keep);
    const bg = await page.locator(`mark.hl[data-first][data-sev="${hide}"]`).first().evaluate((m) => getComputedStyle(m).backgroundColor);
    expect(bg).toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('#shown').innerText()).toBe(`Đang hiện ${keep} trên ${findings.length} vấn đề`);
    await expect.poll(() => page.locator('.nomatch').isVisible()).toBe(keep === 0);
    await page.locator(`input[data-filter="sev"][value="${hide}"]`).check();
    expect(await page.locator('.nomatch').isVisible()).toBe(false);
    expect(await page.locator('li.finding:visible').count()).toBe(findings.length);
  });

  it('a rule filter hides the other rules', async () => {
    const rule = findings[0].ruleId;
    const keep = findings.filter((f) => f.ruleId !== rule).length;
    await page.locator(`input[data-filter="rule"][value="${rule}"]`).uncheck();
    expect(await page.locator('li.finding:visible').count()).toBe(keep);
    await page.locator(`input[data-filter="rule"][value="${rule}"]`).check();
    expect(await page.locator('li.finding:visible').count()).toBe(findings.length);
  });

  it('a related location link jumps to and highlights its passage', async () => {
    const i = findings.findIndex((f) => f.related.length > 0);
    expect(i).toBeGreaterThanOrEqual(0);
    const fid = `f1-${i + 1}`;
    await page.locator(`#l-${fid} .rels a`).first().click();
    const target = page.locator(`#m-${fid}-r0`);
    await expect.poll(() => target.evaluate((m) => m.classList.contains('active'))).toBe(true);
    await expect.poll(() => target.evaluate((m) => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    expect(await page.locator(`#m-${fid}`).evaluate((m) => m.classList.contains('active'))).toBe(true);
    expect(await page.locator(`#l-${fid}`).evaluate((m) => m.classList.contains('active'))).toBe(true);
  });

  it('saves a screenshot', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('li.finding').first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
    // from the top of the page down to just below the first highlighted problem
    const bottom = await page.locator('#m-f1-1').evaluate((m) => m.getBoundingClientRect().bottom + window.scrollY);
    const shot = join(dir, 'html-report.png');
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 1400, height: Math.min(2400, Math.ceil(bottom) + 140) } });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(ROOT, 'docs/screenshots'), { recursive: true });
      writeFileSync(join(ROOT, 'docs/screenshots/html-report.png'), readFileSync(shot));
    }
  });
});

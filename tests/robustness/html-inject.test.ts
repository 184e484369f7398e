// Markup output is escaped at one place whatever a field's origin (a rule, a document, a file
// name, a merged shard, a cache entry): a script planted in any field of a result renders as
// text. The page is opened in Chromium (playwright-core, /usr/bin/chromium) and must keep its
// title and gain no element. A shard whose fields are not what reportlint writes (a severity
// that is not a severity) is refused by `merge` with one line, before anything is rendered.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import type { FileResult } from '../../src/engine/types.js';
import html from '../../src/format/html.js';
import checkstyle from '../../src/format/checkstyle.js';
import { rules } from '../../src/rules/index.js';
import { run, tmp } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`[html injection test] skipped in the browser: ${CHROMIUM} is not installed (apt-get install chromium, as .ci/run does)`);

const P = `"'><img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script><svg onload="document.title='pwned'"></svg>`;

/** A result with the payload in every field a formatter shows, typed or not. */
function hostile(): FileResult {
  const f = {
    ruleId: `rule${P}`,
    severity: P,
    messageId: P,
    message: P,
    line: P,
    column: P,
    endLine: P,
    endColumn: P,
    span: { start: 0, end: 3 },
    offset: 0,
    endOffset: 3,
    related: [{ line: P, column: P, endLine: P, endColumn: P, message: P, extras: { quote: P } }],
    data: { x: P },
    fix: { title: P, applicability: P, edits: [{ offset: 0, endOffset: 1, text: P }] },
    extras: { quote: P, page: P },
  };
  return {
    path: `a${P}.txt`,
    format: P,
    findings: [f as never],
    checked: { [P]: 3, 'broken-paragraph': 2 },
    errorCount: 1,
    warningCount: 0,
    infoCount: 0,
    fatal: P,
    internalErrors: [{ ruleId: P, message: P }],
  };
}

const TITLE_OF = (path: string): string => `Report check – ${path}`;

describe.skipIf(!present)('in Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  const dir = tmp();

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'rl-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(file: string): Promise<{ title: string; scripts: number; injected: number }> {
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForLoadState('load');
    await page.waitForTimeout(200); // an onerror or onload handler would have run by now
    const out = await page.evaluate(() => ({
      title: document.title,
      scripts: document.querySelectorAll('script').length,
      injected: document.querySelectorAll('img, svg, iframe, object, embed').length,
    }));
    await page.close();
    return out;
  }

  it('every field of a result, whatever it holds, renders as text (formatter called directly)', async () => {
    const r = hostile();
    const page = join(dir, 'direct.html');
    writeFileSync(page, html([r], { lang: 'en', color: false, cwd: '/', rules, version: P, sources: new Map([[r.path, `abc ${P}\n`]]) }));
    const seen = await open(page);
    expect(seen).toEqual({ title: TITLE_OF(r.path), scripts: 1, injected: 0 });
  });

  it('a merged shard with the payload in its text fields renders inert', async () => {
    const shard = join(dir, 'text-fields.json');
    const path = `report${P}.txt`;
    writeFileSync(
      shard,
      JSON.stringify({
        version: 1,
        files: [
          {
            path,
            format: 'text',
            findings: [
              {
                ruleId: 'sum-mismatch',
                severity: 'error',
                message: P,
                messageId: 'm',
                line: 1,
                column: 1,
                endLine: 1,
                endColumn: 2,
                quote: P,
                related: [{ line: 1, column: 1, endLine: 1, endColumn: 2, message: P }],
                data: { total: P },
                fix: { title: P, applicability: 'safe', edits: [{ offset: 0, endOffset: 1, text: P }] },
              },
            ],
            checked: { 'sum-mismatch': 1 },
            errorCount: 1,
            warningCount: 0,
            infoCount: 0,
          },
        ],
      }),
    );
    const out = join(dir, 'merged.html');
    const r = run(['merge', '--format', 'html', '-o', out, shard]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(await open(out)).toEqual({ title: TITLE_OF(path), scripts: 1, injected: 0 });
  });
});

describe('merge refuses a shard that reportlint did not write', () => {
  it('a severity that is markup: one line, exit 2, no page written', () => {
    const dir = tmp();
    const shard = join(dir, 'severity.json');
    const f = { ruleId: 'sum-mismatch', severity: P, message: 'm', messageId: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, related: [], data: {} };
    writeFileSync(shard, JSON.stringify({ version: 1, files: [{ path: 'a.txt', format: 'text', findings: [f], checked: {}, errorCount: 0, warningCount: 0, infoCount: 0 }] }));
    const out = join(dir, 'merged.html');
    const r = run(['merge', '--format', 'html', '-o', out, shard]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`reportlint merge: ${shard}: files.0.findings.0.severity: expected one of "error", "warning", "info", got ${JSON.stringify(P).slice(0, 57)}...\n`);
    expect(existsSync(out)).toBe(false);
  });
});

describe('checkstyle', () => {
  it('every attribute is escaped: the XML is well formed with one <error> per finding and per problem', () => {
    const xml = checkstyle([hostile()], { lang: 'en', color: false, cwd: '/', rules, version: '0' });
    const parser = new SaxesParser();
    let errors = 0;
    let files = 0;
    parser.on('opentag', (t) => {
      if (t.name === 'error') errors++;
      if (t.name === 'file') files++;
    });
    parser.write(xml).close();
    expect(files).toBe(1);
    expect(errors).toBe(3); // fatal, internal error, finding
  });
});

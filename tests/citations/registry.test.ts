// The registry of real documents: the committed table is what scripts/build-registry.mjs makes of
// the corpora's headers (a slice rebuilt and compared byte for byte), lookups speak only about
// numbers that name one document, and a user's registry file given in the config is read,
// validated and used.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTRY_DROPPED, REGISTRY_ROWS } from '../../src/data/registry.js';
import { makeRegistry, namesOneDocument, registryKey } from '../../src/facts/registry.js';
import { runCli } from '../helpers/cli.js';
import { lintWith } from '../helpers/rule-tester.js';

const SHARED = resolve(__dirname, '../../../shared/corpus');
// @ts-expect-error: a plain .mjs script, no types
const script = (await import('../../scripts/build-registry.mjs')) as {
  sourceFiles(shared: string): string[];
  extract(rel: string, text: string): { key: string } | undefined;
  formatRow(r: unknown): string;
};

describe('the committed registry', () => {
  const rows = new Set(REGISTRY_ROWS.split('\n'));
  const dropped = new Set(REGISTRY_DROPPED.split('\n').filter(Boolean).map((l) => l.split('\t')[0]));

  it('holds one row per document, sorted by key, each with a valid date', () => {
    const list = REGISTRY_ROWS.split('\n');
    expect(list.length).toBeGreaterThan(250);
    const keys = list.map((l) => registryKey(l.split('\t')[0], l.split('\t')[2]));
    expect(keys.every((k) => k !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    for (const l of list) {
      const d = l.split('\t')[1];
      expect(d, l).toMatch(/^(19[4-9]\d|20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
    }
  });

  it('is what the script makes of the headers: a slice rebuilt byte for byte', () => {
    const files = script.sourceFiles(SHARED).filter((_, i) => i % 16 === 0);
    expect(files.length).toBeGreaterThan(40);
    let compared = 0;
    for (const rel of files) {
      const r = script.extract(rel, readFileSync(join(SHARED, rel), 'utf8'));
      if (!r) continue;
      if (dropped.has(r.key)) continue;
      expect(rows.has(script.formatRow(r)), `${rel}: ${script.formatRow(r)}`).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe('registry lookups', () => {
  it('keeps only numbers that name one document in the country', () => {
    expect(['12/2015/NĐ-CP', '59/2020/QH14', '2629/QĐ-TTg', '11554/VPCP-V', '1211/2016/UBTVQH13'].map(namesOneDocument)).toEqual([true, true, true, true, true]);
    // a province's numbers repeat in every province; a ministry's letters repeat every year
    expect(['15/2025/QĐ-UBND', '34/2025/NQ-HĐND', '123/2025/QĐ-CTUBND', '204/QĐ-UBND', '413/TCT-KK', '164-TB/TU'].map(namesOneDocument)).toEqual([false, false, false, false, false, false]);
  });

  it('tells a law from a National Assembly resolution of the same number', () => {
    expect(registryKey('55/2010/QH12', 'Luật')).toBe('55|2010QH12|L');
    expect(registryKey('55/2010/QH12', 'Nghị quyết')).toBe('55|2010QH12|NQ');
    expect(registryKey('55/2010/QH12')).toBeUndefined();
    const reg = makeRegistry([{ number: '15/KH-UBND', date: 20260110, title: 'Kế hoạch chuyển đổi số' }]);
    expect(reg.get('15|KHUBND')?.date).toBe(20260110);
    expect(reg.get('12|2015NDCP')?.date).toBe(20150212);
  });

  it("trusts the user's entry within its year for a number without one", () => {
    const registry = [{ number: '15/KH-UBND', date: 20260110 }];
    const run = (text: string) => lintWith(['citation-mismatch'], text, { registry }).map((f) => `${f.messageId} ${f.line}:${f.column}`);
    expect(run('Thực hiện Kế hoạch số 15/KH-UBND ngày 12/01/2026 của UBND xã.')).toEqual(['registryDate 1:39']);
    expect(run('Thực hiện Kế hoạch số 15/KH-UBND ngày 12/01/2025 của UBND xã.')).toEqual([]);
  });
});

describe('a registry file given in the config', () => {
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'rl-registry-'));
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    return dir;
  }
  const REPORT = 'Báo cáo.\n\nThực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2026 của UBND xã về chuyển đổi số.\n';

  it('is read relative to the config file and checked against the citations', () => {
    const dir = project({
      'reportlint.config.json': JSON.stringify({ registry: ['data/van-ban.json'] }),
      'data/van-ban.json': JSON.stringify({ documents: [{ number: '45/KH-UBND', date: '2026-01-12', title: 'Kế hoạch chuyển đổi số năm 2026' }] }),
      'bao-cao.txt': REPORT,
    });
    const r = runCli(['--format', 'json', '--rule', 'citation-mismatch', 'bao-cao.txt'], { cwd: dir });
    const f = JSON.parse(r.stdout).files[0].findings;
    expect(f.map((x: { messageId: string; line: number; message: string }) => `${x.messageId} ${x.line}`)).toEqual(['registryDate 3']);
    expect(f[0].message).toBe('45/KH-UBND is dated 20/01/2026 here; the document itself is dated 12/01/2026 ("Kế hoạch chuyển đổi số năm 2026").');
  });

  it('stops the run with a clear line when the file is wrong', () => {
    const dir = project({
      'reportlint.config.json': JSON.stringify({ registry: ['van-ban.json'] }),
      'van-ban.json': JSON.stringify({ documents: [{ number: '45/KH-UBND', date: '31/02/2026' }] }),
      'bao-cao.txt': REPORT,
    });
    const r = runCli(['bao-cao.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('van-ban.json: documents.0.date: no such date, got "31/02/2026"');
    const missing = project({ 'reportlint.config.json': JSON.stringify({ registry: ['none.json'] }), 'bao-cao.txt': REPORT });
    const m = runCli(['bao-cao.txt'], { cwd: missing });
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('none.json: cannot read registry: no such file');
  });
});

// Every rule is registered, documented, has fixtures (valid and invalid) and both catalogues, and
// every message id of every rule is used by some fixture (as a finding, a related location or a
// fix title): a message no fixture produces is untested text.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
import { stripMarkers } from './helpers/fixtures.js';
import { crossFileWith, exercised, lintDocumentWith, lintWith } from './helpers/rule-tester.js';
import { parseBytes } from '../src/parse/index.js';

const fixtureFiles = fg.sync('fixtures/**/*.{txt,md}', { ignore: ['fixtures/robustness/**', 'fixtures/docx/**'] }).sort();
for (const f of fixtureFiles) lintWith([], stripMarkers(readFileSync(f, 'utf8'), f).text, { path: f });
// office fixtures (spreadsheets, Writer files) exercise the messages only such files can produce
for (const f of fg.sync('fixtures/**/*.{xlsx,ods,odt}').sort()) lintDocumentWith([], await parseBytes(new Uint8Array(readFileSync(f)), f));
// --cross-file's messages: each folder of fixtures/citation-mismatch/cross-file is one run
for (const dir of fg.sync('fixtures/citation-mismatch/cross-file/*', { onlyDirectories: true }).sort()) {
  crossFileWith(fg.sync(`${dir}/*.txt`).sort().map((path) => ({ path, text: readFileSync(path, 'utf8') })));
}

const files = readdirSync('src/rules').filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('rule inventory', () => {
  it('every rule file is registered', () => {
    const ids = rules.map((r) => r.id).sort();
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(ids);
  });
  for (const rule of rules) {
    describe(rule.id, () => {
      it('has a kebab-case id', () => expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/));
      it('has a docs page with the fixed sections', () => {
        const p = `docs/rules/${rule.id}.md`;
        expect(existsSync(p), p).toBe(true);
        const md = readFileSync(p, 'utf8');
        for (const h of ['## What it checks', '## Why it matters', '## Examples', '## Options']) expect(md, `${p} lacks ${h}`).toContain(h);
      });
      it('has valid and invalid fixtures', () => {
        const dir = `fixtures/${rule.id}`;
        expect(existsSync(dir), dir).toBe(true);
        const fx = readdirSync(dir);
        expect(fx.some((f) => f.startsWith('valid-')), `${dir} lacks valid-*`).toBe(true);
        expect(fx.some((f) => f.startsWith('invalid-')), `${dir} lacks invalid-*`).toBe(true);
      });
      it('has every message in Vietnamese and English', () => {
        for (const [id, m] of Object.entries(rule.messages)) {
          expect(m.en, `${rule.id}.${id}.en`).toBeTruthy();
          expect(m.vi, `${rule.id}.${id}.vi`).toBeTruthy();
          const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
          expect(ph(m.vi), `${rule.id}.${id}: placeholders differ`).toEqual(ph(m.en));
        }
        expect(rule.meta.description.en && rule.meta.description.vi).toBeTruthy();
      });
      it('uses every message id in some fixture', () => {
        const unused = Object.keys(rule.messages).filter((id) => !exercised.has(`${rule.id}/${id}`));
        expect(unused, `${rule.id}: message ids no fixture produces`).toEqual([]);
      });
    });
  }
});

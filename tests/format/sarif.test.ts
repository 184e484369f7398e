// SARIF output: valid against the official SARIF 2.1.0 schema (a copy is kept next to this test,
// since CI must not depend on paths outside the repository), regions equal the JSON contract's
// lines and UTF-16 columns, rule metadata, related locations, fixes, and fingerprints that do
// not move when lines are inserted above.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import sarif from '../../src/format/sarif.js';
import { rules } from '../../src/rules/index.js';
import { lintText } from '../../src/index.js';
import { fingerprint } from '../../src/cli/baseline.js';
import { runCli } from '../helpers/cli.js';
import { context, makeResult } from './synthetic.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';
// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF logs are read as plain JSON in tests */
type Json = any;

let validate: ValidateFunction;
beforeAll(() => {
  // The official schema is draft-04 (`id`); Ajv 8 reads it as draft-07 once `id` is `$id`
  // (the schema uses no keyword whose meaning changed between the two drafts).
  const schema = JSON.parse(readFileSync(join(__dirname, 'sarif-2.1.0.json'), 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  validate = ajv.compile(schema);
});

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('sarif formatter', () => {
  it('the example report validates and matches the JSON contract', () => {
    const r = runCli(['--format', 'sarif', EXAMPLE]);
    const log: Json = JSON.parse(r.stdout);
    expectValid(log);
    const json: Json = JSON.parse(runCli(['--format', 'json', EXAMPLE]).stdout).files[0];
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver.name).toBe('reportlint');
    expect(run.tool.driver.rules.map((x: Json) => x.id)).toEqual(rules.map((x) => x.id));
    expect(run.results).toHaveLength(json.findings.length);
    run.results.forEach((res: Json, i: number) => {
      const f = json.findings[i];
      expect(res.ruleId).toBe(f.ruleId);
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(f.ruleId);
      expect(res.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity as string]);
      expect(res.message.text).toBe(f.message);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation).toEqual({ uri: EXAMPLE, uriBaseId: '%SRCROOT%', index: 0 });
      expect(loc.region).toEqual({ startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
      expect((res.relatedLocations ?? []).map((x: Json) => [x.physicalLocation.region.startLine, x.physicalLocation.region.startColumn, x.message.text])).toEqual(
        f.related.map((x: Json) => [x.line, x.column, x.message]),
      );
      expect(res.partialFingerprints['reportlintFingerprint/v1']).toMatch(/^[0-9a-f]{32}:\d+$/);
      expect(!!res.fixes).toBe(!!f.fix);
      // the CLI hands the formatter the text, so fixes are placed by line and column
      for (const fx of res.fixes ?? []) for (const rep of fx.artifactChanges[0].replacements) expect(rep.deletedRegion.startLine).toBeGreaterThan(0);
    });
    const prints = run.results.map((x: Json) => x.partialFingerprints['reportlintFingerprint/v1']);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('describes every rule: descriptions, default level, docs page', () => {
    const log: Json = JSON.parse(sarif([], context({ lang: 'vi' })));
    expectValid(log);
    // the validator does reject what SARIF does not allow ('info' is not a SARIF level)
    const bad = structuredClone(log);
    bad.runs[0].tool.driver.rules[0].defaultConfiguration.level = 'info';
    expect(validate(bad)).toBe(false);
    for (const [i, rule] of rules.entries()) {
      const d = log.runs[0].tool.driver.rules[i];
      expect(d.shortDescription.text).toBe(rule.meta.description.vi);
      expect(d.fullDescription.text).toContain(rule.meta.description.en);
      expect(d.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[rule.meta.defaultSeverity]);
      // every rule has a page (the inventory test checks it); one being written may not yet
      if (!existsSync(`docs/rules/${rule.id}.md`)) {
        expect(d.helpUri).toBeUndefined();
        continue;
      }
      expect(d.helpUri).toBe(`https://github.com/reportlint/reportlint/blob/main/docs/rules/${rule.id}.md`);
      expect(d.help.markdown).toBe(readFileSync(`docs/rules/${rule.id}.md`, 'utf8'));
    }
  });

  it('fingerprints survive lines inserted above and keep each finding apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-sarif-'));
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    const text = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(a, text);
    writeFileSync(b, `\n\n\n${text}`);
    const print = (p: string) =>
      JSON.parse(runCli(['--format', 'sarif', p], { cwd: dir }).stdout).runs[0].results.map((x: Json) => [x.ruleId, x.locations[0].physicalLocation.region.startLine, x.partialFingerprints['reportlintFingerprint/v1']]);
    const pa = print('a.txt');
    const pb = print('b.txt');
    expect(pa.length).toBeGreaterThan(0);
    expect(pb.map((x: Json) => x[1])).toEqual(pa.map((x: Json) => x[1] + 3));
    expect(pb.map((x: Json) => x[2])).toEqual(pa.map((x: Json) => x[2]));
    // the same identity as the baseline's (plus the ordinal)
    const first = pa[0][2].split(':')[0];
    const src = readFileSync(a, 'utf8');
    const f0 = lintText(src, 'a.txt').findings[0];
    expect(first).toBe(fingerprint({ original: src }, f0));
  });

  it('related locations, fixes, UTF-16 columns, unreadable files and paths outside the folder', () => {
    const src = 'Mục 𝟙: một câu.\r\nDòng hai có lỗi ở đây.\n';
    const at = src.indexOf('lỗi');
    const r1 = makeResult('sub/a b.txt', src, [
      { start: at, end: at + 3, severity: 'error', related: [{ start: 0, end: 3, message: 'see here' }], fix: { start: at, end: at + 3, text: 'sai', title: 'Replace' } },
      { start: 4, end: 6, severity: 'info' },
    ]);
    const fatal = { path: '/elsewhere/x.txt', format: 'unknown', findings: [], checked: {}, errorCount: 0, warningCount: 0, infoCount: 0, fatal: 'cannot read: permission denied' };
    const log: Json = JSON.parse(sarif([r1, fatal], context({ cwd: '/work/repo', sources: new Map([['sub/a b.txt', src]]) })));
    expectValid(log);
    const run = log.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/repo/');
    expect(run.artifacts.map((x: Json) => x.location.uri)).toEqual(['sub/a%20b.txt', 'file:///elsewhere/x.txt']);
    const [e, n] = run.results;
    expect(e.level).toBe('error');
    expect(e.locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 13, endLine: 2, endColumn: 16 });
    expect(n.level).toBe('note');
    // 𝟙 is two UTF-16 code units: it spans columns 5 and 6
    expect(n.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 5, endLine: 1, endColumn: 7 });
    expect(e.relatedLocations).toEqual([{ id: 1, physicalLocation: { artifactLocation: { uri: 'sub/a%20b.txt', uriBaseId: '%SRCROOT%', index: 0 }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 4 } }, message: { text: 'see here' } }]);
    expect(e.fixes[0].description.text).toBe('Replace');
    expect(e.fixes[0].artifactChanges[0].replacements).toEqual([{ deletedRegion: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 16 }, insertedContent: { text: 'sai' } }]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('/elsewhere/x.txt: cannot read: permission denied');
  });

  it('without the source, fixes fall back to character offsets and fingerprints to the evidence', () => {
    const src = 'abc def ghi\n';
    const r = makeResult('a.txt', src, [{ start: 4, end: 7, fix: { start: 4, end: 7, text: 'x', title: 'T' } }]);
    const log: Json = JSON.parse(sarif([r], context({ cwd: '/w' })));
    expectValid(log);
    expect(log.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].deletedRegion).toEqual({ charOffset: 4, charLength: 3 });
    expect(log.runs[0].results[0].partialFingerprints['reportlintFingerprint/v1']).toMatch(/^[0-9a-f]{32}:\d+$/);
  });
});

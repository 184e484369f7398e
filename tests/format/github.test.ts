// GitHub Actions annotations: one workflow command per finding, severities mapped (info ->
// notice), paths relative to the workspace, and the runner's escaping of data and properties.

import { describe, expect, it } from 'vitest';
import github, { escapeData, escapeProperty } from '../../src/format/github.js';
import { runCli } from '../helpers/cli.js';
import { context, makeResult } from './synthetic.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';

describe('github formatter', () => {
  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('writes one command per finding with line, columns and title', () => {
    const src = 'Tổng: 1,5%\nsecond line, here\n';
    const r = makeResult('/ws/dir/a,b:c.txt', src, [
      { start: 0, end: 4, severity: 'error', message: 'Sum is 100%\nnot 99%', related: [{ start: 11, end: 17, message: 'part, here' }] },
      { start: 11, end: 17, severity: 'warning' },
      { start: 18, end: 22, severity: 'info', ruleId: 'duplicate-paragraph' },
    ]);
    const out = github([r], context({ cwd: '/ws' })).trimEnd().split('\n');
    expect(out).toEqual([
      '::error file=dir/a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=5,title=reportlint (broken-paragraph)::Sum is 100%25%0Anot 99%25%0A↳ 2:1 part, here',
      '::warning file=dir/a%2Cb%3Ac.txt,line=2,col=1,endLine=2,endColumn=7,title=reportlint (broken-paragraph)::finding 2',
      '::notice file=dir/a%2Cb%3Ac.txt,line=2,col=8,endLine=2,endColumn=12,title=reportlint (duplicate-paragraph)::finding 3',
    ]);
  });

  it('reports an unreadable file as an error annotation, and nothing for a clean run', () => {
    const fatal = { path: 'x.txt', format: 'unknown', findings: [], checked: {}, errorCount: 0, warningCount: 0, infoCount: 0, fatal: 'cannot read: no such file or directory' };
    expect(github([fatal], context())).toBe('::error file=x.txt,title=reportlint::cannot read: no such file or directory\n');
    expect(github([makeResult('a.txt', 'ok\n', [])], context())).toBe('');
  });

  it('the example report: one annotation per finding', () => {
    const json = JSON.parse(runCli(['--format', 'json', EXAMPLE]).stdout).files[0].findings;
    const lines = runCli(['--format', 'github', EXAMPLE]).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.length);
    lines.forEach((l, i) => {
      const f = json[i];
      const cmd = { error: 'error', warning: 'warning', info: 'notice' }[f.severity as string];
      expect(l.startsWith(`::${cmd} file=${EXAMPLE},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=reportlint (${f.ruleId})::`)).toBe(true);
      expect(l).not.toMatch(/[\r]/);
    });
  });
});

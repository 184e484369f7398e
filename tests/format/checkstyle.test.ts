// Checkstyle XML: well formed (parsed back with saxes), every finding an <error> with its line,
// column, severity and source, and text escaped (quotes, angle brackets, ampersands, controls).

import { describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import checkstyle, { xmlEscape } from '../../src/format/checkstyle.js';
import { runCli } from '../helpers/cli.js';
import { context, makeResult } from './synthetic.js';

const EXAMPLE = 'fixtures/example/bao-cao-164-TB-TU.txt';

interface El {
  name: string;
  attrs: Record<string, string>;
}

function parse(xml: string): El[] {
  const els: El[] = [];
  const p = new SaxesParser();
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => els.push({ name: t.name, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)])) }));
  p.write(xml).close();
  return els;
}

describe('checkstyle formatter', () => {
  it('escapes what XML needs and drops what it cannot carry', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\n`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;&#10;');
  });

  it('round-trips messages through an XML parser', () => {
    const nasty = 'Tổng "A" < B & C > D\u0007 \'x\'\nline 2';
    const r = makeResult('dir/<a&b>.txt', 'Một hai ba\n', [{ start: 0, end: 3, severity: 'error', message: nasty, related: [{ start: 4, end: 7, message: 'xem' }] }, { start: 4, end: 7, severity: 'info' }]);
    const fatal = { path: 'gone.txt', format: 'unknown', findings: [], checked: {}, errorCount: 0, warningCount: 0, infoCount: 0, fatal: 'cannot read: permission denied' };
    const els = parse(checkstyle([r, fatal], context()));
    expect(els.map((e) => e.name)).toEqual(['checkstyle', 'file', 'error', 'error', 'file', 'error']);
    expect(els[1].attrs.name).toBe('dir/<a&b>.txt');
    expect(els[2].attrs).toEqual({ line: '1', column: '1', severity: 'error', message: 'Tổng "A" < B & C > D \'x\'\nline 2 (1:5 xem)', source: 'reportlint.rules.broken-paragraph' });
    expect(els[3].attrs).toMatchObject({ line: '1', column: '5', severity: 'info' });
    expect(els[5].attrs).toMatchObject({ severity: 'error', message: 'cannot read: permission denied', source: 'reportlint.fatal' });
  });

  it('the example report: one <error> per finding', () => {
    const json = JSON.parse(runCli(['--format', 'json', EXAMPLE]).stdout).files[0].findings;
    const errs = parse(runCli(['--format', 'checkstyle', EXAMPLE]).stdout).filter((e) => e.name === 'error');
    expect(errs.map((e) => [e.attrs.line, e.attrs.column, e.attrs.severity, e.attrs.source])).toEqual(
      json.map((f: { line: number; column: number; severity: string; ruleId: string }) => [String(f.line), String(f.column), f.severity, `reportlint.rules.${f.ruleId}`]),
    );
  });
});

// Every docs/rules/<id>.md page's examples do what the page says: under `## Examples`, each
// fenced `text`, `markdown` or `sheet` (a spreadsheet written as text) block after a `Flagged:` line must produce exactly one finding of
// that rule, each after `Not flagged:` none (linted with that rule only).

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintParsed, lintText } from '../src/index.js';
import { sheetDocument } from './helpers/sheet-text.js';
import { findRule } from '../src/rules/index.js';

export interface Example {
  label: 'Flagged' | 'Not flagged';
  lang: string;
  text: string;
  /** 1-based line of the opening fence in the page. */
  line: number;
}

/** The examples of a page, or the problems that keep them from being read. */
export function parseExamples(md: string): { examples: Example[]; problems: string[] } {
  const lines = md.split(/\r?\n/);
  const examples: Example[] = [];
  const problems: string[] = [];
  const start = lines.findIndex((l) => /^##\s+Examples\s*$/.test(l));
  if (start < 0) return { examples, problems: ['no "## Examples" section'] };
  let label: Example['label'] | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i];
    if (/^##\s/.test(l)) break;
    if (l === 'Flagged:' || l === 'Not flagged:') {
      label = l.slice(0, -1) as Example['label'];
      continue;
    }
    const fence = /^(`{3,}|~{3,})\s*([\w-]*)\s*$/.exec(l);
    if (!fence) continue;
    const close = new RegExp(`^${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) body.push(lines[j++]);
    if (j >= lines.length) problems.push(`line ${i + 1}: code block never closed`);
    const lang = fence[2];
    if (!label) problems.push(`line ${i + 1}: example before any "Flagged:" or "Not flagged:" line`);
    else if (lang !== 'text' && lang !== 'markdown' && lang !== 'sheet') problems.push(`line ${i + 1}: example in \`${lang || '(no language)'}\`; use text, markdown or sheet`);
    else examples.push({ label, lang, text: body.join('\n') + '\n', line: i + 1 });
    i = j;
  }
  return { examples, problems };
}

const pages = readdirSync('docs/rules').filter((f) => f.endsWith('.md')).sort();

describe('docs examples parser', () => {
  it('reads labels, fences and languages; reports what it cannot use', () => {
    const md = ['# x', '## Examples', '```text', 'a', '```', 'Flagged:', '', '````markdown', '```', 'b', '````', 'Not flagged:', '~~~text', 'c', '~~~', '```js', 'd', '```', '## Options', 'Flagged:', '```text', 'e', '```'].join('\n');
    const { examples, problems } = parseExamples(md);
    expect(examples).toEqual([
      { label: 'Flagged', lang: 'markdown', text: '```\nb\n', line: 8 },
      { label: 'Not flagged', lang: 'text', text: 'c\n', line: 13 },
    ]);
    expect(problems).toEqual(['line 3: example before any "Flagged:" or "Not flagged:" line', 'line 16: example in `js`; use text, markdown or sheet']);
  });
});

describe('docs/rules examples', () => {
  it('there are pages', () => expect(pages.length).toBeGreaterThan(0));
  for (const page of pages) {
    const id = page.replace(/\.md$/, '');
    const path = `docs/rules/${page}`;
    const { examples, problems } = parseExamples(readFileSync(path, 'utf8'));
    describe(id, () => {
      it('documents a registered rule and has readable examples of both kinds', () => {
        expect(findRule(id), `${path}: no rule '${id}' is registered`).toBeDefined();
        expect(problems, path).toEqual([]);
        expect(examples.filter((e) => e.label === 'Flagged').length, `${path}: no Flagged example`).toBeGreaterThan(0);
        expect(examples.filter((e) => e.label === 'Not flagged').length, `${path}: no Not flagged example`).toBeGreaterThan(0);
      });
      for (const ex of examples) {
        it(`${ex.label} example at ${path}:${ex.line}`, () => {
          if (!findRule(id)) return; // reported above
          const file = ex.lang === 'markdown' ? 'example.md' : 'example.txt';
          // a `sheet` example is a small spreadsheet written as text (tests/helpers/sheet-text.ts)
          const result = ex.lang === 'sheet' ? lintParsed(sheetDocument(ex.text), { only: [id] }) : lintText(ex.text, file, { only: [id] });
          const found = result.findings.filter((f) => f.ruleId === id);
          const summary = found.map((f) => `${f.line}:${f.column} ${f.message}`);
          expect(summary, `${path}:${ex.line}`).toHaveLength(ex.label === 'Flagged' ? 1 : 0);
        });
      }
    });
  }
});

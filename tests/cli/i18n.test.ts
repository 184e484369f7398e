// Every text the command line says exists in both languages with the same placeholders, and every
// reason a parser gives for refusing a file has a Vietnamese reading.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_MESSAGES, translateReason } from '../../src/i18n/cli.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('CLI texts', () => {
  it('each has English and Vietnamese with the same placeholders', () => {
    for (const [id, t] of Object.entries(CLI_MESSAGES)) {
      expect(t.en, id).not.toBe('');
      expect(t.vi, id).not.toBe(t.en);
      expect(placeholders(t.vi), id).toEqual(placeholders(t.en));
    }
  });

  it('every reason a parser throws has a Vietnamese reading', () => {
    const thrown: string[] = [];
    for (const file of sources('src/parse')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/throw new \w*Error\((['`])((?:\\.|(?!\1).)*)\1/g)) {
        // a template's ${...} stands for a value: a path-like word or a number
        thrown.push(m[2].replace(/\$\{[^}]*\}/g, (x) => (/offset|at|count|nul|size|limit|method|bytes|max|cells/i.test(x) ? '7' : 'word/document.xml')));
      }
    }
    expect(thrown.length).toBeGreaterThan(20);
    for (const reason of thrown) expect(translateReason(reason, 'vi'), reason).not.toBe(reason);
  });
});

// Parsing is bounded, not only the rules: a small .docx whose XML nests 100,000 elements deep
// (content controls, smart tags, hyperlinks, text boxes) or holds millions of empty elements ends
// in seconds, refused with one line by the XML reader's depth and element limits; and the
// per-file time budget covers reading and parsing as well as the rules.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tmp } from './helpers.js';

const BASE = join(ROOT, 'fixtures/docx/bao-cao-164-TB-TU.docx');
const d = tmp();

function docxWithBody(name: string, body: string): string {
  const parts = unzipSync(readFileSync(BASE));
  parts['word/document.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  const p = join(d, name);
  writeFileSync(p, zipSync(parts));
  return p;
}

const NESTED: Array<[string, string, string]> = [
  ['w:sdt', '<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'],
  ['w:smartTag', '<w:smartTag w:uri="u" w:element="e">', '</w:smartTag>'],
  ['w:hyperlink', '<w:hyperlink w:anchor="a">', '</w:hyperlink>'],
  ['w:txbxContent', '<w:txbxContent><w:p>', '</w:p></w:txbxContent>'],
];

describe('nesting 100,000 deep', () => {
  for (const [tag, open, close] of NESTED) {
    it(`${tag}: ends in under 10 s, refused with one line`, () => {
      const n = 100_000;
      const p = docxWithBody(`nested-${tag.slice(2)}.docx`, `<w:p>${open.repeat(n)}<w:r><w:t>Nội dung.</w:t></w:r>${close.repeat(n)}</w:p>`);
      const r = run(['--format', 'json', p], { timeout: 20_000 });
      expect(r.ms).toBeLessThan(10_000);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${p}: cannot read: word/document.xml nests elements more than 256 deep (the limit for a Word part)\n`);
    });
  }

  it('nesting within the limit is read', () => {
    const p = docxWithBody('nested-ok.docx', `<w:p>${'<w:smartTag>'.repeat(100)}<w:r><w:t>Nội dung.</w:t></w:r>${'</w:smartTag>'.repeat(100)}</w:p>`);
    const r = run(['--format', 'json', p]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].fatal).toBeUndefined();
  });
});

describe('millions of elements', () => {
  it('4,000,001 empty runs: refused by the element limit in bounded time', () => {
    const p = docxWithBody('wide.docx', `<w:p>${'<w:r/>'.repeat(4_000_001)}</w:p>`);
    const r = run(['--format', 'json', p], { timeout: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${p}: cannot read: the package has more than 4,000,000 XML elements (the limit for a Word document)\n`);
  });
});

describe('the per-file time budget covers parsing', () => {
  it('a .docx past --time-budget while it is being read: one line naming the budget', () => {
    const p = docxWithBody('slow.docx', `<w:p>${'<w:r><w:t>Một câu. </w:t></w:r>'.repeat(400_000)}</w:p>`);
    const r = run(['--time-budget', '0.2', '--format', 'json', p], { timeout: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${p}: cannot read: the time budget of 200 ms for this file ran out while reading it (--time-budget)\n`);
  });
});

// The parser's `continues` mark (a sentence split by a page break): set on real splits, not on
// table rows read as lines, title-case side headings or addresses, nor after a heading.

import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/facts/sentences.js';
import { FactStore } from '../../src/engine/facts.js';
import { resolveSettings } from '../../src/engine/run.js';
import { parseText } from '../../src/parse/index.js';

function continues(text: string): number[] {
  return parseText(text, 'x.txt').blocks.filter((b) => b.continues).map((b) => b.index);
}

describe('continues', () => {
  it('marks a paragraph split mid-sentence, and the sentence fact joins the two', () => {
    const text = 'Giám sát tiến độ thực hiện các nhiệm vụ; trách\n\nnhiệm của người đứng đầu. Câu sau.\n';
    expect(continues(text)).toEqual([0]);
    const doc = parseText(text, 'x.txt');
    const s = new FactStore(doc, resolveSettings(doc)).get(sentences);
    expect(s.map((x) => x.text)).toEqual(['Giám sát tiến độ thực hiện các nhiệm vụ; trách\n\nnhiệm của người đứng đầu.'.replace(/\n/g, ' '), 'Câu sau.']);
    expect(s[0].blocks).toEqual([0, 1]);
  });
  it('marks a split English sentence', () => {
    expect(continues('We completed the bulk of our audit work so\n\nthat we can deliver the report on time.\n')).toEqual([0]);
  });
  it('not a table row read as a line', () => {
    expect(continues('Mức chi tối đa 3.000.000 đồng/người\n\nh\tAnh hùng lao động\n')).toEqual([]);
  });
  it('not a title-case side heading', () => {
    expect(continues('Oversight Mechanisms Consistently\n\nperformance measures were not reported.\n')).toEqual([]);
  });
  it('not an address followed by a link', () => {
    expect(continues('Contact: CongRel@gao.gov\n\nhttps://www.gao.gov/about\n')).toEqual([]);
  });
  it('not a heading followed by a lettered item', () => {
    expect(continues('1.2. Kết quả khắc phục\n\na) những nội dung đã thực hiện\n')).toEqual([]);
  });
  it('is linear on adversarial text', () => {
    const prev = '@'.repeat(100000) + ' x';
    expect(continues(`${prev}\n\nmore text follows here.\n`)).toEqual([0]);
  });
});

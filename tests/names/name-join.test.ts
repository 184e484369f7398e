// name-variant on a Vietnamese name written joined (ThanhChương for Thanh Chương): the names fact
// keys marked names without their spaces, apart from ASCII names (compared as English).

import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

const found = (text: string) => lintText(text, 'input.txt', { only: ['name-variant'] }).findings.map((f) => `${f.severity} ${text.slice(f.span.start, f.span.end)} -> ${f.fix?.edits[0].text}`);

describe('name-variant: a name written joined', () => {
  it('reports the joined form against the spaced one used three times', () => {
    expect(found('Huyện Thanh Chương có 40 xã.\nNhân dân Thanh Chương đồng thuận.\nỦy ban Thanh Chương báo cáo.\nBáo cáo của ThanhChương gửi tỉnh.')).toEqual(['warning ThanhChương -> Thanh Chương']);
  });
  it('does not compare a marked name with an ASCII one', () => {
    expect(found('Cục Hải quan Đà Nẵng báo cáo.\nCục Hải quan Đà Nẵng đề nghị.\nCục Hải quan Đà Nẵng kiến nghị.\nHQ Da Nang gửi.')).toEqual([]);
  });
});

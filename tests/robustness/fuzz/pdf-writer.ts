// A minimal PDF writer for the fuzzer: pages of text in a standard font, a correct cross-reference
// table, and the hostile structures real files carry: an /Encrypt dictionary, object loops (a
// page tree that contains itself, a /Parent cycle, a /Length that refers to itself, an xref
// /Prev pointing at itself), a page count that lies, and many pages.

export interface PdfSpec {
  pages: string[][]; // lines of text per page
  encrypt?: 'rc4-empty-user' | 'rc4-password' | 'aes-garbage';
  loop?: 'kids-self' | 'parent-cycle' | 'length-self' | 'prev-self';
  /** /Count in the page tree (default: the real number of pages). */
  claimedCount?: number;
}

const esc = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');

export function writePdf(spec: PdfSpec): Uint8Array {
  const objects: string[] = []; // index = object number - 1
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add(''); // filled below
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const lines of spec.pages) {
    const ops = ['BT', '/F1 11 Tf', '14 TL', '72 770 Td'];
    for (const l of lines) ops.push(`(${esc(l)}) '`);
    ops.push('ET');
    const stream = ops.join('\n');
    const lengthRef = spec.loop === 'length-self' ? objects.length + 1 : undefined;
    const content = add(`<< /Length ${lengthRef ? `${lengthRef} 0 R` : stream.length} >>\nstream\n${stream}\nendstream`);
    const parent = spec.loop === 'parent-cycle' && kids.length === 0 ? objects.length + 1 : pagesObj;
    kids.push(add(`<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  const kidRefs = kids.map((k) => `${k} 0 R`);
  if (spec.loop === 'kids-self') kidRefs.push(`${pagesObj} 0 R`);
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kidRefs.join(' ')}] /Count ${spec.claimedCount ?? kids.length} >>`;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  let encryptRef = '';
  if (spec.encrypt) {
    const o = '<' + 'a1'.repeat(32) + '>';
    const u = '<' + 'b2'.repeat(32) + '>';
    const dict =
      spec.encrypt === 'aes-garbage'
        ? `<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /Length 16 >> >> /StmF /StdCF /StrF /StdCF /O ${o} /U ${u} /P -4 >>`
        : `<< /Filter /Standard /V 1 /R 2 /O ${o} /U ${u} /P -4 >>`;
    encryptRef = ` /Encrypt ${add(dict)} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const prev = spec.loop === 'prev-self' ? ` /Prev ${xref}` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encryptRef}${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

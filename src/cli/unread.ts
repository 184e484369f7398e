// Why a file found in a walked directory is not read, and what to do: one line per file, so a
// folder of drafts in formats reportlint does not read never passes as "no problems".

import { extensionOf } from './files.js';

const READS = '.txt, .md, .docx, .odt, .doc, .rtf, .pdf, .xlsx, .ods, .xls';

const KINDS: Array<[RegExp, string]> = [
  [/^\.(png|jpe?g|gif|tiff?|bmp|webp|heic|heif|svg|emf|wmf)$/, 'an image: reportlint reads text, not pictures (no OCR)'],
  [/^\.(pptx?|pps[xm]?|odp|key)$/, 'a presentation: export it as PDF to lint it'],
  [/^\.(zip|rar|7z|gz|tgz|tar|bz2|xz)$/, 'an archive: extract it and lint the files inside'],
  [/^\.(pages|wpd|wps|hwp|hwpx|abw|fodt|xps|oxps|djvu|epub)$/, 'a document format reportlint does not read: save it as .docx or PDF'],
  [/^\.(csv|tsv|fods|numbers|xlsb)$/, 'a table format reportlint does not read: save it as .xlsx or .ods'],
  [/^\.(html?|xml|json|ya?ml|js|ts|css|log|ini|cfg)$/, 'not a report (data, markup or code)'],
];

export function notReadReason(path: string): string {
  const ext = extensionOf(path);
  const known = KINDS.find(([re]) => re.test(ext))?.[1];
  const kind = known ?? `not a format reportlint reads (${ext || 'no extension'}; it reads ${READS})`;
  const skip = ext ? `--skip ${ext.slice(1)}` : "--skip '*'";
  return `${kind}; leave such files out with ${skip} or ignorePatterns`;
}

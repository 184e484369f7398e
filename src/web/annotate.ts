// The page's "Word file with comments" download: the same core as --annotate.

import type { Finding, Lang } from '../engine/types.js';
import { annotateBytes } from '../format/docx-comments.js';

export function annotatedDocx(bytes: Uint8Array, path: string, findings: Finding[], lang: Lang): Uint8Array {
  void lang; // the findings' messages are already in the page's language
  return annotateBytes(bytes, path, findings).bytes;
}

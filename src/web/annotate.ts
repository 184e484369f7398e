// The page's "Word file with comments" download: the same core as --annotate, with the comments'
// severity words and heading paths in the page's language.

import type { Finding, Lang } from '../engine/types.js';
import { annotateBytes } from '../format/docx-comments.js';
import { rules } from '../rules/index.js';

export function annotatedDocx(bytes: Uint8Array, path: string, findings: Finding[], lang: Lang): Uint8Array {
  return annotateBytes(bytes, path, findings, { lang, rules }).bytes;
}

// The formatters' view of the file system (src/format/env.ts): paths relative to the working
// directory, file URLs, and the rules' pages shipped in the package (docs/rules/<id>.md).

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FormatEnv } from '../format/env.js';
import { HOMEPAGE, ruleDocsUrl } from '../version.js';

/** The package root (dist/cli/ or src/cli/ -> ../../). */
const PKG_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function nodeEnv(cwd: string): FormatEnv {
  return {
    relative(path) {
      const rel = relative(cwd, resolve(cwd, path));
      return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
    },
    fileUrl: (path) => pathToFileURL(resolve(cwd, path)).href,
    ruleDoc(ruleId) {
      const page = resolve(PKG_ROOT, 'docs', 'rules', `${ruleId}.md`);
      if (!existsSync(page)) return undefined;
      // the page travels with the log; its link is the repository's, which resolves wherever the log is read
      return { markdown: readFileSync(page, 'utf8'), url: ruleDocsUrl(ruleId) };
    },
    homeUrl: HOMEPAGE,
  };
}

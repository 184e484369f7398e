// What formatters may ask of the front end, since they do no I/O themselves: paths relative to the
// working directory, file URLs, and the rules' documentation pages. The CLI passes a file-system
// implementation (src/cli/format-env.ts); without one (the browser page) paths are shown as given.

export interface FormatEnv {
  /** `path` relative to the working directory with `/` separators, or undefined when outside it. */
  relative(path: string): string | undefined;
  /** An absolute URL for a path (file:). */
  fileUrl(path: string): string;
  /** A rule's documentation page (Markdown) and where it can be read; undefined when not shipped. */
  ruleDoc(ruleId: string): { markdown: string; url: string } | undefined;
  /** Where the tool's documentation is. */
  homeUrl: string;
}

import { HOMEPAGE } from '../version.js';

/** Paths as given: a relative path stays relative, nothing is read. */
export function plainEnv(cwd: string): FormatEnv {
  const base = cwd.replace(/\\/g, '/').replace(/\/+$/, '');
  return {
    relative(path) {
      const p = path.replace(/\\/g, '/');
      if (!p.startsWith('/') && !/^[A-Za-z]:\//.test(p)) return p.split('/').includes('..') ? undefined : p.replace(/^\.\//, '');
      return base && p.startsWith(`${base}/`) ? p.slice(base.length + 1) : undefined;
    },
    fileUrl(path) {
      const p = path.replace(/\\/g, '/');
      const abs = p.startsWith('/') || /^[A-Za-z]:\//.test(p) ? p : `${base}/${p}`;
      return `file://${abs.startsWith('/') ? '' : '/'}${abs.split('/').map(encodeURIComponent).join('/')}`;
    },
    ruleDoc: () => undefined,
    homeUrl: HOMEPAGE,
  };
}

// pdf.js in Node, with a guard against the rejections it leaves unhandled. pdf.js starts lookups
// it does not always await: Catalog.getPageDict (pdfjs-dist 4.10.38) fetches every top-level
// page dictionary at once and stops at the first that fails, so a second damaged one rejects with
// nobody listening (found by the file fuzzer: a page tree with two damaged pages). Node ends the
// process on an unhandled rejection with a stack trace and exit 1, the code that means
// "findings". What pdf.js does not await carries nothing the reader would act on (everything it
// awaits is handled where it is awaited), so a rejection raised in pdf.js's own code is dropped;
// any other one still ends the run, as an internal error with exit 2 (unless another listener, a
// test runner, handles it).

import { setPdfjsLoader } from '../parse/pdf.js';

/** A file of the pdf.js build (pdf.mjs or pdf.worker.mjs) in a stack trace. */
const PDFJS_FRAME = /[\\/]pdfjs-dist[\\/](?:legacy[\\/])?build[\\/]pdf(?:\.worker)?(?:\.min)?\.m?js\b/;

/** True for a rejection raised inside pdf.js (its exceptions' stacks run through its build). */
export function fromPdfjs(reason: unknown): boolean {
  return reason instanceof Error && PDFJS_FRAME.test(String(reason.stack ?? ''));
}

let guarded = false;

/** Installs the guard once per thread (the CLI, each worker thread). */
export function guardPdfjsRejections(): void {
  if (guarded) return;
  guarded = true;
  process.on('unhandledRejection', (reason) => {
    if (fromPdfjs(reason)) return;
    if (process.listenerCount('unhandledRejection') > 1) return;
    process.stderr.write(`reportlint: internal error: ${reason instanceof Error ? reason.message : String(reason)}\n`);
    process.exit(2);
  });
}

setPdfjsLoader(async () => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  guardPdfjsRejections();
  return pdfjs;
});

// Entry of the browser bundle. pdf.js and its worker are bundled as text and started from blob
// URLs only when a PDF is dropped, so the page needs no file beside it, no network, and does not
// parse pdf.js's code to open.

// @ts-expect-error virtual modules of scripts/build-web.mjs: the text of pdf.js and of its worker
import pdfSource from 'virtual:pdf-source';
// @ts-expect-error see above
import workerSource from 'virtual:pdf-worker-source';
import { setPdfjsLoader } from '../parse/pdf.js';
import { start } from './app.js';

const blobUrl = (text: string): string => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));

setPdfjsLoader(async () => {
  const pdfjs = (await import(/* the page's own copy, from a blob URL */ blobUrl(pdfSource as string))) as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = blobUrl(workerSource as string);
  return pdfjs;
});
start();

// `--annotate <out.docx>` (alias `--comments`): writes a copy of the linted .docx with one Word
// comment per finding (the core is src/format/docx-comments.ts, shared with the browser page), in
// the message language, with the rules' messages re-rendered for Word (heading paths, not line
// numbers). The output folder is created; the input is never overwritten; annotating an
// annotated copy replaces reportlint's earlier comments. Writing the copy is bounded like reading
// a file: the XML limits, and --time-budget (checked while inflating and every 4,096 elements).

import { mkdir, realpath } from 'node:fs/promises';
import { DEFAULT_TIME_BUDGET_MS } from '../engine/run.js';
import { DEFAULT_XML_LIMITS, Deadline, ParseBudget, withParseBudget } from '../parse/limits.js';
import { DEFAULT_MAX_FILE_BYTES } from './lint-file.js';
import { readRegularFile } from './read.js';
import { dirname, resolve } from 'node:path';
import type { Finding, Lang } from '../engine/types.js';
import { AnnotateError, annotateBytes, type AnnotateResult } from '../format/docx-comments.js';
import { rules } from '../rules/index.js';
import { writeFileAtomic } from './safe-write.js';

export { AnnotateError, annotateModel, type AnnotateResult } from '../format/docx-comments.js';

async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}

/** The per-file deadline, named for what is being done when it runs out. */
class AnnotateDeadline extends Deadline {
  override check(): void {
    super.check('writing the Word comments');
  }
}

/** Writes `output`: the .docx at `input` with the findings as Word comments, within `timeBudgetMs` (from the call). */
export async function annotateDocx(input: string, output: string, findings: Finding[], lang: Lang = 'en', timeBudgetMs = DEFAULT_TIME_BUDGET_MS): Promise<AnnotateResult> {
  const deadline = new AnnotateDeadline(timeBudgetMs);
  if (!/\.docx$/i.test(input)) throw new AnnotateError(`--annotate works on .docx input; ${input} is not a .docx`);
  if (await samePath(input, output)) throw new AnnotateError('the output path is the input file; refusing to overwrite it');
  // read through the reading boundary (regular files only, within the size limit)
  const { bytes } = await readRegularFile(input, { maxBytes: DEFAULT_MAX_FILE_BYTES, label: '(--max-file-size)' });
  deadline.check();
  const out = withParseBudget(new ParseBudget(DEFAULT_XML_LIMITS, deadline, 'Word'), () => annotateBytes(bytes, input, findings, { lang, rules }));
  deadline.check();
  try {
    await mkdir(dirname(output), { recursive: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new AnnotateError(`cannot create the folder ${dirname(output)} (${err.code === 'EEXIST' || err.code === 'ENOTDIR' ? 'a file of that name is in the way' : err.code === 'EACCES' ? 'permission denied' : err.message})`);
  }
  await writeFileAtomic(output, out.bytes);
  return out.result;
}

/** The CLI side of --annotate: one .docx input, one output; returns an exit code (0 or 2). */
export async function annotateFromCli(
  output: string,
  results: Array<{ path: string; format: string; findings: Finding[]; fatal?: string }>,
  cwd: string,
  stderr: (s: string) => void,
  lang: Lang = 'en',
  timeBudgetMs?: number,
): Promise<number> {
  const docx = results.filter((r) => r.format === 'docx' && !r.fatal);
  if (results.length !== 1 || docx.length !== 1) {
    stderr(`reportlint: --annotate needs exactly one readable .docx file to lint (got ${results.length} file${results.length === 1 ? '' : 's'}, ${docx.length} .docx)\n`);
    return 2;
  }
  const r = docx[0];
  try {
    const res = await annotateDocx(resolve(cwd, r.path), resolve(cwd, output), r.findings, lang, timeBudgetMs);
    const replaced = res.replaced ? `, replacing ${res.replaced} from an earlier run` : '';
    stderr(`reportlint: wrote ${output} with ${res.comments} comment${res.comments === 1 ? '' : 's'}${replaced}${res.skipped ? ` (${res.skipped} finding${res.skipped === 1 ? '' : 's'} on generated text could not be anchored)` : ''}\n`);
    return 0;
  } catch (e) {
    stderr(`reportlint: --annotate: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

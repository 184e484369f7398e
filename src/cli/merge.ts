// `reportlint merge a.json b.json ...`: joins the JSON outputs of sharded runs into one result,
// which any formatter can print. Merged JSON is identical to the JSON of one run over all files.
// Each shard is read through the reading boundary (src/cli/read.ts) and checked against the
// JSON output's schema (src/cli/schemas.ts) before anything is merged: a shard reportlint did not
// write is refused with one line naming the file and the key path.

import type { FileResult } from '../engine/types.js';
import { DATA_LIMIT, readRegularFile, ReadError } from './read.js';
import { checkData, DataError, jsonOutputSchema, parseJson, resultsFromOutput, topLevel } from './schemas.js';

export class MergeError extends Error {}

export function resultsFromJson(text: string, source = 'input'): FileResult[] {
  let data: unknown;
  try {
    data = parseJson(text);
    if (!topLevel(data, 'files', 'array')) throw new DataError('not a reportlint JSON output (version 1)');
    return resultsFromOutput(checkData(jsonOutputSchema, data));
  } catch (e) {
    if (e instanceof DataError) throw new MergeError(`${source}: ${e.message}`);
    throw e;
  }
}

export async function mergeFiles(paths: string[], shown: string[] = paths): Promise<FileResult[]> {
  const all: FileResult[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i];
    let text: string;
    try {
      const { bytes } = await readRegularFile(p, DATA_LIMIT);
      text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
    } catch (e) {
      if (e instanceof ReadError) throw new MergeError(`${shown[i]}: cannot read: ${e.message}`);
      throw e;
    }
    for (const r of resultsFromJson(text, shown[i])) {
      if (seen.has(r.path)) throw new MergeError(`${shown[i]}: ${r.path} appears in more than one input`);
      seen.add(r.path);
      all.push(r);
    }
  }
  return all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// --cache: replays the findings of files whose content, configuration and reportlint version
// are unchanged since the last run. The cache is one JSON file; a corrupt or foreign cache is
// never trusted: it is rebuilt, with a warning.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FileResult } from '../engine/types.js';
import { writeFileAtomic } from './safe-write.js';

interface Entry {
  hash: string;
  result: FileResult;
}

interface CacheFile {
  reportlint: string;
  config: string;
  entries: Record<string, Entry>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Hash of everything besides the file's bytes that changes findings (options, config, language). */
export function configHash(parts: unknown): string {
  return createHash('sha256').update(stableStringify(parts)).digest('hex').slice(0, 32);
}

function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export class LintCache {
  private entries: Record<string, Entry> = {};
  private next: Record<string, Entry> = {};
  warning?: string;

  private constructor(
    readonly location: string,
    readonly version: string,
    readonly config: string,
  ) {}

  static async open(location: string, version: string, config: string): Promise<LintCache> {
    const cache = new LintCache(location, version, config);
    let raw: string;
    try {
      raw = await readFile(location, 'utf8');
    } catch {
      return cache; // no cache yet
    }
    try {
      const data = JSON.parse(raw) as CacheFile;
      if (!data || typeof data !== 'object' || typeof data.entries !== 'object' || data.entries === null) throw new Error('not a reportlint cache');
      if (data.reportlint === version && data.config === config) cache.entries = data.entries;
    } catch (e) {
      cache.warning = `${location}: the cache is corrupt (${e instanceof Error ? e.message : String(e)}); rebuilding it`;
    }
    return cache;
  }

  /** The content hash recorded for a key, if any. */
  peek(key: string): string | undefined {
    return this.entries[key]?.hash;
  }

  /** A previous result for these exact bytes, or undefined. */
  get(path: string, hash: string): FileResult | undefined {
    const e = this.entries[path];
    if (!e || e.hash !== hash || !e.result || !Array.isArray(e.result.findings)) return undefined;
    this.next[path] = e;
    return structuredClone(e.result);
  }

  set(path: string, hash: string, result: FileResult): void {
    if (result.fatal || result.internalErrors) return; // never cache failures
    this.next[path] = { hash, result };
  }

  async save(): Promise<void> {
    const data: CacheFile = { reportlint: this.version, config: this.config, entries: this.next };
    await writeFileAtomic(this.location, JSON.stringify(data));
  }
}

// --cache: replays the findings of files whose content, configuration and reportlint version
// are unchanged since the last run. The cache is one JSON file, read through the reading
// boundary (src/cli/read.ts). It is data from disk, so it is never trusted as such:
// - the file must be a reportlint cache of this version and this run's config, or it is ignored
//   (a corrupt one is rebuilt, with a warning);
// - each entry must match the result schema (src/cli/schemas.ts) and carry a keyed hash
//   (HMAC-SHA256) of the version, the config, its key, the content hash and the result, made with
//   a key kept outside the cache file (REPORTLINT_CACHE_KEY, or a private file in the user's
//   cache folder). A poisoned entry, or a forged one that would hide a file's findings, fails the
//   check and that file is linted again, with a warning. See SECURITY.md for the threat model.

import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileResult } from '../engine/types.js';
import { DATA_LIMIT, readTextFile, ReadError } from './read.js';
import { fileResultSchema, protoKeyPath } from './schemas.js';
import { writeFileAtomic } from './safe-write.js';

interface Entry {
  hash: string;
  /** HMAC of everything the entry vouches for (see macOf). */
  mac: string;
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

/** JSON with sorted keys; undefined members are left out, as JSON.stringify does. */
function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stableStringify(x))).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Where the cache key lives unless REPORTLINT_CACHE_KEY is set. */
export function cacheKeyFile(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'reportlint', 'cache-key');
}

/**
 * The key of the keyed hashes: from REPORTLINT_CACHE_KEY (CI: a secret), else a random key kept
 * in a private file (created 0600 on first use). When no key can be kept, a key for this run
 * only: nothing cached is reused, and the warning says why.
 */
export async function loadCacheKey(env: NodeJS.ProcessEnv): Promise<{ key: Buffer; warning?: string }> {
  if (env.REPORTLINT_CACHE_KEY) return { key: createHash('sha256').update(env.REPORTLINT_CACHE_KEY).digest() };
  const file = cacheKeyFile(env);
  const parse = (s: string | undefined): Buffer | undefined => (s && /^[0-9a-f]{64}\s*$/.test(s) ? Buffer.from(s.trim(), 'hex') : undefined);
  try {
    const existing = parse(await readTextFile(file, { maxBytes: 1024, label: 'for a key file' }, true));
    if (existing) return { key: existing };
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const key = randomBytes(32);
    let fh;
    try {
      fh = await open(file, 'wx', 0o600);
    } catch (e) {
      // another run created it first
      const other = parse(await readTextFile(file, { maxBytes: 1024, label: 'for a key file' }, true));
      if (other) return { key: other };
      throw e;
    }
    try {
      await fh.writeFile(`${key.toString('hex')}\n`);
    } finally {
      await fh.close();
    }
    return { key };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { key: randomBytes(32), warning: `cannot keep the cache key in ${file} (${reason}); cached results are not reused (set REPORTLINT_CACHE_KEY)` };
  }
}

function macOf(key: Buffer, version: string, config: string, entryKey: string, hash: string, result: FileResult): string {
  return createHmac('sha256', key).update(stableStringify([version, config, entryKey, hash, result])).digest('hex');
}

const fileOf = (entryKey: string): string => entryKey.split('\u0000')[0];

export class LintCache {
  private entries: Record<string, Entry> = {};
  private next: Record<string, Entry> = {};
  /** The cache file could not be read (not a regular file, permission): it is neither used nor replaced. */
  private disabled = false;
  warning?: string;

  private constructor(
    readonly location: string,
    readonly version: string,
    readonly config: string,
    private readonly key: Buffer,
  ) {}

  /**
   * Opens the cache at `location` (`shown` names it in warnings). Entries that fail the schema or
   * the keyed hash are dropped, so their files are linted again.
   */
  static async open(location: string, version: string, config: string, env: NodeJS.ProcessEnv = process.env, shown = location): Promise<LintCache> {
    const { key, warning } = await loadCacheKey(env);
    const cache = new LintCache(location, version, config, key);
    const warnings: string[] = warning ? [warning] : [];
    let raw: string | undefined;
    try {
      raw = await readTextFile(location, DATA_LIMIT, true);
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      cache.disabled = true;
      warnings.push(`${shown}: cannot read the cache: ${e.message}; linting without a cache`);
    }
    if (raw !== undefined) {
      try {
        const data = JSON.parse(raw) as CacheFile;
        if (!data || typeof data !== 'object' || Array.isArray(data) || typeof data.entries !== 'object' || data.entries === null || Array.isArray(data.entries)) throw new Error('not a reportlint cache');
        if (data.reportlint === version && data.config === config) {
          const bad: string[] = [];
          for (const k of Object.keys(data.entries)) {
            const e = data.entries[k] as Partial<Entry> | null;
            const ok =
              k !== '__proto__' &&
              e !== null &&
              typeof e === 'object' &&
              typeof e.hash === 'string' &&
              typeof e.mac === 'string' &&
              protoKeyPath(e.result) === undefined &&
              fileResultSchema.safeParse(e.result).success &&
              macOf(key, version, config, k, e.hash, e.result as FileResult) === e.mac;
            if (!ok) {
              bad.push(fileOf(k));
              continue;
            }
            cache.entries[k] = e as Entry;
          }
          if (bad.length && !warning) {
            const list = bad.length > 5 ? `${bad.slice(0, 5).join(', ')}, …` : bad.join(', ');
            warnings.push(bad.length === 1 ? `${shown}: 1 cache entry is not valid (${list}); linting that file again` : `${shown}: ${bad.length} cache entries are not valid (${list}); linting those files again`);
          }
        }
      } catch (e) {
        warnings.push(`${shown}: the cache is corrupt (${e instanceof Error ? e.message : String(e)}); rebuilding it`);
      }
    }
    if (warnings.length) cache.warning = warnings.join('\nreportlint: ');
    return cache;
  }

  /** The content hash recorded for a key, if its entry is valid. */
  peek(key: string): string | undefined {
    return this.entries[key]?.hash;
  }

  /** A previous result for these exact bytes, or undefined. */
  get(key: string, hash: string): FileResult | undefined {
    const e = this.entries[key];
    if (!e || e.hash !== hash) return undefined;
    this.next[key] = e;
    return structuredClone(e.result);
  }

  set(key: string, hash: string, result: FileResult): void {
    if (result.fatal || result.internalErrors) return; // never cache failures
    this.next[key] = { hash, mac: macOf(this.key, this.version, this.config, key, hash, result), result };
  }

  async save(): Promise<void> {
    if (this.disabled) return;
    const data: CacheFile = { reportlint: this.version, config: this.config, entries: this.next };
    await writeFileAtomic(this.location, JSON.stringify(data));
  }
}

// --shard k/n: a deterministic partition of the file list for CI matrices. A file's shard
// depends only on its own path (FNV-1a hash), so adding a file never moves another one.

export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(s: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function inShard(path: string, shard: Shard): boolean {
  const normalised = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return (fnv1a(normalised) % shard.count) + 1 === shard.index;
}

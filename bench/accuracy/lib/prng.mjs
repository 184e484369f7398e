// Seeded randomness: every choice of the bench is a function of a string key (seed, document,
// kind, site), so rerunning gives the same plantings and adding a document moves no other.

/** FNV-1a, 32 bits, of a string's UTF-16 code units. */
export function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast 32-bit generator; returns () => float in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rng(...key) {
  return mulberry32(fnv1a(key.join('\u0000')));
}

/** Fisher-Yates with a generator; returns a new array. */
export function shuffle(list, rand) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export function pick(list, rand) {
  return list[Math.floor(rand() * list.length)];
}

/** A stable pseudo-random rank of a key (for samples that keep their members when others come and go). */
export function rank(seed, key) {
  return fnv1a(`${seed}\u0000${key}`);
}

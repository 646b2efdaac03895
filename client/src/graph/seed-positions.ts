/**
 * Deterministic start positions: the same id always lands on the same spot, so the
 * same data gives the same picture after a fixed number of layout iterations.
 */

/** FNV-1a, 32 bit. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point in a disc of the given radius, chosen by the id. */
export function seededPosition(id: string, radius = 100): { x: number; y: number } {
  const rnd = mulberry32(hashString(id));
  const angle = rnd() * Math.PI * 2;
  const r = Math.sqrt(rnd()) * radius;
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}

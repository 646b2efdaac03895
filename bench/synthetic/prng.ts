/**
 * A small seeded PRNG (sfc32, seeded through splitmix32). Integer arithmetic only, so the
 * same seed gives the same stream on every machine and Node version; `Math.random` is
 * never used by the generator.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** `stream` separates independent sequences drawn from one user seed. */
export function createRng(seed: number, stream = 0): Rng {
  const init = splitmix32((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) >>> 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs: sfc32 mixes its state over the first few rounds.
  for (let i = 0; i < 12; i++) nextU32();
  const next = (): number => nextU32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/**
 * A skewed index in [0, n): P(index < k) = (k/n)^(1/s). With s = 3 the first 1% of the
 * range draws ~22% of the picks and the very first item a few percent, which gives the
 * few very-high-degree hubs (lead agencies, broad topics, big segments) a real
 * regulatory graph has, without keeping any per-node state.
 */
export function skewedIndex(rng: Rng, n: number, s = 3): number {
  const i = Math.floor(n * Math.pow(rng.next(), s));
  return i < n ? i : n - 1;
}

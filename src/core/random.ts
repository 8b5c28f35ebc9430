/**
 * The one source of randomness in the core: mulberry32, a small, fast 32-bit generator
 * that gives the same sequence on every JavaScript engine for the same seed.
 */

/** A generator of uniform numbers in [0, 1). */
export type Random = () => number;

/** mulberry32 seeded by a 32-bit integer. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a hash of a string, mixed with an optional seed: a stable 32-bit integer.
 * Used to derive independent sub-streams ("wq of head 2") from the user's seed, so that
 * adding a head does not change the weights of the heads already there.
 */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final avalanche so nearby strings ("wq/1", "wq/2") give unrelated seeds.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A generator seeded by `seed` and a label, independent of every other label. */
export function subStream(seed: number, label: string): Random {
  return mulberry32(hashString(label, seed));
}

/** Standard normal samples by the Box-Muller transform. */
export function gaussian(random: Random): number {
  // 1 - u keeps the logarithm's argument in (0, 1], so it never sees 0.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

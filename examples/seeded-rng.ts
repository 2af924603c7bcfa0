// A seeded PRNG for generated fixtures (the example workbook, the benchmark's sheets): the same
// seed always gives the same cells.

/** mulberry32: tiny, fast and good enough for fixtures; never Math.random. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: readonly T[]): T[];
}

/** A seeded generator: the same seed always gives the same sequence. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const at = <T>(items: readonly T[], i: number): T => {
    const item = items[i];
    if (item === undefined) throw new Error(`index ${i} out of ${items.length}`);
    return item;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => at(items, Math.floor(next() * items.length)),
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return at(items, items.length - 1)[0];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = at(out, i);
        out[i] = at(out, j);
        out[j] = tmp;
      }
      return out;
    },
  };
}

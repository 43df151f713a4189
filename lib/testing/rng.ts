/** Test support: deterministic pseudo-random numbers (mulberry32), so a failing generated case can be replayed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  /** Between `min` and `max` picks, repeats allowed. */
  const some = <T>(xs: readonly T[], max = xs.length, min = 0): T[] => Array.from({ length: int(min, max) }, () => pick(xs));
  const chance = (p: number) => next() < p;
  return { next, int, pick, some, chance };
}
export type Rng = ReturnType<typeof rng>;

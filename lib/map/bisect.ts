/** Binary search over ascending numbers: the one home for it (days, cumulative counts, drawn indices). */

/** First position whose value is ≥ `x` (or > `x` when `after`), in ascending `xs`. */
export function lowerBound(xs: ArrayLike<number>, x: number, after = false): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after ? xs[mid]! <= x : xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

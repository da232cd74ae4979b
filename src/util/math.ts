/** Largest value (−Infinity when empty); a loop, because Math.max(...xs) overflows the stack on huge arrays. */
export function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** Smallest value (Infinity when empty). */
export function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

/**
 * First index of `xs` whose value satisfies `pred`, for a predicate that is false up to some index
 * and true from there on (a binary search); xs.length when it never holds.
 */
export function partitionPoint<T>(xs: readonly T[], pred: (x: T) => boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(xs[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

import quickselect from 'quickselect';

/**
 * Quantiles by linear interpolation between order statistics (numpy's default, R type 7), found
 * by selection rather than sorting: each quantile needs two order statistics, and selecting them
 * in increasing order lets every search start where the previous one ended. `values` is reordered.
 */
export function quantiles(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) { return qs.map(() => NaN); }
  let left = 0;
  return qs.map((q) => {
    const position = (n - 1) * q;
    const lo = Math.floor(position);
    const fraction = position - lo;
    quickselect(values, lo, left, n - 1);
    left = lo;
    const low = values[lo];
    if (fraction === 0 || lo + 1 >= n) { return low; }
    // After selecting lo, everything right of it is >= values[lo]: the next order statistic is their minimum.
    let high = values[lo + 1];
    for (let i = lo + 2; i < n; i++) { if (values[i] < high) { high = values[i]; } }
    return lerp(low, high, fraction);
  });
}

/** The 0-based ranks of the order statistics that `interpolate` will ask for, ascending and unique. */
export function quantileRanks(n: number, qs: readonly number[]): number[] {
  const ranks = new Set<number>();
  for (const q of qs) {
    const position = (n - 1) * q;
    const lo = Math.floor(position);
    ranks.add(lo);
    if (position - lo !== 0 && lo + 1 < n) { ranks.add(lo + 1); }
  }
  return [...ranks].sort((a, b) => a - b);
}

/** The q-quantile by numpy's linear rule, given the order statistic of each rank (as `quantiles` computes it). */
export function interpolate(n: number, q: number, orderStatistic: (rank: number) => number): number {
  if (n === 0) { return NaN; }
  const position = (n - 1) * q;
  const lo = Math.floor(position);
  const fraction = position - lo;
  const low = orderStatistic(lo);
  if (fraction === 0 || lo + 1 >= n) { return low; }
  return lerp(low, orderStatistic(lo + 1), fraction);
}

/** numpy's interpolation: exact at both ends, from whichever end is nearer. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

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

/** numpy's interpolation: exact at both ends, from whichever end is nearer. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

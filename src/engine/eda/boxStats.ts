import { quantiles } from '../profile/quantiles';

/** The numbers a box plot is drawn from, with the IQR outlier count. */
export interface BoxStats {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** The most extreme values within the 1.5 x IQR fences. */
  lowerWhisker: number;
  upperWhisker: number;
  /** Values strictly outside the fences. */
  outliers: number;
}

/** Box-plot statistics of present values (no NaN), with linear quartiles as pandas; `values` is reordered. */
export function boxStats(values: Float64Array): BoxStats | undefined {
  const n = values.length;
  if (n === 0) { return undefined; }
  const [q1, median, q3] = quantiles(values, [0.25, 0.5, 0.75]);
  const low = q1 - 1.5 * (q3 - q1);
  const high = q3 + 1.5 * (q3 - q1);
  let min = Infinity;
  let max = -Infinity;
  let lowerWhisker = Infinity;
  let upperWhisker = -Infinity;
  let outliers = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) { min = v; }
    if (v > max) { max = v; }
    if (v < low || v > high) { outliers++; continue; }
    if (v < lowerWhisker) { lowerWhisker = v; }
    if (v > upperWhisker) { upperWhisker = v; }
  }
  return { count: n, min, q1, median, q3, max, lowerWhisker, upperWhisker, outliers };
}

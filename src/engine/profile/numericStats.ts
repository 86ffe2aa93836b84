import type { ColumnProfile, HistogramBin, TopValue } from '../../shared/profile/types';
import { countDistinct } from './distinctCounter';
import { quantiles } from './quantiles';

/** The numeric part of a column profile, computed as pandas computes it. */
export type NumericStats = Required<Pick<ColumnProfile, 'mean' | 'std' | 'q25' | 'median' | 'q75' | 'skew' | 'kurtosis' | 'zeros' | 'negatives' | 'outliers' | 'histogram'>>
  & { min: number; max: number; distinct: number; top?: TopValue[] };

const MAX_BINS = 30;
const TOP_FOR_FEW_VALUES = 20;

/**
 * Non-missing values of a column, copied out of its NaN-padded array, into `scratch` when given
 * (one buffer reused column after column: a million-row table would otherwise leave a column's
 * worth of garbage per column).
 */
export function presentValues(numbers: Float64Array, scratch?: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < numbers.length; i++) { if (numbers[i] === numbers[i]) { n++; } }
  const out = scratch && scratch.length >= n ? scratch.subarray(0, n) : new Float64Array(n);
  let k = 0;
  for (let i = 0; i < numbers.length; i++) { const v = numbers[i]; if (v === v) { out[k++] = v; } }
  return out;
}

/**
 * Statistics of the present values of a numeric column: mean, std (ddof=1), quartiles (linear),
 * skewness (G1) and kurtosis (G2) with pandas' formulas, zeros, negatives, IQR outliers, a
 * histogram, and the distinct count. `values` is reordered (selection).
 */
export function numericStats(values: Float64Array, integral: boolean): NumericStats {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let zeros = 0;
  let negatives = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v < min) { min = v; }
    if (v > max) { max = v; }
    if (v === 0) { zeros++; } else if (v < 0) { negatives++; }
  }
  const mean = sum / n;
  // Central moments in a second pass, as pandas does (nanops: values - mean, then powers).
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const few = integral && max - min < 1 << 20 ? countSmallIntegers(values, min, max) : undefined;
  const distinct = few ? few.distinct : countDistinct(values);
  const histogram = buildHistogram(values, min, max, integral);
  const [q25, median, q75] = quantiles(values, [0.25, 0.5, 0.75]);
  const iqr = q75 - q25;
  const low = q25 - 1.5 * iqr;
  const high = q75 + 1.5 * iqr;
  let outliers = 0;
  for (let i = 0; i < n; i++) { const v = values[i]; if (v < low || v > high) { outliers++; } }
  return {
    mean, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN, min, q25, median, q75, max,
    skew: skewness(n, m2, m3), kurtosis: kurtosis(n, m2, m4), zeros, negatives, outliers, histogram, distinct,
    ...(few && few.distinct <= TOP_FOR_FEW_VALUES ? { top: few.top } : {}),
  };
}

/** pandas' nanops treats sums below 1e-14 as rounding noise. */
function zeroOutNoise(x: number): number {
  return Math.abs(x) < 1e-14 ? 0 : x;
}

/** Adjusted Fisher-Pearson G1, exactly pandas' `nanskew` (m2, m3 are sums of powered deviations). */
function skewness(n: number, m2Sum: number, m3Sum: number): number {
  if (n < 3) { return NaN; }
  const m2 = zeroOutNoise(m2Sum);
  const m3 = zeroOutNoise(m3Sum);
  if (m2 === 0) { return 0; }
  return (n * Math.sqrt(n - 1) / (n - 2)) * (m3 / m2 ** 1.5);
}

/** Bias-corrected excess kurtosis G2, exactly pandas' `nankurt`. */
function kurtosis(n: number, m2Sum: number, m4Sum: number): number {
  if (n < 4) { return NaN; }
  const adjustment = (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  const numerator = zeroOutNoise(n * (n + 1) * (n - 1) * m4Sum);
  const denominator = zeroOutNoise((n - 2) * (n - 3) * m2Sum ** 2);
  if (denominator === 0) { return 0; }
  return numerator / denominator - adjustment;
}

/** Integers in a small range: counted in an array, which gives distinct and top values at once. */
function countSmallIntegers(values: Float64Array, min: number, max: number): { distinct: number; top: TopValue[] } {
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) { counts[values[i] - min]++; }
  let distinct = 0;
  const present: TopValue[] = [];
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] > 0) {
      distinct++;
      if (present.length <= TOP_FOR_FEW_VALUES) { present.push({ value: String(min + k), count: counts[k] }); }
    }
  }
  present.sort((a, b) => b.count - a.count);
  return { distinct, top: present.slice(0, 10) };
}

/** Equal-width bins (Sturges' count, at most 30); one bin per value for integers in a narrow range. */
function buildHistogram(values: Float64Array, min: number, max: number, integral: boolean): HistogramBin[] {
  const n = values.length;
  if (n === 0) { return []; }
  if (min === max) { return [{ start: min, end: max, count: n }]; }
  const perInteger = integral && max - min + 1 <= MAX_BINS;
  const bins = perInteger ? max - min + 1 : Math.min(MAX_BINS, Math.ceil(Math.log2(n)) + 1);
  const start = perInteger ? min - 0.5 : min;
  const width = perInteger ? 1 : (max - min) / bins;
  const counts = new Uint32Array(bins);
  for (let i = 0; i < n; i++) {
    const k = Math.floor((values[i] - start) / width);
    counts[k >= bins ? bins - 1 : k]++;
  }
  return Array.from(counts, (count, k) => ({ start: start + k * width, end: start + (k + 1) * width, count }));
}

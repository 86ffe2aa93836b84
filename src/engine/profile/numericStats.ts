import type { ColumnProfile, TopValue } from '../../shared/profile/types';
import { countDistinct } from './distinctCounter';
import { FEW_VALUES, countFew, topOfFew } from './fewValues';
import { buildHistogram } from './histogramBins';
import { selectQuantiles } from './histogramSelect';
import { countScaled } from './scaledCounts';
import type { ColumnChunk } from './chunkedTable';

/** The numeric part of a column profile, computed as pandas computes it. */
export type NumericStats = Required<Pick<ColumnProfile, 'mean' | 'std' | 'q25' | 'median' | 'q75' | 'skew' | 'kurtosis' | 'zeros' | 'negatives' | 'outliers' | 'histogram'>>
  & { min: number; max: number; distinct: number; top?: TopValue[] };

/**
 * Statistics of the present values of a numeric column: mean, std (ddof=1), quartiles (linear),
 * skewness (G1) and kurtosis (G2) with pandas' formulas, zeros, negatives, IQR outliers, a
 * histogram, the distinct count, and the top values of an integer column with few values.
 * `maxDecimals` (digits after the point as written; 0 for integers, Infinity when unknown) lets
 * most columns be counted by value instead of sorted and hashed; a wrong hint costs time, never
 * exactness. `values` (NaN-free) is modified: -0 becomes 0, and the order changes.
 */
export function numericStats(values: Float64Array, integral: boolean, maxDecimals: number): NumericStats {
  return statsAfterFirstPass(values, firstPass(values), integral, maxDecimals);
}

/**
 * The same statistics of a column's chunks: the present values are gathered into `scratch` (when
 * long enough) and the first pass is done while gathering, one pass over the column fewer.
 */
export function chunksNumericStats(chunks: readonly ColumnChunk[], integral: boolean, maxDecimals: number, scratch?: Float64Array): NumericStats {
  const length = chunks.reduce((n, c) => n + c.numbers.length, 0);
  const out = scratch && scratch.length >= length ? scratch : new Float64Array(length);
  const first: FirstPass = { sum: 0, min: Infinity, max: -Infinity, zeros: 0, negatives: 0 };
  let k = 0;
  for (const { numbers } of chunks) { k = gatherFirstPass(numbers, out, k, first); }
  return statsAfterFirstPass(out.subarray(0, k), { ...first, min: first.min + 0, max: first.max + 0 }, integral, maxDecimals);
}

/** Gathers the present values of `numbers` into out from k (-0 written as 0), adding to `first`; returns the new k. */
function gatherFirstPass(numbers: Float64Array, out: Float64Array, k: number, first: FirstPass): number {
  let { sum, min, max, zeros, negatives } = first;
  for (let i = 0; i < numbers.length; i++) {
    const v = numbers[i];
    if (v !== v) { continue; }
    sum += v;
    if (v < min) { min = v; }
    if (v > max) { max = v; }
    negatives += +(v < 0);
    if (v === 0) { zeros++; out[k++] = 0; } else { out[k++] = v; }
  }
  Object.assign(first, { sum, min, max, zeros, negatives });
  return k;
}

function statsAfterFirstPass(values: Float64Array, first: FirstPass, integral: boolean, maxDecimals: number): NumericStats {
  const n = values.length;
  const { sum, min, max, zeros, negatives } = first;
  const mean = sum / n;
  const { m2, m3, m4 } = centralMoments(values, mean);
  const moments = { mean, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN, min, max, skew: skewness(n, m2, m3), kurtosis: kurtosis(n, m2, m4), zeros, negatives };
  const counted = countScaled(values, min, max, integral ? 0 : maxDecimals, integral);
  if (counted) { return { ...moments, ...counted }; }

  const distinct = countDistinct(values);
  const histogram = buildHistogram(values, min, max, integral);
  const [q25, median, q75] = selectQuantiles(values, min, max, [0.25, 0.5, 0.75]);
  const iqr = q75 - q25;
  const outliers = countOutside(values, q25 - 1.5 * iqr, q75 + 1.5 * iqr);
  const few = integral && distinct <= FEW_VALUES ? countFew(values) : undefined;
  return { ...moments, q25, median, q75, outliers, histogram, distinct, ...(few ? { top: topOfFew(few.values, few.counts) } : {}) };
}

/** Values strictly outside [low, high] (the IQR fences). */
function countOutside(values: Float64Array, low: number, high: number): number {
  let outliers = 0;
  for (let i = 0; i < values.length; i++) { const v = values[i]; outliers += +(v < low || v > high); }
  return outliers;
}

/** Sum, extremes, zeros and negatives; writes 0 over -0 (pandas counts them as one value, and later steps need not care). */
interface FirstPass { sum: number; min: number; max: number; zeros: number; negatives: number }

function firstPass(values: Float64Array): FirstPass {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let zeros = 0;
  let negatives = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sum += v;
    if (v < min) { min = v; }
    if (v > max) { max = v; }
    // Branch-free: a column of mixed signs would mispredict a branch on every other value.
    negatives += +(v < 0);
    if (v === 0) { zeros++; values[i] = 0; }
  }
  // + 0 turns a minimum or maximum of -0 into 0, as the values now are.
  return { sum, min: min + 0, max: max + 0, zeros, negatives };
}

/** Sums of the 2nd, 3rd and 4th powers of deviations from the mean, in a second pass as pandas' nanops does. */
function centralMoments(values: Float64Array, mean: number): { m2: number; m3: number; m4: number } {
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return { m2, m3, m4 };
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

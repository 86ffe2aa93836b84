import type { HistogramBin, TopValue } from '../../shared/profile/types';
import { FEW_VALUES, topOfFew } from './fewValues';
import { binOf, binShape, histogramOf } from './histogramBins';
import { interpolate, quantileRanks } from './quantiles';

/** The statistics that a column's count per value gives without sorting or hashing. */
export interface CountedStats {
  distinct: number; q25: number; median: number; q75: number; outliers: number; histogram: HistogramBin[]; top?: TopValue[];
}

// 10^d, exact as doubles (every power up to 10^22 is).
const POWERS = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** At most 8 MB of counts; wider columns take the general path. */
const MAX_RANGE = 1 << 23;
/** A slot of the counts costs about 2 ns to scan, a value sorted or hashed 20-30: allow 16 slots per value. */
const SLOTS_PER_VALUE = 16;
const MIN_RANGE = 1 << 12;
const QS = [0.25, 0.5, 0.75];

// One array per thread, reused column after column (a fresh one per column is garbage).
let reusable: Uint8Array | undefined;

/** Counts by scaled index: a byte per value (a quarter of the cache misses of 32-bit counts), plus 256 for each index listed in `overflow`. */
interface Counts { low: Uint8Array; overflow: Int32Array }

/**
 * Counts a column's values as integers j = round(v * 10^decimals) in an array indexed by j - min.
 * Every j must give back its value exactly (j / 10^d === v, true for numbers written with at most d
 * decimals while |v| * 10^d < 2^50), which is checked value by value: a wrong `decimals` only
 * costs the attempt (undefined). Distinct values are the non-zero counts; order statistics,
 * outliers, histogram and top values come from a scan of the counts in value order.
 */
export function countScaled(values: Float64Array, min: number, max: number, decimals: number, integral: boolean): CountedStats | undefined {
  const n = values.length;
  if (n === 0 || !(decimals >= 0 && decimals < POWERS.length) || decimals % 1 !== 0) { return undefined; }
  const scale = POWERS[decimals];
  const first = Math.round(min * scale);
  const last = Math.round(max * scale);
  if (first / scale !== min || last / scale !== max || Math.max(-first, last) >= 2 ** 52) { return undefined; }
  const range = last - first + 1;
  if (!(range <= Math.min(MAX_RANGE, Math.max(MIN_RANGE, SLOTS_PER_VALUE * n)))) { return undefined; }
  if (!reusable || reusable.length < range) { reusable = new Uint8Array(Math.max(range, reusable?.length ?? 0)); }
  const low = reusable.subarray(0, range).fill(0);
  const overflowList: number[] = [];
  if (!countInto(values, scale, first, low, overflowList)) { return undefined; }
  const counts: Counts = { low, overflow: Int32Array.from(overflowList).sort() };
  const valueAt = (k: number): number => (first + k) / scale;

  // Values map to indices in increasing order, so every bin is a run of indices, found by bisection.
  const shape = binShape(n, min, max, integral);
  const bins = shape ? shape.bins : 1;
  const edges = new Float64Array(bins + 1);
  for (let b = 1; b < bins; b++) { edges[b] = firstIndex(range, (k) => binOf(valueAt(k), shape!) >= b); }
  edges[bins] = range;

  const ranks = quantileRanks(n, QS);
  const found = new Float64Array(ranks.length);
  const binCounts = new Float64Array(bins);
  const distinct = scanCounts(counts, edges, ranks, found, binCounts, first, scale);
  const [q25, median, q75] = QS.map((q) => interpolate(n, q, (rank) => found[ranks.indexOf(rank)]));

  const iqr = q75 - q25;
  const lowFence = q25 - 1.5 * iqr;
  const highFence = q75 + 1.5 * iqr;
  const outliers = sumCounts(counts, 0, firstIndex(range, (k) => valueAt(k) >= lowFence))
    + sumCounts(counts, firstIndex(range, (k) => valueAt(k) > highFence), range);
  const histogram = histogramOf(shape, binCounts, n, min, max);
  if (!integral || distinct > FEW_VALUES) { return { distinct, q25, median, q75, outliers, histogram }; }
  const present: number[] = [];
  const presentCounts: number[] = [];
  for (let k = 0, o = 0; k < range; k++) {
    let c = low[k];
    while (o < counts.overflow.length && counts.overflow[o] === k) { c += 256; o++; }
    if (c > 0) { present.push(valueAt(k)); presentCounts.push(c); }
  }
  return { distinct, q25, median, q75, outliers, histogram, top: topOfFew(present, presentCounts) };
}

// The loops are separate functions so that each is optimised on its own (one long function is
// compiled loop by loop on stack replacement, and those versions are dropped at the next loop).

/** Counts every value at its scaled index; false as soon as a value is not j / scale for an integer j. */
function countInto(values: Float64Array, scale: number, first: number, low: Uint8Array, overflow: number[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const j = Math.round(v * scale);
    if (j / scale !== v) { return false; }
    const k = j - first;
    const c = (low[k] + 1) & 255;
    low[k] = c;
    if (c === 0) { overflow.push(k); }
  }
  return true;
}

/**
 * One scan of the counts in value order, bin by bin: the distinct count (returned), each bin's
 * count, and the value at each wanted rank (ranks ascending). Branch-free where it can be: whether
 * a slot is empty is a coin toss on wide columns.
 */
function scanCounts(counts: Counts, edges: Float64Array, ranks: readonly number[], found: Float64Array, binCounts: Float64Array, first: number, scale: number): number {
  const { low, overflow } = counts;
  let o = 0;
  let nextOverflow = overflow.length > 0 ? overflow[0] : -1;
  let t = 0;
  let next = ranks[0];
  let cum = 0;
  let distinct = 0;
  for (let b = 0; b < binCounts.length; b++) {
    const before = cum;
    for (let k = edges[b], end = edges[b + 1]; k < end; k++) {
      let c = low[k];
      if (k === nextOverflow) {
        while (o < overflow.length && overflow[o] === k) { c += 256; o++; }
        nextOverflow = o < overflow.length ? overflow[o] : -1;
      }
      cum += c;
      distinct += +(c !== 0);
      if (cum > next) {
        while (t < ranks.length && ranks[t] < cum) { found[t++] = (first + k) / scale; }
        next = t < ranks.length ? ranks[t] : Infinity;
      }
    }
    binCounts[b] = cum - before;
  }
  return distinct;
}

/** The number of values at indices [from, to). */
function sumCounts({ low, overflow }: Counts, from: number, to: number): number {
  let sum = 0;
  for (let k = from; k < to; k++) { sum += low[k]; }
  for (let o = 0; o < overflow.length; o++) { if (overflow[o] >= from && overflow[o] < to) { sum += 256; } }
  return sum;
}

/** The least k in [0, limit) where a monotone predicate holds, or limit. */
function firstIndex(limit: number, holds: (k: number) => boolean): number {
  let lo = 0;
  let hi = limit;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) { hi = mid; } else { lo = mid + 1; }
  }
  return lo;
}

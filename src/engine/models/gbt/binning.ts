// Maps each feature's values to at most 255 bins (one byte per cell) plus one bin for missing
// values, so trees scan 256 histogram slots instead of every distinct value. The thresholds are
// computed exactly as scikit-learn 1.2's _BinMapper does (midpoints of distinct values when there
// are few, else numpy's 'midpoint' percentiles), and a value x lands in bin i iff
// thresholds[i-1] < x <= thresholds[i]: so "bin <= b" and "x <= thresholds[b]" are the same test,
// which is what lets prediction work on raw values and agree with training exactly.

import { deriveSeed, seededRandom } from '../../random';
import { sortFloat64 } from './radixSort';

/** sklearn's ALMOST_INF: thresholds are clipped to it so only a "split on missing" uses +Infinity. */
const ALMOST_INF = 1e300;
/** Rows used to find thresholds, as sklearn's subsample=2e5. */
const BINNING_SUBSAMPLE = 200000;

/**
 * Per feature, the thresholds between bins. Feature f's non-missing values use bins
 * 0..thresholds[f].length and its missing values the next bin, binsNonMissing[f] (sklearn keeps
 * one missing bin, 255, for all features; one per feature keeps histograms compact).
 */
export interface BinMapper {
  /** Increasing (possibly repeated) thresholds per feature. */
  thresholds: Float64Array[];
  /** Per feature, how many bins non-missing values can use (thresholds.length + 1) = its missing bin. */
  binsNonMissing: Int32Array;
}

/** Thresholds for one feature from its non-missing values sorted ascending, as sklearn 1.2. */
export function thresholdsFromSorted(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  let distinct = 0;
  for (let i = 0; i < n; i++) { if (i === 0 || sorted[i] !== sorted[i - 1]) { distinct++; } }
  let out: Float64Array;
  if (distinct <= maxBins) {
    out = new Float64Array(Math.max(0, distinct - 1));
    let k = 0;
    let previous = sorted[0];
    for (let i = 1; i < n; i++) {
      const v = sorted[i];
      if (v !== previous) { out[k++] = (previous + v) * 0.5; previous = v; }
    }
  } else {
    out = new Float64Array(maxBins - 1);
    // np.linspace(0, 100, max_bins + 1)[1:-1] then np.percentile(..., method='midpoint').
    const step = 100 / maxBins;
    for (let i = 1; i < maxBins; i++) {
      const q = (i * step) / 100;
      const position = (n - 1) * q;
      const virtual = 0.5 * (Math.floor(position) + Math.ceil(position));
      let lo = Math.floor(virtual);
      let hi = lo + 1;
      if (virtual >= n - 1) { lo = n - 1; hi = n - 1; }
      const a = sorted[lo];
      const b = sorted[hi];
      // numpy's _lerp with gamma 0 (integer position) or 0.5 (written as b - (b - a) * 0.5).
      const t = virtual % 1 === 0 ? a + (b - a) * 0 : b - (b - a) * 0.5;
      // Only infinite values make NaN here (Infinity - Infinity); keep the lower one instead.
      out[i - 1] = t === t ? t : a;
    }
  }
  for (let i = 0; i < out.length; i++) { if (out[i] > ALMOST_INF) { out[i] = ALMOST_INF; } }
  return out;
}

/** Learns the bin thresholds of every feature from the given training rows (missing values ignored). */
export function fitBinMapper(columns: Float64Array[], rows: Int32Array, maxBins: number, seed: number): BinMapper {
  let sample = rows;
  if (rows.length > BINNING_SUBSAMPLE) {
    // A seeded sample without replacement (partial Fisher-Yates), as sklearn subsamples for speed.
    const pool = Int32Array.from(rows);
    const random = seededRandom(deriveSeed(seed, 'gbt', 'binning'));
    for (let i = 0; i < BINNING_SUBSAMPLE; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      const t = pool[i]; pool[i] = pool[j]; pool[j] = t;
    }
    sample = pool.subarray(0, BINNING_SUBSAMPLE);
  }
  const thresholds = columns.map((column) => thresholdsFromSorted(sortedPresent(column, sample), maxBins));
  return { thresholds, binsNonMissing: Int32Array.from(thresholds, (t) => t.length + 1) };
}

function sortedPresent(column: Float64Array, rows: Int32Array): Float64Array {
  let m = 0;
  for (let i = 0; i < rows.length; i++) { if (column[rows[i]] === column[rows[i]]) { m++; } }
  const out = new Float64Array(m);
  m = 0;
  for (let i = 0; i < rows.length; i++) { const v = column[rows[i]]; if (v === v) { out[m++] = v; } }
  return sortFloat64(out);
}

/** The bin of one value: the number of thresholds strictly below it; missing values get thresholds.length + 1. */
export function binOf(thresholds: Float64Array, x: number): number {
  if (x !== x) { return thresholds.length + 1; }
  let left = 0;
  let right = thresholds.length;
  while (left < right) {
    const middle = (left + right) >>> 1;
    if (x <= thresholds[middle]) { right = middle; } else { left = middle + 1; }
  }
  return left;
}

/** Bins the given rows: one Uint8Array per feature (column-major), rows in the given order. */
export function binColumns(mapper: BinMapper, columns: Float64Array[], rows: Int32Array): Uint8Array[] {
  return columns.map((column, f) => binFeature(mapper.thresholds[f], column, rows));
}

/** binOf for every given row of one feature. */
function binFeature(thresholds: Float64Array, column: Float64Array, rows: Int32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  const missing = thresholds.length + 1;
  for (let i = 0; i < rows.length; i++) {
    const x = column[rows[i]];
    let bin = missing;
    if (x === x) {
      let left = 0;
      let right = thresholds.length;
      while (left < right) {
        const middle = (left + right) >>> 1;
        if (x <= thresholds[middle]) { right = middle; } else { left = middle + 1; }
      }
      bin = left;
    }
    out[i] = bin;
  }
  return out;
}

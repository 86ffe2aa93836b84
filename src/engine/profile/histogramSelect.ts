import quickselect from 'quickselect';
import { interpolate, quantileRanks, quantiles } from './quantiles';

const BUCKET_BITS = 16;
const BUCKETS = 1 << BUCKET_BITS;
/** Below this many values three selections over everything cost less than two counting passes. */
const MIN_VALUES = 1 << 15;
/** Gathered values sorted whole up to this many; selected in place beyond. */
const SORT_LIMIT = 1 << 12;

/**
 * The same quantiles as `quantiles` (numpy's linear rule) for a column of known min and max, with
 * two passes instead of selections over everything: count the values into 2^16 equal-width
 * buckets, find the buckets that hold the wanted ranks, gather only those buckets' values and
 * select among them. The bucket of a value never decreases with the value, so ranks carry over.
 * Heavy tails put many values in few buckets; then the selection among them does the work.
 */
export function selectQuantiles(values: Float64Array, min: number, max: number, qs: readonly number[]): number[] {
  const n = values.length;
  const scale = BUCKETS / (max - min);
  if (n < MIN_VALUES || !(scale > 0 && scale < Infinity)) { return quantiles(values, qs); }
  const counts = new Uint32Array(BUCKETS);
  countBuckets(values, min, scale, counts);
  const ranks = quantileRanks(n, qs);
  const wanted = new Uint8Array(BUCKETS);
  const rankBuckets: number[] = [];
  let cum = 0;
  let bucket = 0;
  for (const rank of ranks) {
    while (cum + counts[bucket] <= rank) { cum += counts[bucket]; bucket++; }
    wanted[bucket] = 1;
    rankBuckets.push(bucket);
  }
  // A rank among the gathered values is the rank less the values of unwanted buckets below its bucket.
  const position = new Map<number, number>();
  let skipped = 0;
  let gatheredCount = 0;
  for (let k = 0, r = 0; k < BUCKETS; k++) {
    for (; r < ranks.length && rankBuckets[r] === k; r++) { position.set(ranks[r], ranks[r] - skipped); }
    if (wanted[k] === 1) { gatheredCount += counts[k]; } else { skipped += counts[k]; }
  }
  const gathered = gather(values, min, scale, wanted, new Float64Array(gatheredCount));
  orderPositions(gathered, [...position.values()]);
  return qs.map((q) => interpolate(n, q, (rank) => gathered[position.get(rank)!]));
}

// The two passes are functions of their own so that each is optimised on its own.

function countBuckets(values: Float64Array, min: number, scale: number, counts: Uint32Array): void {
  const last = BUCKETS - 1;
  for (let i = 0; i < values.length; i++) {
    const b = Math.floor((values[i] - min) * scale);
    counts[b > last ? last : b]++;
  }
}

/** The values whose bucket is wanted, in `out` (sized to their number). */
function gather(values: Float64Array, min: number, scale: number, wanted: Uint8Array, out: Float64Array): Float64Array {
  const last = BUCKETS - 1;
  let g = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const b = Math.floor((v - min) * scale);
    if (wanted[b > last ? last : b] === 1) { out[g++] = v; }
  }
  return out;
}

/** Puts the order statistic of each position at that position (positions strictly ascending). */
function orderPositions(values: Float64Array, positions: readonly number[]): void {
  if (values.length <= SORT_LIMIT) { values.sort(); return; }
  // Each selection leaves the earlier positions alone: it only reorders what lies right of them.
  let left = 0;
  for (const p of positions) { quickselect(values, p, left, values.length - 1); left = p + 1; }
}

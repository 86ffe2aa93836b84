import type { TopValue } from '../../shared/profile/types';

/** Integer columns with at most this many distinct values also report their top values. */
export const FEW_VALUES = 20;
const TOP = 10;

/** The most frequent values, most frequent first; ties in ascending order of value. `values` ascending. */
export function topOfFew(values: readonly number[], counts: readonly number[]): TopValue[] {
  const order = values.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || a - b);
  return order.slice(0, TOP).map((i) => ({ value: String(values[i]), count: counts[i] }));
}

/**
 * The distinct values and their counts, ascending, of a column known to hold at most FEW_VALUES
 * distinct values (a search among so few beats hashing). -0 must already be 0.
 */
export function countFew(values: Float64Array): { values: number[]; counts: number[] } {
  const seen: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let k = 0;
    while (k < seen.length && seen[k] !== v) { k++; }
    if (k === seen.length) { seen.push(v); counts.push(0); }
    counts[k]++;
  }
  const order = seen.map((_, i) => i).sort((a, b) => seen[a] - seen[b]);
  return { values: order.map((i) => seen[i]), counts: order.map((i) => counts[i]) };
}

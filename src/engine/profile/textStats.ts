import type { TopValue } from '../../shared/profile/types';
import { NUMBER_CODE } from '../data/columnBuilder';
import type { ColumnBuilder } from '../data/columnBuilder';

/** Counts of each distinct text value (numbers in a mixed column counted by their value's text). */
export interface ValueCounts { values: string[]; counts: number[] }

/** Counts every distinct value of a dictionary-encoded column. */
export function valueCounts(column: ColumnBuilder): ValueCounts {
  const { numbers, codes } = column.finish();
  const counts = new Array<number>(column.dictionary.length).fill(0);
  const numberCounts = new Map<number, number>();
  if (codes) {
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c >= 0) { counts[c]++; } else if (c === NUMBER_CODE) { numberCounts.set(numbers[i], (numberCounts.get(numbers[i]) ?? 0) + 1); }
    }
  }
  const values = [...column.dictionary];
  for (const [value, count] of numberCounts) { values.push(String(value)); counts.push(count); }
  return { values, counts };
}

/** The most frequent values, most frequent first; ties keep the order of first appearance. */
export function topValues({ values, counts }: ValueCounts, limit = 10): TopValue[] {
  const order = counts.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || a - b);
  return order.slice(0, limit).map((i) => ({ value: values[i], count: counts[i] }));
}

/** Minimum, mean and maximum length of the values (in characters), weighted by their counts. */
export function lengthStats({ values, counts }: ValueCounts): { min: number; mean: number; max: number } | undefined {
  let min = Infinity;
  let max = 0;
  let total = 0;
  let n = 0;
  values.forEach((v, i) => {
    if (counts[i] === 0) { return; }
    const length = [...v].length;
    min = Math.min(min, length);
    max = Math.max(max, length);
    total += length * counts[i];
    n += counts[i];
  });
  return n === 0 ? undefined : { min, mean: total / n, max };
}

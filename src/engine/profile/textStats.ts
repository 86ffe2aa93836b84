import type { TopValue } from '../../shared/profile/types';
import { NUMBER_CODE } from '../data/columnBuilder';
import type { ColumnChunk } from './chunkedTable';

/** Counts of each distinct text value (numbers in a mixed column counted by their value's text). */
export interface ValueCounts { values: string[]; counts: number[] }

/** How often each dictionary code occurs, and each number of a mixed column (in order of first appearance). */
export interface CodeCounts { byCode: number[]; numbers: [number, number][] }

/** Counts the codes of a dictionary-encoded column with `dictionarySize` texts: no text is needed, so any thread can. */
export function countCodes(chunks: readonly ColumnChunk[], dictionarySize: number): CodeCounts {
  const byCode = new Array<number>(dictionarySize).fill(0);
  const numberCounts = new Map<number, number>();
  for (const { numbers, codes } of chunks) {
    if (!codes) { continue; }
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c >= 0) { byCode[c]++; } else if (c === NUMBER_CODE) { numberCounts.set(numbers[i], (numberCounts.get(numbers[i]) ?? 0) + 1); }
    }
  }
  return { byCode, numbers: [...numberCounts] };
}

/** Every distinct value of a column with its count: the texts, then the numbers of a mixed column. */
export function valueCounts(dictionary: readonly string[], { byCode, numbers }: CodeCounts): ValueCounts {
  return { values: [...dictionary, ...numbers.map(([value]) => String(value))], counts: [...byCode, ...numbers.map(([, count]) => count)] };
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

import { MISSING_CODE } from '../data/columnBuilder';
import type { ColumnBuilder } from '../data/columnBuilder';

const BINS = 20;

/**
 * Per row, a small integer standing for the cell's value (or its quantile bin for a number with
 * many values), -1 when missing: what "this feature alone" can tell apart.
 */
export function groupKeys(column: ColumnBuilder, distinct: number): Int32Array {
  const { numbers, codes } = column.finish();
  const keys = new Int32Array(numbers.length);
  if (codes && column.numericCount === 0) {
    keys.set(codes);
    return keys;
  }
  const present = numbers.filter((v) => v === v);
  const sorted = Float64Array.from(present).sort();
  const manyValues = distinct > BINS * 2;
  // Few values: each value its own group. Many: equal-frequency bins.
  const levels = manyValues
    ? Array.from({ length: BINS - 1 }, (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / BINS)])
    : [...new Set(sorted)];
  for (let i = 0; i < numbers.length; i++) {
    const v = numbers[i];
    if (v !== v) { keys[i] = codes && codes[i] >= 0 ? 1e6 + codes[i] : MISSING_CODE; continue; }
    keys[i] = manyValues ? upperBound(levels, v) : lowerBound(levels, v);
  }
  return keys;
}

/**
 * How often the majority target class within each group of the feature is right: 1 means the
 * feature alone determines the target. Rows where either is missing are left out.
 */
export function purity(feature: Int32Array, target: Int32Array): { purity: number; rows: number } {
  const counts = new Map<number, Map<number, number>>();
  let rows = 0;
  for (let i = 0; i < feature.length; i++) {
    if (feature[i] === MISSING_CODE || target[i] === MISSING_CODE) { continue; }
    rows++;
    let byTarget = counts.get(feature[i]);
    if (!byTarget) { byTarget = new Map(); counts.set(feature[i], byTarget); }
    byTarget.set(target[i], (byTarget.get(target[i]) ?? 0) + 1);
  }
  let right = 0;
  for (const byTarget of counts.values()) { right += Math.max(...byTarget.values()); }
  return { purity: rows === 0 ? 0 : right / rows, rows };
}

/** Names alike apart from case and separators, one containing the other ("survived" in "survived_flag"). */
export function namedLike(name: string, target: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const a = norm(name);
  const b = norm(target);
  return a !== b && b.length >= 3 && (a.includes(b) || (a.length >= 3 && b.includes(a)));
}

function lowerBound(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (values[mid] < v) { lo = mid + 1; } else { hi = mid; } }
  return lo;
}

function upperBound(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (values[mid] <= v) { lo = mid + 1; } else { hi = mid; } }
  return lo;
}

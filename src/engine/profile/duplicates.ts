import type { ColumnBuilder } from '../data/columnBuilder';
import { countDistinct } from './distinctCounter';

/**
 * Rows that repeat an earlier row exactly (missing equals missing, as in pandas' `duplicated()`).
 * Each row is hashed to 52 bits from its cells' number bits and dictionary codes, and the hashes
 * are counted like any column's distinct values; two different rows sharing a hash is
 * astronomically unlikely at the sizes we read (n^2 / 2^53).
 */
export function countDuplicateRows(columns: readonly ColumnBuilder[], rows: number): number {
  if (rows === 0 || columns.length === 0) { return 0; }
  const h1 = new Int32Array(rows).fill(0x811c9dc5 | 0);
  const h2 = new Int32Array(rows).fill(0x01000193);
  for (const column of columns) {
    const { numbers, codes } = column.finish();
    // The numbers' bits, read two 32-bit words per cell (a missing cell is always the same NaN).
    const words = new Int32Array(numbers.buffer, numbers.byteOffset, numbers.length * 2);
    for (let i = 0; i < rows; i++) {
      const lo = words[2 * i] ^ (codes ? codes[i] : 0);
      const hi = words[2 * i + 1];
      h1[i] = Math.imul(h1[i] ^ lo, 0x01000193) ^ Math.imul(hi, 0x5bd1e995);
      h2[i] = Math.imul(h2[i] ^ hi, 0x85ebca6b) ^ Math.imul(lo, 0xc2b2ae35);
    }
  }
  const keys = new Float64Array(rows);
  for (let i = 0; i < rows; i++) { keys[i] = (h1[i] >>> 0) * 0x100000 + (h2[i] >>> 12); }
  return rows - countDistinct(keys);
}

import type { ColumnBuilder } from '../data/columnBuilder';

/**
 * Rows that repeat an earlier row exactly (missing equals missing, as in pandas' `duplicated()`).
 * Each row is hashed to 53 bits from its cells' numbers and dictionary codes; two different rows
 * sharing a hash is astronomically unlikely at the sizes we read (n^2 / 2^54).
 */
export function countDuplicateRows(columns: readonly ColumnBuilder[], rows: number): number {
  if (rows === 0 || columns.length === 0) { return 0; }
  const h1 = new Uint32Array(rows).fill(0x811c9dc5);
  const h2 = new Uint32Array(rows).fill(0x01000193);
  const bits = new Uint32Array(2);
  const view = new Float64Array(bits.buffer);
  for (const column of columns) {
    const { numbers, codes } = column.finish();
    for (let i = 0; i < rows; i++) {
      const v = numbers[i];
      // Text cells hash by their code (numbers are NaN there); missing cells all hash alike.
      if (v === v) { view[0] = v === 0 ? 0 : v; } else { bits[0] = codes ? codes[i] : -1; bits[1] = 0x7ff80001; }
      h1[i] = Math.imul(h1[i] ^ bits[0], 0x01000193) ^ Math.imul(bits[1], 0x5bd1e995);
      h2[i] = Math.imul(h2[i] ^ bits[1], 0x85ebca6b) ^ Math.imul(bits[0], 0xc2b2ae35);
    }
  }
  const seen = new Set<number>();
  for (let i = 0; i < rows; i++) { seen.add(h1[i] * 0x200000 + (h2[i] >>> 11)); }
  return rows - seen.size;
}

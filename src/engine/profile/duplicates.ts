import type { ChunkedColumn } from './chunkedTable';
import { countDistinct, rowsWithSharedKey } from './distinctCounter';
import { rowKeys, rowKeysAt } from './rowHashes';

/** Tables this long first look for duplicates on a few columns (below, hashing everything is quick). */
const MIN_ROWS_TO_NARROW = 1 << 16;
/** Rows sampled to rank the columns by how many values they hold. */
const SAMPLE = 4096;
/** The columns that are hashed first: the most varied ones. */
const LEAD_COLUMNS = 3;
/** When more rows than this share their lead columns' values, hash every column of every row. */
const MAX_SHARED_SHARE = 0.25;

/**
 * Rows that repeat an earlier row exactly (missing equals missing, -0 equals 0, as in pandas'
 * `duplicated()`). Rows are hashed to 52-bit keys and the keys counted like any column's distinct
 * values; two different rows sharing a key is astronomically unlikely at the sizes we read
 * (n^2 / 2^53).
 *
 * Duplicate rows agree on every column, so a large table is first hashed on its three most varied
 * columns (ranked on a sample): rows whose key there is unique cannot be duplicates, and only the
 * rest (usually none) are hashed on every column. When many rows share the lead columns' values,
 * every column of every row is hashed.
 */
export function countDuplicateRows(columns: readonly ChunkedColumn[], rows: number): number {
  if (rows === 0 || columns.length === 0) { return 0; }
  if (rows < MIN_ROWS_TO_NARROW || columns.length <= LEAD_COLUMNS) { return rows - countDistinct(rowKeys(columns, rows)); }
  const { order, varied } = mostVaried(columns, rows);
  const lead = order.slice(0, LEAD_COLUMNS);
  // Fewer combinations of the lead columns' values (as sampled) than rows: most rows would share them.
  if (lead.reduce((space, k) => space * varied[k], 1) < rows) { return rows - countDistinct(rowKeys(columns, rows)); }
  const shared = rowsWithSharedKey(rowKeys(lead.map((k) => columns[k]), rows));
  if (shared.length === 0) { return 0; }
  if (shared.length > MAX_SHARED_SHARE * rows) { return rows - countDistinct(rowKeys(columns, rows)); }
  const { chunkOf, rowOf } = locate(columns[0], shared);
  return shared.length - countDistinct(rowKeysAt(columns, chunkOf, rowOf));
}

/**
 * Column indices, most varied first, and each column's distinct cells among SAMPLE rows spread over
 * the table (an estimate: a few numbers can count as the same cell as a text or a missing cell).
 */
function mostVaried(columns: readonly ChunkedColumn[], rows: number): { order: number[]; varied: number[] } {
  const step = Math.max(1, Math.floor(rows / SAMPLE));
  const sampled = new Int32Array(Math.ceil(rows / step));
  for (let i = 0; i < sampled.length; i++) { sampled[i] = i * step; }
  const { chunkOf, rowOf } = locate(columns[0], sampled);
  const varied = columns.map((column) => {
    const cells = new Set<number>();
    for (let t = 0; t < chunkOf.length; t++) {
      const chunk = column.chunks[chunkOf[t]];
      const v = chunk.numbers[rowOf[t]];
      cells.add(v === v ? v : -1 - (chunk.codes?.[rowOf[t]] ?? -1));
    }
    return cells.size;
  });
  return { order: columns.map((_, k) => k).sort((a, b) => varied[b] - varied[a] || a - b), varied };
}

/** Table rows (ascending) as chunk and row within the chunk (all columns share the chunk lengths). */
function locate(column: ChunkedColumn, rows: Int32Array): { chunkOf: Int32Array; rowOf: Int32Array } {
  const chunkOf = new Int32Array(rows.length);
  const rowOf = new Int32Array(rows.length);
  let chunk = 0;
  let start = 0;
  for (let t = 0; t < rows.length; t++) {
    while (rows[t] >= start + column.chunks[chunk].numbers.length) { start += column.chunks[chunk].numbers.length; chunk++; }
    chunkOf[t] = chunk;
    rowOf[t] = rows[t] - start;
  }
  return { chunkOf, rowOf };
}

import type { ReadProblem } from '../../shared/profile/types';
import type { TableData } from '../data/csvReader';

/** One piece of a column, in file order: NaN in `numbers` where the cell is missing or text. */
export interface ColumnChunk {
  numbers: Float64Array;
  /** Per-row code into the column's dictionary, MISSING_CODE or NUMBER_CODE; absent when the column has no text. */
  codes: Int32Array | undefined;
}

/**
 * A column as the profiler reads it: the pieces each reading thread produced, in file order (like
 * Arrow's chunked arrays). Joining the pieces would copy every column and double the peak memory;
 * no statistic needs the rows in one array. Every column of a table has chunks of the same lengths.
 */
export interface ChunkedColumn {
  name: string;
  chunks: ColumnChunk[];
  /** The distinct texts by code, in order of first appearance in the file. */
  dictionary: readonly string[];
  numericCount: number;
  textCount: number;
  missingCount: number;
  /** Every number was written without a fraction or an exponent. */
  allIntegral: boolean;
  /** The most digits after the decimal point among the column's numbers; Infinity when one had an exponent or too many digits. */
  maxDecimals: number;
}

/** A table as the profiler reads it, with what went wrong while reading it. */
export interface ChunkedTable {
  names: string[];
  columns: ChunkedColumn[];
  rows: number;
  delimiter: string;
  bytes: number;
  problems: ReadProblem[];
  problemsTruncated: boolean;
  /** Rows with a missing cell, when the reading threads counted them already. */
  rowsWithMissing?: number;
}

/** A table read on one thread, as one chunk per column (no copy). */
export function chunkedTable(table: TableData): ChunkedTable {
  return {
    names: table.names,
    rows: table.rows,
    delimiter: table.delimiter,
    bytes: table.bytes,
    problems: table.problems,
    problemsTruncated: table.problemsTruncated,
    columns: table.columns.map((column) => ({
      name: column.name,
      chunks: [column.finish()],
      dictionary: column.dictionary,
      numericCount: column.numericCount,
      textCount: column.textCount,
      missingCount: column.missingCount,
      allIntegral: column.allIntegral,
      maxDecimals: column.maxDecimals,
    })),
  };
}

/** The present (non-NaN) numbers of a column's chunks, gathered into `scratch` when it is long enough. */
export function presentNumbers(chunks: readonly ColumnChunk[], scratch?: Float64Array): Float64Array {
  const length = chunks.reduce((n, c) => n + c.numbers.length, 0);
  // A scratch as long as the column takes the values in one pass; otherwise count them first.
  const out = scratch && scratch.length >= length ? scratch : new Float64Array(countPresent(chunks));
  let k = 0;
  for (const { numbers } of chunks) { k = gatherPresent(numbers, out, k); }
  return out.subarray(0, k);
}

function countPresent(chunks: readonly ColumnChunk[]): number {
  let n = 0;
  for (const { numbers } of chunks) { for (let i = 0; i < numbers.length; i++) { if (numbers[i] === numbers[i]) { n++; } } }
  return n;
}

function gatherPresent(numbers: Float64Array, out: Float64Array, k: number): number {
  for (let i = 0; i < numbers.length; i++) { const v = numbers[i]; if (v === v) { out[k++] = v; } }
  return k;
}

import type { ChunkedColumn } from './chunkedTable';
import { columnNumericStats } from './columnProfile';
import { pearsonPairs } from './correlations';
import { countDuplicateRows } from './duplicates';
import type { NumericStats } from './numericStats';
import { countCodes } from './textStats';
import type { CodeCounts } from './textStats';
import { MISSING_CODE } from '../data/columnBuilder';

/**
 * The costly parts of a profile, as tasks any thread can run on a table in shared memory: the
 * numeric statistics of one column, Pearson r for some pairs of numeric columns, duplicate rows.
 */
export type ProfileTask =
  | { kind: 'numeric'; column: number }
  | { kind: 'codes'; column: number; dictionarySize: number }
  | { kind: 'pearson'; columns: number[]; pairs: [number, number][] }
  | { kind: 'duplicates' }
  | { kind: 'missing' };

/** What a task computes, by kind. */
export type ProfileTaskResult =
  | { kind: 'numeric'; column: number; stats: NumericStats }
  | { kind: 'codes'; column: number; counts: CodeCounts }
  | { kind: 'pearson'; pairs: [number, number][]; r: (number | null)[] }
  | { kind: 'duplicates'; duplicateRows: number }
  | { kind: 'missing'; missingCells: number; rowsWithMissing: number };

/**
 * Runs one task. `scratch` (a Float64Array of the table's length) is reused task after task: a
 * million-row column's worth of garbage per column would raise the peak memory.
 */
export function runProfileTask(columns: readonly ChunkedColumn[], rows: number, task: ProfileTask, scratch: Float64Array): ProfileTaskResult {
  switch (task.kind) {
    case 'numeric':
      return { kind: 'numeric', column: task.column, stats: columnNumericStats(columns[task.column], scratch) };
    case 'pearson':
      return { kind: 'pearson', pairs: task.pairs, r: pearsonPairs(task.columns.map((i) => columns[i].chunks.map((c) => c.numbers)), task.pairs) };
    case 'codes':
      return { kind: 'codes', column: task.column, counts: countCodes(columns[task.column].chunks, task.dictionarySize) };
    case 'duplicates':
      return { kind: 'duplicates', duplicateRows: countDuplicateRows(columns, rows) };
    case 'missing':
      return { kind: 'missing', ...countMissing(columns, rows) };
  }
}

/** Cells that are missing, and rows with at least one. */
export function countMissing(columns: readonly ChunkedColumn[], rows: number): { missingCells: number; rowsWithMissing: number } {
  const rowHasMissing = new Uint8Array(rows);
  let missingCells = 0;
  for (const column of columns) {
    if (column.missingCount === 0) { continue; }
    missingCells += column.missingCount;
    let offset = 0;
    for (const { numbers, codes } of column.chunks) {
      // With codes, a missing cell is exactly MISSING_CODE; without, exactly NaN. One small loop each stays monomorphic.
      if (codes) { markMissingCodes(codes, rowHasMissing, offset); } else { markMissingNumbers(numbers, rowHasMissing, offset); }
      offset += numbers.length;
    }
  }
  let rowsWithMissing = 0;
  for (let i = 0; i < rows; i++) { rowsWithMissing += rowHasMissing[i]; }
  return { missingCells, rowsWithMissing };
}

function markMissingNumbers(numbers: Float64Array, marks: Uint8Array, offset: number): void {
  for (let i = 0; i < numbers.length; i++) { if (numbers[i] !== numbers[i]) { marks[offset + i] = 1; } }
}

function markMissingCodes(codes: Int32Array, marks: Uint8Array, offset: number): void {
  for (let i = 0; i < codes.length; i++) { if (codes[i] === MISSING_CODE) { marks[offset + i] = 1; } }
}

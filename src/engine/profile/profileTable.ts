import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataProfile } from '../../shared/profile/types';
import { MISSING_CODE } from '../data/columnBuilder';
import type { TableData } from '../data/csvReader';
import { profileAlerts } from './alerts';
import { columnNumericStats, isNumericColumn, profileColumn } from './columnProfile';
import { allPairs, matrixOf, pearsonPairs } from './correlations';
import type { NumericStats } from './numericStats';
import type { StatsRequest, StatsResult } from './statsWorker';
import { countDuplicateRows } from './duplicates';

/** How the table was obtained, for the report. */
export interface ProfileContext { file: string; sampled: boolean; sampleNote?: string; startedAt: number }

/** Tables this long profile on two threads (below, starting a thread costs more than it saves). */
const PARALLEL_MIN_ROWS = 100000;

/** The full profile of a table: every column, duplicates, missing cells, correlations and alerts. */
export function profileTable(table: TableData, context: ProfileContext): DataProfile {
  const numeric = numericColumnIndices(table);
  const scratch = new Float64Array(table.rows);
  const stats = new Map(numeric.map((i) => [i, columnNumericStats(table.columns[i], scratch)]));
  const pairs = allPairs(numeric.length);
  const r = pearsonPairs(numeric.map((i) => table.columns[i].finish().numbers), pairs);
  return assemble(table, context, stats, matrixOf(numeric.length, pairs, r));
}

/**
 * The same profile, with the numeric statistics and correlations of a large table shared with a
 * worker thread (the columns are in shared memory, so the second core costs no copies).
 */
export async function profileTableInParallel(table: TableData, context: ProfileContext, minRows = PARALLEL_MIN_ROWS): Promise<DataProfile> {
  const numeric = numericColumnIndices(table);
  if (table.rows < minRows || numeric.length < 2) { return profileTable(table, context); }
  const columns = numeric.map((i) => table.columns[i].finish().numbers);
  const pairs = allPairs(numeric.length);
  // The main thread also does the text columns and duplicates: the worker takes more of the pairs.
  const workerPairs = pairs.slice(0, Math.ceil(pairs.length * 0.6));
  const workerColumns = numeric.filter((_, k) => k % 2 === 1);
  const request: StatsRequest = {
    numeric: workerColumns.map((i) => ({ numbers: table.columns[i].finish().numbers, integral: table.columns[i].allIntegral })),
    pairColumns: columns,
    pairs: workerPairs,
  };
  const worker = new Worker(path.join(__dirname, 'statsWorker.js'), { workerData: request });
  const fromWorker = new Promise<StatsResult>((resolve, reject) => {
    worker.once('message', (result: StatsResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the statistics thread stopped (exit ${code})`)));
  });
  try {
    const scratch = new Float64Array(table.rows);
    const stats = new Map(numeric.filter((_, k) => k % 2 === 0).map((i) => [i, columnNumericStats(table.columns[i], scratch)]));
    const mine = pearsonPairs(columns, pairs.slice(workerPairs.length));
    const theirs = await fromWorker;
    workerColumns.forEach((i, k) => stats.set(i, theirs.stats[k]));
    return assemble(table, context, stats, matrixOf(numeric.length, pairs, [...theirs.pearson, ...mine]));
  } finally {
    void worker.terminate();
  }
}

function numericColumnIndices(table: TableData): number[] {
  return table.columns.map((c, i) => (isNumericColumn(c) ? i : -1)).filter((i) => i >= 0);
}

function assemble(table: TableData, context: ProfileContext, stats: Map<number, NumericStats>, pearson: (number | null)[][]): DataProfile {
  const { rows } = table;
  const columns = table.columns.map((c, i) => profileColumn(c, rows, stats.get(i)));
  const correlations = { columns: [...stats.keys()].sort((a, b) => a - b).map((i) => table.columns[i].name), pearson };
  // A column with a distinct value in every row rules duplicate rows out without hashing them.
  const anyUnique = columns.some((c) => c.missing === 0 && c.distinct === rows);
  const duplicateRows = anyUnique ? 0 : countDuplicateRows(table.columns, rows);
  const { missingCells, rowsWithMissing } = countMissing(table);
  return {
    file: context.file,
    rows,
    sampled: context.sampled,
    ...(context.sampleNote ? { sampleNote: context.sampleNote } : {}),
    bytes: table.bytes,
    delimiter: table.delimiter,
    duplicateRows,
    missingCells,
    rowsWithMissing,
    columns,
    correlations,
    alerts: profileAlerts(columns, rows, duplicateRows, correlations),
    problems: table.problems,
    problemsTruncated: table.problemsTruncated,
    seconds: (Date.now() - context.startedAt) / 1000,
  };
}

function countMissing(table: TableData): { missingCells: number; rowsWithMissing: number } {
  const rowHasMissing = new Uint8Array(table.rows);
  let missingCells = 0;
  for (const column of table.columns) {
    if (column.missingCount === 0) { continue; }
    missingCells += column.missingCount;
    const { numbers, codes } = column.finish();
    for (let i = 0; i < table.rows; i++) {
      if (numbers[i] !== numbers[i] && (!codes || codes[i] === MISSING_CODE)) { rowHasMissing[i] = 1; }
    }
  }
  let rowsWithMissing = 0;
  for (let i = 0; i < table.rows; i++) { rowsWithMissing += rowHasMissing[i]; }
  return { missingCells, rowsWithMissing };
}

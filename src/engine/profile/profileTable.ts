import type { DataProfile } from '../../shared/profile/types';
import { profileAlerts } from './alerts';
import type { ChunkedTable } from './chunkedTable';
import { isNumericColumn, profileColumn } from './columnProfile';
import { allPairs, matrixOf } from './correlations';
import type { NumericStats } from './numericStats';
import type { CodeCounts } from './textStats';
import { runProfileTask } from './profileTasks';
import type { ProfileTask, ProfileTaskResult } from './profileTasks';

/** How the table was obtained, for the report. */
export interface ProfileContext { file: string; sampled: boolean; sampleNote?: string; startedAt: number }

/** The full profile of a table on this thread: every column, duplicates, missing cells, correlations and alerts. */
export function profileTable(table: ChunkedTable, context: ProfileContext): DataProfile {
  const scratch = new Float64Array(table.rows);
  const results = profileTasks(table).flat().map((task) => runProfileTask(table.columns, table.rows, task, scratch));
  return assembleProfile(table, context, results);
}

/**
 * The costly parts of a table's profile as tasks, in two lanes of about equal work: the numeric
 * columns' statistics; the correlations, duplicates, missing cells and text columns' counts. A
 * thread that keeps to one lane compiles only that lane's code: on a fresh process, the
 * compiling (per thread) cost as much as the work when both threads ran every kind of task.
 */
export function profileTasks(table: ChunkedTable): ProfileTask[][] {
  const numeric = numericColumnIndices(table);
  const pairs = allPairs(numeric.length);
  const texts = table.columns.map((c, i) => (isNumericColumn(c) ? -1 : i)).filter((i) => i >= 0);
  return [
    numeric.map((column): ProfileTask => ({ kind: 'numeric', column })),
    [
      ...(pairs.length > 0 ? [{ kind: 'pearson', columns: numeric, pairs } satisfies ProfileTask] : []),
      { kind: 'duplicates' },
      ...(table.rowsWithMissing === undefined ? [{ kind: 'missing' } satisfies ProfileTask] : []),
      ...texts.map((column): ProfileTask => ({ kind: 'codes', column, dictionarySize: table.columns[column].dictionary.length })),
    ],
  ];
}

/** The profile from the tasks' results (in any order) and what is cheap enough to compute here. */
export function assembleProfile(table: ChunkedTable, context: ProfileContext, results: readonly ProfileTaskResult[]): DataProfile {
  const { rows } = table;
  const stats = new Map<number, NumericStats>();
  const codes = new Map<number, CodeCounts>();
  let missing = { missingCells: table.columns.reduce((n, c) => n + c.missingCount, 0), rowsWithMissing: table.rowsWithMissing ?? 0 };
  const pairs: [number, number][] = [];
  const r: (number | null)[] = [];
  let duplicateRows = 0;
  for (const result of results) {
    if (result.kind === 'numeric') { stats.set(result.column, result.stats); }
    if (result.kind === 'pearson') { pairs.push(...result.pairs); r.push(...result.r); }
    if (result.kind === 'codes') { codes.set(result.column, result.counts); }
    if (result.kind === 'duplicates') { duplicateRows = result.duplicateRows; }
    if (result.kind === 'missing') { missing = result; }
  }
  const numeric = numericColumnIndices(table);
  const columns = table.columns.map((c, i) => profileColumn(c, rows, { numeric: stats.get(i), codes: codes.get(i) }));
  const correlations = { columns: numeric.map((i) => table.columns[i].name), pearson: matrixOf(numeric.length, pairs, r) };
  const { missingCells, rowsWithMissing } = missing;
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

function numericColumnIndices(table: ChunkedTable): number[] {
  return table.columns.map((c, i) => (isNumericColumn(c) ? i : -1)).filter((i) => i >= 0);
}

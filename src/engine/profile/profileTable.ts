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
  const results = profileTasks(table, 1).map((task) => runProfileTask(table.columns, table.rows, task, scratch));
  return assembleProfile(table, context, results);
}

/**
 * The costly parts of a table's profile as tasks, the largest first so that threads taking them
 * in turn finish together: duplicates, the correlation pairs in `pearsonGroups` groups, each numeric
 * column, each text column's counts, the missing cells.
 */
export function profileTasks(table: ChunkedTable, pearsonGroups: number): ProfileTask[] {
  const numeric = numericColumnIndices(table);
  const pairs = allPairs(numeric.length);
  const groups = Math.max(1, Math.min(pearsonGroups, pairs.length));
  const pearson: ProfileTask[] = [];
  for (let g = 0; g < groups && pairs.length > 0; g++) {
    const from = Math.floor((g * pairs.length) / groups);
    const to = Math.floor(((g + 1) * pairs.length) / groups);
    pearson.push({ kind: 'pearson', columns: numeric, pairs: pairs.slice(from, to) });
  }
  const texts = table.columns.map((c, i) => (isNumericColumn(c) ? -1 : i)).filter((i) => i >= 0);
  return [
    { kind: 'duplicates' }, ...pearson, ...numeric.map((column): ProfileTask => ({ kind: 'numeric', column })),
    ...texts.map((column): ProfileTask => ({ kind: 'codes', column, dictionarySize: table.columns[column].dictionary.length })),
    { kind: 'missing' },
  ];
}

/** The profile from the tasks' results (in any order) and what is cheap enough to compute here. */
export function assembleProfile(table: ChunkedTable, context: ProfileContext, results: readonly ProfileTaskResult[]): DataProfile {
  const { rows } = table;
  const stats = new Map<number, NumericStats>();
  const codes = new Map<number, CodeCounts>();
  let missing = { missingCells: 0, rowsWithMissing: 0 };
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

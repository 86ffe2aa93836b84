import type { ColumnProfile, DataProfile } from '../../shared/profile/types';
import { MISSING_CODE } from '../data/columnBuilder';
import type { TableData } from '../data/csvReader';
import { profileAlerts } from './alerts';
import { profileColumn } from './columnProfile';
import { pearsonMatrix } from './correlations';
import { countDuplicateRows } from './duplicates';

/** How the table was obtained, for the report. */
export interface ProfileContext { file: string; sampled: boolean; sampleNote?: string; startedAt: number }

/** The full profile of a table: every column, duplicates, missing cells, correlations and alerts. */
export function profileTable(table: TableData, context: ProfileContext): DataProfile {
  const { rows } = table;
  const columns = table.columns.map((c) => profileColumn(c, rows));
  const numeric = table.columns.filter((c, i) => c.numericCount > 0 && c.textCount === 0 && isNumericType(columns[i]));
  const correlations = { columns: numeric.map((c) => c.name), pearson: pearsonMatrix(numeric.map((c) => c.finish().numbers)) };
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

function isNumericType(c: ColumnProfile): boolean {
  return c.type === 'integer' || c.type === 'float' || c.type === 'id';
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

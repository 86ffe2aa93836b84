import type { ColumnProfile, ColumnType } from '../../shared/profile/types';
import type { ChunkedColumn } from './chunkedTable';
import { dateRange } from './dates';
import { chunksNumericStats } from './numericStats';
import type { NumericStats } from './numericStats';
import { countCodes, lengthStats, topValues, valueCounts } from './textStats';
import type { CodeCounts } from './textStats';

const BOOLEAN_SETS = [['true', 'false'], ['yes', 'no'], ['t', 'f'], ['y', 'n']];
/** Mean length above which a string column is free text rather than categories. */
const TEXT_MEAN_LENGTH = 40;

/** Whether a column holds numbers only (and missing cells): its statistics are numeric. */
export function isNumericColumn(column: ChunkedColumn): boolean {
  return column.numericCount > 0 && column.textCount === 0;
}

/** The numeric statistics of a numeric column (the costly part, done on a worker for large tables). */
export function columnNumericStats(column: ChunkedColumn, scratch?: Float64Array): NumericStats {
  return chunksNumericStats(column.chunks, column.allIntegral, column.maxDecimals, scratch);
}

/** What another thread already computed for a column. */
export interface KnownColumnStats { numeric?: NumericStats; codes?: CodeCounts }

/** Profiles one column: infers its type, then computes what fits the type (unless already `known`). */
export function profileColumn(column: ChunkedColumn, rows: number, known: KnownColumnStats = {}): ColumnProfile {
  const count = rows - column.missingCount;
  const base = { name: column.name, count, missing: column.missingCount };
  if (isNumericColumn(column)) {
    const stats = known.numeric ?? columnNumericStats(column);
    const sequential = column.allIntegral && stats.distinct === count && count >= 10 && stats.max - stats.min + 1 === count;
    const type: ColumnType = sequential ? 'id' : column.allIntegral ? 'integer' : 'float';
    return { ...base, type, ...stats };
  }
  const counts = valueCounts(column.dictionary, known.codes ?? countCodes(column.chunks, column.dictionary.length));
  const distinct = counts.counts.filter((c) => c > 0).length;
  const top = topValues(counts);
  const lengths = lengthStats(counts);
  const profile: ColumnProfile = { ...base, type: 'categorical', distinct, top, ...(lengths ? { lengths } : {}) };
  if (column.numericCount > 0) { return { ...profile, mixed: true }; }
  const lower = new Set(column.dictionary.map((v) => v.toLowerCase()));
  if (lower.size > 0 && BOOLEAN_SETS.some((set) => [...lower].every((v) => set.includes(v)))) { return { ...profile, type: 'boolean' }; }
  const dates = dateRange(column.dictionary);
  if (dates) { return { ...profile, type: 'date', min: dates.min, max: dates.max }; }
  if (lengths && lengths.mean > TEXT_MEAN_LENGTH) { return { ...profile, type: 'text' }; }
  if (distinct === count && count > 1) { return { ...profile, type: 'id' }; }
  return profile;
}

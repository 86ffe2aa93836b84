import type { ColumnProfile, ColumnType } from '../../shared/profile/types';
import type { ColumnBuilder } from '../data/columnBuilder';
import { dateRange } from './dates';
import { numericStats, presentValues } from './numericStats';
import type { NumericStats } from './numericStats';
import { lengthStats, topValues, valueCounts } from './textStats';

const BOOLEAN_SETS = [['true', 'false'], ['yes', 'no'], ['t', 'f'], ['y', 'n']];
/** Mean length above which a string column is free text rather than categories. */
const TEXT_MEAN_LENGTH = 40;

/** Whether a column holds numbers only (and missing cells): its statistics are numeric. */
export function isNumericColumn(column: ColumnBuilder): boolean {
  return column.numericCount > 0 && column.textCount === 0;
}

/** The numeric statistics of a numeric column (the costly part, done on a worker for large tables). */
export function columnNumericStats(column: ColumnBuilder, scratch?: Float64Array): NumericStats {
  return numericStats(presentValues(column.finish().numbers, scratch), column.allIntegral);
}

/** Profiles one column: infers its type, then computes what fits the type. `computed` are its numeric statistics if already known. */
export function profileColumn(column: ColumnBuilder, rows: number, computed?: NumericStats): ColumnProfile {
  const count = rows - column.missingCount;
  const base = { name: column.name, count, missing: column.missingCount };
  if (isNumericColumn(column)) {
    const stats = computed ?? columnNumericStats(column);
    const sequential = column.allIntegral && stats.distinct === count && count >= 10 && stats.max - stats.min + 1 === count;
    const type: ColumnType = sequential ? 'id' : column.allIntegral ? 'integer' : 'float';
    return { ...base, type, ...stats };
  }
  const counts = valueCounts(column);
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

import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { MISSING_CODE, NUMBER_CODE } from '../data/columnBuilder';
import type { TableData } from '../data/csvReader';

/** An arquero table from the reader's columns: numbers stay typed arrays (NaN = missing), text becomes strings (null = missing). */
export function toFrame(table: TableData): ColumnTable {
  const columns: Record<string, Float64Array | (string | null)[]> = {};
  table.columns.forEach((column, i) => {
    const { numbers, codes } = column.finish();
    if (!codes) { columns[table.names[i]] = Float64Array.from(numbers); return; }
    const dictionary = column.dictionary;
    columns[table.names[i]] = Array.from(codes, (c, row) => (c >= 0 ? dictionary[c] : c === NUMBER_CODE ? String(numbers[row]) : c === MISSING_CODE ? null : null));
  });
  return aq.table(columns);
}

/** Whether a cell is missing: null, undefined or NaN. */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/** The present values of a column, as numbers (non-numeric cells left out). */
export function numericValues(frame: ColumnTable, name: string): Float64Array {
  const values = frame.array(name) as ArrayLike<unknown>;
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (!Number.isNaN(n)) { out.push(n); }
  }
  return Float64Array.from(out);
}

/** The present values of a column with their counts, most frequent first (ties: first seen first). */
export function valueCounts(frame: ColumnTable, name: string): [string, number][] {
  const values = frame.array(name) as ArrayLike<unknown>;
  const counts = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isMissing(v)) { const key = String(v); counts.set(key, (counts.get(key) ?? 0) + 1); }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

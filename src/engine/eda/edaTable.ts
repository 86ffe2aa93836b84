import type { ColumnProfile, DataProfile } from '../../shared/profile/types';
import type { Task } from '../../shared/project/types';
import type { TableData } from '../data/csvReader';
import { presentNumbers } from '../profile/chunkedTable';

/** What every chart builder reads: the typed columns, their profile, and the target if any. */
export interface EdaTable {
  table: TableData;
  profile: DataProfile;
  /** Index of the target column, -1 when none. */
  target: number;
  task?: Task;
}

/** The present values of a numeric column, in a fresh array (callers reorder it). */
export function numericValues(t: EdaTable, index: number): Float64Array {
  return presentNumbers([t.table.columns[index].finish()]);
}

/** Whether a count of rows is a sizeable share: a short percentage for the answers. */
export function pct(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** A number short enough for a sentence. */
export function num(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '–' : Number(x.toPrecision(4)).toString();
}

/** The columns that are features (not the target). */
export function features(t: EdaTable): { index: number; column: ColumnProfile }[] {
  return t.profile.columns.map((column, index) => ({ index, column })).filter(({ index }) => index !== t.target);
}

import type { ColumnProfile } from '../../shared/profile/types';
import type { Task } from '../../shared/project/types';
import { MISSING_CODE, NUMBER_CODE } from '../data/columnBuilder';
import type { ColumnBuilder } from '../data/columnBuilder';

/** Categorical columns with more levels than this get no association, rate or co-occurrence chart. */
export const MAX_LEVELS = 50;

/** How EDA treats a column: numbers, categories (few levels), or neither (IDs, free text, dates, many levels). */
export type EdaRole = 'numeric' | 'categorical' | 'other';

/** The role of a profiled column in the analysis. */
export function roleOf(c: ColumnProfile): EdaRole {
  if (c.type === 'integer' || c.type === 'float') { return 'numeric'; }
  if ((c.type === 'categorical' || c.type === 'boolean') && c.distinct <= MAX_LEVELS) { return 'categorical'; }
  return 'other';
}

/** A column as small integers per row (-1 missing) and the text of each level. */
export interface CategoryCodes { codes: Int32Array; levels: string[] }

/** A column's cells as level codes: dictionary texts keep their code; numbers (mixed or numeric columns) become levels of their own. */
export function categoryCodes(column: ColumnBuilder): CategoryCodes {
  const { numbers, codes } = column.finish();
  const levels = [...column.dictionary];
  const out = new Int32Array(numbers.length);
  const numberLevels = new Map<number, number>();
  for (let i = 0; i < numbers.length; i++) {
    const c = codes ? codes[i] : Number.isNaN(numbers[i]) ? MISSING_CODE : NUMBER_CODE;
    if (c >= 0) { out[i] = c; continue; }
    if (c === MISSING_CODE) { out[i] = -1; continue; }
    let level = numberLevels.get(numbers[i]);
    if (level === undefined) { level = levels.length; levels.push(String(numbers[i])); numberLevels.set(numbers[i], level); }
    out[i] = level;
  }
  return { codes: out, levels };
}

/** Whether a cell is missing (NaN and not a text). */
export function missingMask(column: ColumnBuilder): Uint8Array {
  const { numbers, codes } = column.finish();
  const mask = new Uint8Array(numbers.length);
  if (column.missingCount === 0) { return mask; }
  for (let i = 0; i < numbers.length; i++) {
    if (numbers[i] !== numbers[i] && (!codes || codes[i] === MISSING_CODE)) { mask[i] = 1; }
  }
  return mask;
}

/** The task a target implies when the project does not say: numbers with many values are regression. */
export function inferTask(target: ColumnProfile): Task {
  if (target.type === 'float' || (target.type === 'integer' && target.distinct > 20)) { return 'regression'; }
  return target.distinct <= 2 ? 'binary' : 'multiclass';
}

// The preprocessing a bare CSV gets when there is no project pipeline: the steps a careful analyst
// would write first. Which columns each step touches is decided from the column types of the whole
// file (structure, not values); what the steps learn (medians, levels) is fitted per fold on the
// training part only, like any pipeline. Scaling is not a step here: it depends on the model
// family, so the model-input adapter standardises for the families that need it.

import type { ColumnTable } from 'arquero';
import type { PipelineStep } from '../../shared/pipeline/types';
import { isMissing } from '../pipeline/frame';
import { columnValues } from './inputAdapter';

/** Most frequent levels one-hot encoded per text column; rarer levels share the all-zero row. */
export const DEFAULT_MAX_LEVELS = 20;

/**
 * Steps for a CSV: drop text columns that look like identifiers (nearly every value distinct:
 * names, IDs; one-hot codes of them only memorise rows), impute numbers with the median and text
 * with the most frequent value where cells are missing, one-hot encode text with a level cap.
 */
export function defaultPipeline(frame: ColumnTable, exclude: readonly string[]): PipelineStep[] {
  const rows = frame.numRows();
  const idLike: string[] = [];
  const numericMissing: string[] = [];
  const text: string[] = [];
  const textMissing: string[] = [];
  for (const name of frame.columnNames()) {
    if (exclude.includes(name)) { continue; }
    const values = columnValues(frame, name);
    let missing = 0;
    let numeric = true;
    const distinct = new Set<string>();
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (isMissing(v)) { missing++; continue; }
      if (typeof v !== 'number') { numeric = false; }
      if (distinct.size <= rows / 2) { distinct.add(String(v)); }
    }
    if (numeric) { if (missing > 0) { numericMissing.push(name); } continue; }
    if (distinct.size > DEFAULT_MAX_LEVELS && distinct.size > rows / 2) { idLike.push(name); continue; }
    text.push(name);
    if (missing > 0) { textMissing.push(name); }
  }
  const steps: PipelineStep[] = [];
  if (idLike.length > 0) { steps.push({ kind: 'drop', columns: idLike, note: 'Identifier-like text (most values distinct): nothing to learn that generalises.' }); }
  if (numericMissing.length > 0) { steps.push({ kind: 'impute', columns: numericMissing, strategy: 'median' }); }
  if (textMissing.length > 0) { steps.push({ kind: 'impute', columns: textMissing, strategy: 'mostFrequent' }); }
  if (text.length > 0) { steps.push({ kind: 'encode', columns: text, method: 'onehot', maxLevels: DEFAULT_MAX_LEVELS }); }
  return steps;
}

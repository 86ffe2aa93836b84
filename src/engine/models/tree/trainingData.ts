// Training data in the shape the tree builder reads: columns as given, targets as typed arrays
// (class indices as Int32 for counting, values as Float64), checked once up front so the hot loops
// never meet a NaN.

import type { Task } from '../../../shared/project/types';
import type { FeatureMatrix, Labels } from '../types';

/** Targets and columns for the builder. */
export interface TreeData {
  task: Task;
  columns: Float64Array[];
  rows: number;
  /** Number of classes; 0 for regression. */
  classes: number;
  /** Class index per row (classification). */
  yClass: Int32Array;
  /** Target per row (regression; the class index as a number for classification). */
  yValue: Float64Array;
}

/** Validates and converts a feature matrix and its labels; throws naming the first feature with a missing value. */
export function treeData(data: FeatureMatrix, labels: Labels): TreeData {
  if (data.columns.length !== data.names.length) { throw new Error(`The feature matrix has ${data.columns.length} columns but ${data.names.length} names.`); }
  if (data.columns.length === 0) { throw new Error('Trees need at least one feature.'); }
  if (data.rows < 1) { throw new Error('Trees need at least one training row.'); }
  if (labels.y.length !== data.rows) { throw new Error(`There are ${labels.y.length} labels for ${data.rows} rows.`); }
  data.columns.forEach((column, f) => {
    if (column.length !== data.rows) { throw new Error(`Feature '${data.names[f]}' has ${column.length} values for ${data.rows} rows.`); }
  });
  assertNoMissing(data.columns, data.names, data.rows);
  const yValue = labels.y;
  const yClass = new Int32Array(data.rows);
  let classes = 0;
  if (labels.task === 'regression') {
    for (let i = 0; i < data.rows; i++) {
      if (!Number.isFinite(yValue[i])) { throw new Error(`The target is missing or not finite in row ${i + 1}; drop or impute those rows first.`); }
    }
  } else {
    let largest = -1;
    for (let i = 0; i < data.rows; i++) {
      const c = yValue[i];
      if (!Number.isInteger(c) || c < 0) { throw new Error(`Class labels must be indices 0, 1, ...; row ${i + 1} has ${c}.`); }
      yClass[i] = c;
      if (c > largest) { largest = c; }
    }
    classes = labels.classes?.length ?? largest + 1;
    if (largest >= classes) { throw new Error(`Class index ${largest} is beyond the ${classes} classes given.`); }
  }
  return { task: labels.task, columns: data.columns, rows: data.rows, classes, yClass, yValue };
}

/** Throws a clear error when a column has a NaN in the first `rows` rows (trees here do not route missing values). */
export function assertNoMissing(columns: Float64Array[], names: string[], rows: number): void {
  columns.forEach((column, f) => {
    for (let i = 0; i < rows; i++) {
      if (column[i] !== column[i]) {
        throw new Error(`Feature '${names[f]}' has a missing value (row ${i + 1}); tree models need missing values imputed first (add an impute step to the pipeline).`);
      }
    }
  });
}

/** The class labels in index order (numbered when the labels came without names); undefined for regression. */
export function classNames(labels: Labels, classes: number): string[] | undefined {
  if (labels.task === 'regression') { return undefined; }
  return labels.classes ? [...labels.classes] : Array.from({ length: classes }, (_, i) => String(i));
}

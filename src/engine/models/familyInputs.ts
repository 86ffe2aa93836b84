// Checks and conversions the simple families (baseline, linear, kNN, naive Bayes) share at the
// boundary: parameters with defaults filled in, feature matrices that match the model, labels
// that are valid class indices. Kept in one place so the four families word errors the same way.

import type { FeatureMatrix, HyperparameterSpec, Labels, Params } from './types';

/** Parameters with every default filled in; rejects unknown names and values of the wrong kind. */
export function resolveParams(specs: HyperparameterSpec[], params: Params, familyLabel: string): Params {
  const unknown = Object.keys(params).filter((name) => !specs.some((spec) => spec.name === name));
  if (unknown.length > 0) {
    const known = specs.length > 0 ? ` (it takes ${specs.map((spec) => spec.name).join(', ')})` : ' (it takes none)';
    throw new Error(`Unknown ${familyLabel} parameter(s): ${unknown.join(', ')}${known}.`);
  }
  const resolved: Params = {};
  for (const spec of specs) {
    const value = params[spec.name] ?? spec.default;
    if (spec.kind === 'choice') {
      if (!spec.choices?.includes(value as string | number)) {
        throw new Error(`${familyLabel} parameter ${spec.name} must be one of ${spec.choices?.join(', ')}; got ${String(value)}.`);
      }
    } else if (spec.kind === 'bool') {
      if (typeof value !== 'boolean') { throw new Error(`${familyLabel} parameter ${spec.name} must be true or false; got ${String(value)}.`); }
    } else if (typeof value !== 'number' || !Number.isFinite(value) || (spec.kind === 'int' && !Number.isInteger(value))) {
      throw new Error(`${familyLabel} parameter ${spec.name} must be ${spec.kind === 'int' ? 'an integer' : 'a number'}; got ${String(value)}.`);
    }
    resolved[spec.name] = value;
  }
  return resolved;
}

/** Throws unless every value is a finite number, naming the first feature with a missing (NaN) or infinite value. */
export function assertFiniteFeatures(data: FeatureMatrix, familyLabel: string): void {
  for (let j = 0; j < data.columns.length; j++) {
    const column = data.columns[j];
    for (let i = 0; i < data.rows; i++) {
      const v = column[i];
      // v - v is NaN exactly for NaN and +-Infinity: one test for both.
      if (v - v !== 0) {
        const what = Number.isNaN(v) ? 'missing values' : 'infinite values';
        throw new Error(`${familyLabel} cannot use feature "${data.names[j]}": it has ${what} (row ${i + 1}). Add an impute step to the pipeline or drop the feature.`);
      }
    }
  }
}

/** Throws unless the matrix has the features a model was trained on, in the same order. */
export function assertSameFeatures(trained: string[], data: FeatureMatrix): void {
  if (data.columns.length !== trained.length) {
    throw new Error(`The model was trained on ${trained.length} features but was given ${data.columns.length}.`);
  }
  for (let j = 0; j < trained.length; j++) {
    if (data.names[j] !== undefined && data.names[j] !== trained[j]) {
      throw new Error(`Feature ${j + 1} is "${data.names[j]}" but the model was trained with "${trained[j]}" there.`);
    }
  }
  for (const column of data.columns) {
    if (column.length < data.rows) { throw new Error(`A feature column has ${column.length} values for ${data.rows} rows.`); }
  }
}

/** Checks data and labels agree in size and that the matrix is usable at all. */
export function assertTrainingShape(data: FeatureMatrix, labels: Labels, familyLabel: string): void {
  if (data.rows === 0) { throw new Error(`${familyLabel} needs at least one training row.`); }
  if (labels.y.length !== data.rows) { throw new Error(`There are ${data.rows} rows of features but ${labels.y.length} labels.`); }
  if (data.names.length !== data.columns.length) { throw new Error(`There are ${data.columns.length} feature columns but ${data.names.length} names.`); }
  for (const column of data.columns) {
    if (column.length < data.rows) { throw new Error(`A feature column has ${column.length} values for ${data.rows} rows.`); }
  }
}

/** How many classes a classification task has (from `labels.classes`), checking every label is a valid index. */
export function classCount(labels: Labels): number {
  const declared = labels.classes?.length;
  let count = declared ?? 0;
  for (const y of labels.y) {
    if (!Number.isInteger(y) || y < 0 || (declared !== undefined && y >= declared)) {
      throw new Error(`Class labels must be integers from 0 to ${(declared ?? 1) - 1}; found ${y}.`);
    }
    if (declared === undefined && y + 1 > count) { count = y + 1; }
  }
  return count;
}

/** Throws unless every regression target is a finite number. */
export function assertFiniteTargets(labels: Labels): void {
  for (let i = 0; i < labels.y.length; i++) {
    if (!Number.isFinite(labels.y[i])) { throw new Error(`The regression target is missing or infinite in row ${i + 1}; drop those rows first.`); }
  }
}

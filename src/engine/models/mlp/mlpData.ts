// Turning the engine's column-major float64 features and labels into the row-major float32 blocks
// a network trains on, and holding out the seeded early-stopping rows.

import { seededRandom, shuffleInPlace } from '../../random';
import type { FeatureMatrix, Labels } from '../types';
import type { OutputKind } from './mlpNetwork';

/** Rows ready for training: x is rows x features, y is rows x outputs, both row-major. */
export interface TrainSet {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  features: number;
  outputs: number;
}

/** Throws, naming the first feature that holds a missing (or infinite) value: networks cannot take them. */
export function assertNoMissing(data: FeatureMatrix): void {
  for (let f = 0; f < data.columns.length; f++) {
    const column = data.columns[f];
    let bad = 0;
    for (let r = 0; r < data.rows; r++) { if (!Number.isFinite(column[r])) { bad++; } }
    if (bad > 0) {
      throw new Error(`The neural network cannot use missing or infinite values, but feature "${data.names[f]}" has ${bad} of them. Add an imputation step to the pipeline.`);
    }
  }
}

/**
 * Per row, what the output layer is trained towards: the standardised value (regression), 0/1
 * (binary), or a one-hot row (multiclass).
 */
export function encodeTargets(labels: Labels, output: OutputKind, outputs: number, mean: number, scale: number): Float32Array {
  const { y } = labels;
  if (output === 'softmax') {
    const onehot = new Float32Array(y.length * outputs);
    for (let r = 0; r < y.length; r++) { onehot[r * outputs + y[r]] = 1; }
    return onehot;
  }
  const targets = new Float32Array(y.length);
  for (let r = 0; r < y.length; r++) { targets[r] = output === 'linear' ? (y[r] - mean) / scale : y[r]; }
  return targets;
}

/**
 * The held-out early-stopping rows: `fraction` of them, drawn from the seed, per class for
 * classification so a rare class is not left out of validation (as scikit-learn's MLP does).
 * Empty when there are too few rows to spare any.
 */
export function validationRows(labels: Labels, fraction: number, seed: number): { train: Int32Array; valid: Int32Array } {
  const rows = labels.y.length;
  const random = seededRandom(seed);
  const groups: number[][] = [];
  if (labels.task === 'regression') {
    groups.push(Array.from({ length: rows }, (_, r) => r));
  } else {
    for (let r = 0; r < rows; r++) { (groups[labels.y[r]] ??= []).push(r); }
  }
  const valid: number[] = [];
  const train: number[] = [];
  for (const group of groups) {
    if (!group) { continue; }
    shuffleInPlace(group, random);
    // Rounding per class keeps the class mix; a class of one row stays in training.
    const take = group.length > 1 ? Math.round(group.length * fraction) : 0;
    for (let i = 0; i < group.length; i++) { (i < take ? valid : train).push(group[i]); }
  }
  if (valid.length === 0 || train.length === 0) { return { train: Int32Array.from({ length: rows }, (_, r) => r), valid: new Int32Array(0) }; }
  return { train: Int32Array.from(train).sort(), valid: Int32Array.from(valid).sort() };
}

/** The chosen rows as a row-major float32 training block. */
export function gatherRows(data: FeatureMatrix, targets: Float32Array, outputs: number, rows: Int32Array): TrainSet {
  const features = data.columns.length;
  const x = new Float32Array(rows.length * features);
  const y = new Float32Array(rows.length * outputs);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let f = 0; f < features; f++) { x[i * features + f] = data.columns[f][r]; }
    for (let k = 0; k < outputs; k++) { y[i * outputs + k] = targets[r * outputs + k]; }
  }
  return { x, y, rows: rows.length, features, outputs };
}

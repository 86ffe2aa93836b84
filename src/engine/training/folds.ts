// Cross-validation folds: row indices of each fold's training and validation parts. Seeded, so a
// run is reproducible; stratified for classification so every fold sees every class in the
// proportions of the whole; or taken from a column the user filled in (groups, time periods).

import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError } from '../errors';
import { isMissing } from '../pipeline/frame';
import { deriveSeed, seededRandom, shuffleInPlace } from '../random';

/** One fold: the rows it trains on and the rows it is scored on (ascending indices). */
export interface Fold { train: Int32Array; valid: Int32Array }

export interface FoldPlan { kind: 'kfold' | 'stratified' | 'column'; folds: Fold[]; names?: string[] }

/** Shuffled k-fold: fold sizes differ by at most one (the first n % k folds get one more, as scikit-learn's KFold). */
export function kFold(n: number, k: number, seed: number): FoldPlan {
  checkK(n, k);
  const order = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), seededRandom(deriveSeed(seed, 'folds')));
  const assignment = new Int32Array(n);
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let j = start; j < start + size; j++) { assignment[order[j]] = f; }
    start += size;
  }
  return { kind: 'kfold', folds: fromAssignment(assignment, k) };
}

/**
 * Stratified k-fold: each class's rows are shuffled, then all rows are dealt to the folds in turn,
 * class after class, so every fold's class counts are within one of each other.
 */
export function stratifiedKFold(y: Float64Array, classes: number, k: number, seed: number): FoldPlan {
  const n = y.length;
  checkK(n, k);
  const random = seededRandom(deriveSeed(seed, 'folds'));
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < n; i++) { byClass[y[i]].push(i); }
  const assignment = new Int32Array(n);
  let next = 0;
  for (const rows of byClass) {
    shuffleInPlace(rows, random);
    for (const row of rows) { assignment[row] = next; next = (next + 1) % k; }
  }
  return { kind: 'stratified', folds: fromAssignment(assignment, k) };
}

/** Folds from a column: one fold per distinct value (sorted); rows with a missing value are always in training. */
export function columnFolds(values: ArrayLike<unknown>, column: string): FoldPlan {
  const names = [...new Set(Array.from(values).filter((v) => !isMissing(v)).map((v) => String(v)))];
  names.sort((a, b) => (numeric(a) && numeric(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  if (names.length < 2) { throw new EngineError(EngineErrorCodes.InvalidInput, `The fold column "${column}" needs at least two distinct values (found ${names.length}).`); }
  const index = new Map(names.map((name, i) => [name, i]));
  const assignment = Int32Array.from(Array.from(values), (v) => (isMissing(v) ? -1 : index.get(String(v))!));
  return { kind: 'column', folds: fromAssignment(assignment, names.length), names };
}

function numeric(text: string): boolean {
  return text.trim() !== '' && !Number.isNaN(Number(text));
}

function checkK(n: number, k: number): void {
  if (!Number.isInteger(k) || k < 2) { throw new EngineError(EngineErrorCodes.InvalidInput, `Folds must be a whole number of at least 2, not ${k}.`); }
  if (k > n) { throw new EngineError(EngineErrorCodes.InvalidInput, `${k} folds need at least ${k} rows; there are ${n}.`); }
}

/** Rows of fold f validate there and train in every other fold; -1 means train everywhere. */
function fromAssignment(assignment: Int32Array, k: number): Fold[] {
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const valid: number[] = [];
    for (let i = 0; i < assignment.length; i++) { (assignment[i] === f ? valid : train).push(i); }
    folds.push({ train: Int32Array.from(train), valid: Int32Array.from(valid) });
  }
  return folds;
}

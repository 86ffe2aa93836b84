// The contract every model family implements (step 4). Training runs, the leaderboard, evaluation
// and the prediction server only ever talk to a family through these types, so a family is one
// folder under models/ plus one line in models/registry.ts.

import type { Task } from '../../shared/project/types';
import type { FamilyInfo, HyperparameterInfo, HyperparameterValue } from '../../shared/training/types';

/**
 * Training data after the project's pipeline: numbers only, column-major (one Float64Array per
 * feature, NaN = missing). Column-major because trees bin and scan one feature at a time and
 * linear models read all of them anyway.
 */
export interface FeatureMatrix {
  /** Feature names, in column order. */
  names: string[];
  columns: Float64Array[];
  rows: number;
  /** Per feature, whether it came from a categorical column (ordinal or one-hot codes). */
  categorical?: boolean[];
}

/** Targets: for regression the values; for classification class indices 0..classes.length-1 (as numbers). */
export interface Labels {
  task: Task;
  y: Float64Array;
  /** Class labels in index order (classification only). */
  classes?: string[];
}

/**
 * What a model predicts for n rows. Regression: `values` (length n). Classification:
 * `probabilities` row-major (n x classes), each row summing to 1; the predicted class is the
 * first index with the largest probability (as scikit-learn's argmax).
 */
export interface Predictions {
  values?: Float64Array;
  probabilities?: Float64Array;
}

/** One point of live progress while fitting (per boosting round, epoch, tree, ...). */
export interface FitProgress {
  /** What `step` counts: 'round', 'epoch', 'tree', 'iteration'. */
  unit: string;
  step: number;
  total?: number;
  /** Training loss at this step, when the family has one. */
  trainLoss?: number;
  /** Validation loss (early-stopping split), when there is one. */
  validLoss?: number;
}

/** What a fit is given besides data and parameters. */
export interface FitContext {
  /** Seed for every random choice of this fit: same seed, same data, same params => same model. */
  seed: number;
  /** Checked between batches of work; when true the fit throws FitCancelledError promptly. */
  isCancelled(): boolean;
  /** Live progress; may be called often, the caller throttles. */
  onProgress?(progress: FitProgress): void;
}

/** Thrown by a fit that saw `isCancelled()` return true. */
export class FitCancelledError extends Error {
  constructor() { super('The fit was cancelled.'); this.name = 'FitCancelledError'; }
}

export type ParamValue = HyperparameterValue;
export type Params = Record<string, ParamValue>;

/** One hyperparameter: the shared description the UI lists too. */
export type HyperparameterSpec = HyperparameterInfo;

export type FamilyId =
  | 'baseline' | 'linear' | 'knn' | 'naiveBayes' | 'decisionTree' | 'randomForest' | 'extraTrees' | 'gbt' | 'mlp';

/** A model family: what the UI lists of it (FamilyInfo), and how it fits and loads models. */
export interface ModelFamily extends FamilyInfo {
  id: FamilyId;
  /** Fits a model. May be async (to yield to the event loop so cancellation is seen). */
  fit(data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TrainedModel>;
  /** Rebuilds a model from its file; predictions are bit-identical to the model that was saved. */
  load(file: ModelFile): TrainedModel;
}

/** A fitted model. */
export interface TrainedModel {
  family: FamilyId;
  /** The parameters it was fitted with (defaults filled in). */
  params: Params;
  predict(data: FeatureMatrix): Predictions;
  /** Per feature (same order as the training names), non-negative, summing to 1; absent when the family has none. */
  featureImportance?(): Float64Array;
  /** The documented, JSON-serialisable form (see docs/model-format.md). */
  save(): ModelFile;
}

/**
 * A saved model: JSON. Numbers are stored as JSON numbers (JavaScript prints the shortest string
 * that reads back to the same double, so a round trip is exact) or, for large arrays, as base64 of
 * little-endian Float64/Int32 bytes via `encodeArray`.
 */
export interface ModelFile {
  format: 'ml-workflow-model';
  formatVersion: 1;
  family: FamilyId;
  task: Task;
  features: string[];
  classes?: string[];
  params: Params;
  /** Family-specific state. */
  state: Record<string, unknown>;
}

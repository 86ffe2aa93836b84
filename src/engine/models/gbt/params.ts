// The gradient-boosted trees' hyperparameters: names and defaults follow scikit-learn's
// HistGradientBoosting (so a user can compare like with like), plus row and column subsampling
// as in LightGBM / XGBoost.

import type { HyperparameterSpec, Params } from '../types';

/**
 * The declared hyperparameters, with defaults and the ranges a search draws from. Those without
 * a range are not searched (the search keeps their default) but can be set.
 */
export const GBT_HYPERPARAMETERS: HyperparameterSpec[] = [
  { name: 'learning_rate', description: 'Shrinkage applied to every tree: smaller needs more rounds but generalises better.', kind: 'float', default: 0.1, min: 0.01, max: 0.3, log: true },
  { name: 'max_iter', description: 'Maximum boosting rounds (early stopping may end sooner). 300, not scikit-learn\'s 100: more rounds at the same rate measured better on the sample datasets.', kind: 'int', default: 300, min: 20, max: 500, log: true },
  { name: 'max_leaf_nodes', description: 'Maximum leaves per tree (trees grow best-first).', kind: 'int', default: 31, min: 7, max: 127, log: true },
  { name: 'max_depth', description: 'Maximum depth of a tree; 0 means no limit (max_leaf_nodes bounds the size).', kind: 'int', default: 0 },
  { name: 'min_samples_leaf', description: 'Minimum training rows in a leaf.', kind: 'int', default: 20, min: 5, max: 100, log: true },
  // A log scale cannot start at 0, so the search range starts at 1e-4 (as good as none); 0 stays the default.
  { name: 'l2_regularization', description: 'L2 penalty on leaf values (0 = none).', kind: 'float', default: 0, min: 1e-4, max: 10, log: true },
  { name: 'min_gain_to_split', description: 'A split must reduce the loss by more than this.', kind: 'float', default: 0 },
  { name: 'max_bins', description: 'Bins per feature for non-missing values (missing values get their own bin); at most 255.', kind: 'int', default: 255, min: 32, max: 255 },
  { name: 'subsample', description: 'Share of training rows drawn for each round (1 = all).', kind: 'float', default: 1, min: 0.5, max: 1 },
  { name: 'colsample', description: 'Share of features drawn for each tree (1 = all).', kind: 'float', default: 1, min: 0.5, max: 1 },
  // 'off' is accepted too, but not offered to the search: max_iter goes up to 500 counting on early stopping.
  { name: 'early_stopping', description: "Stop when the validation loss stops improving: 'auto' turns it on above 10,000 rows, 'on' always, 'off' never.", kind: 'choice', default: 'auto', choices: ['auto', 'on'] },
  { name: 'validation_fraction', description: 'Share of rows held out (seeded, stratified for classification) to watch for early stopping.', kind: 'float', default: 0.1 },
  { name: 'n_iter_no_change', description: 'Rounds without improvement before early stopping.', kind: 'int', default: 10 },
  { name: 'tol', description: 'Smallest loss improvement that counts for early stopping.', kind: 'float', default: 1e-7 },
];

/** The hyperparameters, typed and checked. */
export interface GbtParams {
  learningRate: number;
  maxIter: number;
  maxLeafNodes: number;
  /** 0 = unlimited. */
  maxDepth: number;
  minSamplesLeaf: number;
  l2Regularization: number;
  minGainToSplit: number;
  maxBins: number;
  subsample: number;
  colsample: number;
  earlyStopping: 'auto' | 'on' | 'off';
  validationFraction: number;
  nIterNoChange: number;
  tol: number;
}

/** The parameters with every default filled in, as stored with the model. */
export function fillDefaults(params: Params): Params {
  const out: Params = {};
  for (const spec of GBT_HYPERPARAMETERS) { out[spec.name] = params[spec.name] ?? spec.default; }
  for (const name of Object.keys(params)) {
    if (!(name in out)) { throw new Error(`Gradient-boosted trees have no parameter "${name}".`); }
  }
  return out;
}

/** Reads and validates the parameters (defaults filled in). */
export function resolveParams(params: Params): GbtParams {
  const p = fillDefaults(params);
  const num = (name: string, min: number, max: number, integer = false): number => {
    const v = p[name];
    if (typeof v !== 'number' || Number.isNaN(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      throw new Error(`Parameter ${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${String(v)}.`);
    }
    return v;
  };
  const earlyStopping = p.early_stopping;
  if (earlyStopping !== 'auto' && earlyStopping !== 'on' && earlyStopping !== 'off') {
    throw new Error(`Parameter early_stopping must be 'auto', 'on' or 'off', got ${String(earlyStopping)}.`);
  }
  return {
    learningRate: num('learning_rate', Number.MIN_VALUE, 10),
    maxIter: num('max_iter', 1, 100000, true),
    maxLeafNodes: num('max_leaf_nodes', 2, 65536, true),
    maxDepth: num('max_depth', 0, 1000, true),
    minSamplesLeaf: num('min_samples_leaf', 1, Number.MAX_SAFE_INTEGER, true),
    l2Regularization: num('l2_regularization', 0, Infinity),
    minGainToSplit: num('min_gain_to_split', 0, Infinity),
    maxBins: num('max_bins', 2, 255, true),
    subsample: num('subsample', Number.MIN_VALUE, 1),
    colsample: num('colsample', Number.MIN_VALUE, 1),
    earlyStopping,
    validationFraction: num('validation_fraction', Number.MIN_VALUE, 0.9),
    nIterNoChange: num('n_iter_no_change', 1, 100000, true),
    tol: num('tol', 0, Infinity),
  };
}

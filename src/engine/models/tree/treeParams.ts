// Hyperparameters shared by the decision tree and the forests: their specs (defaults and search
// ranges) and their parsing into the numbers the builder uses. Names and meanings follow
// scikit-learn's trees so a user can carry settings across, and so the tests can compare.

import type { Task } from '../../../shared/project/types';
import type { HyperparameterSpec, ParamValue, Params } from '../types';

export type Criterion = 'gini' | 'entropy' | 'squared_error';

/** What the tree builder needs, resolved for one data set. */
export interface TreeSettings {
  criterion: Criterion;
  /** Depth limit; Infinity when unlimited. */
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Features drawn at each node (1..number of features). */
  maxFeatures: number;
  minImpurityDecrease: number;
}

const DEPTH_CHOICES = ['none', 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30];
const FEATURE_CHOICES = ['sqrt', 'log2', 0.5, 1.0];

/** The hyperparameters every tree family has; `maxFeaturesDefault` differs between a tree and a forest. */
export function treeHyperparameters(maxFeaturesDefault: ParamValue): HyperparameterSpec[] {
  return [
    { name: 'criterion', description: 'Split quality for classification: Gini impurity or entropy (information gain). Regression always uses squared error.', kind: 'choice', default: 'gini', choices: ['gini', 'entropy'] },
    { name: 'max_depth', description: "Deepest level a tree may grow to; 'none' grows until leaves are pure or too small.", kind: 'choice', default: 'none', choices: DEPTH_CHOICES },
    { name: 'min_samples_split', description: 'Fewest training rows a node needs before it may be split.', kind: 'int', default: 2, min: 2, max: 20 },
    { name: 'min_samples_leaf', description: 'Fewest training rows each leaf must keep; larger values smooth the model.', kind: 'int', default: 1, min: 1, max: 20 },
    {
      name: 'max_features',
      description: "Features considered at each split: 'sqrt' or 'log2' of their number, a fraction (0.5, 1.0 = all) or a count above 1. 'auto' is sqrt for classification and all for regression.",
      kind: 'choice', default: maxFeaturesDefault, choices: FEATURE_CHOICES,
    },
    // No search range: its scale is the criterion's (class impurity, or the target's variance), so
    // one range cannot suit every data set; depth and leaf size already bound the tree.
    { name: 'min_impurity_decrease', description: 'A split must lower the impurity, weighted by the share of rows it sees, by at least this much (in the units of the criterion).', kind: 'float', default: 0 },
  ];
}

/** The parameters as they were used: given values over defaults, criterion fixed for regression. */
export function fillParams(specs: HyperparameterSpec[], params: Params, task: Task): Params {
  const known = new Set(specs.map((s) => s.name));
  for (const name of Object.keys(params)) {
    if (!known.has(name)) { throw new Error(`Unknown hyperparameter '${name}' (expected one of ${[...known].join(', ')}).`); }
  }
  const filled: Params = {};
  for (const spec of specs) { filled[spec.name] = params[spec.name] ?? spec.default; }
  if (task === 'regression') { filled.criterion = 'squared_error'; }
  return filled;
}

/** Resolves filled parameters into builder settings for `features` columns. */
export function treeSettings(params: Params, task: Task, features: number): TreeSettings {
  const criterion = String(params.criterion);
  if (task !== 'regression' && criterion !== 'gini' && criterion !== 'entropy') {
    throw new Error(`criterion must be 'gini' or 'entropy' for classification, got '${criterion}'.`);
  }
  const minSamplesLeaf = integerAtLeast(params, 'min_samples_leaf', 1);
  return {
    criterion: task === 'regression' ? 'squared_error' : (criterion as Criterion),
    maxDepth: depthLimit(params.max_depth),
    // As scikit-learn: a node smaller than two leaves cannot be split anyway.
    minSamplesSplit: Math.max(integerAtLeast(params, 'min_samples_split', 2), 2 * minSamplesLeaf),
    minSamplesLeaf,
    maxFeatures: featureCount(params.max_features, task, features),
    minImpurityDecrease: numberAtLeast(params, 'min_impurity_decrease', 0),
  };
}

function depthLimit(value: ParamValue | undefined): number {
  if (value === undefined || value === 'none' || value === 'null' || value === '') { return Infinity; }
  const depth = Number(value);
  if (!Number.isInteger(depth) || depth < 1) { throw new Error(`max_depth must be 'none' or a whole number of at least 1, got '${String(value)}'.`); }
  return depth;
}

/** scikit-learn's rule: 'sqrt'/'log2' rounded down, a fraction of the features rounded down, at least 1. */
function featureCount(value: ParamValue | undefined, task: Task, features: number): number {
  const spec = value === 'auto' ? (task === 'regression' ? 1.0 : 'sqrt') : value;
  if (spec === 'sqrt') { return Math.max(1, Math.floor(Math.sqrt(features))); }
  if (spec === 'log2') { return Math.max(1, Math.floor(Math.log2(features))); }
  if (spec === undefined || spec === 'none' || spec === 'all') { return features; }
  const n = Number(spec);
  // A number up to 1 is a fraction (so 1.0 means all, as in the search choices); above 1 a count.
  if (Number.isFinite(n) && n > 0 && n <= 1) { return Math.max(1, Math.floor(n * features)); }
  if (Number.isInteger(n) && n > 1) { return Math.min(n, features); }
  throw new Error(`max_features must be 'sqrt', 'log2', 'auto', a fraction in (0, 1] or a whole count, got '${String(value)}'.`);
}

function integerAtLeast(params: Params, name: string, least: number): number {
  const value = Number(params[name]);
  if (!Number.isInteger(value) || value < least) { throw new Error(`${name} must be a whole number of at least ${least}, got '${String(params[name])}'.`); }
  return value;
}

/** A non-negative number parameter. */
export function numberAtLeast(params: Params, name: string, least: number): number {
  const value = Number(params[name]);
  if (!Number.isFinite(value) || value < least) { throw new Error(`${name} must be a number of at least ${least}, got '${String(params[name])}'.`); }
  return value;
}

// One forest implementation for random forests and extra trees (scikit-learn's BaseForest): trees
// grown one after another, each with its own seed derived from the fit's seed, so a fit is
// reproducible and every tree draws an independent stream. Predictions average the trees' leaf
// values (class probabilities or means); importances average the trees' normalised importances.

import { deriveSeed, randomInt, seededRandom } from '../../random';
import { growTree, leafWidth, prepareInputs } from '../tree/growTree';
import type { SplitterKind } from '../tree/growTree';
import { classNames, treeData } from '../tree/trainingData';
import { NodeStore } from '../tree/treeArrays';
import { TreeModel } from '../tree/treeModel';
import { fillParams, treeHyperparameters, treeSettings } from '../tree/treeParams';
import { FitCancelledError } from '../types';
import type { FeatureMatrix, FitContext, HyperparameterSpec, Labels, ParamValue, Params } from '../types';

/** What distinguishes the two forests. */
export interface ForestKind {
  family: 'randomForest' | 'extraTrees';
  splitter: SplitterKind;
  bootstrapDefault: boolean;
}

/** A forest's hyperparameters: the tree's, with max_features 'auto', plus the number of trees and bootstrap. */
export function forestHyperparameters(kind: ForestKind): HyperparameterSpec[] {
  return [
    { name: 'n_estimators', description: 'Number of trees; more trees give steadier predictions at a proportional cost.', kind: 'int', default: 100, min: 50, max: 300 },
    ...treeHyperparameters('auto'),
    { name: 'bootstrap', description: 'Grow each tree on a bootstrap sample of the rows (drawn with replacement) instead of all of them.', kind: 'bool', default: kind.bootstrapDefault },
  ];
}

/** Fits a forest: trees in sequence, with progress per tree, yielding and checking cancellation between trees and within large ones. */
export async function fitForest(kind: ForestKind, specs: HyperparameterSpec[], data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TreeModel> {
  const training = treeData(data, labels);
  const filled = fillParams(specs, params, labels.task);
  const settings = treeSettings(filled, labels.task, data.columns.length);
  const trees = Number(filled.n_estimators);
  if (!Number.isInteger(trees) || trees < 1) { throw new Error(`n_estimators must be a whole number of at least 1, got '${String(filled.n_estimators)}'.`); }
  const bootstrap = booleanParam('bootstrap', filled.bootstrap);
  filled.bootstrap = bootstrap;
  if (context.isCancelled()) { throw new FitCancelledError(); }
  const n = training.rows;
  const p = data.columns.length;
  // Sorting (or the row-major copy) is the same for every tree: done once per fit.
  const inputs = prepareInputs(training, kind.splitter);
  const store = new NodeStore(leafWidth(training));
  const weight = new Float64Array(n);
  const importanceSum = new Float64Array(p);
  let treesWithSplits = 0;
  for (let t = 0; t < trees; t++) {
    if (context.isCancelled()) { throw new FitCancelledError(); }
    if (bootstrap) {
      weight.fill(0);
      const draw = seededRandom(deriveSeed(context.seed, 'bootstrap', t));
      for (let i = 0; i < n; i++) { weight[randomInt(draw, n)]++; }
    } else {
      weight.fill(1);
    }
    const before = store.count;
    const importance = await growTree(training, settings, kind.splitter, weight, inputs, seededRandom(deriveSeed(context.seed, 'tree', t)), store, context);
    // As scikit-learn: a tree that is a single leaf has no importances to average.
    if (store.count - before > 1) {
      treesWithSplits++;
      for (let f = 0; f < p; f++) { importanceSum[f] += importance[f]; }
    }
    context.onProgress?.({ unit: 'tree', step: t + 1, total: trees });
    await new Promise(setImmediate);
  }
  return new TreeModel(kind.family, labels.task, [...data.names], classNames(labels, training.classes), filled, store.finish(), averageImportance(importanceSum, treesWithSplits));
}

function averageImportance(sum: Float64Array, trees: number): Float64Array {
  const mean = new Float64Array(sum.length);
  if (trees === 0) { return mean; }
  let total = 0;
  for (let f = 0; f < sum.length; f++) { mean[f] = sum[f] / trees; total += mean[f]; }
  if (total > 0) { for (let f = 0; f < sum.length; f++) { mean[f] /= total; } }
  return mean;
}

function booleanParam(name: string, value: ParamValue | undefined): boolean {
  if (value === true || value === 'true') { return true; }
  if (value === false || value === 'false') { return false; }
  throw new Error(`${name} must be true or false, got '${String(value)}'.`);
}

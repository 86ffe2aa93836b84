// The decision tree family (CART, as scikit-learn's DecisionTreeClassifier/Regressor): one tree,
// exact splits, every feature considered by default.

import { seededRandom } from '../../random';
import { FitCancelledError } from '../types';
import type { FeatureMatrix, FitContext, Labels, ModelFamily, ModelFile, Params, TrainedModel } from '../types';
import { growTree, leafWidth, prepareInputs } from './growTree';
import { classNames, treeData } from './trainingData';
import { NodeStore } from './treeArrays';
import { TreeModel, loadTreeModel } from './treeModel';
import { fillParams, treeHyperparameters, treeSettings } from './treeParams';

const HYPERPARAMETERS = treeHyperparameters(1.0);

/** A single CART decision tree: readable rules, quick to fit, prone to overfit when deep. */
export const decisionTreeFamily: ModelFamily = {
  id: 'decisionTree',
  label: 'Decision tree',
  tasks: ['binary', 'multiclass', 'regression'],
  complexity: 'low',
  interpretability: 'high',
  notes: 'A single tree of yes/no questions on the features, readable as rules. Needs no scaling; limit max_depth or raise min_samples_leaf to keep it from memorising the training rows.',
  needsScaling: false,
  handlesMissing: false,
  hyperparameters: HYPERPARAMETERS,
  fit: fitDecisionTree,
  load: (file: ModelFile): TrainedModel => loadTreeModel(file, 'decisionTree'),
};

async function fitDecisionTree(data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TrainedModel> {
  const training = treeData(data, labels);
  const filled = fillParams(HYPERPARAMETERS, params, labels.task);
  const settings = treeSettings(filled, labels.task, data.columns.length);
  if (context.isCancelled()) { throw new FitCancelledError(); }
  const store = new NodeStore(leafWidth(training));
  const weight = new Float64Array(training.rows).fill(1);
  const importance = await growTree(training, settings, 'best', weight, prepareInputs(training, 'best'), seededRandom(context.seed), store, context);
  context.onProgress?.({ unit: 'tree', step: 1, total: 1 });
  return new TreeModel('decisionTree', labels.task, [...data.names], classNames(labels, training.classes), filled, store.finish(), importance);
}


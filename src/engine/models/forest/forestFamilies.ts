// The random forest and extra trees families: one forest implementation (forest.ts), two ways of
// choosing splits.

import { loadTreeModel } from '../tree/treeModel';
import type { FeatureMatrix, FitContext, Labels, ModelFamily, ModelFile, Params, TrainedModel } from '../types';
import { fitForest, forestHyperparameters } from './forest';
import type { ForestKind } from './forest';

const RANDOM_FOREST: ForestKind = { family: 'randomForest', splitter: 'best', bootstrapDefault: true };
const EXTRA_TREES: ForestKind = { family: 'extraTrees', splitter: 'random', bootstrapDefault: false };
const RANDOM_FOREST_PARAMS = forestHyperparameters(RANDOM_FOREST);
const EXTRA_TREES_PARAMS = forestHyperparameters(EXTRA_TREES);

/** Random forest (Breiman 2001): exact CART trees on bootstrap samples with random feature subsets, averaged. */
export const randomForestFamily: ModelFamily = {
  id: 'randomForest',
  label: 'Random forest',
  tasks: ['binary', 'multiclass', 'regression'],
  complexity: 'medium',
  interpretability: 'medium',
  notes: 'Averages many decision trees grown on resampled rows: robust, little tuning, no scaling needed. Larger and slower to predict than one tree; explained through feature importances.',
  needsScaling: false,
  handlesMissing: false,
  hyperparameters: RANDOM_FOREST_PARAMS,
  fit: (data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TrainedModel> => fitForest(RANDOM_FOREST, RANDOM_FOREST_PARAMS, data, labels, params, context),
  load: (file: ModelFile): TrainedModel => loadTreeModel(file, 'randomForest'),
};

/** Extra trees (Geurts et al. 2006): like a random forest but with random thresholds and, by default, all rows. */
export const extraTreesFamily: ModelFamily = {
  id: 'extraTrees',
  label: 'Extra trees',
  tasks: ['binary', 'multiclass', 'regression'],
  complexity: 'medium',
  interpretability: 'medium',
  notes: 'A forest whose trees cut at random thresholds: faster to fit than a random forest and often as accurate, with smoother predictions. No scaling needed.',
  needsScaling: false,
  handlesMissing: false,
  hyperparameters: EXTRA_TREES_PARAMS,
  fit: (data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TrainedModel> => fitForest(EXTRA_TREES, EXTRA_TREES_PARAMS, data, labels, params, context),
  load: (file: ModelFile): TrainedModel => loadTreeModel(file, 'extraTrees'),
};

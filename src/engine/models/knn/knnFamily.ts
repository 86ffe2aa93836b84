// k-nearest neighbours (step 4): exact Euclidean neighbours by brute force, predictions as
// scikit-learn's KNeighborsClassifier / KNeighborsRegressor (k, weights 'uniform' | 'distance').

import { assertFiniteFeatures, assertFiniteTargets, assertTrainingShape, classCount, resolveParams } from '../familyInputs';
import { FitCancelledError, type FeatureMatrix, type FitContext, type HyperparameterSpec, type Labels, type ModelFamily, type Params, type TrainedModel } from '../types';
import { KNN_LABEL, knnModel, knnState, loadKnnModel } from './knnModel';

const hyperparameters: HyperparameterSpec[] = [
  { name: 'k', kind: 'int', default: 5, min: 1, max: 50, description: 'Neighbours that vote. Few follow the data closely (and its noise); many smooth it.' },
  {
    name: 'weights', kind: 'choice', default: 'uniform', choices: ['uniform', 'distance'],
    description: 'uniform: every neighbour counts the same; distance: nearer neighbours count more (1 / distance).',
  },
];

async function fitKnn(data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TrainedModel> {
  const resolved = resolveParams(hyperparameters, params, KNN_LABEL);
  assertTrainingShape(data, labels, KNN_LABEL);
  assertFiniteFeatures(data, KNN_LABEL);
  const k = resolved.k as number;
  if (k < 1) { throw new Error(`k must be at least 1; got ${k}.`); }
  if (labels.task === 'regression') { assertFiniteTargets(labels); } else { classCount(labels); }
  if (context.isCancelled()) { throw new FitCancelledError(); }
  // Fitting is remembering the rows. With fewer rows than k (a small fold), all of them vote,
  // where scikit-learn would refuse.
  const used = Math.min(k, data.rows);
  const state = knnState(data, labels.y, labels.task, labels.classes?.slice(), resolved, used, resolved.weights as 'uniform' | 'distance');
  return knnModel(state);
}

/** k-nearest neighbours for classification and regression. */
export const knnFamily: ModelFamily = {
  id: 'knn',
  label: 'k-nearest neighbours',
  tasks: ['binary', 'multiclass', 'regression'],
  complexity: 'low',
  interpretability: 'medium',
  notes: 'Predicts from the most similar training rows. No training time, but prediction time and model size grow with the training set; needs standardised inputs and few irrelevant features.',
  needsScaling: true,
  handlesMissing: false,
  hyperparameters,
  fit: fitKnn,
  load: loadKnnModel,
};

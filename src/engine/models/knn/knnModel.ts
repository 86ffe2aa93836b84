// A fitted k-nearest-neighbours model: the training rows themselves. Predictions follow
// scikit-learn's KNeighborsClassifier.predict_proba / KNeighborsRegressor.predict, including the
// 'distance' weighting rule for exact matches (a query equal to training rows uses only those).

import type { Task } from '../../../shared/project/types';
import { decodeFloat64, encodeArray, type EncodedArray } from '../arrayCodec';
import { assertFiniteFeatures, assertSameFeatures } from '../familyInputs';
import type { FeatureMatrix, ModelFile, Params, Predictions, TrainedModel } from '../types';
import { neighbourSearch, toRowMajor } from './nearestNeighbours';
import type { Neighbours } from './neighbourHeap';

export const KNN_LABEL = 'k-nearest neighbours';

/** Everything a kNN model needs to predict, as saved in its model file. */
export interface KnnState {
  task: Task;
  features: string[];
  classes?: string[];
  params: Params;
  /** Row-major training features (rows x features). */
  train: Float64Array;
  /** Training targets: values, or class indices. */
  y: Float64Array;
  /** Neighbours used: the k parameter, capped at the number of training rows. */
  k: number;
  weights: 'uniform' | 'distance';
}

/** The trained model over a state. */
export function knnModel(state: KnnState): TrainedModel {
  const d = state.features.length;
  const rows = state.y.length;
  // Built once with the model (the k-d tree takes a moment) and reused: the prediction server
  // asks for one row at a time.
  const search = neighbourSearch(state.train, rows, d, state.k);
  return {
    family: 'knn',
    params: state.params,
    predict(data: FeatureMatrix): Predictions {
      assertSameFeatures(state.features, data);
      assertFiniteFeatures(data, KNN_LABEL);
      const weights = new Float64Array(state.k);
      const classes = state.classes?.length ?? 0;
      const out = state.task === 'regression' ? new Float64Array(data.rows) : new Float64Array(data.rows * classes);
      search.searchAll(toRowMajor(data.columns, data.rows), data.rows, (i, neighbours) => {
        neighbourWeights(neighbours, state.weights, weights);
        if (state.task === 'regression') {
          out[i] = weightedMean(neighbours, state.y, weights, state.weights);
        } else {
          classShares(neighbours, state.y, weights, out, i * classes, classes);
        }
      });
      return state.task === 'regression' ? { values: out } : { probabilities: out };
    },
    save(): ModelFile {
      return {
        format: 'ml-workflow-model', formatVersion: 1, family: 'knn', task: state.task, features: state.features, classes: state.classes, params: state.params,
        state: { k: state.k, weights: state.weights, train: encodeArray(state.train), y: encodeArray(state.y) },
      };
    },
  };
}

/** Rebuilds a kNN model from its file. */
export function loadKnnModel(file: ModelFile): TrainedModel {
  if (file.family !== 'knn') { throw new Error(`This is a ${file.family} model file, not a k-nearest-neighbours model.`); }
  const saved = file.state as { k?: number; weights?: string; train?: EncodedArray; y?: EncodedArray };
  if (!saved.train || !saved.y || typeof saved.k !== 'number' || (saved.weights !== 'uniform' && saved.weights !== 'distance')) {
    throw new Error('The k-nearest-neighbours model file is incomplete.');
  }
  const train = decodeFloat64(saved.train);
  const y = decodeFloat64(saved.y);
  if (train.length !== y.length * file.features.length || saved.k < 1 || saved.k > y.length) { throw new Error('The k-nearest-neighbours model file has inconsistent sizes.'); }
  return knnModel({ task: file.task, features: file.features, classes: file.classes, params: file.params, train, y, k: saved.k, weights: saved.weights });
}

/** Builds the state from training data (copied, row-major). */
export function knnState(data: FeatureMatrix, y: Float64Array, task: Task, classes: string[] | undefined, params: Params, k: number, weights: 'uniform' | 'distance'): KnnState {
  return { task, features: data.names.slice(), classes, params, train: toRowMajor(data.columns, data.rows), y: Float64Array.from(y), k, weights };
}

/**
 * Per neighbour: 1 (uniform) or 1 / distance. As scikit-learn: when some neighbours are at
 * distance 0, those get weight 1 and the others 0.
 */
function neighbourWeights(neighbours: Neighbours, kind: 'uniform' | 'distance', out: Float64Array): void {
  const squared = neighbours.squaredDistances;
  if (kind === 'uniform') { out.fill(1); return; }
  // Sorted nearest first: an exact match, if any, is first.
  if (squared[0] === 0) {
    for (let n = 0; n < out.length; n++) { out[n] = squared[n] === 0 ? 1 : 0; }
    return;
  }
  for (let n = 0; n < out.length; n++) { out[n] = 1 / Math.sqrt(squared[n]); }
}

/** The (weighted) mean target of the neighbours. */
function weightedMean(neighbours: Neighbours, y: Float64Array, weights: Float64Array, kind: 'uniform' | 'distance'): number {
  const indices = neighbours.indices;
  let sum = 0;
  if (kind === 'uniform') {
    for (let n = 0; n < indices.length; n++) { sum += y[indices[n]]; }
    return sum / indices.length;
  }
  let total = 0;
  for (let n = 0; n < indices.length; n++) { sum += y[indices[n]] * weights[n]; total += weights[n]; }
  return sum / total;
}

/** Each class's share of the neighbours' weight, written at out[offset..offset+classes). */
function classShares(neighbours: Neighbours, y: Float64Array, weights: Float64Array, out: Float64Array, offset: number, classes: number): void {
  const indices = neighbours.indices;
  let total = 0;
  for (let n = 0; n < indices.length; n++) { out[offset + y[indices[n]]] += weights[n]; total += weights[n]; }
  for (let c = 0; c < classes; c++) { out[offset + c] /= total; }
}

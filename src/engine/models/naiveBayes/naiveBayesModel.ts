// A fitted naive Bayes model and how it predicts. Features are assumed independent given the
// class, so the joint log-likelihood of a row is the log prior plus one term per feature: a
// Gaussian log density for numeric features (scikit-learn's GaussianNB) and a smoothed category
// frequency for categorical ones (CategoricalNB). Summing both kinds in one model is exactly what
// fitting GaussianNB on the numeric and CategoricalNB on the categorical features and adding their
// joint log-likelihoods (counting the prior once) gives.

import type { Task } from '../../../shared/project/types';
import { decodeFloat64, decodeInt32, encodeArray, type EncodedArray } from '../arrayCodec';
import { assertFiniteFeatures, assertSameFeatures } from '../familyInputs';
import type { FeatureMatrix, ModelFile, Params, Predictions, TrainedModel } from '../types';

export const NAIVE_BAYES_LABEL = 'Naive Bayes';

/** Everything a naive Bayes model needs to predict, as saved in its model file. */
export interface NaiveBayesState {
  task: Task;
  features: string[];
  classes: string[];
  params: Params;
  /** Per class; -Infinity for a class with no training rows. */
  logPrior: Float64Array;
  /** Indices of the numeric features, and per class x numeric feature their mean and (smoothed) variance. */
  numeric: Int32Array;
  theta: Float64Array;
  variance: Float64Array;
  /** Indices of the categorical features and how many categories each had in training. */
  categorical: Int32Array;
  categoryCounts: Int32Array;
  /** Per categorical feature, class-major blocks: log P(category | class), classes x categories. */
  logProbability: Float64Array;
  /** Per class x categorical feature: log P(a category never seen in training | class). */
  unseenLogProbability: Float64Array;
}

/** Joint log-likelihood log P(class) + log P(row | class), row-major rows x classes. */
export function jointLogLikelihood(state: NaiveBayesState, data: FeatureMatrix): Float64Array {
  const K = state.classes.length;
  const rows = data.rows;
  const out = new Float64Array(rows * K);
  const p = state.numeric.length;
  for (let k = 0; k < K; k++) {
    // The row-independent part: log prior - 1/2 sum log(2 pi var), as GaussianNB.
    let constant = 0;
    for (let j = 0; j < p; j++) { constant += Math.log(2 * Math.PI * state.variance[k * p + j]); }
    constant = state.logPrior[k] - 0.5 * constant;
    for (let i = 0; i < rows; i++) { out[i * K + k] = constant; }
    for (let j = 0; j < p; j++) {
      const column = data.columns[state.numeric[j]];
      const mean = state.theta[k * p + j];
      const halfInverse = 0.5 / state.variance[k * p + j];
      for (let i = 0; i < rows; i++) {
        const diff = column[i] - mean;
        out[i * K + k] -= diff * diff * halfInverse;
      }
    }
  }
  let offset = 0;
  for (let c = 0; c < state.categorical.length; c++) {
    const feature = state.categorical[c];
    const column = data.columns[feature];
    const categories = state.categoryCounts[c];
    for (let i = 0; i < rows; i++) {
      const code = column[i];
      checkCode(code, data.names[feature] ?? state.features[feature], i);
      for (let k = 0; k < K; k++) {
        // A category unseen in training counts as seen zero times (scikit-learn would fail).
        out[i * K + k] += code < categories
          ? state.logProbability[offset + k * categories + code]
          : state.unseenLogProbability[k * state.categorical.length + c];
      }
    }
    offset += K * categories;
  }
  return out;
}

/** Throws unless a categorical value is a non-negative integer code. */
export function checkCode(code: number, feature: string, row: number): void {
  if (!(Number.isInteger(code) && code >= 0)) {
    throw new Error(`${NAIVE_BAYES_LABEL}: categorical feature "${feature}" must hold category codes (non-negative integers); found ${code} in row ${row + 1}.`);
  }
}

/** Probabilities from joint log-likelihoods (in place): exp(jll - logsumexp(jll)) per row. */
function toProbabilities(jll: Float64Array, classes: number): Float64Array {
  for (let i = 0; i < jll.length; i += classes) {
    let max = -Infinity;
    for (let k = 0; k < classes; k++) { if (jll[i + k] > max) { max = jll[i + k]; } }
    let sum = 0;
    for (let k = 0; k < classes; k++) { sum += Math.exp(jll[i + k] - max); }
    const logSum = max + Math.log(sum);
    for (let k = 0; k < classes; k++) { jll[i + k] = Math.exp(jll[i + k] - logSum); }
  }
  return jll;
}

/** The trained model over a state. */
export function naiveBayesModel(state: NaiveBayesState): TrainedModel {
  return {
    family: 'naiveBayes',
    params: state.params,
    predict(data: FeatureMatrix): Predictions {
      assertSameFeatures(state.features, data);
      assertFiniteFeatures(data, NAIVE_BAYES_LABEL);
      return { probabilities: toProbabilities(jointLogLikelihood(state, data), state.classes.length) };
    },
    save(): ModelFile {
      const saved = {
        logPrior: encodeArray(state.logPrior),
        numeric: encodeArray(state.numeric),
        theta: encodeArray(state.theta),
        variance: encodeArray(state.variance),
        categorical: encodeArray(state.categorical),
        categoryCounts: encodeArray(state.categoryCounts),
        logProbability: encodeArray(state.logProbability),
        unseenLogProbability: encodeArray(state.unseenLogProbability),
      };
      return { format: 'ml-workflow-model', formatVersion: 1, family: 'naiveBayes', task: state.task, features: state.features, classes: state.classes, params: state.params, state: saved };
    },
  };
}

/** The state in a naive Bayes model file. */
export function naiveBayesState(file: ModelFile): NaiveBayesState {
  if (file.family !== 'naiveBayes') { throw new Error(`This is a ${file.family} model file, not a naive Bayes model.`); }
  const saved = file.state as Record<string, EncodedArray | undefined>;
  const float = (name: string) => { const a = saved[name]; if (!a) { throw new Error(`The naive Bayes model file has no ${name}.`); } return decodeFloat64(a); };
  const int = (name: string) => { const a = saved[name]; if (!a) { throw new Error(`The naive Bayes model file has no ${name}.`); } return decodeInt32(a); };
  if (!file.classes) { throw new Error('The naive Bayes model file has no classes.'); }
  const state: NaiveBayesState = {
    task: file.task, features: file.features, classes: file.classes, params: file.params,
    logPrior: float('logPrior'), numeric: int('numeric'), theta: float('theta'), variance: float('variance'),
    categorical: int('categorical'), categoryCounts: int('categoryCounts'), logProbability: float('logProbability'), unseenLogProbability: float('unseenLogProbability'),
  };
  const K = state.classes.length;
  if (state.logPrior.length !== K || state.theta.length !== K * state.numeric.length || state.variance.length !== state.theta.length
    || state.categoryCounts.length !== state.categorical.length || state.unseenLogProbability.length !== K * state.categorical.length) {
    throw new Error('The naive Bayes model file has inconsistent sizes.');
  }
  return state;
}

/** Rebuilds a naive Bayes model from its file. */
export function loadNaiveBayesModel(file: ModelFile): TrainedModel {
  return naiveBayesModel(naiveBayesState(file));
}

// Naive Bayes (step 4): Gaussian likelihoods for numeric features as scikit-learn's GaussianNB
// (var_smoothing), smoothed category frequencies for features flagged categorical as
// CategoricalNB (alpha), one model summing both (see naiveBayesModel.ts).

import { assertFiniteFeatures, assertTrainingShape, classCount, resolveParams } from '../familyInputs';
import { FitCancelledError, type FeatureMatrix, type FitContext, type HyperparameterSpec, type Labels, type ModelFamily, type Params, type TrainedModel } from '../types';
import { checkCode, loadNaiveBayesModel, NAIVE_BAYES_LABEL, naiveBayesModel, type NaiveBayesState } from './naiveBayesModel';

/** Categories per categorical feature at most: codes are indices into per-class count tables. */
const MAX_CATEGORIES = 100_000;

const hyperparameters: HyperparameterSpec[] = [
  {
    name: 'var_smoothing', kind: 'float', default: 1e-9, min: 1e-12, max: 1e-2, log: true,
    description: 'Numeric features: this share of the largest feature variance is added to every variance, for stability (scikit-learn\'s GaussianNB var_smoothing).',
  },
  {
    name: 'alpha', kind: 'float', default: 1, min: 0.01, max: 10, log: true,
    description: 'Categorical features: pseudo-count added to every category (1 is Laplace smoothing), so an unseen combination is unlikely rather than impossible.',
  },
];

async function fitNaiveBayes(data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TrainedModel> {
  const resolved = resolveParams(hyperparameters, params, NAIVE_BAYES_LABEL);
  if (labels.task === 'regression') { throw new Error('Naive Bayes is a classifier; it cannot fit a regression target.'); }
  assertTrainingShape(data, labels, NAIVE_BAYES_LABEL);
  assertFiniteFeatures(data, NAIVE_BAYES_LABEL);
  const varSmoothing = resolved.var_smoothing as number;
  const alpha = resolved.alpha as number;
  if (!(varSmoothing >= 0)) { throw new Error(`var_smoothing must be >= 0; got ${varSmoothing}.`); }
  if (!(alpha > 0)) { throw new Error(`alpha must be > 0; got ${alpha}.`); }
  const K = classCount(labels);
  const y = Int32Array.from(labels.y);
  const counts = new Float64Array(K);
  for (const c of y) { counts[c]++; }
  const isCategorical = (j: number) => data.categorical?.[j] === true;
  const numeric = Int32Array.from(data.columns.keys()).filter((j) => !isCategorical(j));
  const categorical = Int32Array.from(data.columns.keys()).filter((j) => isCategorical(j));
  if (context.isCancelled()) { throw new FitCancelledError(); }
  const gaussian = fitGaussian(data, numeric, y, counts, varSmoothing);
  if (context.isCancelled()) { throw new FitCancelledError(); }
  const frequencies = fitCategorical(data, categorical, y, counts, alpha);
  const state: NaiveBayesState = {
    task: labels.task, features: data.names.slice(), classes: labels.classes?.slice() ?? Array.from({ length: K }, (_, k) => String(k)), params: resolved,
    logPrior: Float64Array.from(counts, (count) => Math.log(count / data.rows)),
    numeric, ...gaussian, categorical, ...frequencies,
  };
  return naiveBayesModel(state);
}

/**
 * Per class and numeric feature, the mean and the population variance (two passes, as numpy),
 * plus var_smoothing times the largest variance of any numeric feature over all rows.
 */
function fitGaussian(data: FeatureMatrix, numeric: Int32Array, y: Int32Array, counts: Float64Array, varSmoothing: number): { theta: Float64Array; variance: Float64Array } {
  const K = counts.length;
  const p = numeric.length;
  const theta = new Float64Array(K * p);
  const variance = new Float64Array(K * p);
  let largest = 0;
  for (let j = 0; j < p; j++) {
    const column = data.columns[numeric[j]];
    let sum = 0;
    for (let i = 0; i < data.rows; i++) { sum += column[i]; }
    const mean = sum / data.rows;
    let squares = 0;
    for (let i = 0; i < data.rows; i++) { squares += (column[i] - mean) ** 2; }
    largest = Math.max(largest, squares / data.rows);
    const sums = new Float64Array(K);
    for (let i = 0; i < data.rows; i++) { sums[y[i]] += column[i]; }
    for (let k = 0; k < K; k++) { theta[k * p + j] = counts[k] > 0 ? sums[k] / counts[k] : 0; }
    const deviations = new Float64Array(K);
    for (let i = 0; i < data.rows; i++) { deviations[y[i]] += (column[i] - theta[y[i] * p + j]) ** 2; }
    // A class without rows never wins (its prior is 0); variance 1 keeps its terms finite.
    for (let k = 0; k < K; k++) { variance[k * p + j] = counts[k] > 0 ? deviations[k] / counts[k] : 1; }
  }
  // All numeric features constant: scikit-learn would divide by zero; fall back to an absolute floor.
  const epsilon = varSmoothing * (largest > 0 ? largest : 1);
  for (let i = 0; i < variance.length; i++) { variance[i] += epsilon; }
  return { theta, variance };
}

/** Per categorical feature, log((count + alpha) / (class count + alpha * categories)), and the same for count 0. */
function fitCategorical(data: FeatureMatrix, categorical: Int32Array, y: Int32Array, counts: Float64Array, alpha: number): { categoryCounts: Int32Array; logProbability: Float64Array; unseenLogProbability: Float64Array } {
  const K = counts.length;
  const q = categorical.length;
  const categoryCounts = new Int32Array(q);
  const tables: Float64Array[] = [];
  const unseenLogProbability = new Float64Array(K * q);
  for (let c = 0; c < q; c++) {
    const column = data.columns[categorical[c]];
    let categories = 0;
    for (let i = 0; i < data.rows; i++) {
      checkCode(column[i], data.names[categorical[c]], i);
      if (column[i] >= categories) { categories = column[i] + 1; }
    }
    if (categories > MAX_CATEGORIES) {
      throw new Error(`${NAIVE_BAYES_LABEL}: categorical feature "${data.names[categorical[c]]}" has codes up to ${categories - 1}; at most ${MAX_CATEGORIES} categories are supported.`);
    }
    categoryCounts[c] = categories;
    const table = new Float64Array(K * categories);
    for (let i = 0; i < data.rows; i++) { table[y[i] * categories + column[i]]++; }
    for (let k = 0; k < K; k++) {
      const denominator = Math.log(counts[k] + alpha * categories);
      for (let v = 0; v < categories; v++) { table[k * categories + v] = Math.log(table[k * categories + v] + alpha) - denominator; }
      unseenLogProbability[k * q + c] = Math.log(alpha) - denominator;
    }
    tables.push(table);
  }
  const logProbability = new Float64Array(tables.reduce((n, t) => n + t.length, 0));
  let offset = 0;
  for (const table of tables) { logProbability.set(table, offset); offset += table.length; }
  return { categoryCounts, logProbability, unseenLogProbability };
}

/** Naive Bayes classification: Gaussian for numeric features, categorical for flagged ones. */
export const naiveBayesFamily: ModelFamily = {
  id: 'naiveBayes',
  label: 'Naive Bayes',
  tasks: ['binary', 'multiclass'],
  complexity: 'low',
  interpretability: 'medium',
  notes: 'Treats features as independent given the class: very fast, works with few rows and many features, a good baseline for text-like or categorical data. Its probabilities are often overconfident.',
  needsScaling: false,
  handlesMissing: false,
  hyperparameters,
  fit: fitNaiveBayes,
  load: loadNaiveBayesModel,
};

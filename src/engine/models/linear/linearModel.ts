// A fitted linear model: coefficients (one block per class when multinomial) and intercepts,
// how it predicts, saves and loads. Shared by Ridge, Lasso/elastic net and logistic regression.

import type { Task } from '../../../shared/project/types';
import { decodeFloat64, encodeArray, type EncodedArray } from '../arrayCodec';
import type { FeatureMatrix, ModelFile, Params, Predictions, TrainedModel } from '../types';
import { assertFiniteFeatures, assertSameFeatures } from '../familyInputs';
import { linearScores, sigmoid } from './logisticObjective';

export const LINEAR_LABEL = 'Linear model';

/** Everything a linear model needs to predict, as saved in its model file. */
export interface LinearState {
  task: Task;
  features: string[];
  classes?: string[];
  params: Params;
  solver: 'ridge' | 'coordinateDescent' | 'lbfgs' | 'owlqn';
  /** blocks x (d coefficients then the intercept), row-major: one block for regression and binary. */
  weights: Float64Array;
  /** Classification: the class indices the blocks model (classes absent from training get probability 0). */
  fittedClasses?: number[];
  iterations: number;
  converged: boolean;
}

/** The trained model over a state. */
export function linearModel(state: LinearState): TrainedModel {
  const d = state.features.length;
  const blocks = state.weights.length / (d + 1);
  return {
    family: 'linear',
    params: state.params,
    predict(data: FeatureMatrix): Predictions {
      assertSameFeatures(state.features, data);
      assertFiniteFeatures(data, LINEAR_LABEL);
      const scores = Array.from({ length: blocks }, () => new Float64Array(data.rows));
      linearScores(data.columns, state.weights, data.rows, blocks, scores);
      if (state.task === 'regression') { return { values: scores[0] }; }
      return { probabilities: classProbabilities(scores, state.fittedClasses ?? [], state.classes?.length ?? 0, data.rows) };
    },
    featureImportance(): Float64Array {
      // |coefficient| is only comparable across features on standardised inputs (needsScaling).
      const importance = new Float64Array(d);
      for (let k = 0; k < blocks; k++) {
        for (let j = 0; j < d; j++) { importance[j] += Math.abs(state.weights[k * (d + 1) + j]); }
      }
      return normalise(importance);
    },
    save(): ModelFile {
      const saved: Record<string, unknown> = {
        solver: state.solver,
        weights: encodeArray(state.weights),
        iterations: state.iterations,
        converged: state.converged,
      };
      if (state.fittedClasses) { saved.fittedClasses = state.fittedClasses; }
      return { format: 'ml-workflow-model', formatVersion: 1, family: 'linear', task: state.task, features: state.features, classes: state.classes, params: state.params, state: saved };
    },
  };
}

/** Rebuilds a linear model from its file. */
export function loadLinearModel(file: ModelFile): TrainedModel {
  if (file.family !== 'linear') { throw new Error(`This is a ${file.family} model file, not a linear model.`); }
  const saved = file.state as { solver?: LinearState['solver']; weights?: EncodedArray; fittedClasses?: number[]; iterations?: number; converged?: boolean };
  if (!saved.weights || !saved.solver) { throw new Error('The linear model file has no weights.'); }
  const weights = decodeFloat64(saved.weights);
  if (weights.length % (file.features.length + 1) !== 0) { throw new Error('The linear model file has weights that do not match its features.'); }
  if (file.task !== 'regression' && !Array.isArray(saved.fittedClasses)) { throw new Error('The linear model file does not say which classes it models.'); }
  return linearModel({
    task: file.task, features: file.features, classes: file.classes, params: file.params, solver: saved.solver, weights,
    fittedClasses: saved.fittedClasses, iterations: saved.iterations ?? 0, converged: saved.converged ?? true,
  });
}

/** Row-major probabilities: sigmoid for one block (two fitted classes), softmax otherwise. */
function classProbabilities(scores: Float64Array[], fitted: number[], classes: number, rows: number): Float64Array {
  const out = new Float64Array(rows * classes);
  if (scores.length === 1) {
    const z = scores[0];
    for (let i = 0; i < rows; i++) {
      const p = sigmoid(z[i]);
      out[i * classes + fitted[1]] = p;
      out[i * classes + fitted[0]] = 1 - p;
    }
    return out;
  }
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (const z of scores) { if (z[i] > max) { max = z[i]; } }
    let sum = 0;
    for (const z of scores) { sum += Math.exp(z[i] - max); }
    for (let k = 0; k < scores.length; k++) { out[i * classes + fitted[k]] = Math.exp(scores[k][i] - max) / sum; }
  }
  return out;
}

/** Scales to sum 1; all zeros (every coefficient shrunk away) becomes equal shares, since no feature is used more than another. */
function normalise(values: Float64Array): Float64Array {
  let total = 0;
  for (const v of values) { total += v; }
  if (total > 0) { for (let j = 0; j < values.length; j++) { values[j] /= total; } } else { values.fill(1 / values.length); }
  return values;
}

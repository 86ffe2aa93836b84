// Linear and logistic regression (step 4's "linear" family), each solved to its exact optimum:
// regression as scikit-learn's Ridge (closed form), Lasso or ElasticNet (coordinate descent);
// classification as LogisticRegression(penalty, C, l1_ratio), binary or multinomial, by L-BFGS
// (l2) or its orthant-wise variant OWL-QN (l1, elastic net), where scikit-learn uses lbfgs / saga.

import type { FeatureMatrix, FitContext, HyperparameterSpec, Labels, ModelFamily, Params, TrainedModel } from '../types';
import { fitElasticNet } from './elasticNet';
import { assertFiniteFeatures, assertFiniteTargets, assertTrainingShape, classCount, resolveParams } from '../familyInputs';
import { FitLoop } from '../fitLoop';
import { minimizeLbfgs } from './lbfgs';
import { LINEAR_LABEL, linearModel, loadLinearModel, type LinearState } from './linearModel';
import { logisticObjective } from './logisticObjective';
import { fitRidge } from './ridge';

/** Iterations of lbfgs at most (scikit-learn's default max_iter is 100; this solves tighter). */
const LBFGS_MAX_ITERATIONS = 1000;
/** Largest gradient component (of the per-row objective) accepted as the optimum. */
const LBFGS_GRADIENT_TOLERANCE = 1e-10;

const hyperparameters: HyperparameterSpec[] = [
  {
    name: 'penalty', kind: 'choice', default: 'l2', choices: ['l2', 'l1', 'elasticnet'],
    description: 'l2 shrinks all coefficients (Ridge, or logistic regression\'s default); l1 (the Lasso) sets some exactly to zero, selecting features; elasticnet mixes both.',
  },
  {
    name: 'alpha', kind: 'float', default: 1, min: 1e-4, max: 100, log: true,
    description: 'Regression: regularisation strength, as scikit-learn\'s alpha (Ridge: added to X\'X; Lasso/elastic net: against the mean squared error / 2). Larger shrinks more.',
  },
  { name: 'l1_ratio', kind: 'float', default: 0.5, min: 0.05, max: 0.95, description: 'Elastic net only: the share of the penalty that is l1 (1 would be l1 alone).' },
  {
    name: 'C', kind: 'float', default: 1, min: 1e-3, max: 1e3, log: true,
    description: 'Classification: inverse regularisation strength, as scikit-learn\'s LogisticRegression C. Smaller shrinks more.',
  },
];

async function fitLinear(data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TrainedModel> {
  const resolved = resolveParams(hyperparameters, params, LINEAR_LABEL);
  assertTrainingShape(data, labels, LINEAR_LABEL);
  assertFiniteFeatures(data, LINEAR_LABEL);
  const base = { task: labels.task, features: data.names.slice(), params: resolved };
  const alpha = resolved.alpha as number;
  if (labels.task === 'regression') {
    assertFiniteTargets(labels);
    if (!(alpha >= 0)) { throw new Error(`alpha must be >= 0; got ${alpha}.`); }
    const penalty = resolved.penalty;
    const l1Ratio = penalty === 'l1' ? 1 : resolved.l1_ratio as number;
    if (!(l1Ratio >= 0 && l1Ratio <= 1)) { throw new Error(`l1_ratio must be between 0 and 1; got ${l1Ratio}.`); }
    const loop = new FitLoop(context);
    const fit = penalty === 'l2'
      ? await fitRidge(data.columns, labels.y, data.rows, alpha, loop)
      : await fitElasticNet(data.columns, labels.y, data.rows, alpha, l1Ratio, loop);
    loop.throwIfCancelled();
    const weights = new Float64Array(data.columns.length + 1);
    weights.set(fit.coef);
    weights[data.columns.length] = fit.intercept;
    return linearModel({ ...base, solver: penalty === 'l2' ? 'ridge' : 'coordinateDescent', weights, iterations: fit.iterations, converged: fit.converged });
  }
  return fitLogistic(data, labels, resolved, context, { ...base, classes: labels.classes?.slice() });
}

async function fitLogistic(data: FeatureMatrix, labels: Labels, params: Params, context: FitContext, base: Pick<LinearState, 'task' | 'features' | 'params' | 'classes'>): Promise<TrainedModel> {
  const C = params.C as number;
  if (!(C > 0)) { throw new Error(`C must be > 0; got ${C}.`); }
  const l1Ratio = params.penalty === 'l1' ? 1 : params.penalty === 'elasticnet' ? params.l1_ratio as number : 0;
  if (!(l1Ratio >= 0 && l1Ratio <= 1)) { throw new Error(`l1_ratio must be between 0 and 1; got ${l1Ratio}.`); }
  const classes = classCount(labels);
  // Classes absent from these rows (a rare class missing from a fold) are left out of the fit, as
  // scikit-learn would never see them; they get probability 0.
  const present = new Int32Array(classes).fill(-1);
  for (const y of labels.y) { present[y] = 0; }
  const fittedClasses: number[] = [];
  present.forEach((flag, k) => { if (flag === 0) { present[k] = fittedClasses.length; fittedClasses.push(k); } });
  if (fittedClasses.length < 2) { throw new Error('Logistic regression needs rows of at least two classes; these training rows all have the same class.'); }
  const target = Int32Array.from(labels.y, (y) => present[y]);
  const d = data.columns.length;
  const blocks = fittedClasses.length === 2 ? 1 : fittedClasses.length;
  // scikit-learn's objective: sum of log-losses + ((1 - r) / 2 ||W||^2 + r ||W||_1) / C, here per row.
  const objective = logisticObjective(data.columns, target, data.rows, fittedClasses.length, (1 - l1Ratio) / C);
  let l1: Float64Array | undefined;
  if (l1Ratio > 0) {
    l1 = new Float64Array(blocks * (d + 1)).fill(l1Ratio / (C * data.rows));
    for (let k = 0; k < blocks; k++) { l1[k * (d + 1) + d] = 0; }
  }
  const loop = new FitLoop(context);
  const result = await minimizeLbfgs(objective, new Float64Array(blocks * (d + 1)), {
    gradientTolerance: LBFGS_GRADIENT_TOLERANCE, maxIterations: LBFGS_MAX_ITERATIONS, memory: 10, l1,
  }, loop);
  return linearModel({ ...base, solver: l1 ? 'owlqn' : 'lbfgs', weights: result.x, fittedClasses, iterations: result.iterations, converged: result.converged });
}

/** Linear regression (Ridge / Lasso / elastic net) and logistic regression. */
export const linearFamily: ModelFamily = {
  id: 'linear',
  label: 'Linear / logistic regression',
  tasks: ['binary', 'multiclass', 'regression'],
  complexity: 'low',
  interpretability: 'high',
  notes: 'Fast and readable: one weight per feature. Strong when the target depends roughly linearly on the features; needs standardised inputs and imputed missing values, and misses interactions unless you add them.',
  needsScaling: true,
  handlesMissing: false,
  hyperparameters,
  fit: fitLinear,
  load: loadLinearModel,
};

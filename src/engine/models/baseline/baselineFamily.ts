// The baseline: predicts without looking at the features (the training classes' shares, or the
// training mean), as scikit-learn's DummyClassifier(strategy='prior') and DummyRegressor(). Every
// other candidate has to beat it to be worth anything.

import { assertFiniteTargets, assertSameFeatures, assertTrainingShape, classCount } from '../familyInputs';
import { FitCancelledError, type FeatureMatrix, type FitContext, type Labels, type ModelFamily, type ModelFile, type Params, type Predictions, type TrainedModel } from '../types';
import type { Task } from '../../../shared/project/types';

const LABEL = 'Baseline';

interface BaselineState {
  task: Task;
  features: string[];
  classes?: string[];
  /** Classification: each class's share of the training rows (the predicted probabilities). */
  priors?: number[];
  /** Regression: the training mean. */
  mean?: number;
}

/** The baseline model: the same prediction for every row. */
function baselineModel(state: BaselineState): TrainedModel {
  return {
    family: 'baseline',
    params: {},
    predict(data: FeatureMatrix): Predictions {
      assertSameFeatures(state.features, data);
      if (state.priors) {
        const k = state.priors.length;
        const probabilities = new Float64Array(data.rows * k);
        for (let i = 0; i < data.rows; i++) { probabilities.set(state.priors, i * k); }
        return { probabilities };
      }
      return { values: new Float64Array(data.rows).fill(state.mean ?? NaN) };
    },
    save(): ModelFile {
      const fitted: Record<string, unknown> = state.priors ? { priors: state.priors } : { mean: state.mean };
      return { format: 'ml-workflow-model', formatVersion: 1, family: 'baseline', task: state.task, features: state.features, classes: state.classes, params: {}, state: fitted };
    },
  };
}

async function fitBaseline(data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TrainedModel> {
  if (Object.keys(params).length > 0) { throw new Error(`The baseline takes no parameters; got ${Object.keys(params).join(', ')}.`); }
  assertTrainingShape(data, labels, LABEL);
  if (context.isCancelled()) { throw new FitCancelledError(); }
  const features = data.names.slice();
  if (labels.task === 'regression') {
    assertFiniteTargets(labels);
    let sum = 0;
    for (const y of labels.y) { sum += y; }
    return baselineModel({ task: labels.task, features, mean: sum / labels.y.length });
  }
  const counts = new Float64Array(classCount(labels));
  for (const y of labels.y) { counts[y]++; }
  const priors = Array.from(counts, (count) => count / labels.y.length);
  return baselineModel({ task: labels.task, features, classes: labels.classes?.slice(), priors });
}

function loadBaseline(file: ModelFile): TrainedModel {
  if (file.family !== 'baseline') { throw new Error(`This is a ${file.family} model file, not a baseline.`); }
  const { priors, mean } = file.state as { priors?: unknown; mean?: unknown };
  if (file.task === 'regression') {
    if (typeof mean !== 'number') { throw new Error('The baseline model file has no mean.'); }
    return baselineModel({ task: file.task, features: file.features, mean });
  }
  if (!Array.isArray(priors) || priors.some((p) => typeof p !== 'number')) { throw new Error('The baseline model file has no class priors.'); }
  return baselineModel({ task: file.task, features: file.features, classes: file.classes, priors: priors as number[] });
}

/** The baseline family: most frequent class (with the class shares as probabilities) or the mean. */
export const baselineFamily: ModelFamily = {
  id: 'baseline',
  label: 'Baseline (most frequent class / mean)',
  tasks: ['binary', 'multiclass', 'regression'],
  complexity: 'low',
  interpretability: 'high',
  notes: 'Ignores the features: predicts the most frequent class (probabilities = class shares) or the mean. The floor every other model must beat; a model that does not is learning nothing.',
  needsScaling: false,
  handlesMissing: true,
  hyperparameters: [],
  fit: fitBaseline,
  load: loadBaseline,
};

// Gradient-boosted trees as a model family: histogram-based boosting in the manner of LightGBM and
// scikit-learn's HistGradientBoosting, written on typed arrays (no well-kept JavaScript library
// does this).

import type { ModelFamily } from '../types';
import { fitBooster } from './booster';
import { GbtModel } from './gbtModel';
import { fillDefaults, GBT_HYPERPARAMETERS, resolveParams } from './params';

/** The gradient-boosted trees family. */
export const gbtFamily: ModelFamily = {
  id: 'gbt',
  label: 'Gradient-boosted trees',
  tasks: ['binary', 'multiclass', 'regression'],
  complexity: 'high',
  interpretability: 'low',
  notes: 'Often the most accurate choice on tabular data. Handles missing values itself and needs no scaling; '
    + 'a smaller learning rate with more rounds generalises better, and early stopping ends the fit when the validation loss stops improving.',
  needsScaling: false,
  handlesMissing: true,
  hyperparameters: GBT_HYPERPARAMETERS,
  async fit(data, labels, params, context) {
    const filled = fillDefaults(params);
    const result = await fitBooster(data, labels, resolveParams(filled), context);
    return GbtModel.fromFit(result, labels.task, [...data.names], labels.classes, filled);
  },
  load(file) {
    return GbtModel.load(file);
  },
};

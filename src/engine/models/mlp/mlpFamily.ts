// The neural-network family: a multilayer perceptron trained with TensorFlow.js (wasm backend) and
// predicting in plain JavaScript (see mlpNetwork.ts for why).

import { deriveSeed } from '../../random';
import { FitCancelledError, type FeatureMatrix, type FitContext, type HyperparameterSpec, type Labels, type ModelFamily, type Params, type TrainedModel } from '../types';
import { assertNoMissing, encodeTargets, gatherRows, validationRows } from './mlpData';
import { loadMlpModel, mlpModel } from './mlpModel';
import type { Activation, OutputKind } from './mlpNetwork';
import { trainNetwork, type TrainSettings } from './mlpTrain';
import { loadTf } from './tfBackend';

/** Share of the training rows held out (seeded, per class) to decide when to stop. */
const VALIDATION_FRACTION = 0.1;
const MAX_UNITS = 4096;

const hyperparameters: HyperparameterSpec[] = [
  {
    name: 'hidden_layers', kind: 'choice', default: '64-32', choices: ['32', '64', '128', '64-32', '128-64', '128-64-32'],
    description: 'Units in each hidden layer, first to last, joined by "-" (for example "128-64"). Wider and deeper fits more, and overfits sooner.',
  },
  { name: 'activation', kind: 'choice', default: 'relu', choices: ['relu', 'tanh'], description: 'The hidden layers\' nonlinearity.' },
  { name: 'learning_rate', kind: 'float', default: 1e-3, min: 1e-4, max: 1e-2, log: true, description: 'Adam\'s step size.' },
  { name: 'l2', kind: 'float', default: 1e-4, min: 1e-6, max: 1e-2, log: true, description: 'Weight decay: l2 times the sum of squared weights is added to the loss.' },
  { name: 'batch_size', kind: 'choice', default: 64, choices: [32, 64, 128, 256], description: 'Rows per gradient step.' },
  { name: 'max_epochs', kind: 'int', default: 200, min: 50, max: 400, description: 'Passes over the training rows at most; early stopping usually ends sooner.' },
  { name: 'patience', kind: 'int', default: 10, min: 5, max: 30, description: 'Epochs without a better validation loss before training stops (the best weights are kept).' },
];

/** Parameters with defaults filled in and checked, plus the parsed layer widths. */
export function resolveMlpParams(params: Params): { params: Params; hidden: number[] } {
  const resolved: Params = {};
  for (const spec of hyperparameters) { resolved[spec.name] = params[spec.name] ?? spec.default; }
  const unknown = Object.keys(params).filter((name) => !hyperparameters.some((spec) => spec.name === name));
  if (unknown.length > 0) { throw new Error(`Unknown neural-network parameter(s): ${unknown.join(', ')}.`); }
  const hidden = String(resolved.hidden_layers).split('-').map((part) => Number(part.trim()));
  if (hidden.some((units) => !Number.isInteger(units) || units < 1 || units > MAX_UNITS)) {
    throw new Error(`hidden_layers must be widths from 1 to ${MAX_UNITS} joined by "-", like "64-32"; got "${String(resolved.hidden_layers)}".`);
  }
  if (resolved.activation !== 'relu' && resolved.activation !== 'tanh') { throw new Error(`activation must be relu or tanh; got "${String(resolved.activation)}".`); }
  positive(resolved, 'learning_rate', false);
  if (typeof resolved.l2 !== 'number' || !(resolved.l2 >= 0)) { throw new Error(`l2 must be a number >= 0; got ${String(resolved.l2)}.`); }
  for (const name of ['batch_size', 'max_epochs', 'patience']) { positive(resolved, name, true); }
  return { params: resolved, hidden };
}

function positive(params: Params, name: string, integer: boolean): void {
  const value = params[name];
  if (typeof value !== 'number' || !(value > 0) || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? 'integer' : 'number'}; got ${String(value)}.`);
  }
}

/** The output layer for a task: a linear value, one sigmoid logit for two classes, or softmax. */
function outputFor(labels: Labels): { output: OutputKind; outputs: number } {
  if (labels.task === 'regression') { return { output: 'linear', outputs: 1 }; }
  const named = labels.classes?.length;
  let classes = named ?? 0;
  for (const y of labels.y) {
    if (!Number.isInteger(y) || y < 0 || (named !== undefined && y >= named)) {
      throw new Error(`Class labels must be indices ${named !== undefined ? `from 0 to ${named - 1}` : 'from 0'}; found ${y}.`);
    }
    if (y + 1 > classes) { classes = y + 1; }
  }
  return classes === 2 ? { output: 'sigmoid', outputs: 1 } : { output: 'softmax', outputs: classes };
}

async function fitMlp(data: FeatureMatrix, labels: Labels, params: Params, context: FitContext): Promise<TrainedModel> {
  const { params: resolved, hidden } = resolveMlpParams(params);
  if (data.rows === 0 || data.columns.length === 0) { throw new Error('The neural network needs at least one row and one feature.'); }
  if (labels.y.length !== data.rows) { throw new Error(`There are ${data.rows} rows of features but ${labels.y.length} labels.`); }
  assertNoMissing(data);
  const { output, outputs } = outputFor(labels);
  let targetMean = 0;
  let targetScale = 1;
  if (output === 'linear') {
    let sum = 0;
    for (const y of labels.y) {
      if (!Number.isFinite(y)) { throw new Error('The regression target has missing or infinite values; drop those rows first.'); }
      sum += y;
    }
    targetMean = sum / labels.y.length;
    let squares = 0;
    for (const y of labels.y) { squares += (y - targetMean) ** 2; }
    const std = Math.sqrt(squares / labels.y.length);
    // Learning the standardised target lets one default learning rate suit prices and percentages alike.
    targetScale = std > 0 ? std : 1;
  }
  const targets = encodeTargets(labels, output, outputs, targetMean, targetScale);
  const split = validationRows(labels, VALIDATION_FRACTION, deriveSeed(context.seed, 'mlp', 'split'));
  const train = gatherRows(data, targets, outputs, split.train);
  const valid = split.valid.length > 0 ? gatherRows(data, targets, outputs, split.valid) : undefined;
  if (context.isCancelled()) { throw new FitCancelledError(); }
  const tf = await loadTf();
  const settings: TrainSettings = {
    hidden,
    activation: resolved.activation as Activation,
    output,
    learningRate: resolved.learning_rate as number,
    l2: resolved.l2 as number,
    batchSize: resolved.batch_size as number,
    maxEpochs: resolved.max_epochs as number,
    patience: resolved.patience as number,
    lossScale: targetScale * targetScale,
  };
  const result = await trainNetwork(tf, train, valid, settings, context);
  return mlpModel({
    task: labels.task,
    features: [...data.names],
    ...(labels.classes ? { classes: [...labels.classes] } : {}),
    params: resolved,
    network: { layers: result.layers, activation: settings.activation, output },
    targetMean,
    targetScale,
    epochs: result.epochs,
    bestEpoch: result.bestEpoch,
  });
}

/** The neural-network (multilayer perceptron) family. */
export const mlpFamily: ModelFamily = {
  id: 'mlp',
  label: 'Neural network (MLP)',
  tasks: ['binary', 'multiclass', 'regression'],
  complexity: 'high',
  interpretability: 'low',
  notes: 'A multilayer perceptron (TensorFlow.js). Can learn smooth interactions between many numeric features; needs standardised inputs, no missing values, and more rows than the tree families to pay off.',
  needsScaling: true,
  handlesMissing: false,
  hyperparameters,
  fit: fitMlp,
  load: loadMlpModel,
};

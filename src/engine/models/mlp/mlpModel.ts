// A fitted network as the engine sees it: predictions from the JavaScript forward pass, and the
// model file (architecture, target scaling, float32 weights stored bit for bit).

import type { Task } from '../../../shared/project/types';
import type { FeatureMatrix, ModelFile, Params, Predictions, TrainedModel } from '../types';
import { decodeFloat32, encodeFloat32 } from './float32Codec';
import { assertNoMissing } from './mlpData';
import { forwardLogits, probabilitiesFromLogits, type Activation, type DenseLayer, type Network, type OutputKind } from './mlpNetwork';

/** Everything a fitted network needs to predict and to be saved. */
export interface MlpModelState {
  task: Task;
  features: string[];
  classes?: string[];
  params: Params;
  network: Network;
  /** Regression targets are learned standardised; predictions are mapped back with these. */
  targetMean: number;
  targetScale: number;
  /** Epochs run and the epoch whose weights were kept. */
  epochs: number;
  bestEpoch: number;
}

/** The TrainedModel over a fitted network. */
export function mlpModel(state: MlpModelState): TrainedModel {
  const { network, features } = state;
  return {
    family: 'mlp',
    params: state.params,
    predict(data: FeatureMatrix): Predictions {
      if (data.columns.length !== features.length || data.names.some((name, i) => name !== features[i])) {
        throw new Error(`The network was trained on features [${features.join(', ')}] but was given [${data.names.join(', ')}].`);
      }
      assertNoMissing(data);
      const logits = forwardLogits(network, data.columns, data.rows);
      if (network.output === 'linear') {
        for (let r = 0; r < logits.length; r++) { logits[r] = logits[r] * state.targetScale + state.targetMean; }
        return { values: logits };
      }
      return { probabilities: probabilitiesFromLogits(logits, network.output, state.classes?.length ?? network.layers[network.layers.length - 1].units) };
    },
    save(): ModelFile {
      return {
        format: 'ml-workflow-model',
        formatVersion: 1,
        family: 'mlp',
        task: state.task,
        features: [...features],
        ...(state.classes ? { classes: [...state.classes] } : {}),
        params: { ...state.params },
        state: {
          activation: network.activation,
          output: network.output,
          targetMean: state.targetMean,
          targetScale: state.targetScale,
          epochs: state.epochs,
          bestEpoch: state.bestEpoch,
          layers: network.layers.map((layer) => ({
            inputs: layer.inputs,
            units: layer.units,
            weights: encodeFloat32(layer.weights),
            bias: encodeFloat32(layer.bias),
          })),
        },
      };
    },
  };
}

/** Rebuilds a network model from its file, checking the shapes fit together. */
export function loadMlpModel(file: ModelFile): TrainedModel {
  if (file.family !== 'mlp') { throw new Error(`This is a ${file.family} model file, not a neural network.`); }
  const s = file.state as Record<string, unknown>;
  const activation = oneOf<Activation>(s.activation, ['relu', 'tanh'], 'activation');
  const output = oneOf<OutputKind>(s.output, ['linear', 'sigmoid', 'softmax'], 'output');
  if (!Array.isArray(s.layers) || s.layers.length === 0) { throw new Error('The model file has no network layers.'); }
  let width = file.features.length;
  const layers: DenseLayer[] = s.layers.map((raw: unknown, l: number) => {
    const layer = raw as Record<string, unknown>;
    const inputs = Number(layer.inputs);
    const units = Number(layer.units);
    if (inputs !== width || !Number.isInteger(units) || units < 1) {
      throw new Error(`Layer ${l + 1} of the model file has shape ${String(layer.inputs)} x ${String(layer.units)}; expected ${width} inputs.`);
    }
    width = units;
    return { inputs, units, weights: decodeFloat32(layer.weights, inputs * units), bias: decodeFloat32(layer.bias, units) };
  });
  return mlpModel({
    task: file.task,
    features: [...file.features],
    ...(file.classes ? { classes: [...file.classes] } : {}),
    params: { ...file.params },
    network: { layers, activation, output },
    targetMean: finite(s.targetMean, 'targetMean'),
    targetScale: finite(s.targetScale, 'targetScale'),
    epochs: finite(s.epochs, 'epochs'),
    bestEpoch: finite(s.bestEpoch, 'bestEpoch'),
  });
}

function oneOf<T extends string>(value: unknown, allowed: T[], name: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new Error(`The model file's ${name} is ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

function finite(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) { throw new Error(`The model file's ${name} is not a number.`); }
  return value;
}

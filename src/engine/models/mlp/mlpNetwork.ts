// The network as plain arrays, and its forward pass in JavaScript. Predictions never touch
// TensorFlow.js: `load` and `predict` are synchronous in the family contract while the wasm backend
// only starts asynchronously, one row costs microseconds here against a tensor round trip there,
// and a model saved on one machine predicts the same everywhere (no SIMD-dependent summation order).

import { seededRandom } from '../../random';

export type Activation = 'relu' | 'tanh';
/** What the last layer's outputs mean: a value (regression), one logit (binary), or one logit per class. */
export type OutputKind = 'linear' | 'sigmoid' | 'softmax';

/** A fully connected layer: `weights` is inputs x units, row-major (as tf.matMul reads it). */
export interface DenseLayer {
  inputs: number;
  units: number;
  weights: Float32Array;
  bias: Float32Array;
}

export interface Network {
  layers: DenseLayer[];
  /** Activation of every hidden layer; the output layer is linear (logits). */
  activation: Activation;
  output: OutputKind;
}

/**
 * Fresh layers for the given widths (inputs, hidden..., outputs), drawn from the seed: He-uniform
 * for ReLU layers, Glorot-uniform for tanh and the output (Keras' choices), zero biases.
 */
export function initialLayers(widths: number[], activation: Activation, seed: number): DenseLayer[] {
  const random = seededRandom(seed);
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    const inputs = widths[l];
    const units = widths[l + 1];
    const isOutput = l + 2 === widths.length;
    const limit = !isOutput && activation === 'relu' ? Math.sqrt(6 / inputs) : Math.sqrt(6 / (inputs + units));
    const weights = new Float32Array(inputs * units);
    for (let i = 0; i < weights.length; i++) { weights[i] = (2 * random() - 1) * limit; }
    layers.push({ inputs, units, weights, bias: new Float32Array(units) });
  }
  return layers;
}

// Rows go through the network a block at a time, so the buffers stay small and in cache.
const BLOCK_ROWS = 256;

/**
 * The output layer's raw values (logits, or the standardised regression value) for n rows read from
 * column-major features; row-major n x units. Accumulates in double precision.
 */
export function forwardLogits(network: Network, columns: Float64Array[], rows: number): Float64Array {
  const { layers, activation } = network;
  const last = layers[layers.length - 1];
  const widest = Math.max(columns.length, ...layers.map((layer) => layer.units));
  const blockRows = Math.min(BLOCK_ROWS, rows);
  let input = new Float64Array(blockRows * widest);
  let output = new Float64Array(blockRows * widest);
  const result = new Float64Array(rows * last.units);
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const n = Math.min(BLOCK_ROWS, rows - start);
    const features = columns.length;
    for (let f = 0; f < features; f++) {
      const column = columns[f];
      for (let r = 0; r < n; r++) { input[r * features + f] = column[start + r]; }
    }
    for (let l = 0; l < layers.length; l++) {
      const layer = layers[l];
      dense(input, n, layer, output);
      const size = n * layer.units;
      if (l + 1 < layers.length) {
        if (activation === 'relu') {
          for (let k = 0; k < size; k++) { if (output[k] < 0) { output[k] = 0; } }
        } else {
          for (let k = 0; k < size; k++) { output[k] = Math.tanh(output[k]); }
        }
      }
      const swap = input; input = output; output = swap;
    }
    result.set(input.subarray(0, n * last.units), start * last.units);
  }
  return result;
}

/**
 * out = x W + b for n row-major rows. Four rows share each weight load, which measured 2-2.5x faster
 * than one row at a time; every row still sums its terms in the same order, so the result does not
 * depend on how rows were grouped.
 */
function dense(x: Float64Array, n: number, layer: DenseLayer, out: Float64Array): void {
  const { inputs, units, weights, bias } = layer;
  for (let r = 0; r < n; r++) { out.set(bias, r * units); }
  let r = 0;
  for (; r + 4 <= n; r += 4) {
    const x0 = r * inputs; const x1 = x0 + inputs; const x2 = x1 + inputs; const x3 = x2 + inputs;
    const o0 = r * units; const o1 = o0 + units; const o2 = o1 + units; const o3 = o2 + units;
    for (let i = 0; i < inputs; i++) {
      const v0 = x[x0 + i]; const v1 = x[x1 + i]; const v2 = x[x2 + i]; const v3 = x[x3 + i];
      // After a ReLU most inputs are zero; a zero adds nothing, so skipping it changes no result.
      if (v0 === 0 && v1 === 0 && v2 === 0 && v3 === 0) { continue; }
      const base = i * units;
      for (let j = 0; j < units; j++) {
        const w = weights[base + j];
        out[o0 + j] += v0 * w; out[o1 + j] += v1 * w; out[o2 + j] += v2 * w; out[o3 + j] += v3 * w;
      }
    }
  }
  for (; r < n; r++) {
    const xr = r * inputs; const o = r * units;
    for (let i = 0; i < inputs; i++) {
      const v = x[xr + i];
      if (v === 0) { continue; }
      const base = i * units;
      for (let j = 0; j < units; j++) { out[o + j] += v * weights[base + j]; }
    }
  }
}

/** Class probabilities, row-major n x classes, from logits (sigmoid: one logit per row; softmax: one per class). */
export function probabilitiesFromLogits(logits: Float64Array, output: 'sigmoid' | 'softmax', classes: number): Float64Array {
  if (output === 'sigmoid') {
    const rows = logits.length;
    const probabilities = new Float64Array(rows * 2);
    for (let r = 0; r < rows; r++) {
      const p = 1 / (1 + Math.exp(-logits[r]));
      probabilities[2 * r] = 1 - p;
      probabilities[2 * r + 1] = p;
    }
    return probabilities;
  }
  const rows = logits.length / classes;
  const probabilities = new Float64Array(logits.length);
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    // Subtracting the largest logit keeps exp() finite for any logits.
    let max = -Infinity;
    for (let k = 0; k < classes; k++) { if (logits[base + k] > max) { max = logits[base + k]; } }
    let sum = 0;
    for (let k = 0; k < classes; k++) { const e = Math.exp(logits[base + k] - max); probabilities[base + k] = e; sum += e; }
    for (let k = 0; k < classes; k++) { probabilities[base + k] /= sum; }
  }
  return probabilities;
}

// The training loop: mini-batch Adam on the wasm backend, written by hand over `optimizer.minimize`
// because `model.fit` costs 4-5x more per step on small tabular networks (docs/FACTS.md), and
// because it lets every random choice come from our seeded generator.

import type * as Tf from '@tensorflow/tfjs-core';
import { deriveSeed, seededRandom, shuffleInPlace } from '../../random';
import { FitCancelledError, type FitContext } from '../types';
import type { TrainSet } from './mlpData';
import { initialLayers, type Activation, type DenseLayer, type OutputKind } from './mlpNetwork';
import type { TfModule } from './tfBackend';

export interface TrainSettings {
  hidden: number[];
  activation: Activation;
  output: OutputKind;
  learningRate: number;
  /** Added to the loss as l2 * (sum of squared weights), biases excluded (Keras' kernel_regularizer). */
  l2: number;
  batchSize: number;
  maxEpochs: number;
  /** Epochs without a better validation loss before stopping. */
  patience: number;
  /** Multiplies reported losses, so a regression's MSE reads in the target's squared units. */
  lossScale: number;
}

export interface TrainResult {
  layers: DenseLayer[];
  /** Epochs run, and the one whose weights were kept (1-based). */
  epochs: number;
  bestEpoch: number;
}

// Long epochs (large data) still let IPC messages, and so cancellation, through this often.
const YIELD_MS = 50;
const CANCEL_CHECK_BATCHES = 8;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Trains a fresh network on `train`, early-stopping on `valid` when it has rows, and returns the kept weights. */
export async function trainNetwork(tf: TfModule, train: TrainSet, valid: TrainSet | undefined, settings: TrainSettings, context: FitContext): Promise<TrainResult> {
  const widths = [train.features, ...settings.hidden, train.outputs];
  const start = initialLayers(widths, settings.activation, deriveSeed(context.seed, 'mlp', 'init'));
  const weights = start.map((layer) => toVariable(tf, tf.tensor2d(layer.weights, [layer.inputs, layer.units])));
  const biases = start.map((layer) => toVariable(tf, tf.tensor1d(layer.bias)));
  const optimizer = tf.train.adam(settings.learningRate);
  const validX = valid && valid.rows > 0 ? tf.tensor2d(valid.x, [valid.rows, valid.features]) : undefined;
  const validY = valid && validX ? tf.tensor2d(valid.y, [valid.rows, valid.outputs]) : undefined;
  try {
    const layers = weights.map((_, l) => denseLayer(tf, l + 1 < weights.length && settings.activation === 'relu', l === 0));
    const logitsOf = (x: Tf.Tensor2D): Tf.Tensor2D => {
      let h = x;
      for (let l = 0; l < weights.length; l++) {
        const z = layers[l](h, weights[l] as Tf.Tensor2D, biases[l] as Tf.Tensor1D);
        h = l + 1 < weights.length && settings.activation === 'tanh' ? tf.tanh(z) : z;
      }
      return h;
    };
    const dataLoss = (x: Tf.Tensor2D, y: Tf.Tensor2D): Tf.Scalar => {
      const logits = logitsOf(x);
      if (settings.output === 'softmax') { return tf.losses.softmaxCrossEntropy(y, logits); }
      if (settings.output === 'sigmoid') { return tf.losses.sigmoidCrossEntropy(y, logits); }
      return tf.losses.meanSquaredError(y, logits);
    };
    const penalty = (): Tf.Scalar => tf.mul(settings.l2, tf.addN(weights.map((w) => tf.sum(tf.square(w))))) as Tf.Scalar;

    const random = seededRandom(deriveSeed(context.seed, 'mlp', 'batches'));
    const order = Int32Array.from({ length: train.rows }, (_, r) => r);
    const { features, outputs } = train;
    let best = Infinity;
    let bestEpoch = 0;
    let bestWeights: DenseLayer[] | undefined;
    let sinceBest = 0;
    let epoch = 0;
    let lastYield = performance.now();

    while (epoch < settings.maxEpochs) {
      if (context.isCancelled()) { throw new FitCancelledError(); }
      epoch++;
      shuffleInPlace(order, random);
      let lossSum = 0;
      let batches = 0;
      for (let startRow = 0; startRow < train.rows; startRow += settings.batchSize) {
        const size = Math.min(settings.batchSize, train.rows - startRow);
        const bx = new Float32Array(size * features);
        const by = new Float32Array(size * outputs);
        for (let i = 0; i < size; i++) {
          const r = order[startRow + i];
          bx.set(train.x.subarray(r * features, (r + 1) * features), i * features);
          by.set(train.y.subarray(r * outputs, (r + 1) * outputs), i * outputs);
        }
        let batchLoss: Tf.Scalar | undefined;
        tf.tidy(() => {
          const x = tf.tensor2d(bx, [size, features]);
          const y = tf.tensor2d(by, [size, outputs]);
          optimizer.minimize(() => {
            const loss = dataLoss(x, y);
            // Kept out of the tape's clean-up so the data loss (without the penalty) can be reported.
            batchLoss = tf.keep(loss);
            return settings.l2 > 0 ? tf.add(loss, penalty()) as Tf.Scalar : loss;
          }, false, [...weights, ...biases]);
        });
        lossSum += batchLoss!.dataSync()[0] * size;
        batchLoss!.dispose();
        if (++batches % CANCEL_CHECK_BATCHES === 0) {
          if (performance.now() - lastYield > YIELD_MS) { await yieldToEventLoop(); lastYield = performance.now(); }
          if (context.isCancelled()) { throw new FitCancelledError(); }
        }
      }
      const trainLoss = (lossSum / train.rows) * settings.lossScale;
      let validLoss: number | undefined;
      if (validX && validY) {
        const loss = tf.tidy(() => dataLoss(validX, validY));
        validLoss = loss.dataSync()[0] * settings.lossScale;
        loss.dispose();
      }
      context.onProgress?.({ unit: 'epoch', step: epoch, total: settings.maxEpochs, trainLoss, validLoss });
      if (!Number.isFinite(trainLoss)) {
        if (bestWeights) { break; }
        throw new Error(`The neural network diverged (the training loss became ${trainLoss}) at epoch ${epoch}. Lower the learning rate.`);
      }
      if (validLoss !== undefined) {
        if (validLoss < best) {
          best = validLoss; bestEpoch = epoch; sinceBest = 0;
          bestWeights = readLayers(weights, biases);
        } else if (++sinceBest >= settings.patience) {
          break;
        }
      }
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    if (!bestWeights) { return { layers: readLayers(weights, biases), epochs: epoch, bestEpoch: epoch }; }
    return { layers: bestWeights, epochs: epoch, bestEpoch };
  } finally {
    optimizer.dispose();
    for (const v of [...weights, ...biases]) { v.dispose(); }
    validX?.dispose();
    validY?.dispose();
  }
}

/**
 * A dense layer, x W + b (then ReLU when asked), as one fused wasm kernel with a hand-written
 * gradient. Why: tfjs's own gradient multiplies by transposed operands (transposeA/B flags), which
 * the wasm backend runs 5-7x slower than an explicit transpose then a plain product (measured here,
 * 256x64 by 64x32: ~0.5 ms against ~0.07 ms CPU); that made up most of an epoch.
 */
export function denseLayer(tf: TfModule, relu: boolean, firstLayer: boolean): (x: Tf.Tensor2D, w: Tf.Tensor2D, b: Tf.Tensor1D) => Tf.Tensor2D {
  return tf.customGrad((...args: (Tf.Tensor | Tf.GradSaveFunc)[]) => {
    const [x, w, b, save] = args as [Tf.Tensor2D, Tf.Tensor2D, Tf.Tensor1D, Tf.GradSaveFunc];
    const z = tf.fused.matMul({ a: x, b: w, bias: b, activation: relu ? 'relu' : 'linear' });
    save([x, w, z]);
    return {
      value: z as Tf.Tensor2D,
      gradFunc: (dy: Tf.Tensor2D, saved: Tf.Tensor[]) => {
        const [xs, ws, zs] = saved as Tf.Tensor2D[];
        // ReLU passes the gradient where its output was positive (tfjs's ReLU gradient, step(z)).
        const dz = relu ? tf.mul(dy, tf.step(zs)) : dy;
        // The first layer's input is data, whose gradient nobody reads: skip that product.
        const dx = firstLayer ? tf.zerosLike(xs) : tf.matMul(dz, tf.transpose(ws));
        return [dx, tf.matMul(tf.transpose(xs), dz), tf.sum(dz, 0)];
      },
    };
  }) as (x: Tf.Tensor2D, w: Tf.Tensor2D, b: Tf.Tensor1D) => Tf.Tensor2D;
}

function toVariable<T extends Tf.Tensor>(tf: TfModule, initial: T): Tf.Variable {
  const variable = tf.variable(initial, true);
  initial.dispose();
  return variable;
}

function readLayers(weights: Tf.Variable[], biases: Tf.Variable[]): DenseLayer[] {
  return weights.map((w, l) => ({
    inputs: w.shape[0],
    units: (w.shape as [number, number])[1],
    weights: Float32Array.from(w.dataSync() as Float32Array),
    bias: Float32Array.from(biases[l].dataSync() as Float32Array),
  }));
}

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type * as Tf from '@tensorflow/tfjs-core';
import { readCsv } from '../../src/engine/data/csvReader';
import { resolveMlpParams, mlpFamily } from '../../src/engine/models/mlp/mlpFamily';
import { decodeFloat32 } from '../../src/engine/models/mlp/float32Codec';
import { validationRows } from '../../src/engine/models/mlp/mlpData';
import { denseLayer } from '../../src/engine/models/mlp/mlpTrain';
import { loadTf } from '../../src/engine/models/mlp/tfBackend';
import { FitCancelledError, type FeatureMatrix, type FitProgress, type Labels, type ModelFile, type Params, type TrainedModel } from '../../src/engine/models/types';
import { toFrame } from '../../src/engine/pipeline/frame';
import { deriveSeed, seededRandom, shuffleInPlace } from '../../src/engine/random';
import type { Task } from '../../src/shared/project/types';
import { ROOT } from './tempDir';

// Read before anything fits: importing the family must not load TensorFlow.js.
const tfLoadedAtImport = (globalThis as { _tfengine?: unknown })._tfengine !== undefined;

interface Split { train: FeatureMatrix; trainLabels: Labels; test: FeatureMatrix; testLabels: Labels }

/** A sample dataset as numeric features, split 80/20 from a seed and standardised on the training rows. */
async function dataset(name: string, target: string, task: Task): Promise<Split> {
  const frame = toFrame(await readCsv({ path: path.join(ROOT, 'test', 'fixtures', 'datasets', `${name}.csv`) }));
  const names = frame.columnNames().filter((c) => c !== target);
  const rows = frame.numRows();
  const raw = names.map((n) => Float64Array.from(frame.array(n) as ArrayLike<number>, (v) => v ?? NaN));
  const targets = frame.array(target) as ArrayLike<unknown>;
  const classes = task === 'regression' ? undefined : [...new Set(Array.from(targets, String))].sort();
  const y = Float64Array.from(targets as ArrayLike<unknown>, (v) => (classes ? classes.indexOf(String(v)) : Number(v)));
  const order = shuffleInPlace(Int32Array.from({ length: rows }, (_, r) => r), seededRandom(7));
  const cut = Math.round(rows * 0.8);
  const trainRows = order.slice(0, cut);
  const testRows = order.slice(cut);
  const scaled = raw.map((column) => {
    let mean = 0;
    for (const r of trainRows) { mean += column[r]; }
    mean /= trainRows.length;
    let variance = 0;
    for (const r of trainRows) { variance += (column[r] - mean) ** 2; }
    const std = Math.sqrt(variance / trainRows.length) || 1;
    return column.map((v) => (v - mean) / std);
  });
  const pick = (picked: Int32Array): FeatureMatrix => ({ names, columns: scaled.map((c) => Float64Array.from(picked, (r) => c[r])), rows: picked.length });
  const labels = (picked: Int32Array): Labels => ({ task, y: Float64Array.from(picked, (r) => y[r]), ...(classes ? { classes } : {}) });
  return { train: pick(trainRows), trainLabels: labels(trainRows), test: pick(testRows), testLabels: labels(testRows) };
}

const memo = new Map<string, Promise<unknown>>();
function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  if (!memo.has(key)) { memo.set(key, make()); }
  return memo.get(key) as Promise<T>;
}

const never = { isCancelled: () => false };

/** Fits with a progress log. */
async function fit(data: FeatureMatrix, labels: Labels, params: Params, seed = 1): Promise<{ model: TrainedModel; progress: FitProgress[] }> {
  const progress: FitProgress[] = [];
  const model = await mlpFamily.fit(data, labels, params, { seed, ...never, onProgress: (p) => progress.push(p) });
  return { model, progress };
}

const breastCancer = () => once('bc', async () => { const d = await dataset('breast_cancer', 'target', 'binary'); return { ...d, ...(await fit(d.train, d.trainLabels, {})) }; });
const iris = () => once('iris', async () => { const d = await dataset('iris', 'species', 'multiclass'); return { ...d, ...(await fit(d.train, d.trainLabels, {})) }; });
const diabetes = () => once('diabetes', async () => { const d = await dataset('diabetes', 'progression', 'regression'); return { ...d, ...(await fit(d.train, d.trainLabels, {})) }; });

function accuracy(probabilities: Float64Array, labels: Labels): number {
  const k = labels.classes!.length;
  let right = 0;
  for (let r = 0; r < labels.y.length; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) { if (probabilities[r * k + c] > probabilities[r * k + best]) { best = c; } }
    if (best === labels.y[r]) { right++; }
  }
  return right / labels.y.length;
}

function r2(values: Float64Array, y: Float64Array): number {
  const mean = y.reduce((s, v) => s + v, 0) / y.length;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) { residual += (y[i] - values[i]) ** 2; total += (y[i] - mean) ** 2; }
  return 1 - residual / total;
}

/**
 * The model's loss, as the fit defines it, on the rows the family held out for early stopping
 * (same seed derivation as a fit with seed 1): log-loss, cross-entropy, or MSE in the target's units.
 */
function heldOutLoss(model: TrainedModel, train: FeatureMatrix, labels: Labels): number {
  const held = validationRows(labels, 0.1, deriveSeed(1, 'mlp', 'split')).valid;
  const rows: FeatureMatrix = { names: train.names, columns: train.columns.map((c) => Float64Array.from(held, (r) => c[r])), rows: held.length };
  const predictions = model.predict(rows);
  let loss = 0;
  held.forEach((r, i) => {
    const y = labels.y[r];
    if (predictions.values) { loss += (predictions.values[i] - y) ** 2; } else {
      const k = labels.classes!.length;
      loss -= Math.log(predictions.probabilities![i * k + y]);
    }
  });
  return loss / held.length;
}

/** The validation loss the fit reported for the epoch whose weights it kept. */
const keptEpochLoss = (model: TrainedModel, progress: FitProgress[]) => progress[(model.save().state as { bestEpoch: number }).bestEpoch - 1].validLoss!;

const roundTrip = (model: TrainedModel): TrainedModel => mlpFamily.load(JSON.parse(JSON.stringify(model.save())) as ModelFile);

describe('neural-network family (MLP)', () => {
  it('does not load TensorFlow.js until a network is fitted', () => {
    assert.equal(tfLoadedAtImport, false);
  });

  it('classifies breast_cancer (standardised) with held-out accuracy >= 0.94, reporting each epoch', async () => {
    const { model, progress, test, testLabels } = await breastCancer();
    const predictions = model.predict(test);
    assert.equal(predictions.probabilities!.length, test.rows * 2);
    const acc = accuracy(predictions.probabilities!, testLabels);
    assert.ok(acc >= 0.94, `accuracy ${acc}`);
    assert.deepEqual(progress.map((p) => p.step), progress.map((_, i) => i + 1));
    for (const p of progress) {
      assert.equal(p.unit, 'epoch');
      assert.equal(p.total, 200);
      assert.ok(Number.isFinite(p.trainLoss) && Number.isFinite(p.validLoss), JSON.stringify(p));
    }
  });

  it('stops early after `patience` epochs without improvement and keeps the best epoch\'s weights', async () => {
    const { model, progress, train, trainLabels } = await breastCancer();
    const state = model.save().state as { epochs: number; bestEpoch: number };
    const validLosses = progress.map((p) => p.validLoss!);
    const best = Math.min(...validLosses);
    assert.equal(state.epochs, progress.length);
    assert.equal(validLosses[state.bestEpoch - 1], best);
    assert.ok(state.epochs < 200, 'breast_cancer overfits well before 200 epochs');
    assert.equal(state.epochs - state.bestEpoch, 10);
    // The kept model's log-loss on the held-out rows, computed by its JavaScript forward pass, is the
    // best validation loss tfjs reported (float32 there, float64 here), and clearly not the last one.
    const loss = heldOutLoss(model, train, trainLabels);
    const last = validLosses[validLosses.length - 1];
    assert.ok(Math.abs(loss - best) < 1e-5 * best, `${loss} vs ${best}`);
    assert.ok(Math.abs(loss - best) * 10 < last - best, `restored ${loss}, best ${best}, last ${last}`);
  });

  it('classifies iris (three classes, softmax) with probabilities summing to 1', async () => {
    const { model, progress, test, testLabels, train, trainLabels } = await iris();
    const { probabilities } = model.predict(test);
    assert.equal(probabilities!.length, test.rows * 3);
    for (let r = 0; r < test.rows; r++) {
      const sum = probabilities![r * 3] + probabilities![r * 3 + 1] + probabilities![r * 3 + 2];
      assert.ok(Math.abs(sum - 1) < 1e-12);
    }
    const acc = accuracy(probabilities!, testLabels);
    assert.ok(acc >= 0.9, `accuracy ${acc}`);
    // The JavaScript softmax agrees with the cross-entropy tfjs reported.
    const loss = heldOutLoss(model, train, trainLabels);
    const reported = keptEpochLoss(model, progress);
    assert.ok(Math.abs(loss - reported) < 1e-5 * Math.max(reported, 1e-2), `${loss} vs ${reported}`);
  });

  it('regresses diabetes progression with held-out R² > 0.3, in the target\'s own units', async () => {
    const { model, progress, test, testLabels, train, trainLabels } = await diabetes();
    const { values } = model.predict(test);
    const score = r2(values!, testLabels.y);
    assert.ok(score > 0.3, `R² ${score}`);
    // Losses are in the target's units: the kept model's MSE on the held-out rows is the validation
    // loss reported for its epoch, although training ran on the standardised target.
    const state = model.save().state as { targetScale: number };
    assert.ok(state.targetScale > 50, 'diabetes progression was standardised (its std is ~77)');
    const mse = heldOutLoss(model, train, trainLabels);
    const reported = keptEpochLoss(model, progress);
    assert.ok(Math.abs(mse - reported) < 1e-5 * reported, `${mse} vs ${reported}`);
  });

  it('is deterministic: same seed, data and params give the same model; another seed another one', async () => {
    const { train, trainLabels, test } = await dataset('iris', 'species', 'multiclass');
    const params = { max_epochs: 15, hidden_layers: '32', activation: 'tanh' };
    const a = await fit(train, trainLabels, params, 5);
    const b = await fit(train, trainLabels, params, 5);
    const c = await fit(train, trainLabels, params, 6);
    assert.equal(JSON.stringify(a.model.save()), JSON.stringify(b.model.save()));
    assert.deepEqual(a.progress, b.progress);
    assert.deepEqual(a.model.predict(test), b.model.predict(test));
    assert.notEqual(JSON.stringify(a.model.save()), JSON.stringify(c.model.save()));
  });

  it('saves to JSON and loads back predicting bit-identically (binary, multiclass, regression)', async () => {
    for (const { model, test } of [await breastCancer(), await iris(), await diabetes()]) {
      const file = model.save();
      assert.equal(file.family, 'mlp');
      assert.deepEqual(file.params, resolveMlpParams({}).params);
      const layers = (file.state as { layers: { weights: { dtype: string } }[] }).layers;
      assert.equal(layers.length, 3, '64-32 plus the output layer');
      assert.equal(layers[0].weights.dtype, 'float32');
      const loaded = roundTrip(model);
      assert.deepEqual(loaded.predict(test), model.predict(test));
      assert.deepEqual(loaded.save(), file);
    }
  });

  it('rejects a model file whose weights do not fit its shapes', async () => {
    const file = (await iris()).model.save();
    const state = file.state as { layers: { units: number }[] };
    state.layers[1].units += 1;
    assert.throws(() => mlpFamily.load(file), /float32 array in the model file holds|expected \d+ inputs/);
  });

  it('stops with FitCancelledError inside an epoch and between epochs, and frees its tensors', async () => {
    const tf = await loadTf();
    const { train, trainLabels } = await dataset('breast_cancer', 'target', 'binary');
    const before = tf.memory().numTensors;
    // Batch size 1: hundreds of steps per epoch, so the in-epoch check (every 8 steps) is reached.
    let calls = 0;
    const progress: FitProgress[] = [];
    await assert.rejects(mlpFamily.fit(train, trainLabels, { batch_size: 1 }, { seed: 1, isCancelled: () => ++calls >= 3, onProgress: (p) => progress.push(p) }), FitCancelledError);
    assert.equal(progress.length, 0, 'cancelled during the first epoch');
    const epochs: FitProgress[] = [];
    await assert.rejects(mlpFamily.fit(train, trainLabels, { batch_size: 256 }, { seed: 1, isCancelled: () => epochs.length >= 2, onProgress: (p) => epochs.push(p) }), FitCancelledError);
    assert.equal(epochs.length, 2);
    // A cancel request arriving as an event (as IPC messages do) is seen: the fit yields to the event loop.
    let requested = false;
    setTimeout(() => { requested = true; }, 0);
    const seen: FitProgress[] = [];
    await assert.rejects(mlpFamily.fit(train, trainLabels, {}, { seed: 1, isCancelled: () => requested, onProgress: (p) => seen.push(p) }), FitCancelledError);
    assert.ok(seen.length <= 1, `${seen.length} epochs ran after the request`);
    assert.equal(tf.memory().numTensors, before);
  });

  it('leaves no tensors behind after fitting and predicting', async () => {
    const tf = await loadTf();
    const { train, trainLabels, test } = await dataset('diabetes', 'progression', 'regression');
    const before = tf.memory().numTensors;
    const { model } = await fit(train, trainLabels, { max_epochs: 5, l2: 0.001, activation: 'tanh' });
    model.predict(test);
    assert.equal(tf.memory().numTensors, before);
    assert.equal(tf.getBackend(), 'wasm');
  });

  it('names the feature when a value is missing, and checks its parameters', async () => {
    const data: FeatureMatrix = { names: ['a', 'b'], columns: [Float64Array.of(1, 2, 3), Float64Array.of(0, NaN, 1)], rows: 3 };
    const labels: Labels = { task: 'binary', y: Float64Array.of(0, 1, 0), classes: ['no', 'yes'] };
    await assert.rejects(mlpFamily.fit(data, labels, {}, { seed: 1, ...never }), /feature "b" has 1 of them/);
    assert.throws(() => resolveMlpParams({ hidden_layers: '64-x' }), /hidden_layers/);
    assert.throws(() => resolveMlpParams({ learning_rate: 0 }), /learning_rate/);
    assert.throws(() => resolveMlpParams({ epochs: 3 }), /Unknown neural-network parameter/);
    for (const spec of mlpFamily.hyperparameters) {
      if (spec.kind === 'choice') { assert.ok(spec.choices!.includes(spec.default as string | number), spec.name); }
      if (spec.kind === 'int' || spec.kind === 'float') { assert.ok((spec.default as number) >= spec.min! && (spec.default as number) <= spec.max!, spec.name); }
    }
  });

  it('predicts what its weights say, for any number of rows (blocks of 256, groups of 4)', async () => {
    const { model } = await iris();
    const file = model.save();
    const layers = (file.state as { layers: { inputs: number; units: number; weights: unknown; bias: unknown }[] }).layers
      .map((l) => ({ ...l, weights: decodeFloat32(l.weights), bias: decodeFloat32(l.bias) }));
    const random = seededRandom(11);
    const rows = 301;
    const data: FeatureMatrix = { names: file.features, columns: file.features.map(() => Float64Array.from({ length: rows }, () => random() * 4 - 2)), rows };
    const got = model.predict(data).probabilities!;
    for (let r = 0; r < rows; r++) {
      // The textbook forward pass, one row at a time.
      let h = data.columns.map((c) => c[r]);
      layers.forEach((layer, l) => {
        const z = Array.from(layer.bias, (b, j) => h.reduce((sum, v, i) => sum + v * layer.weights[i * layer.units + j], b));
        h = l + 1 < layers.length ? z.map((v) => Math.max(0, v)) : z;
      });
      const max = Math.max(...h);
      const e = h.map((v) => Math.exp(v - max));
      const total = e.reduce((a, b) => a + b, 0);
      e.forEach((v, k) => assert.ok(Math.abs(v / total - got[r * 3 + k]) < 1e-12, `row ${r} class ${k}`));
    }
  });

  it('computes the same gradients with its dense layer as TensorFlow.js\'s own ops', async () => {
    const tf = await loadTf();
    const random = seededRandom(3);
    const tensor = (shape: number[]) => tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b) }, () => random() * 2 - 1), shape);
    for (const relu of [true, false]) {
      tf.tidy(() => {
        const [x, w, b, c] = [tensor([7, 5]), tensor([5, 4]), tensor([4]), tensor([7, 4])] as [Tf.Tensor2D, Tf.Tensor2D, Tf.Tensor1D, Tf.Tensor2D];
        const ours = denseLayer(tf, relu, false);
        const reference = (xs: typeof x, ws: typeof w, bs: typeof b) => { const z = tf.add(tf.matMul(xs, ws), bs) as typeof x; return relu ? tf.relu(z) : z; };
        // A loss that weights every output differently, so every gradient entry is exercised.
        const loss = (f: typeof reference) => (xs: typeof x, ws: typeof w, bs: typeof b) => tf.sum(tf.mul(f(xs, ws, bs), c));
        const got = tf.grads(loss(ours) as (...a: Tf.Tensor[]) => Tf.Tensor)([x, w, b]);
        const want = tf.grads(loss(reference) as (...a: Tf.Tensor[]) => Tf.Tensor)([x, w, b]);
        for (let i = 0; i < 3; i++) {
          const g = got[i].dataSync();
          const e = want[i].dataSync();
          assert.equal(g.length, e.length);
          for (let j = 0; j < g.length; j++) { assert.ok(Math.abs(g[j] - e[j]) < 1e-5, `relu=${relu} input ${i}[${j}]: ${g[j]} vs ${e[j]}`); }
        }
      });
    }
  });
});

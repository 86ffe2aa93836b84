import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readCsv } from '../../src/engine/data/csvReader';
import { decodeInt32 } from '../../src/engine/models/arrayCodec';
import { binColumns, binOf, fitBinMapper } from '../../src/engine/models/gbt/binning';
import { fitBooster, shouldStop } from '../../src/engine/models/gbt/booster';
import { gbtFamily } from '../../src/engine/models/gbt/gbtFamily';
import { GbtModel, type GbtState } from '../../src/engine/models/gbt/gbtModel';
import { buildHistogram, buildRootHistogram, histogramIndex, histogramLayout, rowsByBin } from '../../src/engine/models/gbt/histogram';
import { resolveParams } from '../../src/engine/models/gbt/params';
import { sortFloat64 } from '../../src/engine/models/gbt/radixSort';
import { validationSplit } from '../../src/engine/models/gbt/sampling';
import { FitCancelledError, type FeatureMatrix, type FitContext, type FitProgress, type Labels, type ModelFile, type Params } from '../../src/engine/models/types';
import { toFrame } from '../../src/engine/pipeline/frame';
import { seededRandom } from '../../src/engine/random';
import type { Task } from '../../src/shared/project/types';
import { ROOT } from './tempDir';

// Reference numbers from scikit-learn 1.2.1, written by test/fixtures/gbt/sklearnReference.py
// (which documents the rows, encodings and parameters these tests reproduce).
interface ReferenceCase {
  task: Task; features: string[]; rows: number; every: number; drop: string[]; target: string;
  r2?: number; predictions?: number[]; classes?: string[]; accuracy?: number; logLoss?: number; probabilities?: number[];
  iterations: number; binThresholds: number[][];
}
const reference = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'gbt', 'sklearnReference.json'), 'utf8')) as { cases: Record<string, ReferenceCase> };
const FILES: Record<string, string> = {
  diabetes: 'diabetes.csv', diamonds6: 'diamonds.csv', breast_cancer: 'breast_cancer.csv', titanic: 'titanic.csv',
  iris: 'iris.csv', digits: 'digits.csv', penguins: 'penguins.csv',
};
const DIAMONDS_ORDER: Record<string, string[]> = {
  cut: ['Fair', 'Good', 'Very Good', 'Premium', 'Ideal'],
  color: ['D', 'E', 'F', 'G', 'H', 'I', 'J'],
  clarity: ['I1', 'SI2', 'SI1', 'VS2', 'VS1', 'VVS2', 'VVS1', 'IF'],
};

interface Dataset { train: FeatureMatrix; test: FeatureMatrix; yTrain: Labels; yTest: Float64Array; ref: ReferenceCase }

/** A reference case's data, encoded and split as the Python script does. */
async function load(name: string): Promise<Dataset> {
  const ref = reference.cases[name];
  const frame = toFrame(await readCsv({ path: path.join(ROOT, 'test', 'fixtures', 'datasets', FILES[name]) }));
  const keep = Array.from({ length: Math.ceil(frame.numRows() / ref.every) }, (_, i) => i * ref.every);
  const columns = ref.features.map((feature) => {
    const values = Array.from(frame.array(feature) as ArrayLike<unknown>);
    if (!values.some((v) => typeof v === 'string')) { return Float64Array.from(keep, (r) => values[r] as number); }
    const texts = values as (string | null)[];
    const order = DIAMONDS_ORDER[feature] ?? [...new Set(texts.filter((t): t is string => t !== null))].sort();
    return Float64Array.from(keep, (r) => (texts[r] === null ? NaN : order.indexOf(texts[r] as string)));
  });
  const targetValues = frame.array(ref.target) as ArrayLike<unknown>;
  const target = keep.map((r) => targetValues[r]);
  let y: Float64Array;
  if (ref.task === 'regression') {
    y = Float64Array.from(target as number[]);
  } else {
    const distinct = [...new Set(target)];
    distinct.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1));
    assert.deepEqual(distinct.map(String), ref.classes);
    y = Float64Array.from(target, (v) => distinct.indexOf(v));
  }
  const pick = (test: boolean): Int32Array => Int32Array.from(keep.map((_, i) => i).filter((i) => (i % 5 === 0) === test));
  const trainRows = pick(false);
  const testRows = pick(true);
  const matrix = (rows: Int32Array): FeatureMatrix => ({ names: ref.features, rows: rows.length, columns: columns.map((c) => Float64Array.from(rows, (r) => c[r])) });
  return {
    train: matrix(trainRows), test: matrix(testRows), ref, yTest: Float64Array.from(testRows, (r) => y[r]),
    yTrain: { task: ref.task, y: Float64Array.from(trainRows, (r) => y[r]), classes: ref.classes },
  };
}

const context = (seed = 1, extra: Partial<FitContext> = {}): FitContext => ({ seed, isCancelled: () => false, ...extra });

function r2(y: Float64Array, p: ArrayLike<number>): number {
  let mean = 0;
  for (const v of y) { mean += v / y.length; }
  let ss = 0;
  let st = 0;
  for (let i = 0; i < y.length; i++) { ss += (y[i] - p[i]) ** 2; st += (y[i] - mean) ** 2; }
  return 1 - ss / st;
}

/** Accuracy (first largest probability wins, as sklearn's argmax) and mean log-loss. */
function classification(y: Float64Array, probabilities: ArrayLike<number>, k: number): { accuracy: number; logLoss: number } {
  let correct = 0;
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) { if (probabilities[i * k + c] > probabilities[i * k + best]) { best = c; } }
    if (best === y[i]) { correct++; }
    loss -= Math.log(Math.min(Math.max(probabilities[i * k + y[i]], 1e-15), 1 - 1e-15));
  }
  return { accuracy: correct / y.length, logLoss: loss / y.length };
}

const bytes = (a: Float64Array | undefined): Buffer => Buffer.from(a!.buffer, a!.byteOffset, a!.byteLength);

describe('gradient-boosted trees: agreement with scikit-learn', () => {
  for (const name of Object.keys(FILES)) {
    it(`${name}: the bin thresholds are sklearn's, bit for bit`, async () => {
      const d = await load(name);
      const mapper = fitBinMapper(d.train.columns, Int32Array.from({ length: d.train.rows }, (_, i) => i), 255, 1);
      assert.equal(mapper.thresholds.length, d.ref.binThresholds.length);
      mapper.thresholds.forEach((t, f) => assert.deepEqual(Array.from(t), d.ref.binThresholds[f], `feature ${d.ref.features[f]}`));
    });
  }

  // scikit-learn's defaults; ours differ in max_iter only (300 rounds).
  const SKLEARN_DEFAULTS = { max_iter: 100 };

  for (const name of ['diabetes', 'diamonds6']) {
    it(`${name}: held-out R² and predictions match HistGradientBoostingRegressor`, async () => {
      const d = await load(name);
      const model = await gbtFamily.fit(d.train, d.yTrain, SKLEARN_DEFAULTS, context());
      const values = model.predict(d.test).values!;
      const ours = r2(d.yTest, values);
      assert.ok(Math.abs(ours - d.ref.r2!) < 0.002, `R² ${ours} vs sklearn ${d.ref.r2}`);
      // Same algorithm, same data: the predictions themselves agree (sklearn's float32 gradients aside).
      const agreement = r2(Float64Array.from(d.ref.predictions!), values);
      assert.ok(agreement > 0.999, `R² of ours against sklearn's predictions: ${agreement}`);
    });
  }

  for (const name of ['breast_cancer', 'titanic', 'iris', 'digits', 'penguins']) {
    it(`${name}: held-out accuracy and log-loss match HistGradientBoostingClassifier`, async () => {
      const d = await load(name);
      const k = d.ref.classes!.length;
      const model = await gbtFamily.fit(d.train, d.yTrain, SKLEARN_DEFAULTS, context());
      const p = model.predict(d.test).probabilities!;
      assert.equal(p.length, d.test.rows * k);
      for (let i = 0; i < d.test.rows; i++) {
        let sum = 0;
        for (let c = 0; c < k; c++) { sum += p[i * k + c]; }
        assert.ok(Math.abs(sum - 1) < 1e-12, 'each row sums to 1');
      }
      const ours = classification(d.yTest, p, k);
      assert.ok(Math.abs(ours.accuracy - d.ref.accuracy!) <= 0.02, `accuracy ${ours.accuracy} vs sklearn ${d.ref.accuracy}`);
      assert.ok(Math.abs(ours.logLoss - d.ref.logLoss!) < 0.015, `log-loss ${ours.logLoss} vs sklearn ${d.ref.logLoss}`);
    });
  }
});

/** Per tree of a saved model: number of leaves and depth. */
function treeShapes(file: ModelFile): { leaves: number; depth: number }[] {
  const t = (file.state as unknown as GbtState).trees;
  const roots = decodeInt32(t.roots);
  const feature = decodeInt32(t.feature);
  const left = decodeInt32(t.left);
  const right = decodeInt32(t.right);
  const shape = (node: number): { leaves: number; depth: number } => {
    if (feature[node] < 0) { return { leaves: 1, depth: 0 }; }
    const a = shape(left[node]);
    const b = shape(right[node]);
    return { leaves: a.leaves + b.leaves, depth: 1 + Math.max(a.depth, b.depth) };
  };
  return Array.from(roots, shape);
}

/** A regression matrix from columns. */
function matrix(columns: number[][]): FeatureMatrix {
  return { names: columns.map((_, i) => `x${i}`), rows: columns[0].length, columns: columns.map((c) => Float64Array.from(c)) };
}

describe('gradient-boosted trees: behaviour', () => {
  it('the same seed gives identical predictions, another seed another model (subsampling and early stopping on)', async () => {
    const d = await load('diamonds6');
    const params: Params = { subsample: 0.7, colsample: 0.7, early_stopping: 'on', max_iter: 40 };
    const a = (await gbtFamily.fit(d.train, d.yTrain, params, context(5))).predict(d.test).values;
    const b = (await gbtFamily.fit(d.train, d.yTrain, params, context(5))).predict(d.test).values;
    const c = (await gbtFamily.fit(d.train, d.yTrain, params, context(6))).predict(d.test).values;
    assert.ok(bytes(a).equals(bytes(b)));
    assert.ok(!bytes(a).equals(bytes(c)));
  });

  it('a saved and reloaded model predicts bit-identically (regression, binary with missing values, multiclass)', async () => {
    for (const name of ['diamonds6', 'titanic', 'digits']) {
      const d = await load(name);
      const model = await gbtFamily.fit(d.train, d.yTrain, { max_iter: 30, subsample: 0.8 }, context(3));
      const file = JSON.parse(JSON.stringify(model.save())) as ModelFile;
      assert.equal(file.format, 'ml-workflow-model');
      assert.equal(file.family, 'gbt');
      assert.deepEqual(file.features, d.ref.features);
      assert.deepEqual(file.classes, d.ref.classes);
      assert.equal(file.params.max_iter, 30);
      const loaded = gbtFamily.load(file);
      const before = model.predict(d.test);
      const after = loaded.predict(d.test);
      assert.ok(bytes(before.values ?? before.probabilities).equals(bytes(after.values ?? after.probabilities)), name);
      assert.ok(bytes(model.featureImportance!()).equals(bytes(loaded.featureImportance!())));
      assert.deepEqual(loaded.params, model.params);
    }
  });

  it('training and prediction agree exactly on every row, missing values and rows left out of a round included', async () => {
    const d = await load('titanic');
    const age = d.train.columns[d.ref.features.indexOf('age')];
    assert.ok(age.some(Number.isNaN), 'titanic ages have missing values');
    for (const params of [{}, { subsample: 0.6, colsample: 0.7 }, { colsample: 0.6 }] as Params[]) {
      const result = await fitBooster(d.train, d.yTrain, resolveParams(params), context(9));
      const model = GbtModel.fromFit(result, 'binary', d.ref.features, d.ref.classes, params);
      assert.equal(result.trainRows.length, d.train.rows, 'no early-stopping split under 10,000 rows');
      // Training walked binned rows; prediction walks raw values through thresholds: same leaves, same sums.
      assert.ok(bytes(model.predictRaw(d.train)).equals(bytes(result.trainRaw)));
    }
  });

  it('missing values go to the side learned in training, or to the larger child when training had none', async () => {
    const x: number[] = [];
    const high: number[] = [];
    const low: number[] = [];
    for (let i = 0; i < 300; i++) {
      // 0..99 -> 0, 100..199 -> 10, then 100 missing: target 10 in `high`, 0 in `low`.
      x.push(i < 200 ? i : NaN);
      high.push(i < 100 ? 0 : 10);
      low.push(i < 100 || i >= 200 ? 0 : 10);
    }
    const probe = matrix([[NaN, 50, 150]]);
    for (const [y, expected] of [[high, 10], [low, 0]] as const) {
      const model = await gbtFamily.fit(matrix([x]), { task: 'regression', y: Float64Array.from(y) }, {}, context());
      const p = model.predict(probe).values!;
      assert.ok(Math.abs(p[0] - expected) < 0.1, `NaN predicted ${p[0]}, expected about ${expected}`);
      assert.ok(Math.abs(p[1]) < 0.1 && Math.abs(p[2] - 10) < 0.1);
    }
    // No missing values in training: 150 rows on the left (target 0), 50 on the right (target 10).
    const xs = Array.from({ length: 200 }, (_, i) => i);
    const model = await gbtFamily.fit(matrix([xs]), { task: 'regression', y: Float64Array.from(xs, (i) => (i < 150 ? 0 : 10)) }, {}, context());
    assert.ok(Math.abs(model.predict(probe).values![0]) < 0.1, 'NaN follows the larger child');
  });

  it("a value lands in bin b exactly when it is <= threshold b (NaN, infinities, the thresholds and their neighbours)", async () => {
    const d = await load('diamonds6');
    const mapper = fitBinMapper(d.train.columns, Int32Array.from({ length: d.train.rows }, (_, i) => i), 255, 1);
    const next = (x: number, up: boolean): number => {
      const f = new Float64Array([x]);
      const i = new BigInt64Array(f.buffer);
      i[0] += (x >= 0) === up ? 1n : -1n;
      return f[0];
    };
    for (const thresholds of mapper.thresholds) {
      const probes = [NaN, Infinity, -Infinity, 0, -0, 1e300, -1e300];
      for (const t of thresholds) { probes.push(t, next(t, true), next(t, false)); }
      for (const x of probes) {
        const bin = binOf(thresholds, x);
        if (Number.isNaN(x)) { assert.equal(bin, thresholds.length + 1); continue; }
        for (let b = 0; b < thresholds.length; b++) { assert.equal(bin <= b, x <= thresholds[b], `x=${x} b=${b}`); }
      }
    }
  });

  it('the root histogram from rows grouped by bin equals the row-by-row one, bit for bit', async () => {
    const d = await load('titanic');
    const n = d.train.rows;
    const mapper = fitBinMapper(d.train.columns, Int32Array.from({ length: n }, (_, i) => i), 255, 1);
    const bins = binColumns(mapper, d.train.columns, Int32Array.from({ length: n }, (_, i) => i));
    const random = seededRandom(8);
    const gradient = Float64Array.from({ length: 2 * n }, () => random() - 0.5);
    const hessian = Float64Array.from({ length: 2 * n }, () => random());
    const part = Int32Array.from({ length: n }, (_, i) => i);
    for (const constant of [true, false]) {
      const layout = histogramLayout(Int32Array.from(mapper.binsNonMissing, (b) => b + 1), constant);
      const index = histogramIndex(bins, n, layout);
      for (const features of [Int32Array.of(0, 1, 2), Int32Array.of(1)]) {
        const rowByRow = new Float64Array(layout.size);
        const grouped = new Float64Array(layout.size);
        buildHistogram(rowByRow, layout, index, 3, features, gradient, hessian, n, part, 0, n);
        buildRootHistogram(grouped, layout, rowsByBin(bins, n, layout), features, gradient, hessian, n);
        assert.ok(bytes(rowByRow).equals(bytes(grouped)), `constant hessian ${constant}, features ${features.join()}`);
        assert.ok(rowByRow.some((v) => v !== 0));
      }
    }
  });

  it('the validation split is seeded, ceil(10%) of the rows, and stratified for classes', () => {
    const y = Float64Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : i % 10 < 4 ? 2 : 0));
    const a = validationSplit(y, 3, 0.1, seededRandom(1));
    const b = validationSplit(y, 3, 0.1, seededRandom(1));
    assert.deepEqual(a, b);
    assert.equal(a.valid.length, 100);
    assert.equal(a.train.length + a.valid.length, 1000);
    const counts = [0, 0, 0];
    a.valid.forEach((r) => { counts[y[r]]++; });
    assert.deepEqual(counts, [60, 10, 30], 'each class keeps its share');
    assert.notDeepEqual(validationSplit(y, 3, 0.1, seededRandom(2)).valid, a.valid);
    assert.equal(validationSplit(new Float64Array(11), 0, 0.1, seededRandom(1)).valid.length, 2, 'ceil(1.1)');
  });

  it('the radix sort orders doubles as a comparison sort does', () => {
    const random = seededRandom(4);
    const values = Float64Array.from({ length: 5000 }, (_, i) => {
      const r = random();
      if (i % 50 === 0) { return [0, -0, Infinity, -Infinity, 5e-324, -5e-324][i % 6]; }
      return r < 0.3 ? Math.round((r - 0.15) * 100) : (r - 0.5) * 10 ** Math.floor(random() * 40 - 20);
    });
    const expected = Array.from(values).sort((a, b) => a - b);
    const sorted = sortFloat64(values.slice());
    sorted.forEach((v, i) => assert.ok(v === expected[i], `position ${i}: ${v} vs ${expected[i]}`));
  });

  it('reports progress every round and stops early by sklearn\'s rule', async () => {
    const d = await load('iris');
    const progress: FitProgress[] = [];
    const model = await gbtFamily.fit(d.train, d.yTrain, { early_stopping: 'on', n_iter_no_change: 5, max_iter: 300 }, context(2, { onProgress: (p) => progress.push(p) })) as GbtModel;
    assert.ok(model.rounds < 300, `stopped after ${model.rounds} rounds`);
    assert.equal(progress.length, model.rounds);
    progress.forEach((p, i) => {
      assert.equal(p.unit, 'round'); assert.equal(p.step, i + 1); assert.equal(p.total, 300);
      assert.ok(Number.isFinite(p.trainLoss) && Number.isFinite(p.validLoss));
    });
    assert.ok(progress[progress.length - 1].trainLoss! < progress[0].trainLoss!);
    // The last 5 validation losses did not beat the one before them (tol 1e-7).
    const losses = model.history.validLoss;
    const reference = losses[losses.length - 6];
    assert.ok(losses.slice(-5).every((l) => !(-l > -reference + 1e-7)));

    const quiet: FitProgress[] = [];
    const small = await load('diabetes');
    await gbtFamily.fit(small.train, small.yTrain, {}, context(2, { onProgress: (p) => quiet.push(p) }));
    assert.equal(quiet.length, 300, "'auto' keeps early stopping off under 10,000 rows");
    assert.ok(quiet.every((p) => p.validLoss === undefined && p.trainLoss! > 0));
  });

  it('shouldStop: stop when none of the last n scores beats the one before them by more than tol', () => {
    assert.equal(shouldStop([1, 2], 2, 0), false, 'too few scores');
    assert.equal(shouldStop([1, 2, 3], 2, 0), false);
    assert.equal(shouldStop([3, 3, 3], 2, 0), true);
    assert.equal(shouldStop([3, 2, 3.5], 2, 0), false);
    assert.equal(shouldStop([3, 2, 3.5], 2, 1), true, 'an improvement within tol does not count');
    assert.equal(shouldStop([9, 1, 2, 3], 2, 0), false, 'only the last n + 1 scores matter');
  });

  it('cancellation throws FitCancelledError at the next round', async () => {
    const d = await load('iris');
    let calls = 0;
    await assert.rejects(
      gbtFamily.fit(d.train, d.yTrain, {}, { seed: 1, isCancelled: () => calls >= 3, onProgress: () => { calls++; } }),
      FitCancelledError,
    );
    assert.equal(calls, 3);
  });

  it('yields to the event loop while fitting, so a cancel flag set by a timer is seen', async () => {
    const d = await load('digits');
    let cancelled = false;
    // Without yielding, this timer could only fire after the fit finished, and the fit would resolve.
    setTimeout(() => { cancelled = true; }, 30);
    await assert.rejects(gbtFamily.fit(d.train, d.yTrain, { max_iter: 2000, early_stopping: 'off' }, { seed: 1, isCancelled: () => cancelled }), FitCancelledError);
  });

  it('feature importance: total split gain per feature, non-negative and summing to 1', async () => {
    const d = await load('diamonds6');
    const importance = (await gbtFamily.fit(d.train, d.yTrain, {}, context())).featureImportance!();
    assert.equal(importance.length, d.ref.features.length);
    assert.ok(importance.every((v) => v >= 0));
    assert.ok(Math.abs(importance.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    const top = d.ref.features[importance.indexOf(Math.max(...importance))];
    assert.ok(['carat', 'x', 'y', 'z'].includes(top), `size leads, found ${top}`);
  });

  it('respects max_depth, max_leaf_nodes and max_bins; useless features get no importance', async () => {
    const random = seededRandom(11);
    const n = 2000;
    const signal = Array.from({ length: n }, () => random());
    const constant = Array.from({ length: n }, () => 3);
    const missing = Array.from({ length: n }, () => NaN);
    const y = Float64Array.from(signal, (v) => Math.sin(6 * v) + 0.1 * random());
    const data = matrix([constant, signal, missing]);
    const deep = await gbtFamily.fit(data, { task: 'regression', y }, { max_depth: 2, max_iter: 20 }, context());
    assert.ok(treeShapes(deep.save()).every((t) => t.depth <= 2 && t.leaves <= 4));
    const small = await gbtFamily.fit(data, { task: 'regression', y }, { max_leaf_nodes: 7, max_bins: 16, max_iter: 20 }, context());
    const shapes = treeShapes(small.save());
    assert.ok(shapes.every((t) => t.leaves <= 7) && shapes.some((t) => t.leaves === 7));
    const state = small.save().state as unknown as GbtState;
    assert.deepEqual(state.binThresholds.offsets, [0, 0, 15, 15], 'constant: no threshold, signal: 15, all missing: none');
    assert.deepEqual(Array.from(small.featureImportance!()), [0, 1, 0]);
  });

  it('fits tiny data (too small to split) to the baseline', async () => {
    const y = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const model = await gbtFamily.fit(matrix([Array.from(y)]), { task: 'regression', y }, {}, context());
    assert.ok(model.predict(matrix([[1, 10]])).values!.every((v) => Math.abs(v - 5.5) < 1e-12));
  });

  it('declares its hyperparameters with defaults and search ranges, and validates parameters', async () => {
    const spec = Object.fromEntries(gbtFamily.hyperparameters.map((h) => [h.name, h]));
    assert.deepEqual([spec.learning_rate.min, spec.learning_rate.max, spec.learning_rate.log, spec.learning_rate.default], [0.01, 0.3, true, 0.1]);
    assert.deepEqual([spec.max_leaf_nodes.min, spec.max_leaf_nodes.max, spec.max_leaf_nodes.default], [7, 127, 31]);
    assert.deepEqual([spec.min_samples_leaf.min, spec.min_samples_leaf.max, spec.min_samples_leaf.default], [5, 100, 20]);
    assert.deepEqual([spec.subsample.min, spec.colsample.min, spec.max_iter.max], [0.5, 0.5, 500]);
    assert.equal(spec.early_stopping.default, 'auto');
    // Not searched: no range, so a search keeps the default.
    for (const name of ['tol', 'n_iter_no_change', 'validation_fraction', 'min_gain_to_split', 'max_depth']) { assert.equal(spec[name].min, undefined, name); }
    assert.ok(!spec.early_stopping.choices!.includes('off'), 'a search never turns early stopping off');
    assert.equal(gbtFamily.handlesMissing, true);
    assert.equal(gbtFamily.needsScaling, false);
    const d = await load('iris');
    const model = await gbtFamily.fit(d.train, d.yTrain, { max_iter: 3 }, context());
    assert.equal(model.params.learning_rate, 0.1);
    assert.equal(model.params.max_iter, 3);
    for (const bad of [{ max_bins: 300 }, { learning_rate: 0 }, { subsample: 1.5 }, { early_stopping: 'maybe' }, { max_leaf_node: 3 }] as Params[]) {
      await assert.rejects(gbtFamily.fit(d.train, d.yTrain, bad, context()), Error, JSON.stringify(bad));
    }
    await assert.rejects(gbtFamily.fit(d.train, { task: 'binary', y: d.yTrain.y, classes: ['a', 'b'] }, {}, context()), /class index 2/);
  });
});

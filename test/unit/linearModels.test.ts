import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { linearFamily } from '../../src/engine/models/linear/linearFamily';
import { FitCancelledError, type FeatureMatrix, type FitContext, type FitProgress, type Labels, type ModelFile, type Params, type TrainedModel } from '../../src/engine/models/types';
import { maxAbsDiff, sampleSplit } from '../fixtures/models-sklearn/sampleSplits';
import { ROOT } from './tempDir';

interface RegressionCase { standardised: boolean; alpha: number; l1Ratio?: number; coef: number[]; intercept: number; predictions: number[] }
interface LogisticCase {
  dataset: string; C: number; classes: string[]; coef: number[][]; intercept: number[]; probabilities: number[][];
  sklearnDefaultCoef: number[][]; sklearnDefaultIntercept: number[];
}
interface LogisticL1Case { dataset: string; C: number; penalty: string; l1Ratio: number; classes: string[]; coef: number[][]; intercept: number[]; probabilities: number[][] }
const fixture = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'models-sklearn', 'linear.json'), 'utf8')) as {
  ridge: RegressionCase[]; elasticNet: RegressionCase[]; logistic: LogisticCase[]; logisticL1: LogisticL1Case[];
};

const context: FitContext = { seed: 1, isCancelled: () => false };
const diabetes = (standardise: boolean) => sampleSplit(ROOT, 'diabetes', 'progression', 'regression', { standardise });
const targets: Record<string, [string, string]> = { iris: ['species', 'multiclass'], breast_cancer: ['target', 'binary'], digits: ['digit', 'multiclass'] };
const classification = (name: string) => sampleSplit(ROOT, name, targets[name][0], targets[name][1] as 'binary' | 'multiclass', { standardise: true });

/** The fitted weights from a model file: blocks x (coefficients, intercept). */
function weights(model: TrainedModel, features: number): { coef: number[][]; intercept: number[] } {
  const file = model.save();
  const reloaded = linearFamily.load(JSON.parse(JSON.stringify(file)) as ModelFile);
  assert.deepEqual(reloaded.save(), file);
  const { base64 } = file.state.weights as { base64: string };
  const bytes = Buffer.from(base64, 'base64');
  const all = Array.from(new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8));
  const coef: number[][] = [];
  const intercept: number[] = [];
  for (let k = 0; k < all.length / (features + 1); k++) {
    coef.push(all.slice(k * (features + 1), k * (features + 1) + features));
    intercept.push(all[k * (features + 1) + features]);
  }
  return { coef, intercept };
}

/** Asserts `model` predicts exactly the same after a save / JSON / load round trip. */
function assertReloadIdentical(model: TrainedModel, data: FeatureMatrix): void {
  const reloaded = linearFamily.load(JSON.parse(JSON.stringify(model.save())) as ModelFile);
  assert.deepEqual(reloaded.predict(data), model.predict(data));
}

const largest = (rows: number[][]) => Math.max(...rows.flat().map(Math.abs));

describe('linear family: Ridge against scikit-learn', () => {
  for (const expected of fixture.ridge) {
    it(`Ridge(alpha=${expected.alpha}) on diabetes${expected.standardised ? ' standardised' : ' raw'}`, async () => {
      const split = await diabetes(expected.standardised);
      const model = await linearFamily.fit(split.train, split.labels, { penalty: 'l2', alpha: expected.alpha }, context);
      const { coef, intercept } = weights(model, split.train.columns.length);
      // Closed form on both sides: only rounding separates them.
      const scale = largest([expected.coef]);
      assert.ok(maxAbsDiff(coef[0], expected.coef) <= 1e-9 * scale, `coef ${coef[0]} vs ${expected.coef}`);
      assert.ok(Math.abs(intercept[0] - expected.intercept) <= 1e-9 * Math.abs(expected.intercept));
      const values = model.predict(split.test).values as Float64Array;
      assert.ok(maxAbsDiff(values, expected.predictions) <= 1e-9 * Math.max(...expected.predictions.map(Math.abs)));
      assertReloadIdentical(model, split.test);
    });
  }
});

describe('linear family: Lasso and elastic net against scikit-learn', () => {
  for (const expected of fixture.elasticNet) {
    const penalty = expected.l1Ratio === 1 ? 'l1' : 'elasticnet';
    it(`${penalty} alpha=${expected.alpha} l1_ratio=${expected.l1Ratio} on standardised diabetes`, async () => {
      const split = await diabetes(true);
      const params: Params = penalty === 'l1' ? { penalty, alpha: expected.alpha } : { penalty, alpha: expected.alpha, l1_ratio: expected.l1Ratio as number };
      const model = await linearFamily.fit(split.train, split.labels, params, context);
      const { coef, intercept } = weights(model, split.train.columns.length);
      const scale = largest([expected.coef]);
      assert.ok(maxAbsDiff(coef[0], expected.coef) <= 1e-6 * scale, `coef ${coef[0]} vs ${expected.coef}`);
      // The l1 penalty zeroes the same coefficients exactly.
      assert.deepEqual(coef[0].map((c) => c === 0), expected.coef.map((c) => c === 0));
      assert.ok(Math.abs(intercept[0] - expected.intercept) <= 1e-6 * Math.abs(expected.intercept));
      const values = model.predict(split.test).values as Float64Array;
      assert.ok(maxAbsDiff(values, expected.predictions) <= 1e-6 * Math.max(...expected.predictions.map(Math.abs)));
      assertReloadIdentical(model, split.test);
    });
  }
});

describe('linear family: logistic regression against scikit-learn', () => {
  for (const expected of fixture.logistic) {
    it(`LogisticRegression(C=${expected.C}) on standardised ${expected.dataset} (${expected.classes.length} classes)`, async () => {
      const split = await classification(expected.dataset);
      assert.deepEqual(split.labels.classes, expected.classes);
      const model = await linearFamily.fit(split.train, split.labels, { C: expected.C }, context);
      const { coef, intercept } = weights(model, split.train.columns.length);
      const scale = largest(expected.coef);
      // Against the exact optimum of scikit-learn's objective.
      assert.ok(maxAbsDiff(coef.flat(), expected.coef.flat()) <= 1e-6 * scale, `max coef diff ${maxAbsDiff(coef.flat(), expected.coef.flat())}`);
      assert.ok(maxAbsDiff(intercept, expected.intercept) <= 1e-6 * scale);
      // And against what LogisticRegression(C) itself returns with its default stopping rule, which
      // is that far from the optimum (its intercepts on digits up to 3.5e-4 away).
      assert.ok(maxAbsDiff(coef.flat(), expected.sklearnDefaultCoef.flat()) <= 1e-4 * scale);
      assert.ok(maxAbsDiff(intercept, expected.sklearnDefaultIntercept) <= 1e-3 * scale);
      const probabilities = model.predict(split.test).probabilities as Float64Array;
      assert.ok(maxAbsDiff(probabilities, expected.probabilities.flat()) <= 1e-6);
      assertReloadIdentical(model, split.test);
    });
  }
});

describe('linear family: l1 and elastic-net logistic regression against scikit-learn (saga)', () => {
  for (const expected of fixture.logisticL1) {
    it(`LogisticRegression(penalty=${expected.penalty}, C=${expected.C}, l1_ratio=${expected.l1Ratio}) on standardised ${expected.dataset}`, async () => {
      const split = await classification(expected.dataset);
      const params: Params = expected.penalty === 'l1' ? { penalty: 'l1', C: expected.C } : { penalty: 'elasticnet', C: expected.C, l1_ratio: expected.l1Ratio };
      const model = await linearFamily.fit(split.train, split.labels, params, context);
      const { coef, intercept } = weights(model, split.train.columns.length);
      const scale = largest(expected.coef);
      assert.ok(maxAbsDiff(coef.flat(), expected.coef.flat()) <= 1e-6 * scale, `max coef diff ${maxAbsDiff(coef.flat(), expected.coef.flat())}`);
      assert.ok(maxAbsDiff(intercept, expected.intercept) <= 1e-6 * scale);
      // The same coefficients are exactly zero: the l1 penalty selected the same features.
      assert.deepEqual(coef.flat().map((c) => c === 0), expected.coef.flat().map((c) => c === 0));
      assert.ok(maxAbsDiff(model.predict(split.test).probabilities as Float64Array, expected.probabilities.flat()) <= 1e-6);
      assertReloadIdentical(model, split.test);
    });
  }
});

describe('linear family: behaviour', () => {
  it('importance is |coefficient| summed over classes, normalised', async () => {
    const split = await classification('iris');
    const model = await linearFamily.fit(split.train, split.labels, {}, context);
    const { coef } = weights(model, 4);
    const raw = [0, 1, 2, 3].map((j) => coef.reduce((sum, row) => sum + Math.abs(row[j]), 0));
    const total = raw.reduce((a, b) => a + b, 0);
    const importance = model.featureImportance?.() as Float64Array;
    assert.ok(maxAbsDiff(importance, raw.map((r) => r / total)) < 1e-15);
    assert.ok(Math.abs(importance.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  });

  it('names the feature that has missing values, when fitting and when predicting', async () => {
    const split = await diabetes(true);
    const bad = { ...split.train, columns: split.train.columns.map((c, j) => (j === 2 ? Float64Array.from(c, (v, i) => (i === 7 ? NaN : v)) : c)) };
    await assert.rejects(linearFamily.fit(bad, split.labels, {}, context), /feature "bmi".*missing values \(row 8\)/);
    const model = await linearFamily.fit(split.train, split.labels, {}, context);
    assert.throws(() => model.predict(bad), /feature "bmi"/);
  });

  it('rejects unknown parameters and bad values', async () => {
    const split = await diabetes(true);
    await assert.rejects(linearFamily.fit(split.train, split.labels, { lambda: 1 }, context), /Unknown Linear model parameter\(s\): lambda/);
    await assert.rejects(linearFamily.fit(split.train, split.labels, { penalty: 'l3' }, context), /penalty must be one of/);
    const iris = await classification('iris');
    await assert.rejects(linearFamily.fit(iris.train, iris.labels, { C: 0 }, context), /C must be > 0/);
  });

  it('reports iterations and stops with FitCancelledError when cancelled', async () => {
    const split = await classification('digits');
    const seen: FitProgress[] = [];
    let calls = 0;
    const cancelling: FitContext = { seed: 1, isCancelled: () => ++calls > 5, onProgress: (p) => seen.push(p) };
    await assert.rejects(linearFamily.fit(split.train, split.labels, {}, cancelling), FitCancelledError);
    assert.ok(seen.length >= 2 && seen.length <= 5, `${seen.length} progress reports`);
    assert.equal(seen[0].unit, 'iteration');
    assert.ok(seen.every((p, i) => p.step === i + 1 && typeof p.trainLoss === 'number'));
    // The loss only goes down (Armijo steps).
    assert.ok(seen.every((p, i) => i === 0 || (p.trainLoss as number) <= (seen[i - 1].trainLoss as number)));
    const lasso = await diabetes(true);
    calls = 0;
    await assert.rejects(linearFamily.fit(lasso.train, lasso.labels, { penalty: 'l1', alpha: 0.001 }, cancelling), FitCancelledError);
    await assert.rejects(linearFamily.fit(lasso.train, lasso.labels, { penalty: 'l2' }, { seed: 1, isCancelled: () => true }), FitCancelledError);
  });

  it('is deterministic', async () => {
    const split = await classification('breast_cancer');
    const a = await linearFamily.fit(split.train, split.labels, { C: 0.3 }, context);
    const b = await linearFamily.fit(split.train, split.labels, { C: 0.3 }, { seed: 99, isCancelled: () => false });
    assert.deepEqual(a.save(), b.save());
  });

  it('gives probability 0 to a class absent from the training rows', async () => {
    const split = await classification('iris');
    const keep = Array.from(split.labels.y, (y, i) => (y !== 1 ? i : -1)).filter((i) => i >= 0);
    const train: FeatureMatrix = { ...split.train, columns: split.train.columns.map((c) => Float64Array.from(keep, (i) => c[i])), rows: keep.length };
    const labels: Labels = { ...split.labels, y: Float64Array.from(keep, (i) => split.labels.y[i]) };
    const model = await linearFamily.fit(train, labels, {}, context);
    const probabilities = model.predict(split.test).probabilities as Float64Array;
    assert.equal(probabilities.length, split.test.rows * 3);
    for (let i = 0; i < split.test.rows; i++) {
      assert.equal(probabilities[i * 3 + 1], 0);
      assert.ok(Math.abs(probabilities[i * 3] + probabilities[i * 3 + 2] - 1) < 1e-12);
    }
    // Two classes left: one sigmoid block, as scikit-learn fits a binary problem.
    assert.equal(weights(model, 4).coef.length, 1);
  });

  it('explains a constant feature instead of failing obscurely when alpha is 0', async () => {
    const split = await diabetes(false);
    const constant: FeatureMatrix = { ...split.train, names: [...split.train.names, 'one'], columns: [...split.train.columns, new Float64Array(split.train.rows).fill(1)] };
    await assert.rejects(linearFamily.fit(constant, split.labels, { alpha: 0 }, context), /linearly dependent/);
  });
});

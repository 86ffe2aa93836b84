import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { naiveBayesFamily } from '../../src/engine/models/naiveBayes/naiveBayesFamily';
import { jointLogLikelihood, naiveBayesState } from '../../src/engine/models/naiveBayes/naiveBayesModel';
import { FitCancelledError, type FeatureMatrix, type FitContext, type Labels, type ModelFile, type TrainedModel } from '../../src/engine/models/types';
import { maxAbsDiff, sampleSplit, type SampleSplit } from '../fixtures/models-sklearn/sampleSplits';
import { ROOT } from './tempDir';

interface GaussianCase { dataset: string; classes: string[]; theta: number[][]; var: number[][]; epsilon: number; priors: number[]; jointLogLikelihood: number[][]; probabilities: number[][] }
interface CategoricalCase { features: string[]; classes: string[]; featureLogProb: number[][][]; jointLogLikelihood: number[][]; probabilities: number[][] }
interface MixedCase { features: string[]; categorical: string[]; classes: string[]; jointLogLikelihood: number[][]; probabilities: number[][] }
const fixture = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'models-sklearn', 'naiveBayes.json'), 'utf8')) as {
  gaussian: GaussianCase[]; categorical: CategoricalCase; mixed: MixedCase;
};
const context: FitContext = { seed: 1, isCancelled: () => false };
const targets: Record<string, [string, 'binary' | 'multiclass']> = { iris: ['species', 'multiclass'], breast_cancer: ['target', 'binary'] };

/** Titanic rows with a known age, sex and passengerClass as sorted category codes (as generate.py). */
const titanic = () => sampleSplit(ROOT, 'titanic', 'survived', 'binary', { drop: ['name'], requirePresent: 'age', categorical: ['sex', 'passengerClass'] });

/** Only the named columns of a split. */
function only(split: SampleSplit, names: string[]): SampleSplit {
  const pick = (m: FeatureMatrix): FeatureMatrix => {
    const at = names.map((n) => m.names.indexOf(n));
    return { names, columns: at.map((j) => m.columns[j]), rows: m.rows, categorical: at.map((j) => m.categorical?.[j] ?? false) };
  };
  return { ...split, train: pick(split.train), test: pick(split.test) };
}

/** Largest relative difference, for log-likelihoods that run from about -1 to -1e4. */
function maxRelativeDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) { max = Math.max(max, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i]))); }
  return max;
}

function assertReloadIdentical(model: TrainedModel, data: FeatureMatrix): void {
  const reloaded = naiveBayesFamily.load(JSON.parse(JSON.stringify(model.save())) as ModelFile);
  assert.deepEqual(reloaded.predict(data), model.predict(data));
}

describe('naive Bayes against scikit-learn', () => {
  for (const expected of fixture.gaussian) {
    it(`GaussianNB on ${expected.dataset}`, async () => {
      const split = await sampleSplit(ROOT, expected.dataset, ...targets[expected.dataset]);
      assert.deepEqual(split.labels.classes, expected.classes);
      const model = await naiveBayesFamily.fit(split.train, split.labels, {}, context);
      const state = naiveBayesState(model.save());
      assert.ok(maxRelativeDiff(state.theta, expected.theta.flat()) < 1e-12);
      assert.ok(maxAbsDiff(state.variance, expected.var.flat()) <= 1e-12 * Math.max(...expected.var.flat()));
      assert.ok(maxAbsDiff(Array.from(state.logPrior, Math.exp), expected.priors) < 1e-15);
      assert.ok(maxRelativeDiff(jointLogLikelihood(state, split.test), expected.jointLogLikelihood.flat()) < 1e-10);
      const probabilities = model.predict(split.test).probabilities as Float64Array;
      assert.ok(maxAbsDiff(probabilities, expected.probabilities.flat()) < 1e-10);
      assertReloadIdentical(model, split.test);
    });
  }

  it('CategoricalNB(alpha=1) on titanic sex and passengerClass', async () => {
    const expected = fixture.categorical;
    const split = only(await titanic(), expected.features);
    assert.deepEqual(split.labels.classes, expected.classes);
    assert.deepEqual(split.train.categorical, [true, true]);
    const model = await naiveBayesFamily.fit(split.train, split.labels, {}, context);
    const state = naiveBayesState(model.save());
    // Tables are stored feature after feature, each classes x categories.
    assert.ok(maxAbsDiff(state.logProbability, expected.featureLogProb.flatMap((table) => table.flat())) < 1e-14);
    assert.ok(maxRelativeDiff(jointLogLikelihood(state, split.test), expected.jointLogLikelihood.flat()) < 1e-13);
    assert.ok(maxAbsDiff(model.predict(split.test).probabilities as Float64Array, expected.probabilities.flat()) < 1e-13);
    assertReloadIdentical(model, split.test);
  });

  it('sums Gaussian (age) and categorical (sex, passengerClass) log-likelihoods on titanic', async () => {
    const expected = fixture.mixed;
    const split = await titanic();
    assert.deepEqual(split.train.names, expected.features);
    const model = await naiveBayesFamily.fit(split.train, split.labels, {}, context);
    const state = naiveBayesState(model.save());
    assert.deepEqual(Array.from(state.categorical, (j) => expected.features[j]), expected.categorical);
    assert.ok(maxRelativeDiff(jointLogLikelihood(state, split.test), expected.jointLogLikelihood.flat()) < 1e-12);
    assert.ok(maxAbsDiff(model.predict(split.test).probabilities as Float64Array, expected.probabilities.flat()) < 1e-12);
    assertReloadIdentical(model, split.test);
  });
});

describe('naive Bayes: behaviour', () => {
  const toy = (rows: number[][], categorical: boolean[]): FeatureMatrix => ({
    names: categorical.map((_, j) => `f${j}`), columns: categorical.map((_, j) => Float64Array.from(rows, (r) => r[j])), rows: rows.length, categorical,
  });

  it('treats a category unseen in training as seen zero times', async () => {
    const train = toy([[0], [0], [1], [1]], [true]);
    const labels: Labels = { task: 'binary', y: Float64Array.from([0, 0, 0, 1]), classes: ['a', 'b'] };
    const model = await naiveBayesFamily.fit(train, labels, { alpha: 1 }, context);
    // Code 5 never seen: P(5 | a) = 1 / (3 + 2), P(5 | b) = 1 / (1 + 2); priors 3/4 and 1/4.
    const a = 0.75 / 5;
    const b = 0.25 / 3;
    const probabilities = model.predict(toy([[5]], [true])).probabilities as Float64Array;
    assert.ok(maxAbsDiff(probabilities, [a / (a + b), b / (a + b)]) < 1e-15);
    const state = naiveBayesState(model.save());
    assert.ok(maxAbsDiff(jointLogLikelihood(state, toy([[5]], [true])), [Math.log(a), Math.log(b)]) < 1e-15);
  });

  it('gives probability 0 to a class absent from the training rows', async () => {
    const train = toy([[0, 1.5], [1, 2.5], [1, 0.5], [0, 3]], [true, false]);
    const labels: Labels = { task: 'multiclass', y: Float64Array.from([0, 0, 2, 2]), classes: ['a', 'b', 'c'] };
    const model = await naiveBayesFamily.fit(train, labels, {}, context);
    const probabilities = model.predict(toy([[0, 1], [1, 2]], [true, false])).probabilities as Float64Array;
    assert.equal(probabilities[1], 0);
    assert.equal(probabilities[4], 0);
    assert.ok(Math.abs(probabilities[0] + probabilities[2] - 1) < 1e-15);
    assertReloadIdentical(model, toy([[0, 1], [1, 2]], [true, false]));
  });

  it('refuses regression, missing values, bad category codes and bad parameters', async () => {
    const train = toy([[0, 1], [1, 2]], [true, false]);
    const labels: Labels = { task: 'binary', y: Float64Array.from([0, 1]), classes: ['a', 'b'] };
    await assert.rejects(naiveBayesFamily.fit(train, { task: 'regression', y: Float64Array.from([1, 2]) }, {}, context), /classifier/);
    await assert.rejects(naiveBayesFamily.fit(toy([[0, NaN], [1, 2]], [true, false]), labels, {}, context), /feature "f1".*missing values \(row 1\)/);
    await assert.rejects(naiveBayesFamily.fit(toy([[0.5, 1], [1, 2]], [true, false]), labels, {}, context), /"f0" must hold category codes.*found 0.5 in row 1/);
    await assert.rejects(naiveBayesFamily.fit(toy([[0, 1], [-1, 2]], [true, false]), labels, {}, context), /found -1 in row 2/);
    await assert.rejects(naiveBayesFamily.fit(train, labels, { alpha: -1 }, context), /alpha must be > 0/);
    await assert.rejects(naiveBayesFamily.fit(train, labels, { smoothing: 1 }, context), /Unknown Naive Bayes parameter/);
    await assert.rejects(naiveBayesFamily.fit(train, labels, {}, { seed: 1, isCancelled: () => true }), FitCancelledError);
    const model = await naiveBayesFamily.fit(train, labels, {}, context);
    assert.throws(() => model.predict(toy([[2.5, 1]], [true, false])), /found 2.5 in row 1/);
  });

  it('is deterministic and has no feature importance', async () => {
    const split = await titanic();
    const a = await naiveBayesFamily.fit(split.train, split.labels, { var_smoothing: 1e-6 }, context);
    const b = await naiveBayesFamily.fit(split.train, split.labels, { var_smoothing: 1e-6 }, { seed: 5, isCancelled: () => false });
    assert.deepEqual(a.save(), b.save());
    assert.equal(a.featureImportance, undefined);
    assert.equal(a.params.alpha, 1);
  });
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { baselineFamily } from '../../src/engine/models/baseline/baselineFamily';
import { FitCancelledError, type FitContext, type Labels, type ModelFile } from '../../src/engine/models/types';
import { maxAbsDiff, sampleSplit } from '../fixtures/models-sklearn/sampleSplits';
import { ROOT } from './tempDir';

const fixture = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'models-sklearn', 'baseline.json'), 'utf8')) as Record<string, { classes?: string[]; probabilities?: number[]; predicted?: number; value?: number }>;
const context: FitContext = { seed: 1, isCancelled: () => false };

describe('baseline against scikit-learn Dummy models', () => {
  for (const [name, target, task] of [['iris', 'species', 'multiclass'], ['breast_cancer', 'target', 'binary']] as const) {
    it(`DummyClassifier(strategy='prior') on ${name}`, async () => {
      const expected = fixture[name];
      const split = await sampleSplit(ROOT, name, target, task);
      assert.deepEqual(split.labels.classes, expected.classes);
      const model = await baselineFamily.fit(split.train, split.labels, {}, context);
      const probabilities = model.predict(split.test).probabilities as Float64Array;
      const k = expected.probabilities?.length ?? 0;
      assert.equal(probabilities.length, split.test.rows * k);
      for (let i = 0; i < split.test.rows; i++) {
        const row = probabilities.subarray(i * k, i * k + k);
        assert.ok(maxAbsDiff(row, expected.probabilities ?? []) < 1e-15);
        // The predicted class is the first most probable, as scikit-learn's most_frequent.
        assert.equal(row.indexOf(Math.max(...row)), expected.predicted);
      }
      const reloaded = baselineFamily.load(JSON.parse(JSON.stringify(model.save())) as ModelFile);
      assert.deepEqual(reloaded.predict(split.test), model.predict(split.test));
    });
  }

  it('DummyRegressor() on diabetes', async () => {
    const split = await sampleSplit(ROOT, 'diabetes', 'progression', 'regression');
    const model = await baselineFamily.fit(split.train, split.labels, {}, context);
    const values = model.predict(split.test).values as Float64Array;
    assert.equal(values.length, split.test.rows);
    assert.ok(values.every((v) => Math.abs(v - (fixture.diabetes.value as number)) < 1e-12));
    const reloaded = baselineFamily.load(JSON.parse(JSON.stringify(model.save())) as ModelFile);
    assert.deepEqual(reloaded.predict(split.test), model.predict(split.test));
  });
});

describe('baseline: behaviour', () => {
  const features = { names: ['x'], columns: [Float64Array.from([NaN, 1, 2, 3])], rows: 4 };

  it('ignores the features (missing values included) and keeps classes absent from training at 0', async () => {
    const labels: Labels = { task: 'multiclass', y: Float64Array.from([2, 0, 2, 2]), classes: ['a', 'b', 'c'] };
    const model = await baselineFamily.fit(features, labels, {}, context);
    assert.deepEqual(Array.from(model.predict({ names: ['x'], columns: [Float64Array.from([NaN])], rows: 1 }).probabilities as Float64Array), [0.25, 0, 0.75]);
    assert.equal(model.featureImportance, undefined);
    assert.deepEqual(baselineFamily.hyperparameters, []);
  });

  it('refuses parameters, wrong feature sets, bad labels, and honours cancellation', async () => {
    const labels: Labels = { task: 'binary', y: Float64Array.from([0, 1, 1, 0]), classes: ['no', 'yes'] };
    await assert.rejects(baselineFamily.fit(features, labels, { k: 3 }, context), /takes no parameters/);
    await assert.rejects(baselineFamily.fit(features, { ...labels, y: Float64Array.from([0, 1, 2, 0]) }, {}, context), /Class labels must be integers from 0 to 1; found 2/);
    await assert.rejects(baselineFamily.fit(features, { task: 'regression', y: Float64Array.from([1, NaN, 2, 3]) }, {}, context), /missing or infinite in row 2/);
    await assert.rejects(baselineFamily.fit(features, labels, {}, { seed: 1, isCancelled: () => true }), FitCancelledError);
    const model = await baselineFamily.fit(features, labels, {}, context);
    assert.throws(() => model.predict({ names: ['y'], columns: [new Float64Array(1)], rows: 1 }), /Feature 1 is "y" but the model was trained with "x"/);
  });
});

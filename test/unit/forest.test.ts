import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { extraTreesFamily, randomForestFamily } from '../../src/engine/models/forest/forestFamilies';
import type { TreeModel } from '../../src/engine/models/tree/treeModel';
import { FitCancelledError } from '../../src/engine/models/types';
import type { FitProgress, ModelFamily, ModelFile, Params, TrainedModel } from '../../src/engine/models/types';
import { ROOT } from './tempDir';
import { context, outputOf, rowsOf, treeDataset } from './treeData';

// scikit-learn 1.2.1's numbers, written by test/fixtures/trees-sklearn/generate.py.
interface ForestCase { dataset: string; family: 'rf' | 'et'; params: Params; scores: number[]; scoreMean: number }
interface ExactForest { dataset: string; params: Params; exact: boolean; predictions: number[] }
const FIXTURE = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'trees-sklearn', 'trees.json'), 'utf8')) as {
  folds: Record<string, number[]>; forests: ForestCase[]; deterministicForests: ExactForest[];
  forestImportances: { dataset: string; mean: number[]; seedToSeedL1: number };
};
const FAMILIES: Record<string, ModelFamily> = { rf: randomForestFamily, et: extraTreesFamily };

const dataset = (name: string, float32 = false) => treeDataset(name, float32);

/** Accuracy (first largest probability) or R² of out-of-fold predictions over the fixture's five folds. */
async function crossValidatedScore(family: ModelFamily, name: string, params: Params, seed: number): Promise<number> {
  const { data, labels } = await dataset(name);
  const folds = FIXTURE.folds[name];
  const width = labels.classes?.length ?? 1;
  const out = new Float64Array(data.rows * width);
  for (let k = 0; k < 5; k++) {
    const train = rowsOf(data, labels, folds.flatMap((f, i) => (f !== k ? [i] : [])));
    const testRows = folds.flatMap((f, i) => (f === k ? [i] : []));
    const predicted = outputOf(await family.fit(train.data, train.labels, params, context(seed)), rowsOf(data, labels, testRows).data);
    testRows.forEach((row, j) => { for (let c = 0; c < width; c++) { out[row * width + c] = predicted[j * width + c]; } });
  }
  const n = data.rows;
  if (labels.task === 'regression') {
    const mean = labels.y.reduce((s, v) => s + v, 0) / n;
    let residual = 0;
    let total = 0;
    for (let i = 0; i < n; i++) { residual += (labels.y[i] - out[i]) ** 2; total += (labels.y[i] - mean) ** 2; }
    return 1 - residual / total;
  }
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < width; c++) { if (out[i * width + c] > out[i * width + best]) { best = c; } }
    if (best === labels.y[i]) { correct++; }
  }
  return correct / n;
}

describe('forests against scikit-learn 1.2.1', () => {
  for (const c of FIXTURE.forests) {
    it(`${c.family === 'rf' ? 'random forest' : 'extra trees'} on ${c.dataset}: 5-fold score within 0.02 of sklearn's`, async () => {
      // Our trees draw from our generator, not numpy's: compare means over seeds, not predictions.
      const ours = [await crossValidatedScore(FAMILIES[c.family], c.dataset, c.params, 1), await crossValidatedScore(FAMILIES[c.family], c.dataset, c.params, 2)];
      const mean = (ours[0] + ours[1]) / 2;
      assert.ok(Math.abs(mean - c.scoreMean) <= 0.02, `ours ${ours.join(', ')} vs sklearn ${c.scores.join(', ')}`);
    });
  }

  for (const c of FIXTURE.deterministicForests) {
    it(`without bootstrap and with all features, equals sklearn's forest exactly (${c.dataset})`, async () => {
      assert.ok(c.exact, 'sklearn itself is seed-independent here');
      const { data, labels } = await dataset(c.dataset, true);
      const model = await randomForestFamily.fit(data, labels, c.params, context());
      const out = outputOf(model, data);
      assert.equal(out.length, c.predictions.length);
      out.forEach((v, i) => assert.ok(Math.abs(v - c.predictions[i]) <= 1e-12, `row ${i}: ${v} vs ${c.predictions[i]}`));
    });
  }

  it('random forest importances on breast_cancer are as close to sklearn\'s as two sklearn seeds are to each other', async () => {
    const { data, labels } = await dataset('breast_cancer');
    const importance = (await randomForestFamily.fit(data, labels, {}, context(5))).featureImportance!();
    const l1 = importance.reduce((s, v, i) => s + Math.abs(v - FIXTURE.forestImportances.mean[i]), 0);
    assert.ok(l1 < FIXTURE.forestImportances.seedToSeedL1, `L1 distance ${l1}`);
    assert.ok(Math.abs(importance.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.ok(importance.every((v) => v >= 0));
  });
});

describe('forest behaviour', () => {
  for (const family of [randomForestFamily, extraTreesFamily]) {
    it(`${family.id}: same seed, same forest; another seed, another forest`, async () => {
      const { data, labels } = await dataset('iris');
      const fit = async (seed: number): Promise<TrainedModel> => family.fit(data, labels, { n_estimators: 10 }, context(seed));
      const [a, b, c] = [await fit(3), await fit(3), await fit(4)];
      assert.deepEqual(outputOf(a, data), outputOf(b, data));
      assert.equal(JSON.stringify(a.save()), JSON.stringify(b.save()));
      assert.notEqual(JSON.stringify(a.save().state), JSON.stringify(c.save().state));
    });

    it(`${family.id}: saves to JSON and loads back with bit-identical predictions`, async () => {
      for (const name of ['breast_cancer', 'diabetes']) {
        const { data, labels } = await dataset(name);
        const model = await family.fit(data, labels, { n_estimators: 20 }, context());
        const file = JSON.parse(JSON.stringify(model.save())) as ModelFile;
        const loaded = family.load(file);
        assert.deepEqual((loaded as TreeModel).trees, (model as TreeModel).trees, 'the node arrays rebuilt on load are the fitted ones');
        const before = outputOf(model, data);
        const after = outputOf(loaded, data);
        assert.ok(Buffer.from(before.buffer).equals(Buffer.from(after.buffer)), `${name}: predictions differ after load`);
        assert.deepEqual(loaded.featureImportance!(), model.featureImportance!());
        assert.equal((loaded as TreeModel).size.trees, 20);
      }
    });

    it(`${family.id}: progress per tree, yielding to the event loop between trees, and cancellation`, async () => {
      const { data, labels } = await dataset('diabetes');
      const progress: FitProgress[] = [];
      let heartbeats = 0;
      let beating = true;
      const beat = (): void => { heartbeats++; if (beating) { setImmediate(beat); } };
      setImmediate(beat);
      await family.fit(data, labels, { n_estimators: 5 }, { seed: 1, isCancelled: () => false, onProgress: (p) => progress.push(p) });
      beating = false;
      assert.deepEqual(progress, [1, 2, 3, 4, 5].map((step) => ({ unit: 'tree', step, total: 5 })));
      assert.ok(heartbeats >= 5, `the event loop ran ${heartbeats} times during the fit`);
      let seen = 0;
      await assert.rejects(
        family.fit(data, labels, { n_estimators: 50 }, { seed: 1, isCancelled: () => seen >= 3, onProgress: () => { seen++; } }),
        FitCancelledError,
      );
      assert.equal(seen, 3, 'no tree is grown after cancellation is seen');
    });
  }

  it('defaults follow scikit-learn: 100 trees, sqrt of the features for classification, all for regression, bootstrap only for random forests', async () => {
    const { data, labels } = await dataset('breast_cancer');
    const rf = await randomForestFamily.fit(data, labels, {}, context()) as TreeModel;
    assert.equal(rf.size.trees, 100);
    assert.deepEqual(rf.params, { n_estimators: 100, criterion: 'gini', max_depth: 'none', min_samples_split: 2, min_samples_leaf: 1, max_features: 'auto', min_impurity_decrease: 0, bootstrap: true });
    assert.equal((await extraTreesFamily.fit(data, labels, { n_estimators: 1 }, context())).params.bootstrap, false);
    // Sampling sqrt(30) = 5 features per split makes the trees differ even without bootstrap.
    const noBootstrap = await randomForestFamily.fit(data, labels, { n_estimators: 2, bootstrap: false }, context()) as TreeModel;
    const { roots, feature } = noBootstrap.trees;
    assert.notDeepEqual(Array.from(feature.subarray(roots[0], roots[1])), Array.from(feature.subarray(roots[1])));
  });

  it('extra trees draw thresholds strictly inside each node\'s range, not at midpoints', async () => {
    const { data, labels } = await dataset('iris');
    const model = await extraTreesFamily.fit(data, labels, { n_estimators: 5 }, context()) as TreeModel;
    const { feature, threshold } = model.trees;
    let splits = 0;
    let atMidpoints = 0;
    for (let i = 0; i < feature.length; i++) {
      if (feature[i] < 0) { continue; }
      splits++;
      const values = [...new Set(data.columns[feature[i]])].sort((a, b) => a - b);
      if (values.some((v, k) => k > 0 && Math.abs((values[k - 1] + v) / 2 - threshold[i]) < 1e-12)) { atMidpoints++; }
      assert.ok(threshold[i] >= values[0] && threshold[i] < values[values.length - 1]);
    }
    assert.ok(splits > 20 && atMidpoints < splits / 4, `${atMidpoints} of ${splits} thresholds at midpoints`);
  });
});

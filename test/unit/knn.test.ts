import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { knnFamily } from '../../src/engine/models/knn/knnFamily';
import { KdTree } from '../../src/engine/models/knn/kdTree';
import { BruteForceSearch, toRowMajor, type NeighbourSearch } from '../../src/engine/models/knn/nearestNeighbours';
import { FitCancelledError, type FeatureMatrix, type FitContext, type Labels, type ModelFile, type TrainedModel } from '../../src/engine/models/types';
import { seededRandom } from '../../src/engine/random';
import { maxAbsDiff, sampleSplit } from '../fixtures/models-sklearn/sampleSplits';
import { ROOT } from './tempDir';

interface ClassifierCase { dataset: string; k: number; weights: string; classes: string[]; ambiguousRows: number; probabilities: number[][] }
interface RegressorCase { dataset: string; k: number; weights: string; ambiguousRows: number; predictions: number[] }
interface ExactMatches { k: number; irisProbabilities: number[][]; diabetesPredictions: number[] }
const fixture = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'models-sklearn', 'knn.json'), 'utf8')) as {
  classifier: ClassifierCase[]; regressor: RegressorCase[]; exactMatches: ExactMatches;
};
const context: FitContext = { seed: 1, isCancelled: () => false };
const targets: Record<string, string> = { iris: 'species', digits: 'digit' };

function assertReloadIdentical(model: TrainedModel, data: FeatureMatrix): void {
  const reloaded = knnFamily.load(JSON.parse(JSON.stringify(model.save())) as ModelFile);
  assert.deepEqual(reloaded.predict(data), model.predict(data));
}

const matrix = (rows: number[][]): FeatureMatrix => ({
  names: rows[0].map((_, j) => `x${j}`), columns: rows[0].map((_, j) => Float64Array.from(rows, (r) => r[j])), rows: rows.length,
});

describe('kNN against scikit-learn', () => {
  for (const expected of fixture.classifier) {
    it(`KNeighborsClassifier(k=${expected.k}, ${expected.weights}) on raw ${expected.dataset}`, async () => {
      // The fixture holds only cases without a tie across the k-th place between classes, where
      // the neighbour set (and so the answer) does not depend on the tie order.
      assert.equal(expected.ambiguousRows, 0);
      const split = await sampleSplit(ROOT, expected.dataset, targets[expected.dataset], 'multiclass');
      assert.deepEqual(split.labels.classes, expected.classes);
      const model = await knnFamily.fit(split.train, split.labels, { k: expected.k, weights: expected.weights }, context);
      const probabilities = model.predict(split.test).probabilities as Float64Array;
      assert.ok(maxAbsDiff(probabilities, expected.probabilities.flat()) <= 1e-12);
      assertReloadIdentical(model, split.test);
    });
  }
  for (const expected of fixture.regressor) {
    it(`KNeighborsRegressor(k=${expected.k}, ${expected.weights}) on raw diabetes`, async () => {
      assert.equal(expected.ambiguousRows, 0);
      const split = await sampleSplit(ROOT, 'diabetes', 'progression', 'regression');
      const model = await knnFamily.fit(split.train, split.labels, { k: expected.k, weights: expected.weights }, context);
      const values = model.predict(split.test).values as Float64Array;
      assert.ok(maxAbsDiff(values, expected.predictions) <= 1e-12 * Math.max(...expected.predictions.map(Math.abs)));
      assertReloadIdentical(model, split.test);
    });
  }
});

describe('kNN against scikit-learn on queries equal to training rows (distance weights)', () => {
  const first40 = (m: FeatureMatrix): FeatureMatrix => ({ ...m, columns: m.columns.map((c) => c.subarray(0, 40)), rows: 40 });
  it('KNeighborsClassifier(k=5, distance) on iris training rows', async () => {
    const split = await sampleSplit(ROOT, 'iris', 'species', 'multiclass');
    const model = await knnFamily.fit(split.train, split.labels, { k: fixture.exactMatches.k, weights: 'distance' }, context);
    const probabilities = model.predict(first40(split.train)).probabilities as Float64Array;
    assert.ok(maxAbsDiff(probabilities, fixture.exactMatches.irisProbabilities.flat()) <= 1e-12);
  });
  it('KNeighborsRegressor(k=5, distance) on diabetes training rows', async () => {
    const split = await sampleSplit(ROOT, 'diabetes', 'progression', 'regression');
    const model = await knnFamily.fit(split.train, split.labels, { k: fixture.exactMatches.k, weights: 'distance' }, context);
    const values = model.predict(first40(split.train)).values as Float64Array;
    // Each row is its own only exact match: the prediction is its own target.
    assert.deepEqual(Array.from(values), Array.from(split.labels.y.subarray(0, 40)));
    assert.ok(maxAbsDiff(values, fixture.exactMatches.diabetesPredictions) <= 1e-12 * 400);
  });
});

describe('kNN search', () => {
  it('brute force and the k-d tree find the same neighbours as a full stable sort, ties by row index', () => {
    const random = seededRandom(7);
    const rows = 700;
    for (const [d, levels] of [[1, 5], [3, 4], [5, 3], [8, 1000]]) {
      // Few distinct values (levels): many rows at exactly the same distance from a query, and
      // columns of equal values for the tree to split; 1000 levels for the general case.
      const train = Float64Array.from({ length: rows * d }, () => Math.floor(random() * levels) / 4);
      for (const k of [1, 4, 17, rows]) {
        const searches: [string, NeighbourSearch][] = [['brute', new BruteForceSearch(train, rows, d, k)], ['tree', new KdTree(train, rows, d, k)]];
        for (let q = 0; q < 40; q++) {
          const query = Float64Array.from({ length: d }, () => Math.floor(random() * (levels + 1)) / 4 - 0.1 * (q % 2));
          const all = Array.from({ length: rows }, (_, i) => {
            let sum = 0;
            for (let j = 0; j < d; j++) { sum += (query[j] - train[i * d + j]) ** 2; }
            return { i, sum };
          });
          all.sort((a, b) => a.sum - b.sum || a.i - b.i);
          for (const [name, search] of searches) {
            const found = search.search(query);
            assert.deepEqual(Array.from(found.indices), all.slice(0, k).map((e) => e.i), `${name} d=${d} k=${k}`);
            assert.deepEqual(Array.from(found.squaredDistances), all.slice(0, k).map((e) => e.sum));
          }
        }
      }
    }
  });

  it('breaks a tie at the k-th place by the earlier training row', async () => {
    // Rows 1 and 3 are both at distance 1 from 0; with k = 2 the second neighbour is row 1.
    const train = matrix([[0.5], [-1], [2], [1]]);
    const labels: Labels = { task: 'binary', y: Float64Array.from([0, 1, 0, 0]), classes: ['a', 'b'] };
    const model = await knnFamily.fit(train, labels, { k: 2 }, context);
    assert.deepEqual(Array.from(model.predict(matrix([[0]])).probabilities as Float64Array), [0.5, 0.5]);
    const swapped = await knnFamily.fit(train, { ...labels, y: Float64Array.from([0, 0, 0, 1]) }, { k: 2 }, context);
    assert.deepEqual(Array.from(swapped.predict(matrix([[0]])).probabilities as Float64Array), [1, 0]);
  });

  it('with distance weights, uses only exact matches when a query equals training rows', async () => {
    const train = matrix([[1, 1], [1, 1], [2, 2], [0, 0]]);
    const labels: Labels = { task: 'multiclass', y: Float64Array.from([0, 2, 1, 1]), classes: ['a', 'b', 'c'] };
    const model = await knnFamily.fit(train, labels, { k: 3, weights: 'distance' }, context);
    assert.deepEqual(Array.from(model.predict(matrix([[1, 1]])).probabilities as Float64Array), [0.5, 0, 0.5]);
    const regression = await knnFamily.fit(train, { task: 'regression', y: Float64Array.from([10, 20, 30, 40]) }, { k: 3, weights: 'distance' }, context);
    assert.deepEqual(Array.from(regression.predict(matrix([[1, 1]])).values as Float64Array), [15]);
    // Away from the rows: 1 / distance weights. From (0, 2): rows 0 and 1 at sqrt 2, then rows 2
    // and 3 tie at 2 and the earlier, row 2, is the third neighbour.
    const values = regression.predict(matrix([[0, 2]])).values as Float64Array;
    const w = 1 / Math.SQRT2;
    assert.ok(Math.abs(values[0] - (10 * w + 20 * w + 30 * 0.5) / (2 * w + 0.5)) < 1e-12);
  });

  it('uses every row when k exceeds the rows, and keeps rows and labels it was given', async () => {
    const train = matrix([[0], [1], [5]]);
    const model = await knnFamily.fit(train, { task: 'regression', y: Float64Array.from([1, 2, 6]) }, { k: 10 }, context);
    assert.deepEqual(Array.from(model.predict(matrix([[100], [-3]])).values as Float64Array), [3, 3]);
    assert.equal(model.params.k, 10);
    assert.equal(model.save().state.k, 3);
    train.columns[0][0] = 50;
    assert.deepEqual(Array.from(model.predict(matrix([[0]])).values as Float64Array), [3]);
  });

  it('names a feature with missing values, refuses bad k, and honours cancellation', async () => {
    const train = { ...matrix([[0, 1], [1, 1], [2, 2]]), names: ['age', 'fare'] };
    const labels: Labels = { task: 'regression', y: Float64Array.from([1, 2, 3]) };
    train.columns[1][2] = NaN;
    await assert.rejects(knnFamily.fit(train, labels, {}, context), /feature "fare".*missing values \(row 3\)/);
    train.columns[1][2] = 2;
    await assert.rejects(knnFamily.fit(train, labels, { k: 0 }, context), /k must be at least 1/);
    await assert.rejects(knnFamily.fit(train, labels, { k: 2.5 }, context), /k must be an integer/);
    await assert.rejects(knnFamily.fit(train, labels, {}, { seed: 1, isCancelled: () => true }), FitCancelledError);
  });

  it('converts column-major features to row-major', () => {
    assert.deepEqual(Array.from(toRowMajor([Float64Array.from([1, 2, 3]), Float64Array.from([4, 5, 6])], 3)), [1, 4, 2, 5, 3, 6]);
  });
});

import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as aq from 'arquero';
import type { LeaderboardRow, TrainingResult } from '../../src/shared/training/types';
import { readCsv } from '../../src/engine/data/csvReader';
import { baselineFamily } from '../../src/engine/models/baseline/baselineFamily';
import { randomForestFamily } from '../../src/engine/models/forest/forestFamilies';
import { decisionTreeFamily } from '../../src/engine/models/tree/decisionTreeFamily';
import { FitCancelledError } from '../../src/engine/models/types';
import type { FamilyId, ModelFamily } from '../../src/engine/models/types';
import { toFrame } from '../../src/engine/pipeline/frame';
import { deriveSeed, seededRandom } from '../../src/engine/random';
import { columnFolds, kFold, stratifiedKFold } from '../../src/engine/training/folds';
import { adaptFrame, fitEncoding, fitTransforms } from '../../src/engine/training/inputAdapter';
import { sortRows } from '../../src/engine/training/leaderboard';
import { listRuns } from '../../src/engine/training/listRuns';
import { loadBundle, predictFrame } from '../../src/engine/training/modelBundle';
import { prepareSplit } from '../../src/engine/training/prepareSplit';
import { ProgressThrottle } from '../../src/engine/training/progressThrottle';
import type { RunRecord } from '../../src/engine/training/runRecord';
import { runTraining } from '../../src/engine/training/runTraining';
import { drawParams, runSearch } from '../../src/engine/training/search';
import type { Candidate } from '../../src/engine/training/search';
import { loadTrainingInput } from '../../src/engine/training/trainingInput';
import { ROOT, tempDir } from './tempDir';

const DATA = path.join(ROOT, 'test', 'fixtures', 'datasets');
const IRIS = path.join(DATA, 'iris.csv');

/** A test-only family that never finishes on its own: only isCancelled (budget or user) ends its fit. */
function stallFamily(onStep?: (step: number) => void): ModelFamily {
  return {
    ...baselineFamily,
    id: 'mlp' as FamilyId,
    label: 'Stalls until cancelled',
    async fit(_data, _labels, _params, context) {
      for (let step = 0; ; step++) {
        onStep?.(step);
        if (context.isCancelled()) { throw new FitCancelledError(); }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}

/** The leaderboard without what depends on the clock. */
function untimed(rows: readonly LeaderboardRow[]): object[] {
  return rows.map(({ fitSeconds: _f, predictMsPerRow: _p, sizeBytes: _s, ...rest }) => rest);
}

function readRun(result: TrainingResult): RunRecord {
  return JSON.parse(readFileSync(path.join(result.runDir, 'run.json'), 'utf8')) as RunRecord;
}

describe('folds', () => {
  it('stratified k-fold covers every row once and keeps class counts within one per fold', () => {
    const y = Float64Array.from([...Array(10).fill(0), ...Array(37).fill(1), ...Array(56).fill(2)]);
    const plan = stratifiedKFold(y, 3, 5, 42);
    const seen = new Int32Array(y.length);
    for (const fold of plan.folds) {
      for (const i of fold.valid) { seen[i]++; }
      assert.equal(fold.train.length + fold.valid.length, y.length);
      assert.ok(fold.valid.every((i) => !fold.train.includes(i)));
    }
    assert.ok(seen.every((n) => n === 1));
    for (let c = 0; c < 3; c++) {
      const counts = plan.folds.map((f) => [...f.valid].filter((i) => y[i] === c).length);
      assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `class ${c}: ${counts}`);
    }
    assert.deepEqual(stratifiedKFold(y, 3, 5, 42), plan, 'same seed, same folds');
    assert.notDeepEqual(stratifiedKFold(y, 3, 5, 43), plan, 'another seed, other folds');
  });

  it('k-fold sizes differ by at most one; a fold column gives one fold per value', () => {
    assert.deepEqual(kFold(10, 3, 0).folds.map((f) => f.valid.length), [4, 3, 3]);
    assert.throws(() => kFold(3, 5, 0), /5 folds need at least 5 rows/);
    const plan = columnFolds(['b', 'a', null, 'b', 'c'], 'group');
    assert.deepEqual(plan.names, ['a', 'b', 'c']);
    assert.deepEqual(plan.folds.map((f) => [...f.valid]), [[1], [0, 3], [4]]);
    assert.ok(plan.folds.every((f) => f.train.includes(2)), 'a row without a fold always trains');
  });
});

describe('model inputs', () => {
  it('the adapter codes text with training categories, fills and scales from training rows only', () => {
    const train = aq.table({ x: [1, 2, NaN, 7], c: ['b', 'a', 'b', null], flag: [0, 1, 1, 0], y: [0, 1, 0, 1] });
    const encoding = fitEncoding(train, ['y'], new Set(['flag']));
    assert.deepEqual(encoding.features, [{ name: 'x', categorical: false }, { name: 'c', categories: ['a', 'b'], categorical: true }, { name: 'flag', categorical: true }]);
    const adapter = fitTransforms(encoding, adaptFrame(train, encoding), { needsScaling: true, handlesMissing: false });
    assert.deepEqual(adapter.fill, [2, 1, 0]);
    assert.equal(adapter.scale?.[2], null, '0/1 indicators stay as they are');
    const mean = (1 + 2 + 2 + 7) / 4;
    assert.deepEqual(adapter.scale?.[0], { mean, std: Math.sqrt(((1 - mean) ** 2 + 2 * (2 - mean) ** 2 + (7 - mean) ** 2) / 4) });
    const other = adaptFrame(aq.table({ x: [NaN], c: ['zebra'], flag: [1], y: [0] }), { ...encoding });
    assert.ok(Number.isNaN(other.columns[1][0]), 'an unseen category is missing');
    const filled = adaptFrame(aq.table({ x: [NaN], c: ['zebra'], flag: [1], y: [0] }), adapter);
    assert.equal(filled.columns[0][0], (2 - mean) / adapter.scale![0]!.std);
    assert.equal(filled.categorical?.[2], true);
  });

  it('infers the task and builds the default pipeline from the CSV', async () => {
    const titanic = await loadTrainingInput({ path: path.join(DATA, 'titanic.csv'), target: 'survived' });
    assert.equal(titanic.task, 'binary');
    assert.deepEqual(titanic.classes, ['no', 'yes']);
    assert.deepEqual(titanic.steps.map((s) => [s.kind, 'columns' in s ? s.columns : []]), [['drop', ['name']], ['impute', ['age']], ['encode', ['sex', 'passengerClass']]]);
    assert.equal((await loadTrainingInput({ path: path.join(DATA, 'diabetes.csv'), target: 'progression' })).task, 'regression');
    const digits = await loadTrainingInput({ path: path.join(DATA, 'digits.csv'), target: 'digit' });
    assert.equal(digits.task, 'multiclass');
    assert.deepEqual(digits.classes, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    await assert.rejects(loadTrainingInput({ path: IRIS, target: 'nope' }), /Unknown target "nope"/);
    await assert.rejects(loadTrainingInput({ path: IRIS, target: 'species', task: 'regression' }), /not a number/);
  });

  it('a fold\'s validation rows do not change what the pipeline and the adapter learn', async () => {
    const dir = tempDir();
    const lines = (validX: (i: number) => string, validC: (i: number) => string) => ['x,c,y', ...Array.from({ length: 40 }, (_, i) => {
      const valid = i >= 30;
      const x = i % 7 === 3 ? '' : valid ? validX(i) : String((i * 37) % 11);
      return `${x},${valid ? validC(i) : ['red', 'green', 'blue'][i % 3]},${i % 2 === 0 ? 'yes' : 'no'}`;
    })].join('\n');
    writeFileSync(path.join(dir, 'a.csv'), lines((i) => String(i % 5), (i) => ['red', 'green'][i % 2]));
    writeFileSync(path.join(dir, 'b.csv'), lines((i) => String(1e9 + i), () => 'violet'));
    const train = Int32Array.from({ length: 30 }, (_, i) => i);
    const valid = Int32Array.from({ length: 10 }, (_, i) => 30 + i);
    const split = async (file: string) => {
      const input = await loadTrainingInput({ path: path.join(dir, file), target: 'y' });
      input.steps = [...input.steps, { kind: 'scale', columns: ['x'], method: 'standard' }];
      return prepareSplit(input, train, valid);
    };
    const a = await split('a.csv');
    const b = await split('b.csv');
    const needs = { needsScaling: true, handlesMissing: false };
    assert.deepEqual(a.steps, b.steps);
    assert.deepEqual(a.encoding, b.encoding);
    assert.deepEqual(a.variant(needs).adapter, b.variant(needs).adapter);
    assert.deepEqual(a.variant(needs).train, b.variant(needs).train);
    assert.notDeepEqual(a.variant(needs).valid, b.variant(needs).valid, 'the validation rows did differ');
    const trainX = Array.from({ length: 30 }, (_, i) => (i % 7 === 3 ? NaN : (i * 37) % 11)).filter((v) => !Number.isNaN(v)).sort((p, q) => p - q);
    const impute = a.steps.find((s) => s.kind === 'impute') as { fitted: Record<string, number> };
    assert.equal(impute.fitted.x, (trainX[12] + trainX[13]) / 2, 'the median of the training rows');
  });
});

describe('search', () => {
  it('draws hyperparameters inside their ranges, reproducibly', () => {
    const draws = Array.from({ length: 50 }, (_, i) => drawParams(decisionTreeFamily, seededRandom(i)));
    for (const d of draws) {
      assert.ok(['gini', 'entropy'].includes(d.criterion as string));
      assert.ok(Number.isInteger(d.min_samples_leaf) && (d.min_samples_leaf as number) >= 1 && (d.min_samples_leaf as number) <= 20);
      assert.ok((d.min_impurity_decrease as number) >= 0 && (d.min_impurity_decrease as number) <= 0.05);
    }
    assert.deepEqual(drawParams(decisionTreeFamily, seededRandom(3)), draws[3]);
  });

  it('tries defaults first, then spends the trials on the most promising family', async () => {
    const ran: Candidate[] = [];
    const stop = await runSearch({ families: [baselineFamily, decisionTreeFamily, randomForestFamily], seed: 1, maxTrials: 11, isCancelled: () => false, higherIsBetter: true },
      async (c) => { ran.push(c); return { status: 'ok', score: c.family.id === 'randomForest' ? 0.9 : c.family.id === 'decisionTree' ? 0.8 : 0.3 }; });
    assert.equal(stop, 'trials');
    assert.deepEqual(ran.slice(0, 3).map((c) => [c.family.id, c.phase]), [['baseline', 'defaults'], ['decisionTree', 'defaults'], ['randomForest', 'defaults']]);
    const searched = ran.slice(3).map((c) => c.family.id);
    assert.ok(!searched.includes('baseline'), 'nothing to search in the baseline');
    assert.ok(searched.filter((f) => f === 'randomForest').length > searched.filter((f) => f === 'decisionTree').length);
    assert.deepEqual(ran.map((c) => c.model), ran.map((c) => `${c.family.id}-${c.trial}`));
  });

  it('sorts rows by the metric\'s direction, undefined last', () => {
    const row = (model: string, rmse: number | null, trial: number) => ({ model, trial, cv: { rmse: { mean: rmse, std: 0 } } }) as unknown as LeaderboardRow;
    assert.deepEqual(sortRows([row('a', 3, 1), row('b', null, 2), row('c', 1, 3), row('d', 3, 4)], 'rmse').map((r) => r.model), ['c', 'a', 'd', 'b']);
  });
});

describe('training runs', () => {
  const families = [baselineFamily, decisionTreeFamily, randomForestFamily];

  it('the same seed and trial budget give the same leaderboard; the saved model predicts as fitted', async () => {
    const runs = tempDir();
    const params = { path: IRIS, target: 'species', seed: 7, folds: 4, budget: { trials: 7 }, runsDir: runs };
    const first = await runTraining(params, {}, families);
    const second = await runTraining(params, {}, families);
    assert.notEqual(first.runDir, second.runDir, 'a run never overwrites another');
    assert.equal(first.trials.length, 7);
    assert.ok(first.trials.some((r) => r.phase === 'search'));
    assert.deepEqual(untimed(second.leaderboard), untimed(first.leaderboard));
    assert.deepEqual(untimed(second.trials), untimed(first.trials));
    const other = await runTraining({ ...params, seed: 8 }, {}, families);
    assert.notDeepEqual(untimed(other.trials), untimed(first.trials), 'another seed, another run');

    const record = readRun(first);
    assert.equal(record.status, 'complete');
    assert.equal(record.data.sources[0].sha256.length, 64);
    assert.equal(record.trials[0].folds.length, 4);
    assert.deepEqual(record.models.map((m) => m.model).sort(), first.leaderboard.map((r) => r.model).sort());
    for (const row of first.leaderboard) { assert.ok(row.sizeBytes! > 0 && existsSync(path.join(first.runDir, 'models', `${row.model}.json`))); }

    // Raw rows through the saved pipeline, adapter and model = a fresh fit on all rows with the run's seed.
    const tree = first.leaderboard.find((r) => r.family === 'decisionTree')!;
    const { bundle, model } = await loadBundle(path.join(first.runDir, 'models', `${tree.model}.json`), families);
    const frame = toFrame(await readCsv({ path: IRIS }));
    const input = await loadTrainingInput(params);
    const all = prepareSplit(input, null);
    const fresh = await decisionTreeFamily.fit(all.variant(decisionTreeFamily).train, all.train.labels, tree.params, { seed: deriveSeed(7, 'final', tree.model), isCancelled: () => false });
    assert.deepEqual(predictFrame(bundle, model, frame).probabilities, fresh.predict(all.variant(decisionTreeFamily).train).probabilities);
  });

  it('cancelling keeps the finished trials and records a cancelled run', async () => {
    const runs = tempDir();
    let finished = 0;
    const result = await runTraining({ path: IRIS, target: 'species', budget: { trials: 10 }, runsDir: runs }, { isCancelled: () => finished >= 2, onTrial: () => { finished++; } }, families);
    assert.equal(result.cancelled, true);
    assert.equal(result.stopReason, 'cancelled');
    assert.deepEqual(result.leaderboard.map((r) => r.family).sort(), ['baseline', 'decisionTree']);
    const record = readRun(result);
    assert.equal(record.status, 'cancelled');
    assert.equal(record.trials.length, 2);
    assert.deepEqual(untimed(record.leaderboard), untimed(result.leaderboard));

    // A cancel arriving in the middle of a fit cuts it; the finished trial stays.
    let cancel = false;
    const cut = await runTraining({ path: IRIS, target: 'species', runsDir: runs }, { isCancelled: () => cancel }, [baselineFamily, stallFamily((step) => { if (step === 3) { cancel = true; } })]);
    assert.equal(cut.cancelled, true);
    assert.deepEqual(cut.leaderboard.map((r) => r.model), ['baseline-1']);
    assert.deepEqual(cut.incomplete.map((t) => [t.model, t.status]), [['mlp-2', 'cut']]);
    assert.equal(readRun(cut).status, 'cancelled');
  });

  it('a trial that would take more than a third of the time budget is stopped; the results so far are kept', async () => {
    const result = await runTraining({ path: IRIS, target: 'species', budget: { seconds: 0.5 }, runsDir: tempDir() }, {}, [baselineFamily, stallFamily()]);
    assert.equal(result.cancelled, false);
    assert.deepEqual(result.leaderboard.map((r) => r.model), ['baseline-1']);
    assert.deepEqual(result.incomplete.map((t) => t.status), ['cut']);
    assert.match(readRun(result).trials[1].error ?? '', /a third of the time budget/);
    assert.ok(result.leaderboard[0].sizeBytes! > 0, 'the best model is still refitted and saved');
    assert.equal(readRun(result).status, 'complete');
  });

  it('the time budget stops a running fit', async () => {
    const result = await runTraining({ path: IRIS, target: 'species', budget: { seconds: 0.5 }, runsDir: tempDir() }, {}, [stallFamily()]);
    assert.equal(result.stopReason, 'time');
    assert.deepEqual(result.incomplete.map((t) => t.status), ['cut']);
    assert.deepEqual(result.leaderboard, []);
  });

  it('a family that fails is recorded and the run goes on', async () => {
    const broken: ModelFamily = { ...decisionTreeFamily, id: 'knn', label: 'Broken', async fit() { throw new Error('singular matrix'); } };
    const result = await runTraining({ path: IRIS, target: 'species', runsDir: tempDir() }, {}, [baselineFamily, broken]);
    assert.equal(result.stopReason, 'complete');
    assert.deepEqual(result.leaderboard.map((r) => r.model), ['baseline-1']);
    assert.deepEqual(result.incomplete, [{ model: 'knn-2', family: 'knn', trial: 2, params: result.incomplete[0].params, status: 'failed', error: 'singular matrix' }]);
    assert.equal(readRun(result).trials[1].status, 'failed');
  });

  it('progress is throttled: the newest report goes out, the last one always', () => {
    const sent: number[] = [];
    const throttle = new ProgressThrottle<number>((n) => sent.push(n), 60_000);
    for (let i = 1; i <= 100; i++) { throttle.push(i); }
    assert.deepEqual(sent, [1]);
    throttle.flush();
    assert.deepEqual(sent, [1, 100]);
  });

  it('a project trains on its source, checks its success criteria and lists its runs', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, 'samples', 'penguins'), dir, { recursive: true });
    const projectFile = path.join(dir, 'mlworkflow.json');
    const progress: string[] = [];
    const result = await runTraining({ path: projectFile, families: ['baseline', 'decisiontree'], budget: { trials: 3 } }, { onProgress: (p) => progress.push(p.phase) }, families);
    assert.equal(result.task, 'multiclass');
    assert.equal(result.target, 'Species');
    assert.equal(result.metric, 'accuracy');
    assert.equal(path.dirname(result.runDir), path.join(dir, 'runs'));
    const [best, baseline] = result.leaderboard;
    assert.equal(best.family, 'decisionTree');
    assert.deepEqual(baseline.criteria?.map((c) => [c.metric, c.met]), [['accuracy', false], ['f1_macro', false]]);
    assert.equal(baseline.meetsCriteria, false);
    assert.equal(best.criteria?.[0].value, best.cv.accuracy.mean);
    assert.equal(progress.at(-1), 'done');
    const listed = await listRuns(projectFile);
    assert.deepEqual(listed.map((r) => [r.id, r.status, r.leaderboard.length]), [[result.runId, 'complete', 2]]);
    assert.deepEqual(readdirSync(path.join(result.runDir, 'models')).sort(), result.leaderboard.map((r) => `${r.model}.json`).sort());
    await assert.rejects(runTraining({ path: projectFile, families: ['nosuch'] }, {}, families), /Unknown model "nosuch"/);
  });
});

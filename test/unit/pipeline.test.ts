import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as aq from 'arquero';
import { readCsv } from '../../src/engine/data/csvReader';
import { toFrame } from '../../src/engine/pipeline/frame';
import { applyPipeline, fitPipeline } from '../../src/engine/pipeline/runPipeline';
import type { PipelineStep } from '../../src/shared/pipeline/types';
import { ROOT } from './tempDir';

const titanic = async () => toFrame(await readCsv({ path: path.join(ROOT, 'test', 'fixtures', 'datasets', 'titanic.csv') }));

describe('preprocessing pipeline', () => {
  it('runs every step kind on titanic, and counts rows and columns after each', async () => {
    const steps: PipelineStep[] = [
      { kind: 'drop', columns: ['name'] },
      { kind: 'rename', mapping: { passengerClass: 'class' } },
      { kind: 'impute', columns: ['age'], strategy: 'median' },
      { kind: 'outliers', columns: ['age'], method: 'iqr', action: 'clip' },
      { kind: 'derive', column: 'child', expression: 'd => d.age < 12 ? 1 : 0' },
      { kind: 'filter', expression: 'd => d.class !== "1st" || d.age > 1' },
      { kind: 'encode', columns: ['sex', 'class'], method: 'onehot' },
      { kind: 'dedupe' },
      { kind: 'scale', columns: ['age'], method: 'standard' },
    ];
    const { frame, steps: fitted, counts } = fitPipeline(steps, await titanic());
    assert.deepEqual(frame.columnNames(), ['survived', 'age', 'child', 'sex_male', 'sex_female', 'class_3rd', 'class_1st', 'class_2nd']);
    assert.equal((fitted[2] as { fitted: Record<string, number> }).fitted.age, 28);
    // Fences learned after imputation, as pandas computes them on the imputed column: 2.5 and 54.5.
    assert.deepEqual((fitted[3] as { fitted: Record<string, number[]> }).fitted.age, [2.5, 54.5]);
    const ages = frame.array('age') as number[];
    const mean = ages.reduce((s, v) => s + v, 0) / ages.length;
    assert.ok(Math.abs(mean) < 1e-9, 'standardised on the rows it was fitted on');
    assert.equal(counts[0].columns, 4);
    assert.ok(counts[7].rows < counts[6].rows, 'dedupe removed rows');
  });

  it('learns only from training rows: test rows change nothing that was fitted', async () => {
    const all = await titanic();
    const train = all.slice(0, 900);
    const test = all.slice(900);
    const steps: PipelineStep[] = [
      { kind: 'impute', columns: ['age'], strategy: 'mean' },
      { kind: 'scale', columns: ['age'], method: 'robust' },
      { kind: 'encode', columns: ['passengerClass'], method: 'frequency' },
    ];
    const fitted = fitPipeline(steps, train).steps;
    // Wildly different test rows: the fitted parameters must still be the training ones.
    const shifted = test.derive({ age: aq.escape((d: { age: number }) => d.age * 100) });
    const applied = applyPipeline(fitted, shifted);
    assert.deepEqual(applied.steps, fitted);
    const trainAges = (train.array('age') as number[]).filter((v) => !Number.isNaN(v));
    const trainMean = trainAges.reduce((s, v) => s + v, 0) / trainAges.length;
    assert.equal((fitted[0] as { fitted: Record<string, number> }).fitted.age, trainMean);
    const refit = fitPipeline(steps, all).steps;
    assert.notDeepEqual(refit, fitted, 'fitting on all rows would have learned something else');
  });

  it('casts columns and takes date parts (weekday Monday = 0, as pandas)', () => {
    const frame = aq.table({ when: ['2024-03-01', '2024-12-31 23:30:00', null, 'not a date'], code: ['7', 'x', null, '2.5'] });
    const { frame: out } = fitPipeline([
      { kind: 'dateParts', column: 'when', parts: ['year', 'month', 'day', 'weekday', 'hour'], drop: true },
      { kind: 'cast', column: 'code', to: 'number' },
    ], frame);
    assert.deepEqual(out.columnNames(), ['code', 'when_year', 'when_month', 'when_day', 'when_weekday', 'when_hour']);
    assert.deepEqual(out.objects()[0], { code: 7, when_year: 2024, when_month: 3, when_day: 1, when_weekday: 4, when_hour: 0 });
    assert.deepEqual(out.objects()[1], { code: NaN, when_year: 2024, when_month: 12, when_day: 31, when_weekday: 1, when_hour: 23 });
    assert.ok(Number.isNaN((out.objects()[3] as Record<string, number>).when_year));
  });

  it('names the bad step and runs nothing further', async () => {
    const frame = await titanic();
    assert.throws(() => fitPipeline([{ kind: 'drop', columns: ['name'] }, { kind: 'scale', columns: ['agee'], method: 'standard' }], frame),
      /Step 2 \(scale\): unknown column "agee" \(columns here: survived, sex, age, passengerClass\)/);
    assert.throws(() => fitPipeline([{ kind: 'filter', expression: 'd => d.age >>>> 3' }], frame), /Step 1 \(filter\):/);
    assert.throws(() => applyPipeline([{ kind: 'scale', columns: ['age'], method: 'standard' }], frame), /Step 1 \(scale\): it has not been fitted/);
    assert.throws(() => fitPipeline([{ kind: 'impute', columns: ['sex'], strategy: 'constant' }], frame), /Step 1 \(impute\): a constant to fill in is needed/);
  });
});

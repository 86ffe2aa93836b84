import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Task } from '../../src/shared/project/types';
import { computeMetrics, higherIsBetter, predictedClasses, primaryMetric, reportedMetrics, summarise } from '../../src/engine/evaluate/metrics';
import { ROOT } from './tempDir';

interface Case {
  name: string;
  kind: Task;
  classes?: number;
  y: number[];
  probabilities?: number[];
  values?: number[];
  expected: Record<string, number | null>;
}

const fixture = JSON.parse(readFileSync(path.join(process.env.MLW_ROOT ?? ROOT, 'test', 'fixtures', 'metrics-sklearn', 'cases.json'), 'utf8')) as { sklearn: string; cases: Case[] };

function close(actual: number, expected: number | null, what: string): void {
  if (expected === null) { assert.ok(Number.isNaN(actual), `${what}: scikit-learn raises, expected NaN, got ${actual}`); return; }
  const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs scikit-learn ${expected}`);
}

describe('metrics against scikit-learn 1.2.1', () => {
  it('the fixture comes from scikit-learn 1.2.1', () => {
    assert.equal(fixture.sklearn, '1.2.1');
    assert.ok(fixture.cases.length >= 15);
  });

  for (const c of fixture.cases) {
    it(`${c.name}`, () => {
      const names = Object.keys(c.expected);
      const y = Float64Array.from(c.y);
      const predictions = c.kind === 'regression' ? { values: Float64Array.from(c.values!) } : { probabilities: Float64Array.from(c.probabilities!) };
      const got = computeMetrics(c.kind, y, predictions, c.classes ?? 0, names);
      for (const name of names) { close(got[name], c.expected[name], `${c.name} ${name}`); }
    });
  }
});

describe('metric helpers', () => {
  it('argmax takes the first of tied probabilities', () => {
    assert.deepEqual([...predictedClasses(Float64Array.from([0.5, 0.5, 0.2, 0.4, 0.4, 0.3, 0.3, 0.4]), 2)], [0, 1, 0, 1]);
  });

  it('knows each metric\'s direction', () => {
    assert.equal(higherIsBetter('roc_auc'), true);
    assert.equal(higherIsBetter('log_loss'), false);
    assert.equal(higherIsBetter('rmse'), false);
    assert.equal(higherIsBetter('r2'), true);
    assert.throws(() => higherIsBetter('nonsense'), /Unknown metric/);
  });

  it('the primary metric is the first applicable success criterion, else accuracy / rmse', () => {
    assert.equal(primaryMetric('binary'), 'accuracy');
    assert.equal(primaryMetric('regression'), 'rmse');
    assert.equal(primaryMetric('binary', [{ metric: 'roc_auc', comparator: '>=', threshold: 0.85 }]), 'roc_auc');
    // r2 cannot rank a classifier: the next criterion that applies wins.
    assert.equal(primaryMetric('multiclass', [{ metric: 'r2', comparator: '>=', threshold: 0.5 }, { metric: 'f1_macro', comparator: '>=', threshold: 0.9 }]), 'f1_macro');
    assert.deepEqual(reportedMetrics('binary', [{ metric: 'recall', comparator: '>=', threshold: 0.8 }]), ['accuracy', 'f1_macro', 'roc_auc', 'log_loss', 'recall']);
    assert.deepEqual(reportedMetrics('regression'), ['rmse', 'mae', 'r2']);
  });

  it('summarises fold scores with the population std over finite scores', () => {
    assert.deepEqual(summarise([1, 2, 3, 4]), { mean: 2.5, std: Math.sqrt(1.25) });
    assert.deepEqual(summarise([NaN, 2, 4]), { mean: 3, std: 1 });
    assert.deepEqual(summarise([NaN]), { mean: null, std: null });
  });
});

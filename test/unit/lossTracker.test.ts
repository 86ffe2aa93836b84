import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LossTracker } from '../../src/extension/panels/trainingLoss';
import type { TrainingProgress } from '../../src/shared/training/types';

const report = (change: Partial<TrainingProgress>): TrainingProgress => ({ phase: 'search', elapsedSeconds: 1, leaderboard: [], ...change });

describe('the loss curve of the training panel', () => {
  it('takes every loss a throttled report carries, in order, and skips repeats', () => {
    const tracker = new LossTracker();
    const recentLosses = [1, 2, 3].map((step) => ({ model: 'gbt-4', fold: 1, step, trainLoss: 10 - step, validLoss: 11 - step }));
    const first = tracker.push(report({ model: 'gbt-4', family: 'gbt', unit: 'round', step: 3, trainLoss: 7, validLoss: 8, recentLosses }));
    assert.equal(first.reset, true);
    assert.deepEqual(first.points.map((p) => `${p.series}@${p.step}=${p.loss}`), ['train@1=9', 'validation@1=10', 'train@2=8', 'validation@2=9', 'train@3=7', 'validation@3=8']);
    // A report about something else (the next fold starting) repeats the last loss: no new point.
    assert.deepEqual(tracker.push(report({ model: 'gbt-4', family: 'gbt', unit: 'round', fold: 2, step: 3, trainLoss: 7, validLoss: 8 })).points, []);
    assert.equal(tracker.current?.points.length, 6);
  });

  it('starts a new curve for another candidate and ignores losses of the previous one', () => {
    const tracker = new LossTracker();
    tracker.push(report({ model: 'mlp-5', family: 'mlp', unit: 'epoch', step: 1, trainLoss: 1 }));
    const next = tracker.push(report({
      model: 'gbt-6', family: 'gbt', unit: 'round', step: 1, trainLoss: 0.5,
      recentLosses: [{ model: 'mlp-5', fold: 1, step: 2, trainLoss: 0.9 }, { model: 'gbt-6', fold: 1, step: 1, trainLoss: 0.5 }],
    }));
    assert.equal(next.reset, true);
    assert.deepEqual(next.points, [{ fold: 1, step: 1, series: 'train', loss: 0.5 }]);
    assert.equal(tracker.current?.model, 'gbt-6');
  });
});

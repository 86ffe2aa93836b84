// Scores one candidate (a family with one set of hyperparameters) on every fold: fit on the fold's
// training part, predict its validation part, compute the metrics. Each fold's fit gets its own
// seed derived from the run's seed, the candidate and the fold, so a run is reproducible.

import { performance } from 'node:perf_hooks';
import type { Task } from '../../shared/project/types';
import { computeMetrics } from '../evaluate/metrics';
import type { FitProgress, ModelFamily, Params } from '../models/types';
import { deriveSeed } from '../random';
import type { PreparedSplit } from './prepareSplit';

export interface FoldScore {
  fold: number;
  metrics: Record<string, number>;
  fitSeconds: number;
  predictMsPerRow: number;
  trainRows: number;
  validRows: number;
}

export interface CrossValidateContext {
  task: Task;
  classes: number;
  metrics: readonly string[];
  seed: number;
  isCancelled(): boolean;
  onFold?(fold: number): void;
  onFitProgress?(progress: FitProgress): void;
}

/** Fits and scores a candidate on every fold; throws FitCancelledError when cut. */
export async function crossValidate(family: ModelFamily, params: Params, model: string, folds: readonly PreparedSplit[], context: CrossValidateContext): Promise<FoldScore[]> {
  const scores: FoldScore[] = [];
  for (let f = 0; f < folds.length; f++) {
    context.onFold?.(f + 1);
    // Let pending messages (a cancellation) in between folds, whatever the family does inside a fit.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const split = folds[f];
    const view = split.variant(family);
    const valid = split.valid!;
    const started = performance.now();
    const trained = await family.fit(view.train, split.train.labels, params, {
      seed: deriveSeed(context.seed, 'fit', model, f),
      isCancelled: () => context.isCancelled(),
      onProgress: context.onFitProgress,
    });
    const fitSeconds = (performance.now() - started) / 1000;
    const predictStarted = performance.now();
    const predictions = trained.predict(view.valid!);
    const predictMs = performance.now() - predictStarted;
    const metrics = computeMetrics(context.task, valid.labels.y, predictions, context.classes, context.metrics);
    scores.push({ fold: f + 1, metrics, fitSeconds, predictMsPerRow: valid.matrix.rows === 0 ? 0 : predictMs / valid.matrix.rows, trainRows: view.train.rows, validRows: valid.matrix.rows });
  }
  return scores;
}

// A training run from start to finish: read the data, make the folds (pipeline and adapter fitted
// per fold), search under the budget, refit the best candidate of each family on all training
// rows, save the models and the run record. Cancellation (and the time budget) stop the search
// with what is done kept; a cancelled run still writes run.json.

import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { findMetric, METRICS } from '../../shared/project/metrics';
import type { Task } from '../../shared/project/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import type { IncompleteTrial, LeaderboardRow, StopReason, TrainingParams, TrainingProgress, TrainingResult } from '../../shared/training/types';
import { appliesTo, primaryMetric, reportedMetrics, higherIsBetter } from '../evaluate/metrics';
import { EngineError } from '../errors';
import { FitCancelledError } from '../models/types';
import type { FitProgress, ModelFamily } from '../models/types';
import { crossValidate } from './crossValidate';
import { chooseFamilies } from './families';
import { columnFolds, kFold, stratifiedKFold } from './folds';
import type { FoldPlan } from './folds';
import { bestPerFamily, leaderboardRow, sortRows } from './leaderboard';
import { prepareSplit } from './prepareSplit';
import type { PreparedSplit } from './prepareSplit';
import { ProgressThrottle } from './progressThrottle';
import { refitAndSave } from './refit';
import { createRunDir, softwareVersions, writeJson } from './runRecord';
import type { RunRecord, TrialRecord } from './runRecord';
import { runSearch } from './search';
import type { Candidate, TrialOutcome } from './search';
import { loadTrainingInput } from './trainingInput';
import type { TrainingInput } from './trainingInput';

export const DEFAULT_FOLDS = 5;

/**
 * With a time budget and several families, no single trial may take more than this share of the
 * budget: one slow family (a forest on a large table) would otherwise eat the time the search
 * needs for the promising ones. Projected from the folds done, so a slow trial stops early.
 */
const TRIAL_SHARE_OF_BUDGET = 1 / 3;

/** Losses kept between two reports: a fast fit can report thousands of rounds in one interval. */
const MAX_RECENT_LOSSES = 2000;

const ADAPTER_NOTE = 'Numeric columns as they are; text columns left by the pipeline ordinal-coded (sorted categories of the training rows, unseen -> missing); '
  + 'families without native missing-value handling get NaN replaced by the training median (most frequent code for categorical); '
  + 'families that need scaling get non-indicator features standardised with the training mean and std. Learned per fold on its training rows, and on all rows for the saved model.';

export interface TrainingHooks {
  /** Checked between folds and inside fits; true stops the run, keeping what is done. */
  isCancelled?: () => boolean;
  /** Throttled to a few reports per second. */
  onProgress?: (progress: TrainingProgress) => void;
  /** Once the data is read and the folds are planned, before any fit. */
  onStart?: (info: { task: Task; target: string; metric: string; metrics: string[]; rows: number; folds: number; families: string[] }) => void;
  /** Every finished trial (completed, cut or failed), unthrottled: the CLI's table. */
  onTrial?: (trial: TrialRecord, row: LeaderboardRow | undefined) => void;
}

/** Runs a training run with the given families (the registry's, in the engine) and records it under the runs folder; resolves with the leaderboard. */
export async function runTraining(params: TrainingParams, hooks: TrainingHooks, families: readonly ModelFamily[]): Promise<TrainingResult> {
  const started = performance.now();
  const startedAt = new Date();
  const elapsed = () => (performance.now() - started) / 1000;
  const userCancelled = hooks.isCancelled ?? (() => false);
  const seed = checkSeed(params.seed ?? 0);
  const budget = checkBudget(params.budget);
  // Losses between two sent reports travel with the next one, so a throttled report loses no point.
  let recentLosses: NonNullable<TrainingProgress['recentLosses']> = [];
  const throttle = new ProgressThrottle<TrainingProgress>((p) => {
    const losses = recentLosses;
    recentLosses = [];
    hooks.onProgress?.(losses.length > 0 ? { ...p, recentLosses: losses } : p);
  });
  let progress: TrainingProgress = { phase: 'preparing', elapsedSeconds: 0, budgetSeconds: budget.seconds, trials: budget.trials, leaderboard: [] };
  const report = (change: Partial<TrainingProgress>) => { progress = { ...progress, ...change, elapsedSeconds: elapsed() }; throttle.push(progress); };
  report({});

  const input = await loadTrainingInput(params);
  const chosen = chooseFamilies(families, input.task, params.families);
  const metric = params.metric ?? primaryMetric(input.task, input.criteria);
  if (!findMetric(metric)) { throw new EngineError(EngineErrorCodes.InvalidInput, `Unknown metric "${metric}" (one of ${METRICS.map((m) => m.id).join(', ')}).`); }
  if (!appliesTo(metric, input.task)) { throw new EngineError(EngineErrorCodes.InvalidInput, `The metric "${metric}" does not apply to ${input.task} tasks.`); }
  const metrics = reportedMetrics(input.task, input.criteria);
  if (!metrics.includes(metric)) { metrics.push(metric); }
  const plan = makeFolds(input, params, seed);
  const { id, dir } = await createRunDir(input.runsDir, startedAt);
  hooks.onStart?.({ task: input.task, target: input.target, metric, metrics, rows: input.frame.numRows(), folds: plan.folds.length, families: chosen.map((f) => f.id) });
  const folds: PreparedSplit[] = [];
  let prepSeconds = 0;
  const rows: LeaderboardRow[] = [];
  const trials: TrialRecord[] = [];
  const incomplete: IncompleteTrial[] = [];
  const deadline = budget.seconds;
  // With a time budget, the search also leaves time to refit the best of each family on all rows.
  // Families poll isCancelled often: the estimate changes only when a trial completes.
  let refitReserve = 0;
  const updateReserve = () => { refitReserve = bestPerFamily(rows, metric).reduce((s, r) => s + r.fitSeconds * (folds.length / Math.max(1, folds.length - 1)), prepSeconds); };
  const outOfTime = deadline === undefined ? undefined : () => elapsed() + refitReserve >= deadline;
  const fitCancelled = () => userCancelled() || (outOfTime?.() ?? false);
  const prepare = async () => {
    const prepStarted = elapsed();
    for (const fold of plan.folds) {
      if (userCancelled()) { return; }
      report({ fold: folds.length + 1, folds: plan.folds.length });
      await new Promise<void>((resolve) => setImmediate(resolve));
      folds.push(prepareSplit(input, fold.train, fold.valid, params.foldColumn));
    }
    prepSeconds = (elapsed() - prepStarted) / Math.max(1, folds.length);
    updateReserve();
  };

  const classes = input.classes?.length ?? 0;

  const evaluate = async (candidate: Candidate): Promise<TrialOutcome> => {
    const trialStarted = elapsed();
    // The share only applies once something has scored: a run always ends with a leaderboard.
    const cap = deadline !== undefined && chosen.length > 1 && rows.length > 0 ? deadline * TRIAL_SHARE_OF_BUDGET : undefined;
    let foldsDone = 0;
    let foldStarted = trialStarted;
    let foldFraction = 0;
    let tooSlow = false;
    const overCap = () => {
      if (cap === undefined) { return false; }
      const now = elapsed();
      const spent = now - trialStarted;
      // The fold in hand, projected from the family's own progress (trees, rounds, epochs) once a quarter is
      // done: earlier, fixed costs (binning, sorting) would inflate the projection.
      const foldProjection = foldFraction >= 0.25 ? (now - foldStarted) / foldFraction : 0;
      const perFold = Math.max(foldsDone > 0 ? (foldStarted - trialStarted) / foldsDone : 0, foldProjection);
      tooSlow ||= spent > cap || perFold * folds.length > cap;
      return tooSlow;
    };
    const base = { model: candidate.model, family: candidate.family.id, trial: candidate.trial, phase: candidate.phase, params: candidate.params };
    report({ phase: candidate.phase, family: candidate.family.id, model: candidate.model, trial: candidate.trial, fold: undefined, unit: undefined, step: undefined, total: undefined, trainLoss: undefined, validLoss: undefined });
    let record: TrialRecord;
    let row: LeaderboardRow | undefined;
    let outcome: TrialOutcome;
    try {
      const scores = await crossValidate(candidate.family, candidate.params, candidate.model, folds, {
        task: input.task, classes, metrics, seed, isCancelled: () => fitCancelled() || overCap(),
        onFold: (fold) => { foldsDone = fold - 1; foldStarted = elapsed(); foldFraction = 0; report({ fold }); },
        onFitProgress: (p: FitProgress) => {
          if (p.total !== undefined && p.total > 0) { foldFraction = Math.min(1, p.step / p.total); }
          if ((p.trainLoss !== undefined || p.validLoss !== undefined) && recentLosses.length < MAX_RECENT_LOSSES) {
            recentLosses.push({ model: candidate.model, fold: foldsDone + 1, step: p.step, trainLoss: p.trainLoss, validLoss: p.validLoss });
          }
          report({ unit: p.unit, step: p.step, total: p.total, trainLoss: p.trainLoss, validLoss: p.validLoss });
        },
      });
      row = leaderboardRow(candidate, scores, metrics, input.task, input.criteria);
      rows.push(row);
      record = { ...base, status: 'ok', folds: scores, seconds: elapsed() - trialStarted };
      outcome = { status: 'ok', score: row.cv[metric].mean };
    } catch (err) {
      const cut = err instanceof FitCancelledError;
      const slow = cut && tooSlow && !fitCancelled();
      const error = slow ? `stopped: it would take more than ${Math.round(cap!)} s, a third of the time budget`
        : cut ? undefined : err instanceof Error ? err.message : String(err);
      record = { ...base, status: cut ? 'cut' : 'failed', ...(error ? { error } : {}), folds: [], seconds: elapsed() - trialStarted };
      incomplete.push({ model: base.model, family: base.family, trial: base.trial, params: base.params, status: record.status as 'cut' | 'failed', ...(error ? { error } : {}) });
      outcome = slow ? { status: 'tooSlow' } : cut ? { status: 'cut' } : { status: 'failed' };
    }
    trials.push(record);
    updateReserve();
    hooks.onTrial?.(record, row);
    report({ leaderboard: bestPerFamily(rows, metric) });
    return outcome;
  };

  let stopReason: StopReason;
  let models: RunRecord['models'] = [];
  const record = (status: RunRecord['status'], error?: string): RunRecord => ({
    format: 'ml-workflow-run', formatVersion: 1, id, status, ...(error === undefined ? {} : { error }), stopReason, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), elapsedSeconds: elapsed(),
    parameters: { ...withoutToken(params), path: path.resolve(params.path), seed, folds: plan.folds.length },
    task: input.task, target: input.target, classes: input.classes, metric, metrics,
    data: { kind: input.kind, file: input.file, project: input.projectName, sources: input.sources, rows: input.frame.numRows(), rowsWithoutTarget: input.rowsWithoutTarget },
    pipeline: { source: input.pipelineSource, steps: input.steps },
    inputAdapter: ADAPTER_NOTE,
    folds: { kind: plan.kind, column: params.foldColumn, names: plan.names, trainRows: folds.map((f) => f.train.matrix.rows), validRows: folds.map((f) => f.valid!.matrix.rows) },
    software: softwareVersions(),
    trials,
    leaderboard: bestPerFamily(rows, metric),
    incomplete,
    models,
  });
  try {
    await prepare();
    stopReason = folds.length < plan.folds.length ? 'cancelled'
      : await runSearch({ families: chosen, seed, maxTrials: budget.trials, outOfTime, isCancelled: userCancelled, higherIsBetter: higherIsBetter(metric) }, evaluate);
    if (stopReason !== 'cancelled') {
      report({ phase: 'refit', fold: undefined });
      models = await refitAndSave({ input, rows: bestPerFamily(rows, metric), families: chosen, seed, foldColumn: params.foldColumn, runId: id, dir, isCancelled: userCancelled, onModel: (model) => report({ model }) });
      if (userCancelled()) { stopReason = 'cancelled'; }
    }
  } catch (err) {
    stopReason = 'failed';
    await writeJson(path.join(dir, 'run.json'), record('failed', err instanceof Error ? err.message : String(err)));
    throw err;
  }
  const saved = new Map(models.map((m) => [m.model, m]));
  for (const row of rows) {
    const model = saved.get(row.model);
    if (model) { row.sizeBytes = model.sizeBytes; if (model.importances) { row.importances = model.importances; } }
  }
  const cancelled = stopReason === 'cancelled';
  report({ phase: 'saving' });
  const final = record(cancelled ? 'cancelled' : 'complete');
  await writeJson(path.join(dir, 'run.json'), final);
  report({ phase: 'done', leaderboard: final.leaderboard });
  throttle.flush();
  const best = final.leaderboard[0];
  return {
    runId: id, runDir: dir, task: input.task, target: input.target, metric, rows: input.frame.numRows(), folds: plan.folds.length, seed,
    leaderboard: final.leaderboard,
    best: best ? { model: best.model, family: best.family, cv: best.cv } : undefined,
    trials: sortRows(rows, metric),
    incomplete, cancelled, stopReason, elapsedSeconds: final.elapsedSeconds,
  };
}

function makeFolds(input: TrainingInput, params: TrainingParams, seed: number): FoldPlan {
  if (params.foldColumn !== undefined) { return columnFolds(input.frame.array(params.foldColumn) as ArrayLike<unknown>, params.foldColumn); }
  const k = params.folds ?? DEFAULT_FOLDS;
  return input.task === 'regression' ? kFold(input.y.length, k, seed) : stratifiedKFold(input.y, input.classes!.length, k, seed);
}

function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) { throw new EngineError(EngineErrorCodes.InvalidInput, `The seed must be a whole number from 0 to 4294967295, not ${seed}.`); }
  return seed;
}

function checkBudget(budget: TrainingParams['budget']): { seconds?: number; trials?: number } {
  const seconds = budget?.seconds;
  const trials = budget?.trials;
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) { throw new EngineError(EngineErrorCodes.InvalidInput, `The time budget must be a positive number of seconds, not ${seconds}.`); }
  if (trials !== undefined && !(Number.isInteger(trials) && trials >= 1)) { throw new EngineError(EngineErrorCodes.InvalidInput, `The trial budget must be a whole number of at least 1, not ${trials}.`); }
  return { seconds, trials };
}

function withoutToken(params: TrainingParams): Omit<TrainingParams, 'progressToken'> {
  const { progressToken: _token, ...rest } = params;
  void _token;
  return rest;
}

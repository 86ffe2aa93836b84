// Training runs as both sides see them (step 4): what to train, how far it has got, and the
// leaderboard that comes back. The engine writes the same shapes into runs/<id>/run.json.

import type { Comparator, Task } from '../project/types';

export type HyperparameterValue = number | string | boolean;

/** What a training run is asked to do. */
export interface TrainingParams {
  /** A project file (mlworkflow.json) or a CSV/TSV file. */
  path: string;
  /** The target column; with a project the problem's target when absent. */
  target?: string;
  /** Inferred from the target when absent (CSV), or the problem's task (project). */
  task?: Task;
  /** Family ids to try (see engine/training/families); every family that fits the task when absent. */
  families?: string[];
  /** Cross-validation folds (default 5); ignored with foldColumn. */
  folds?: number;
  /** A column whose values name each row's fold (rows with a missing value always train). */
  foldColumn?: string;
  /** Columns to leave out of the features (IDs, names, leaks). */
  drop?: string[];
  /** Seed of folds, searches and fits (default 0): the same seed and trial budget give the same leaderboard. */
  seed?: number;
  /** Stop after this many seconds and/or trials; without either every family is tried once with its defaults. */
  budget?: { seconds?: number; trials?: number };
  /** Rank by this metric instead of the success criteria's first (or accuracy / rmse). */
  metric?: string;
  /** The runs folder for a CSV (default: runs/ beside it); ignored for a project, whose runs go to runs/ beside mlworkflow.json. */
  runsDir?: string;
  /** A token for TrainingProgress reports. */
  progressToken?: string | number;
}

/** Mean and population standard deviation of one metric over the folds; null where undefined. */
export interface MetricSummary { mean: number | null; std: number | null }

/** Whether a candidate meets one success criterion of the project (mean CV value vs threshold). */
export interface CriterionResult { metric: string; comparator: Comparator; threshold: number; value: number | null; met: boolean }

/** One evaluated candidate: a family with one set of hyperparameters, cross-validated. */
export interface LeaderboardRow {
  /** Unique in the run; also the model file's name (models/<model>.json) when it was saved. */
  model: string;
  family: string;
  label: string;
  params: Record<string, HyperparameterValue>;
  /** 1-based position in the order trials ran. */
  trial: number;
  phase: 'defaults' | 'search';
  cv: Record<string, MetricSummary>;
  /** Mean fit time per fold. */
  fitSeconds: number;
  predictMsPerRow: number;
  /** Size of the saved model file (best candidate of each family only). */
  sizeBytes?: number;
  /** Feature importances of the saved model (best candidate of each family whose family has them), summing to 1. */
  importances?: Record<string, number>;
  /** Per success criterion of the project. */
  criteria?: CriterionResult[];
  /** Every criterion met (absent without criteria). */
  meetsCriteria?: boolean;
}

/** A trial that did not complete: cut by the budget or cancellation, or failed. */
export interface IncompleteTrial { model: string; family: string; trial: number; params: Record<string, HyperparameterValue>; status: 'cut' | 'failed'; error?: string }

/** Why the search ended: nothing left to try, the trial or time budget, the caller, or an unexpected error (run.json only). */
export type StopReason = 'complete' | 'trials' | 'time' | 'cancelled' | 'failed';

/** What a training run returns (and run.json holds besides its details). */
export interface TrainingResult {
  runId: string;
  runDir: string;
  task: Task;
  target: string;
  metric: string;
  rows: number;
  folds: number;
  seed: number;
  /** The best candidate of each family, best first (by `metric`). */
  leaderboard: LeaderboardRow[];
  best?: { model: string; family: string; cv: Record<string, MetricSummary> };
  /** Every completed trial, best first. */
  trials: LeaderboardRow[];
  incomplete: IncompleteTrial[];
  cancelled: boolean;
  stopReason: StopReason;
  elapsedSeconds: number;
}

export type TrainingPhase = 'preparing' | 'defaults' | 'search' | 'refit' | 'saving' | 'done';

/** Live progress of a run (throttled to a few reports per second). */
export interface TrainingProgress {
  phase: TrainingPhase;
  family?: string;
  model?: string;
  trial?: number;
  /** The trial budget, when there is one. */
  trials?: number;
  /** 1-based fold being fitted, and how many there are. */
  fold?: number;
  folds?: number;
  /** From the family's fit progress. */
  unit?: string;
  step?: number;
  total?: number;
  trainLoss?: number;
  validLoss?: number;
  /**
   * Every loss the running fits reported since the previous report (reports are throttled, fits
   * report per round or epoch): what a loss curve needs to show every point.
   */
  recentLosses?: { model: string; fold: number; step: number; trainLoss?: number; validLoss?: number }[];
  elapsedSeconds: number;
  budgetSeconds?: number;
  /** Completed candidates so far, best first (the best of each family). */
  leaderboard: LeaderboardRow[];
}

/** One hyperparameter of a model family: its default and the range the search draws from. */
export interface HyperparameterInfo {
  name: string;
  description: string;
  kind: 'int' | 'float' | 'choice' | 'bool';
  default: HyperparameterValue;
  /** Search range for int/float (inclusive). */
  min?: number;
  max?: number;
  /** Draw on a log scale (learning rates, regularisation strengths). */
  log?: boolean;
  /** Values for 'choice'. */
  choices?: (string | number)[];
}

/** A model family as the user chooses it: what it can do and what it costs. */
export interface FamilyInfo {
  id: string;
  /** Shown to users, e.g. "Gradient-boosted trees". */
  label: string;
  tasks: Task[];
  /** Training cost and capacity, shown when choosing candidates. */
  complexity: 'low' | 'medium' | 'high';
  interpretability: 'high' | 'medium' | 'low';
  /** One or two sentences for the user: when it shines, what it needs. */
  notes: string;
  /** Whether inputs should be standardised first (distance- and gradient-based families). */
  needsScaling: boolean;
  /** Whether NaN features are handled natively (otherwise the pipeline must impute). */
  handlesMissing: boolean;
  hyperparameters: HyperparameterInfo[];
}

/** A recorded run of a project, for the runs list. */
export interface RunSummary {
  id: string;
  dir: string;
  startedAt: string;
  status: 'complete' | 'cancelled' | 'failed';
  task: Task;
  target: string;
  metric: string;
  rows: number;
  leaderboard: LeaderboardRow[];
}

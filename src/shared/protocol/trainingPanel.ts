import { findMetric } from '../project/metrics';
import type { SuccessCriterion, Task } from '../project/types';
import type { FamilyInfo, RunSummary, TrainingProgress, TrainingResult } from '../training/types';

// Messages between the Training webview (step 4) and the extension host. The webview says
// `training/ready` first; the host answers with `training/update` (again whenever the runs, the
// project or the run in progress change) and relays the engine's progress as `training/progress`.
// The webview never talks to the engine: it asks the host to start or stop, and renders.

/** What the user chose in the form: the host turns it into the engine's TrainingParams. */
export interface TrainingSettings {
  /** Family ids to try. */
  families: string[];
  /** Cross-validation folds; not used with a fold column. */
  folds: number;
  /** A column that names each row's fold, instead of k folds. */
  foldColumn?: string;
  seed: number;
  /** Time budget; absent: no time limit. */
  budgetSeconds?: number;
  /** Trial budget; absent: no trial limit. */
  trials?: number;
  /** Columns left out of the features (IDs, names, leaks). */
  drop: string[];
}

export const DEFAULT_FOLDS = 5;
export const DEFAULT_SEED = 0;
export const DEFAULT_BUDGET_SECONDS = 60;
/** Families left unticked at first: slow on a CPU and rarely the best on small tables (the user may tick them). */
export const SLOW_FAMILIES: ReadonlySet<string> = new Set(['mlp']);

export const MAX_FOLDS = 50;
export const MAX_BUDGET_SECONDS = 7 * 24 * 3600;
export const MAX_TRIALS = 100000;
const MAX_SEED = 0xffffffff;
const MAX_NAME = 1000;
const MAX_NAMES = 5000;

/** The form's starting values for a task's families. */
export function defaultSettings(families: readonly FamilyInfo[]): TrainingSettings {
  return {
    families: families.filter((f) => !SLOW_FAMILIES.has(f.id)).map((f) => f.id),
    folds: DEFAULT_FOLDS, seed: DEFAULT_SEED, budgetSeconds: DEFAULT_BUDGET_SECONDS, drop: [],
  };
}

/** What is wrong with settings, in words for the user; undefined when they can run. */
export function settingsProblem(s: TrainingSettings): string | undefined {
  if (s.families.length === 0) { return 'Choose at least one candidate model family.'; }
  if (s.foldColumn === undefined && !(Number.isInteger(s.folds) && s.folds >= 2 && s.folds <= MAX_FOLDS)) { return `The number of folds must be a whole number from 2 to ${MAX_FOLDS}.`; }
  if (s.foldColumn !== undefined && s.foldColumn.trim() === '') { return 'Choose the fold column.'; }
  if (!(Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= MAX_SEED)) { return `The seed must be a whole number from 0 to ${MAX_SEED}.`; }
  if (s.budgetSeconds !== undefined && !(Number.isFinite(s.budgetSeconds) && s.budgetSeconds > 0 && s.budgetSeconds <= MAX_BUDGET_SECONDS)) { return 'The time budget must be a positive number of seconds (at most a week).'; }
  if (s.trials !== undefined && !(Number.isInteger(s.trials) && s.trials >= 1 && s.trials <= MAX_TRIALS)) { return `The trial budget must be a whole number from 1 to ${MAX_TRIALS}.`; }
  if (s.foldColumn !== undefined && s.drop.includes(s.foldColumn)) { return `The fold column ${s.foldColumn} cannot also be left out.`; }
  return undefined;
}

/** One point of a loss curve: a fold's fit at one round / epoch / iteration. */
export interface LossPoint { fold: number; step: number; series: 'train' | 'validation'; loss: number }

/** The loss curve of the candidate being fitted (every fold of it). */
export interface LossCurve { model: string; family: string; unit: string; points: LossPoint[] }

export type RunPhase = 'running' | 'stopping' | 'finished' | 'failed';

/** The run in progress, or the last one started from this panel. */
export interface LiveRun {
  phase: RunPhase;
  runId?: string;
  settings: TrainingSettings;
  progress?: TrainingProgress;
  curve?: LossCurve;
  /** Why the run failed (phase `failed`). */
  error?: string;
}

export interface TrainingViewState {
  projectName: string;
  task?: Task;
  target?: string;
  criteria: SuccessCriterion[];
  /** The families the engine offers for the project's task. */
  families: FamilyInfo[];
  /** The training source's columns (for the fold column and the columns to leave out). */
  columns: string[];
  /** The form's values: the last ones used here, or the defaults. */
  settings: TrainingSettings;
  live?: LiveRun;
  /** The last finished run of this project in this session (every trial, not only the best of each family). */
  result?: TrainingResult;
  /** Recorded runs, newest first. */
  runs: RunSummary[];
  /** Why no run can start now (no task or target, no data, no families). */
  blocker?: string;
}

/** Per-fold scores of one candidate, from the run's record. */
export interface FoldMetrics { fold: number; metrics: Record<string, number | null>; fitSeconds?: number; trainRows?: number; validRows?: number }

export interface FeatureImportance { feature: string; importance: number }

/** What the leaderboard's detail shows beyond its row: per-fold scores and importances when recorded. */
export interface RowDetail { folds?: FoldMetrics[]; importances?: FeatureImportance[]; note?: string }

export type StartOutcome = { kind: 'started' } | { kind: 'refused'; message: string };

export type LeaderboardFocus = { view: 'setup' } | { view: 'leaderboard'; runId?: string };

/** Webview -> host. */
export type TrainingWebviewMessage =
  | { type: 'training/ready' }
  | { type: 'training/start'; id: number; settings: TrainingSettings }
  | { type: 'training/stop' }
  /** The per-fold scores (and importances) of one row of a recorded run. */
  | { type: 'training/detail'; id: number; runId: string; model: string };

/** Host -> webview. */
export type TrainingHostMessage =
  | { type: 'training/update'; state: TrainingViewState }
  /** Live progress of the run; `points` extend the curve, or start a new one when `reset`. */
  | { type: 'training/progress'; progress: TrainingProgress; curve?: Omit<LossCurve, 'points'>; points: LossPoint[]; reset: boolean }
  | { type: 'training/started'; id: number; outcome: StartOutcome }
  | { type: 'training/detail'; id: number; runId: string; model: string; detail: RowDetail }
  /** Show the form, or the leaderboard (of a run). */
  | { type: 'training/focus'; focus: LeaderboardFocus };

const WEBVIEW_TYPES = new Set(['training/ready', 'training/start', 'training/stop', 'training/detail']);
const HOST_TYPES = new Set(['training/update', 'training/progress', 'training/started', 'training/detail', 'training/focus']);

const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME;
const isNames = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_NAMES && v.every(isName);
const isOptionalNumber = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));

/** Checks the shape of settings from the webview (their values are checked by settingsProblem). */
export function isTrainingSettings(value: unknown): value is TrainingSettings {
  if (typeof value !== 'object' || value === null) { return false; }
  const s = value as Record<string, unknown>;
  return isNames(s.families) && typeof s.folds === 'number' && Number.isFinite(s.folds) && (s.foldColumn === undefined || isName(s.foldColumn))
    && typeof s.seed === 'number' && Number.isFinite(s.seed) && isOptionalNumber(s.budgetSeconds) && isOptionalNumber(s.trials) && isNames(s.drop);
}

/** Checks a message from the webview before the host acts on it. */
export function isTrainingWebviewMessage(value: unknown): value is TrainingWebviewMessage {
  if (typeof value !== 'object' || value === null) { return false; }
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !WEBVIEW_TYPES.has(m.type)) { return false; }
  if (m.type === 'training/start') { return typeof m.id === 'number' && isTrainingSettings(m.settings); }
  if (m.type === 'training/detail') { return typeof m.id === 'number' && isName(m.runId) && isName(m.model); }
  return true;
}

/** Checks the envelope of a message from the host (the webview trusts its host's payloads). */
export function isTrainingHostMessage(value: unknown): value is TrainingHostMessage {
  return typeof value === 'object' && value !== null && HOST_TYPES.has((value as { type?: unknown }).type as string);
}

/** A metric value as lists show it: 0.835, 12.35, 5,321. */
export function metricText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) { return '–'; }
  const abs = Math.abs(value);
  if (abs >= 1000) { return Math.round(value).toLocaleString('en-US'); }
  if (abs >= 100) { return value.toFixed(1); }
  if (abs !== 0 && abs < 0.01) { return value.toPrecision(2); }
  return value.toFixed(abs >= 10 ? 2 : 3);
}

/** A run's start in local time: 2026-11-27 23:10. */
export function runTime(startedAt: string): string {
  const d = new Date(startedAt);
  if (Number.isNaN(d.getTime())) { return startedAt; }
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "Run 2026-11-27 23:10 — best gbt 0.83 accuracy", "… — stopped, no model finished". */
export function runLabel(run: RunSummary): string {
  const best = run.leaderboard[0];
  const score = best ? `best ${best.family} ${metricText(best.cv[run.metric]?.mean)} ${run.metric}` : 'no model finished';
  return `Run ${runTime(run.startedAt)} — ${run.status === 'complete' ? '' : `${run.status === 'cancelled' ? 'stopped' : 'failed'}, `}${score}`;
}

/**
 * The metric a run ranks by before its result names it: the first success criterion the task can
 * be scored on, else accuracy or RMSE (the engine's rule, in engine/evaluate/metrics.ts).
 */
export function rankingMetric(task: Task | undefined, criteria: readonly SuccessCriterion[]): string {
  const first = task ? criteria.find((c) => findMetric(c.metric)?.tasks.includes(task)) : undefined;
  return first ? first.metric : task === 'regression' ? 'rmse' : 'accuracy';
}

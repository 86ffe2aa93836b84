import type { Task } from '../../shared/project/types';
import type { LeaderboardRow, TrainingParams, TrainingResult } from '../../shared/training/types';
import { EngineError } from '../../engine/errors';
import { FAMILIES } from '../../engine/models/registry';
import { runTraining } from '../../engine/training/runTraining';
import type { TrialRecord } from '../../engine/training/runRecord';
import { CliError } from '../output';
import type { CliIo } from '../output';

export const TRAIN_USAGE = 'mlw train <file.csv|mlworkflow.json> --target COL [--task binary|multiclass|regression] [--folds 5] [--fold-column COL] [--seed 0] [--time-budget SECONDS] [--trials N] [--models a,b,...] [--drop a,b] [--metric M] [--out DIR] [--json]';

export interface TrainOptions {
  target?: string;
  task?: string;
  folds?: string;
  foldColumn?: string;
  seed?: string;
  timeBudget?: string;
  trials?: string;
  models?: string;
  drop?: string;
  metric?: string;
  out?: string;
  json: boolean;
}

/**
 * `mlw train`: cross-validated training under a budget, recorded under runs/<id>/. Progress goes to
 * stderr one line per trial; stdout gets the leaderboard (a table, or JSON with --json). Ctrl-C
 * stops the search and keeps what is done. Bad options, unknown columns or models exit with 2.
 */
export async function runTrain(file: string, options: TrainOptions, io: CliIo): Promise<number> {
  const params = toParams(file, options);
  let cancelled = false;
  const onSigint = () => {
    if (cancelled) { process.exit(130); }
    cancelled = true;
    io.err('mlw: stopping: keeping the trials done so far (Ctrl-C again to quit at once).\n');
  };
  process.on('SIGINT', onSigint);
  let result: TrainingResult;
  const table = new TrialTable(io);
  try {
    result = await runTraining(params, { isCancelled: () => cancelled, onStart: (info) => table.start(info), onTrial: (trial, row) => table.line(trial, row) }, FAMILIES);
  } catch (err) {
    if (err instanceof EngineError) { throw new CliError(err.message, 2); }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
  io.out(options.json ? `${JSON.stringify(jsonReport(result))}\n` : humanReport(result));
  return 0;
}

function toParams(file: string, o: TrainOptions): TrainingParams {
  const task = o.task;
  if (task !== undefined && task !== 'binary' && task !== 'multiclass' && task !== 'regression') { throw new CliError(`--task is binary, multiclass or regression, not "${task}".`, 2); }
  if (o.out !== undefined && file.toLowerCase().endsWith('.json')) { throw new CliError('--out is for a CSV: a project\'s runs go to runs/ beside its mlworkflow.json.', 2); }
  const list = (text: string | undefined) => (text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter((s) => s !== ''));
  return {
    path: file,
    target: o.target,
    task: task as Task | undefined,
    folds: whole(o.folds, '--folds', 2),
    foldColumn: o.foldColumn,
    seed: whole(o.seed, '--seed', 0),
    budget: { seconds: positive(o.timeBudget, '--time-budget'), trials: whole(o.trials, '--trials', 1) },
    families: list(o.models),
    drop: list(o.drop),
    metric: o.metric,
    runsDir: o.out,
  };
}

function whole(text: string | undefined, option: string, min: number): number | undefined {
  if (text === undefined) { return undefined; }
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < min || n > 0xffffffff) { throw new CliError(`${option} needs a whole number of at least ${min}, not "${text}".`, 2); }
  return n;
}

function positive(text: string | undefined, option: string): number | undefined {
  if (text === undefined) { return undefined; }
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) { throw new CliError(`${option} needs a positive number of seconds, not "${text}".`, 2); }
  return n;
}

/** The --json shape: task, target, metric, rows, folds, seed, leaderboard, best (and more). */
function jsonReport(r: TrainingResult): object {
  return {
    task: r.task, target: r.target, metric: r.metric, rows: r.rows, folds: r.folds, seed: r.seed,
    leaderboard: r.leaderboard,
    best: r.best ?? null,
    runId: r.runId, runDir: r.runDir, cancelled: r.cancelled, stopReason: r.stopReason, elapsedSeconds: r.elapsedSeconds,
    trials: r.trials, incomplete: r.incomplete,
  };
}

/** One stderr line per finished trial under a header: the primary metric as mean ± std, the others as means. */
class TrialTable {
  private metric = '';
  private others: string[] = [];
  constructor(private readonly io: CliIo) {}

  start(info: { task: string; target: string; metric: string; metrics: string[]; rows: number; folds: number; families: string[] }): void {
    this.metric = info.metric;
    this.others = info.metrics.filter((m) => m !== info.metric);
    this.io.err(`${info.task} on "${info.target}": ${info.rows} rows, ${info.folds} folds; families ${info.families.join(', ')}\n`);
    this.io.err(`${'trial'.padStart(5)}  ${'model'.padEnd(18)}  ${this.metric.padEnd(21)}  ${this.others.map((m) => m.padEnd(9)).join('  ')}  fit s/fold\n`);
  }

  line(trial: TrialRecord, row: LeaderboardRow | undefined): void {
    const head = `${String(trial.trial).padStart(5)}  ${trial.model.padEnd(18)}  `;
    if (!row) { this.io.err(`${head}${trial.status === 'cut' ? 'cut short (budget or cancel)' : `failed: ${trial.error ?? 'unknown error'}`}\n`); return; }
    const primary = row.cv[this.metric];
    const others = this.others.map((m) => fmt(row.cv[m]?.mean ?? null).padEnd(9)).join('  ');
    this.io.err(`${head}${`${fmt(primary.mean)} ± ${fmt(primary.std)}`.padEnd(21)}  ${others}  ${row.fitSeconds.toFixed(3)}\n`);
  }
}

function humanReport(r: TrainingResult): string {
  const metrics = r.leaderboard[0] ? Object.keys(r.leaderboard[0].cv) : [];
  const header = ['#', 'model', 'family', ...metrics, 'fit s', 'ms/row', 'size', ...(r.leaderboard.some((x) => x.criteria) ? ['criteria'] : [])];
  const rows = r.leaderboard.map((x, i) => [String(i + 1), x.model, x.family, ...metrics.map((m) => `${fmt(x.cv[m].mean)} ± ${fmt(x.cv[m].std)}`),
    x.fitSeconds.toFixed(3), x.predictMsPerRow.toPrecision(2), x.sizeBytes === undefined ? '' : bytes(x.sizeBytes), ...(x.criteria ? [x.meetsCriteria ? 'met' : 'not met'] : [])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const fmtRow = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  const lines = [
    `${r.task} on "${r.target}": ${r.rows} rows, ${r.folds}-fold CV, seed ${r.seed}, ranked by ${r.metric}${r.cancelled ? ' (CANCELLED: partial results)' : ''}`,
    '',
    fmtRow(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmtRow),
    '',
    r.best ? `best: ${r.best.model} (${r.metric} ${fmt(r.best.cv[r.metric].mean)})` : 'no candidate completed',
    `run recorded in ${r.runDir} (${r.trials.length} trials, ${r.elapsedSeconds.toFixed(1)} s, stopped: ${r.stopReason})`,
  ];
  return `${lines.join('\n')}\n`;
}

function fmt(x: number | null): string { return x === null ? 'n/a' : x.toFixed(4); }
function bytes(n: number): string { return n < 1024 ? `${n} B` : n < 1 << 20 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / (1 << 20)).toFixed(1)} MiB`; }

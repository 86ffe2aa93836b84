import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RequestType } from 'vscode-jsonrpc';
import { PROJECT_FILE_NAME } from '../../shared/project/types';
import { ListRunsRequest, StartTrainingRequest, TrainingFamiliesRequest, TrainingProgressType } from '../../shared/protocol/engine';
import { metricText } from '../../shared/protocol/trainingPanel';
import type { LiveRun, LossCurve, LossPoint, TrainingSettings } from '../../shared/protocol/trainingPanel';
import type { FamilyInfo, RunSummary, TrainingParams, TrainingProgress, TrainingResult } from '../../shared/training/types';
import type { EngineClient } from '../engineClient';
import { projectLabel } from '../projects/projectIndex';
import type { ProjectIndex } from '../projects/projectIndex';
import { LossTracker } from './trainingLoss';

/** How a run ended: with a result (complete, cut by the budget, or stopped), or with an error. */
export type RunOutcome = { kind: 'finished'; result: TrainingResult } | { kind: 'failed'; message: string };

/** One progress report of the run in progress, with what it adds to the loss curve. */
export interface TrainingProgressEvent {
  projectUri: vscode.Uri;
  progress: TrainingProgress;
  curve?: Omit<LossCurve, 'points'>;
  points: LossPoint[];
  reset: boolean;
}

/** A run's parameters before the client adds its progress token. */
export type RunParams = Omit<TrainingParams, 'progressToken'>;

// The client always puts a string token in params (engineClient.requestWithProgress); the shared
// type also allows numbers for other callers.
type StartParams = RunParams & { progressToken?: string };
const START = StartTrainingRequest.type as unknown as RequestType<StartParams, TrainingResult, void>;

interface ActiveRun {
  projectUri: vscode.Uri;
  settings: TrainingSettings;
  cancel: vscode.CancellationTokenSource;
  stopping: boolean;
  progress?: TrainingProgress;
  loss: LossTracker;
}

/** The engine's request parameters for the form's settings. */
export function trainingParams(projectFile: string, s: TrainingSettings): RunParams {
  const budget = { ...(s.budgetSeconds !== undefined ? { seconds: s.budgetSeconds } : {}), ...(s.trials !== undefined ? { trials: s.trials } : {}) };
  return {
    path: projectFile, families: [...s.families], seed: s.seed,
    ...(s.foldColumn !== undefined ? { foldColumn: s.foldColumn } : { folds: s.folds }),
    ...(s.drop.length > 0 ? { drop: [...s.drop] } : {}),
    ...(Object.keys(budget).length > 0 ? { budget } : {}),
  };
}

/** The notification's line for a report: "trial 3 · gbt · fold 2/5 · 12 s of 60 s". */
export function progressLine(p: TrainingProgress): string {
  const parts: string[] = [];
  if (p.phase === 'preparing') { parts.push('preparing the folds'); }
  if (p.phase === 'refit') { parts.push('refitting the best of each family on all rows'); }
  if (p.phase === 'saving' || p.phase === 'done') { parts.push('saving the run'); }
  if ((p.phase === 'defaults' || p.phase === 'search') && p.trial !== undefined) { parts.push(`trial ${p.trial}${p.trials ? ` of ${p.trials}` : ''}`); }
  if ((p.phase === 'defaults' || p.phase === 'search') && p.family) { parts.push(p.family); }
  if (p.fold !== undefined && p.folds !== undefined && p.phase !== 'refit') { parts.push(`fold ${p.fold}/${p.folds}`); }
  parts.push(p.budgetSeconds ? `${Math.round(p.elapsedSeconds)} s of ${p.budgetSeconds} s` : `${Math.round(p.elapsedSeconds)} s`);
  const best = p.leaderboard[0];
  if (best) { parts.push(`best so far ${best.family}`); }
  return parts.join(' · ');
}

/**
 * Training runs as the extension host sees them: the one in progress (one at a time: the engine is
 * one process on a machine that may have two cores), the last result of each project, and the
 * recorded runs of each project. Runs belong here, not to a panel: closing the Training panel does
 * not stop a run, and a reopened panel shows it. The work itself is all in the engine.
 */
export class TrainingRuns implements vscode.Disposable {
  private current: ActiveRun | undefined;
  private readonly summaries = new Map<string, RunSummary[]>();
  private readonly listing = new Map<string, Promise<RunSummary[]>>();
  private readonly results = new Map<string, TrainingResult>();
  private readonly lastLive = new Map<string, LiveRun>();
  /** Each project's latest run, ended or not. */
  private readonly latest = new Map<string, Promise<RunOutcome>>();
  private familyList: Promise<FamilyInfo[]> | undefined;
  private readonly refreshTimers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly progressEmitter = new vscode.EventEmitter<TrainingProgressEvent>();
  /** A project's runs, run in progress or last result changed. */
  readonly onDidChange = this.changeEmitter.event;
  /** A progress report of the run in progress. */
  readonly onDidProgress = this.progressEmitter.event;

  constructor(private readonly engine: EngineClient, private readonly index: ProjectIndex, private readonly log: vscode.LogOutputChannel) {
    // Runs recorded outside this window (the `mlw train` command, another window) appear too.
    const watcher = vscode.workspace.createFileSystemWatcher('**/runs/*/run.json');
    const changed = (uri: vscode.Uri) => this.runFileChanged(uri);
    this.disposables.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed),
      engine.onDidRestart(() => { this.familyList = undefined; }), this.changeEmitter, this.progressEmitter,
      { dispose: () => { for (const t of this.refreshTimers.values()) { clearTimeout(t); } } });
  }

  /** The model families the engine offers (asked once per engine process). */
  families(): Promise<FamilyInfo[]> {
    this.familyList ??= this.engine.request0(TrainingFamiliesRequest.type).catch((err: unknown) => {
      this.familyList = undefined;
      throw err;
    });
    return this.familyList;
  }

  /** The recorded runs of a project as last listed; undefined until listed (which this starts). */
  runs(projectUri: vscode.Uri): readonly RunSummary[] | undefined {
    const known = this.summaries.get(projectUri.toString());
    if (!known && !this.listing.has(projectUri.toString())) { void this.listRuns(projectUri).catch(() => undefined); }
    return known;
  }

  /** Lists a project's recorded runs from disk again (newest first). */
  listRuns(projectUri: vscode.Uri): Promise<RunSummary[]> {
    const key = projectUri.toString();
    const before = this.listing.get(key) ?? Promise.resolve([]);
    // One listing at a time per project, the newest last: a run that just ended is never missed.
    const next = before.catch(() => []).then(async () => {
      try {
        const runs = await this.engine.request(ListRunsRequest.type, { projectFile: projectUri.fsPath });
        const changed = JSON.stringify(runs) !== JSON.stringify(this.summaries.get(key));
        this.summaries.set(key, runs);
        if (changed) { this.changeEmitter.fire(projectUri); }
        return runs;
      } catch (err) {
        this.log.error(`listing the training runs of ${projectUri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      }
    });
    this.listing.set(key, next);
    void next.catch(() => undefined).finally(() => { if (this.listing.get(key) === next) { this.listing.delete(key); } });
    return next;
  }

  /** Whether a run of this project (any project when absent) is in progress. */
  isRunning(projectUri?: vscode.Uri): boolean {
    return this.current !== undefined && (!projectUri || this.current.projectUri.toString() === projectUri.toString());
  }

  /** The project whose run is in progress, if any. */
  get runningProject(): vscode.Uri | undefined {
    return this.current?.projectUri;
  }

  /** The run in progress of a project, or the last one started in this session. */
  live(projectUri: vscode.Uri): LiveRun | undefined {
    const run = this.current;
    if (run && run.projectUri.toString() === projectUri.toString()) {
      return { phase: run.stopping ? 'stopping' : 'running', settings: run.settings, progress: run.progress, curve: run.loss.current };
    }
    return this.lastLive.get(projectUri.toString());
  }

  /** The last finished run of a project in this session, with every trial. */
  lastResult(projectUri: vscode.Uri): TrainingResult | undefined {
    return this.results.get(projectUri.toString());
  }

  /** Resolves when the latest run of a project ends (at once when it has); undefined when it has none. */
  whenDone(projectUri: vscode.Uri): Promise<RunOutcome> | undefined {
    return this.latest.get(projectUri.toString());
  }

  /**
   * Starts a run in the engine with a cancellable notification that mirrors it; returns the
   * message to show when another run is in progress. The settings must have been checked.
   */
  start(projectUri: vscode.Uri, settings: TrainingSettings): string | undefined {
    if (this.current) {
      const other = this.index.get(this.current.projectUri);
      return `A training run${other ? ` of ${projectLabel(other)}` : ''} is in progress; stop it before starting another.`;
    }
    const run: ActiveRun = { projectUri, settings, cancel: new vscode.CancellationTokenSource(), stopping: false, loss: new LossTracker() };
    this.current = run;
    this.lastLive.delete(projectUri.toString());
    void vscode.commands.executeCommand('setContext', 'mlWorkflow:trainingRunning', true);
    this.latest.set(projectUri.toString(), this.execute(run, trainingParams(projectUri.fsPath, settings)));
    this.changeEmitter.fire(projectUri);
    return undefined;
  }

  /** Stops the run in progress (of this project, when given): the engine keeps what is done. */
  stop(projectUri?: vscode.Uri): boolean {
    const run = this.current;
    if (!run || (projectUri && run.projectUri.toString() !== projectUri.toString())) { return false; }
    if (!run.stopping) {
      run.stopping = true;
      run.cancel.cancel();
      this.changeEmitter.fire(run.projectUri);
    }
    return true;
  }

  private async execute(run: ActiveRun, params: RunParams): Promise<RunOutcome> {
    const entry = this.index.get(run.projectUri);
    const name = entry ? projectLabel(entry) : path.basename(path.dirname(run.projectUri.fsPath));
    const outcome = await vscode.window.withProgress<RunOutcome>(
      { location: vscode.ProgressLocation.Notification, title: `Training models for ${name}`, cancellable: true },
      async (bar, token) => {
        // Cancel in the notification is the same as Stop in the panel.
        const linked = token.onCancellationRequested(() => this.stop(run.projectUri));
        let shown = 0;
        const onProgress = (p: TrainingProgress) => {
          this.progressed(run, p);
          const share = p.budgetSeconds ? Math.min(100, (100 * p.elapsedSeconds) / p.budgetSeconds)
            : p.trials && p.trial ? Math.min(100, (100 * (p.trial - 1)) / p.trials) : undefined;
          const increment = share !== undefined && share > shown ? share - shown : undefined;
          if (share !== undefined) { shown = Math.max(shown, share); }
          bar.report({ message: run.stopping ? `stopping… ${progressLine(p)}` : progressLine(p), increment });
        };
        try {
          const result = await this.engine.requestWithProgress<StartParams, TrainingResult, TrainingProgress>(START, params, TrainingProgressType, onProgress,
            { token: run.cancel.token, timeoutMs: 0, retryAfterCrash: false });
          return { kind: 'finished', result };
        } catch (err) {
          return { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
        } finally {
          linked.dispose();
        }
      });
    await this.finish(run, outcome, name);
    return outcome;
  }

  private progressed(run: ActiveRun, progress: TrainingProgress): void {
    if (this.current !== run) { return; }
    run.progress = progress;
    const change = run.loss.push(progress);
    this.progressEmitter.fire({ projectUri: run.projectUri, progress, curve: run.loss.header, ...change });
  }

  private async finish(run: ActiveRun, outcome: RunOutcome, name: string): Promise<void> {
    const key = run.projectUri.toString();
    this.current = undefined;
    run.cancel.dispose();
    void vscode.commands.executeCommand('setContext', 'mlWorkflow:trainingRunning', false);
    if (outcome.kind === 'finished') { this.results.set(key, outcome.result); }
    this.lastLive.set(key, {
      phase: outcome.kind === 'finished' ? 'finished' : 'failed', settings: run.settings, progress: run.progress, curve: run.loss.current,
      ...(outcome.kind === 'finished' ? { runId: outcome.result.runId } : { error: outcome.message }),
    });
    // The tree and the panels show the recorded run as soon as the run has ended.
    await this.listRuns(run.projectUri).catch(() => undefined);
    this.changeEmitter.fire(run.projectUri);
    this.announce(run.projectUri, outcome, name);
  }

  private announce(projectUri: vscode.Uri, outcome: RunOutcome, name: string): void {
    if (outcome.kind === 'failed') {
      this.log.error(`training ${projectUri.fsPath}: ${outcome.message}`);
      void vscode.window.showErrorMessage(`Training ${name} failed: ${outcome.message}`, 'Show Log').then((choice) => { if (choice) { this.log.show(); } });
      return;
    }
    const r = outcome.result;
    const best = r.leaderboard[0];
    const score = best ? `best ${best.label} ${metricText(best.cv[r.metric]?.mean)} ${r.metric}` : 'no model finished';
    const what = r.cancelled ? `Training ${name} stopped after ${r.trials.length} completed trial${r.trials.length === 1 ? '' : 's'}` : `Trained ${r.trials.length} candidate${r.trials.length === 1 ? '' : 's'} for ${name}`;
    const open = 'Open Leaderboard';
    void vscode.window.showInformationMessage(`${what}: ${score}.`, open).then(async (choice) => {
      if (choice === open) { await vscode.commands.executeCommand('mlWorkflow.training.openLeaderboard', projectUri, r.runId); }
    });
  }

  /** A run.json appeared, changed or went: list that project's runs again (once for a burst of events). */
  private runFileChanged(uri: vscode.Uri): void {
    const projectUri = vscode.Uri.file(path.join(path.dirname(path.dirname(path.dirname(uri.fsPath))), PROJECT_FILE_NAME));
    const key = projectUri.toString();
    if (!this.index.get(projectUri)) { return; }
    clearTimeout(this.refreshTimers.get(key));
    this.refreshTimers.set(key, setTimeout(() => {
      this.refreshTimers.delete(key);
      void this.listRuns(projectUri).catch(() => undefined);
    }, 300));
  }

  dispose(): void {
    this.current?.cancel.cancel();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

import * as vscode from 'vscode';
import type { TrainingProgress } from '../../shared/training/types';
import { defaultSettings, isTrainingSettings, isTrainingWebviewMessage, settingsProblem } from '../../shared/protocol/trainingPanel';
import type { LeaderboardFocus, RowDetail, StartOutcome, TrainingHostMessage, TrainingSettings, TrainingViewState } from '../../shared/protocol/trainingPanel';
import type { FamilyInfo } from '../../shared/training/types';
import type { EngineClient } from '../engineClient';
import { projectLabel } from '../projects/projectIndex';
import type { ProjectIndex } from '../projects/projectIndex';
import { readRowDetail } from './trainingDetail';
import type { RunOutcome, TrainingRuns } from './trainingRuns';
import { HostChannel } from './hostChannel';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const TRAINING_PANEL_VIEW_TYPE = 'mlWorkflow.trainingPanel';

/** What the panel needs from the rest of the extension. */
export interface TrainingPanelDeps {
  extensionUri: vscode.Uri;
  engine: EngineClient;
  index: ProjectIndex;
  log: vscode.LogOutputChannel;
  training: TrainingRuns;
}

/**
 * Step 4 of one project: choose candidate families and a budget, start a run and watch it, compare
 * the results on the leaderboard. Runs live in TrainingRuns (the engine does the work); this class
 * relays their state and progress to the webview and checks what the webview asks for.
 */
export class TrainingPanel implements vscode.Disposable {
  private static readonly open = new Map<string, TrainingPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private families: FamilyInfo[] = [];
  private familiesError: string | undefined;
  /** The settings last started here; the defaults until then. */
  private settings: TrainingSettings | undefined;
  private loading: Promise<void>;
  private ready = false;
  private disposed = false;
  private pendingFocus: LeaderboardFocus | undefined;
  private readonly channel: HostChannel<TrainingHostMessage>;
  /** Every message posted to the webview (for observers such as the integration tests). */
  readonly onDidPost: vscode.Event<TrainingHostMessage>;

  /** Opens the panel of a project, or brings its open panel forward; `focus` shows the form or a run's leaderboard. */
  static show(projectUri: vscode.Uri, deps: TrainingPanelDeps, focus?: LeaderboardFocus): TrainingPanel {
    const existing = TrainingPanel.open.get(projectUri.toString());
    if (existing) {
      existing.panel.reveal();
      if (focus) { existing.focus(focus); }
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(TRAINING_PANEL_VIEW_TYPE, 'Training', vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    const instance = new TrainingPanel(panel, projectUri, deps);
    instance.pendingFocus = focus;
    TrainingPanel.open.set(projectUri.toString(), instance);
    return instance;
  }

  /** The open panel of a project, if any. */
  static find(projectUri: vscode.Uri): TrainingPanel | undefined {
    return TrainingPanel.open.get(projectUri.toString());
  }

  private constructor(readonly panel: vscode.WebviewPanel, readonly projectUri: vscode.Uri, private readonly deps: TrainingPanelDeps) {
    this.channel = new HostChannel(panel.webview);
    this.onDidPost = this.channel.onDidPost;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'mlworkflow.svg');
    panel.title = `Training: ${this.projectName}`;
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, 'training', 'Training');
    const mine = (uri: vscode.Uri) => uri.toString() === projectUri.toString();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      deps.training.onDidChange((uri) => { if (mine(uri)) { this.update(); } }),
      deps.training.onDidProgress((e) => {
        if (mine(e.projectUri) && this.ready) { void this.channel.post({ type: 'training/progress', progress: withoutLosses(e.progress), curve: e.curve, points: e.points, reset: e.reset }); }
      }),
      // The problem (task, target, criteria) or the data may change while the panel is open.
      deps.index.onDidChange(() => { panel.title = `Training: ${this.projectName}`; this.update(); }),
    );
    this.loading = this.load();
  }

  private get projectName(): string {
    const entry = this.deps.index.get(this.projectUri);
    return entry ? projectLabel(entry) : this.projectUri.fsPath;
  }

  /**
   * Handles one message from the webview (the same path the panel uses) and returns the reply it
   * posted, if any. Anything that is not a well-formed message is logged and ignored.
   */
  async receive(message: unknown): Promise<TrainingHostMessage | undefined> {
    if (!isTrainingWebviewMessage(message)) {
      this.deps.log.warn(`Training panel: ignored a malformed message ${JSON.stringify(message)?.slice(0, 200)}`);
      return undefined;
    }
    switch (message.type) {
      case 'training/ready': {
        this.loading = this.load();
        await this.loading;
        this.ready = true;
        const update = await this.channel.post({ type: 'training/update', state: this.viewState });
        if (this.pendingFocus) { this.focus(this.pendingFocus); }
        return update;
      }
      case 'training/start':
        return this.channel.post({ type: 'training/started', id: message.id, outcome: await this.start(message.settings) });
      case 'training/stop':
        this.stop();
        return undefined;
      case 'training/detail':
        return this.channel.post({ type: 'training/detail', id: message.id, runId: message.runId, model: message.model, detail: await this.detail(message.runId, message.model) });
    }
  }

  /** Starts a run with these settings after checking them against the project and the engine's families. */
  async start(settings: TrainingSettings): Promise<StartOutcome> {
    if (!isTrainingSettings(settings)) { return { kind: 'refused', message: 'Those are not training settings.' }; }
    await this.deps.index.revalidate(this.projectUri);
    this.loading = this.load();
    await this.loading;
    const state = this.viewState;
    const problem = state.blocker ?? settingsProblem(settings) ?? this.mismatch(settings, state);
    if (problem) { return { kind: 'refused', message: problem }; }
    this.settings = { ...settings, families: [...settings.families], drop: [...settings.drop] };
    const busy = this.deps.training.start(this.projectUri, this.settings);
    return busy ? { kind: 'refused', message: busy } : { kind: 'started' };
  }

  /** Settings that name families, or columns, this project does not have. */
  private mismatch(s: TrainingSettings, state: TrainingViewState): string | undefined {
    const offered = new Set(state.families.map((f) => f.id));
    const unknown = s.families.filter((f) => !offered.has(f));
    if (unknown.length > 0) { return `The engine offers no family ${unknown.join(', ')} for ${state.task ?? 'this'} tasks.`; }
    if (state.target !== undefined && (s.drop.includes(state.target) || s.foldColumn === state.target)) { return `The target ${state.target} cannot be left out or used as the fold column.`; }
    // The columns are the training file's header; when it could not be read the engine checks instead.
    const columns = new Set(state.columns);
    const missing = [...s.drop, ...(s.foldColumn !== undefined ? [s.foldColumn] : [])].filter((c) => !columns.has(c));
    if (columns.size > 0 && missing.length > 0) { return `The data has no column ${missing.join(', ')}.`; }
    return undefined;
  }

  /** The form's settings once the engine's families are known. */
  async settingsNow(): Promise<TrainingSettings> {
    await this.loading;
    return this.viewState.settings;
  }

  /** Stops this project's run in progress; false when there is none. */
  stop(): boolean {
    return this.deps.training.stop(this.projectUri);
  }

  /** Resolves when this project's latest run ends, at once when it has (undefined before any run). */
  finished(): Promise<RunOutcome> | undefined {
    return this.deps.training.whenDone(this.projectUri);
  }

  /** The detail of one row: per-fold scores (and importances) from the run's record. */
  async detail(runId: string, model: string): Promise<RowDetail> {
    const result = this.deps.training.lastResult(this.projectUri);
    const dir = result?.runId === runId ? result.runDir : this.deps.training.runs(this.projectUri)?.find((r) => r.id === runId)?.dir;
    if (!dir) { return { note: 'That run is not among the recorded runs of this project.' }; }
    return readRowDetail(dir, model);
  }

  /** Shows the form, or the leaderboard of a run (the newest when none is named). */
  focus(focus: LeaderboardFocus): void {
    if (!this.ready) { this.pendingFocus = focus; return; }
    this.pendingFocus = undefined;
    void this.channel.post({ type: 'training/focus', focus });
  }

  /** What the webview shows now. */
  get viewState(): TrainingViewState {
    const entry = this.deps.index.get(this.projectUri);
    const problem = entry?.project?.problem;
    const task = problem?.task;
    const target = problem?.target?.trim() ? problem.target.trim() : undefined;
    const families = this.families.filter((f) => !task || f.tasks.includes(task));
    const live = this.deps.training.live(this.projectUri);
    return {
      projectName: this.projectName, task, target, criteria: problem?.successCriteria ?? [], families,
      columns: entry?.columns ?? [],
      settings: this.settings ?? live?.settings ?? defaultSettings(families),
      live,
      result: this.deps.training.lastResult(this.projectUri),
      runs: [...(this.deps.training.runs(this.projectUri) ?? [])],
      blocker: this.blocker(families),
    };
  }

  private blocker(families: readonly FamilyInfo[]): string | undefined {
    const entry = this.deps.index.get(this.projectUri);
    if (!entry?.project) { return entry?.error ?? 'The project file cannot be read; fix the problems it shows first.'; }
    const problem = entry.project.problem;
    if (!problem?.task || !problem.target?.trim()) { return 'Choose the task and the target column in the Problem Definition (step 1) first.'; }
    if ((entry.project.data?.sources ?? []).length === 0) { return 'This project has no data yet. Add a data source first.'; }
    if (this.familiesError) { return `The engine could not list its model families: ${this.familiesError}`; }
    if (families.length === 0) { return `The engine offers no model family for ${problem.task} tasks.`; }
    return undefined;
  }

  /** Asks the engine for the families and the recorded runs. */
  private async load(): Promise<void> {
    if (!this.deps.index.get(this.projectUri)) { await this.deps.index.revalidate(this.projectUri); }
    const [families] = await Promise.allSettled([this.deps.training.families(), this.deps.training.listRuns(this.projectUri)]);
    if (families.status === 'fulfilled') {
      this.families = families.value;
      this.familiesError = undefined;
    } else {
      this.familiesError = families.reason instanceof Error ? families.reason.message : String(families.reason);
      this.deps.log.error(`Training panel: listing the model families: ${this.familiesError}`);
    }
  }

  private update(): void {
    if (this.ready && !this.disposed) { void this.channel.post({ type: 'training/update', state: this.viewState }); }
  }

  dispose(): void {
    if (this.disposed) { return; }
    this.disposed = true;
    // The run goes on without the panel: its notification still shows it and can stop it.
    TrainingPanel.open.delete(this.projectUri.toString());
    vscode.Disposable.from(...this.disposables, this.channel).dispose();
  }
}

/** The losses already travel as curve points: the webview need not get them twice. */
function withoutLosses(progress: TrainingProgress): TrainingProgress {
  const { recentLosses: _, ...rest } = progress;
  return rest;
}

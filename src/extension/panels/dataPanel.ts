import * as vscode from 'vscode';
import type { PipelineStep } from '../../shared/pipeline/types';
import type { PipelinePreview } from '../../shared/protocol/engine';
import type { SplitSettings } from '../../shared/project/types';
import { AssessQualityRequest, PreviewPipelineRequest, RecordRisksRequest, SavePipelineRequest, SaveSplitRequest } from '../../shared/protocol/engine';
import { isDataWebviewMessage } from '../../shared/protocol/dataPanel';
import type { DataHostMessage, DataOutcome, DataViewState, SourceAction, SourceRow } from '../../shared/protocol/dataPanel';
import type { EngineClient } from '../engineClient';
import { projectLabel } from '../projects/projectIndex';
import type { ProjectEntry, ProjectIndex } from '../projects/projectIndex';
import { HostChannel } from './hostChannel';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const DATA_PANEL_VIEW_TYPE = 'mlWorkflow.dataPanel';

/** What the panel needs from the rest of the extension. */
export interface DataPanelDeps {
  extensionUri: vscode.Uri;
  engine: EngineClient;
  index: ProjectIndex;
  log: vscode.LogOutputChannel;
}

const SOURCE_COMMANDS: Record<SourceAction, string> = {
  add: 'mlWorkflow.data.addSource', refresh: 'mlWorkflow.data.refreshSource', remove: 'mlWorkflow.data.removeSource',
};

/**
 * Step 2 of one project: its data sources, the quality of its training source, and the
 * preprocessing pipeline with a live preview. The engine reads the data and fits the steps; this
 * class relays the first rows and the counts to the webview, which only edits and renders.
 */
export class DataPanel implements vscode.Disposable {
  private static readonly open = new Map<string, DataPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private state: DataViewState;
  private sourcesKey = '';
  private assessing: Promise<void> | undefined;
  /** Counts assessments, so that only the newest one's answer is shown. */
  private generation = 0;
  private ready = false;
  private disposed = false;
  private readonly channel: HostChannel<DataHostMessage>;
  /** Every message posted to the webview (for observers such as the integration tests). */
  readonly onDidPost: vscode.Event<DataHostMessage>;

  /** Opens the Data panel of a project, or brings its open panel forward. */
  static show(projectUri: vscode.Uri, deps: DataPanelDeps): DataPanel {
    const existing = DataPanel.open.get(projectUri.toString());
    if (existing) { existing.panel.reveal(); return existing; }
    const panel = vscode.window.createWebviewPanel(DATA_PANEL_VIEW_TYPE, 'Data', vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    const instance = new DataPanel(panel, projectUri, deps);
    DataPanel.open.set(projectUri.toString(), instance);
    void deps.index.revalidate(projectUri).then((entry) => instance.refresh(entry));
    return instance;
  }

  /** The open panel of a project, if any. */
  static find(projectUri: vscode.Uri): DataPanel | undefined {
    return DataPanel.open.get(projectUri.toString());
  }

  private constructor(readonly panel: vscode.WebviewPanel, readonly projectUri: vscode.Uri, private readonly deps: DataPanelDeps) {
    this.channel = new HostChannel(panel.webview);
    this.onDidPost = this.channel.onDidPost;
    const entry = deps.index.get(projectUri);
    this.state = { projectName: entry ? projectLabel(entry) : projectUri.fsPath, sources: [], quality: { phase: 'none' }, steps: [] };
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'mlworkflow.svg');
    panel.title = `Data: ${this.state.projectName}`;
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, 'data', 'Data');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      deps.index.onDidChange(() => this.refresh(deps.index.get(projectUri))),
    );
  }

  /**
   * Handles one message from the webview (the same path the panel uses) and returns the reply it
   * posted, if any. Anything that is not a well-formed message is logged and ignored.
   */
  async receive(message: unknown): Promise<DataHostMessage | undefined> {
    if (!isDataWebviewMessage(message)) {
      this.deps.log.warn(`Data panel: ignored a malformed message ${JSON.stringify(message)?.slice(0, 200)}`);
      return undefined;
    }
    switch (message.type) {
      case 'data/ready':
        this.refresh(await this.deps.index.revalidate(this.projectUri));
        await this.assessing;
        this.ready = true;
        return this.channel.post({ type: 'data/update', state: this.state });
      case 'data/assess':
        this.assess();
        await this.assessing;
        return this.channel.post({ type: 'data/update', state: this.state });
      case 'data/source':
        await vscode.commands.executeCommand(SOURCE_COMMANDS[message.action], { project: this.projectUri.fsPath, name: message.name });
        this.refresh(await this.deps.index.revalidate(this.projectUri));
        return this.channel.post({ type: 'data/update', state: this.state });
      case 'data/preview':
        return this.channel.post({ type: 'data/previewed', id: message.id, ...await this.preview(message.steps) });
      case 'data/save':
        return this.channel.post({ type: 'data/saved', id: message.id, outcome: await this.save(message.steps) });
      case 'data/recordRisks':
        return this.channel.post({ type: 'data/risksRecorded', id: message.id, outcome: await this.recordRisks() });
      case 'data/saveSplit':
        return this.channel.post({ type: 'data/splitSaved', id: message.id, outcome: await this.saveSplit(message.split) });
      case 'data/columnsAt':
        return this.channel.post({ type: 'data/columns', id: message.id, ...await this.columnsAt(message.steps) });
    }
  }

  /** The state shown (sources, quality, saved steps). */
  get view(): DataViewState {
    return this.state;
  }

  /** Takes the project's current entry; the quality is assessed again when its sources changed. */
  private refresh(entry: ProjectEntry | undefined): void {
    if (!entry || this.disposed) { return; }
    const sources = entry.project?.data?.sources ?? [];
    const rows: SourceRow[] = sources.map((s, i) => ({
      name: s.name, path: s.path, role: s.role ?? 'train', rows: s.rows, columns: s.columns,
      stale: entry.diagnostics.find((d) => d.pointer === `/data/sources/${i}/sha256`)?.message,
    }));
    const steps = (entry.project?.data?.pipeline ?? []) as PipelineStep[];
    this.state = { ...this.state, projectName: projectLabel(entry), sources: rows, steps, split: entry.project?.data?.split };
    this.panel.title = `Data: ${this.state.projectName}`;
    const key = JSON.stringify(sources) + JSON.stringify(entry.project?.problem?.target ?? null);
    if (key !== this.sourcesKey) { this.sourcesKey = key; this.assess(); }
    if (this.ready) { void this.channel.post({ type: 'data/update', state: this.state }); }
  }

  private assess(): void {
    if (this.state.sources.length === 0) { this.state = { ...this.state, quality: { phase: 'none' } }; this.assessing = undefined; return; }
    this.state = { ...this.state, quality: { phase: 'assessing' } };
    const run = ++this.generation;
    this.assessing = (async () => {
      try {
        const report = await this.deps.engine.request(AssessQualityRequest.type, { projectFile: this.projectUri.fsPath }, { timeoutMs: 0 });
        if (this.generation === run) { this.state = { ...this.state, quality: { phase: 'done', report } }; }
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        this.deps.log.error(`quality of ${this.projectUri.fsPath}: ${error}`);
        if (this.generation === run) { this.state = { ...this.state, quality: { phase: 'failed', error } }; }
      }
      if (this.ready && this.generation === run) { await this.channel.post({ type: 'data/update', state: this.state }); }
    })();
  }

  /** A failing step comes back inside the preview; `failure` is for everything else (no training source, unreadable file). */
  private async preview(steps: PipelineStep[], rows?: number): Promise<{ preview?: PipelinePreview; failure?: string }> {
    try {
      return { preview: await this.deps.engine.request(PreviewPipelineRequest.type, { projectFile: this.projectUri.fsPath, steps, rows }) };
    } catch (err) {
      return { failure: err instanceof Error ? err.message : String(err) };
    }
  }

  private async save(steps: PipelineStep[]): Promise<DataOutcome> {
    try {
      await this.deps.engine.request(SavePipelineRequest.type, { projectFile: this.projectUri.fsPath, steps });
      this.refresh(await this.deps.index.revalidate(this.projectUri));
      return { kind: 'done', message: `Saved ${steps.length} step${steps.length === 1 ? '' : 's'}.` };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.deps.log.error(`saving the pipeline of ${this.projectUri.fsPath}: ${message}`);
      return { kind: 'failed', message };
    }
  }

  /** The columns a step sees when it comes after `steps`: the engine fits them (no rows come back). */
  private async columnsAt(steps: PipelineStep[]): Promise<{ columns?: string[]; failure?: string }> {
    const { preview, failure } = await this.preview(steps, 0);
    if (!preview) { return { failure }; }
    return preview.error ? { failure: preview.error.message } : { columns: preview.columnsAfter };
  }

  /** Writes (null: removes) the split; the engine refits the pipeline on the new training rows. */
  private async saveSplit(split: SplitSettings | null): Promise<DataOutcome> {
    try {
      await this.deps.engine.request(SaveSplitRequest.type, { projectFile: this.projectUri.fsPath, split });
      this.refresh(await this.deps.index.revalidate(this.projectUri));
      return { kind: 'done', message: split ? 'Saved the split.' : 'Removed the split: every row trains.' };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.deps.log.error(`saving the split of ${this.projectUri.fsPath}: ${message}`);
      return { kind: 'failed', message };
    }
  }

  private async recordRisks(): Promise<DataOutcome> {
    const risks = this.state.quality.report?.suggestedRisks ?? [];
    if (risks.length === 0) { return { kind: 'failed', message: 'The quality report suggests no risks.' }; }
    try {
      const added = await this.deps.engine.request(RecordRisksRequest.type, { projectFile: this.projectUri.fsPath, risks });
      await this.deps.index.revalidate(this.projectUri);
      return { kind: 'done', message: added === 0 ? 'The risks were in the register already.' : `Recorded ${added} risk${added === 1 ? '' : 's'} in the problem definition.` };
    } catch (err) {
      return { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
  }

  dispose(): void {
    if (this.disposed) { return; }
    this.disposed = true;
    DataPanel.open.delete(this.projectUri.toString());
    vscode.Disposable.from(...this.disposables, this.channel).dispose();
  }
}

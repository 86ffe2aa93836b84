import * as vscode from 'vscode';
import type { EdaReport } from '../../shared/eda/types';
import { AddPipelineStepRequest, ExploreRequest } from '../../shared/protocol/engine';
import { announceFile, exportEdaReport } from '../commands/edaReportExport';
import { isEdaWebviewMessage, MAX_CHART_CHARS } from '../../shared/protocol/edaPanel';
import type { AddStepOutcome, ChartFormat, EdaHostMessage, EdaViewState, FileOutcome, SaveChartMessage, SuggestedStepRef } from '../../shared/protocol/edaPanel';
import type { EngineClient } from '../engineClient';
import { projectLabel } from '../projects/projectIndex';
import type { ProjectIndex } from '../projects/projectIndex';
import { HostChannel } from './hostChannel';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const EDA_PANEL_VIEW_TYPE = 'mlWorkflow.edaPanel';

const PNG_PREFIX = 'data:image/png;base64,';
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The bytes to write for a chart from the webview, or why it is refused. */
function chartBytes(format: ChartFormat, data: string): Uint8Array | string {
  if (data.length > MAX_CHART_CHARS) { return `The chart is larger than ${MAX_CHART_CHARS / 1024 / 1024} MB.`; }
  if (format === 'svg') {
    const text = data.trim();
    return /^<svg[\s>]/.test(text) && text.endsWith('</svg>') ? Buffer.from(text, 'utf8') : 'The chart is not SVG text.';
  }
  if (!data.startsWith(PNG_PREFIX)) { return 'The chart is not a PNG data URL.'; }
  const base64 = data.slice(PNG_PREFIX.length);
  // Buffer.from skips characters that are not base64; a strict check keeps a mangled image out.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) { return 'The PNG data is not base64.'; }
  const bytes = Buffer.from(base64, 'base64');
  return PNG_MAGIC.every((b, i) => bytes[i] === b) ? bytes : 'The data is not a PNG image.';
}

/** A file name from a chart's title: "Distribution of age" -> distribution-of-age.svg. */
function chartFileName(title: string, format: ChartFormat): string {
  const stem = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return `${stem || 'chart'}.${format}`;
}

/** What the panel needs from the rest of the extension. */
export interface EdaPanelDeps {
  extensionUri: vscode.Uri;
  engine: EngineClient;
  index: ProjectIndex;
  log: vscode.LogOutputChannel;
}

/**
 * The Exploratory Data Analysis of one project's training data. The engine computes the report
 * (charts already binned and summarised); this class relays it to the webview, which only renders,
 * and adds the suggested pipeline steps the user picks to the project file.
 */
export class EdaPanel implements vscode.Disposable {
  private static readonly open = new Map<string, EdaPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private state: EdaViewState;
  /** The analysis in flight, if any. */
  private exploring: Promise<void> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private ready = false;
  private disposed = false;
  private pendingSection: string | undefined;
  private readonly channel: HostChannel<EdaHostMessage>;
  /** Every message posted to the webview (for observers such as the integration tests). */
  readonly onDidPost: vscode.Event<EdaHostMessage>;

  /** Opens the panel of a project (and explores its data), or brings its open panel forward. */
  static show(projectUri: vscode.Uri, deps: EdaPanelDeps, section?: string): EdaPanel {
    const existing = EdaPanel.open.get(projectUri.toString());
    if (existing) {
      existing.panel.reveal();
      if (section) { existing.focus(section); }
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(EDA_PANEL_VIEW_TYPE, 'Exploratory Data Analysis', vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    const instance = new EdaPanel(panel, projectUri, deps);
    instance.pendingSection = section;
    EdaPanel.open.set(projectUri.toString(), instance);
    instance.explore();
    return instance;
  }

  /** The open panel of a project, if any. */
  static find(projectUri: vscode.Uri): EdaPanel | undefined {
    return EdaPanel.open.get(projectUri.toString());
  }

  private constructor(readonly panel: vscode.WebviewPanel, readonly projectUri: vscode.Uri, private readonly deps: EdaPanelDeps) {
    this.channel = new HostChannel(panel.webview);
    this.onDidPost = this.channel.onDidPost;
    const entry = deps.index.get(projectUri);
    this.state = { projectName: entry ? projectLabel(entry) : projectUri.fsPath, phase: 'exploring', added: [] };
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'mlworkflow.svg');
    panel.title = `Exploratory Data Analysis: ${this.state.projectName}`;
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, 'eda', 'Exploratory Data Analysis');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /**
   * Handles one message from the webview (the same path the panel uses) and returns the reply it
   * posted, if any. Anything that is not a well-formed message is logged and ignored.
   */
  async receive(message: unknown): Promise<EdaHostMessage | undefined> {
    if (!isEdaWebviewMessage(message)) {
      this.deps.log.warn(`EDA panel: ignored a malformed message ${JSON.stringify(message)?.slice(0, 200)}`);
      return undefined;
    }
    switch (message.type) {
      case 'eda/ready': {
        await this.exploring;
        this.ready = true;
        const update = await this.channel.post({ type: 'eda/update', state: this.state });
        if (this.pendingSection) { this.focus(this.pendingSection); }
        return update;
      }
      case 'eda/refresh':
        this.explore();
        await this.exploring;
        return this.channel.post({ type: 'eda/update', state: this.state });
      case 'eda/addStep': {
        const outcome = await this.addStep(message.step);
        return this.channel.post({ type: 'eda/stepAdded', id: message.id, step: message.step, outcome });
      }
      case 'eda/saveChart':
        return this.channel.post({ type: 'eda/chartSaved', id: message.id, outcome: await this.saveChart(message) });
      case 'eda/exportHtml':
        return this.channel.post({ type: 'eda/exported', id: message.id, outcome: await this.exportHtml() });
    }
  }

  /**
   * Writes a chart the webview drew to `target`, or to a file the user picks (beside the project by
   * default). The content is checked first: SVG text, or a PNG data URL whose bytes are a PNG.
   */
  async saveChart(message: SaveChartMessage, target?: vscode.Uri): Promise<FileOutcome> {
    if (!isEdaWebviewMessage(message) || message.type !== 'eda/saveChart') { return { kind: 'failed', message: 'That is not a chart to save.' }; }
    const bytes = chartBytes(message.format, message.data);
    if (typeof bytes === 'string') {
      this.deps.log.warn(`EDA panel: refused to save the chart "${message.title}": ${bytes}`);
      return { kind: 'failed', message: bytes };
    }
    const uri = target ?? await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(this.projectUri, '..', chartFileName(message.title, message.format)),
      filters: message.format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      saveLabel: 'Save Chart',
      title: `Save "${message.title}" as ${message.format.toUpperCase()}`,
    });
    if (!uri) { return { kind: 'cancelled' }; }
    try {
      await vscode.workspace.fs.writeFile(uri, bytes);
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      this.deps.log.error(`saving the chart "${message.title}" to ${uri.toString()}: ${text}`);
      return { kind: 'failed', message: text };
    }
    announceFile(`Saved the chart "${message.title}" to ${vscode.workspace.asRelativePath(uri)}.`, uri, false);
    return { kind: 'saved', path: uri.fsPath };
  }

  /** Exports the whole analysis as a self-contained HTML report (to `target`, or where the user picks). */
  exportHtml(target?: vscode.Uri): Promise<FileOutcome> {
    return exportEdaReport(this.deps, this.projectUri, this.state.projectName, target);
  }

  /** Brings a question or a group of charts into view. */
  focus(section: string): void {
    if (!this.ready) { this.pendingSection = section; return; }
    this.pendingSection = undefined;
    void this.channel.post({ type: 'eda/focus', section });
  }

  /** The report shown, once computed. */
  get report(): EdaReport | undefined {
    return this.state.report;
  }

  /** (Re)computes the report in the engine, with progress in a notification the user can cancel. */
  private explore(): void {
    this.cancel?.cancel();
    const cancel = this.cancel = new vscode.CancellationTokenSource();
    this.state = { ...this.state, phase: 'exploring', error: undefined };
    if (this.ready) { void this.channel.post({ type: 'eda/update', state: this.state }); }
    this.exploring = Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exploring the data of ${this.state.projectName}…`, cancellable: true },
      async (_progress, token) => {
        const entry = await this.deps.index.revalidate(this.projectUri);
        if (entry?.project && (entry.project.data?.sources ?? []).length === 0) { return this.fail('This project has no data yet. Add a data source first.', true); }
        // The notification's Cancel button, a newer analysis and the panel closing all stop this one.
        const linked = token.onCancellationRequested(() => cancel.cancel());
        try {
          const report = await this.deps.engine.request(ExploreRequest.type, { projectFile: this.projectUri.fsPath }, { token: cancel.token, timeoutMs: 0 });
          if (this.cancel !== cancel || this.disposed) { return; }
          this.state = { ...this.state, phase: 'done', report, error: undefined, added: this.addedSteps(report) };
        } catch (err) {
          if (this.cancel !== cancel || this.disposed) { return; }
          if (cancel.token.isCancellationRequested) { this.state = { ...this.state, phase: 'failed', error: 'The analysis was cancelled.' }; return; }
          const text = err instanceof Error ? err.message : String(err);
          this.fail(/no data sources/.test(text) ? 'This project has no data yet. Add a data source first.' : `The analysis failed: ${text}`, /no data sources/.test(text));
        } finally {
          linked.dispose();
          cancel.dispose();
        }
      },
    )).then(async () => { if (this.ready && !this.disposed) { await this.channel.post({ type: 'eda/update', state: this.state }); } });
  }

  private fail(error: string, offerSource: boolean): void {
    this.state = { ...this.state, phase: 'failed', error };
    this.deps.log.error(`EDA of ${this.projectUri.fsPath}: ${error}`);
    const add = 'Add Data Source';
    void vscode.window.showErrorMessage(error, ...(offerSource ? [add] : [])).then(async (choice) => {
      if (choice === add) { await vscode.commands.executeCommand('mlWorkflow.data.addSource', this.projectUri); }
    });
  }

  private async addStep(ref: SuggestedStepRef): Promise<AddStepOutcome> {
    const step = this.state.report?.questions.find((q) => q.kind === ref.question)?.suggestedSteps[ref.index];
    if (!step) { return { kind: 'failed', message: 'That suggestion is not in the report shown; explore the data again.' }; }
    try {
      await this.deps.engine.request(AddPipelineStepRequest.type, { projectFile: this.projectUri.fsPath, step });
      // The tree's step-2 pipeline sub-task reads the file: show the new step there at once.
      await this.deps.index.revalidate(this.projectUri);
      if (!this.state.added.some((a) => a.question === ref.question && a.index === ref.index)) { this.state.added = [...this.state.added, ref]; }
      return { kind: 'added' };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.deps.log.error(`adding a pipeline step to ${this.projectUri.fsPath}: ${message}`);
      return { kind: 'failed', message };
    }
  }

  /** The report's suggested steps that the project's pipeline holds already (equal as JSON). */
  private addedSteps(report: EdaReport): SuggestedStepRef[] {
    // Saved steps carry what they learned (`fitted`); a suggestion is the step without it.
    const pipeline = new Set((this.deps.index.get(this.projectUri)?.project?.data?.pipeline ?? []).map((s) => {
      const { fitted: _, ...step } = s as { fitted?: unknown };
      return JSON.stringify(step);
    }));
    return report.questions.flatMap((q) => q.suggestedSteps.map((s, index) => ({ question: q.kind, index, json: JSON.stringify(s) })))
      .filter((s) => pipeline.has(s.json)).map(({ question, index }) => ({ question, index }));
  }

  dispose(): void {
    if (this.disposed) { return; }
    this.disposed = true;
    this.cancel?.cancel();
    EdaPanel.open.delete(this.projectUri.toString());
    vscode.Disposable.from(...this.disposables, this.channel).dispose();
  }
}


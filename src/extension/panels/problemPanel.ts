import * as path from 'node:path';
import * as vscode from 'vscode';
import { draftFromProblem, isProblemDraft, problemFromDraft } from '../../shared/project/problemDraft';
import type { ProblemDraft } from '../../shared/project/problemDraft';
import { EngineErrorCodes, SaveProblemRequest } from '../../shared/protocol/engine';
import { isProblemWebviewMessage } from '../../shared/protocol/problemPanel';
import type { ProblemFormState, ProblemHostMessage, SaveOutcome } from '../../shared/protocol/problemPanel';
import { EngineRequestError } from '../engineClient';
import type { EngineClient } from '../engineClient';
import { projectLabel } from '../projects/projectIndex';
import type { ProjectEntry, ProjectIndex } from '../projects/projectIndex';
import { HostChannel } from './hostChannel';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const PROBLEM_PANEL_VIEW_TYPE = 'mlWorkflow.problemPanel';

/** What a panel needs from the rest of the extension. */
export interface ProblemPanelDeps {
  extensionUri: vscode.Uri;
  engine: EngineClient;
  index: ProjectIndex;
  log: vscode.LogOutputChannel;
}

/**
 * The Problem Definition form of one project. The webview holds the form; this class loads the
 * project into it, checks and saves what it sends back, and keeps it in step with the file on disk.
 */
export class ProblemPanel implements vscode.Disposable {
  private static readonly open = new Map<string, ProblemPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The revision of the project file the form shows; a save must still find it on disk. */
  private revision: string | undefined;
  /** Whether the form holds edits not yet saved (the webview tells us). */
  private dirty = false;
  /** The last revision the user was warned about, so one change warns once. */
  private warnedRevision: string | undefined;
  /** While our own save is in flight, the file changing is expected, not news. */
  private saving = false;
  /** A field to focus once the form has loaded. */
  private pendingFocus: string | undefined;
  private readonly channel: HostChannel<ProblemHostMessage>;
  /** Every message posted to the webview (for observers such as the integration tests). */
  readonly onDidPost: vscode.Event<ProblemHostMessage>;

  /** Opens the panel of a project, or brings its open panel to the front. */
  static show(projectUri: vscode.Uri, deps: ProblemPanelDeps, focusField?: string): ProblemPanel {
    const existing = ProblemPanel.open.get(projectUri.toString());
    if (existing) {
      existing.panel.reveal();
      if (focusField) { void existing.focus(focusField); }
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PROBLEM_PANEL_VIEW_TYPE, 'Problem Definition', vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    const instance = new ProblemPanel(panel, projectUri, deps);
    instance.pendingFocus = focusField;
    ProblemPanel.open.set(projectUri.toString(), instance);
    return instance;
  }

  /** The open panel of a project, if any. */
  static find(projectUri: vscode.Uri): ProblemPanel | undefined {
    return ProblemPanel.open.get(projectUri.toString());
  }

  private constructor(readonly panel: vscode.WebviewPanel, readonly projectUri: vscode.Uri, private readonly deps: ProblemPanelDeps) {
    this.channel = new HostChannel(panel.webview);
    this.onDidPost = this.channel.onDidPost;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'problem.svg');
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, 'problem', 'Problem Definition');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      deps.index.onDidChange(() => void this.onProjectChanged()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /**
   * Handles one message from the webview (the same path the form uses) and returns the reply it
   * posted, if any. Anything that is not a well-formed message is logged and ignored.
   */
  async receive(message: unknown): Promise<ProblemHostMessage | undefined> {
    if (!isProblemWebviewMessage(message)) {
      this.deps.log.warn(`problem panel: ignored a malformed message ${JSON.stringify(message)?.slice(0, 200)}`);
      return undefined;
    }
    switch (message.type) {
      case 'problem/ready':
      case 'problem/reload':
        return this.load();
      case 'problem/dirty':
        this.dirty = message.dirty;
        return undefined;
      case 'problem/save': {
        const outcome = isProblemDraft(message.draft)
          ? await this.save(message.draft, message.overwrite ?? false)
          : { kind: 'failed', message: 'The form sent an unreadable problem definition.' } satisfies SaveOutcome;
        return this.channel.post({ type: 'problem/saved', id: message.id, outcome });
      }
    }
  }

  private async load(): Promise<ProblemHostMessage | undefined> {
    const entry = await this.deps.index.revalidate(this.projectUri);
    if (!entry) {
      void vscode.window.showErrorMessage(`${this.projectUri.fsPath} no longer exists; the Problem Definition panel closes.`);
      this.panel.dispose();
      return undefined;
    }
    this.revision = entry.revision;
    this.dirty = false;
    this.panel.title = `Problem Definition: ${projectLabel(entry)}`;
    const loaded = await this.channel.post({ type: 'problem/load', state: formState(entry) });
    if (this.pendingFocus) { await this.focus(this.pendingFocus); }
    return loaded;
  }

  /** Brings a field of the form into view and focuses it. */
  async focus(field: string): Promise<void> {
    this.pendingFocus = undefined;
    await this.channel.post({ type: 'problem/focus', field });
  }

  private async save(draft: ProblemDraft, overwrite: boolean): Promise<SaveOutcome> {
    const entry = this.deps.index.get(this.projectUri);
    const { problem, errors } = problemFromDraft(draft, entry?.columns);
    if (!problem) { return { kind: 'invalid', errors }; }
    // Overwriting is the user's explicit choice after a conflict: save over whatever is on disk now.
    const expectedRevision = overwrite ? (await this.deps.index.revalidate(this.projectUri))?.revision : this.revision;
    if (!expectedRevision) { return { kind: 'failed', message: `${this.projectUri.fsPath} could not be read.` }; }
    this.saving = true;
    try {
      const result = await this.deps.engine.request(SaveProblemRequest.type, { path: this.projectUri.fsPath, problem, expectedRevision });
      this.revision = result.revision;
      this.dirty = false;
      await this.deps.index.revalidate(this.projectUri);
      return { kind: 'saved' };
    } catch (err) {
      if (err instanceof EngineRequestError && err.code === EngineErrorCodes.Conflict) { return { kind: 'conflict' }; }
      const message = err instanceof Error ? err.message : String(err);
      this.deps.log.error(`saving the problem definition: ${message}`);
      return { kind: 'failed', message };
    } finally {
      this.saving = false;
    }
  }

  /** The file changed (by hand, git, another window): refresh a clean form, warn a dirty one. */
  private async onProjectChanged(): Promise<void> {
    const entry = this.deps.index.get(this.projectUri);
    if (this.saving || !entry?.revision || entry.revision === this.revision) { return; }
    // A file caught half-written, or broken by hand, is not loaded over the form: the form keeps
    // the last good state, and a save will meet the change as a conflict.
    if (!entry.project) { return; }
    if (!this.dirty) {
      this.revision = entry.revision;
      await this.channel.post({ type: 'problem/load', state: formState(entry) });
    } else if (this.warnedRevision !== entry.revision) {
      this.warnedRevision = entry.revision;
      await this.channel.post({ type: 'problem/changedOnDisk' });
    }
  }

  dispose(): void {
    ProblemPanel.open.delete(this.projectUri.toString());
    vscode.Disposable.from(...this.disposables, this.channel).dispose();
  }
}

function formState(entry: ProjectEntry): ProblemFormState {
  const errors = entry.diagnostics.filter((d) => d.severity === 'error');
  const sourceErrors = errors.filter((d) => d.pointer.startsWith('/data/sources'));
  return {
    projectName: projectLabel(entry),
    draft: draftFromProblem(entry.project?.problem),
    columns: entry.columns ?? [],
    columnsError: sourceErrors[0]?.message,
    fileErrors: [
      ...(entry.error ? [entry.error] : []),
      ...errors.filter((d) => !d.pointer.startsWith('/data/sources')).map((d) => `${path.basename(entry.uri.fsPath)}:${d.line}: ${d.message}`),
    ],
  };
}

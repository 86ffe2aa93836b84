import * as path from 'node:path';
import * as vscode from 'vscode';
import { isProfileWebviewMessage } from '../../shared/protocol/profilePanel';
import type { ProfileHostMessage, ProfileViewState } from '../../shared/protocol/profilePanel';
import type { DataProfiles } from '../csv/dataProfiles';
import { HostChannel } from './hostChannel';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const DATA_PROFILE_VIEW_TYPE = 'mlWorkflow.dataProfilePanel';

/** What the panel needs from the rest of the extension. */
export interface DataProfilePanelDeps {
  extensionUri: vscode.Uri;
  profiles: DataProfiles;
  log: vscode.LogOutputChannel;
}

/**
 * The Data Profile of one data file: overview, a card per column, correlations. The panel holds
 * the file's profile in DataProfiles (so a file too large for the editor is profiled from disk
 * for it) and relays each new state to the webview, which only renders.
 */
export class DataProfilePanel implements vscode.Disposable {
  private static readonly open = new Map<string, DataProfilePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private disposed = false;
  /** A column to bring into view once the webview has rendered. */
  private pendingColumn: string | undefined;
  private readonly channel: HostChannel<ProfileHostMessage>;
  /** Every message posted to the webview (for observers such as the integration tests). */
  readonly onDidPost: vscode.Event<ProfileHostMessage>;

  /** Opens the panel of a file (beside its editor, when one shows it), or brings its open panel forward. */
  static show(uri: vscode.Uri, deps: DataProfilePanelDeps, column?: string): DataProfilePanel {
    const existing = DataProfilePanel.open.get(uri.toString());
    if (existing) {
      existing.panel.reveal(undefined, true);
      if (column) { existing.focusColumn(column); }
      return existing;
    }
    const besideEditor = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString());
    const panel = vscode.window.createWebviewPanel(DATA_PROFILE_VIEW_TYPE, `Data Profile: ${path.basename(uri.fsPath)}`,
      { viewColumn: besideEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: besideEditor }, webviewOptions(deps.extensionUri));
    const instance = new DataProfilePanel(panel, uri, deps);
    instance.pendingColumn = column;
    DataProfilePanel.open.set(uri.toString(), instance);
    return instance;
  }

  /** The open panel of a file, if any. */
  static find(uri: vscode.Uri): DataProfilePanel | undefined {
    return DataProfilePanel.open.get(uri.toString());
  }

  private constructor(readonly panel: vscode.WebviewPanel, readonly uri: vscode.Uri, private readonly deps: DataProfilePanelDeps) {
    this.channel = new HostChannel(panel.webview);
    this.onDidPost = this.channel.onDidPost;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'mlworkflow.svg');
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, 'profile', 'Data Profile');
    deps.profiles.acquire(uri, 'panel');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      deps.profiles.onDidChange((changed) => { if (this.ready && changed.toString() === uri.toString()) { void this.channel.post({ type: 'profile/update', state: this.state() }); } }),
      deps.profiles.onDidProgress((p) => { if (this.ready && p.uri.toString() === uri.toString()) { void this.channel.post({ type: 'profile/progress', progress: p.progress }); } }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Handles one message from the webview; anything malformed is logged and ignored. */
  async receive(message: unknown): Promise<void> {
    if (!isProfileWebviewMessage(message)) {
      this.deps.log.warn(`data profile panel: ignored a malformed message ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'profile/ready':
        this.ready = true;
        await this.channel.post({ type: 'profile/update', state: this.state() });
        if (this.pendingColumn) { this.focusColumn(this.pendingColumn); }
        return;
      case 'profile/refresh':
        this.deps.profiles.refresh(this.uri);
        return;
      case 'profile/cancel':
        this.deps.profiles.cancel(this.uri);
        return;
      case 'profile/revealLine':
        await this.revealLine(message.line);
    }
  }

  /** Brings a column's card into view and focuses it. */
  focusColumn(column: string): void {
    if (!this.ready) { this.pendingColumn = column; return; }
    this.pendingColumn = undefined;
    void this.channel.post({ type: 'profile/focusColumn', column });
  }

  private state(): ProfileViewState {
    const entry = this.deps.profiles.get(this.uri);
    return {
      fileName: path.basename(this.uri.fsPath),
      displayPath: vscode.workspace.asRelativePath(this.uri, true),
      phase: entry?.phase ?? 'sampling',
      profile: entry?.profile,
      error: entry?.error,
    };
  }

  private async revealLine(line: number): Promise<void> {
    try {
      const position = new vscode.Position(line - 1, 0);
      await vscode.window.showTextDocument(this.uri, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
    } catch (err) {
      // Files over 50 MB never open as text documents; say so rather than fail silently.
      void vscode.window.showWarningMessage(`Could not open ${path.basename(this.uri.fsPath)} at line ${line}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    if (this.disposed) { return; }
    this.disposed = true;
    DataProfilePanel.open.delete(this.uri.toString());
    vscode.Disposable.from(...this.disposables, this.channel).dispose();
    // After our listeners are gone: letting go of the profile fires a change nobody here must answer.
    this.deps.profiles.release(this.uri, 'panel');
  }
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import { computeStatuses } from '../../shared/project/status';
import type { StepStatus } from '../../shared/project/status';
import type { ProjectDiagnostic } from '../../shared/project/diagnostics';
import { PROJECT_FILE_NAME } from '../../shared/project/types';
import type { ProjectFile } from '../../shared/project/types';
import { ValidateProjectRequest } from '../../shared/protocol/engine';
import type { EngineClient } from '../engineClient';

/** What the extension knows of one project file: its validation by the engine, and the statuses derived from it. */
export interface ProjectEntry {
  uri: vscode.Uri;
  /** The parsed project, when it is valid enough to use. */
  project?: ProjectFile;
  diagnostics: ProjectDiagnostic[];
  /** The revision (SHA-256 of the text) the entry was computed from. */
  revision?: string;
  /** Columns of the first training data file's header, when readable. */
  columns?: string[];
  steps: StepStatus[];
  /** Why the file could not be validated at all (unreadable, engine failure). */
  error?: string;
}

/** The project's display name: its own name, or its folder's while the file cannot be read. */
export function projectLabel(entry: ProjectEntry): string {
  return entry.project?.name ?? path.basename(path.dirname(entry.uri.fsPath));
}

/**
 * Finds every `mlworkflow.json` in the workspace, keeps each one's validation current (file
 * watcher), publishes its problems to the Problems panel, and tells listeners when anything changes.
 */
export class ProjectIndex implements vscode.Disposable {
  private readonly entries = new Map<string, ProjectEntry>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('ML Workflow');
  private readonly pending = new Map<string, Promise<ProjectEntry | undefined>>();
  private scan: Promise<void> | undefined;
  private arrivals: vscode.Uri[] = [];
  private arrivalTimer: NodeJS.Timeout | undefined;
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly engine: EngineClient, private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${PROJECT_FILE_NAME}`);
    // A folder deleted or arriving whole (copied, unzipped, checked out) is reported as the folder
    // alone: the project file inside it raises no event of its own.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    // A registered data file that changes makes what was computed from it stale: check its projects again.
    const dataFiles = vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,CSV,TSV}', true, false, true);
    this.disposables.push(
      dataFiles,
      dataFiles.onDidChange((uri) => this.revalidateUsersOf(uri)),
      watcher,
      folders,
      folders.onDidDelete((uri) => this.removeUnder(uri)),
      folders.onDidCreate((uri) => this.noteArrival(uri)),
      { dispose: () => clearTimeout(this.arrivalTimer) },
      watcher.onDidCreate((uri) => void this.revalidate(uri)),
      watcher.onDidChange((uri) => void this.revalidate(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      // The JSON editor reports syntax and schema problems of an open file itself; ours would repeat them.
      vscode.workspace.onDidOpenTextDocument((d) => this.republish(d.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.republish(d.uri)),
      engine.onDidRestart(() => void this.rescan()),
      this.diagnostics,
      this.changeEmitter,
    );
  }

  /** All known projects, sorted by path. */
  get projects(): ProjectEntry[] {
    return [...this.entries.values()].sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
  }

  /** The entry of one project file, if known. */
  get(uri: vscode.Uri): ProjectEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Resolves once the first workspace scan has finished. */
  ready(): Promise<void> {
    return this.scan ?? this.rescan();
  }

  /** Looks for project files again and revalidates all of them. */
  rescan(): Promise<void> {
    this.scan = (async () => {
      const uris = await vscode.workspace.findFiles(`**/${PROJECT_FILE_NAME}`, '**/{node_modules,.git}/**');
      const found = new Set(uris.map((u) => u.toString()));
      for (const key of [...this.entries.keys()]) {
        if (!found.has(key)) { this.remove(vscode.Uri.parse(key)); }
      }
      await Promise.all(uris.map((u) => this.revalidate(u)));
      this.fireChange();
    })();
    return this.scan;
  }

  /** Validates one project file in the engine and updates its entry, diagnostics and the tree. */
  revalidate(uri: vscode.Uri): Promise<ProjectEntry | undefined> {
    const key = uri.toString();
    const running = this.pending.get(key);
    // A change during a validation re-runs it once afterwards, so the last write always wins.
    const next = (running ?? Promise.resolve(undefined)).then(() => this.validateNow(uri));
    this.pending.set(key, next);
    void next.finally(() => { if (this.pending.get(key) === next) { this.pending.delete(key); } });
    return next;
  }

  private async validateNow(uri: vscode.Uri): Promise<ProjectEntry | undefined> {
    if (uri.scheme !== 'file') { return undefined; }
    let entry: ProjectEntry;
    try {
      const result = await this.engine.request(ValidateProjectRequest.type, { path: uri.fsPath });
      entry = {
        uri, project: result.project, diagnostics: result.diagnostics, revision: result.revision, columns: result.columns,
        steps: computeStatuses(result.project, result.diagnostics),
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (/no such file/.test(message)) { this.remove(uri); return undefined; }
      this.log.error(`validating ${uri.fsPath}: ${message}`);
      entry = { uri, diagnostics: [], steps: computeStatuses(undefined, []), error: message };
    }
    this.entries.set(uri.toString(), entry);
    this.republish(uri);
    this.fireChange();
    return entry;
  }

  private remove(uri: vscode.Uri): void {
    if (this.entries.delete(uri.toString())) {
      this.diagnostics.delete(uri);
      this.fireChange();
    }
  }

  /** Collects created paths for a moment, then searches the new folders among them for project files. */
  private noteArrival(uri: vscode.Uri): void {
    if (/[\\/](node_modules|\.git)([\\/]|$)/.test(uri.fsPath) || uri.fsPath.endsWith(PROJECT_FILE_NAME)) { return; }
    this.arrivals.push(uri);
    clearTimeout(this.arrivalTimer);
    this.arrivalTimer = setTimeout(() => void this.searchArrivals(), 300);
  }

  private async searchArrivals(): Promise<void> {
    // Only the outermost new paths: a copied tree is searched once, from its top.
    const paths = this.arrivals.map((u) => u.fsPath).sort((a, b) => a.length - b.length);
    this.arrivals = [];
    const tops = paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(`${q}/`)));
    for (const top of tops) {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.file(top)).then((s) => s, () => undefined);
      if (stat?.type !== vscode.FileType.Directory) { continue; }
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.file(top), `**/${PROJECT_FILE_NAME}`), '**/{node_modules,.git}/**');
      await Promise.all(found.map((u) => this.revalidate(u)));
    }
  }

  private revalidateUsersOf(dataFile: vscode.Uri): void {
    for (const entry of this.projects) {
      const folder = path.dirname(entry.uri.fsPath);
      if (entry.project?.data?.sources?.some((s) => path.resolve(folder, s.path) === dataFile.fsPath)) { void this.revalidate(entry.uri); }
    }
  }

  private removeUnder(folder: vscode.Uri): void {
    const prefix = `${folder.fsPath}/`;
    for (const entry of this.projects) {
      if (entry.uri.fsPath.startsWith(prefix)) { this.remove(entry.uri); }
    }
  }

  private republish(uri: vscode.Uri): void {
    const entry = this.entries.get(uri.toString());
    if (!entry) { return; }
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    const shown = entry.diagnostics.filter((d) => !open || d.kind === 'semantic');
    this.diagnostics.set(uri, shown.map(toVscodeDiagnostic));
  }

  private fireChange(): void {
    void vscode.commands.executeCommand('setContext', 'mlWorkflow:hasProject', this.entries.size > 0);
    this.changeEmitter.fire();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function toVscodeDiagnostic(d: ProjectDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1);
  const diagnostic = new vscode.Diagnostic(range, d.message, d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'ML Workflow';
  return diagnostic;
}

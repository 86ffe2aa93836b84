import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DataRole, DataSource } from '../../shared/project/types';
import { AddSourceRequest, RemoveSourceRequest } from '../../shared/protocol/engine';
import type { EngineClient } from '../engineClient';
import type { ProjectIndex } from '../projects/projectIndex';
import { pickProject } from './pickProject';
import type { ProjectArg } from './pickProject';

/** Arguments that skip the prompts (scripts and tests). */
export interface SourceArgs { project: string; file?: string; name?: string; role?: DataRole }

interface Deps { engine: EngineClient; index: ProjectIndex }

/** Registers the commands that add, refresh and remove a project's data sources. */
export function registerSourceCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlWorkflow.data.addSource', (args?: SourceArgs | ProjectArg) => addSource(deps, args)),
    vscode.commands.registerCommand('mlWorkflow.data.refreshSource', (args?: SourceArgs | ProjectArg) => refreshSource(deps, args)),
    vscode.commands.registerCommand('mlWorkflow.data.removeSource', (args?: SourceArgs | ProjectArg) => removeSource(deps, args)),
  );
}

function isSourceArgs(arg: unknown): arg is SourceArgs {
  return typeof arg === 'object' && arg !== null && typeof (arg as SourceArgs).project === 'string';
}

async function projectOf(deps: Deps, arg: SourceArgs | ProjectArg): Promise<vscode.Uri | undefined> {
  return isSourceArgs(arg) ? vscode.Uri.file(arg.project) : pickProject(deps.index, arg);
}

async function addSource(deps: Deps, arg: SourceArgs | ProjectArg): Promise<DataSource | undefined> {
  const project = await projectOf(deps, arg);
  if (!project) { return undefined; }
  const given = isSourceArgs(arg) ? arg : undefined;
  const file = given?.file ?? await pickDataFile();
  if (!file) { return undefined; }
  const role = given?.role ?? await pickRole();
  if (!role) { return undefined; }
  return register(deps, project, { dataFile: file, role, name: given?.name });
}

/** Registers the file of an existing source again, accepting its new content. */
async function refreshSource(deps: Deps, arg: SourceArgs | ProjectArg): Promise<DataSource | undefined> {
  const project = await projectOf(deps, arg);
  if (!project) { return undefined; }
  const source = await pickSource(deps, project, isSourceArgs(arg) ? arg.name : undefined, 'Which data source changed?');
  if (!source) { return undefined; }
  const dataFile = path.resolve(path.dirname(project.fsPath), source.path);
  return register(deps, project, { dataFile, role: source.role ?? 'train', name: source.name, replace: true });
}

async function removeSource(deps: Deps, arg: SourceArgs | ProjectArg): Promise<boolean> {
  const project = await projectOf(deps, arg);
  if (!project) { return false; }
  const source = await pickSource(deps, project, isSourceArgs(arg) ? arg.name : undefined, 'Which data source should be removed from the project?');
  if (!source) { return false; }
  try {
    await deps.engine.request(RemoveSourceRequest.type, { projectFile: project.fsPath, name: source.name });
    await deps.index.revalidate(project);
    return true;
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not remove "${source.name}": ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

async function register(deps: Deps, project: vscode.Uri, params: { dataFile: string; role: DataRole; name?: string; replace?: boolean }): Promise<DataSource | undefined> {
  try {
    // The whole file is read to count its records: show progress, and never time out.
    const source = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Registering ${path.basename(params.dataFile)}…`, cancellable: true },
      (_, token) => deps.engine.request(AddSourceRequest.type, { projectFile: project.fsPath, ...params }, { token, timeoutMs: 0 }));
    await deps.index.revalidate(project);
    void vscode.window.showInformationMessage(`Data source "${source.name}": ${source.rows?.toLocaleString('en-US')} rows × ${source.columns} columns, ${source.role}.`);
    return source;
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not register ${path.basename(params.dataFile)}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

async function pickDataFile(): Promise<string | undefined> {
  const found = await vscode.workspace.findFiles('**/*.{csv,tsv,CSV,TSV}', '**/{node_modules,.git}/**', 200);
  const items: (vscode.QuickPickItem & { file?: string })[] = [
    ...found.map((u) => ({ label: `$(table) ${vscode.workspace.asRelativePath(u, true)}`, file: u.fsPath })),
    { label: '$(folder-opened) Browse…', description: 'choose a CSV or TSV file' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Add Data Source (1/2)', placeHolder: 'Which data file?' });
  if (!picked) { return undefined; }
  if (picked.file) { return picked.file; }
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Delimited text': ['csv', 'tsv'] }, openLabel: 'Add Data Source' });
  return chosen?.[0]?.fsPath;
}

async function pickRole(): Promise<DataRole | undefined> {
  const roles: { label: string; description: string; role: DataRole }[] = [
    { label: 'train', description: 'rows to learn from (cross-validated)', role: 'train' },
    { label: 'test', description: 'held-out rows, used only for the final check', role: 'test' },
    { label: 'new', description: 'rows to predict, without labels', role: 'new' },
  ];
  return (await vscode.window.showQuickPick(roles, { title: 'Add Data Source (2/2)', placeHolder: 'What is this data for?' }))?.role;
}

async function pickSource(deps: Deps, project: vscode.Uri, name: string | undefined, placeHolder: string): Promise<DataSource | undefined> {
  const entry = deps.index.get(project) ?? await deps.index.revalidate(project);
  const sources = entry?.project?.data?.sources ?? [];
  if (name !== undefined) { return sources.find((s) => s.name === name); }
  if (sources.length === 0) { void vscode.window.showInformationMessage('This project has no data sources yet.'); return undefined; }
  const picked = await vscode.window.showQuickPick(sources.map((s) => ({ label: s.name, description: `${s.path} · ${s.role ?? 'train'}`, source: s })), { placeHolder });
  return picked?.source;
}

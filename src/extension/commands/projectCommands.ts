import * as path from 'node:path';
import * as vscode from 'vscode';
import { PROJECT_FILE_NAME } from '../../shared/project/types';
import { CopySampleRequest, CreateProjectRequest } from '../../shared/protocol/engine';
import type { EngineClient } from '../engineClient';
import type { ProjectIndex } from '../projects/projectIndex';
import { pickProject } from './pickProject';
import type { ProjectArg } from './pickProject';

/** Arguments that skip the prompts of Create Project (scripts and tests). */
export interface CreateProjectArgs { folder: string; name: string; dataFile?: string }

interface Deps { engine: EngineClient; index: ProjectIndex }

/** Registers the commands that create, copy, open and refresh projects. */
export function registerProjectCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlWorkflow.project.create', (args?: CreateProjectArgs) => createProject(deps, args)),
    vscode.commands.registerCommand('mlWorkflow.project.openSample', (parent?: string) => openSample(deps, parent)),
    vscode.commands.registerCommand('mlWorkflow.project.openFile', async (arg?: ProjectArg) => {
      const uri = await pickProject(deps.index, arg);
      if (uri) { await vscode.window.showTextDocument(uri); }
    }),
    vscode.commands.registerCommand('mlWorkflow.project.refresh', () => deps.index.rescan()),
  );
}

async function createProject(deps: Deps, args: CreateProjectArgs | undefined): Promise<vscode.Uri | undefined> {
  const input = args ?? await askForProject();
  if (!input) { return undefined; }
  try {
    const result = await deps.engine.request(CreateProjectRequest.type, input);
    const uri = vscode.Uri.file(result.path);
    await addToWorkspaceIfOutside(uri);
    await deps.index.revalidate(uri);
    if (!args) { await afterOpen(uri); }
    return uri;
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not create the project: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** The three questions of Create Project: name, where, and which data file (optional). */
async function askForProject(): Promise<CreateProjectArgs | undefined> {
  const title = 'Create ML Workflow Project';
  const name = await vscode.window.showInputBox({
    title: `${title} (1/3)`, prompt: 'Project name', placeHolder: 'e.g. Churn prediction', ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Give the project a name.' : undefined),
  });
  if (name === undefined) { return undefined; }
  const folder = await askForFolder(`${title} (2/3)`, name.trim());
  if (!folder) { return undefined; }
  const dataFile = await askForDataFile(`${title} (3/3)`);
  if (dataFile === undefined) { return undefined; }
  return { name: name.trim(), folder, dataFile: dataFile || undefined };
}

async function askForFolder(title: string, name: string): Promise<string | undefined> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'ml-project';
  const items: (vscode.QuickPickItem & { folder?: string })[] = (vscode.workspace.workspaceFolders ?? []).flatMap((ws) => [
    { label: `$(new-folder) ${path.join(ws.name, slug)}`, description: 'a new folder', folder: path.join(ws.uri.fsPath, slug) },
    { label: `$(root-folder) ${ws.name}`, description: 'the workspace folder itself', folder: ws.uri.fsPath },
  ]);
  items.push({ label: '$(folder-opened) Browse…', description: 'choose another folder' });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: `Where should ${PROJECT_FILE_NAME} go?`, ignoreFocusOut: true });
  if (!picked) { return undefined; }
  if (picked.folder) { return picked.folder; }
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create Project Here' });
  return chosen?.[0]?.fsPath;
}

/** '' means "no data file yet"; undefined means the user cancelled. */
async function askForDataFile(title: string): Promise<string | undefined> {
  const found = await vscode.workspace.findFiles('**/*.{csv,tsv,CSV,TSV}', '**/{node_modules,.git}/**', 200);
  const items: (vscode.QuickPickItem & { file?: string })[] = [
    { label: '$(circle-slash) No data file yet', description: 'add one later', file: '' },
    ...found.map((u) => ({ label: `$(table) ${vscode.workspace.asRelativePath(u, true)}`, file: u.fsPath })),
    { label: '$(folder-opened) Browse…', description: 'choose a CSV or TSV file' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Which data file holds the training data? (optional)', ignoreFocusOut: true });
  if (!picked) { return undefined; }
  if (picked.file !== undefined) { return picked.file; }
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Delimited text': ['csv', 'tsv'] }, openLabel: 'Use This Data' });
  return chosen?.[0]?.fsPath;
}

async function openSample(deps: Deps, parentArg: string | undefined): Promise<vscode.Uri | undefined> {
  let parent = parentArg ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!parent) {
    const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Put the Sample Here' });
    parent = chosen?.[0]?.fsPath;
    if (!parent) { return undefined; }
  }
  try {
    const result = await deps.engine.request(CopySampleRequest.type, { parent });
    const uri = vscode.Uri.file(result.projectFile);
    await addToWorkspaceIfOutside(uri);
    await deps.index.revalidate(uri);
    if (parentArg === undefined) { await afterOpen(uri); }
    void vscode.window.showInformationMessage(`Sample project copied to ${vscode.workspace.asRelativePath(result.folder, true)} (penguins data, CC0).`);
    return uri;
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not copy the sample project: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** A project outside the workspace would not show in the tree; add its folder to the workspace. */
async function addToWorkspaceIfOutside(projectFile: vscode.Uri): Promise<void> {
  if (vscode.workspace.getWorkspaceFolder(projectFile)) { return; }
  const folder = vscode.Uri.file(path.dirname(projectFile.fsPath));
  const count = vscode.workspace.workspaceFolders?.length ?? 0;
  vscode.workspace.updateWorkspaceFolders(count, 0, { uri: folder });
}

/** After the user creates or copies a project: show it in the tree and open its first step. */
async function afterOpen(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('mlWorkflow.workflowTree.focus');
  await vscode.commands.executeCommand('mlWorkflow.problem.open', uri);
}

import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MlWorkflowApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'mlworkflow.ml-workflow';

/** The running extension's API (activating it if needed). */
export async function api(): Promise<MlWorkflowApi> {
  const extension = vscode.extensions.getExtension<MlWorkflowApi>(EXTENSION_ID);
  if (!extension) { throw new Error(`${EXTENSION_ID} is not installed`); }
  return extension.activate();
}

/** The test workspace folder (a fresh copy of test/fixtures/workspace). */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) { throw new Error('the tests need a workspace folder'); }
  return folder.uri.fsPath;
}

/** A new, empty folder in the workspace for one test. */
export async function freshFolder(name: string): Promise<string> {
  const dir = path.join(workspaceDir(), `${name}-${Date.now().toString(36)}`);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

/** Waits until `check` returns something truthy; fails with `what` after the timeout. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) { return value; }
    if (Date.now() > deadline) { throw new Error(`timed out waiting for ${what}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function readJson(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown>;
}

/** A project on a copy of the titanic fixture, with its problem (binary, target survived) written in. */
export async function titanicProject(name: string): Promise<vscode.Uri> {
  const a = await api();
  // From out/test/integration: the fixtures are in the repository (the .vsix does not ship them).
  const root = path.resolve(__dirname, '..', '..', '..');
  const folder = await freshFolder(name);
  const dataFile = path.join(folder, 'titanic.csv');
  await fs.copyFile(path.join(root, 'test', 'fixtures', 'datasets', 'titanic.csv'), dataFile);
  const uri = await vscode.commands.executeCommand<vscode.Uri>('mlWorkflow.project.create', { folder, name, dataFile });
  const project = await readJson(uri.fsPath);
  project.problem = { task: 'binary', target: 'survived' };
  await fs.writeFile(uri.fsPath, `${JSON.stringify(project, null, 2)}\n`);
  await waitFor('the problem in the index', async () => (await a.index.revalidate(uri))?.project?.problem?.target === 'survived');
  return uri;
}

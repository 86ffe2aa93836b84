import * as vscode from 'vscode';
import { projectLabel } from '../projects/projectIndex';
import type { ProjectIndex } from '../projects/projectIndex';
import type { WorkflowNode } from '../tree/workflowTree';

/** What a command may be called with: a tree node, a project file's Uri (or its string), or nothing. */
export type ProjectArg = WorkflowNode | vscode.Uri | string | undefined;

/**
 * The project a command acts on: the one it was called with, the only one in the workspace, or
 * the one the user picks. Undefined when there is none or the user cancels.
 */
export async function pickProject(index: ProjectIndex, arg: ProjectArg): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) { return arg; }
  if (typeof arg === 'string') { return vscode.Uri.parse(arg); }
  if (arg && 'entry' in arg) { return arg.entry.uri; }
  await index.ready();
  const projects = index.projects;
  if (projects.length === 1) { return projects[0].uri; }
  if (projects.length === 0) {
    const create = 'Create Project';
    const sample = 'Open Sample Project';
    const choice = await vscode.window.showInformationMessage('There is no ML Workflow project in this workspace yet.', create, sample);
    if (choice === create) { await vscode.commands.executeCommand('mlWorkflow.project.create'); }
    if (choice === sample) { await vscode.commands.executeCommand('mlWorkflow.project.openSample'); }
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    projects.map((p) => ({ label: projectLabel(p), description: vscode.workspace.asRelativePath(p.uri, true), uri: p.uri })),
    { title: 'ML Workflow: choose a project', placeHolder: 'Which project?' },
  );
  return picked?.uri;
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StepStatus, SubTaskStatus } from '../../shared/project/status';
import { projectLabel } from '../projects/projectIndex';
import type { ProjectEntry, ProjectIndex } from '../projects/projectIndex';
import { STATUS_LABELS, statusIcon } from './statusIcons';

/** A node of the workflow tree: a project, one of its six steps, or a step's sub-task. */
export type WorkflowNode =
  | { kind: 'project'; entry: ProjectEntry }
  | { kind: 'step'; entry: ProjectEntry; step: StepStatus }
  | { kind: 'subTask'; entry: ProjectEntry; step: StepStatus; subTask: SubTaskStatus };

/** Arguments of the command a step or sub-task runs when clicked. */
export interface OpenStepArgs { projectUri: string; step: string; subTask?: string }

export const OPEN_STEP_COMMAND = 'mlWorkflow.step.open';

/** The workflow tree: projects, their six steps and sub-tasks, each with a status computed from the project file. */
export class WorkflowTreeProvider implements vscode.TreeDataProvider<WorkflowNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<WorkflowNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: ProjectIndex) {
    this.subscription = index.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  getChildren(node?: WorkflowNode): WorkflowNode[] {
    if (!node) { return this.index.projects.map((entry) => ({ kind: 'project', entry })); }
    if (node.kind === 'project') { return node.entry.steps.map((step) => ({ kind: 'step', entry: node.entry, step })); }
    if (node.kind === 'step') { return node.step.subTasks.map((subTask) => ({ kind: 'subTask', entry: node.entry, step: node.step, subTask })); }
    return [];
  }

  getTreeItem(node: WorkflowNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project': return projectItem(node.entry);
      case 'step': return stepItem(node.entry, node.step);
      case 'subTask': return subTaskItem(node.entry, node.step, node.subTask);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

function projectItem(entry: ProjectEntry): vscode.TreeItem {
  const item = new vscode.TreeItem(projectLabel(entry), vscode.TreeItemCollapsibleState.Expanded);
  item.id = entry.uri.toString();
  const folder = vscode.workspace.asRelativePath(path.dirname(entry.uri.fsPath), true);
  const errors = entry.diagnostics.filter((d) => d.severity === 'error');
  const broken = !entry.project;
  item.description = broken ? 'needs attention' : folder;
  item.iconPath = broken || errors.length > 0 ? statusIcon('attention') : new vscode.ThemeIcon('beaker');
  item.contextValue = 'mlWorkflow.project';
  item.resourceUri = entry.uri;
  const tooltip = new vscode.MarkdownString(`**${projectLabel(entry)}**\n\n${vscode.workspace.asRelativePath(entry.uri, true)}`);
  if (entry.error) { tooltip.appendMarkdown(`\n\n$(error) ${entry.error}`); }
  for (const d of errors.slice(0, 5)) { tooltip.appendMarkdown(`\n\n$(warning) Line ${d.line}: ${escape(d.message)}`); }
  if (errors.length > 5) { tooltip.appendMarkdown(`\n\n…and ${errors.length - 5} more in the Problems panel.`); }
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  if (broken) { item.command = { command: 'vscode.open', title: 'Open Project File', arguments: [entry.uri] }; }
  return item;
}

function stepItem(entry: ProjectEntry, step: StepStatus): vscode.TreeItem {
  const item = new vscode.TreeItem(`${step.number}. ${step.label}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `${entry.uri.toString()}#${step.id}`;
  item.description = STATUS_LABELS[step.status];
  item.iconPath = statusIcon(step.status);
  item.tooltip = new vscode.MarkdownString(`**${step.label}** — ${STATUS_LABELS[step.status]}\n\n${escape(step.detail)}`);
  item.contextValue = `mlWorkflow.step.${step.id}`;
  item.command = openStep({ projectUri: entry.uri.toString(), step: step.id });
  return item;
}

function subTaskItem(entry: ProjectEntry, step: StepStatus, subTask: SubTaskStatus): vscode.TreeItem {
  const item = new vscode.TreeItem(subTask.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${entry.uri.toString()}#${step.id}/${subTask.id}`;
  item.iconPath = statusIcon(subTask.status);
  item.tooltip = new vscode.MarkdownString(`**${subTask.label}** — ${STATUS_LABELS[subTask.status]}\n\n${escape(subTask.detail)}`);
  item.contextValue = 'mlWorkflow.subTask';
  item.command = openStep({ projectUri: entry.uri.toString(), step: step.id, subTask: subTask.id });
  return item;
}

function openStep(args: OpenStepArgs): vscode.Command {
  return { command: OPEN_STEP_COMMAND, title: 'Open', arguments: [args] };
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

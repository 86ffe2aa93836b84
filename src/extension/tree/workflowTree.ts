import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StepStatus, SubTaskStatus } from '../../shared/project/status';
import { runLabel, runTime, metricText } from '../../shared/protocol/trainingPanel';
import { trainingStatus } from '../../shared/training/trainingStatus';
import type { RunSummary } from '../../shared/training/types';
import { projectLabel } from '../projects/projectIndex';
import type { ProjectEntry, ProjectIndex } from '../projects/projectIndex';
import { STATUS_LABELS, statusIcon } from './statusIcons';

/** A node of the workflow tree: a project, one of its six steps, or a step's sub-task. */
export type WorkflowNode =
  | { kind: 'project'; entry: ProjectEntry }
  | { kind: 'step'; entry: ProjectEntry; step: StepStatus }
  | { kind: 'subTask'; entry: ProjectEntry; step: StepStatus; subTask: SubTaskStatus }
  /** Step 4: "Choose candidates & train", or the run in progress. */
  | { kind: 'training'; entry: ProjectEntry; item: 'train' | 'running' }
  /** Step 4: one recorded training run. */
  | { kind: 'run'; entry: ProjectEntry; run: RunSummary };

/** Arguments of the command a step or sub-task runs when clicked. */
export interface OpenStepArgs { projectUri: string; step: string; subTask?: string }

export const OPEN_STEP_COMMAND = 'mlWorkflow.step.open';

/** What step 4 needs from the training feature, which attaches itself (the tree works without it). */
export interface TrainingTreeSource {
  readonly onDidChange: vscode.Event<unknown>;
  /** A project's recorded runs, newest first; undefined until listed (asking starts the listing). */
  runs(projectUri: vscode.Uri): readonly RunSummary[] | undefined;
  isRunning(projectUri: vscode.Uri): boolean;
}

/** The workflow tree: projects, their six steps and sub-tasks, each with a status computed from the project file. */
export class WorkflowTreeProvider implements vscode.TreeDataProvider<WorkflowNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<WorkflowNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  private training: TrainingTreeSource | undefined;

  constructor(private readonly index: ProjectIndex) {
    this.subscription = index.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  /** Shows step 4's runs and status from the training feature; disposing detaches it. */
  attachTraining(source: TrainingTreeSource): vscode.Disposable {
    this.training = source;
    const listener = source.onDidChange(() => this.changeEmitter.fire(undefined));
    this.changeEmitter.fire(undefined);
    return new vscode.Disposable(() => {
      listener.dispose();
      if (this.training === source) { this.training = undefined; }
    });
  }

  getChildren(node?: WorkflowNode): WorkflowNode[] {
    if (!node) { return this.index.projects.map((entry) => ({ kind: 'project', entry })); }
    if (node.kind === 'project') { return node.entry.steps.map((step) => ({ kind: 'step', entry: node.entry, step: this.withTraining(node.entry, step) })); }
    if (node.kind === 'step' && node.step.id === 'training' && this.training) { return trainingChildren(node.entry, this.training); }
    if (node.kind === 'step') { return node.step.subTasks.map((subTask) => ({ kind: 'subTask', entry: node.entry, step: node.step, subTask })); }
    return [];
  }

  getTreeItem(node: WorkflowNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project': return projectItem(node.entry);
      case 'step': return stepItem(node.entry, node.step);
      case 'subTask': return subTaskItem(node.entry, node.step, node.subTask);
      case 'training': return trainingItem(node.entry, node.item);
      case 'run': return runItem(node.entry, node.run);
    }
  }

  /** Step 4's status from its runs, once the training feature is attached. */
  private withTraining(entry: ProjectEntry, step: StepStatus): StepStatus {
    if (step.id !== 'training' || !this.training) { return step; }
    return { ...step, ...trainingStatus(this.training.runs(entry.uri) ?? [], this.training.isRunning(entry.uri)) };
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

function trainingChildren(entry: ProjectEntry, training: TrainingTreeSource): WorkflowNode[] {
  const nodes: WorkflowNode[] = [{ kind: 'training', entry, item: 'train' }];
  if (training.isRunning(entry.uri)) { nodes.push({ kind: 'training', entry, item: 'running' }); }
  return [...nodes, ...(training.runs(entry.uri) ?? []).map((run): WorkflowNode => ({ kind: 'run', entry, run }))];
}

function trainingItem(entry: ProjectEntry, which: 'train' | 'running'): vscode.TreeItem {
  const running = which === 'running';
  const item = new vscode.TreeItem(running ? 'Training in progress…' : 'Choose candidates & train', vscode.TreeItemCollapsibleState.None);
  item.id = `${entry.uri.toString()}#training/${which}`;
  item.iconPath = new vscode.ThemeIcon(running ? 'loading~spin' : 'play-circle');
  item.tooltip = running ? 'Open the Training panel to watch the run or stop it.' : 'Choose the candidate model families, the folds and the budget, and train them in the background.';
  item.contextValue = running ? 'mlWorkflow.trainingRunning' : 'mlWorkflow.trainingStart';
  item.command = { command: 'mlWorkflow.training.open', title: 'Open Training', arguments: [entry.uri] };
  return item;
}

function runItem(entry: ProjectEntry, run: RunSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(runLabel(run), vscode.TreeItemCollapsibleState.None);
  item.id = `${entry.uri.toString()}#training/run/${run.id}`;
  const icon = run.status === 'complete' ? ['pass', 'testing.iconPassed'] : run.status === 'cancelled' ? ['debug-stop', 'charts.yellow'] : ['error', 'list.errorForeground'];
  item.iconPath = new vscode.ThemeIcon(icon[0], new vscode.ThemeColor(icon[1]));
  const tooltip = new vscode.MarkdownString(`**Run ${escape(runTime(run.startedAt))}** — ${run.status === 'cancelled' ? 'stopped' : run.status}\n\n`
    + `${run.rows} rows, target ${escape(run.target)} (${run.task}), ranked by ${escape(run.metric)}`);
  for (const row of run.leaderboard.slice(0, 5)) { tooltip.appendMarkdown(`\n\n- ${escape(row.label)}: ${metricText(row.cv[run.metric]?.mean)}`); }
  item.tooltip = tooltip;
  item.contextValue = 'mlWorkflow.trainingRun';
  item.command = { command: 'mlWorkflow.training.openLeaderboard', title: 'Open Leaderboard', arguments: [entry.uri, run.id] };
  return item;
}

function openStep(args: OpenStepArgs): vscode.Command {
  return { command: OPEN_STEP_COMMAND, title: 'Open', arguments: [args] };
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

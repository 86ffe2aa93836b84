import * as vscode from 'vscode';
import { ExportProblemRequest } from '../../shared/protocol/engine';
import { EDA_SUBTASK_SECTIONS } from '../../shared/protocol/edaPanel';
import { SUBTASK_FIELDS } from '../../shared/protocol/problemPanel';
import { DataPanel } from '../panels/dataPanel';
import { EdaPanel } from '../panels/edaPanel';
import { ProblemPanel } from '../panels/problemPanel';
import type { ProblemPanelDeps } from '../panels/problemPanel';
import { OPEN_STEP_COMMAND } from '../tree/workflowTree';
import type { OpenStepArgs } from '../tree/workflowTree';
import { STEPS } from '../../shared/project/steps';
import { pickProject } from './pickProject';
import type { ProjectArg } from './pickProject';

/** Registers step 1's commands, and the tree's click on any step. */
export function registerProblemCommands(deps: ProblemPanelDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlWorkflow.problem.open', async (arg?: ProjectArg) => {
      const uri = await pickProject(deps.index, arg);
      return uri ? ProblemPanel.show(uri, deps) : undefined;
    }),
    vscode.commands.registerCommand('mlWorkflow.problem.export', (arg?: ProjectArg) => exportProblem(deps, arg)),
    vscode.commands.registerCommand(OPEN_STEP_COMMAND, (args: OpenStepArgs) => openStep(deps, args)),
  );
}

async function exportProblem(deps: ProblemPanelDeps, arg: ProjectArg): Promise<vscode.Uri | undefined> {
  const uri = await pickProject(deps.index, arg);
  if (!uri) { return undefined; }
  try {
    const result = await deps.engine.request(ExportProblemRequest.type, { path: uri.fsPath });
    const written = vscode.Uri.file(result.path);
    const open = 'Open';
    void vscode.window.showInformationMessage(`Wrote ${vscode.workspace.asRelativePath(written, true)}.`, open).then(async (choice) => {
      if (choice === open) { await vscode.commands.executeCommand('markdown.showPreview', written); }
    });
    return written;
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not export the problem definition: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

function openStep(deps: ProblemPanelDeps, args: OpenStepArgs): ProblemPanel | EdaPanel | DataPanel | Thenable<unknown> | undefined {
  const uri = vscode.Uri.parse(args.projectUri);
  // Step 4's panel needs the training runs, which its own commands hold.
  if (args.step === 'training') { return vscode.commands.executeCommand(args.subTask === 'leaderboard' ? 'mlWorkflow.training.openLeaderboard' : 'mlWorkflow.training.open', uri); }
  if (args.step === 'problem') { return ProblemPanel.show(uri, deps, args.subTask ? SUBTASK_FIELDS[args.subTask] : undefined); }
  if (args.step === 'eda') { return EdaPanel.show(uri, deps, args.subTask ? EDA_SUBTASK_SECTIONS[args.subTask] : undefined); }
  if (args.step === 'data' && args.subTask === 'sources') {
    void vscode.commands.executeCommand('mlWorkflow.data.addSource', uri);
    return undefined;
  }
  if (args.step === 'data') { return DataPanel.show(uri, deps); }
  const step = STEPS.find((s) => s.id === args.step);
  void vscode.window.showInformationMessage(`${step?.label ?? 'This step'}: its panel arrives in a later version of ML Workflow. ${step?.description ?? ''}`);
  return undefined;
}

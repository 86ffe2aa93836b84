import * as vscode from 'vscode';
import type { StartOutcome, TrainingSettings } from '../../shared/protocol/trainingPanel';
import type { EngineClient } from '../engineClient';
import { TrainingPanel } from '../panels/trainingPanel';
import { TrainingRuns } from '../panels/trainingRuns';
import type { ProjectIndex } from '../projects/projectIndex';
import type { WorkflowTreeProvider } from '../tree/workflowTree';
import { pickProject } from './pickProject';
import type { ProjectArg } from './pickProject';

interface Deps {
  extensionUri: vscode.Uri;
  engine: EngineClient;
  index: ProjectIndex;
  log: vscode.LogOutputChannel;
  tree: WorkflowTreeProvider;
}

/** Registers step 4's commands, the training runs they share, and step 4 of the tree. */
export function registerTrainingCommands(deps: Deps): vscode.Disposable {
  const training = new TrainingRuns(deps.engine, deps.index, deps.log);
  const panelDeps = { ...deps, training };
  const open = async (arg: ProjectArg): Promise<TrainingPanel | undefined> => {
    const uri = await pickProject(deps.index, arg);
    return uri ? TrainingPanel.show(uri, panelDeps) : undefined;
  };
  return vscode.Disposable.from(
    training,
    deps.tree.attachTraining(training),
    vscode.commands.registerCommand('mlWorkflow.training.open', open),
    // Settings given by a caller (tests, other extensions) replace the panel's; the palette uses the panel's.
    vscode.commands.registerCommand('mlWorkflow.training.start', async (arg?: ProjectArg, settings?: Partial<TrainingSettings>): Promise<StartOutcome | undefined> => {
      const panel = await open(arg);
      if (!panel) { return undefined; }
      const outcome = await panel.start({ ...await panel.settingsNow(), ...settings });
      if (outcome.kind === 'refused') { void vscode.window.showWarningMessage(`Training did not start: ${outcome.message}`); }
      return outcome;
    }),
    vscode.commands.registerCommand('mlWorkflow.training.stop', async (arg?: ProjectArg): Promise<boolean> => {
      // With nothing named, the one run in progress is the one to stop.
      const uri = arg === undefined ? training.runningProject : await pickProject(deps.index, arg);
      if (!uri || !training.stop(uri)) {
        void vscode.window.showInformationMessage('No training run is in progress.');
        return false;
      }
      return true;
    }),
    vscode.commands.registerCommand('mlWorkflow.training.openLeaderboard', async (arg?: ProjectArg, runId?: string): Promise<TrainingPanel | undefined> => {
      const uri = await pickProject(deps.index, arg);
      if (!uri) { return undefined; }
      const id = runId ?? (arg !== undefined && typeof arg === 'object' && 'kind' in arg && arg.kind === 'run' ? arg.run.id : undefined);
      return TrainingPanel.show(uri, panelDeps, { view: 'leaderboard', ...(id !== undefined ? { runId: id } : {}) });
    }),
  );
}

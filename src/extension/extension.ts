import * as vscode from 'vscode';
import { registerDataCommands } from './commands/dataCommands';
import { registerDataPanelCommands } from './commands/dataPanelCommands';
import { registerEdaCommands } from './commands/edaCommands';
import { registerEngineCommands } from './commands/engineCommands';
import { registerExportCommands } from './commands/exportCommands';
import { registerProblemCommands } from './commands/problemCommands';
import { registerProjectCommands } from './commands/projectCommands';
import { registerSourceCommands } from './commands/sourceCommands';
import { registerTrainingCommands } from './commands/trainingCommands';
import { DataProfiles } from './csv/dataProfiles';
import { registerInlineProfiling } from './csv/inlineProfiling';
import { EngineClient } from './engineClient';
import { DataPanel } from './panels/dataPanel';
import { DataProfilePanel } from './panels/dataProfilePanel';
import { EdaPanel } from './panels/edaPanel';
import { ProblemPanel } from './panels/problemPanel';
import { TrainingPanel } from './panels/trainingPanel';
import { registerLineageRefresh } from './projects/lineageRefresh';
import { ProjectIndex } from './projects/projectIndex';
import { WorkflowTreeProvider } from './tree/workflowTree';

/** What activate returns: for other extensions and for the integration tests. */
export interface MlWorkflowApi {
  engine: EngineClient;
  index: ProjectIndex;
  tree: WorkflowTreeProvider;
  /** The open Problem Definition panel of a project, if any. */
  problemPanel(projectUri: vscode.Uri): ProblemPanel | undefined;
  /** The profiles of the data files being shown (inline and in panels). */
  profiles: DataProfiles;
  /** The open Data Profile panel of a data file, if any. */
  dataProfilePanel(fileUri: vscode.Uri): DataProfilePanel | undefined;
  /** The open Exploratory Data Analysis panel of a project, if any. */
  edaPanel(projectUri: vscode.Uri): EdaPanel | undefined;
  /** The open Data panel of a project, if any. */
  dataPanel(projectUri: vscode.Uri): DataPanel | undefined;
  /** The open Training panel of a project, if any. */
  trainingPanel(projectUri: vscode.Uri): TrainingPanel | undefined;
}

let engine: EngineClient | undefined;

/** Wires the features together; the engine starts on first need, not here. */
export function activate(context: vscode.ExtensionContext): MlWorkflowApi {
  const log = vscode.window.createOutputChannel('ML Workflow', { log: true });
  const timeoutMs = () => 1000 * vscode.workspace.getConfiguration('mlWorkflow.engine').get<number>('requestTimeoutSeconds', 60);
  engine = new EngineClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'engine.js').fsPath, log, timeoutMs);
  const index = new ProjectIndex(engine, log);
  const tree = new WorkflowTreeProvider(index);
  const profiles = new DataProfiles(engine, log);
  const deps = { extensionUri: context.extensionUri, engine, index, log, profiles };
  context.subscriptions.push(
    log,
    engine,
    index,
    tree,
    vscode.window.createTreeView('mlWorkflow.workflowTree', { treeDataProvider: tree, showCollapseAll: true }),
    registerProjectCommands(deps),
    registerSourceCommands(deps),
    registerProblemCommands(deps),
    registerEdaCommands(deps),
    registerDataPanelCommands(deps),
    registerEngineCommands(engine, log),
    profiles,
    registerInlineProfiling(profiles),
    registerDataCommands(deps),
    registerLineageRefresh(engine, log),
    registerExportCommands(deps),
    registerTrainingCommands({ ...deps, tree }),
  );
  // Finding and validating projects needs the engine; it must not hold up activation.
  void index.rescan();
  return {
    engine, index, tree, profiles,
    problemPanel: (uri) => ProblemPanel.find(uri),
    dataProfilePanel: (uri) => DataProfilePanel.find(uri),
    edaPanel: (uri) => EdaPanel.find(uri),
    dataPanel: (uri) => DataPanel.find(uri),
    trainingPanel: (uri) => TrainingPanel.find(uri),
  };
}

/** Asks the engine to stop, killing it if it does not within two seconds. */
export async function deactivate(): Promise<void> {
  await engine?.stop();
}

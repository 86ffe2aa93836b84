import * as vscode from 'vscode';
import { registerEngineCommands } from './commands/engineCommands';
import { registerProblemCommands } from './commands/problemCommands';
import { registerProjectCommands } from './commands/projectCommands';
import { EngineClient } from './engineClient';
import { ProblemPanel } from './panels/problemPanel';
import { ProjectIndex } from './projects/projectIndex';
import { WorkflowTreeProvider } from './tree/workflowTree';

/** What activate returns: for other extensions and for the integration tests. */
export interface MlWorkflowApi {
  engine: EngineClient;
  index: ProjectIndex;
  tree: WorkflowTreeProvider;
  /** The open Problem Definition panel of a project, if any. */
  problemPanel(projectUri: vscode.Uri): ProblemPanel | undefined;
}

let engine: EngineClient | undefined;

/** Wires the features together; the engine starts on first need, not here. */
export function activate(context: vscode.ExtensionContext): MlWorkflowApi {
  const log = vscode.window.createOutputChannel('ML Workflow', { log: true });
  const timeoutMs = () => 1000 * vscode.workspace.getConfiguration('mlWorkflow.engine').get<number>('requestTimeoutSeconds', 60);
  engine = new EngineClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'engine.js').fsPath, log, timeoutMs);
  const index = new ProjectIndex(engine, log);
  const tree = new WorkflowTreeProvider(index);
  const deps = { extensionUri: context.extensionUri, engine, index, log };
  context.subscriptions.push(
    log,
    engine,
    index,
    tree,
    vscode.window.createTreeView('mlWorkflow.workflowTree', { treeDataProvider: tree, showCollapseAll: true }),
    registerProjectCommands(deps),
    registerProblemCommands(deps),
    registerEngineCommands(engine, log),
  );
  // Finding and validating projects needs the engine; it must not hold up activation.
  void index.rescan();
  return { engine, index, tree, problemPanel: (uri) => ProblemPanel.find(uri) };
}

/** Asks the engine to stop, killing it if it does not within two seconds. */
export async function deactivate(): Promise<void> {
  await engine?.stop();
}

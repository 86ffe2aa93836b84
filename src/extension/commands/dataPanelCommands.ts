import * as vscode from 'vscode';
import { DataPanel } from '../panels/dataPanel';
import type { DataPanelDeps } from '../panels/dataPanel';
import { pickProject } from './pickProject';
import type { ProjectArg } from './pickProject';

/** Registers the command that opens step 2's Data panel. */
export function registerDataPanelCommands(deps: DataPanelDeps): vscode.Disposable {
  return vscode.commands.registerCommand('mlWorkflow.data.open', async (arg?: ProjectArg) => {
    const uri = await pickProject(deps.index, arg);
    return uri ? DataPanel.show(uri, deps) : undefined;
  });
}

import * as vscode from 'vscode';
import { EdaPanel } from '../panels/edaPanel';
import type { EdaPanelDeps } from '../panels/edaPanel';
import { pickProject } from './pickProject';
import type { ProjectArg } from './pickProject';

/** Registers step 3's commands. */
export function registerEdaCommands(deps: EdaPanelDeps): vscode.Disposable {
  return vscode.commands.registerCommand('mlWorkflow.eda.open', async (arg?: ProjectArg) => {
    const uri = await pickProject(deps.index, arg);
    return uri ? EdaPanel.show(uri, deps) : undefined;
  });
}

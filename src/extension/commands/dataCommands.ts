import * as vscode from 'vscode';
import { isDataDocument, isDataUri, PROFILE_COMMAND } from '../csv/dataDocuments';
import { DataProfilePanel } from '../panels/dataProfilePanel';
import type { DataProfilePanelDeps } from '../panels/dataProfilePanel';

/** Registers the commands of data profiling. */
export function registerDataCommands(deps: DataProfilePanelDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(PROFILE_COMMAND, async (arg?: vscode.Uri | string, column?: string) => {
      const uri = await pickDataFile(arg);
      return uri ? DataProfilePanel.show(uri, deps, typeof column === 'string' ? column : undefined) : undefined;
    }),
  );
}

/**
 * The file to profile: the one the command was called with (explorer, editor title, CodeLens, a
 * hover link), the data file in the active editor, or one the user picks. Files over 50 MB never
 * open as documents, so a path is all the engine needs.
 */
async function pickDataFile(arg: vscode.Uri | string | undefined): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) { return arg; }
  if (typeof arg === 'string' && arg !== '') { return vscode.Uri.parse(arg); }
  const active = vscode.window.activeTextEditor?.document;
  if (active && isDataDocument(active)) { return active.uri; }
  const chosen = await vscode.window.showOpenDialog({
    title: 'Profile Data File', canSelectMany: false, filters: { 'Delimited text': ['csv', 'tsv'] }, openLabel: 'Profile',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  const uri = chosen?.[0];
  if (uri && !isDataUri(uri)) {
    void vscode.window.showWarningMessage(`${uri.fsPath} is not a .csv or .tsv file; profiling it anyway.`);
  }
  return uri;
}

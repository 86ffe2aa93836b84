import * as vscode from 'vscode';
import type { FileOutcome } from '../../shared/protocol/edaPanel';
import { ExportEdaHtmlRequest } from '../../shared/protocol/engine';
import type { EngineClient } from '../engineClient';

export interface EdaReportDeps { engine: EngineClient; log: vscode.LogOutputChannel }

/**
 * Writes a project's exploratory analysis as a self-contained HTML report to `target`, or to a file
 * the user picks (EDA.html beside the project by default), with a cancellable notification and an
 * Open action after. Shared by the EDA panel's button and the palette command.
 */
export async function exportEdaReport(deps: EdaReportDeps, projectUri: vscode.Uri, projectName: string, target?: vscode.Uri): Promise<FileOutcome> {
  const uri = target ?? await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(projectUri, '..', 'EDA.html'),
    filters: { 'HTML report': ['html'] },
    saveLabel: 'Export',
    title: `Export the exploratory analysis of ${projectName}`,
  });
  if (!uri) { return { kind: 'cancelled' }; }
  // The engine writes with Node's fs, beside the extension host: only local paths mean anything to it.
  if (uri.scheme !== 'file') { return { kind: 'failed', message: `The report can only be written to a local file, not ${uri.toString()}.` }; }
  let cancelled = false;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Exporting the EDA report of ${projectName}…`, cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => { cancelled = true; });
        return deps.engine.request(ExportEdaHtmlRequest.type, { projectFile: projectUri.fsPath, out: uri.fsPath }, { token, timeoutMs: 0 });
      });
    const out = vscode.Uri.file(result.out);
    announceFile(`Exported the EDA report to ${vscode.workspace.asRelativePath(out)}.`, out, true);
    return { kind: 'saved', path: result.out };
  } catch (err) {
    if (cancelled) { return { kind: 'cancelled' }; }
    const text = err instanceof Error ? err.message : String(err);
    deps.log.error(`exporting the EDA of ${projectUri.fsPath} to ${uri.fsPath}: ${text}`);
    return { kind: 'failed', message: text };
  }
}

/** A notification with an Open action; with `external`, a report opens in the browser when the system has one for it. */
export function announceFile(text: string, uri: vscode.Uri, external: boolean): void {
  void vscode.window.showInformationMessage(text, 'Open').then(async (choice) => {
    if (choice !== 'Open') { return; }
    if (external && await vscode.env.openExternal(uri)) { return; }
    await vscode.commands.executeCommand('vscode.open', uri);
  });
}

import * as vscode from 'vscode';
import { PROFILE_COMMAND } from './dataDocuments';
import type { DataProfiles } from './dataProfiles';

/** Above the header: one click to the full Data Profile, and to the file's problems when it has some. */
export class HeaderCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly profiles: DataProfiles, private readonly enabled: (uri: vscode.Uri) => boolean) {
    this.subscription = profiles.onDidChange(() => this.changeEmitter.fire());
  }

  /** The setting changed: editors must ask again. */
  refresh(): void {
    this.changeEmitter.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.lineCount === 0 || !this.enabled(document.uri)) { return []; }
    const range = new vscode.Range(0, 0, 0, 0);
    const entry = this.profiles.get(document.uri);
    const lenses = [new vscode.CodeLens(range, {
      title: entry?.profile?.sampled ? '$(graph) Open Data Profile (sampled so far)' : '$(graph) Open Data Profile',
      tooltip: 'Every column\'s statistics, distribution and alerts, and the correlations, beside the editor',
      command: PROFILE_COMMAND,
      arguments: [document.uri],
    })];
    const problems = entry?.profile?.problems.length ?? 0;
    if (problems > 0) {
      const more = entry?.profile?.problemsTruncated ? '+' : '';
      lenses.push(new vscode.CodeLens(range, {
        title: `$(warning) ${problems}${more} problem${problems === 1 ? '' : 's'} reading this file`,
        tooltip: 'Show them in the Problems panel',
        command: 'workbench.actions.view.problems',
      }));
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

import * as vscode from 'vscode';
import { columnSummary } from './columnSummary';
import { PROFILE_COMMAND } from './dataDocuments';
import type { DataProfiles } from './dataProfiles';
import { headerCells } from './headerCells';
import { columnMarkdown } from './headerHover';

/**
 * The one-line summary after each header cell (`integer · 0% missing · 35 distinct`). Inlay
 * hints rather than decorations: they sit in the text flow, take the editor's own styling and
 * settings, and carry a tooltip and a click (the column's card in the Data Profile panel).
 */
export class HeaderHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly profiles: DataProfiles, private readonly enabled: (uri: vscode.Uri) => boolean) {
    this.subscription = profiles.onDidChange(() => this.changeEmitter.fire());
  }

  /** The setting changed: editors must ask again. */
  refresh(): void {
    this.changeEmitter.fire();
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (range.start.line > 0 || !this.enabled(document.uri)) { return []; }
    // An editor asking for hints is an editor showing the file: make sure it is being profiled.
    const profile = this.profiles.acquire(document.uri, 'editor').profile;
    if (!profile) { return []; }
    const cells = headerCells(document.lineAt(0).text, profile.delimiter);
    return cells.slice(0, profile.columns.length).map((cell, i) => {
      const column = profile.columns[i];
      const label = new vscode.InlayHintLabelPart(columnSummary(column, profile.sampled));
      label.tooltip = columnMarkdown(column, profile, document.uri);
      label.command = { title: 'Open Data Profile', command: PROFILE_COMMAND, arguments: [document.uri, column.name] };
      const hint = new vscode.InlayHint(new vscode.Position(0, cell.end), [label]);
      hint.paddingLeft = true;
      hint.paddingRight = i < cells.length - 1;
      return hint;
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

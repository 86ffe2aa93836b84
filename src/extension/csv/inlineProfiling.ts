import * as vscode from 'vscode';
import { DATA_SELECTOR, INLINE_PROFILING_SETTING, inlineProfilingEnabled, isDataDocument } from './dataDocuments';
import type { DataProfiles } from './dataProfiles';
import { HeaderCodeLensProvider } from './headerCodeLens';
import { HeaderHintsProvider } from './headerHints';
import { HeaderHoverProvider } from './headerHover';
import { registerProfileStatusBar } from './profileStatusBar';
import { registerReadProblems } from './readProblems';

/** Edits arrive keystroke by keystroke; profile once the typing pauses. */
const EDIT_DEBOUNCE_MS = 500;

/**
 * Profiling on open: every CSV/TSV editor is profiled as soon as it shows (sample, then exact),
 * re-profiled after edits, and its profiling cancelled when its last tab closes. The summaries
 * reach the header line (inlay hints, hovers, a CodeLens), the status bar and the Problems panel.
 */
export function registerInlineProfiling(profiles: DataProfiles): vscode.Disposable {
  const hints = new HeaderHintsProvider(profiles, inlineProfilingEnabled);
  const lenses = new HeaderCodeLensProvider(profiles, inlineProfilingEnabled);
  const track = () => {
    for (const editor of vscode.window.visibleTextEditors) {
      if (isDataDocument(editor.document) && inlineProfilingEnabled(editor.document.uri)) { profiles.acquire(editor.document.uri, 'editor'); }
    }
  };
  const untrackClosed = () => {
    const open = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.input instanceof vscode.TabInputText ? t.input.uri.toString() : ''));
    for (const editor of vscode.window.visibleTextEditors) { open.add(editor.document.uri.toString()); }
    for (const uri of profiles.heldBy('editor')) {
      if (!open.has(uri.toString()) || !inlineProfilingEnabled(uri)) { profiles.release(uri, 'editor'); }
    }
  };
  track();
  return vscode.Disposable.from(
    hints,
    lenses,
    vscode.languages.registerInlayHintsProvider(DATA_SELECTOR, hints),
    vscode.languages.registerCodeLensProvider(DATA_SELECTOR, lenses),
    vscode.languages.registerHoverProvider(DATA_SELECTOR, new HeaderHoverProvider(profiles, inlineProfilingEnabled)),
    registerProfileStatusBar(profiles, inlineProfilingEnabled),
    registerReadProblems(profiles),
    // Tabs close before their editors leave visibleTextEditors: look again when either changes.
    vscode.window.onDidChangeVisibleTextEditors(() => { track(); untrackClosed(); }),
    vscode.window.tabGroups.onDidChangeTabs(untrackClosed),
    vscode.workspace.onDidCloseTextDocument((d) => profiles.release(d.uri, 'editor')),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && profiles.get(e.document.uri)) { profiles.refresh(e.document.uri, EDIT_DEBOUNCE_MS); }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(INLINE_PROFILING_SETTING)) { return; }
      untrackClosed();
      track();
      hints.refresh();
      lenses.refresh();
    }),
  );
}

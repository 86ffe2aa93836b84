import * as vscode from 'vscode';
import { PROJECT_FILE_NAME } from '../../shared/project/types';
import { RefreshLineageRequest } from '../../shared/protocol/engine';
import type { EngineClient } from '../engineClient';

/** Edits often come in bursts (typing with auto-save, a save right after a panel's write). */
const DEBOUNCE_MS = 400;

/**
 * Keeps DATA.md in step with the project file: whenever a project file changes on disk (a hand
 * edit saved, a panel's write, a `git checkout`), the engine regenerates the lineage beside it.
 */
export function registerLineageRefresh(engine: EngineClient, log: vscode.LogOutputChannel): vscode.Disposable {
  const pending = new Map<string, NodeJS.Timeout>();
  // Creations too: atomic writes (temp file + rename) arrive as creations, and the watcher folds a
  // change that quickly follows a creation into it.
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${PROJECT_FILE_NAME}`, false, false, true);
  const refresh = (uri: vscode.Uri) => {
    clearTimeout(pending.get(uri.fsPath));
    pending.set(uri.fsPath, setTimeout(() => {
      pending.delete(uri.fsPath);
      engine.request(RefreshLineageRequest.type, { projectFile: uri.fsPath }).catch((err: unknown) => {
        // A broken project file is reported in Problems by validation; here a log line is enough.
        log.warn(`DATA.md of ${uri.fsPath} not regenerated: ${err instanceof Error ? err.message : String(err)}`);
      });
    }, DEBOUNCE_MS));
  };
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(refresh),
    watcher.onDidChange(refresh),
    { dispose: () => { for (const timer of pending.values()) { clearTimeout(timer); } pending.clear(); } },
  );
}

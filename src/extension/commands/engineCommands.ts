import * as vscode from 'vscode';
import type { EngineClient } from '../engineClient';

/** Registers the commands that look after the engine process. */
export function registerEngineCommands(engine: EngineClient, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlWorkflow.engine.restart', async () => {
      await engine.stop();
      const pid = await engine.ping();
      void vscode.window.showInformationMessage(`ML Workflow engine restarted (pid ${pid}).`);
      return pid;
    }),
    vscode.commands.registerCommand('mlWorkflow.engine.showLog', () => log.show()),
  );
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExportPipelineRequest } from '../../shared/protocol/engine';
import type { PipelineLanguage } from '../../shared/protocol/engine';
import type { EngineClient } from '../engineClient';
import { projectLabel } from '../projects/projectIndex';
import type { ProjectIndex } from '../projects/projectIndex';
import { announceFile, exportEdaReport } from './edaReportExport';
import { pickProject } from './pickProject';
import type { ProjectArg } from './pickProject';

interface Deps { engine: EngineClient; index: ProjectIndex; log: vscode.LogOutputChannel }

/** What tests (and other extensions) may pass to skip the pickers. */
export interface ExportArgs { language?: PipelineLanguage; target?: vscode.Uri }

const LANGUAGES: { language: PipelineLanguage; label: string; detail: string; file: string; filters: Record<string, string[]> }[] = [
  { language: 'python', label: 'Python (pandas)', detail: 'A script: python3 pipeline.py input.csv output.csv', file: 'pipeline.py', filters: { Python: ['py'] } },
  { language: 'typescript', label: 'TypeScript (arquero)', detail: 'A module exporting transform(table)', file: 'pipeline.ts', filters: { TypeScript: ['ts'] } },
];

/** Registers the commands that export step 2's pipeline as code and step 3's analysis as an HTML report. */
export function registerExportCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('mlWorkflow.data.exportPipeline', async (arg?: ProjectArg, options: ExportArgs = {}) => {
      const project = await pickProject(deps.index, arg);
      if (!project) { return undefined; }
      const choice = options.language ? LANGUAGES.find((l) => l.language === options.language)
        : await vscode.window.showQuickPick(LANGUAGES, { title: 'Export the fitted pipeline as' });
      if (!choice) { return undefined; }
      const target = options.target ?? await vscode.window.showSaveDialog({
        title: 'Export Pipeline as Code', filters: choice.filters, defaultUri: vscode.Uri.joinPath(project, '..', choice.file),
      });
      if (!target) { return undefined; }
      return run(`Exporting the pipeline as ${choice.label}…`, target,
        () => deps.engine.request(ExportPipelineRequest.type, { projectFile: project.fsPath, language: choice.language, out: target.fsPath }));
    }),
    vscode.commands.registerCommand('mlWorkflow.eda.exportHtml', async (arg?: ProjectArg, options: ExportArgs = {}) => {
      const project = await pickProject(deps.index, arg);
      if (!project) { return undefined; }
      const entry = deps.index.get(project);
      const outcome = await exportEdaReport(deps, project, entry ? projectLabel(entry) : project.fsPath, options.target);
      if (outcome.kind === 'failed') { void vscode.window.showErrorMessage(`Could not export the EDA report: ${outcome.message}`); }
      return outcome.kind === 'saved' ? vscode.Uri.file(outcome.path) : undefined;
    }),
  );
}

/** Runs the pipeline export with a cancellable notification, then offers to open what it wrote. */
async function run(title: string, target: vscode.Uri, work: (token: vscode.CancellationToken) => Promise<{ out: string }>): Promise<vscode.Uri | undefined> {
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_, token) => work(token));
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not write ${path.basename(target.fsPath)}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  announceFile(`Wrote ${path.basename(target.fsPath)}.`, target, false);
  return target;
}

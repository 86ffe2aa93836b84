import { createMessageConnection, IPCMessageReader, IPCMessageWriter, ResponseError } from 'vscode-jsonrpc/node';
import type { CancellationToken, MessageConnection } from 'vscode-jsonrpc/node';
import {
  AddPipelineStepRequest, AddSourceRequest, AssessQualityRequest, PreviewPipelineRequest, RecordRisksRequest, RefreshLineageRequest, SavePipelineRequest, SaveSplitRequest, ExportEdaHtmlRequest, ExportPipelineRequest, CopySampleRequest, ExploreRequest, CreateProjectRequest, CsvPreviewRequest, ExportProblemRequest, LogNotification, SaveProblemRequest,
  ProfileProgressType, ProfileRequest, RemoveSourceRequest, ShutdownRequest, ValidateProjectRequest, VersionRequest,
} from '../shared/protocol/engine';
import { EngineErrorCodes } from '../shared/protocol/engine';
import { ListRunsRequest, StartTrainingRequest, TrainingFamiliesRequest, TrainingProgressType } from '../shared/protocol/engine';
import { CancelledError } from './data/csvReader';
import { profileFile } from './profile/profileFile';
import type { LogParams } from '../shared/protocol/engine';
import * as path from 'node:path';
import { readCsvPreview } from './data/csvPreview';
import { EngineError } from './errors';
import { optimiseEarly } from './v8Flags';
import { exploreProject } from './eda/exploreData';
import { writeEdaHtml } from './eda/edaHtml';
import { exportProjectPipeline } from './pipeline/export/exportProjectPipeline';
import { addPipelineStep, savePipeline, saveSplit } from './pipeline/addStep';
import { previewPipeline } from './pipeline/previewPipeline';
import { assessQuality } from './quality/assessQuality';
import { recordRisks } from './quality/recordRisks';
import { exportProblem } from './problem/exportProblem';
import { copySample } from './project/copySample';
import { createProject } from './project/createProject';
import { saveProblem } from './project/saveProblem';
import { validateProject } from './project/validateProject';
import { addSource, removeSource } from './sources/dataSources';
import { refreshLineage } from './pipeline/refitProject';
import { ENGINE_VERSION } from './version';

// The engine process: forked by the extension, it answers the requests declared in
// src/shared/protocol/engine.ts over Node IPC. Heavy work lives here, never in the extension host.

function main(): void {
  optimiseEarly();
  if (!process.send) {
    process.stderr.write('The ML Workflow engine runs as a child process of the extension; use the `mlw` command instead.\n');
    process.exit(2);
  }
  const connection = createMessageConnection(new IPCMessageReader(process), new IPCMessageWriter(process));
  const log = (level: LogParams['level'], message: string) => { void connection.sendNotification(LogNotification.type, { level, message }); };
  registerHandlers(connection, log);
  // The extension host went away (VS Code closed or crashed): nobody is left to serve.
  process.on('disconnect', () => process.exit(0));
  connection.listen();
  log('info', `engine ${ENGINE_VERSION} started (pid ${process.pid}, node ${process.version})`);
}

function registerHandlers(connection: MessageConnection, log: (level: LogParams['level'], message: string) => void): void {
  connection.onRequest(VersionRequest.type, () => ({ version: ENGINE_VERSION, node: process.version, pid: process.pid }));
  connection.onRequest(ShutdownRequest.type, () => {
    log('info', 'engine shutting down on request');
    setImmediate(() => process.exit(0));
  });
  connection.onRequest(CsvPreviewRequest.type, guarded((p) => readCsvPreview(p.path, p.maxRows)));
  connection.onRequest(ValidateProjectRequest.type, guarded((p) => validateProject(p.path, p.text)));
  connection.onRequest(CreateProjectRequest.type, guarded((p) => createProject(p)));
  connection.onRequest(SaveProblemRequest.type, guarded((p) => saveProblem(p)));
  // The bundle lives in dist/; the samples ship beside it.
  const samplesRoot = path.resolve(__dirname, '..', 'samples');
  connection.onRequest(CopySampleRequest.type, guarded((p) => copySample(samplesRoot, p.parent)));
  connection.onRequest(ProfileRequest.type, guarded((p, token) => profileFile(p, () => token.isCancellationRequested,
    (progress) => { if (p.progressToken !== undefined) { void connection.sendProgress(ProfileProgressType, p.progressToken, progress); } })));
  connection.onRequest(AddSourceRequest.type, guarded((p) => addSource(p.projectFile, p.dataFile, { name: p.name, role: p.role, replace: p.replace })));
  connection.onRequest(RemoveSourceRequest.type, guarded((p) => removeSource(p.projectFile, p.name)));
  connection.onRequest(ExportProblemRequest.type, guarded((p) => exportProblem(p.path)));
  connection.onRequest(ExploreRequest.type, guarded((p, token) => exploreProject(p.projectFile, () => token.isCancellationRequested)));
  connection.onRequest(ExportEdaHtmlRequest.type, guarded(async (p, token) => {
    await writeEdaHtml(await exploreProject(p.projectFile, () => token.isCancellationRequested), p.out);
    return { out: p.out };
  }));
  connection.onRequest(ExportPipelineRequest.type, guarded((p) => exportProjectPipeline(p.projectFile, p.language, p.out)));
  // Training loads every model family (TensorFlow.js among them): only when first asked.
  connection.onRequest(StartTrainingRequest.type, guarded(async (p, token) => (await import('./training/runTraining')).runTraining(p, {
    isCancelled: () => token.isCancellationRequested,
    onProgress: (progress) => { if (p.progressToken !== undefined) { void connection.sendProgress(TrainingProgressType, p.progressToken, progress); } },
  }, (await import('./models/registry')).FAMILIES)));
  connection.onRequest(TrainingFamiliesRequest.type, async () => (await import('./training/families')).familyInfos((await import('./models/registry')).FAMILIES));
  connection.onRequest(ListRunsRequest.type, guarded(async (p) => (await import('./training/listRuns')).listRuns(p.projectFile)));
  connection.onRequest(SaveSplitRequest.type, guarded((p) => saveSplit(p.projectFile, p.split)));
  connection.onRequest(AddPipelineStepRequest.type, guarded((p) => addPipelineStep(p.projectFile, p.step)));
  connection.onRequest(AssessQualityRequest.type, guarded((p) => assessQuality(p.projectFile, p.source)));
  connection.onRequest(RecordRisksRequest.type, guarded((p) => recordRisks(p.projectFile, p.risks)));
  connection.onRequest(PreviewPipelineRequest.type, guarded((p) => previewPipeline(p.projectFile, p.steps, p.rows)));
  connection.onRequest(SavePipelineRequest.type, guarded((p) => savePipeline(p.projectFile, p.steps)));
  connection.onRequest(RefreshLineageRequest.type, guarded((p) => refreshLineage(p.projectFile)));
}

/** Turns the engine's own errors into JSON-RPC errors with their code, so the caller can tell them apart. */
function guarded<P, R>(handler: (params: P, token: CancellationToken) => Promise<R>): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params: P, token: CancellationToken) => {
    try {
      return await handler(params, token);
    } catch (err) {
      if (err instanceof EngineError) { return new ResponseError<void>(err.code, err.message); }
      if (err instanceof CancelledError) { return new ResponseError<void>(EngineErrorCodes.Cancelled, 'Cancelled.'); }
      throw err;
    }
  };
}

main();

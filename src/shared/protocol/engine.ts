import { NotificationType, ProgressType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { EdaReport } from '../eda/types';
import type { PipelineStep } from '../pipeline/types';
import type { DataProfile } from '../profile/types';
import type { ProjectDiagnostic } from '../project/diagnostics';
import type { DataRole, DataSource, Problem, ProjectFile, SplitSettings } from '../project/types';
import type { QualityReport, SuggestedRisk } from '../quality/types';
import type { FamilyInfo, RunSummary, TrainingParams, TrainingProgress, TrainingResult } from '../training/types';

// The engine's methods, declared once. The extension host (and tests) send requests; the engine
// answers. Names read engine/<noun>/<verb>.

/** Error codes the engine puts on failed requests, beyond JSON-RPC's own. */
export const EngineErrorCodes = {
  /** A file or folder the request names does not exist or cannot be read. */
  FileNotFound: 1001,
  /** The project file changed on disk since the caller read it. */
  Conflict: 1002,
  /** The request's content is invalid (the message says where). */
  InvalidInput: 1003,
  /** A file to be created exists already. */
  AlreadyExists: 1004,
  /** The caller cancelled the request. */
  Cancelled: 1005,
} as const;

export interface EngineInfo { version: string; node: string; pid: number }

/** Extension -> engine: who are you (also a liveness check). */
export namespace VersionRequest {
  export const method = 'engine/version/get';
  export const type = new RequestType0<EngineInfo, void>(method);
}

/** Extension -> engine: finish what you are doing and exit. */
export namespace ShutdownRequest {
  export const method = 'engine/process/shutdown';
  export const type = new RequestType0<void, void>(method);
}

export interface CsvPreviewParams { path: string; maxRows?: number }
export interface CsvPreview {
  path: string;
  delimiter: string;
  columns: string[];
  rows: string[][];
  /** True when the file has more rows than were returned. */
  truncated: boolean;
}

/** Extension -> engine: the header and first rows of a CSV/TSV file. */
export namespace CsvPreviewRequest {
  export const method = 'engine/csv/preview';
  export const type = new RequestType<CsvPreviewParams, CsvPreview, void>(method);
}

export interface ValidateProjectParams {
  path: string;
  /** The file's text when the caller has it (an unsaved editor); read from disk otherwise. */
  text?: string;
}
export interface ValidateProjectResult {
  /** The parsed project when the JSON could be parsed, even if it breaks the schema. */
  project?: ProjectFile;
  diagnostics: ProjectDiagnostic[];
  /** SHA-256 of the text validated: the revision a later save must match. */
  revision: string;
  /** The header of the project's first data source, when it could be read. */
  columns?: string[];
}

/** Extension -> engine: parse, schema-check and semantically check a project file. */
export namespace ValidateProjectRequest {
  export const method = 'engine/project/validate';
  export const type = new RequestType<ValidateProjectParams, ValidateProjectResult, void>(method);
}

export interface CreateProjectParams { folder: string; name: string; dataFile?: string }
export interface CreateProjectResult { path: string; project: ProjectFile }

/** Extension -> engine: write a new project file (fails if one exists). */
export namespace CreateProjectRequest {
  export const method = 'engine/project/create';
  export const type = new RequestType<CreateProjectParams, CreateProjectResult, void>(method);
}

export interface SaveProblemParams { path: string; problem: Problem; expectedRevision: string }
export interface SaveProblemResult { revision: string }

/** Extension -> engine: replace the problem section atomically, if the file is still at expectedRevision. */
export namespace SaveProblemRequest {
  export const method = 'engine/problem/save';
  export const type = new RequestType<SaveProblemParams, SaveProblemResult, void>(method);
}

export interface ExportProblemParams { path: string }
export interface ExportProblemResult { path: string }

/** Extension -> engine: write PROBLEM.md beside the project file. */
export namespace ExportProblemRequest {
  export const method = 'engine/problem/export';
  export const type = new RequestType<ExportProblemParams, ExportProblemResult, void>(method);
}

export interface CopySampleParams { parent: string }
export interface CopySampleResult { folder: string; projectFile: string }

/** Extension -> engine: copy the bundled sample project into a new folder under parent. */
export namespace CopySampleRequest {
  export const method = 'engine/sample/copy';
  export const type = new RequestType<CopySampleParams, CopySampleResult, void>(method);
}

export interface ProfileParams {
  /** The data file. Its extension picks tab for .tsv when the delimiter is not given. */
  path: string;
  /** The file's text from an editor with unsaved changes; read from disk when absent. */
  text?: string;
  /** 'sample': a quick answer from the first rows plus rows from random places (under a second at any size). 'full': every row. */
  mode: 'sample' | 'full';
  /** Rows in a sample (default 10,000). */
  sampleRows?: number;
  delimiter?: string;
  /** Cell texts read as missing; pandas' defaults when absent (empty, NA, N/A, null, NaN, ...). */
  missingMarkers?: string[];
  /** Threads for a full profile of a large file: 2 (the default) read and profile two halves at once (no second copy of the table; the second thread's own heap adds ~50 MB); 1 keeps to one thread. */
  threads?: number;
  /** A token for ProfileProgress reports (full mode). */
  progressToken?: string;
}

/** How far a full profile has got. */
export interface ProfileProgress { bytesRead: number; bytesTotal: number; rows: number }

export const ProfileProgressType = new ProgressType<ProfileProgress>();

/** Extension -> engine: profile a CSV/TSV file; cancellable. */
export namespace ProfileRequest {
  export const method = 'engine/profile/run';
  export const type = new RequestType<ProfileParams, DataProfile, void>(method);
}

export interface AddSourceParams { projectFile: string; dataFile: string; name?: string; role?: DataRole; replace?: boolean }

/** Extension -> engine: register a data file in a project (hash, rows, columns); `replace` re-registers a source of that name. */
export namespace AddSourceRequest {
  export const method = 'engine/source/add';
  export const type = new RequestType<AddSourceParams, DataSource, void>(method);
}

export interface RemoveSourceParams { projectFile: string; name: string }

/** Extension -> engine: unregister a data source (the file stays). */
export namespace RemoveSourceRequest {
  export const method = 'engine/source/remove';
  export const type = new RequestType<RemoveSourceParams, void, void>(method);
}

export interface ExploreParams { projectFile: string }

/** Extension -> engine: the exploratory analysis (charts, answers, handling questions) of a project's training source; cancellable. */
export namespace ExploreRequest {
  export const method = 'engine/eda/explore';
  export const type = new RequestType<ExploreParams, EdaReport, void>(method);
}

export interface AddPipelineStepParams { projectFile: string; step: PipelineStep }

/** Extension -> engine: append a step to the project's `data.pipeline` (validated, written atomically). */
export namespace AddPipelineStepRequest {
  export const method = 'engine/pipeline/addStep';
  export const type = new RequestType<AddPipelineStepParams, void, void>(method);
}

export interface AssessQualityParams { projectFile: string; source?: string }

/** Extension -> engine: the quality findings (and risks to record) of a data source, the training source by default. */
export namespace AssessQualityRequest {
  export const method = 'engine/quality/assess';
  export const type = new RequestType<AssessQualityParams, QualityReport, void>(method);
}

export interface RecordRisksParams { projectFile: string; risks: SuggestedRisk[] }

/** Extension -> engine: add suggested risks to the problem's risk register (skipping those there); returns how many were added. */
export namespace RecordRisksRequest {
  export const method = 'engine/quality/recordRisks';
  export const type = new RequestType<RecordRisksParams, number, void>(method);
}

/** One cell of a preview row: text, a number, or missing. */
export type PreviewCell = string | number | null;

export interface PreviewPipelineParams { projectFile: string; steps: PipelineStep[]; rows?: number }
export interface PipelinePreview {
  columnsBefore: string[];
  rowsBefore: PreviewCell[][];
  /** Empty when a step failed: nothing runs half-way. */
  columnsAfter: string[];
  rowsAfter: PreviewCell[][];
  /** Rows and columns after each step (disabled steps repeat the count before them). */
  counts: { rows: number; columns: number }[];
  /** The step that failed (0-based) and why. */
  error?: { step: number; message: string };
}

/** Extension -> engine: fit the given steps on the training source and return the first rows before and after. */
export namespace PreviewPipelineRequest {
  export const method = 'engine/pipeline/preview';
  export const type = new RequestType<PreviewPipelineParams, PipelinePreview, void>(method);
}

export interface SavePipelineParams { projectFile: string; steps: PipelineStep[] }

/** Extension -> engine: replace the project's `data.pipeline` with these steps, fitted on the training rows (nothing written when a step fails); DATA.md follows. */
export namespace SavePipelineRequest {
  export const method = 'engine/pipeline/save';
  export const type = new RequestType<SavePipelineParams, void, void>(method);
}

export interface SaveSplitParams { projectFile: string; split: SplitSettings | null }

/** Extension -> engine: set (null: remove) the train/test split, refit the pipeline on the new training rows; nothing written when the split cannot be made. */
export namespace SaveSplitRequest {
  export const method = 'engine/split/save';
  export const type = new RequestType<SaveSplitParams, void, void>(method);
}

export interface ExportEdaHtmlParams { projectFile: string; out: string }

/** Extension -> engine: write the project's exploratory analysis as a self-contained HTML report; cancellable. */
export namespace ExportEdaHtmlRequest {
  export const method = 'engine/eda/exportHtml';
  export const type = new RequestType<ExportEdaHtmlParams, { out: string }, void>(method);
}

export type PipelineLanguage = 'python' | 'typescript';

export interface ExportPipelineParams { projectFile: string; language: PipelineLanguage; out: string }

/** Extension -> engine: write the fitted pipeline as code (a pandas script or an arquero TypeScript module). */
export namespace ExportPipelineRequest {
  export const method = 'engine/pipeline/export';
  export const type = new RequestType<ExportPipelineParams, { out: string }, void>(method);
}

export interface RefreshLineageParams { projectFile: string }

/** Extension -> engine: the project file changed outside the engine; regenerate DATA.md (the project file is not written). */
export namespace RefreshLineageRequest {
  export const method = 'engine/lineage/refresh';
  export const type = new RequestType<RefreshLineageParams, void, void>(method);
}

export interface LogParams { level: 'trace' | 'debug' | 'info' | 'warn' | 'error'; message: string }

/** Engine -> extension: a line for the ML Workflow log channel. */
export namespace LogNotification {
  export const method = 'engine/log';
  export const type = new NotificationType<LogParams>(method);
}

/** How far a training run has got (phase, trial, fold, loss) and the leaderboard so far. */
export const TrainingProgressType = new ProgressType<TrainingProgress>();

/**
 * Extension -> engine: train and compare models under a budget (cross-validated, recorded under
 * runs/<id>/); cancellable: a cancelled run resolves with the partial leaderboard, marked cancelled.
 */
export namespace StartTrainingRequest {
  export const method = 'engine/training/start';
  export const type = new RequestType<TrainingParams, TrainingResult, void>(method);
}

/** Extension -> engine: the model families the engine offers, with their hyperparameters. */
export namespace TrainingFamiliesRequest {
  export const method = 'engine/training/families';
  export const type = new RequestType0<FamilyInfo[], void>(method);
}

export interface ListRunsParams { projectFile: string }

/** Extension -> engine: the recorded training runs of a project with their leaderboards, newest first. */
export namespace ListRunsRequest {
  export const method = 'engine/training/runs';
  export const type = new RequestType<ListRunsParams, RunSummary[], void>(method);
}

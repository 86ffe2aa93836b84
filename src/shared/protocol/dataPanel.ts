import type { PipelineStep } from '../pipeline/types';
import { SPLIT_METHODS } from '../project/types';
import type { DataRole, SplitSettings } from '../project/types';
import type { QualityReport } from '../quality/types';
import type { PipelinePreview } from './engine';

// Messages between the Data panel (step 2) and the extension host. The webview says `data/ready`
// first; the host answers with `data/update` (again whenever the project file changes). Previews
// carry the first rows only, never a whole table. Requests carry an id; replies name it.

/** One registered data source as the panel lists it. */
export interface SourceRow {
  name: string;
  path: string;
  role: DataRole;
  rows?: number;
  columns?: number;
  /** The project's diagnostic saying the file changed since it was registered, if any. */
  stale?: string;
}

export interface DataViewState {
  projectName: string;
  sources: SourceRow[];
  quality: { phase: 'assessing' | 'done' | 'failed' | 'none'; report?: QualityReport; error?: string };
  /** The pipeline as saved in the project file. */
  steps: PipelineStep[];
  /** The train/test split as saved in the project file; absent = every row trains. */
  split?: SplitSettings;
}

export type SourceAction = 'add' | 'refresh' | 'remove';

/** Webview -> host. */
export type DataWebviewMessage =
  | { type: 'data/ready' }
  /** Assess the training source's quality again. */
  | { type: 'data/assess' }
  /** Run one of the data-source commands. */
  | { type: 'data/source'; action: SourceAction; name?: string }
  /** Fit these (unsaved) steps on the training source and show the first rows. */
  | { type: 'data/preview'; id: number; steps: PipelineStep[] }
  /** Write these steps as the project's pipeline. */
  | { type: 'data/save'; id: number; steps: PipelineStep[] }
  /** Add the quality report's suggested risks to the problem's register. */
  | { type: 'data/recordRisks'; id: number }
  /** Write the train/test split (null: remove it, every row trains). */
  | { type: 'data/saveSplit'; id: number; split: SplitSettings | null }
  /** The columns after these steps: what a step placed after them sees. */
  | { type: 'data/columnsAt'; id: number; steps: PipelineStep[] };

export type DataOutcome = { kind: 'done'; message?: string } | { kind: 'failed'; message: string };

/** Host -> webview. */
export type DataHostMessage =
  | { type: 'data/update'; state: DataViewState }
  | { type: 'data/previewed'; id: number; preview?: PipelinePreview; failure?: string }
  | { type: 'data/saved'; id: number; outcome: DataOutcome }
  | { type: 'data/risksRecorded'; id: number; outcome: DataOutcome }
  | { type: 'data/splitSaved'; id: number; outcome: DataOutcome }
  /** The columns after the steps of a `data/columnsAt`, or why they could not be had. */
  | { type: 'data/columns'; id: number; columns?: string[]; failure?: string };

const WEBVIEW_TYPES = new Set(['data/ready', 'data/assess', 'data/source', 'data/preview', 'data/save', 'data/recordRisks', 'data/saveSplit', 'data/columnsAt']);
const HOST_TYPES = new Set(['data/update', 'data/previewed', 'data/saved', 'data/risksRecorded', 'data/splitSaved', 'data/columns']);
const ACTIONS = new Set<string>(['add', 'refresh', 'remove']);

/** The shape of a step list from the webview: objects with a string kind (the engine checks the rest). */
export function isStepList(value: unknown): value is PipelineStep[] {
  return Array.isArray(value) && value.length <= 200 && value.every((s) => typeof s === 'object' && s !== null && !Array.isArray(s) && typeof (s as { kind?: unknown }).kind === 'string');
}

/** The shape of split settings from the webview (the engine checks that the split can be made). */
export function isSplitSettings(value: unknown): value is SplitSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) { return false; }
  const s = value as Record<string, unknown>;
  if (Object.keys(s).some((k) => !['method', 'testFraction', 'seed', 'column'].includes(k))) { return false; }
  return typeof s.method === 'string' && (SPLIT_METHODS as readonly string[]).includes(s.method)
    && (s.testFraction === undefined || (typeof s.testFraction === 'number' && s.testFraction > 0 && s.testFraction < 1))
    && (s.seed === undefined || Number.isSafeInteger(s.seed))
    && (s.column === undefined || (typeof s.column === 'string' && s.column.length > 0 && s.column.length <= 1000));
}

/** Checks a message from the webview before the host acts on it. */
export function isDataWebviewMessage(value: unknown): value is DataWebviewMessage {
  if (typeof value !== 'object' || value === null) { return false; }
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !WEBVIEW_TYPES.has(m.type)) { return false; }
  switch (m.type) {
    case 'data/source':
      return typeof m.action === 'string' && ACTIONS.has(m.action) && (m.name === undefined || typeof m.name === 'string') && (m.action === 'add' || typeof m.name === 'string');
    case 'data/preview':
    case 'data/save':
    case 'data/columnsAt':
      return typeof m.id === 'number' && isStepList(m.steps);
    case 'data/saveSplit':
      return typeof m.id === 'number' && (m.split === null || isSplitSettings(m.split));
    case 'data/recordRisks':
      return typeof m.id === 'number';
    default:
      return true;
  }
}

/** Checks the envelope of a message from the host (the webview trusts its host's payloads). */
export function isDataHostMessage(value: unknown): value is DataHostMessage {
  return typeof value === 'object' && value !== null && HOST_TYPES.has((value as { type?: unknown }).type as string);
}

import type { EdaQuestionKind, EdaReport } from '../eda/types';

// Messages between the Exploratory Data Analysis webview and the extension host. The webview says
// `eda/ready` first; the host answers with `eda/update` (again whenever the analysis is redone).
// The webview only renders the engine's report: no data rows ever reach it. Requests carry an id;
// replies name it.

export type EdaPhase = 'exploring' | 'done' | 'failed';

/** Identifies one suggested step of a report: its question and its place in that question's list. */
export interface SuggestedStepRef { question: EdaQuestionKind; index: number }

export interface EdaViewState {
  projectName: string;
  phase: EdaPhase;
  report?: EdaReport;
  /** Why the phase is `failed`, in words for the user. */
  error?: string;
  /** Suggested steps already in the project's pipeline. */
  added: SuggestedStepRef[];
}

/** Webview -> host. */
export type EdaWebviewMessage =
  | { type: 'eda/ready' }
  /** Explore the data again. */
  | { type: 'eda/refresh' }
  /** Append a suggested step to the project's pipeline. */
  | { type: 'eda/addStep'; id: number; step: SuggestedStepRef }
  /** Save one drawn chart to a file the user picks (webviews cannot download). */
  | SaveChartMessage
  /** Write the whole analysis as a self-contained HTML report to a file the user picks. */
  | { type: 'eda/exportHtml'; id: number };

export type ChartFormat = 'svg' | 'png';

/** A chart as the webview drew it: SVG text, or a PNG as a `data:image/png;base64,` URL. */
export interface SaveChartMessage { type: 'eda/saveChart'; id: number; title: string; format: ChartFormat; data: string }

export type AddStepOutcome = { kind: 'added' } | { kind: 'failed'; message: string };

/** What became of a file the user asked for. */
export type FileOutcome = { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** The largest chart the host accepts, in characters of `data` (a PNG at twice the size of a wide heatmap is a few MB). */
export const MAX_CHART_CHARS = 20 * 1024 * 1024;

/** Host -> webview. */
export type EdaHostMessage =
  | { type: 'eda/update'; state: EdaViewState }
  | { type: 'eda/stepAdded'; id: number; step: SuggestedStepRef; outcome: AddStepOutcome }
  /** Scroll to a question or a chart section (the user clicked a sub-task in the tree). */
  | { type: 'eda/focus'; section: string }
  | { type: 'eda/chartSaved'; id: number; outcome: FileOutcome }
  | { type: 'eda/exported'; id: number; outcome: FileOutcome };

const QUESTIONS = new Set<string>(['missing', 'outliers', 'normalisation']);
const WEBVIEW_TYPES = new Set(['eda/ready', 'eda/refresh', 'eda/addStep', 'eda/saveChart', 'eda/exportHtml']);
const HOST_TYPES = new Set(['eda/update', 'eda/stepAdded', 'eda/focus', 'eda/chartSaved', 'eda/exported']);

/** Checks a suggested-step reference from the webview. */
export function isSuggestedStepRef(value: unknown): value is SuggestedStepRef {
  if (typeof value !== 'object' || value === null) { return false; }
  const r = value as Record<string, unknown>;
  return typeof r.question === 'string' && QUESTIONS.has(r.question) && typeof r.index === 'number' && Number.isInteger(r.index) && r.index >= 0;
}

/** Checks a message from the webview before the host acts on it. */
export function isEdaWebviewMessage(value: unknown): value is EdaWebviewMessage {
  if (typeof value !== 'object' || value === null) { return false; }
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !WEBVIEW_TYPES.has(m.type)) { return false; }
  if (m.type === 'eda/addStep') { return typeof m.id === 'number' && isSuggestedStepRef(m.step); }
  if (m.type === 'eda/exportHtml') { return typeof m.id === 'number'; }
  if (m.type === 'eda/saveChart') {
    return typeof m.id === 'number' && typeof m.title === 'string' && m.title.length <= 500 && (m.format === 'svg' || m.format === 'png')
      && typeof m.data === 'string' && m.data.length > 0 && m.data.length <= MAX_CHART_CHARS;
  }
  return true;
}

/** Checks the envelope of a message from the host (the webview trusts its host's payloads). */
export function isEdaHostMessage(value: unknown): value is EdaHostMessage {
  return typeof value === 'object' && value !== null && HOST_TYPES.has((value as { type?: unknown }).type as string);
}

/** The section of the panel that each step-3 sub-task of the tree opens on. */
export const EDA_SUBTASK_SECTIONS: Record<string, string> = {
  profiles: 'charts-distribution',
  missing: 'question-missing',
  outliers: 'question-outliers',
  correlations: 'charts-correlation',
  target: 'charts-target',
  normalisation: 'question-normalisation',
};

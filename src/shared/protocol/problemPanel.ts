import type { FieldError, ProblemDraft } from '../project/problemDraft';

// Messages between the Problem Definition webview and the extension host. The webview says
// `ready` first; the host answers with `load`. Requests carry an id; replies name it.

export interface ProblemFormState {
  projectName: string;
  draft: ProblemDraft;
  /** Columns of the data file's header, for the target dropdown; empty when no data file is known. */
  columns: string[];
  /** Why columns is empty, when a data file exists but could not be read. */
  columnsError?: string;
  /** Problems the project file has elsewhere, shown above the form. */
  fileErrors: string[];
}

/** Webview -> host. */
export type ProblemWebviewMessage =
  | { type: 'problem/ready' }
  | { type: 'problem/save'; id: number; draft: ProblemDraft; overwrite?: boolean }
  | { type: 'problem/reload' }
  | { type: 'problem/dirty'; dirty: boolean };

export type SaveOutcome =
  | { kind: 'saved' }
  | { kind: 'invalid'; errors: FieldError[] }
  /** The file changed on disk since the form loaded it; the user chooses reload or overwrite. */
  | { kind: 'conflict' }
  | { kind: 'failed'; message: string };

/** Host -> webview. */
export type ProblemHostMessage =
  | { type: 'problem/load'; state: ProblemFormState }
  /** The file changed on disk while the form had unsaved edits. */
  | { type: 'problem/changedOnDisk' }
  | { type: 'problem/saved'; id: number; outcome: SaveOutcome }
  /** Scroll to and focus a part of the form (the user clicked its sub-task in the tree). */
  | { type: 'problem/focus'; field: string };

/** The form field that each step-1 sub-task of the tree opens on. */
export const SUBTASK_FIELDS: Record<string, string> = {
  objective: 'businessObjective',
  statement: 'problemStatement',
  taskTarget: 'task',
  criteria: 'add-criterion',
  requirements: 'dataRequirements',
  risks: 'add-risk',
};

const WEBVIEW_TYPES = new Set(['problem/ready', 'problem/save', 'problem/reload', 'problem/dirty']);

/** Checks the envelope of a message from the webview; the draft itself is checked by isProblemDraft. */
export function isProblemWebviewMessage(value: unknown): value is ProblemWebviewMessage {
  if (typeof value !== 'object' || value === null) { return false; }
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string' || !WEBVIEW_TYPES.has(m.type)) { return false; }
  if (m.type === 'problem/save') { return typeof m.id === 'number' && (m.overwrite === undefined || typeof m.overwrite === 'boolean'); }
  if (m.type === 'problem/dirty') { return typeof m.dirty === 'boolean'; }
  return true;
}

import type { ProjectDiagnostic } from './diagnostics';
import { STEPS } from './steps';
import type { StepId } from './steps';
import type { ProjectFile } from './types';

export type Status = 'notStarted' | 'inProgress' | 'done' | 'attention';

export interface StatusInfo {
  status: Status;
  /** One line for the tooltip: why this status. */
  detail: string;
}

export interface SubTaskStatus extends StatusInfo { id: string; label: string }

export interface StepStatus extends StatusInfo { id: StepId; label: string; number: number; subTasks: SubTaskStatus[] }

const NOT_YET: StatusInfo = { status: 'notStarted', detail: 'Not started.' };
const LATER: StatusInfo = { status: 'notStarted', detail: 'Not started. This step\'s tools arrive in a later version of ML Workflow.' };

/** The statuses of every step and sub-task, from the project file and the problems found in it. */
export function computeStatuses(project: ProjectFile | undefined, diagnostics: readonly ProjectDiagnostic[]): StepStatus[] {
  return STEPS.map((step) => {
    const subTasks = step.subTasks.map((sub) => ({
      id: sub.id, label: sub.label, ...subTaskStatus(step.id, sub.id, project, diagnostics),
    }));
    return { id: step.id, label: step.label, number: step.number, subTasks, ...combine(subTasks) };
  });
}

/** A step's status from its sub-tasks': attention first, then all done, all untouched, or in progress. */
function combine(subTasks: readonly StatusInfo[]): StatusInfo {
  const attention = subTasks.filter((s) => s.status === 'attention');
  if (attention.length > 0) { return { status: 'attention', detail: attention.map((s) => s.detail).join(' ') }; }
  const done = subTasks.filter((s) => s.status === 'done').length;
  if (done === subTasks.length) { return { status: 'done', detail: 'Done.' }; }
  if (subTasks.every((s) => s.status === 'notStarted')) { return subTasks[0]?.detail === LATER.detail ? LATER : NOT_YET; }
  return { status: 'inProgress', detail: `${done} of ${subTasks.length} sub-tasks done.` };
}

function subTaskStatus(step: StepId, sub: string, project: ProjectFile | undefined, diagnostics: readonly ProjectDiagnostic[]): StatusInfo {
  if (step === 'problem') { return problemSubTask(sub, project, diagnostics); }
  if (step === 'data' && sub === 'sources') { return sourcesSubTask(project, diagnostics); }
  if (step === 'data') { return dataSubTask(sub, project); }
  // The analysis leaves nothing in the project file to judge it by, only the steps it suggests.
  if (step === 'eda') { return { status: 'notStarted', detail: 'Open the Exploratory Data Analysis panel: charts, and the missing-data, outlier and normalisation questions.' }; }
  return LATER;
}

/** Pointers into the project file that each problem sub-task owns. */
const PROBLEM_POINTERS: Record<string, string[]> = {
  objective: ['/problem/businessObjective'],
  statement: ['/problem/problemStatement'],
  taskTarget: ['/problem/task', '/problem/target'],
  criteria: ['/problem/successCriteria'],
  requirements: ['/problem/dataRequirements', '/problem/constraints'],
  risks: ['/problem/risks'],
};

function problemSubTask(sub: string, project: ProjectFile | undefined, diagnostics: readonly ProjectDiagnostic[]): StatusInfo {
  const attention = attentionAt(PROBLEM_POINTERS[sub] ?? [], diagnostics);
  if (attention) { return attention; }
  const p = project?.problem ?? {};
  const filled = (v: string | undefined) => v !== undefined && v.trim() !== '';
  switch (sub) {
    case 'objective': return filled(p.businessObjective) ? done('Business objective written.') : NOT_YET;
    case 'statement': return filled(p.problemStatement) ? done('Problem statement written.') : NOT_YET;
    case 'taskTarget':
      if (p.task && filled(p.target)) { return done(`${p.task} task, target "${p.target}".`); }
      return p.task || filled(p.target) ? inProgress(p.task ? 'Choose the target column.' : 'Choose the task type.') : NOT_YET;
    case 'criteria': {
      const n = p.successCriteria?.length ?? 0;
      return n > 0 ? done(`${n} success criteri${n === 1 ? 'on' : 'a'}.`) : NOT_YET;
    }
    case 'requirements':
      if (filled(p.dataRequirements) && filled(p.constraints)) { return done('Data requirements and constraints written.'); }
      return filled(p.dataRequirements) || filled(p.constraints)
        ? inProgress(filled(p.dataRequirements) ? 'Write the constraints.' : 'Write the data requirements.') : NOT_YET;
    case 'risks': {
      const n = p.risks?.length ?? 0;
      return n > 0 ? done(`${n} risk${n === 1 ? '' : 's'} in the register.`) : NOT_YET;
    }
    default: return NOT_YET;
  }
}

function sourcesSubTask(project: ProjectFile | undefined, diagnostics: readonly ProjectDiagnostic[]): StatusInfo {
  const attention = attentionAt(['/data/sources'], diagnostics);
  if (attention) { return attention; }
  const stale = diagnostics.filter((d) => /^\/data\/sources\/\d+\/sha256$/.test(d.pointer));
  if (stale.length > 0) { return { status: 'attention', detail: stale.map((d) => d.message).join(' ') }; }
  const n = project?.data?.sources?.length ?? 0;
  return n > 0 ? done(`${n} data source${n === 1 ? '' : 's'} registered.`) : NOT_YET;
}

/** Steps of the pipeline that learn from training rows, and whether each has. */
const LEARNING = new Set(['impute', 'outliers', 'scale', 'encode']);

function dataSubTask(sub: string, project: ProjectFile | undefined): StatusInfo {
  const steps = (project?.data?.pipeline ?? []) as { kind?: string; strategy?: string; fitted?: unknown }[];
  const unfitted = steps.filter((st) => LEARNING.has(st.kind ?? '') && st.strategy !== 'dropRows' && st.fitted === undefined).length;
  switch (sub) {
    case 'quality':
      return { status: 'notStarted', detail: 'Open the Data panel (or run `mlw data quality`) to assess the training source.' };
    case 'pipeline':
      if (steps.length === 0) { return { status: 'notStarted', detail: 'No preprocessing steps yet (data.pipeline in mlworkflow.json).' }; }
      return unfitted > 0
        ? inProgress(`${steps.length} steps, ${unfitted} not fitted yet: save the pipeline in the Data panel or run \`mlw pipeline run\`.`)
        : done(`${steps.length} step${steps.length === 1 ? '' : 's'}, fitted on the training data.`);
    case 'lineage':
      return steps.length > 0 && unfitted === 0
        ? done('DATA.md follows every change; Export Pipeline as Code writes the pipeline as Python or TypeScript.')
        : { status: 'notStarted', detail: 'DATA.md is written when the pipeline is saved (every step fitted).' };
    default:
      return LATER;
  }
}

function attentionAt(pointers: readonly string[], diagnostics: readonly ProjectDiagnostic[]): StatusInfo | undefined {
  const hits = diagnostics.filter((d) => d.severity === 'error' && pointers.some((p) => d.pointer === p || d.pointer.startsWith(`${p}/`)));
  return hits.length > 0 ? { status: 'attention', detail: hits.map((d) => d.message).join(' ') } : undefined;
}

function done(detail: string): StatusInfo { return { status: 'done', detail }; }
function inProgress(detail: string): StatusInfo { return { status: 'inProgress', detail }; }

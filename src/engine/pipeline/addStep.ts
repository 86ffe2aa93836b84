import type { PipelineStep } from '../../shared/pipeline/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError } from '../errors';
import { editProject } from '../sources/projectEdit';
import { STEP_KINDS } from './runProjectPipeline';

/** Appends a step to the project's `data.pipeline`, refusing a step of an unknown kind. */
export async function addPipelineStep(projectFile: string, step: PipelineStep): Promise<void> {
  checkStep(step);
  await editProject(projectFile, (project) => {
    const data = (typeof project.data === 'object' && project.data !== null && !Array.isArray(project.data) ? project.data : (project.data = {})) as Record<string, unknown>;
    const pipeline = Array.isArray(data.pipeline) ? data.pipeline as unknown[] : (data.pipeline = []) as unknown[];
    pipeline.push(step);
  });
}

/** Replaces the project's `data.pipeline` with the given steps, refusing the lot if any is of an unknown kind. */
export async function savePipeline(projectFile: string, steps: readonly PipelineStep[]): Promise<void> {
  checkSteps(steps);
  await editProject(projectFile, (project) => {
    const data = (typeof project.data === 'object' && project.data !== null && !Array.isArray(project.data) ? project.data : (project.data = {})) as Record<string, unknown>;
    data.pipeline = steps;
  });
}

/** Checks a list of steps from a request, naming the first bad one. */
export function checkSteps(steps: unknown): asserts steps is PipelineStep[] {
  if (!Array.isArray(steps)) { throw new EngineError(EngineErrorCodes.InvalidInput, 'The pipeline must be a list of steps.'); }
  steps.forEach((step, i) => {
    try {
      checkStep(step);
    } catch (err) {
      throw new EngineError(EngineErrorCodes.InvalidInput, `Step ${i + 1}: ${(err as Error).message}`);
    }
  });
}

// The request arrives over JSON-RPC: its type is a claim, not a guarantee.
function checkStep(step: unknown): void {
  if (typeof step !== 'object' || step === null || Array.isArray(step)) {
    throw new EngineError(EngineErrorCodes.InvalidInput, 'A pipeline step must be a JSON object.');
  }
  const { kind, columns } = step as { kind?: unknown; columns?: unknown };
  if (typeof kind !== 'string' || !STEP_KINDS.has(kind)) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `Unknown pipeline step kind ${JSON.stringify(kind)} (one of ${[...STEP_KINDS].join(', ')}).`);
  }
  if (columns !== undefined && !(Array.isArray(columns) && columns.every((c) => typeof c === 'string'))) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `A ${kind} step's "columns" must be a list of column names.`);
  }
}

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

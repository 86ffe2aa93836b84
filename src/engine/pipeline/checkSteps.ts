import type { PipelineStep } from '../../shared/pipeline/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError } from '../errors';

/** The step kinds the engine knows how to run. */
export const STEP_KINDS: ReadonlySet<string> = new Set(['drop', 'rename', 'cast', 'filter', 'dedupe', 'impute', 'outliers', 'scale', 'encode', 'dateParts', 'derive']);

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

/** Checks one step from a request or a project file (its type there is a claim, not a guarantee). */
export function checkStep(step: unknown): void {
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

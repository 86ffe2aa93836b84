import type { PipelineStep } from '../../shared/pipeline/types';
import { SPLIT_METHODS } from '../../shared/project/types';
import type { SplitSettings } from '../../shared/project/types';
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

/** Checks split settings from a request: their shape here, whether they fit the data when the split is made. */
export function checkSplit(split: unknown): asserts split is SplitSettings | null {
  if (split === null) { return; }
  const bad = (why: string) => new EngineError(EngineErrorCodes.InvalidInput, `Split: ${why}`);
  if (typeof split !== 'object' || Array.isArray(split)) { throw bad('the settings must be a JSON object.'); }
  const { method, testFraction, seed, column } = split as Record<string, unknown>;
  if (typeof method !== 'string' || !(SPLIT_METHODS as readonly string[]).includes(method)) { throw bad(`method must be one of ${SPLIT_METHODS.join(', ')}.`); }
  if (testFraction !== undefined && !(typeof testFraction === 'number' && testFraction > 0 && testFraction < 1)) { throw bad('testFraction must be a number between 0 and 1.'); }
  if (seed !== undefined && !Number.isInteger(seed)) { throw bad('seed must be an integer.'); }
  if (column !== undefined && typeof column !== 'string') { throw bad('column must be a column name.'); }
}

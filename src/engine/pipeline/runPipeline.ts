import type { ColumnTable } from 'arquero';
import type { PipelineStep } from '../../shared/pipeline/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError } from '../errors';
import { applyStep, columnsRead, fitStep } from './stepHandlers';

/** Rows and columns after each step, for the preview and the lineage. */
export interface StepCount { rows: number; columns: number }

export interface PipelineRun { frame: ColumnTable; steps: PipelineStep[]; counts: StepCount[] }

/**
 * Fits the pipeline on training rows: each step learns from the output of the steps before it,
 * then transforms. Returns the steps with what they learned. A bad step stops everything with an
 * error that names it: nothing runs half-way.
 */
export function fitPipeline(steps: readonly PipelineStep[], train: ColumnTable): PipelineRun {
  return run(steps, train, true);
}

/** Applies fitted steps to other rows (test, new data): nothing is learned from them. */
export function applyPipeline(steps: readonly PipelineStep[], frame: ColumnTable): PipelineRun {
  return run(steps, frame, false);
}

function run(steps: readonly PipelineStep[], input: ColumnTable, fit: boolean): PipelineRun {
  let frame = input;
  const out: PipelineStep[] = [];
  const counts: StepCount[] = [];
  steps.forEach((original, i) => {
    if (original.enabled === false) { out.push(original); counts.push({ rows: frame.numRows(), columns: frame.numCols() }); return; }
    const at = `Step ${i + 1} (${original.kind})`;
    const missing = columnsRead(original).filter((c) => !frame.columnNames().includes(c));
    if (missing.length > 0) {
      throw new EngineError(EngineErrorCodes.InvalidInput, `${at}: unknown column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} (columns here: ${frame.columnNames().join(', ')}).`);
    }
    let step = original;
    try {
      if (fit) {
        const fitted = fitStep(original, frame);
        step = fitted === undefined ? original : { ...original, fitted } as PipelineStep;
      } else if (learns(original) && !('fitted' in original && original.fitted)) {
        throw new Error('it has not been fitted on training data yet; run the pipeline on the training source first.');
      }
      frame = applyStep(step, frame);
    } catch (err) {
      if (err instanceof EngineError) { throw err; }
      throw new EngineError(EngineErrorCodes.InvalidInput, `${at}: ${err instanceof Error ? err.message : String(err)}`);
    }
    out.push(step);
    counts.push({ rows: frame.numRows(), columns: frame.numCols() });
  });
  return { frame, steps: out, counts };
}

/** Steps that learn parameters from training rows. */
function learns(step: PipelineStep): boolean {
  return step.kind === 'outliers' || step.kind === 'scale' || step.kind === 'encode' || (step.kind === 'impute' && step.strategy !== 'dropRows');
}

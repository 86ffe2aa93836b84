import type { ColumnTable } from 'arquero';
import type { PipelineStep } from '../../shared/pipeline/types';
import type { PipelinePreview, PreviewCell } from '../../shared/protocol/engine';
import { EngineError } from '../errors';
import { loadProject } from '../project/loadProject';
import { checkSteps } from './checkSteps';
import { fitPipeline } from './runPipeline';
import { loadTrainingData } from './trainingSource';

const DEFAULT_ROWS = 20;
const MAX_ROWS = 500;

/**
 * Fits the steps on the project's training rows and returns the first rows before and after,
 * with rows x columns after each step. A failing step comes back as `error` naming it, with no
 * rows after: nothing runs half-way. Never returns the whole table.
 */
export async function previewPipeline(projectFile: string, steps: readonly PipelineStep[], rows = DEFAULT_ROWS): Promise<PipelinePreview> {
  checkSteps(steps);
  const limit = Math.max(0, Math.min(MAX_ROWS, Number.isInteger(rows) ? rows : DEFAULT_ROWS));
  const project = await loadProject(projectFile);
  const input = (await loadTrainingData(projectFile, project)).train;
  const before = { columnsBefore: input.columnNames(), rowsBefore: head(input, limit) };
  try {
    const run = fitPipeline(steps, input);
    return { ...before, columnsAfter: run.frame.columnNames(), rowsAfter: head(run.frame, limit), counts: run.counts };
  } catch (err) {
    if (!(err instanceof EngineError)) { throw err; }
    // runPipeline names the step as "Step <n> (<kind>): ...".
    const at = /^Step (\d+) /.exec(err.message);
    return { ...before, columnsAfter: [], rowsAfter: [], counts: [], error: { step: at ? Number(at[1]) - 1 : 0, message: err.message } };
  }
}

/** The first rows of a frame as plain cells (NaN and undefined become null). */
function head(frame: ColumnTable, limit: number): PreviewCell[][] {
  const names = frame.columnNames();
  const columns = names.map((n) => frame.array(n) as ArrayLike<unknown>);
  const out: PreviewCell[][] = [];
  for (let row = 0; row < Math.min(limit, frame.numRows()); row++) {
    out.push(columns.map((values) => cell(values[row])));
  }
  return out;
}

function cell(value: unknown): PreviewCell {
  if (value === null || value === undefined) { return null; }
  if (typeof value === 'number') { return Number.isFinite(value) ? value : null; }
  if (typeof value === 'string') { return value; }
  if (value instanceof Date) { return value.toISOString(); }
  return String(value);
}

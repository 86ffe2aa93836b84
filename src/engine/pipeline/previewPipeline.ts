import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { ColumnTable } from 'arquero';
import type { PipelineStep } from '../../shared/pipeline/types';
import type { PipelinePreview, PreviewCell } from '../../shared/protocol/engine';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { readCsv } from '../data/csvReader';
import { EngineError, fileError } from '../errors';
import { loadProject } from '../project/loadProject';
import { checkSteps } from './addStep';
import { toFrame } from './frame';
import { fitPipeline } from './runPipeline';

const DEFAULT_ROWS = 20;
const MAX_ROWS = 500;

/** The last training frame read, reused while its file is unchanged: the panel previews on every edit. */
let cached: { file: string; mtimeMs: number; size: number; frame: ColumnTable } | undefined;

/**
 * Fits the steps on the project's training source and returns the first rows before and after,
 * with rows x columns after each step. A failing step comes back as `error` naming it, with no
 * rows after: nothing runs half-way. Never returns the whole table.
 */
export async function previewPipeline(projectFile: string, steps: readonly PipelineStep[], rows = DEFAULT_ROWS): Promise<PipelinePreview> {
  checkSteps(steps);
  const limit = Math.max(0, Math.min(MAX_ROWS, Number.isInteger(rows) ? rows : DEFAULT_ROWS));
  const project = await loadProject(projectFile);
  const train = (project.data?.sources ?? []).find((s) => (s.role ?? 'train') === 'train');
  if (!train) { throw new EngineError(EngineErrorCodes.InvalidInput, `${projectFile} has no training data source: the pipeline learns from one.`); }
  const input = await trainingFrame(path.resolve(path.dirname(projectFile), train.path));
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

async function trainingFrame(file: string): Promise<ColumnTable> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw fileError(file, err);
  }
  if (cached && cached.file === file && cached.mtimeMs === info.mtimeMs && cached.size === info.size) { return cached.frame; }
  const frame = toFrame(await readCsv({ path: file }));
  cached = { file, mtimeMs: info.mtimeMs, size: info.size, frame };
  return frame;
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

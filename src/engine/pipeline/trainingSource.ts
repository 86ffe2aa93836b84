import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { ColumnTable } from 'arquero';
import type { DataSource, ProjectFile } from '../../shared/project/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { readCsv } from '../data/csvReader';
import { EngineError, fileError } from '../errors';
import { toFrame } from './frame';
import { splitRows, takeRows } from './splitRows';
import type { RowSplit } from './splitRows';

/** The training source of a project, read, and the rows the pipeline may learn from. */
export interface TrainingData {
  source: DataSource;
  /** Every row of the training source. */
  all: ColumnTable;
  /** The rows the pipeline and models learn from: all rows, or the split's training part. */
  train: ColumnTable;
  /** The split, when the project has one. */
  split?: RowSplit;
}

/** The last source read, reused while its file is unchanged: the Data panel previews on every edit. */
let cached: { file: string; mtimeMs: number; size: number; frame: ColumnTable } | undefined;

/** Reads the project's training source and applies its split settings. */
export async function loadTrainingData(projectFile: string, project: ProjectFile): Promise<TrainingData> {
  const source = trainingSource(projectFile, project);
  const all = await readSource(path.resolve(path.dirname(projectFile), source.path));
  const settings = project.data?.split;
  if (!settings) { return { source, all, train: all }; }
  const split = splitRows(all, settings, project.problem?.target);
  return { source, all, train: takeRows(all, split.train), split };
}

/** The project's training source (role `train`, the default), or a clear error. */
export function trainingSource(projectFile: string, project: ProjectFile): DataSource {
  const train = (project.data?.sources ?? []).find((s) => (s.role ?? 'train') === 'train');
  if (!train) { throw new EngineError(EngineErrorCodes.InvalidInput, `${projectFile} has no training data source: the pipeline learns from one.`); }
  return train;
}

/** Reads a data source as a frame, from the cache when the file has not changed. */
export async function readSource(file: string): Promise<ColumnTable> {
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

// What a training run learns from: the rows, the target and its task, the classes, the pipeline
// (the project's, or the default one for a bare CSV), the success criteria, and where the data
// came from (names and SHA-256 hashes, so a run names the exact data it saw).

import * as path from 'node:path';
import type { ColumnTable } from 'arquero';
import type { PipelineStep } from '../../shared/pipeline/types';
import type { SuccessCriterion, Task } from '../../shared/project/types';
import { TASKS } from '../../shared/project/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import type { TrainingParams } from '../../shared/training/types';
import { readCsv } from '../data/csvReader';
import { EngineError } from '../errors';
import { isMissing, toFrame } from '../pipeline/frame';
import { checkSteps } from '../pipeline/checkSteps';
import { loadTrainingData } from '../pipeline/trainingSource';
import { loadProject } from '../project/loadProject';
import { sha256FileCached } from '../sources/contentHash';
import { defaultPipeline } from './defaultPipeline';

/** A numeric target with more distinct values than this (or any fraction) is taken for regression. */
const MAX_CLASSES_INFERRED = 20;

export interface SourceRecord { name: string; path: string; sha256: string; rows: number; columns: number; rowsUsed: number }

export interface TrainingInput {
  kind: 'csv' | 'project';
  file: string;
  projectName?: string;
  /** The rows trained on: the training source (its split's training part), rows without a target removed. */
  frame: ColumnTable;
  rowsWithoutTarget: number;
  target: string;
  task: Task;
  classes?: string[];
  /** Per row of `frame`: class index, or the value for regression. */
  y: Float64Array;
  steps: PipelineStep[];
  pipelineSource: 'project' | 'default';
  criteria: SuccessCriterion[];
  sources: SourceRecord[];
  runsDir: string;
}

/** Reads a project's training data or a CSV and settles the target, the task and the pipeline. */
export async function loadTrainingInput(params: TrainingParams): Promise<TrainingInput> {
  const file = path.resolve(params.path);
  const isProject = path.basename(file).toLowerCase().endsWith('.json');
  if (params.task !== undefined && !TASKS.includes(params.task)) { throw invalid(`Unknown task "${String(params.task)}" (binary, multiclass or regression).`); }
  let frame: ColumnTable;
  let target: string | undefined = params.target;
  let task: Task | undefined = params.task;
  let steps: PipelineStep[] | undefined;
  let criteria: SuccessCriterion[] = [];
  let source: SourceRecord;
  let projectName: string | undefined;
  if (isProject) {
    const project = await loadProject(file);
    const data = await loadTrainingData(file, project);
    frame = data.train;
    projectName = project.name;
    target ??= project.problem?.target;
    task ??= project.problem?.task;
    criteria = project.problem?.successCriteria ?? [];
    const projectSteps: unknown = project.data?.pipeline ?? [];
    checkSteps(projectSteps);
    steps = projectSteps;
    const dataFile = path.resolve(path.dirname(file), data.source.path);
    source = { name: data.source.name, path: data.source.path, sha256: await sha256FileCached(dataFile), rows: data.all.numRows(), columns: data.all.numCols(), rowsUsed: frame.numRows() };
    if (target === undefined) { throw invalid(`${file} names no target column (problem.target); pass one with --target.`); }
  } else {
    if (target === undefined) { throw invalid('A target column is needed for a CSV: pass --target COLUMN.'); }
    frame = toFrame(await readCsv({ path: file }));
    source = { name: path.basename(file), path: file, sha256: await sha256FileCached(file), rows: frame.numRows(), columns: frame.numCols(), rowsUsed: frame.numRows() };
  }
  const columns = frame.columnNames();
  checkColumn(columns, target, 'target');
  if (params.foldColumn !== undefined) { checkColumn(columns, params.foldColumn, 'fold column'); }
  for (const name of params.drop ?? []) { checkColumn(columns, name, 'column to drop'); }
  if (params.foldColumn === target) { throw invalid('The fold column cannot be the target.'); }
  if (params.drop?.includes(target)) { throw invalid(`The target "${target}" cannot be dropped.`); }

  const targetValues = frame.array(target) as ArrayLike<unknown>;
  const keep: number[] = [];
  for (let i = 0; i < targetValues.length; i++) { if (!isMissing(targetValues[i])) { keep.push(i); } }
  const rowsWithoutTarget = frame.numRows() - keep.length;
  if (rowsWithoutTarget > 0) { frame = frame.reify(keep); }
  if (frame.numRows() === 0) { throw invalid(`The target "${target}" has no values.`); }
  source.rowsUsed = frame.numRows();

  const values = frame.array(target) as ArrayLike<unknown>;
  task ??= inferTask(values);
  const { y, classes } = targetLabels(values, task, target);
  const exclude = [target, ...(params.foldColumn === undefined ? [] : [params.foldColumn]), ...(params.drop ?? [])];
  const pipelineSource = steps === undefined ? 'default' : 'project';
  steps ??= defaultPipeline(frame, exclude);
  if (params.drop && params.drop.length > 0) { steps = [{ kind: 'drop', columns: params.drop, note: 'Left out of the features for this run.' }, ...steps]; }
  const runsDir = isProject ? path.join(path.dirname(file), 'runs') : path.resolve(params.runsDir ?? path.join(path.dirname(file), 'runs'));
  return { kind: isProject ? 'project' : 'csv', file, projectName, frame, rowsWithoutTarget, target, task, classes, y, steps, pipelineSource, criteria, sources: [source], runsDir };
}

/** Regression for a numeric target with many distinct values or any fraction; otherwise binary (2 classes) or multiclass. */
export function inferTask(values: ArrayLike<unknown>): Task {
  const distinct = new Set<string>();
  let numeric = true;
  let fractional = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) { continue; }
    if (typeof v !== 'number') { numeric = false; } else if (!Number.isInteger(v)) { fractional = true; }
    distinct.add(String(v));
  }
  if (numeric && (distinct.size > MAX_CLASSES_INFERRED || fractional)) { return 'regression'; }
  return distinct.size === 2 ? 'binary' : 'multiclass';
}

/** Class indices (classes sorted as numbers when all numeric, else as text, like scikit-learn's LabelEncoder) or regression values. */
export function targetLabels(values: ArrayLike<unknown>, task: Task, target: string): { y: Float64Array; classes?: string[] } {
  const n = values.length;
  if (task === 'regression') {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      y[i] = typeof v === 'number' ? v : Number(String(v).trim());
      if (!Number.isFinite(y[i])) { throw invalid(`The target "${target}" has a value that is not a number ("${String(v)}"); regression needs numbers (or pass --task binary|multiclass).`); }
    }
    return { y };
  }
  const numeric = Array.from({ length: n }, (_, i) => values[i]).every((v) => typeof v === 'number');
  const classes = [...new Set(Array.from({ length: n }, (_, i) => String(values[i])))];
  classes.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (classes.length < 2) { throw invalid(`The target "${target}" has a single class ("${classes[0]}"): there is nothing to classify.`); }
  if (task === 'binary' && classes.length !== 2) { throw invalid(`A binary task needs exactly 2 classes; the target "${target}" has ${classes.length}.`); }
  const index = new Map(classes.map((c, i) => [c, i]));
  return { y: Float64Array.from({ length: n }, (_, i) => index.get(String(values[i]))!), classes };
}

function checkColumn(columns: string[], name: string, what: string): void {
  if (!columns.includes(name)) { throw invalid(`Unknown ${what} "${name}" (columns: ${columns.join(', ')}).`); }
}

function invalid(message: string): EngineError {
  return new EngineError(EngineErrorCodes.InvalidInput, message);
}

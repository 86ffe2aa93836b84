import * as path from 'node:path';
import type { EdaReport } from '../../shared/eda/types';
import type { Task } from '../../shared/project/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { CancelledError, readCsv } from '../data/csvReader';
import type { TableData } from '../data/csvReader';
import { EngineError } from '../errors';
import { chunkedTable } from '../profile/chunkedTable';
import { profileTableInParallel } from '../profile/parallelProfile';
import { loadProject, pickSource } from '../project/loadProject';
import { boxPlotCharts, distributionCharts } from './columnCharts';
import { inferTask } from './columnRoles';
import { correlationCharts } from './correlationCharts';
import { handlingQuestions } from './handlingQuestions';
import { missingCharts } from './missingCharts';
import { targetCharts } from './targetCharts';

export interface ExploreOptions {
  target?: string;
  task?: Task;
  /** Checked between chunks of the read and between chart families; true => CancelledError. */
  isCancelled?: () => boolean;
}

/** The exploratory analysis of a CSV/TSV file, with charts about the target when one is named. */
export async function exploreCsv(file: string, options: ExploreOptions = {}): Promise<EdaReport> {
  const startedAt = Date.now();
  const table = await readCsv({ path: file }, { isCancelled: options.isCancelled });
  return exploreTable(table, file, options, startedAt);
}

/** The exploratory analysis of a project's training source (as the quality assessment picks it), with its problem's target and task. */
export async function exploreProject(projectFile: string, isCancelled?: () => boolean): Promise<EdaReport> {
  const project = await loadProject(projectFile);
  const source = pickSource(project, projectFile);
  return exploreCsv(path.resolve(path.dirname(projectFile), source.path), { target: project.problem?.target, task: project.problem?.task, isCancelled });
}

/** The analysis of a table already read: profile, charts, then the handling questions. */
export async function exploreTable(table: TableData, file: string, options: ExploreOptions, startedAt = Date.now()): Promise<EdaReport> {
  const profile = await profileTableInParallel(chunkedTable(table), { file, sampled: false, startedAt });
  const target = options.target === undefined ? -1 : profile.columns.findIndex((c) => c.name === options.target);
  if (options.target !== undefined && target < 0) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `${file}: no column named "${options.target}" (the target); columns: ${profile.columns.map((c) => c.name).join(', ')}.`);
  }
  const task = target < 0 ? undefined : options.task ?? inferTask(profile.columns[target]);
  const t = { table, profile, target, task };
  const charts = [];
  for (const family of [targetCharts, distributionCharts, boxPlotCharts, missingCharts, correlationCharts]) {
    if (options.isCancelled?.()) { throw new CancelledError(); }
    charts.push(...family(t));
  }
  return {
    file, rows: profile.rows, columns: profile.columns.length,
    ...(target >= 0 ? { target: profile.columns[target].name, task } : {}),
    charts, questions: handlingQuestions(t), seconds: (Date.now() - startedAt) / 1000,
  };
}

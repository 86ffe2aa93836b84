import { access } from 'node:fs/promises';
import * as path from 'node:path';
import type { ColumnTable } from 'arquero';
import type { PipelineStep } from '../../shared/pipeline/types';
import type { ProjectFile, SplitSettings } from '../../shared/project/types';
import { fileError } from '../errors';
import { loadProject } from '../project/loadProject';
import { readProjectText, revisionOf } from '../project/projectText';
import { editProject } from '../sources/projectEdit';
import { writeFileAtomic } from '../storage/atomicWrite';
import { checkSteps } from './checkSteps';
import { renderLineage } from './lineage';
import { fitPipeline } from './runPipeline';
import type { PipelineRun } from './runPipeline';
import { loadTrainingData } from './trainingSource';
import type { TrainingData } from './trainingSource';

/** A project's pipeline fitted on its training rows, as stored in the project file. */
export interface RefitResult { project: ProjectFile; training: TrainingData; fitted: PipelineRun }

/**
 * Per project file, the revision of its text that DATA.md was last written from. The extension
 * asks for a refresh whenever the project file changes on disk, including right after the
 * engine's own writes (which already wrote DATA.md): those refreshes have nothing to do.
 */
const lineageRevision = new Map<string, string>();

/** A change to the pipeline's settings: new steps, a new split (null removes it), or neither (refit as is). */
export interface PipelineChange { steps?: readonly PipelineStep[]; split?: SplitSettings | null }

/**
 * Fits the project's pipeline on the training rows, with `change` applied, then stores the steps
 * with what they learned (and the changed split) in the project file (unless `store` is false)
 * and regenerates DATA.md. A bad split or a failing step stops everything before anything is
 * written, with an error naming the step.
 */
export async function refitProjectPipeline(projectFile: string, change: PipelineChange = {}, store = true): Promise<RefitResult> {
  const loaded = await loadProject(projectFile);
  const data = { ...loaded.data, pipeline: change.steps ? [...change.steps] : loaded.data?.pipeline ?? [] };
  if (change.split === null) { delete data.split; } else if (change.split !== undefined) { data.split = change.split; }
  checkSteps(data.pipeline);
  const project: ProjectFile = { ...loaded, data };
  const training = await loadTrainingData(projectFile, project);
  const fitted = fitPipeline(data.pipeline, training.train);
  if (store) {
    const revision = await editProject(projectFile, (p) => {
      const stored = (p.data ??= {}) as Record<string, unknown>;
      stored.pipeline = fitted.steps;
      if (change.split === null) { delete stored.split; } else if (change.split !== undefined) { stored.split = change.split; }
    });
    lineageRevision.set(path.resolve(projectFile), revision);
  }
  const saved = { ...project, data: { ...data, pipeline: fitted.steps } };
  await writeLineage(projectFile, saved, fitted, training.train, training);
  return { project: saved, training, fitted };
}

/**
 * Regenerates DATA.md after a change that is not a pipeline edit here (a source added or removed,
 * the project file edited by hand). The project file is not written: a hand edit stays as typed.
 * When the pipeline cannot be fitted (no training source yet, a step that no longer fits the
 * data), DATA.md still lists the sources and says why the steps are not shown.
 */
export async function refreshLineage(projectFile: string): Promise<void> {
  const dataFile = path.join(path.dirname(projectFile), 'DATA.md');
  const key = path.resolve(projectFile);
  const revision = revisionOf(await readProjectText(projectFile));
  if (lineageRevision.get(key) === revision && await exists(dataFile)) { return; }
  const project = await loadProject(projectFile);
  // A project without data has no lineage to tell: no DATA.md appears until a source does.
  if ((project.data?.sources ?? []).length === 0 && !(await exists(dataFile))) { return; }
  try {
    await refitProjectPipeline(projectFile, {}, false);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await writeLineageText(projectFile, renderLineage(project, [], [], { rows: 0, columns: 0 }, new Date(), reason));
  }
  lineageRevision.set(key, revision);
}

async function writeLineage(projectFile: string, project: ProjectFile, fitted: PipelineRun, input: ColumnTable, training: TrainingData): Promise<void> {
  const split = training.split ? { train: training.split.train.length, test: training.split.test.length } : undefined;
  const text = renderLineage(project, fitted.steps, fitted.counts, { rows: input.numRows(), columns: input.numCols() }, new Date(), undefined, split);
  await writeLineageText(projectFile, text);
}

async function writeLineageText(projectFile: string, text: string): Promise<void> {
  const file = path.join(path.dirname(projectFile), 'DATA.md');
  await writeFileAtomic(file, text).catch((err: unknown) => { throw fileError(file, err); });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

import type { PipelineStep } from '../../shared/pipeline/types';
import type { SplitSettings } from '../../shared/project/types';
import { checkSplit, checkStep, checkSteps } from './checkSteps';
import { loadProject } from '../project/loadProject';
import { refitProjectPipeline } from './refitProject';

/**
 * Appends a step to the project's `data.pipeline`, refits the pipeline on the training rows and
 * regenerates DATA.md. A step that does not fit the data is refused and nothing is written.
 */
export async function addPipelineStep(projectFile: string, step: PipelineStep): Promise<void> {
  checkStep(step);
  const project = await loadProject(projectFile);
  const current = project.data?.pipeline ?? [];
  checkSteps(current);
  await refitProjectPipeline(projectFile, { steps: [...current, step] });
}

/**
 * Replaces the project's `data.pipeline` with the given steps, fitted on the training rows, and
 * regenerates DATA.md. Any bad step refuses the lot, naming the step; nothing is written.
 */
export async function savePipeline(projectFile: string, steps: readonly PipelineStep[]): Promise<void> {
  checkSteps(steps);
  await refitProjectPipeline(projectFile, { steps });
}

/**
 * Sets (or with null removes) the project's train/test split, refits the pipeline on the new
 * training rows and regenerates DATA.md. A split that cannot be made is refused; nothing is written.
 */
export async function saveSplit(projectFile: string, split: SplitSettings | null): Promise<void> {
  checkSplit(split);
  await refitProjectPipeline(projectFile, { split });
}

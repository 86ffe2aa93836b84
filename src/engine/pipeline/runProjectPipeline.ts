import * as path from 'node:path';
import type { PipelineStep } from '../../shared/pipeline/types';
import type { DataSource } from '../../shared/project/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { readCsv } from '../data/csvReader';
import { EngineError, fileError } from '../errors';
import { loadProject } from '../project/loadProject';
import { editProject } from '../sources/projectEdit';
import { writeFileAtomic } from '../storage/atomicWrite';
import { toFrame } from './frame';
import { renderLineage } from './lineage';
import { applyPipeline, fitPipeline } from './runPipeline';
import type { StepCount } from './runPipeline';

/** The step kinds the engine knows how to run. */
export const STEP_KINDS: ReadonlySet<string> = new Set(['drop', 'rename', 'cast', 'filter', 'dedupe', 'impute', 'outliers', 'scale', 'encode', 'dateParts', 'derive']);

export interface ProjectPipelineResult { source: string; out: string; rows: number; columns: number; counts: StepCount[]; inputRows: number }

/**
 * Fits the project's pipeline on its training source, stores what the steps learned in the
 * project file, applies it to the chosen source, writes the result as CSV and regenerates DATA.md
 * (the lineage). Nothing is written when any step fails.
 */
export async function runProjectPipeline(projectFile: string, outFile: string, sourceName?: string): Promise<ProjectPipelineResult> {
  const project = await loadProject(projectFile);
  const sources = project.data?.sources ?? [];
  const train = sources.find((s) => (s.role ?? 'train') === 'train');
  if (!train) { throw new EngineError(EngineErrorCodes.InvalidInput, `${projectFile} has no training data source: the pipeline learns from one.`); }
  const target = sourceName === undefined ? train : sources.find((s) => s.name === sourceName);
  if (!target) { throw new EngineError(EngineErrorCodes.InvalidInput, `No data source named "${sourceName}" in ${projectFile}.`); }
  const steps = checkSteps(project.data?.pipeline ?? []);
  const folder = path.dirname(projectFile);
  const read = async (s: DataSource) => toFrame(await readCsv({ path: path.resolve(folder, s.path) }));
  const trainFrame = await read(train);
  const fitted = fitPipeline(steps, trainFrame);
  const input = target === train ? trainFrame : await read(target);
  const result = target === train ? fitted : applyPipeline(fitted.steps, input);
  try {
    await writeFileAtomic(outFile, result.frame.toCSV());
  } catch (err) {
    throw fileError(outFile, err);
  }
  await editProject(projectFile, (p) => { ((p.data ??= {}) as Record<string, unknown>).pipeline = fitted.steps; });
  const lineage = renderLineage(project, fitted.steps, fitted.counts, { rows: trainFrame.numRows(), columns: trainFrame.numCols() }, new Date());
  await writeFileAtomic(path.join(folder, 'DATA.md'), lineage).catch((err: unknown) => { throw fileError(path.join(folder, 'DATA.md'), err); });
  return { source: target.name, out: outFile, rows: result.frame.numRows(), columns: result.frame.numCols(), counts: result.counts, inputRows: input.numRows() };
}

function checkSteps(raw: readonly object[]): PipelineStep[] {
  return raw.map((step, i) => {
    const kind = (step as { kind?: unknown }).kind;
    if (typeof kind !== 'string' || !STEP_KINDS.has(kind)) {
      throw new EngineError(EngineErrorCodes.InvalidInput, `Step ${i + 1}: unknown kind ${JSON.stringify(kind)} (one of ${[...STEP_KINDS].join(', ')}).`);
    }
    return step as PipelineStep;
  });
}

/** The project's pipeline as fitted by its last run, checked for known step kinds. */
export async function fittedPipeline(projectFile: string): Promise<{ name: string; steps: PipelineStep[] }> {
  const project = await loadProject(projectFile);
  return { name: project.name, steps: checkSteps(project.data?.pipeline ?? []) };
}

import * as path from 'node:path';
import type { PipelineStep } from '../../shared/pipeline/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError, fileError } from '../errors';
import { loadProject } from '../project/loadProject';
import { writeFileAtomic } from '../storage/atomicWrite';
import { checkSteps } from './checkSteps';
import { refitProjectPipeline } from './refitProject';
import { applyPipeline } from './runPipeline';
import type { StepCount } from './runPipeline';
import { readSource } from './trainingSource';

export interface ProjectPipelineResult { source: string; out: string; rows: number; columns: number; counts: StepCount[]; inputRows: number }

/**
 * Fits the project's pipeline on its training rows, stores what the steps learned in the project
 * file, regenerates DATA.md (the lineage), applies the pipeline to every row of the chosen source
 * and writes the result as CSV. Nothing is written when any step fails.
 */
export async function runProjectPipeline(projectFile: string, outFile: string, sourceName?: string): Promise<ProjectPipelineResult> {
  const project = await loadProject(projectFile);
  const target = sourceName === undefined ? undefined : (project.data?.sources ?? []).find((s) => s.name === sourceName);
  if (sourceName !== undefined && !target) { throw new EngineError(EngineErrorCodes.InvalidInput, `No data source named "${sourceName}" in ${projectFile}.`); }
  const { training, fitted } = await refitProjectPipeline(projectFile);
  const chosen = target ?? training.source;
  // Without a split, the training source's output is exactly what fitting produced.
  const input = chosen === training.source || chosen.name === training.source.name ? training.all : await readSource(path.resolve(path.dirname(projectFile), chosen.path));
  const result = input === training.train ? fitted : applyPipeline(fitted.steps, input);
  try {
    await writeFileAtomic(outFile, result.frame.toCSV());
  } catch (err) {
    throw fileError(outFile, err);
  }
  return { source: chosen.name, out: outFile, rows: result.frame.numRows(), columns: result.frame.numCols(), counts: result.counts, inputRows: input.numRows() };
}

/** The project's pipeline as fitted by its last run, checked for known step kinds. */
export async function fittedPipeline(projectFile: string): Promise<{ name: string; steps: PipelineStep[] }> {
  const project = await loadProject(projectFile);
  const steps = project.data?.pipeline ?? [];
  checkSteps(steps);
  return { name: project.name, steps };
}

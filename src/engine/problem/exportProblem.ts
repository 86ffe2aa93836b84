import * as path from 'node:path';
import type { ExportProblemResult } from '../../shared/protocol/engine';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError, fileError } from '../errors';
import { loadProject } from '../project/loadProject';
import { writeFileAtomic } from '../storage/atomicWrite';
import { renderProblemMarkdown } from './problemMarkdown';

/** Writes PROBLEM.md beside a project file. Refuses a project file that cannot be read as a project. */
export async function exportProblem(projectFile: string, now = new Date()): Promise<ExportProblemResult> {
  let project;
  try {
    project = await loadProject(projectFile);
  } catch (err) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `${(err as Error).message} Fix the project file before exporting.`);
  }
  const target = path.join(path.dirname(projectFile), 'PROBLEM.md');
  try {
    await writeFileAtomic(target, renderProblemMarkdown(project, now));
  } catch (err) {
    throw fileError(target, err);
  }
  return { path: target };
}

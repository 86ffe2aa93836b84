import * as path from 'node:path';
import type { ExportProblemResult } from '../../shared/protocol/engine';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError, fileError } from '../errors';
import { validateProject } from '../project/validateProject';
import { writeFileAtomic } from '../storage/atomicWrite';
import { renderProblemMarkdown } from './problemMarkdown';

/** Writes PROBLEM.md beside a project file. Refuses a project file that cannot be read as a project. */
export async function exportProblem(projectFile: string, now = new Date()): Promise<ExportProblemResult> {
  const result = await validateProject(projectFile);
  if (!result.project) {
    const first = result.diagnostics[0];
    throw new EngineError(EngineErrorCodes.InvalidInput,
      `${projectFile}:${first?.line ?? 1}: ${first?.message ?? 'not a valid project file'} Fix the project file before exporting.`);
  }
  const target = path.join(path.dirname(projectFile), 'PROBLEM.md');
  try {
    await writeFileAtomic(target, renderProblemMarkdown(result.project, now));
  } catch (err) {
    throw fileError(target, err);
  }
  return { path: target };
}

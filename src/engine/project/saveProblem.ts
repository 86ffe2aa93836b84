import type { Problem } from '../../shared/project/types';
import type { SaveProblemParams, SaveProblemResult } from '../../shared/protocol/engine';
import { editProject } from '../sources/projectEdit';

/**
 * Replaces the `problem` section of a project file, keeping everything else as it is. Refuses when
 * the file changed since the caller read it (the form must never overwrite a newer file silently)
 * or when the file is not a JSON object (nothing else is touched then).
 */
export async function saveProblem(params: SaveProblemParams): Promise<SaveProblemResult> {
  const revision = await editProject(params.path, (project) => replaceProblem(project, params.problem), params.expectedRevision);
  return { revision };
}

/** Replaces the problem in place, so the key keeps its position (diffs stay small). */
function replaceProblem(project: Record<string, unknown>, problem: Problem): void {
  project.problem = problem;
}

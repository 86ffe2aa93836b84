import type { Problem } from '../../shared/project/types';
import type { SaveProblemParams, SaveProblemResult } from '../../shared/protocol/engine';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError, fileError } from '../errors';
import { writeFileAtomic } from '../storage/atomicWrite';
import { formatProject, readProjectText, revisionOf } from './projectText';

/**
 * Replaces the `problem` section of a project file, keeping everything else as it is. Refuses when
 * the file changed since the caller read it (the form must never overwrite a newer file silently)
 * or when the file is not a JSON object (nothing else is touched then).
 */
export async function saveProblem(params: SaveProblemParams): Promise<SaveProblemResult> {
  const text = await readProjectText(params.path);
  if (revisionOf(text) !== params.expectedRevision) {
    throw new EngineError(EngineErrorCodes.Conflict, `${params.path} changed on disk since it was loaded.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `${params.path} is not valid JSON (${(err as Error).message}); fix it before saving the problem definition.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `${params.path} does not hold a JSON object.`);
  }
  const next = withProblem(value as Record<string, unknown>, params.problem);
  const nextText = formatProject(next);
  try {
    await writeFileAtomic(params.path, nextText);
  } catch (err) {
    throw fileError(params.path, err);
  }
  return { revision: revisionOf(nextText) };
}

/** The project with its problem replaced, the key kept in its place (diffs stay small). */
function withProblem(project: Record<string, unknown>, problem: Problem): Record<string, unknown> {
  if ('problem' in project) { return Object.fromEntries(Object.entries(project).map(([k, v]) => [k, k === 'problem' ? problem : v])); }
  return { ...project, problem };
}

import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError, fileError } from '../errors';
import { formatProject, readProjectText, revisionOf } from '../project/projectText';
import { writeFileAtomic } from '../storage/atomicWrite';

/**
 * Reads a project file as a JSON object, lets `edit` change it, and writes it back atomically.
 * With `expectedRevision`, refuses when the file changed since the caller read it.
 */
export async function editProject(file: string, edit: (project: Record<string, unknown>) => void, expectedRevision?: string): Promise<string> {
  const text = await readProjectText(file);
  if (expectedRevision !== undefined && revisionOf(text) !== expectedRevision) {
    throw new EngineError(EngineErrorCodes.Conflict, `${file} changed on disk since it was loaded.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `${file} is not valid JSON (${(err as Error).message}); fix it first.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `${file} does not hold a JSON object.`);
  }
  const project = value as Record<string, unknown>;
  edit(project);
  const next = formatProject(project);
  // An edit that changes nothing must not touch the file: watchers would see a change that is none.
  if (next === text) { return revisionOf(next); }
  try {
    await writeFileAtomic(file, next);
  } catch (err) {
    throw fileError(file, err);
  }
  return revisionOf(next);
}

import type { DataSource, ProjectFile } from '../../shared/project/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError } from '../errors';
import { validateProject } from './validateProject';

/** A project file that must be valid to go on: its first problem, at its line, otherwise. */
export async function loadProject(projectFile: string): Promise<ProjectFile> {
  const validation = await validateProject(projectFile);
  if (validation.project) { return validation.project; }
  const first = validation.diagnostics[0];
  throw new EngineError(EngineErrorCodes.InvalidInput, `${projectFile}:${first?.line ?? 1}: ${first?.message ?? 'not a valid project file'}`);
}

/** The named data source, or the first training source (then the first source) when no name is given. */
export function pickSource(project: ProjectFile, projectFile: string, name?: string): DataSource {
  const sources = project.data?.sources ?? [];
  const source = name === undefined ? sources.find((s) => (s.role ?? 'train') === 'train') ?? sources[0] : sources.find((s) => s.name === name);
  if (!source) {
    throw new EngineError(EngineErrorCodes.InvalidInput, name === undefined ? `${projectFile} has no data sources; add one first.` : `No data source named "${name}" in ${projectFile}.`);
  }
  return source;
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { DataRole, DataSource } from '../../shared/project/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { readCsv } from '../data/csvReader';
import { EngineError, fileError } from '../errors';
import { refreshLineage } from '../pipeline/refitProject';
import { sha256File } from './contentHash';
import { editProject } from './projectEdit';

export interface AddSourceOptions { name?: string; role?: DataRole; replace?: boolean }

/**
 * Registers a CSV/TSV file in a project's `data.sources`: its path relative to the project file,
 * role, SHA-256 of its content, and its rows and columns (the whole file is read: rows are records,
 * not lines), then regenerates DATA.md. With `replace`, re-registers a source of the same name (after its file changed).
 */
export async function addSource(projectFile: string, dataFile: string, options: AddSourceOptions = {}): Promise<DataSource> {
  const full = path.resolve(dataFile);
  const stat = await fs.stat(full).catch((err: unknown) => { throw fileError(full, err); });
  if (!stat.isFile()) { throw new EngineError(EngineErrorCodes.InvalidInput, `${full}: is not a file.`); }
  const table = await readCsv({ path: full });
  if (table.columns.length === 0) { throw new EngineError(EngineErrorCodes.InvalidInput, `${full}: no header row found; is it a CSV/TSV file?`); }
  const source: DataSource = {
    name: options.name ?? path.basename(full).replace(/\.[^.]+$/, ''),
    path: path.relative(path.dirname(path.resolve(projectFile)), full).split(path.sep).join('/'),
    role: options.role ?? 'train',
    sha256: await sha256File(full),
    rows: table.rows,
    columns: table.columns.length,
  };
  await editProject(projectFile, (project) => {
    const sources = sourcesOf(project);
    const existing = sources.findIndex((s) => s.name === source.name);
    if (existing >= 0 && !options.replace) {
      throw new EngineError(EngineErrorCodes.AlreadyExists, `A data source named "${source.name}" exists already; choose another name or replace it.`);
    }
    if (existing >= 0) { sources[existing] = source; } else { sources.push(source); }
  });
  await refreshLineage(projectFile);
  return source;
}

/** Removes a data source from the project (the file itself stays). */
export async function removeSource(projectFile: string, name: string): Promise<void> {
  await editProject(projectFile, (project) => {
    const sources = sourcesOf(project);
    const index = sources.findIndex((s) => s.name === name);
    if (index < 0) { throw new EngineError(EngineErrorCodes.InvalidInput, `No data source named "${name}" in ${projectFile}.`); }
    sources.splice(index, 1);
  });
  await refreshLineage(projectFile);
}

/** The project's `data.sources` array, created when absent; refuses a malformed one. */
function sourcesOf(project: Record<string, unknown>): DataSource[] {
  const data = (project.data ??= {}) as Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data)) { throw new EngineError(EngineErrorCodes.InvalidInput, '"data" must be an object.'); }
  const sources = (data.sources ??= []) as unknown;
  if (!Array.isArray(sources)) { throw new EngineError(EngineErrorCodes.InvalidInput, '"data.sources" must be a list.'); }
  return sources as DataSource[];
}

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_FILE_NAME } from '../../shared/project/types';
import type { DataSource, ProjectFile } from '../../shared/project/types';
import type { CreateProjectParams, CreateProjectResult } from '../../shared/protocol/engine';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { readCsvPreview } from '../data/csvPreview';
import { EngineError, fileError } from '../errors';
import { sha256File } from '../sources/contentHash';
import { writeFileAtomic } from '../storage/atomicWrite';
import { formatProject } from './projectText';

/** Creates `mlworkflow.json` in a folder (created if needed), optionally registering a data file. */
export async function createProject(params: CreateProjectParams): Promise<CreateProjectResult> {
  const name = params.name.trim();
  if (name === '') { throw new EngineError(EngineErrorCodes.InvalidInput, 'A project needs a name.'); }
  const folder = path.resolve(params.folder);
  const file = path.join(folder, PROJECT_FILE_NAME);
  if (await exists(file)) {
    throw new EngineError(EngineErrorCodes.AlreadyExists, `${file} already exists; open it instead of creating a new project there.`);
  }
  const sources = params.dataFile ? [await describeSource(path.resolve(params.dataFile), folder)] : [];
  const project: ProjectFile = {
    version: 1,
    name,
    created: new Date().toISOString(),
    problem: {},
    data: { sources, pipeline: [] },
  };
  try {
    await fs.mkdir(folder, { recursive: true });
    await writeFileAtomic(file, formatProject(project));
  } catch (err) {
    throw fileError(file, err);
  }
  return { path: file, project };
}

async function describeSource(dataFile: string, folder: string): Promise<DataSource> {
  const stat = await fs.stat(dataFile).catch((err: unknown) => { throw fileError(dataFile, err); });
  if (!stat.isFile()) { throw new EngineError(EngineErrorCodes.InvalidInput, `${dataFile}: is not a file.`); }
  const preview = await readCsvPreview(dataFile, 0);
  if (preview.columns.length === 0) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `${dataFile}: no header row found; is it a CSV/TSV file?`);
  }
  const relative = path.relative(folder, dataFile).split(path.sep).join('/');
  return {
    name: path.basename(dataFile).replace(/\.[^.]+$/, ''),
    path: relative,
    role: 'train',
    sha256: await sha256File(dataFile),
    columns: preview.columns.length,
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
}

import type { DataRole } from '../../shared/project/types';
import { addSource, removeSource } from '../../engine/sources/dataSources';
import { CliError } from '../output';
import type { CliIo } from '../output';

const ROLES: readonly DataRole[] = ['train', 'test', 'new'];

/** `mlw data add <mlworkflow.json> <file.csv> [--name N] [--role train|test|new] [--replace]` */
export async function runDataAdd(projectFile: string, dataFile: string, options: { name?: string; role?: string; replace: boolean }, io: CliIo): Promise<number> {
  if (options.role !== undefined && !(ROLES as readonly string[]).includes(options.role)) {
    throw new CliError(`--role is one of ${ROLES.join(', ')}, not "${options.role}".`, 2);
  }
  const source = await addSource(projectFile, dataFile, { name: options.name, role: options.role as DataRole | undefined, replace: options.replace });
  io.out(`Registered "${source.name}" (${source.path}, ${source.role}): ${source.rows} rows x ${source.columns} columns, sha256 ${source.sha256?.slice(0, 12)}...\n`);
  return 0;
}

/** `mlw data remove <mlworkflow.json> <name>` */
export async function runDataRemove(projectFile: string, name: string, io: CliIo): Promise<number> {
  await removeSource(projectFile, name);
  io.out(`Removed data source "${name}" from ${projectFile} (the file itself is kept).\n`);
  return 0;
}

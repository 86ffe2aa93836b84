import { createProject } from '../../engine/project/createProject';
import type { CliIo } from '../output';

/** `mlw init <folder> [--data file.csv] [--name N]` */
export async function runInit(folder: string, options: { data?: string; name?: string }, io: CliIo): Promise<number> {
  const name = options.name ?? (folder.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || 'ML project');
  const result = await createProject({ folder, name, dataFile: options.data });
  io.out(`Created ${result.path}\n`);
  const source = result.project.data?.sources?.[0];
  if (source) { io.out(`Registered data source "${source.name}" (${source.path}, ${source.columns} columns, sha256 ${source.sha256?.slice(0, 12)}...)\n`); }
  io.out('Next: define the problem in VS Code (ML Workflow: Open Problem Definition) or edit the file, then run `mlw validate`.\n');
  return 0;
}

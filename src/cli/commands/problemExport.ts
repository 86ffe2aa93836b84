import { exportProblem } from '../../engine/problem/exportProblem';
import type { CliIo } from '../output';

/** `mlw problem export <mlworkflow.json>`: writes PROBLEM.md beside the project file. */
export async function runProblemExport(file: string, io: CliIo): Promise<number> {
  const result = await exportProblem(file);
  io.out(`Wrote ${result.path}\n`);
  return 0;
}

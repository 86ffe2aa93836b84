import { validateProject } from '../../engine/project/validateProject';
import { formatDiagnostic } from '../output';
import type { CliIo } from '../output';

/** `mlw validate <mlworkflow.json>`: exit 1 when the file has errors, each printed as file:line:col. */
export async function runValidate(file: string, io: CliIo): Promise<number> {
  const result = await validateProject(file);
  for (const d of result.diagnostics) { io.err(`${formatDiagnostic(file, d)}\n`); }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  if (errors > 0) {
    io.err(`${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    return 1;
  }
  io.out(`${file}: valid${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}\n`);
  return 0;
}

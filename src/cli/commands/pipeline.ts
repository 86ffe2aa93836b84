import { exportProjectPipeline } from '../../engine/pipeline/export/exportProjectPipeline';
import { runProjectPipeline } from '../../engine/pipeline/runProjectPipeline';
import { CliError } from '../output';
import type { CliIo } from '../output';

/** `mlw pipeline run <mlworkflow.json> [--source NAME] --out FILE.csv` */
export async function runPipelineCommand(projectFile: string, out: string, source: string | undefined, io: CliIo): Promise<number> {
  const result = await runProjectPipeline(projectFile, out, source);
  io.out(`Pipeline fitted on the training source and applied to "${result.source}": ${result.inputRows} rows in\n`);
  result.counts.forEach((c, i) => io.out(`  after step ${i + 1}: ${c.rows} rows x ${c.columns} columns\n`));
  io.out(`Wrote ${result.out} (${result.rows} rows x ${result.columns} columns); the fitted parameters are stored in the project file.\n`);
  return 0;
}

/** `mlw pipeline export <mlworkflow.json> --python FILE.py | --typescript FILE.ts` */
export async function runPipelineExport(projectFile: string, options: { python?: string; typescript?: string }, io: CliIo): Promise<number> {
  const target = options.python ?? options.typescript;
  if (target === undefined) { throw new CliError('Usage: mlw pipeline export <mlworkflow.json> --python FILE.py | --typescript FILE.ts', 2); }
  await exportProjectPipeline(projectFile, options.python !== undefined ? 'python' : 'typescript', target);
  io.out(options.python !== undefined
    ? `Wrote ${target}: python3 ${target} input.csv output.csv applies the fitted pipeline (pandas, numpy).\n`
    : `Wrote ${target}: import { transform } from it and pass an arquero table.\n`);
  return 0;
}

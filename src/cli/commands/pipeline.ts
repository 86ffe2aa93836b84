import { exportPython } from '../../engine/pipeline/export/exportPython';
import { fittedPipeline, runProjectPipeline } from '../../engine/pipeline/runProjectPipeline';
import { writeFileAtomic } from '../../engine/storage/atomicWrite';
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

/** `mlw pipeline export <mlworkflow.json> --python FILE.py` */
export async function runPipelineExport(projectFile: string, options: { python?: string; typescript?: string }, io: CliIo): Promise<number> {
  if (options.typescript !== undefined) { throw new CliError('The TypeScript export is not available yet; use --python.', 2); }
  if (options.python === undefined) { throw new CliError('Usage: mlw pipeline export <mlworkflow.json> --python FILE.py', 2); }
  const { name, steps } = await fittedPipeline(projectFile);
  let script: string;
  try {
    script = exportPython(steps, name);
  } catch (err) {
    throw new CliError(`${projectFile}: ${(err as Error).message}`);
  }
  await writeFileAtomic(options.python, script);
  io.out(`Wrote ${options.python}: python3 ${options.python} input.csv output.csv applies the fitted pipeline (pandas, numpy).\n`);
  return 0;
}

import { runProjectPipeline } from '../../engine/pipeline/runProjectPipeline';
import type { CliIo } from '../output';

/** `mlw pipeline run <mlworkflow.json> [--source NAME] --out FILE.csv` */
export async function runPipelineCommand(projectFile: string, out: string, source: string | undefined, io: CliIo): Promise<number> {
  const result = await runProjectPipeline(projectFile, out, source);
  io.out(`Pipeline fitted on the training source and applied to "${result.source}": ${result.inputRows} rows in\n`);
  result.counts.forEach((c, i) => io.out(`  after step ${i + 1}: ${c.rows} rows x ${c.columns} columns\n`));
  io.out(`Wrote ${result.out} (${result.rows} rows x ${result.columns} columns); the fitted parameters are stored in the project file.\n`);
  return 0;
}

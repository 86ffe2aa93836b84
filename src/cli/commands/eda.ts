import { writeEdaHtml } from '../../engine/eda/edaHtml';
import { exploreCsv, exploreProject } from '../../engine/eda/exploreData';
import type { EdaReport } from '../../shared/eda/types';
import { CliError } from '../output';
import type { CliIo } from '../output';

export const EDA_USAGE = 'mlw eda <mlworkflow.json | file.csv> --html FILE.html [--target COL]';

/**
 * `mlw eda <mlworkflow.json> --html FILE.html` (the project's training source and target) or
 * `mlw eda <file.csv> --html FILE.html [--target COL]`: writes the EDA report, prints the answers.
 */
export async function runEda(input: string, options: { html?: string; target?: string }, io: CliIo): Promise<number> {
  if (options.html === undefined) { throw new CliError(`Usage: ${EDA_USAGE}`, 2); }
  const isProject = input.toLowerCase().endsWith('.json');
  if (isProject && options.target !== undefined) { throw new CliError('--target is for a CSV file; a project takes its target from its problem definition.', 2); }
  const report = isProject ? await exploreProject(input) : await exploreCsv(input, { target: options.target });
  await writeEdaHtml(report, options.html);
  io.out(summary(report, options.html));
  return 0;
}

function summary(report: EdaReport, out: string): string {
  const lines = [`${report.file}: ${report.rows} rows x ${report.columns} columns${report.target ? `, target ${report.target} (${report.task})` : ''}`, ''];
  for (const q of report.questions) {
    lines.push(`${q.title}: ${q.answer}`);
    for (const step of q.suggestedSteps) { lines.push(`  suggested step: ${JSON.stringify(step)}`); }
  }
  lines.push('', `Wrote ${out} (${report.charts.length} charts, self-contained).`);
  return `${lines.join('\n')}\n`;
}

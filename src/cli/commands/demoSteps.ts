import * as path from 'node:path';
import { writeEdaHtml } from '../../engine/eda/edaHtml';
import { exploreProject } from '../../engine/eda/exploreData';
import { FAMILIES } from '../../engine/models/registry';
import { savePipeline } from '../../engine/pipeline/addStep';
import { assessQuality } from '../../engine/quality/assessQuality';
import { runTraining } from '../../engine/training/runTraining';
import type { PipelineStep } from '../../shared/pipeline/types';
import type { CliIo } from '../output';

/** Trials the demo's training run gets: every family once, with its defaults. */
const DEMO_TRIALS = 9;

/**
 * Steps 2 to 4 of the demo on the sample project: the quality assessment, the EDA's suggested
 * steps saved as the pipeline (DATA.md follows), the EDA report as HTML, and a short training run.
 */
export async function demoSteps2to4(projectFile: string, io: CliIo): Promise<void> {
  const folder = path.dirname(projectFile);
  const quality = await assessQuality(projectFile);
  io.out(`6. Quality of "${quality.source}": ${quality.findings.length} findings\n`);
  for (const f of quality.findings) { io.out(`     ${f.severity.padEnd(7)} ${f.message}\n`); }

  const report = await exploreProject(projectFile);
  const steps: PipelineStep[] = report.questions.flatMap((q) => q.suggestedSteps);
  await savePipeline(projectFile, steps);
  io.out(`7. Explored ${report.charts.length} charts; saved the ${steps.length} suggested pipeline step${steps.length === 1 ? '' : 's'} (fitted on the training rows) and wrote DATA.md\n`);
  for (const q of report.questions) { io.out(`     ${q.title}: ${q.answer}\n`); }
  const html = path.join(folder, 'eda.html');
  await writeEdaHtml(report, html);
  io.out(`   Wrote ${html}\n`);

  const result = await runTraining({ path: projectFile, seed: 0, budget: { trials: DEMO_TRIALS } }, {}, FAMILIES);
  io.out(`8. Trained ${result.trials.length} candidates (5-fold CV, seed 0); best of each family by ${result.metric}:\n`);
  for (const row of result.leaderboard) {
    const score = row.cv[result.metric];
    const met = row.meetsCriteria === undefined ? '' : row.meetsCriteria ? '  meets the success criteria' : '';
    io.out(`     ${row.model.padEnd(18)} ${(score.mean ?? NaN).toFixed(4)} ± ${(score.std ?? NaN).toFixed(4)}${met}\n`);
  }
  io.out(`   Run recorded in ${result.runDir}\n`);
}

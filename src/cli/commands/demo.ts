import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { computeStatuses } from '../../shared/project/status';
import type { Status } from '../../shared/project/status';
import { profileFile } from '../../engine/profile/profileFile';
import { exportProblem } from '../../engine/problem/exportProblem';
import { copySample } from '../../engine/project/copySample';
import { validateProject } from '../../engine/project/validateProject';
import { CliError, formatDiagnostic } from '../output';
import { demoSteps2to4 } from './demoSteps';
import { listRuns } from '../../engine/training/listRuns';
import { trainingStatus } from '../../shared/training/trainingStatus';
import type { CliIo } from '../output';

const MARKER = '.mlw-demo';
const STATUS_MARK: Record<Status, string> = { done: '[done]', inProgress: '[....]', notStarted: '[    ]', attention: '[ !! ]' };

/**
 * `mlw demo <folder> [--force]`: the workflow on the bundled sample, headless. It runs every step
 * this version of ML Workflow has and shows where the others stand.
 */
export async function runDemo(folder: string, force: boolean, samplesRoot: string, io: CliIo): Promise<number> {
  const parent = path.resolve(folder);
  await prepareFolder(parent, force);
  const sample = await copySample(samplesRoot, parent);
  io.out(`1. Copied the sample project to ${sample.folder}\n`);

  const validation = await validateProject(sample.projectFile);
  for (const d of validation.diagnostics) { io.err(`${formatDiagnostic(sample.projectFile, d)}\n`); }
  if (!validation.project) { throw new CliError('The sample project does not validate; see the errors above.'); }
  io.out(`2. Validated ${path.basename(sample.projectFile)}: ${validation.diagnostics.length} problems\n`);

  const source = validation.project.data?.sources?.[0];
  if (source) {
    const profile = await profileFile({ path: path.join(sample.folder, source.path), mode: 'full' });
    io.out(`3. Profiled data source "${source.name}": ${profile.rows} rows x ${profile.columns.length} columns, `
      + `${profile.missingCells} missing cells, ${profile.duplicateRows} duplicate rows, in ${profile.seconds.toFixed(2)} s\n`);
    for (const c of profile.columns) {
      const summary = c.mean !== undefined ? `mean ${c.mean.toPrecision(5)}, std ${c.std?.toPrecision(4)}` : `top ${c.top?.[0]?.value} (${c.top?.[0]?.count})`;
      io.out(`     ${c.name.padEnd(20)} ${c.type.padEnd(11)} ${String(c.missing).padStart(3)} missing  ${String(c.distinct).padStart(4)} distinct  ${summary}\n`);
    }
    for (const alert of profile.alerts) { io.out(`     alert: ${alert.message}\n`); }
  }

  const problem = validation.project.problem;
  io.out(`4. Problem: ${problem?.task ?? '?'} task, target "${problem?.target ?? '?'}", `
    + `${problem?.successCriteria?.length ?? 0} success criteria, ${problem?.risks?.length ?? 0} risks\n`);
  const exported = await exportProblem(sample.projectFile);
  io.out(`5. Wrote ${exported.path}\n`);
  await demoSteps2to4(sample.projectFile, io);

  const after = await validateProject(sample.projectFile);
  io.out('\nWorkflow status:\n');
  const runs = await listRuns(sample.projectFile);
  for (const computed of computeStatuses(after.project ?? validation.project, after.diagnostics)) {
    // Runs live in runs/, not in the project file: step 4's status comes from them, as in the tree.
    const step = computed.id === 'training' ? { ...computed, ...trainingStatus(runs, false) } : computed;
    io.out(`  ${STATUS_MARK[step.status]} ${step.number}. ${step.label}: ${step.detail}\n`);
  }
  io.out(`\nOpen ${sample.folder} in VS Code with the ML Workflow extension to continue.\n`);
  return 0;
}

/** The demo writes into an empty folder, or replaces an earlier demo's folder with --force; nothing else is ever deleted. */
async function prepareFolder(folder: string, force: boolean): Promise<void> {
  const entries = await fs.readdir(folder).catch(() => undefined);
  if (entries && entries.length > 0) {
    if (!force || !entries.includes(MARKER)) {
      throw new CliError(`${folder} is not empty. Choose an empty folder${entries.includes(MARKER) ? ', or pass --force to replace the earlier demo' : ''}.`);
    }
    await fs.rm(folder, { recursive: true, force: true });
  }
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(path.join(folder, MARKER), 'Created by `mlw demo`; `mlw demo --force` may replace this folder.\n');
}

// The runs recorded for a project (runs/<id>/run.json beside mlworkflow.json), newest first.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RunSummary } from '../../shared/training/types';
import { fileError } from '../errors';
import type { RunRecord } from './runRecord';

/** Lists the runs under the runs folder beside a project file (or the given runs folder), newest first; unreadable records are skipped. */
export async function listRuns(projectFileOrRunsDir: string): Promise<RunSummary[]> {
  const runsDir = projectFileOrRunsDir.toLowerCase().endsWith('.json') ? path.join(path.dirname(projectFileOrRunsDir), 'runs') : projectFileOrRunsDir;
  let entries: string[];
  try {
    entries = await fs.readdir(runsDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') { return []; }
    throw fileError(runsDir, err);
  }
  const runs: RunSummary[] = [];
  for (const id of entries) {
    const dir = path.join(runsDir, id);
    let record: RunRecord;
    try {
      record = JSON.parse(await fs.readFile(path.join(dir, 'run.json'), 'utf8')) as RunRecord;
    } catch {
      // A run still in progress has no run.json yet; anything else there is not ours.
      continue;
    }
    if (record.format !== 'ml-workflow-run') { continue; }
    runs.push({ id: record.id, dir, startedAt: record.startedAt, status: record.status, task: record.task, target: record.target, metric: record.metric, rows: record.data.rows, leaderboard: record.leaderboard });
  }
  return runs.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? 1 : -1));
}

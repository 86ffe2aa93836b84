import type { StatusInfo } from '../project/status';
import { metricText } from '../protocol/trainingPanel';
import type { RunSummary } from './types';

/** Done with a complete run; in progress while one runs or when every run was stopped; not started otherwise. */
export function trainingStatus(runs: readonly RunSummary[], running: boolean): StatusInfo {
  const complete = runs.filter((r) => r.status === 'complete');
  const best = complete[0]?.leaderboard[0];
  if (complete.length > 0) {
    return { status: 'done', detail: `${complete.length} complete run${complete.length === 1 ? '' : 's'}${best ? `; the newest: best ${best.label}, ${metricText(best.cv[complete[0].metric]?.mean)} ${complete[0].metric}` : ''}.` };
  }
  if (running) { return { status: 'inProgress', detail: 'A training run is in progress.' }; }
  if (runs.some((r) => r.status === 'cancelled')) { return { status: 'inProgress', detail: 'Only stopped runs so far: let a run finish to complete this step.' }; }
  return { status: 'notStarted', detail: 'Not started. Choose candidate models and train them.' };
}

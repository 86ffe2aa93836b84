// Leaderboard rows from cross-validated trials: CV mean and spread per metric, fit and prediction
// cost, the success criteria, sorted by the primary metric (undefined values last, then trial order).

import type { SuccessCriterion, Task } from '../../shared/project/types';
import type { LeaderboardRow, MetricSummary } from '../../shared/training/types';
import { higherIsBetter, summarise } from '../evaluate/metrics';
import type { FoldScore } from './crossValidate';
import type { Candidate } from './search';
import { checkCriteria } from './successCriteria';

/** A row for a completed trial. */
export function leaderboardRow(candidate: Candidate, scores: readonly FoldScore[], metrics: readonly string[], task: Task, criteria: readonly SuccessCriterion[]): LeaderboardRow {
  const cv: Record<string, MetricSummary> = {};
  for (const metric of metrics) { cv[metric] = summarise(scores.map((s) => s.metrics[metric])); }
  const row: LeaderboardRow = {
    model: candidate.model,
    family: candidate.family.id,
    label: candidate.family.label,
    params: candidate.params,
    trial: candidate.trial,
    phase: candidate.phase,
    cv,
    fitSeconds: mean(scores.map((s) => s.fitSeconds)),
    predictMsPerRow: mean(scores.map((s) => s.predictMsPerRow)),
  };
  if (criteria.length > 0) {
    row.criteria = checkCriteria(criteria, task, cv);
    row.meetsCriteria = row.criteria.every((c) => c.met);
  }
  return row;
}

/** Rows best first by `metric`. */
export function sortRows(rows: readonly LeaderboardRow[], metric: string): LeaderboardRow[] {
  const sign = higherIsBetter(metric) ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a.cv[metric]?.mean ?? null;
    const y = b.cv[metric]?.mean ?? null;
    if (x === null || y === null) { return x === y ? a.trial - b.trial : x === null ? 1 : -1; }
    return x === y ? a.trial - b.trial : sign * (x - y);
  });
}

/** The best row of each family, best first. */
export function bestPerFamily(rows: readonly LeaderboardRow[], metric: string): LeaderboardRow[] {
  const seen = new Set<string>();
  return sortRows(rows, metric).filter((row) => (seen.has(row.family) ? false : (seen.add(row.family), true)));
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

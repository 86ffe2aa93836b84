// The go / no-go gate of step 1, applied to cross-validated results: a candidate meets a criterion
// when its mean CV value compares with the threshold as the criterion says.

import type { SuccessCriterion, Task } from '../../shared/project/types';
import type { CriterionResult, MetricSummary } from '../../shared/training/types';
import { appliesTo } from '../evaluate/metrics';

/** Each criterion checked against the CV means; a metric the task cannot compute is never met. */
export function checkCriteria(criteria: readonly SuccessCriterion[], task: Task, cv: Record<string, MetricSummary>): CriterionResult[] {
  return criteria.map((c) => {
    const value = appliesTo(c.metric, task) ? cv[c.metric]?.mean ?? null : null;
    return { metric: c.metric, comparator: c.comparator, threshold: c.threshold, value, met: value !== null && compare(value, c.comparator, c.threshold) };
  });
}

function compare(value: number, comparator: SuccessCriterion['comparator'], threshold: number): boolean {
  switch (comparator) {
    case '>=': return value >= threshold;
    case '>': return value > threshold;
    case '<=': return value <= threshold;
    case '<': return value < threshold;
  }
}

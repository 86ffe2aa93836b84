import type { PipelineStep } from '../../src/shared/pipeline/types';

// Suggested pipeline steps in words, for the buttons that add them.

const STRATEGIES: Record<string, string> = {
  mean: 'the mean', median: 'the median', mostFrequent: 'the most frequent value', constant: 'a constant', dropRows: 'nothing (drop the rows)',
};

function list(columns: readonly string[]): string {
  return columns.length <= 4 ? columns.join(', ') : `${columns.slice(0, 4).join(', ')} and ${columns.length - 4} more`;
}

/** One line saying what a step does. */
export function describeStep(step: PipelineStep): string {
  switch (step.kind) {
    case 'impute':
      return step.strategy === 'dropRows'
        ? `Drop rows missing ${list(step.columns)}`
        : `Fill missing ${list(step.columns)} with ${STRATEGIES[step.strategy] ?? step.strategy}${step.strategy === 'constant' && step.value !== undefined ? ` (${String(step.value)})` : ''}`;
    case 'outliers':
      return `${step.action === 'clip' ? 'Clip' : 'Remove'} outliers of ${list(step.columns)} (${step.method === 'iqr' ? 'IQR' : 'z-score'} fences${step.factor !== undefined ? ` × ${step.factor}` : ''})`;
    case 'scale':
      return `Scale ${list(step.columns)} (${step.method === 'minmax' ? 'min-max' : step.method})`;
    case 'encode':
      return `Encode ${list(step.columns)} (${step.method === 'onehot' ? 'one-hot' : step.method})`;
    case 'drop':
      return `Drop ${list(step.columns)}`;
    default:
      return step.kind;
  }
}

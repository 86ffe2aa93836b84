import type { Comparator, Task } from './types';

/** A metric a success criterion can name, as scikit-learn names and computes it. */
export interface MetricInfo {
  id: string;
  label: string;
  tasks: readonly Task[];
  /** Whether a larger value is better; decides the natural comparator. */
  higherIsBetter: boolean;
  /** The values the metric can take, for validating thresholds. */
  min?: number;
  max?: number;
}

const CLASSIFICATION: readonly Task[] = ['binary', 'multiclass'];

export const METRICS: readonly MetricInfo[] = [
  { id: 'accuracy', label: 'Accuracy', tasks: CLASSIFICATION, higherIsBetter: true, min: 0, max: 1 },
  { id: 'balanced_accuracy', label: 'Balanced accuracy', tasks: CLASSIFICATION, higherIsBetter: true, min: 0, max: 1 },
  { id: 'f1_macro', label: 'Macro F1', tasks: CLASSIFICATION, higherIsBetter: true, min: 0, max: 1 },
  { id: 'roc_auc', label: 'ROC-AUC', tasks: CLASSIFICATION, higherIsBetter: true, min: 0, max: 1 },
  { id: 'log_loss', label: 'Log loss', tasks: CLASSIFICATION, higherIsBetter: false, min: 0 },
  { id: 'precision', label: 'Precision', tasks: ['binary'], higherIsBetter: true, min: 0, max: 1 },
  { id: 'recall', label: 'Recall', tasks: ['binary'], higherIsBetter: true, min: 0, max: 1 },
  { id: 'f1', label: 'F1', tasks: ['binary'], higherIsBetter: true, min: 0, max: 1 },
  { id: 'rmse', label: 'RMSE', tasks: ['regression'], higherIsBetter: false, min: 0 },
  { id: 'mae', label: 'MAE', tasks: ['regression'], higherIsBetter: false, min: 0 },
  { id: 'r2', label: 'R²', tasks: ['regression'], higherIsBetter: true, max: 1 },
  { id: 'mape', label: 'MAPE', tasks: ['regression'], higherIsBetter: false, min: 0 },
];

/** The metrics that make sense for a task. */
export function metricsForTask(task: Task): MetricInfo[] {
  return METRICS.filter((m) => m.tasks.includes(task));
}

/** Looks a metric up by its id. */
export function findMetric(id: string): MetricInfo | undefined {
  return METRICS.find((m) => m.id === id);
}

/** The comparator a new criterion on this metric starts with. */
export function naturalComparator(metric: MetricInfo): Comparator {
  return metric.higherIsBetter ? '>=' : '<=';
}

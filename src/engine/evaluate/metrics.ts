// Metrics named and computed as scikit-learn 1.2.1 does (checked against its numbers in
// test/fixtures/metrics-sklearn). A metric that scikit-learn refuses to compute (ROC-AUC when a
// class is missing from y_true) is NaN here, so one odd fold does not stop a whole run.

import { findMetric } from '../../shared/project/metrics';
import type { SuccessCriterion, Task } from '../../shared/project/types';
import type { Predictions } from '../models/types';
import { binaryRocAuc, ovrRocAuc } from './rocAuc';

/** What every leaderboard row reports for classification. */
export const CLASSIFICATION_METRICS: readonly string[] = ['accuracy', 'f1_macro', 'roc_auc', 'log_loss'];
/** What every leaderboard row reports for regression. */
export const REGRESSION_METRICS: readonly string[] = ['rmse', 'mae', 'r2'];

const COMPUTABLE = new Set(['accuracy', 'balanced_accuracy', 'f1_macro', 'roc_auc', 'log_loss', 'precision', 'recall', 'f1', 'rmse', 'mae', 'r2', 'mape']);

/** scikit-learn's eps="auto" for float64 probabilities in log_loss, and MAPE's floor on |y|. */
const EPS = Number.EPSILON;

/** Whether a metric's larger values are better. */
export function higherIsBetter(metric: string): boolean {
  const info = findMetric(metric);
  if (!info) { throw new Error(`Unknown metric "${metric}".`); }
  return info.higherIsBetter;
}

/** Whether the engine computes this metric for this task. */
export function appliesTo(metric: string, task: Task): boolean {
  return COMPUTABLE.has(metric) && (findMetric(metric)?.tasks.includes(task) ?? false);
}

/** The metrics reported for a task: the standard ones plus any the success criteria name. */
export function reportedMetrics(task: Task, criteria: readonly SuccessCriterion[] = []): string[] {
  const base = task === 'regression' ? [...REGRESSION_METRICS] : [...CLASSIFICATION_METRICS];
  for (const c of criteria) { if (appliesTo(c.metric, task) && !base.includes(c.metric)) { base.push(c.metric); } }
  return base;
}

/** The metric runs are ranked by: the first success criterion's that applies to the task, else accuracy / rmse. */
export function primaryMetric(task: Task, criteria: readonly SuccessCriterion[] = []): string {
  const first = criteria.find((c) => appliesTo(c.metric, task));
  return first ? first.metric : task === 'regression' ? 'rmse' : 'accuracy';
}

/** Computes the named metrics of predictions against the truth (class indices, or values for regression). */
export function computeMetrics(task: Task, y: Float64Array, predictions: Predictions, classes: number, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  if (task === 'regression') {
    const values = predictions.values;
    if (!values) { throw new Error('A regression model returned no values.'); }
    for (const name of names) { out[name] = regressionMetric(name, y, values); }
    return out;
  }
  const probabilities = predictions.probabilities;
  if (!probabilities) { throw new Error('A classifier returned no probabilities.'); }
  const predicted = predictedClasses(probabilities, classes);
  for (const name of names) { out[name] = classificationMetric(name, y, predicted, probabilities, classes); }
  return out;
}

function regressionMetric(name: string, y: Float64Array, p: Float64Array): number {
  switch (name) {
    case 'rmse': return Math.sqrt(meanOf(y.length, (i) => (y[i] - p[i]) ** 2));
    case 'mae': return meanOf(y.length, (i) => Math.abs(y[i] - p[i]));
    case 'r2': return r2(y, p);
    case 'mape': return meanOf(y.length, (i) => Math.abs(p[i] - y[i]) / Math.max(Math.abs(y[i]), EPS));
    default: throw new Error(`${name} is not a regression metric.`);
  }
}

function classificationMetric(name: string, y: Float64Array, predicted: Int32Array, probabilities: Float64Array, classes: number): number {
  switch (name) {
    case 'accuracy': return meanOf(y.length, (i) => (y[i] === predicted[i] ? 1 : 0));
    case 'balanced_accuracy': return balancedAccuracy(y, predicted, classes);
    case 'f1_macro': return f1Macro(y, predicted, classes);
    case 'log_loss': return logLoss(y, probabilities, classes);
    case 'roc_auc': return classes === 2
      ? binaryRocAuc(y.length, (i) => y[i] === 1, (i) => probabilities[i * 2 + 1])
      : ovrRocAuc(y, probabilities, classes);
    case 'precision': case 'recall': case 'f1': return binaryScore(name, y, predicted);
    default: throw new Error(`${name} is not a classification metric.`);
  }
}

/** The predicted class of each row: the first index with the largest probability (numpy's argmax). */
export function predictedClasses(probabilities: Float64Array, classes: number): Int32Array {
  const n = probabilities.length / classes;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) { if (probabilities[i * classes + c] > probabilities[i * classes + best]) { best = c; } }
    out[i] = best;
  }
  return out;
}

/** Per class: true positives, predicted count, true count. */
function confusionCounts(y: Float64Array, predicted: Int32Array, classes: number): { tp: Float64Array; predictedCount: Float64Array; trueCount: Float64Array } {
  const tp = new Float64Array(classes);
  const predictedCount = new Float64Array(classes);
  const trueCount = new Float64Array(classes);
  for (let i = 0; i < y.length; i++) {
    trueCount[y[i]]++;
    predictedCount[predicted[i]]++;
    if (y[i] === predicted[i]) { tp[y[i]]++; }
  }
  return { tp, predictedCount, trueCount };
}

/** f1_score(average='macro') without `labels`: over the classes present in y_true or y_pred; 0/0 counts 0. */
function f1Macro(y: Float64Array, predicted: Int32Array, classes: number): number {
  const { tp, predictedCount, trueCount } = confusionCounts(y, predicted, classes);
  let sum = 0;
  let labels = 0;
  for (let c = 0; c < classes; c++) {
    if (trueCount[c] === 0 && predictedCount[c] === 0) { continue; }
    labels++;
    sum += f1Of(tp[c], predictedCount[c], trueCount[c]);
  }
  return labels === 0 ? NaN : sum / labels;
}

function f1Of(tp: number, predictedCount: number, trueCount: number): number {
  const precision = predictedCount === 0 ? 0 : tp / predictedCount;
  const recall = trueCount === 0 ? 0 : tp / trueCount;
  // As scikit-learn's fbeta: a zero denominator becomes 1 (so the score is 0).
  const denominator = precision + recall;
  return (2 * precision * recall) / (denominator === 0 ? 1 : denominator);
}

/** balanced_accuracy_score: the mean recall over the classes present in y_true. */
function balancedAccuracy(y: Float64Array, predicted: Int32Array, classes: number): number {
  const { tp, trueCount } = confusionCounts(y, predicted, classes);
  let sum = 0;
  let present = 0;
  for (let c = 0; c < classes; c++) { if (trueCount[c] > 0) { sum += tp[c] / trueCount[c]; present++; } }
  return present === 0 ? NaN : sum / present;
}

/** precision / recall / f1 of the positive class (index 1, the second class in sorted order), zero_division=0. */
function binaryScore(name: 'precision' | 'recall' | 'f1', y: Float64Array, predicted: Int32Array): number {
  const { tp, predictedCount, trueCount } = confusionCounts(y, predicted, 2);
  if (name === 'precision') { return predictedCount[1] === 0 ? 0 : tp[1] / predictedCount[1]; }
  if (name === 'recall') { return trueCount[1] === 0 ? 0 : tp[1] / trueCount[1]; }
  return f1Of(tp[1], predictedCount[1], trueCount[1]);
}

/** log_loss(labels=range(classes)): probabilities clipped to [eps, 1 - eps], rows renormalised, mean -log p(true). */
function logLoss(y: Float64Array, probabilities: Float64Array, classes: number): number {
  const n = y.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let c = 0; c < classes; c++) { rowSum += clip(probabilities[i * classes + c]); }
    total += -Math.log(clip(probabilities[i * classes + y[i]]) / rowSum);
  }
  return n === 0 ? NaN : total / n;
}

function clip(p: number): number {
  return p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
}

/** r2_score with force_finite: constant y_true scores 1 when predicted exactly, else 0. */
function r2(y: Float64Array, p: Float64Array): number {
  const mean = meanOf(y.length, (i) => y[i]);
  let residual = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) { residual += (y[i] - p[i]) ** 2; total += (y[i] - mean) ** 2; }
  if (residual === 0) { return 1; }
  if (total === 0) { return 0; }
  return 1 - residual / total;
}

function meanOf(n: number, term: (i: number) => number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) { sum += term(i); }
  return n === 0 ? NaN : sum / n;
}

/** Mean and population standard deviation (numpy's default ddof=0) of the finite fold scores; null when none is finite. */
export function summarise(scores: readonly number[]): { mean: number | null; std: number | null } {
  const finite = scores.filter((s) => Number.isFinite(s));
  if (finite.length === 0) { return { mean: null, std: null }; }
  const mean = finite.reduce((s, v) => s + v, 0) / finite.length;
  const variance = finite.reduce((s, v) => s + (v - mean) ** 2, 0) / finite.length;
  return { mean, std: Math.sqrt(variance) };
}

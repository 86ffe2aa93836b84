// The three losses, as scikit-learn's HistGradientBoosting defines them (half squared error,
// binomial and multinomial log-loss): baseline prediction, gradients and hessians, the mean loss,
// and how raw scores become outputs. Raw scores are class-major: class k of row i at k * n + i.

/** Which loss a model optimises. */
export type LossKind = 'squared_error' | 'log_loss' | 'multinomial';

const EPS = 2.220446049250313e-16;

/** Number of trees grown per round (one per class for multinomial, else one). */
export function treesPerRound(kind: LossKind, classes: number): number {
  return kind === 'multinomial' ? classes : 1;
}

/** Whether the hessian is the same constant (1) for every row, so counts stand in for it. */
export function hasConstantHessian(kind: LossKind): boolean {
  return kind === 'squared_error';
}

/** sklearn's initial raw prediction: the mean, the log-odds of the prior, or the centred log priors. */
export function baselinePrediction(kind: LossKind, y: Float64Array, classes: number): Float64Array {
  const n = y.length;
  if (kind === 'squared_error') {
    let sum = 0;
    for (let i = 0; i < n; i++) { sum += y[i]; }
    return Float64Array.of(n > 0 ? sum / n : 0);
  }
  const k = kind === 'multinomial' ? classes : 2;
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) { counts[y[i]]++; }
  const clip = (p: number): number => Math.min(Math.max(p, EPS), 1 - EPS);
  if (kind === 'log_loss') {
    const p = clip(n > 0 ? counts[1] / n : 0.5);
    return Float64Array.of(Math.log(p / (1 - p)));
  }
  const out = new Float64Array(k);
  let mean = 0;
  for (let c = 0; c < k; c++) { out[c] = Math.log(clip(n > 0 ? counts[c] / n : 1 / k)); mean += out[c]; }
  mean /= k;
  for (let c = 0; c < k; c++) { out[c] -= mean; }
  return out;
}

/** The logistic function, computed without overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) { return 1 / (1 + Math.exp(-x)); }
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Gradients (and hessians unless constant) of every row for every tree of the round, class-major
 * like `raw`. Written for one row range so callers can reuse the buffers across rounds.
 */
export function computeGradients(kind: LossKind, classes: number, y: Float64Array, raw: Float64Array, gradient: Float64Array, hessian: Float64Array): void {
  const n = y.length;
  if (kind === 'squared_error') {
    for (let i = 0; i < n; i++) { gradient[i] = raw[i] - y[i]; }
    return;
  }
  if (kind === 'log_loss') {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(raw[i]);
      gradient[i] = p - y[i];
      hessian[i] = p * (1 - p);
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) { const r = raw[c * n + i]; if (r > max) { max = r; } }
    let sum = 0;
    for (let c = 0; c < classes; c++) { const e = Math.exp(raw[c * n + i] - max); gradient[c * n + i] = e; sum += e; }
    const label = y[i];
    for (let c = 0; c < classes; c++) {
      const p = gradient[c * n + i] / sum;
      gradient[c * n + i] = p - (c === label ? 1 : 0);
      hessian[c * n + i] = p * (1 - p);
    }
  }
}

/** The mean loss: squared error (not halved, the unit users read), binomial or multinomial log-loss. */
export function meanLoss(kind: LossKind, classes: number, y: Float64Array, raw: Float64Array): number {
  const n = y.length;
  if (n === 0) { return NaN; }
  // Each sum is its own function ending with its loop: V8 kept deoptimising code placed after a
  // long loop it had optimised mid-way (the division here, when it lived in one function).
  const total = kind === 'squared_error' ? squaredErrorSum(y, raw) : kind === 'log_loss' ? binomialSum(y, raw) : multinomialSum(classes, y, raw);
  return total / n;
}

function squaredErrorSum(y: Float64Array, raw: Float64Array): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) { const d = raw[i] - y[i]; total += d * d; }
  return total;
}

function binomialSum(y: Float64Array, raw: Float64Array): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const r = raw[i];
    // log(1 + exp(r)) - y * r, without overflow.
    const softplus = r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r));
    total += softplus - y[i] * r;
  }
  return total;
}

function multinomialSum(classes: number, y: Float64Array, raw: Float64Array): number {
  const n = y.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) { const r = raw[c * n + i]; if (r > max) { max = r; } }
    let sum = 0;
    for (let c = 0; c < classes; c++) { sum += Math.exp(raw[c * n + i] - max); }
    total += max + Math.log(sum) - raw[y[i] * n + i];
  }
  return total;
}

/** Raw scores (class-major, n rows) to row-major probabilities (n x classes). */
export function probabilities(kind: LossKind, classes: number, raw: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * classes);
  if (kind === 'log_loss') {
    for (let i = 0; i < n; i++) { const p = sigmoid(raw[i]); out[2 * i] = 1 - p; out[2 * i + 1] = p; }
    return out;
  }
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) { const r = raw[c * n + i]; if (r > max) { max = r; } }
    let sum = 0;
    for (let c = 0; c < classes; c++) { const e = Math.exp(raw[c * n + i] - max); out[i * classes + c] = e; sum += e; }
    for (let c = 0; c < classes; c++) { out[i * classes + c] /= sum; }
  }
  return out;
}

// Limited-memory BFGS for the smooth, strictly convex objectives of logistic regression, and its
// orthant-wise variant OWL-QN (Andrew and Gao, 2007) when an l1 term is added. A backtracking
// Armijo line search is enough here: strict convexity of the smooth part makes s'y > 0 for every
// step, so the curvature pairs stay valid without a Wolfe search.

import type { FitLoop } from '../fitLoop';
import type { Objective } from './logisticObjective';

export interface LbfgsOptions {
  /** Stop when every (pseudo-)gradient component is at most this (the objective is per row, so this is scale-free). */
  gradientTolerance: number;
  maxIterations: number;
  /** Correction pairs kept (scipy's maxcor, default 10). */
  memory: number;
  /** Per parameter, the weight of |x_i| added to the objective (0 for unpenalised ones); absent for plain L-BFGS. */
  l1?: Float64Array;
}

export interface LbfgsResult {
  x: Float64Array;
  loss: number;
  iterations: number;
  maxGradient: number;
  /** The gradient tolerance was met, or no step could lower the loss in floating point (the optimum to double precision). */
  converged: boolean;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 40;
/** Loss changes this small (relative) are rounding noise, not information. */
const LOSS_NOISE = 1e-14;

/** Minimises `objective` (+ the l1 term, if any) from `start`; reports each iteration to `loop` (which may cancel). */
export async function minimizeLbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions, loop: FitLoop): Promise<LbfgsResult> {
  const size = start.length;
  const l1 = options.l1;
  let x = Float64Array.from(start);
  let gradient = new Float64Array(size);
  let loss = objective(x, gradient) + l1Term(x, l1);
  const pseudo = new Float64Array(size);
  const nextPseudo = new Float64Array(size);
  pseudoGradient(x, gradient, l1, pseudo);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const direction = new Float64Array(size);
  const alphas = new Float64Array(options.memory);
  let nextX = new Float64Array(size);
  let nextGradient = new Float64Array(size);
  let iterations = 0;
  let maxGradient = maxAbs(pseudo);
  let stalled = false;
  while (maxGradient > options.gradientTolerance && iterations < options.maxIterations) {
    // Two-loop recursion: direction = -H g, with H0 scaled by the latest s'y / y'y.
    for (let i = 0; i < size; i++) { direction[i] = -pseudo[i]; }
    for (let m = steps.length - 1; m >= 0; m--) {
      alphas[m] = rhos[m] * dotAll(steps[m], direction);
      axpy(-alphas[m], changes[m], direction);
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const scale = 1 / (rhos[last] * dotAll(changes[last], changes[last]));
      for (let i = 0; i < size; i++) { direction[i] *= scale; }
    }
    for (let m = 0; m < steps.length; m++) {
      const beta = rhos[m] * dotAll(changes[m], direction);
      axpy(alphas[m] - beta, steps[m], direction);
    }
    // OWL-QN: keep only components that go downhill along the pseudo-gradient.
    if (l1) { for (let i = 0; i < size; i++) { if (l1[i] > 0 && direction[i] * pseudo[i] >= 0) { direction[i] = 0; } } }
    let slope = dotAll(direction, pseudo);
    if (!(slope < 0)) {
      // Rounding spoilt the approximation: forget it and go downhill.
      steps.length = 0; changes.length = 0; rhos.length = 0;
      for (let i = 0; i < size; i++) { direction[i] = -pseudo[i]; }
      slope = dotAll(direction, pseudo);
    }
    // First step: no curvature known yet, so move a unit length at most.
    let step = steps.length === 0 ? Math.min(1, 1 / Math.sqrt(dotAll(pseudo, pseudo))) : 1;
    let nextLoss = NaN;
    let accepted = false;
    for (let b = 0; b < MAX_BACKTRACKS && !accepted; b++) {
      for (let i = 0; i < size; i++) { nextX[i] = x[i] + step * direction[i]; }
      if (l1) { projectToOrthant(x, pseudo, l1, nextX); }
      nextLoss = objective(nextX, nextGradient) + l1Term(nextX, l1);
      if (l1) {
        pseudoGradient(nextX, nextGradient, l1, nextPseudo);
        let expected = 0;
        for (let i = 0; i < size; i++) { expected += pseudo[i] * (nextX[i] - x[i]); }
        accepted = acceptable(loss, nextLoss, expected, maxAbs(nextPseudo), maxGradient);
      } else {
        accepted = acceptable(loss, nextLoss, step * slope, Math.abs(dotAll(direction, nextGradient)), Math.abs(slope));
      }
      if (!accepted) { step *= 0.5; }
    }
    // No step makes progress in floating point: as close to the optimum as doubles allow.
    if (!accepted) { stalled = true; break; }
    iterations++;
    const s = new Float64Array(size);
    const change = new Float64Array(size);
    for (let i = 0; i < size; i++) { s[i] = nextX[i] - x[i]; change[i] = nextGradient[i] - gradient[i]; }
    const curvature = dotAll(s, change);
    if (curvature > 1e-300) {
      if (steps.length === options.memory) { steps.shift(); changes.shift(); rhos.shift(); }
      steps.push(s); changes.push(change); rhos.push(1 / curvature);
    }
    [x, nextX] = [nextX, x];
    [gradient, nextGradient] = [nextGradient, gradient];
    loss = nextLoss;
    pseudoGradient(x, gradient, l1, pseudo);
    maxGradient = maxAbs(pseudo);
    await loop.iteration(iterations, loss);
  }
  return { x, loss, iterations, maxGradient, converged: stalled || maxGradient <= options.gradientTolerance };
}

/**
 * Armijo's sufficient decrease, with a true decrease. Near the optimum the loss stops changing in
 * floating point well before the gradient is small (the loss is quadratic in the distance, the
 * gradient linear), so there, as in Hager and Zhang's approximate Wolfe conditions, a step whose
 * loss change is within rounding noise is accepted when the slope (or, with l1, the largest
 * pseudo-gradient component) shrank.
 */
function acceptable(loss: number, nextLoss: number, expected: number, nextSlope: number, slope: number): boolean {
  if (nextLoss < loss && nextLoss <= loss + ARMIJO * expected) { return true; }
  return Math.abs(nextLoss - loss) <= LOSS_NOISE * Math.abs(loss) && nextSlope <= 0.9 * slope;
}

/** sum l1_i |x_i| (0 without l1). */
function l1Term(x: Float64Array, l1: Float64Array | undefined): number {
  if (!l1) { return 0; }
  let sum = 0;
  for (let i = 0; i < x.length; i++) { sum += l1[i] * Math.abs(x[i]); }
  return sum;
}

/** The gradient itself, or with l1 the minimum-norm subgradient (zero where 0 is already optimal). */
function pseudoGradient(x: Float64Array, gradient: Float64Array, l1: Float64Array | undefined, out: Float64Array): void {
  if (!l1) { out.set(gradient); return; }
  for (let i = 0; i < x.length; i++) {
    const g = gradient[i];
    const w = l1[i];
    if (x[i] > 0) { out[i] = g + w; } else if (x[i] < 0) { out[i] = g - w; } else if (g + w < 0) { out[i] = g + w; } else if (g - w > 0) { out[i] = g - w; } else { out[i] = 0; }
  }
}

/** Sets to 0 the penalised coordinates of `next` that left the orthant of x (or, where x_i = 0, of -pseudo-gradient). */
function projectToOrthant(x: Float64Array, pseudo: Float64Array, l1: Float64Array, next: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    if (l1[i] === 0) { continue; }
    const orthant = x[i] !== 0 ? Math.sign(x[i]) : -Math.sign(pseudo[i]);
    if (Math.sign(next[i]) !== orthant) { next[i] = 0; }
  }
}

function dotAll(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) { sum += a[i] * b[i]; }
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) { y[i] += a * x[i]; }
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (const v of a) { if (Math.abs(v) > max) { max = Math.abs(v); } }
  return max;
}

// Lasso and elastic net by cyclic coordinate descent, the algorithm and stopping rule of
// scikit-learn's ElasticNet (enet_coordinate_descent), on centred data so the intercept is free.
// Objective (scikit-learn's scaling): 1/(2n) ||y - Xw - b||^2 + alpha l1 ||w||_1 + alpha (1 - l1) / 2 ||w||^2.

import { centreColumns, centreTarget, dot } from './centredColumns';
import type { FitLoop } from '../fitLoop';
import type { LinearFit } from './ridge';

/**
 * Duality-gap tolerance relative to ||y - mean(y)||^2. scikit-learn's default is 1e-4; a sweep is
 * cheap, so this runs to near the exact optimum and coefficients agree to ~1e-6 with any solver.
 */
const GAP_TOLERANCE = 1e-10;
/** Sweeps over all coordinates at most (scikit-learn's max_iter counts the same sweeps). */
const MAX_SWEEPS = 5000;

/** Fits ElasticNet(alpha, l1Ratio); l1Ratio = 1 is the Lasso. */
export async function fitElasticNet(columns: Float64Array[], y: Float64Array, rows: number, alpha: number, l1Ratio: number, loop: FitLoop): Promise<LinearFit> {
  const d = columns.length;
  const { centred, means } = centreColumns(columns, rows);
  const target = centreTarget(y, rows);
  const l1 = alpha * l1Ratio * rows;
  const l2 = alpha * (1 - l1Ratio) * rows;
  const norms = centred.map((column) => dot(column, column, rows));
  const w = new Float64Array(d);
  const residual = Float64Array.from(target.centred);
  const tolerance = GAP_TOLERANCE * dot(target.centred, target.centred, rows);
  let sweep = 0;
  let converged = false;
  while (sweep < MAX_SWEEPS && !converged) {
    sweep++;
    let wMax = 0;
    let changeMax = 0;
    for (let j = 0; j < d; j++) {
      if (norms[j] === 0) { continue; }
      const column = centred[j];
      const old = w[j];
      // Correlation of feature j with the residual that excludes feature j's own contribution.
      const rho = dot(column, residual, rows) + old * norms[j];
      const shrunk = Math.max(Math.abs(rho) - l1, 0);
      const next = shrunk === 0 ? 0 : (Math.sign(rho) * shrunk) / (norms[j] + l2);
      if (next !== old) {
        const change = old - next;
        for (let i = 0; i < rows; i++) { residual[i] += change * column[i]; }
        w[j] = next;
      }
      changeMax = Math.max(changeMax, Math.abs(next - old));
      wMax = Math.max(wMax, Math.abs(next));
    }
    // The gap costs a sweep's worth of work: computed only once coefficients barely move.
    converged = (wMax === 0 || changeMax / wMax < GAP_TOLERANCE || sweep === MAX_SWEEPS)
      && dualityGap(centred, target.centred, residual, w, l1, l2, rows) < tolerance;
    await loop.iteration(sweep, objective(residual, w, l1, l2, rows));
  }
  let intercept = target.mean;
  for (let j = 0; j < d; j++) { intercept -= means[j] * w[j]; }
  return { coef: w, intercept, iterations: sweep, converged };
}

/** The primal objective divided by n (scikit-learn's scaling), for progress reports. */
function objective(residual: Float64Array, w: Float64Array, l1: number, l2: number, rows: number): number {
  let absolute = 0;
  let squares = 0;
  for (const v of w) { absolute += Math.abs(v); squares += v * v; }
  return (0.5 * dot(residual, residual, rows) + l1 * absolute + 0.5 * l2 * squares) / rows;
}

/** The duality gap of the current point, exactly as scikit-learn computes it. */
function dualityGap(centred: Float64Array[], y: Float64Array, residual: Float64Array, w: Float64Array, l1: number, l2: number, rows: number): number {
  let dualNorm = 0;
  for (let j = 0; j < centred.length; j++) {
    dualNorm = Math.max(dualNorm, Math.abs(dot(centred[j], residual, rows) - l2 * w[j]));
  }
  const residualNorm2 = dot(residual, residual, rows);
  let wNorm2 = 0;
  let l1Norm = 0;
  for (const v of w) { wNorm2 += v * v; l1Norm += Math.abs(v); }
  let scale = 1;
  let gap = residualNorm2;
  if (dualNorm > l1) {
    scale = l1 / dualNorm;
    gap = 0.5 * (residualNorm2 + residualNorm2 * scale * scale);
  }
  return gap + l1 * l1Norm - scale * dot(residual, y, rows) + 0.5 * l2 * (1 + scale * scale) * wNorm2;
}

// Ridge regression in closed form, as scikit-learn's Ridge(solver='cholesky'): centre X and y,
// solve (Xc'Xc + alpha I) w = Xc'yc by Cholesky, intercept = mean(y) - mean(X) . w.

import { centreColumns, centreTarget, dot } from './centredColumns';
import type { FitLoop } from '../fitLoop';

/** Fitted coefficients and intercept of a single-output linear model. */
export interface LinearFit { coef: Float64Array; intercept: number; iterations: number; converged: boolean }

/** Fits Ridge(alpha) with an unpenalised intercept; `loop` is consulted between Gram columns. */
export async function fitRidge(columns: Float64Array[], y: Float64Array, rows: number, alpha: number, loop: FitLoop): Promise<LinearFit> {
  const d = columns.length;
  const { centred, means } = centreColumns(columns, rows);
  const target = centreTarget(y, rows);
  // The Gram matrix is symmetric: compute the lower triangle (the n d^2 / 2 cost) and mirror it.
  const gram = new Float64Array(d * d);
  const rhs = new Float64Array(d);
  for (let a = 0; a < d; a++) {
    await loop.checkpoint();
    for (let b = 0; b <= a; b++) {
      const value = dot(centred[a], centred[b], rows);
      gram[a * d + b] = value;
      gram[b * d + a] = value;
    }
    gram[a * d + a] += alpha;
    rhs[a] = dot(centred[a], target.centred, rows);
  }
  const coef = solveCholesky(gram, rhs, d);
  let intercept = target.mean;
  for (let j = 0; j < d; j++) { intercept -= means[j] * coef[j]; }
  return { coef, intercept, iterations: 1, converged: true };
}

/** Solves A x = b for a symmetric positive definite A (row-major d x d, overwritten by its factor). */
export function solveCholesky(a: Float64Array, b: Float64Array, d: number): Float64Array {
  for (let j = 0; j < d; j++) {
    let diagonal = a[j * d + j];
    for (let k = 0; k < j; k++) { diagonal -= a[j * d + k] * a[j * d + k]; }
    if (!(diagonal > 0)) {
      throw new Error('The features are linearly dependent (for example a constant or a duplicated column), so there is no unique fit; use a larger alpha or drop the redundant features.');
    }
    const pivot = Math.sqrt(diagonal);
    a[j * d + j] = pivot;
    for (let i = j + 1; i < d; i++) {
      let sum = a[i * d + j];
      for (let k = 0; k < j; k++) { sum -= a[i * d + k] * a[j * d + k]; }
      a[i * d + j] = sum / pivot;
    }
  }
  // Forward (L z = b) then backward (L' x = z) substitution.
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    let sum = x[i];
    for (let k = 0; k < i; k++) { sum -= a[i * d + k] * x[k]; }
    x[i] = sum / a[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < d; k++) { sum -= a[k * d + i] * x[k]; }
    x[i] = sum / a[i * d + i];
  }
  return x;
}

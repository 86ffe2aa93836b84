// The smooth part of scikit-learn's LogisticRegression objective: the log-loss summed over rows
// plus an l2 term on the coefficients (||W||^2 / (2C) for penalty 'l2'), intercepts unpenalised;
// binary with one sigmoid, multiclass with the multinomial (softmax) loss over all classes.
// Divided by n here so that gradient tolerances do not depend on the number of rows; the
// minimiser is the same. An l1 term, if any, is the optimiser's (see lbfgs.ts).
//
// Parameters: `classes` blocks of (d coefficients, then the intercept); one block when binary.

/** Loss and gradient at `w` (the gradient is written into `gradient`). */
export type Objective = (w: Float64Array, gradient: Float64Array) => number;

/**
 * The objective for features `columns` (column-major) and targets `y` (0..classes-1 indices into
 * the fitted classes), with `l2Sum` the weight of ||W||^2 / 2 against the summed loss (1 / C).
 */
export function logisticObjective(columns: Float64Array[], y: Int32Array, rows: number, classes: number, l2Sum: number): Objective {
  const d = columns.length;
  const blocks = classes === 2 ? 1 : classes;
  const scores = Array.from({ length: blocks }, () => new Float64Array(rows));
  const penalty = l2Sum / rows;
  return (w, gradient) => {
    linearScores(columns, w, rows, blocks, scores);
    let loss = 0;
    if (blocks === 1) {
      // Binary: loss_i = log(1 + e^z) - y z, residual = sigmoid(z) - y (overwrites the scores).
      const z = scores[0];
      for (let i = 0; i < rows; i++) {
        const s = z[i];
        const target = y[i];
        loss += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - target * s;
        z[i] = sigmoid(s) - target;
      }
    } else {
      // Multinomial: loss_i = logsumexp(z_i) - z_i,y ; residual_k = softmax_k - [y == k].
      for (let i = 0; i < rows; i++) {
        let max = -Infinity;
        for (let k = 0; k < blocks; k++) { if (scores[k][i] > max) { max = scores[k][i]; } }
        let sum = 0;
        for (let k = 0; k < blocks; k++) { sum += Math.exp(scores[k][i] - max); }
        const logSum = max + Math.log(sum);
        loss += logSum - scores[y[i]][i];
        for (let k = 0; k < blocks; k++) { scores[k][i] = Math.exp(scores[k][i] - logSum); }
        scores[y[i]][i] -= 1;
      }
    }
    loss /= rows;
    for (let k = 0; k < blocks; k++) {
      const residual = scores[k];
      const base = k * (d + 1);
      for (let j = 0; j < d; j++) {
        const wj = w[base + j];
        loss += 0.5 * penalty * wj * wj;
        let sum = 0;
        const column = columns[j];
        for (let i = 0; i < rows; i++) { sum += column[i] * residual[i]; }
        gradient[base + j] = sum / rows + penalty * wj;
      }
      let sum = 0;
      for (let i = 0; i < rows; i++) { sum += residual[i]; }
      gradient[base + d] = sum / rows;
    }
    return loss;
  };
}

/** Writes each block's linear scores X w_k + b_k into `out[k]`. */
export function linearScores(columns: Float64Array[], w: Float64Array, rows: number, blocks: number, out: Float64Array[]): void {
  const d = columns.length;
  for (let k = 0; k < blocks; k++) {
    const z = out[k];
    const base = k * (d + 1);
    z.fill(w[base + d], 0, rows);
    for (let j = 0; j < d; j++) {
      const wj = w[base + j];
      if (wj === 0) { continue; }
      const column = columns[j];
      for (let i = 0; i < rows; i++) { z[i] += wj * column[i]; }
    }
  }
}

/** The logistic function, as scipy's expit (no overflow for any z). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

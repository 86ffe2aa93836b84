// Centring for the linear solvers: the intercept is not penalised, so (as scikit-learn does) the
// solvers work on centred features and target and recover the intercept from the means.

/** Columns with their means subtracted, and the means. */
export function centreColumns(columns: Float64Array[], rows: number): { centred: Float64Array[]; means: Float64Array } {
  const means = new Float64Array(columns.length);
  const centred = columns.map((column, j) => {
    let sum = 0;
    for (let i = 0; i < rows; i++) { sum += column[i]; }
    const mean = sum / rows;
    means[j] = mean;
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) { out[i] = column[i] - mean; }
    return out;
  });
  return { centred, means };
}

/** The target with its mean subtracted, and the mean. */
export function centreTarget(y: Float64Array, rows: number): { centred: Float64Array; mean: number } {
  let sum = 0;
  for (let i = 0; i < rows; i++) { sum += y[i]; }
  const mean = sum / rows;
  const centred = new Float64Array(rows);
  for (let i = 0; i < rows; i++) { centred[i] = y[i] - mean; }
  return { centred, mean };
}

/** Dot product of two equally long arrays. */
export function dot(a: Float64Array, b: Float64Array, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) { sum += a[i] * b[i]; }
  return sum;
}

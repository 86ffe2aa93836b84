// ROC-AUC as scikit-learn 1.2.1 computes it: the ROC curve through every distinct score (tied
// scores move the curve diagonally, so ties count half), integrated with the trapezoidal rule.

/**
 * Binary ROC-AUC of scores for rows where `positive(i)` says whether row i is the positive class;
 * NaN when only one class is present (scikit-learn raises there).
 */
export function binaryRocAuc(n: number, positive: (i: number) => boolean, score: (i: number) => number): number {
  const order = new Int32Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) { order[i] = i; scores[i] = score(i); }
  // Decreasing score; the order inside a group of equal scores does not matter (one curve point per group).
  order.sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  let fp = 0;
  const tps: number[] = [0];
  const fps: number[] = [0];
  for (let j = 0; j < n; j++) {
    const row = order[j];
    if (positive(row)) { tp++; } else { fp++; }
    if (j === n - 1 || scores[order[j + 1]] !== scores[row]) { tps.push(tp); fps.push(fp); }
  }
  if (tp === 0 || fp === 0) { return NaN; }
  let area = 0;
  for (let j = 1; j < tps.length; j++) {
    area += ((fps[j] / fp - fps[j - 1] / fp) * (tps[j] / tp + tps[j - 1] / tp)) / 2;
  }
  return area;
}

/**
 * One-vs-rest macro ROC-AUC over all `classes` probability columns (row-major), as
 * roc_auc_score(multi_class='ovr', average='macro', labels=range(classes)); NaN when a class is
 * absent from y (scikit-learn raises there).
 */
export function ovrRocAuc(y: Float64Array, probabilities: Float64Array, classes: number): number {
  const n = y.length;
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const auc = binaryRocAuc(n, (i) => y[i] === c, (i) => probabilities[i * classes + c]);
    if (Number.isNaN(auc)) { return NaN; }
    sum += auc;
  }
  return sum / classes;
}

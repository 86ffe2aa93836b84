/**
 * Pearson r between every pair of columns over the rows where both are present (pairwise
 * complete, as pandas' DataFrame.corr()). Two passes per pair: means first, then co-moments,
 * which keeps the result within rounding of pandas'. null where a column is constant on the pair.
 */
export function pearsonMatrix(columns: readonly Float64Array[]): (number | null)[][] {
  const k = columns.length;
  const matrix: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const r = a === b ? selfCorrelation(columns[a]) : pearson(columns[a], columns[b]);
      matrix[a][b] = r;
      matrix[b][a] = r;
    }
  }
  return matrix;
}

function selfCorrelation(x: Float64Array): number | null {
  let first = NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) { continue; }
    if (first !== first) { first = v; } else if (v !== first) { return 1; }
  }
  return null;
}

function pearson(x: Float64Array, y: Float64Array): number | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a === a && b === b) { n++; sx += a; sy += b; }
  }
  if (n < 2) { return null; }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a === a && b === b) {
      const da = a - mx;
      const db = b - my;
      sxy += da * db;
      sxx += da * da;
      syy += db * db;
    }
  }
  if (sxx === 0 || syy === 0) { return null; }
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

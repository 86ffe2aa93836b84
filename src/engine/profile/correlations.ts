/**
 * Pearson r between every pair of columns over the rows where both are present (pairwise
 * complete, as pandas' DataFrame.corr()), within rounding of pandas'. null where a column is
 * constant on the pair.
 */
export function pearsonMatrix(columns: readonly Float64Array[]): (number | null)[][] {
  const pairs = allPairs(columns.length);
  return matrixOf(columns.length, pairs, pearsonPairs(columns, pairs));
}

/** Every pair (a, b) with a <= b: the upper triangle with the diagonal. */
export function allPairs(k: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < k; a++) { for (let b = a; b < k; b++) { pairs.push([a, b]); } }
  return pairs;
}

/**
 * r for the given pairs. Each column's own mean shifts its values inside the loop (no copies:
 * memory matters at a million rows); over shifted values the one-pass sums lose nothing that matters.
 */
export function pearsonPairs(columns: readonly Float64Array[], pairs: readonly [number, number][]): (number | null)[] {
  const means = new Map<number, number>();
  const mean = (i: number) => { let m = means.get(i); if (m === undefined) { m = meanOf(columns[i]); means.set(i, m); } return m; };
  return pairs.map(([a, b]) => (a === b ? selfCorrelation(columns[a]) : pearson(columns[a], columns[b], mean(a), mean(b))));
}

/** The symmetric matrix from the upper-triangle pairs' values. */
export function matrixOf(k: number, pairs: readonly [number, number][], values: readonly (number | null)[]): (number | null)[][] {
  const matrix: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  pairs.forEach(([a, b], i) => { matrix[a][b] = values[i]; matrix[b][a] = values[i]; });
  return matrix;
}

function meanOf(x: Float64Array): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) { const v = x[i]; if (v === v) { sum += v; n++; } }
  return n > 0 ? sum / n : 0;
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

/** Pairwise-complete r in one pass over values shifted by their column's mean. */
function pearson(x: Float64Array, y: Float64Array, mx: number, my: number): number | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] - mx;
    const b = y[i] - my;
    if (a === a && b === b) {
      n++;
      sx += a;
      sy += b;
      sxx += a * a;
      syy += b * b;
      sxy += a * b;
    }
  }
  if (n < 2) { return null; }
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  if (vx <= 0 || vy <= 0) { return null; }
  const r = (sxy - (sx * sy) / n) / Math.sqrt(vx * vy);
  return Math.max(-1, Math.min(1, r));
}

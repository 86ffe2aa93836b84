/**
 * Pearson r between every pair of columns over the rows where both are present (pairwise
 * complete, as pandas' DataFrame.corr()), within rounding of pandas'. null where a column is
 * constant on the pair.
 */
export function pearsonMatrix(columns: readonly Float64Array[]): (number | null)[][] {
  const k = columns.length;
  const matrix: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  // Columns without missing cells pair over every row: centre them once, then each pair is a dot
  // product. Others are shifted by their mean once and paired in one pass.
  const centred = columns.map(centreIfComplete);
  const shifted = columns.map((x, i) => centred[i]?.values ?? shiftByMean(x));
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const ca = centred[a];
      const cb = centred[b];
      const r = a === b ? selfCorrelation(columns[a]) : ca && cb ? dotCorrelation(ca, cb) : pearson(shifted[a], shifted[b]);
      matrix[a][b] = r;
      matrix[b][a] = r;
    }
  }
  return matrix;
}

function shiftByMean(x: Float64Array): Float64Array {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) { const v = x[i]; if (v === v) { sum += v; n++; } }
  const mean = n > 0 ? sum / n : 0;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) { out[i] = x[i] - mean; }
  return out;
}

interface Centred { values: Float64Array; sumSquares: number }

function centreIfComplete(x: Float64Array): Centred | undefined {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) { return undefined; }
    sum += v;
  }
  const mean = sum / x.length;
  const values = new Float64Array(x.length);
  let sumSquares = 0;
  for (let i = 0; i < x.length; i++) { const d = x[i] - mean; values[i] = d; sumSquares += d * d; }
  return { values, sumSquares };
}

function dotCorrelation(a: Centred, b: Centred): number | null {
  if (a.values.length < 2 || a.sumSquares === 0 || b.sumSquares === 0) { return null; }
  let sxy = 0;
  const x = a.values;
  const y = b.values;
  for (let i = 0; i < x.length; i++) { sxy += x[i] * y[i]; }
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(a.sumSquares * b.sumSquares)));
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

/**
 * Pairwise-complete r for columns with missing cells, in one pass over values already shifted by
 * their column's mean (`shiftedX`, NaN where missing): sums of shifted values stay small, so the
 * one-pass formulas lose nothing that matters.
 */
function pearson(x: Float64Array, y: Float64Array): number | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
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

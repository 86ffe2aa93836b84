import { pearsonWelford } from './pearsonExact';
import { pairSums } from './pearsonSums';
import type { Chunks } from './pearsonSums';

/**
 * A pair whose variance over its shared rows is below this share of its sum of squares around the
 * shift may be lost in rounding (e.g. a column constant where the other is present, whose variance
 * should be exactly 0): it is recomputed the slow way, exactly as pandas does.
 */
const DEGENERATE = 1e-8;

/**
 * Pearson r between every pair of columns over the rows where both are present (pairwise
 * complete, as pandas' DataFrame.corr()), within rounding of pandas'. null where a column is
 * constant on the pair. Each column is a list of chunks; all columns have chunks of equal lengths.
 */
export function pearsonMatrix(columns: readonly Chunks[]): (number | null)[][] {
  const pairs = allPairs(columns.length);
  return matrixOf(columns.length, pairs, pearsonPairs(columns, pairs));
}

/** Every pair (a, b) with a <= b: the upper triangle with the diagonal. */
export function allPairs(k: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < k; a++) { for (let b = a; b < k; b++) { pairs.push([a, b]); } }
  return pairs;
}

/** The symmetric matrix from the upper-triangle pairs' values. */
export function matrixOf(k: number, pairs: readonly [number, number][], values: readonly (number | null)[]): (number | null)[][] {
  const matrix: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  pairs.forEach(([a, b], i) => { matrix[a][b] = values[i]; matrix[b][a] = values[i]; });
  return matrix;
}

/** Rows sampled, evenly spread, for a column's shift. */
const SHIFT_SAMPLE = 4096;

/**
 * r for the given pairs, at a cost proportional to the pairs asked for, plus, per column in an
 * off-diagonal pair, one pass to shift it (and a 4096-row sample for the shift). Columns only on
 * the diagonal cost almost nothing (their first two different values).
 *
 * With a = x - s (s a sample mean of x, near enough to its mean that nothing cancels) where x is
 * present and 0 where missing, b likewise, the sums over the rows where both are present come
 * from branch-free sums over all rows, corrected over the few rows where one is missing:
 * Σab = Σ over all rows of a·b; Σa = Σ of a over x's present rows minus Σ of a over y's missing
 * rows; Σa² likewise; n = rows - missing(x) - missing(y) + missing(both).
 */
export function pearsonPairs(columns: readonly Chunks[], pairs: readonly [number, number][]): (number | null)[] {
  const varies = new Map<number, boolean>();
  const twoValues = (k: number): boolean => {
    let v = varies.get(k);
    if (v === undefined) { v = hasTwoValues(columns[k]); varies.set(k, v); }
    return v;
  };
  const result: (number | null)[] = new Array<number | null>(pairs.length).fill(null);
  const live: number[] = [];
  pairs.forEach(([a, b], p) => {
    // A column constant (or empty) overall is constant on every pair.
    if (a === b) { result[p] = twoValues(a) ? 1 : null; } else if (twoValues(a) && twoValues(b)) { live.push(p); }
  });
  if (live.length === 0) { return result; }

  const used = [...new Set(live.flatMap((p) => pairs[p]))];
  const local = new Map(used.map((k, i) => [k, i]));
  const livePairs = live.map((p): [number, number] => [local.get(pairs[p][0])!, local.get(pairs[p][1])!]);
  const sums = pairSums(used.map((k) => columns[k]), used.map((k) => sampleMean(columns[k])), livePairs);
  live.forEach((p, q) => {
    const [la, lb] = livePairs[q];
    const at = 6 * q;
    const n = sums.rows - sums.missing[la] - sums.missing[lb] + sums.pair[at + 5];
    if (n < 2) { return; }
    const sx = sums.sum[la] - sums.pair[at + 1];
    const sxx = sums.squares[la] - sums.pair[at + 2];
    const sy = sums.sum[lb] - sums.pair[at + 3];
    const syy = sums.squares[lb] - sums.pair[at + 4];
    const vx = sxx - (sx * sx) / n;
    const vy = syy - (sy * sy) / n;
    if (vx <= DEGENERATE * sxx || vy <= DEGENERATE * syy) { result[p] = pearsonWelford(columns[pairs[p][0]], columns[pairs[p][1]]); return; }
    const r = (sums.pair[at] - (sx * sy) / n) / Math.sqrt(vx * vy);
    result[p] = Math.max(-1, Math.min(1, r));
  });
  return result;
}

/** Whether the column has two different present values (stops at the first pair found). */
function hasTwoValues(chunks: Chunks): boolean {
  let first = NaN;
  for (const x of chunks) {
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (v !== v) { continue; }
      if (first !== first) { first = v; } else if (v !== first) { return true; }
    }
  }
  return false;
}

/** The mean of up to SHIFT_SAMPLE present values spread evenly over the rows (0 when none is present). */
function sampleMean(chunks: Chunks): number {
  const rows = chunks.reduce((n, x) => n + x.length, 0);
  const step = Math.max(1, Math.floor(rows / SHIFT_SAMPLE));
  let sum = 0;
  let count = 0;
  let row = 0;
  for (const x of chunks) {
    // The first sampled row of this chunk continues the stride of the previous chunks.
    for (let i = (step - (row % step)) % step; i < x.length; i += step) { const v = x[i]; if (v === v) { sum += v; count++; } }
    row += x.length;
  }
  if (count > 0) { return sum / count; }
  for (const x of chunks) { for (let i = 0; i < x.length; i++) { if (x[i] === x[i]) { return x[i]; } } }
  return 0;
}

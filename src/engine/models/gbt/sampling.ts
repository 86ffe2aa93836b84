// The seeded random choices of a boosting fit: the early-stopping validation split, the rows of
// each round and the features of each tree. Everything draws from src/engine/random.ts so the
// same seed gives the same model.

import { randomInt, shuffleInPlace } from '../../random';

/**
 * Splits rows 0..n-1 into training and validation rows (each ascending): ceil(fraction * n)
 * validation rows as sklearn's train_test_split, stratified by class when `classes` > 0.
 */
export function validationSplit(y: Float64Array, classes: number, fraction: number, random: () => number): { train: Int32Array; valid: Int32Array } {
  const n = y.length;
  const nValid = Math.min(n - 1, Math.ceil(fraction * n));
  const isValid = new Uint8Array(n);
  if (classes > 0) {
    // Each class gives its share (largest remainders settle the rounding), from a shuffled order.
    const byClass: number[][] = Array.from({ length: classes }, () => []);
    for (let i = 0; i < n; i++) { byClass[y[i]].push(i); }
    const exact = byClass.map((rows) => (rows.length * nValid) / n);
    const take = exact.map(Math.floor);
    let left = nValid - take.reduce((a, b) => a + b, 0);
    const order = exact.map((_, c) => c).sort((a, b) => (exact[b] - take[b]) - (exact[a] - take[a]) || a - b);
    for (const c of order) { if (left === 0) { break; } if (take[c] < byClass[c].length) { take[c]++; left--; } }
    byClass.forEach((rows, c) => {
      const shuffled = shuffleInPlace(Int32Array.from(rows), random);
      for (let j = 0; j < take[c]; j++) { isValid[shuffled[j]] = 1; }
    });
  } else {
    const shuffled = shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), random);
    for (let j = 0; j < nValid; j++) { isValid[shuffled[j]] = 1; }
  }
  const train = new Int32Array(n - nValid);
  const valid = new Int32Array(nValid);
  let t = 0;
  let v = 0;
  for (let i = 0; i < n; i++) { if (isValid[i]) { valid[v++] = i; } else { train[t++] = i; } }
  return { train, valid };
}

/**
 * The rows of one round: each row kept with probability `fraction` (Bernoulli, as XGBoost's
 * subsample), which keeps them in ascending order for cache-friendly histogram building. Writes
 * into `out` and returns the view of the rows drawn (at least one).
 */
export function sampleRows(n: number, fraction: number, random: () => number, out: Int32Array): Int32Array {
  let m = 0;
  for (let i = 0; i < n; i++) { if (random() < fraction) { out[m++] = i; } }
  if (m === 0) { out[m++] = randomInt(random, n); }
  return out.subarray(0, m);
}

/** The features of one tree: max(1, round(fraction * count)) of them, drawn without replacement, ascending. */
export function sampleFeatures(count: number, fraction: number, random: () => number): Int32Array {
  const all = Int32Array.from({ length: count }, (_, i) => i);
  if (fraction >= 1) { return all; }
  const m = Math.max(1, Math.round(fraction * count));
  return shuffleInPlace(all, random).subarray(0, m).sort();
}

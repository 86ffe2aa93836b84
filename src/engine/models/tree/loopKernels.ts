// The row loops of tree building, each in a function that returns right after its loop.
//
// Why: the first node of a tree is the whole data set, so V8 compiles a loop on its first run
// (on-stack replacement) before any code after the loop has ever run. Node 20's V8 keeps reusing
// that compiled loop, and each time the code after the loop lacks type feedback it throws the
// compiled code away again ("Insufficient type feedback"): measured on diamonds, 11,000 such
// deoptimisations in 20 extra-trees trees, with the loops running in the interpreter in between.
// A loop followed only by `return` of a local has nothing after it that needs feedback.

/** Number of positive weights: the rows that take part in a tree. */
export function countPositive(weight: Float64Array): number {
  let count = 0;
  for (let i = 0; i < weight.length; i++) { if (weight[i] > 0) { count++; } }
  return count;
}

/** Writes the rows with positive weight, in index order, to the front of `samples`. */
export function keepRows(weight: Float64Array, samples: Int32Array): void {
  let k = 0;
  for (let i = 0; i < weight.length; i++) { if (weight[i] > 0) { samples[k++] = i; } }
}

/** Copies the rows of `sorted` with positive weight, and their values, to order/values from `at` on. */
export function keepSorted(sorted: Int32Array, column: Float64Array, weight: Float64Array, order: Int32Array, values: Float64Array, at: number): void {
  let k = at;
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i];
    if (weight[row] > 0) { order[k] = row; values[k++] = column[row]; }
  }
}

/** Adds each row's weight to its class count; returns the weight of the rows `order[from..to)`. */
export function addClassCounts(stats: Float64Array, counts: Float64Array, order: Int32Array, from: number, to: number): number {
  let weight = 0;
  for (let i = from; i < to; i++) {
    const at = 2 * order[i];
    counts[stats[at] | 0] += stats[at + 1];
    weight += stats[at + 1];
  }
  return weight;
}

/** Accumulates sum of w*y, of w*y*y and of w over the rows `order[from..to)` into sums[0..2]. */
export function addWeightedSums(stats: Float64Array, y: Float64Array, order: Int32Array, from: number, to: number, sums: Float64Array): void {
  for (let i = from; i < to; i++) {
    const row = order[i];
    const wy = stats[2 * row];
    sums[0] += wy;
    sums[1] += wy * y[row];
    sums[2] += stats[2 * row + 1];
  }
}

/** Sum of w*y*y over the rows `order[from..to)`, multiplied in scikit-learn's order ((w*y)*y). */
export function leftSquares(stats: Float64Array, y: Float64Array, order: Int32Array, from: number, to: number): number {
  let squares = 0;
  for (let i = from; i < to; i++) {
    const row = order[i];
    squares += stats[2 * row] * y[row];
  }
  return squares;
}

/** Stamps the rows `order[from..to)` with `stamp`. */
export function markRows(order: Int32Array, mark: Int32Array, stamp: number, from: number, to: number): void {
  for (let k = from; k < to; k++) { mark[order[k]] = stamp; }
}

/**
 * First half of a stable partition of [lo, hi): stamped rows (and their values) move to the
 * front in order, the others to the buffers; returns how many went to the buffers.
 */
export function partitionOut(order: Int32Array, values: Float64Array, mark: Int32Array, stamp: number, lo: number, hi: number, buffer: Int32Array, valueBuffer: Float64Array): number {
  let l = lo;
  let r = 0;
  for (let k = lo; k < hi; k++) {
    const row = order[k];
    if (mark[row] === stamp) {
      order[l] = row;
      values[l++] = values[k];
    } else {
      buffer[r] = row;
      valueBuffer[r++] = values[k];
    }
  }
  return r;
}

/** Second half: copies `count` buffered rows and values back to [at, at + count). */
export function copyBack(order: Int32Array, values: Float64Array, at: number, count: number, buffer: Int32Array, valueBuffer: Float64Array): void {
  for (let i = 0; i < count; i++) {
    order[at + i] = buffer[i];
    values[at + i] = valueBuffer[i];
  }
}

/**
 * Gathers feature `feature` of the rows `samples[from..to)` from a row-major matrix into
 * x[from..to); returns their largest value and leaves the smallest in range[0].
 */
export function gatherFeature(matrix: Float64Array, features: number, feature: number, samples: Int32Array, from: number, to: number, x: Float64Array, range: Float64Array): number {
  let min = Infinity;
  let max = -Infinity;
  for (let k = from; k < to; k++) {
    const v = matrix[samples[k] * features + feature];
    x[k] = v;
    // The store sits in the loop (first taken on the first row), not after it: see the top of the file.
    if (v < min) { min = v; range[0] = v; }
    if (v > max) { max = v; }
  }
  return max;
}

/**
 * Partitions samples[from..to) so rows with x <= threshold come first (x[from..to) holds their
 * values, swapped along); returns where the rest begins.
 */
export function partitionAt(samples: Int32Array, x: Float64Array, from: number, to: number, threshold: number): number {
  let p = from;
  let q = to;
  while (p < q) {
    if (x[p] <= threshold) {
      p++;
    } else {
      q--;
      const row = samples[p]; samples[p] = samples[q]; samples[q] = row;
      const v = x[p]; x[p] = x[q]; x[q] = v;
    }
  }
  return q;
}

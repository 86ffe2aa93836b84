// Gradient histograms: per feature and bin, the sums of gradients (and hessians) and the row
// count, in one flat Float64Array. Feature f's bins start at offsets[f] and it has only the bins
// it uses (its non-missing bins plus the missing bin), so low-cardinality features cost little to
// clear, subtract and scan. A bin takes `slots` doubles: [gradient, count] when the hessian is
// constant (squared error: the count stands in for it), else [gradient, hessian, count].
//
// Building histograms is where boosting spends its time, so it reads an index made once per fit:
// row-major, entry r * features + f is the position offsets[f] + bin * slots of row r's bin of
// feature f. A row's entries share a cache line, and the inner loop is load, add, store. Measured
// here on diamonds-like data (9 features): one pass per feature over column-major bins was ~1.8x
// slower (time); row-major bytes plus an offsets lookup took ~20% more instructions (valgrind).
// V8 re-checks each typed array's map and length on every loop iteration (its loops poll for
// interrupts), so the loops do four rows per iteration. The loops never allocate.

/** Where each feature's bins start in a histogram, and its total length. */
export interface HistogramLayout {
  slots: number;
  offsets: Int32Array;
  /** Doubles per histogram. */
  size: number;
}

/**
 * Histogram positions of every training row and feature (see above). Uint16 when the histogram
 * has at most 65,536 doubles (up to 85 features of 255 bins, many more of few bins), else Int32.
 */
export type HistogramIndex = Uint16Array | Int32Array;

/** The layout for features with the given bin counts (missing bin included). */
export function histogramLayout(binsPerFeature: Int32Array, constantHessian: boolean): HistogramLayout {
  const slots = constantHessian ? 2 : 3;
  const offsets = new Int32Array(binsPerFeature.length + 1);
  for (let f = 0; f < binsPerFeature.length; f++) { offsets[f + 1] = offsets[f] + binsPerFeature[f] * slots; }
  return { slots, offsets, size: offsets[binsPerFeature.length] };
}

/** The index of n rows from column-major bins. */
export function histogramIndex(columns: Uint8Array[], n: number, layout: HistogramLayout): HistogramIndex {
  const features = columns.length;
  const index = layout.size <= 65536 ? new Uint16Array(n * features) : new Int32Array(n * features);
  for (let f = 0; f < features; f++) {
    const column = columns[f];
    const offset = layout.offsets[f];
    const slots = layout.slots;
    for (let r = 0; r < n; r++) { index[r * features + f] = offset + column[r] * slots; }
  }
  return index;
}

/**
 * Zeroes the parts of the given features. Plain loops rather than typed-array methods here and
 * in the grower: V8 (Node 20) kept deoptimising hot functions at such method calls.
 */
function clear(hist: Float64Array, offsets: Int32Array, features: Int32Array): void {
  for (let fi = 0; fi < features.length; fi++) {
    const f = features[fi];
    const end = offsets[f + 1];
    for (let j = offsets[f]; j < end; j++) { hist[j] = 0; }
  }
}

/**
 * Histogram of the rows part[start..stop) over the given features (all of them when
 * features.length === featureCount, the usual case); gradients (and hessians) of row r are at
 * [gradientOffset + r].
 */
export function buildHistogram(hist: Float64Array, layout: HistogramLayout, index: HistogramIndex, featureCount: number, features: Int32Array, gradient: Float64Array, hessian: Float64Array, gradientOffset: number, part: Int32Array, start: number, stop: number): void {
  clear(hist, layout.offsets, features);
  const constant = layout.slots === 2;
  let end = start;
  if (features.length === featureCount) {
    end = stop - ((stop - start) & 3);
    if (constant) {
      fourRowsConstantHessian(hist, index, featureCount, gradient, gradientOffset, part, start, end);
    } else {
      fourRows(hist, index, featureCount, gradient, hessian, gradientOffset, part, start, end);
    }
  }
  if (end < stop) { rowByRow(hist, constant, index, featureCount, features, gradient, hessian, gradientOffset, part, end, stop); }
}

// Nothing follows the loop in the kernels below: V8 optimises them in the middle of their first
// long loop (on-stack replacement), and code after the loop, never run by then, had no type
// feedback; V8 (Node 20) then deoptimised at it on every call instead of recompiling.
// Updates of one bin happen in row order, so sums do not depend on the unrolling.

function fourRowsConstantHessian(hist: Float64Array, index: HistogramIndex, featureCount: number, gradient: Float64Array, gradientOffset: number, part: Int32Array, start: number, end: number): void {
  for (let k = start; k < end; k += 4) {
    const r0 = part[k]; const r1 = part[k + 1]; const r2 = part[k + 2]; const r3 = part[k + 3];
    const g0 = gradient[gradientOffset + r0]; const g1 = gradient[gradientOffset + r1];
    const g2 = gradient[gradientOffset + r2]; const g3 = gradient[gradientOffset + r3];
    let j0 = r0 * featureCount; let j1 = r1 * featureCount; let j2 = r2 * featureCount; let j3 = r3 * featureCount;
    const last = j0 + featureCount;
    for (; j0 < last; j0++, j1++, j2++, j3++) {
      const o0 = index[j0]; hist[o0] += g0; hist[o0 + 1] += 1;
      const o1 = index[j1]; hist[o1] += g1; hist[o1 + 1] += 1;
      const o2 = index[j2]; hist[o2] += g2; hist[o2 + 1] += 1;
      const o3 = index[j3]; hist[o3] += g3; hist[o3 + 1] += 1;
    }
  }
}

function fourRows(hist: Float64Array, index: HistogramIndex, featureCount: number, gradient: Float64Array, hessian: Float64Array, gradientOffset: number, part: Int32Array, start: number, end: number): void {
  for (let k = start; k < end; k += 4) {
    const r0 = part[k]; const r1 = part[k + 1]; const r2 = part[k + 2]; const r3 = part[k + 3];
    const g0 = gradient[gradientOffset + r0]; const g1 = gradient[gradientOffset + r1];
    const g2 = gradient[gradientOffset + r2]; const g3 = gradient[gradientOffset + r3];
    const h0 = hessian[gradientOffset + r0]; const h1 = hessian[gradientOffset + r1];
    const h2 = hessian[gradientOffset + r2]; const h3 = hessian[gradientOffset + r3];
    let j0 = r0 * featureCount; let j1 = r1 * featureCount; let j2 = r2 * featureCount; let j3 = r3 * featureCount;
    const last = j0 + featureCount;
    for (; j0 < last; j0++, j1++, j2++, j3++) {
      const o0 = index[j0]; hist[o0] += g0; hist[o0 + 1] += h0; hist[o0 + 2] += 1;
      const o1 = index[j1]; hist[o1] += g1; hist[o1 + 1] += h1; hist[o1 + 2] += 1;
      const o2 = index[j2]; hist[o2] += g2; hist[o2 + 1] += h2; hist[o2 + 2] += 1;
      const o3 = index[j3]; hist[o3] += g3; hist[o3 + 1] += h3; hist[o3 + 2] += 1;
    }
  }
}

/** Listed features only (column subsampling, and the last rows of the loops above). */
function rowByRow(hist: Float64Array, constant: boolean, index: HistogramIndex, featureCount: number, features: Int32Array, gradient: Float64Array, hessian: Float64Array, gradientOffset: number, part: Int32Array, start: number, stop: number): void {
  const m = features.length;
  for (let k = start; k < stop; k++) {
    const r = part[k];
    const g = gradient[gradientOffset + r];
    const h = constant ? 1 : hessian[gradientOffset + r];
    const base = r * featureCount;
    for (let fi = 0; fi < m; fi++) {
      const o = index[base + features[fi]];
      hist[o] += g;
      if (constant) { hist[o + 1] += 1; } else { hist[o + 1] += h; hist[o + 2] += 1; }
    }
  }
}

/**
 * Every training row grouped by bin, per feature: order[f * n + k] for k in
 * starts[first[f] + b] .. starts[first[f] + b + 1] are the rows (ascending) in bin b of feature f.
 */
export interface RowsByBin { order: Int32Array; starts: Int32Array; first: Int32Array; rows: number }

/** Groups rows by bin (a stable counting sort per feature). */
export function rowsByBin(columns: Uint8Array[], n: number, layout: HistogramLayout): RowsByBin {
  const features = columns.length;
  const first = new Int32Array(features);
  for (let f = 0; f < features; f++) { first[f] = layout.offsets[f] / layout.slots + f; }
  const starts = new Int32Array(layout.size / layout.slots + features);
  const order = new Int32Array(n * features);
  for (let f = 0; f < features; f++) {
    const column = columns[f];
    const bins = (layout.offsets[f + 1] - layout.offsets[f]) / layout.slots;
    const s = first[f];
    for (let r = 0; r < n; r++) { starts[s + column[r] + 1]++; }
    for (let b = 0; b < bins; b++) { starts[s + b + 1] += starts[s + b]; }
    const next = starts.slice(s, s + bins);
    for (let r = 0; r < n; r++) { order[f * n + next[column[r]]++] = r; }
  }
  return { order, starts, first, rows: n };
}

/**
 * The histogram of every training row (the root when rows are not subsampled), as per-bin sums
 * over the rows grouped by bin: no read-modify-write of the histogram per row and feature, and
 * the counts are the group sizes. Each bin still adds its rows in ascending order, so the sums are
 * the same as buildHistogram's. Measured (valgrind) at well under half the instructions.
 */
export function buildRootHistogram(hist: Float64Array, layout: HistogramLayout, byBin: RowsByBin, features: Int32Array, gradient: Float64Array, hessian: Float64Array, gradientOffset: number): void {
  const { order, starts, first, rows } = byBin;
  const { slots, offsets } = layout;
  for (let fi = 0; fi < features.length; fi++) {
    const f = features[fi];
    const bins = (offsets[f + 1] - offsets[f]) / slots;
    const base = f * rows;
    for (let b = 0; b < bins; b++) {
      const from = base + starts[first[f] + b];
      const to = base + starts[first[f] + b + 1];
      const o = offsets[f] + b * slots;
      hist[o] = segmentSum(gradient, gradientOffset, order, from, to);
      if (slots === 2) {
        hist[o + 1] = to - from;
      } else {
        hist[o + 1] = segmentSum(hessian, gradientOffset, order, from, to);
        hist[o + 2] = to - from;
      }
    }
  }
}

/** The sum of values[offset + order[k]] for k in from..to-1, added in that order (four per iteration, see above). */
function segmentSum(values: Float64Array, offset: number, order: Int32Array, from: number, to: number): number {
  let sum = 0;
  let k = from;
  for (; k + 3 < to; k += 4) {
    sum += values[offset + order[k]];
    sum += values[offset + order[k + 1]];
    sum += values[offset + order[k + 2]];
    sum += values[offset + order[k + 3]];
  }
  for (; k < to; k++) { sum += values[offset + order[k]]; }
  return sum;
}

/** parent -= child over the given features: the parent's buffer becomes the sibling's histogram. */
export function subtractInPlace(parent: Float64Array, child: Float64Array, offsets: Int32Array, features: Int32Array): void {
  for (let fi = 0; fi < features.length; fi++) {
    const f = features[fi];
    const end = offsets[f + 1];
    for (let j = offsets[f]; j < end; j++) { parent[j] -= child[j]; }
  }
}

// Gradient histograms: per feature and bin, the sums of gradients (and hessians) and the row
// count, in one flat Float64Array. Feature f's bins start at offsets[f] and it has only the bins
// it uses (its non-missing bins plus the missing bin), so low-cardinality features cost little to
// clear, subtract and scan. A bin takes `slots` doubles: [gradient, count] when the hessian is
// constant (squared error: the count stands in for it), else [gradient, hessian, count].
//
// Building histograms is where boosting spends its time. The bins are row-major (one row's bytes
// for all features side by side, in one cache line): measured here on diamonds-like data, one
// pass per feature over column-major bins (gathering each row's byte from a different column)
// was ~1.8x slower. A precomputed row-major Uint16 index of histogram positions was 1.4x faster
// alone but no faster inside a whole fit (twice the memory, more cache misses), so plain bytes
// plus each feature's offset it is. The loops touch only typed arrays and never allocate.

/** Where each feature's bins start in a histogram, and its total length. */
export interface HistogramLayout {
  slots: number;
  offsets: Int32Array;
  /** Doubles per histogram. */
  size: number;
}

/** The layout for features with the given bin counts (missing bin included). */
export function histogramLayout(binsPerFeature: Int32Array, constantHessian: boolean): HistogramLayout {
  const slots = constantHessian ? 2 : 3;
  const offsets = new Int32Array(binsPerFeature.length + 1);
  for (let f = 0; f < binsPerFeature.length; f++) { offsets[f + 1] = offsets[f] + binsPerFeature[f] * slots; }
  return { slots, offsets, size: offsets[binsPerFeature.length] };
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
 * features.length === featureCount, the usual case). `bins` is row-major (row r's bin for
 * feature f at r * featureCount + f); gradients (and hessians) of row r are at [gradientOffset + r].
 */
export function buildHistogram(hist: Float64Array, layout: HistogramLayout, bins: Uint8Array, featureCount: number, features: Int32Array, gradient: Float64Array, hessian: Float64Array, gradientOffset: number, part: Int32Array, start: number, stop: number): void {
  clear(hist, layout.offsets, features);
  if (features.length !== featureCount) {
    buildSubset(hist, layout.slots, layout.offsets, bins, featureCount, features, gradient, hessian, gradientOffset, part, start, stop);
  } else if (layout.slots === 2) {
    buildAllConstantHessian(hist, layout.offsets, bins, featureCount, gradient, gradientOffset, part, start, stop);
  } else {
    buildAll(hist, layout.offsets, bins, featureCount, gradient, hessian, gradientOffset, part, start, stop);
  }
}

// The all-features loops take four rows at a time: rows in a node often share bins (sorted or
// low-cardinality data), and interleaving four rows' updates keeps the CPU busy while one bin's
// read-add-write waits for the previous one. Updates of one bin still happen in row order, so
// the sums are the same as one row at a time. Measured ~1.2x faster than one row at a time.

function buildAllConstantHessian(hist: Float64Array, offsets: Int32Array, bins: Uint8Array, featureCount: number, gradient: Float64Array, gradientOffset: number, part: Int32Array, start: number, stop: number): void {
  const end = stop - ((stop - start) & 3);
  fourRowsConstantHessian(hist, offsets, bins, featureCount, gradient, gradientOffset, part, start, end);
  if (end < stop) { buildSubset(hist, 2, offsets, bins, featureCount, allFeatures(featureCount), gradient, gradient, gradientOffset, part, end, stop); }
}

// Nothing follows the loop in the two kernels below: V8 optimises them in the middle of their
// first long loop (on-stack replacement), and code after the loop, never run by then, had no type
// feedback; V8 (Node 20) then deoptimised at it on every call instead of recompiling.

function fourRowsConstantHessian(hist: Float64Array, offsets: Int32Array, bins: Uint8Array, featureCount: number, gradient: Float64Array, gradientOffset: number, part: Int32Array, start: number, end: number): void {
  for (let k = start; k < end; k += 4) {
    const r0 = part[k]; const r1 = part[k + 1]; const r2 = part[k + 2]; const r3 = part[k + 3];
    const g0 = gradient[gradientOffset + r0]; const g1 = gradient[gradientOffset + r1];
    const g2 = gradient[gradientOffset + r2]; const g3 = gradient[gradientOffset + r3];
    const j0 = r0 * featureCount; const j1 = r1 * featureCount; const j2 = r2 * featureCount; const j3 = r3 * featureCount;
    for (let f = 0; f < featureCount; f++) {
      const base = offsets[f];
      const o0 = base + (bins[j0 + f] << 1); hist[o0] += g0; hist[o0 + 1] += 1;
      const o1 = base + (bins[j1 + f] << 1); hist[o1] += g1; hist[o1 + 1] += 1;
      const o2 = base + (bins[j2 + f] << 1); hist[o2] += g2; hist[o2 + 1] += 1;
      const o3 = base + (bins[j3 + f] << 1); hist[o3] += g3; hist[o3 + 1] += 1;
    }
  }
}

function buildAll(hist: Float64Array, offsets: Int32Array, bins: Uint8Array, featureCount: number, gradient: Float64Array, hessian: Float64Array, gradientOffset: number, part: Int32Array, start: number, stop: number): void {
  const end = stop - ((stop - start) & 3);
  fourRows(hist, offsets, bins, featureCount, gradient, hessian, gradientOffset, part, start, end);
  if (end < stop) { buildSubset(hist, 3, offsets, bins, featureCount, allFeatures(featureCount), gradient, hessian, gradientOffset, part, end, stop); }
}

function fourRows(hist: Float64Array, offsets: Int32Array, bins: Uint8Array, featureCount: number, gradient: Float64Array, hessian: Float64Array, gradientOffset: number, part: Int32Array, start: number, end: number): void {
  for (let k = start; k < end; k += 4) {
    const r0 = part[k]; const r1 = part[k + 1]; const r2 = part[k + 2]; const r3 = part[k + 3];
    const g0 = gradient[gradientOffset + r0]; const g1 = gradient[gradientOffset + r1];
    const g2 = gradient[gradientOffset + r2]; const g3 = gradient[gradientOffset + r3];
    const h0 = hessian[gradientOffset + r0]; const h1 = hessian[gradientOffset + r1];
    const h2 = hessian[gradientOffset + r2]; const h3 = hessian[gradientOffset + r3];
    const j0 = r0 * featureCount; const j1 = r1 * featureCount; const j2 = r2 * featureCount; const j3 = r3 * featureCount;
    for (let f = 0; f < featureCount; f++) {
      const base = offsets[f];
      const o0 = base + bins[j0 + f] * 3; hist[o0] += g0; hist[o0 + 1] += h0; hist[o0 + 2] += 1;
      const o1 = base + bins[j1 + f] * 3; hist[o1] += g1; hist[o1 + 1] += h1; hist[o1 + 2] += 1;
      const o2 = base + bins[j2 + f] * 3; hist[o2] += g2; hist[o2 + 1] += h2; hist[o2 + 2] += 1;
      const o3 = base + bins[j3 + f] * 3; hist[o3] += g3; hist[o3 + 1] += h3; hist[o3 + 2] += 1;
    }
  }
}

let allFeaturesCache = new Int32Array(0);

/** 0..count-1, reused between calls. */
function allFeatures(count: number): Int32Array {
  if (allFeaturesCache.length !== count) { allFeaturesCache = Int32Array.from({ length: count }, (_, i) => i); }
  return allFeaturesCache;
}

/** Listed features only (column subsampling, and the last rows of the loops above): one row at a time. */
function buildSubset(hist: Float64Array, slots: number, offsets: Int32Array, bins: Uint8Array, featureCount: number, features: Int32Array, gradient: Float64Array, hessian: Float64Array, gradientOffset: number, part: Int32Array, start: number, stop: number): void {
  const m = features.length;
  if (slots === 2) {
    for (let k = start; k < stop; k++) {
      const r = part[k];
      const g = gradient[gradientOffset + r];
      const j = r * featureCount;
      for (let fi = 0; fi < m; fi++) { const f = features[fi]; const o = offsets[f] + (bins[j + f] << 1); hist[o] += g; hist[o + 1] += 1; }
    }
    return;
  }
  for (let k = start; k < stop; k++) {
    const r = part[k];
    const g = gradient[gradientOffset + r];
    const h = hessian[gradientOffset + r];
    const j = r * featureCount;
    for (let fi = 0; fi < m; fi++) { const f = features[fi]; const o = offsets[f] + bins[j + f] * 3; hist[o] += g; hist[o + 1] += h; hist[o + 2] += 1; }
  }
}

/** parent -= child over the given features: the parent's buffer becomes the sibling's histogram. */
export function subtractInPlace(parent: Float64Array, child: Float64Array, offsets: Int32Array, features: Int32Array): void {
  for (let fi = 0; fi < features.length; fi++) {
    const f = features[fi];
    const end = offsets[f + 1];
    for (let j = offsets[f]; j < end; j++) { parent[j] -= child[j]; }
  }
}

// The best split of a node from its histogram, as scikit-learn's splitter: for each feature scan
// the bins left to right with missing values on the right, then (if the feature had missing values
// in training) right to left with missing values on the left; keep the split of largest gain that
// respects min_samples_leaf and the minimum hessian. Ties keep the first found.

/** sklearn's min_hessian_to_split: a child needs at least this much hessian. */
export const MIN_HESSIAN = 1e-3;

/** The constants of a tree's split search. */
export interface SplitSettings {
  minSamplesLeaf: number;
  l2: number;
  minGain: number;
  constantHessian: boolean;
  binsNonMissing: Int32Array;
  hasMissing: Uint8Array;
  /** Histogram layout: doubles per bin and where each feature starts (see histogram.ts). */
  slots: number;
  offsets: Int32Array;
}

/** Where the best split found is written (reused, to avoid allocating per node). */
export interface SplitResult {
  gain: number;
  feature: number;
  bin: number;
  missingLeft: boolean;
  gradientLeft: number;
  hessianLeft: number;
  countLeft: number;
}

/** A leaf's raw value (before the learning rate): -G / (H + l2), guarded against a zero denominator as sklearn. */
export function leafValue(gradientSum: number, hessianSum: number, l2: number): number {
  return -gradientSum / (hessianSum + l2 + 1e-15);
}

/**
 * Finds the best split of a node with n rows and gradient/hessian sums G, H; writes it to `out`
 * and returns its gain (-Infinity when no split is allowed).
 */
export function findBestSplit(hist: Float64Array, features: Int32Array, n: number, G: number, H: number, s: SplitSettings, out: SplitResult): number {
  const { minSamplesLeaf, l2, minGain, constantHessian, binsNonMissing, hasMissing, slots, offsets } = s;
  const countSlot = slots - 1;
  const parentLoss = (G * G) / (H + l2 + 1e-15);
  let best = -Infinity;
  for (let fi = 0; fi < features.length; fi++) {
    const f = features[fi];
    const base = offsets[f];
    const nonMissing = binsNonMissing[f];
    const missing = hasMissing[f] === 1;
    // Left to right, missing values (the last bin) go right.
    let gl = 0;
    let hl = 0;
    let nl = 0;
    const end = nonMissing - 1 + (missing ? 1 : 0);
    for (let b = 0; b < end; b++) {
      const o = base + b * slots;
      gl += hist[o];
      const c = hist[o + countSlot];
      nl += c;
      hl += constantHessian ? c : hist[o + 1];
      const nr = n - nl;
      if (nl < minSamplesLeaf) { continue; }
      if (nr < minSamplesLeaf) { break; }
      const hr = H - hl;
      if (hl < MIN_HESSIAN) { continue; }
      if (hr < MIN_HESSIAN) { break; }
      const gr = G - gl;
      const gain = (gl * gl) / (hl + l2 + 1e-15) + (gr * gr) / (hr + l2 + 1e-15) - parentLoss;
      if (gain > best && gain > minGain) {
        best = gain;
        out.feature = f; out.bin = b; out.missingLeft = false; out.gradientLeft = gl; out.hessianLeft = hl; out.countLeft = nl;
      }
    }
    if (!missing) { continue; }
    // Right to left, missing values go left: bins > b go right.
    let gr = 0;
    let hr = 0;
    let nr = 0;
    for (let b = nonMissing - 2; b >= 0; b--) {
      const o = base + (b + 1) * slots;
      gr += hist[o];
      const c = hist[o + countSlot];
      nr += c;
      hr += constantHessian ? c : hist[o + 1];
      const nLeft = n - nr;
      if (nr < minSamplesLeaf) { continue; }
      if (nLeft < minSamplesLeaf) { break; }
      const hLeft = H - hr;
      if (hr < MIN_HESSIAN) { continue; }
      if (hLeft < MIN_HESSIAN) { break; }
      const gLeft = G - gr;
      const gain = (gLeft * gLeft) / (hLeft + l2 + 1e-15) + (gr * gr) / (hr + l2 + 1e-15) - parentLoss;
      if (gain > best && gain > minGain) {
        best = gain;
        out.feature = f; out.bin = b; out.missingLeft = true; out.gradientLeft = gLeft; out.hessianLeft = hLeft; out.countLeft = nLeft;
      }
    }
  }
  out.gain = best;
  return best;
}

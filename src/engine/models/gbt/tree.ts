// The trees of an ensemble, flattened into parallel typed arrays (one entry per node, children
// by absolute index) so that prediction walks plain arrays and a model file stores a few blobs.
// A node goes left when its value is <= threshold, or when the value is missing and
// missingLeft is set; on binned data the same test is "bin <= binThreshold", which is equivalent
// by construction of the bins (see binning.ts).

/** All trees of a model, node arrays concatenated; tree t starts at roots[t]. */
export interface Forest {
  roots: Int32Array;
  /** Split feature, or -1 for a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  binThreshold: Int32Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** Leaf value (learning rate applied); 0 for inner nodes. */
  value: Float64Array;
  /** Loss reduction of the split (0 for leaves), for feature importance. */
  gain: Float64Array;
  /** Training rows that reached the node. */
  count: Int32Array;
}

/** Collects trees while boosting, growing its arrays by doubling. */
export class ForestBuilder {
  private size = 0;
  private readonly roots: number[] = [];
  private feature = new Int32Array(256);
  private threshold = new Float64Array(256);
  private binThreshold = new Int32Array(256);
  private missingLeft = new Uint8Array(256);
  private left = new Int32Array(256);
  private right = new Int32Array(256);
  private value = new Float64Array(256);
  private gain = new Float64Array(256);
  private count = new Int32Array(256);

  /** Starts a tree of `nodes` nodes; returns the absolute index of its first node (the root). */
  beginTree(nodes: number): number {
    const needed = this.size + nodes;
    if (needed > this.feature.length) {
      let capacity = this.feature.length;
      while (capacity < needed) { capacity *= 2; }
      this.feature = grow(this.feature, capacity); this.threshold = grow(this.threshold, capacity);
      this.binThreshold = grow(this.binThreshold, capacity); this.missingLeft = grow(this.missingLeft, capacity);
      this.left = grow(this.left, capacity); this.right = grow(this.right, capacity);
      this.value = grow(this.value, capacity); this.gain = grow(this.gain, capacity); this.count = grow(this.count, capacity);
    }
    const root = this.size;
    this.roots.push(root);
    this.size = needed;
    return root;
  }

  /** Sets node `i` (absolute) as a split. */
  setSplit(i: number, feature: number, binThreshold: number, threshold: number, missingLeft: boolean, left: number, right: number, gain: number, count: number): void {
    this.feature[i] = feature; this.binThreshold[i] = binThreshold; this.threshold[i] = threshold;
    this.missingLeft[i] = missingLeft ? 1 : 0; this.left[i] = left; this.right[i] = right;
    this.value[i] = 0; this.gain[i] = gain; this.count[i] = count;
  }

  /** Sets node `i` (absolute) as a leaf. */
  setLeaf(i: number, value: number, count: number): void {
    this.feature[i] = -1; this.binThreshold[i] = 0; this.threshold[i] = 0; this.missingLeft[i] = 0;
    this.left[i] = -1; this.right[i] = -1; this.value[i] = value; this.gain[i] = 0; this.count[i] = count;
  }

  /** Number of trees so far. */
  get trees(): number { return this.roots.length; }

  /** The root of the tree added last. */
  get lastRoot(): number { return this.roots[this.roots.length - 1]; }

  /** Copies of the node arrays so far, trimmed to size. */
  finish(): Forest {
    const n = this.size;
    return {
      roots: Int32Array.from(this.roots), feature: this.feature.slice(0, n), threshold: this.threshold.slice(0, n),
      binThreshold: this.binThreshold.slice(0, n), missingLeft: this.missingLeft.slice(0, n), left: this.left.slice(0, n),
      right: this.right.slice(0, n), value: this.value.slice(0, n), gain: this.gain.slice(0, n), count: this.count.slice(0, n),
    };
  }

  /** Adds tree `root`'s values for binned rows (column-major; feature f's missing bin is binsNonMissing[f]) to out[offset + i]. */
  addBinnedPredictions(root: number, bins: Uint8Array[], binsNonMissing: Int32Array, rows: number, out: Float64Array, offset: number): void {
    const { feature, binThreshold, missingLeft, left, right, value } = this;
    for (let i = 0; i < rows; i++) {
      let node = root;
      let f = feature[node];
      while (f >= 0) {
        const b = bins[f][i];
        const goLeft = b === binsNonMissing[f] ? missingLeft[node] === 1 : b <= binThreshold[node];
        node = goLeft ? left[node] : right[node];
        f = feature[node];
      }
      out[offset + i] += value[node];
    }
  }
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, capacity: number): T {
  const out = new (array.constructor as new (n: number) => T)(capacity);
  out.set(array);
  return out;
}

/**
 * Adds every tree's value to the raw scores of n rows of raw features (column-major), tree by tree
 * in training order, so the sums come out bit-identical to the ones accumulated while training.
 * Tree t adds to class t % classes: raw[(t % classes) * n + i].
 */
export function addForestPredictions(forest: Forest, columns: Float64Array[], n: number, classes: number, raw: Float64Array): void {
  const { roots, feature, threshold, missingLeft, left, right, value } = forest;
  for (let t = 0; t < roots.length; t++) {
    const root = roots[t];
    const offset = (t % classes) * n;
    for (let i = 0; i < n; i++) {
      let node = root;
      let f = feature[node];
      while (f >= 0) {
        const x = columns[f][i];
        const goLeft = x !== x ? missingLeft[node] === 1 : x <= threshold[node];
        node = goLeft ? left[node] : right[node];
        f = feature[node];
      }
      raw[offset + i] += value[node];
    }
  }
}

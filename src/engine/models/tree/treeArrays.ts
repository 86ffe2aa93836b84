// A fitted tree ensemble as flat typed arrays, one entry per node: this is what predict walks and
// what a model file stores, so a loaded model predicts bit-identically. Trees are stored one after
// another; child indices are absolute, so a walk needs only the root of its tree.

import { decodeFloat64, decodeInt32, encodeArray } from '../arrayCodec';
import type { EncodedArray } from '../arrayCodec';

/** Nodes of all trees. A leaf has feature -1 and left = right = -1; only leaves have values. */
export interface TreeArrays {
  /** Index of each tree's root node. */
  roots: Int32Array;
  feature: Int32Array;
  /** Rows with value <= threshold go left. */
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** Where a leaf's values start in `values`; -1 for split nodes. */
  valueOffset: Int32Array;
  /** Per leaf `width` numbers: class probabilities, or the mean for regression. */
  values: Float64Array;
  width: number;
}

/**
 * Grows node arrays while trees are built (doubling, then trimmed by `finish`). The builder adds
 * nodes in pre-order, so a split node's left child is always the node right after it.
 */
export class NodeStore {
  count = 0;
  feature = new Int32Array(256);
  threshold = new Float64Array(256);
  left = new Int32Array(256);
  right = new Int32Array(256);
  valueOffset = new Int32Array(256);
  values: Float64Array;
  valueCount = 0;
  private readonly roots: number[] = [];

  constructor(readonly width: number) { this.values = new Float64Array(256 * width); }

  /** Marks the next node as the root of a new tree. */
  startTree(): void { this.roots.push(this.count); }

  /** Appends a node (a leaf until `setSplit`) linked from `parent`, and returns its index. */
  addNode(parent: number, isLeft: boolean): number {
    if (this.count === this.feature.length) { this.grow(); }
    const node = this.count++;
    this.feature[node] = -1;
    this.threshold[node] = 0;
    this.left[node] = -1;
    this.right[node] = -1;
    this.valueOffset[node] = -1;
    if (parent >= 0) {
      if (isLeft) { this.left[parent] = node; } else { this.right[parent] = node; }
    }
    return node;
  }

  /** Turns a node into a split: rows with feature value <= threshold go to its left child. */
  setSplit(node: number, feature: number, threshold: number): void {
    this.feature[node] = feature;
    this.threshold[node] = threshold;
  }

  /** Reserves the leaf's values and returns their offset, for the criterion to write into `values`. */
  reserveValues(node: number): number {
    if (this.valueCount + this.width > this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    const offset = this.valueCount;
    this.valueCount += this.width;
    this.valueOffset[node] = offset;
    return offset;
  }

  /** The arrays trimmed to the nodes built. */
  finish(): TreeArrays {
    const n = this.count;
    return {
      roots: Int32Array.from(this.roots), feature: this.feature.slice(0, n), threshold: this.threshold.slice(0, n),
      left: this.left.slice(0, n), right: this.right.slice(0, n), valueOffset: this.valueOffset.slice(0, n),
      values: this.values.slice(0, this.valueCount), width: this.width,
    };
  }

  private grow(): void {
    const size = this.feature.length * 2;
    this.feature = resizedInt(this.feature, size);
    this.left = resizedInt(this.left, size);
    this.right = resizedInt(this.right, size);
    this.valueOffset = resizedInt(this.valueOffset, size);
    const threshold = new Float64Array(size);
    threshold.set(this.threshold);
    this.threshold = threshold;
  }
}

function resizedInt(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}

/**
 * Sums the leaf values reached by each row over all trees, divided by the number of trees, into a
 * row-major n x width array: the forest average (for one tree, its leaf values). Tree by tree so a
 * tree's nodes stay in cache while all rows go through it.
 */
export function predictAverage(trees: TreeArrays, columns: Float64Array[], rows: number): Float64Array {
  const { roots, feature, threshold, left, right, valueOffset, values, width } = trees;
  const out = new Float64Array(rows * width);
  for (let t = 0; t < roots.length; t++) {
    const root = roots[t];
    for (let r = 0; r < rows; r++) {
      let node = root;
      while (left[node] >= 0) {
        node = columns[feature[node]][r] <= threshold[node] ? left[node] : right[node];
      }
      const from = valueOffset[node];
      const at = r * width;
      for (let c = 0; c < width; c++) { out[at + c] += values[from + c]; }
    }
  }
  if (roots.length > 1) {
    for (let i = 0; i < out.length; i++) { out[i] /= roots.length; }
  }
  return out;
}

/**
 * The arrays as they go into a model file. Nodes are in pre-order, so a split node's left child is
 * the next node and leaves take their values in order: `left` and `valueOffset` are rebuilt on
 * load instead of stored, which makes files about 30% smaller (forests have millions of nodes).
 */
export interface EncodedTrees {
  width: number;
  roots: EncodedArray;
  /** -1 marks a leaf. */
  feature: EncodedArray;
  threshold: EncodedArray;
  /** -1 for a leaf. */
  right: EncodedArray;
  values: EncodedArray;
}

/** Encodes the node arrays for a model file (base64 of little-endian bytes, exact). */
export function encodeTrees(trees: TreeArrays): EncodedTrees {
  return {
    width: trees.width, roots: encodeArray(trees.roots), feature: encodeArray(trees.feature), threshold: encodeArray(trees.threshold),
    right: encodeArray(trees.right), values: encodeArray(trees.values),
  };
}

/** Decodes and checks what `encodeTrees` wrote: every index in range, so a damaged file fails here, not in predict. */
export function decodeTrees(encoded: EncodedTrees, features: number): TreeArrays {
  const { width } = encoded;
  if (!Number.isInteger(width) || width < 1) { throw new Error('Damaged model file: tree value width must be a positive integer.'); }
  const roots = decodeInt32(encoded.roots);
  const feature = decodeInt32(encoded.feature);
  const threshold = decodeFloat64(encoded.threshold);
  const right = decodeInt32(encoded.right);
  const values = decodeFloat64(encoded.values);
  const n = feature.length;
  if (threshold.length !== n || right.length !== n) { throw new Error('Damaged model file: tree arrays differ in length.'); }
  if (roots.length < 1) { throw new Error('Damaged model file: no trees.'); }
  for (const root of roots) { if (root < 0 || root >= n) { throw new Error('Damaged model file: a tree root is out of range.'); } }
  const left = new Int32Array(n);
  const valueOffset = new Int32Array(n);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    if (feature[i] < 0) {
      if (feature[i] !== -1 || right[i] !== -1) { throw new Error(`Damaged model file: tree node ${i} is inconsistent.`); }
      left[i] = -1;
      valueOffset[i] = offset;
      offset += width;
    } else {
      // Children come after their parent, which also rules out cycles.
      if (feature[i] >= features || i + 1 >= n || right[i] <= i + 1 || right[i] >= n) { throw new Error(`Damaged model file: tree node ${i} is inconsistent.`); }
      left[i] = i + 1;
      valueOffset[i] = -1;
    }
  }
  if (offset !== values.length) { throw new Error('Damaged model file: leaf values do not match the leaves.'); }
  return { roots, feature, threshold, left, right, valueOffset, values, width };
}

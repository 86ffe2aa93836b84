// A k-d tree for exact nearest neighbours: boxes split at the median of their widest feature,
// leaves of up to LEAF_SIZE rows stored contiguously (a reordered copy of the training rows). A box is skipped when its
// smallest possible squared distance exceeds the k-th best so far; equal is still searched, since
// an equally near row with a lower index must win the tie (see nearestNeighbours.ts).

import { NeighbourHeap, type Neighbours } from './neighbourHeap';
import type { NeighbourSearch } from './nearestNeighbours';

/** Rows per leaf (scikit-learn's KNeighbors default leaf_size is 30). */
const LEAF_SIZE = 32;

/** Exact k-nearest-neighbour search through a k-d tree over row-major training rows. */
export class KdTree implements NeighbourSearch {
  /** Training rows in tree order (leaves contiguous), and their original indices. */
  private readonly points: Float64Array;
  private readonly ids: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  /** Child node ids; -1 for a leaf. */
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Per node, the box: lower then upper corner, d values each. */
  private readonly boxes: Float64Array;
  private readonly heap: NeighbourHeap;
  private query: Float64Array = new Float64Array(0);

  constructor(train: Float64Array, rows: number, private readonly features: number, k: number) {
    const perm = new Int32Array(rows);
    for (let i = 0; i < rows; i++) { perm[i] = i; }
    const nodes: Nodes = { start: [], end: [], left: [], right: [], boxes: [] };
    build(nodes, train, features, perm, 0, rows);
    // Typed arrays for the search's hot loops, once the node count is known.
    this.start = Int32Array.from(nodes.start);
    this.end = Int32Array.from(nodes.end);
    this.left = Int32Array.from(nodes.left);
    this.right = Int32Array.from(nodes.right);
    this.boxes = Float64Array.from(nodes.boxes);
    const d = features;
    this.points = new Float64Array(rows * d);
    for (let p = 0; p < rows; p++) { this.points.set(train.subarray(perm[p] * d, perm[p] * d + d), p * d); }
    this.ids = perm;
    this.heap = new NeighbourHeap(k);
  }

  /** See NeighbourSearch.search. */
  search(query: Float64Array): Neighbours {
    this.query = query;
    this.heap.reset();
    this.visit(0, this.boxDistance(0));
    return this.heap.sorted();
  }

  /** See NeighbourSearch.searchAll. */
  searchAll(queries: Float64Array, count: number, use: (row: number, neighbours: Neighbours) => void): void {
    const d = this.features;
    for (let i = 0; i < count; i++) { use(i, this.search(queries.subarray(i * d, i * d + d))); }
  }

  private visit(node: number, lowerBound: number): void {
    if (lowerBound > this.heap.bound) { return; }
    const left = this.left[node];
    if (left < 0) { this.scanLeaf(node); return; }
    const right = this.right[node];
    const toLeft = this.boxDistance(left);
    const toRight = this.boxDistance(right);
    if (toLeft <= toRight) {
      this.visit(left, toLeft);
      this.visit(right, toRight);
    } else {
      this.visit(right, toRight);
      this.visit(left, toLeft);
    }
  }

  private scanLeaf(node: number): void {
    const { points, ids, features: d, heap, query } = this;
    let bound = heap.bound;
    for (let p = this.start[node], end = this.end[node]; p < end; p++) {
      const base = p * d;
      let sum = 0;
      let f = 0;
      for (; f < d; f++) {
        const diff = query[f] - points[base + f];
        sum += diff * diff;
        if (sum > bound) { break; }
      }
      if (f < d) { continue; }
      heap.offer(sum, ids[p]);
      bound = heap.bound;
    }
  }

  /**
   * Smallest squared distance from the query to the node's box. Each term is at most the same
   * term for any row inside (rounding is monotone), so this never exceeds a row's computed distance.
   */
  private boxDistance(node: number): number {
    const { query, boxes, features: d } = this;
    const base = node * 2 * d;
    let sum = 0;
    for (let f = 0; f < d; f++) {
      const q = query[f];
      const low = boxes[base + f];
      const high = boxes[base + d + f];
      const gap = q < low ? low - q : q > high ? q - high : 0;
      sum += gap * gap;
    }
    return sum;
  }
}

/** The tree under construction, in growable arrays. */
interface Nodes { start: number[]; end: number[]; left: number[]; right: number[]; boxes: number[] }

/** Builds the node for perm[from, to) (and its subtree) and returns its id. */
function build(nodes: Nodes, train: Float64Array, d: number, perm: Int32Array, from: number, to: number): number {
  const node = nodes.start.length;
  nodes.start.push(from); nodes.end.push(to); nodes.left.push(-1); nodes.right.push(-1);
  const low = new Float64Array(d).fill(Infinity);
  const high = new Float64Array(d).fill(-Infinity);
  for (let p = from; p < to; p++) {
    const row = perm[p] * d;
    for (let f = 0; f < d; f++) {
      const v = train[row + f];
      if (v < low[f]) { low[f] = v; }
      if (v > high[f]) { high[f] = v; }
    }
  }
  nodes.boxes.push(...low, ...high);
  if (to - from <= LEAF_SIZE) { return node; }
  let widest = 0;
  let spread = 0;
  for (let f = 0; f < d; f++) {
    if (high[f] - low[f] > spread) { spread = high[f] - low[f]; widest = f; }
  }
  // All rows identical: nothing to split on.
  if (!(spread > 0)) { return node; }
  const middle = (from + to) >> 1;
  selectNth(train, d, widest, perm, from, to, middle);
  nodes.left[node] = build(nodes, train, d, perm, from, middle);
  nodes.right[node] = build(nodes, train, d, perm, middle, to);
  return node;
}

/**
 * Reorders perm[from, to) so that perm[nth] holds the row with the nth smallest value of feature
 * `f`, smaller ones before and larger after. Three-way partitions, so columns full of equal
 * values (one-hot codes) do not make it quadratic.
 */
function selectNth(train: Float64Array, d: number, f: number, perm: Int32Array, from: number, to: number, nth: number): void {
  const key = (p: number) => train[perm[p] * d + f];
  let low = from;
  let high = to;
  while (high - low > 1) {
    const a = key(low);
    const b = key((low + high) >> 1);
    const c = key(high - 1);
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    let lt = low;
    let i = low;
    let gt = high;
    while (i < gt) {
      const v = key(i);
      if (v < pivot) { swap(perm, lt++, i++); } else if (v > pivot) { swap(perm, i, --gt); } else { i++; }
    }
    if (nth < lt) { high = lt; } else if (nth >= gt) { low = gt; } else { return; }
  }
}

function swap(perm: Int32Array, i: number, j: number): void {
  const t = perm[i]; perm[i] = perm[j]; perm[j] = t;
}

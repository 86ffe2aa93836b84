// Grows one regression tree on gradients, best-first (leaf-wise) like LightGBM and scikit-learn's
// TreeGrower: always split the open node with the largest gain until max_leaf_nodes, max_depth or
// min_samples_leaf stop it. All buffers (row partition, histograms, node records) are allocated
// once per fit and reused for every tree.

import { buildHistogram, buildRootHistogram, histogramIndex, histogramLayout, rowsByBin, subtractInPlace, type HistogramIndex, type HistogramLayout, type RowsByBin } from './histogram';
import { findBestSplit, leafValue, MIN_HESSIAN, type SplitResult, type SplitSettings } from './splitter';
import type { ForestBuilder } from './tree';

/** Above this many training cells (rows x features), the root histogram is not built from rows grouped by bin. */
const MAX_GROUPED_CELLS = 1 << 24;

/** What stays fixed for every tree of a fit. */
export interface GrowerSettings {
  /** Column-major bins of the training rows; feature f's missing bin is binsNonMissing[f]. */
  bins: Uint8Array[];
  binThresholds: Float64Array[];
  binsNonMissing: Int32Array;
  hasMissing: Uint8Array;
  rows: number;
  maxLeafNodes: number;
  /** 0 = unlimited. */
  maxDepth: number;
  minSamplesLeaf: number;
  l2Regularization: number;
  minGainToSplit: number;
  learningRate: number;
  constantHessian: boolean;
  /** Whether rounds draw subsets of rows (then the root is not every row). */
  subsampled: boolean;
}

/** Grows trees one after another, reusing its buffers. */
export class TreeGrower {
  private readonly settings: GrowerSettings;
  private readonly split: SplitSettings;
  private readonly layout: HistogramLayout;
  private readonly index: HistogramIndex;
  /** Rows grouped by bin, for the root histogram when every row is used (null with subsampling). */
  private readonly byBin: RowsByBin | null;
  private readonly featureCount: number;
  /**
   * Row indices, in two buffers: node i owns rows[side[i]][start[i]..stop[i]). Splitting a node
   * writes its children's rows into the other buffer (the left count is known from the histogram),
   * so rows move once per split and are never copied back.
   */
  private readonly rows: [Int32Array, Int32Array];
  private readonly side: Uint8Array;
  private readonly histPool: Float64Array[] = [];
  private readonly histFree: number[] = [];
  // Node records, indexed by node id (root 0, children appended in creation order).
  private readonly start: Int32Array;
  private readonly stop: Int32Array;
  private readonly depth: Int32Array;
  private readonly sumG: Float64Array;
  private readonly sumH: Float64Array;
  private readonly hist: Int32Array;
  private readonly isLeaf: Uint8Array;
  private readonly splitFeature: Int32Array;
  private readonly splitBin: Int32Array;
  private readonly splitMissingLeft: Uint8Array;
  private readonly splitGain: Float64Array;
  private readonly splitGL: Float64Array;
  private readonly splitHL: Float64Array;
  private readonly splitNL: Int32Array;
  private readonly childLeft: Int32Array;
  private readonly result: SplitResult = { gain: 0, feature: 0, bin: 0, missingLeft: false, gradientLeft: 0, hessianLeft: 0, countLeft: 0 };

  constructor(settings: GrowerSettings) {
    this.settings = settings;
    this.layout = histogramLayout(Int32Array.from(settings.binsNonMissing, (b) => b + 1), settings.constantHessian);
    this.split = {
      minSamplesLeaf: settings.minSamplesLeaf, l2: settings.l2Regularization, minGain: settings.minGainToSplit,
      constantHessian: settings.constantHessian, binsNonMissing: settings.binsNonMissing, hasMissing: settings.hasMissing,
      slots: this.layout.slots, offsets: this.layout.offsets,
    };
    this.featureCount = settings.bins.length;
    this.index = histogramIndex(settings.bins, settings.rows, this.layout);
    // Grouping rows by bin takes 4 bytes per cell: skipped for very large data, where the root
    // histogram is built like the others.
    const cells = settings.rows * this.featureCount;
    this.byBin = settings.subsampled || cells > MAX_GROUPED_CELLS ? null : rowsByBin(settings.bins, settings.rows, this.layout);

    const n = settings.rows;
    this.rows = [new Int32Array(n), new Int32Array(n)];
    const maxNodes = 2 * settings.maxLeafNodes;
    this.start = new Int32Array(maxNodes); this.stop = new Int32Array(maxNodes); this.depth = new Int32Array(maxNodes);
    this.sumG = new Float64Array(maxNodes); this.sumH = new Float64Array(maxNodes); this.hist = new Int32Array(maxNodes);
    this.isLeaf = new Uint8Array(maxNodes); this.splitFeature = new Int32Array(maxNodes); this.splitBin = new Int32Array(maxNodes);
    this.splitMissingLeft = new Uint8Array(maxNodes); this.splitGain = new Float64Array(maxNodes);
    this.splitGL = new Float64Array(maxNodes); this.splitHL = new Float64Array(maxNodes); this.splitNL = new Int32Array(maxNodes);
    this.childLeft = new Int32Array(maxNodes);
    this.side = new Uint8Array(maxNodes);
  }

  /**
   * Grows a tree on the gradients at gradient[offset + row] of the given rows (all rows when
   * `sample` is null) using only `features`, appends it to `forest`, and when `raw` is given adds
   * its leaf values to raw[offset + row] for the rows it was grown on.
   */
  grow(gradient: Float64Array, hessian: Float64Array, offset: number, sample: Int32Array | null, features: Int32Array, forest: ForestBuilder, raw: Float64Array | null): void {
    const s = this.settings;
    const part = this.rows[0];
    const n = sample ? sample.length : s.rows;
    initPartition(part, sample, n);
    const G = sumOver(gradient, offset, part, n);
    const H = s.constantHessian ? n : sumOver(hessian, offset, part, n);

    let nodes = 1;
    this.initNode(0, 0, n, 0, G, H);
    this.side[0] = 0;
    const open: number[] = [];
    if (n >= 2 * s.minSamplesLeaf && H >= MIN_HESSIAN) {
      const h = this.takeHist();
      this.hist[0] = h;
      if (sample || !this.byBin) {
        buildHistogram(this.histPool[h], this.layout, this.index, this.featureCount, features, gradient, hessian, offset, part, 0, n);
      } else {
        buildRootHistogram(this.histPool[h], this.layout, this.byBin, features, gradient, hessian, offset);
      }
      this.findSplit(0, features, open);
    }

    let leaves = 1;
    while (open.length > 0) {
      // Best-first: the open node of largest gain (first on ties).
      let pick = 0;
      for (let j = 1; j < open.length; j++) { if (this.splitGain[open[j]] > this.splitGain[open[pick]]) { pick = j; } }
      const node = open[pick];
      open.splice(pick, 1);
      const left = nodes;
      const right = nodes + 1;
      nodes += 2;
      leaves += 1;
      this.applySplit(node, left, right);

      const depth = this.depth[node] + 1;
      const leftCount = this.stop[left] - this.start[left];
      const rightCount = this.stop[right] - this.start[right];
      if (leaves === s.maxLeafNodes) {
        this.isLeaf[left] = 1; this.isLeaf[right] = 1;
        this.releaseHist(node);
        for (const o of open) { this.releaseHist(o); }
        open.length = 0;
        break;
      }
      if (s.maxDepth > 0 && depth === s.maxDepth) { this.isLeaf[left] = 1; this.isLeaf[right] = 1; }
      if (leftCount < 2 * s.minSamplesLeaf) { this.isLeaf[left] = 1; }
      if (rightCount < 2 * s.minSamplesLeaf) { this.isLeaf[right] = 1; }
      if (this.isLeaf[left] === 1 && this.isLeaf[right] === 1) { this.releaseHist(node); continue; }

      // Build the smaller child's histogram; the parent's buffer minus it becomes the larger child's.
      const smaller = leftCount < rightCount ? left : right;
      const larger = smaller === left ? right : left;
      const h = this.takeHist();
      buildHistogram(this.histPool[h], this.layout, this.index, this.featureCount, features, gradient, hessian, offset, this.rows[this.side[smaller]], this.start[smaller], this.stop[smaller]);
      subtractInPlace(this.histPool[this.hist[node]], this.histPool[h], this.layout.offsets, features);
      this.hist[smaller] = h;
      this.hist[larger] = this.hist[node];
      this.hist[node] = -1;
      for (const child of [left, right]) {
        if (this.isLeaf[child] === 1) { this.releaseHist(child); } else { this.findSplit(child, features, open); }
      }
    }
    this.emit(nodes, forest, offset, raw);
  }

  private initNode(i: number, start: number, stop: number, depth: number, G: number, H: number): void {
    this.start[i] = start; this.stop[i] = stop; this.depth[i] = depth; this.sumG[i] = G; this.sumH[i] = H;
    this.hist[i] = -1; this.isLeaf[i] = 0; this.childLeft[i] = -1; this.splitGain[i] = 0;
  }

  /** Finds the node's best split: an open node when one is allowed, else a leaf. */
  private findSplit(node: number, features: Int32Array, open: number[]): void {
    const r = this.result;
    const gain = findBestSplit(this.histPool[this.hist[node]], features, this.stop[node] - this.start[node], this.sumG[node], this.sumH[node], this.split, r);
    if (gain <= 0) {
      this.isLeaf[node] = 1;
      this.releaseHist(node);
      return;
    }
    this.splitGain[node] = gain; this.splitFeature[node] = r.feature; this.splitBin[node] = r.bin;
    this.splitMissingLeft[node] = r.missingLeft ? 1 : 0; this.splitGL[node] = r.gradientLeft;
    this.splitHL[node] = r.hessianLeft; this.splitNL[node] = r.countLeft;
    open.push(node);
  }

  /** Partitions the node's rows (stable: left rows first, in their order) and records the children. */
  private applySplit(node: number, left: number, right: number): void {
    const s = this.settings;
    const f = this.splitFeature[node];
    const bin = this.splitBin[node];
    const missingLeft = this.splitMissingLeft[node];
    const start = this.start[node];
    const stop = this.stop[node];
    const from = this.side[node];
    const nl = start + this.splitNL[node];
    const sent = partition(this.rows[from], this.rows[1 - from], start, stop, nl, s.bins[f], bin, missingLeft === 1 ? s.binsNonMissing[f] : -1);
    // The left count came from the histogram; a mismatch would mean histogram and bins disagree.
    if (sent !== nl) { throw new Error(`Internal error: the split sent ${sent - start} rows left, the histogram said ${nl - start}.`); }
    const depth = this.depth[node] + 1;
    const G = this.sumG[node];
    const H = this.sumH[node];
    this.initNode(left, start, nl, depth, this.splitGL[node], this.splitHL[node]);
    this.initNode(right, nl, stop, depth, G - this.splitGL[node], H - this.splitHL[node]);
    this.side[left] = 1 - from;
    this.side[right] = 1 - from;
    this.childLeft[node] = left;
    if (s.hasMissing[f] === 0) {
      // No missing values in training: at prediction they follow the larger child, as sklearn.
      this.splitMissingLeft[node] = nl - start > stop - nl ? 1 : 0;
    }
  }

  /** Writes the tree into the forest and adds leaf values to the training rows' raw scores. */
  private emit(nodes: number, forest: ForestBuilder, offset: number, raw: Float64Array | null): void {
    const s = this.settings;
    const root = forest.beginTree(nodes);
    for (let i = 0; i < nodes; i++) {
      const count = this.stop[i] - this.start[i];
      const left = this.childLeft[i];
      if (left >= 0) {
        const f = this.splitFeature[i];
        const bin = this.splitBin[i];
        // A split on the last non-missing bin sends every value left and only missing ones right.
        const threshold = bin === s.binsNonMissing[f] - 1 ? Infinity : s.binThresholds[f][bin];
        forest.setSplit(root + i, f, bin, threshold, this.splitMissingLeft[i] === 1, root + left, root + left + 1, this.splitGain[i], count);
        continue;
      }
      const value = s.learningRate * leafValue(this.sumG[i], this.sumH[i], s.l2Regularization);
      forest.setLeaf(root + i, value, count);
      if (raw) { addToRows(raw, offset, this.rows[this.side[i]], this.start[i], this.stop[i], value); }
    }
  }

  private takeHist(): number {
    const free = this.histFree.pop();
    if (free !== undefined) { return free; }
    this.histPool.push(new Float64Array(this.layout.size));
    return this.histPool.length - 1;
  }

  private releaseHist(node: number): void {
    const h = this.hist[node];
    if (h >= 0) { this.histFree.push(h); this.hist[node] = -1; }
  }
}

// The hot loops live in small functions of typed arrays only: V8 optimises them once and inlines
// them, instead of deoptimising the big methods around them.

function initPartition(part: Int32Array, sample: Int32Array | null, n: number): void {
  if (sample) { for (let i = 0; i < n; i++) { part[i] = sample[i]; } } else { for (let i = 0; i < n; i++) { part[i] = i; } }
}

function sumOver(values: Float64Array, offset: number, part: Int32Array, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) { sum += values[offset + part[k]]; }
  return sum;
}

function addToRows(raw: Float64Array, offset: number, part: Int32Array, start: number, stop: number, value: number): void {
  for (let k = start; k < stop; k++) { raw[offset + part[k]] += value; }
}

/**
 * Stable partition of from[start..stop) into to[start..stop): rows whose bin is <= `bin` (or
 * equals `missingBin`, -1 when missing values go right) to to[start..split), the others after.
 * Missing values have the largest bin of their feature, so "bin <= split bin" alone sends them
 * right. Returns where the left rows ended (= split when the counts were right).
 */
function partition(from: Int32Array, to: Int32Array, start: number, stop: number, split: number, column: Uint8Array, bin: number, missingBin: number): number {
  const end = stop - ((stop - start) & 3);
  const l = partitionFour(from, to, start, end, split, column, bin, missingBin);
  if (end === stop) { return l; }
  // The right rows so far: the rows seen minus the left ones.
  return partitionRest(from, to, end, stop, l, split + (end - start) - (l - start), column, bin, missingBin);
}

// Four rows per iteration: V8 re-checks every typed array's map and length once per loop
// iteration, so a longer body spends fewer instructions per row (measured with valgrind).
function partitionFour(from: Int32Array, to: Int32Array, start: number, end: number, split: number, column: Uint8Array, bin: number, missingBin: number): number {
  let l = start;
  let r = split;
  for (let k = start; k < end; k += 4) {
    const r0 = from[k]; const r1 = from[k + 1]; const r2 = from[k + 2]; const r3 = from[k + 3];
    const b0 = column[r0]; const b1 = column[r1]; const b2 = column[r2]; const b3 = column[r3];
    if (b0 <= bin || b0 === missingBin) { to[l++] = r0; } else { to[r++] = r0; }
    if (b1 <= bin || b1 === missingBin) { to[l++] = r1; } else { to[r++] = r1; }
    if (b2 <= bin || b2 === missingBin) { to[l++] = r2; } else { to[r++] = r2; }
    if (b3 <= bin || b3 === missingBin) { to[l++] = r3; } else { to[r++] = r3; }
  }
  return l;
}

function partitionRest(from: Int32Array, to: Int32Array, start: number, end: number, left: number, right: number, column: Uint8Array, bin: number, missingBin: number): number {
  let l = left;
  let r = right;
  for (let k = start; k < end; k++) {
    const row = from[k];
    const b = column[row];
    if (b <= bin || b === missingBin) { to[l++] = row; } else { to[r++] = row; }
  }
  return l;
}

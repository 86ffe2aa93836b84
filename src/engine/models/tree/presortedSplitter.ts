// The exact best-split search of CART (decision tree, random forest). Each feature's rows are
// sorted once per fit (every tree of a forest filters the same order); a node is the same range
// [start, end) in every feature's sorted list, and a split stably partitions every list, so no node
// ever sorts again. One scan per feature finds the best threshold among midpoints between
// consecutive distinct values.

import { copyBack, markRows, partitionOut } from './loopKernels';
import { FEATURE_THRESHOLD, midpoint, visitFeatures } from './splitter';
import type { Split, Splitter } from './splitter';
import type { SplitCriterion } from './splitCriterion';

/** Best-split search over presorted rows. */
export class PresortedSplitter implements Splitter {
  private readonly features: Int32Array;
  /** Per row, the node stamp when it goes left: no clearing between nodes. */
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly buffer: Int32Array;
  private readonly valueBuffer: Float64Array;
  private readonly impurities = new Float64Array(2);
  private readonly tryBound = (feature: number): boolean => this.tryFeature(feature);
  // The node being split and the best split so far (fields, so `tryFeature` allocates nothing).
  private start = 0;
  private end = 0;
  private bestProxy = -Infinity;
  private bestFeature = -1;
  private bestPos = 0;
  private bestThreshold = 0;

  /**
   * `order` holds, for feature f, the `rows` training rows with positive weight sorted by that
   * feature at order[f * rows .. (f + 1) * rows), and `values` their values of that feature (so the
   * scans read memory in sequence); both are partitioned in place as the tree grows.
   */
  constructor(
    readonly criterion: SplitCriterion,
    private readonly featureCount: number,
    private readonly order: Int32Array,
    private readonly values: Float64Array,
    readonly rows: number,
    totalRows: number,
    private readonly maxFeatures: number,
    private readonly minSamplesLeaf: number,
    private readonly random: () => number,
  ) {
    this.features = Int32Array.from({ length: featureCount }, (_, f) => f);
    this.mark = new Int32Array(totalRows);
    this.buffer = new Int32Array(rows);
    this.valueBuffer = new Float64Array(rows);
  }

  initNode(start: number, end: number): void { this.criterion.init(this.order, start, end); }

  findSplit(start: number, end: number, split: Split): boolean {
    this.start = start;
    this.end = end;
    this.bestProxy = -Infinity;
    this.bestFeature = -1;
    visitFeatures(this.features, this.maxFeatures, this.random, this.tryBound);
    const feature = this.bestFeature;
    if (feature < 0) { return false; }
    const base = feature * this.rows;
    const pos = this.bestPos;
    this.partition(feature, start, pos, end);
    // Children impurities from the chosen split's own left part, as scikit-learn recomputes them.
    const criterion = this.criterion;
    criterion.resetLeft();
    criterion.addLeftRange(this.order, base + start, base + pos);
    criterion.childrenImpurity(this.order, base + start, base + pos, this.impurities);
    split.feature = feature;
    split.threshold = this.bestThreshold;
    split.pos = pos;
    split.impurityLeft = this.impurities[0];
    split.impurityRight = this.impurities[1];
    split.weightedLeft = criterion.weightedLeft;
    split.weightedRight = criterion.weightedNode - criterion.weightedLeft;
    return true;
  }

  /** Scans one feature's sorted rows of the node; false when the feature is constant there. */
  private tryFeature(feature: number): boolean {
    const { order, values, criterion, minSamplesLeaf } = this;
    const lo = feature * this.rows + this.start;
    const hi = feature * this.rows + this.end;
    if (values[hi - 1] <= values[lo] + FEATURE_THRESHOLD) { return false; }
    // Split points with fewer than minSamplesLeaf rows on the right are past `last`.
    const last = hi - minSamplesLeaf;
    criterion.resetLeft();
    let here = values[lo];
    for (let k = lo; k < last; k++) {
      criterion.addLeft(order[k]);
      const next = values[k + 1];
      if (next > here + FEATURE_THRESHOLD && k + 1 - lo >= minSamplesLeaf) {
        const proxy = criterion.proxyImprovement();
        if (proxy > this.bestProxy) {
          this.bestProxy = proxy;
          this.bestFeature = feature;
          this.bestPos = this.start + (k + 1 - lo);
          this.bestThreshold = midpoint(here, next);
        }
      }
      here = next;
    }
    return true;
  }

  /** Stable partition of every feature's node range: the split feature's is already in order. */
  private partition(feature: number, start: number, pos: number, end: number): void {
    const { order, values, mark, buffer, valueBuffer, rows } = this;
    const stamp = ++this.stamp;
    markRows(order, mark, stamp, feature * rows + start, feature * rows + pos);
    for (let f = 0; f < this.featureCount; f++) {
      if (f === feature) { continue; }
      const lo = f * rows + start;
      const right = partitionOut(order, values, mark, stamp, lo, f * rows + end, buffer, valueBuffer);
      copyBack(order, values, f * rows + end - right, right, buffer, valueBuffer);
    }
  }
}

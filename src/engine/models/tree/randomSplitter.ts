// The extremely randomised split (extra trees, Geurts et al. 2006, as scikit-learn's
// RandomSplitter): per candidate feature one threshold drawn uniformly between the node's minimum
// and maximum, and the best of those candidates wins. Nothing is sorted, so a node costs a few
// passes over its rows per candidate feature.

import { gatherFeature, partitionAt } from './loopKernels';
import { FEATURE_THRESHOLD, visitFeatures } from './splitter';
import type { Split, Splitter } from './splitter';
import type { SplitCriterion } from './splitCriterion';

/** Random-threshold split search over a row array partitioned in place. */
export class RandomSplitter implements Splitter {
  private readonly order: Int32Array;
  /** The values of the feature being tried, and of the best one so far (swapped, not copied). */
  private xf: Float64Array;
  private bestXf: Float64Array;
  private readonly range = new Float64Array(1);
  private readonly impurities = new Float64Array(2);
  private readonly tryBound = (feature: number): boolean => this.tryFeature(feature);
  private start = 0;
  private end = 0;
  private bestProxy = -Infinity;
  private bestFeature = -1;
  private bestThreshold = 0;

  /**
   * `samples` lists the `rows` training rows with positive weight; it is reordered as the tree
   * grows. `matrix` holds the features row-major (row * features + feature): rows are visited in
   * random order, and a row's features sharing a cache line makes the later features' scans cheap.
   */
  constructor(
    readonly criterion: SplitCriterion,
    private readonly matrix: Float64Array,
    private readonly features: number,
    private readonly samples: Int32Array,
    readonly rows: number,
    private readonly maxFeatures: number,
    private readonly minSamplesLeaf: number,
    private readonly random: () => number,
  ) {
    this.xf = new Float64Array(rows);
    this.bestXf = new Float64Array(rows);
    this.order = Int32Array.from({ length: features }, (_, f) => f);
  }

  initNode(start: number, end: number): void { this.criterion.init(this.samples, start, end); }

  findSplit(start: number, end: number, split: Split): boolean {
    this.start = start;
    this.end = end;
    this.bestProxy = -Infinity;
    this.bestFeature = -1;
    visitFeatures(this.order, this.maxFeatures, this.random, this.tryBound);
    const feature = this.bestFeature;
    if (feature < 0) { return false; }
    const { samples, criterion } = this;
    const threshold = this.bestThreshold;
    const pos = partitionAt(samples, this.bestXf, start, end, threshold);
    criterion.resetLeft();
    criterion.addLeftRange(samples, start, pos);
    criterion.childrenImpurity(samples, start, pos, this.impurities);
    split.feature = feature;
    split.threshold = threshold;
    split.pos = pos;
    split.impurityLeft = this.impurities[0];
    split.impurityRight = this.impurities[1];
    split.weightedLeft = criterion.weightedLeft;
    split.weightedRight = criterion.weightedNode - criterion.weightedLeft;
    return true;
  }

  /** Draws a threshold for one feature and scores it; false when the feature is constant in the node. */
  private tryFeature(feature: number): boolean {
    const { samples, criterion, start, end, xf } = this;
    // The node's values gathered once: the later passes read them in sequence.
    const max = gatherFeature(this.matrix, this.features, feature, samples, start, end, xf, this.range);
    const min = this.range[0];
    if (max <= min + FEATURE_THRESHOLD) { return false; }
    let threshold = (max - min) * this.random() + min;
    // A draw that rounds up to the maximum would send every row left.
    if (threshold === max) { threshold = min; }
    criterion.resetLeft();
    const left = criterion.addLeftWhere(samples, xf, start, end, threshold);
    // A draw that leaves a side too small does not count as a candidate (scikit-learn rejects it too).
    if (left < this.minSamplesLeaf || end - start - left < this.minSamplesLeaf) { return true; }
    const proxy = criterion.proxyImprovement();
    if (proxy > this.bestProxy) {
      this.bestProxy = proxy;
      this.bestFeature = feature;
      this.bestThreshold = threshold;
      this.xf = this.bestXf;
      this.bestXf = xf;
    }
    return true;
  }
}

// Split criteria: weighted class counts (Gini, entropy) or weighted sums (squared error) of a node
// and of its left part as the split point moves. The formulas and their order of operations are
// scikit-learn's (sklearn/tree/_criterion.pyx), so the same data gives the same split choices and
// the same impurities, hence the same feature importances.
//
// Every loop over rows sits in a function that returns right after it (see loopKernels.ts for why).

import { addClassCounts, addWeightedSums, leftSquares } from './loopKernels';
import type { Criterion } from './treeParams';

/** Statistics of one node and of its left part while a splitter scans split points. */
export interface SplitCriterion {
  /** Values stored per leaf: class probabilities (one per class) or the mean (one). */
  readonly width: number;
  /** Weighted rows in the node (set by `init`) and in its left part (grown by `addLeft`). */
  weightedNode: number;
  weightedLeft: number;
  /** Totals over the rows `order[from..to)`. */
  init(order: Int32Array, from: number, to: number): void;
  resetLeft(): void;
  addLeft(row: number): void;
  /** Adds the rows `order[from..to)` to the left part. */
  addLeftRange(order: Int32Array, from: number, to: number): void;
  /** Adds the rows `order[k]` with `x[k] <= threshold`, k in [from, to), to the left part; returns how many. */
  addLeftWhere(order: Int32Array, x: Float64Array, from: number, to: number, threshold: number): number;
  /** Larger is better; ranks the split points of one node without computing full impurities. */
  proxyImprovement(): number;
  nodeImpurity(): number;
  /** Impurities of the left part (its rows are `order[from..pos)`) and of the rest, into out[0], out[1]. */
  childrenImpurity(order: Int32Array, from: number, pos: number, out: Float64Array): void;
  /** The node's prediction, written at out[offset..offset+width). */
  nodeValue(out: Float64Array, offset: number): void;
}

/** The criterion for a task: class counts for classification, sums for regression. */
export function makeCriterion(criterion: Criterion, weight: Float64Array, yClass: Int32Array, yValue: Float64Array, classes: number): SplitCriterion {
  return criterion === 'squared_error' ? new SquaredError(weight, yValue) : new ClassCounts(weight, yClass, classes, criterion === 'entropy');
}

/** Shared by both criteria: the left-part loops, written once over `addLeft`. */
abstract class RowCriterion {
  abstract addLeft(row: number): void;

  addLeftRange(order: Int32Array, from: number, to: number): void {
    for (let k = from; k < to; k++) { this.addLeft(order[k]); }
  }

  addLeftWhere(order: Int32Array, x: Float64Array, from: number, to: number, threshold: number): number {
    let count = 0;
    for (let k = from; k < to; k++) {
      if (x[k] <= threshold) { this.addLeft(order[k]); count++; }
    }
    return count;
  }
}

class ClassCounts extends RowCriterion implements SplitCriterion {
  readonly width: number;
  weightedNode = 0;
  weightedLeft = 0;
  private readonly total: Float64Array;
  private readonly left: Float64Array;
  /** Per row its class and weight side by side: one cache line per row in the scans. */
  private readonly stats: Float64Array;

  constructor(weight: Float64Array, y: Int32Array, classes: number, private readonly entropy: boolean) {
    super();
    this.width = classes;
    this.total = new Float64Array(classes);
    this.left = new Float64Array(classes);
    this.stats = new Float64Array(2 * y.length);
    for (let i = 0; i < y.length; i++) { this.stats[2 * i] = y[i]; this.stats[2 * i + 1] = weight[i]; }
  }

  init(order: Int32Array, from: number, to: number): void {
    this.total.fill(0);
    this.weightedNode = addClassCounts(this.stats, this.total, order, from, to);
  }

  resetLeft(): void { this.left.fill(0); this.weightedLeft = 0; }

  addLeft(row: number): void {
    const w = this.stats[2 * row + 1];
    this.left[this.stats[2 * row] | 0] += w;
    this.weightedLeft += w;
  }

  proxyImprovement(): number {
    const wLeft = this.weightedLeft;
    const wRight = this.weightedNode - wLeft;
    return -wRight * this.impurityOf(this.total, this.left, wRight, true) - wLeft * this.impurityOf(this.left, this.left, wLeft, false);
  }

  nodeImpurity(): number { return this.impurityOf(this.total, this.total, this.weightedNode, false); }

  childrenImpurity(_order: Int32Array, _from: number, _pos: number, out: Float64Array): void {
    out[0] = this.impurityOf(this.left, this.left, this.weightedLeft, false);
    out[1] = this.impurityOf(this.total, this.left, this.weightedNode - this.weightedLeft, true);
  }

  nodeValue(out: Float64Array, offset: number): void {
    const { total } = this;
    let sum = 0;
    for (let c = 0; c < total.length; c++) { sum += total[c]; }
    for (let c = 0; c < total.length; c++) { out[offset + c] = total[c] / sum; }
  }

  /** Gini or entropy of `counts` (minus `less` when `subtract`, i.e. the right part) weighing `w`. */
  private impurityOf(counts: Float64Array, less: Float64Array, w: number, subtract: boolean): number {
    const k = counts.length;
    if (this.entropy) {
      let entropy = 0;
      for (let c = 0; c < k; c++) {
        const count = subtract ? counts[c] - less[c] : counts[c];
        if (count > 0) {
          const p = count / w;
          entropy -= p * (Math.log(p) / Math.LN2);
        }
      }
      return entropy;
    }
    let squares = 0;
    for (let c = 0; c < k; c++) {
      const count = subtract ? counts[c] - less[c] : counts[c];
      squares += count * count;
    }
    return 1 - squares / (w * w);
  }
}

class SquaredError extends RowCriterion implements SplitCriterion {
  readonly width = 1;
  weightedNode = 0;
  weightedLeft = 0;
  private sumTotal = 0;
  private squaresTotal = 0;
  private sumLeft = 0;
  /** Per row w * y and w side by side: one cache line per row in the scans. */
  private readonly stats: Float64Array;
  private readonly sums = new Float64Array(3);

  constructor(weight: Float64Array, private readonly y: Float64Array) {
    super();
    this.stats = new Float64Array(2 * y.length);
    for (let i = 0; i < y.length; i++) { this.stats[2 * i] = weight[i] * y[i]; this.stats[2 * i + 1] = weight[i]; }
  }

  init(order: Int32Array, from: number, to: number): void {
    const { sums } = this;
    sums.fill(0);
    addWeightedSums(this.stats, this.y, order, from, to, sums);
    this.sumTotal = sums[0];
    this.squaresTotal = sums[1];
    this.weightedNode = sums[2];
  }

  resetLeft(): void { this.sumLeft = 0; this.weightedLeft = 0; }

  addLeft(row: number): void {
    this.sumLeft += this.stats[2 * row];
    this.weightedLeft += this.stats[2 * row + 1];
  }

  proxyImprovement(): number {
    const sumRight = this.sumTotal - this.sumLeft;
    return (this.sumLeft * this.sumLeft) / this.weightedLeft + (sumRight * sumRight) / (this.weightedNode - this.weightedLeft);
  }

  nodeImpurity(): number {
    const mean = this.sumTotal / this.weightedNode;
    return this.squaresTotal / this.weightedNode - mean * mean;
  }

  childrenImpurity(order: Int32Array, from: number, pos: number, out: Float64Array): void {
    const squaresLeft = leftSquares(this.stats, this.y, order, from, pos);
    const wLeft = this.weightedLeft;
    const wRight = this.weightedNode - wLeft;
    const meanLeft = this.sumLeft / wLeft;
    const meanRight = (this.sumTotal - this.sumLeft) / wRight;
    out[0] = squaresLeft / wLeft - meanLeft * meanLeft;
    out[1] = (this.squaresTotal - squaresLeft) / wRight - meanRight * meanRight;
  }

  nodeValue(out: Float64Array, offset: number): void { out[offset] = this.sumTotal / this.weightedNode; }
}

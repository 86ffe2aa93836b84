// Grows one tree depth first, with scikit-learn's stopping rules (DepthFirstTreeBuilder): a node
// is a leaf when it is too deep, too small to split, pure, or when its best split lowers the
// impurity by less than min_impurity_decrease. Also sums each feature's impurity decrease for the
// feature importances.

import { FitCancelledError } from '../types';
import type { Split, Splitter } from './splitter';
import type { NodeStore } from './treeArrays';
import type { TreeSettings } from './treeParams';

/** scikit-learn's EPSILON (machine epsilon): impurities below it count as pure. */
const EPSILON = 2.220446049250313e-16;
/** Rows x features scanned between two yields to the event loop (a few milliseconds of work). */
const WORK_PER_YIELD = 4_000_000;

/** Lets a long tree see cancellation: checked every few milliseconds of work. */
export interface BuildControl {
  isCancelled(): boolean;
}

/**
 * Builds one tree into `store` and returns its feature importances: mean decrease in impurity
 * weighted by the rows reaching each split, normalised to sum to 1 (all zeros for a single leaf).
 */
export async function buildTree(splitter: Splitter, store: NodeStore, settings: TreeSettings, features: number, control: BuildControl): Promise<Float64Array> {
  const { criterion } = splitter;
  const { maxDepth, minSamplesSplit, minSamplesLeaf, minImpurityDecrease } = settings;
  const importance = new Float64Array(features);
  const split: Split = { feature: -1, threshold: 0, pos: 0, impurityLeft: 0, impurityRight: 0, weightedLeft: 0, weightedRight: 0 };
  // The stack holds, per pending node: start, end, depth, parent, isLeft (0/1), and its impurity
  // (known from the parent's split, as scikit-learn passes it down).
  const bounds: number[] = [0, splitter.rows, 0, -1, 0];
  const impurities: number[] = [NaN];
  let weightedTotal = 0;
  let work = 0;
  store.startTree();
  while (impurities.length > 0) {
    const isLeft = bounds.pop() === 1;
    const parent = bounds.pop() as number;
    const depth = bounds.pop() as number;
    const end = bounds.pop() as number;
    const start = bounds.pop() as number;
    let impurity = impurities.pop() as number;
    splitter.initNode(start, end);
    const rows = end - start;
    const weighted = criterion.weightedNode;
    if (parent < 0) {
      impurity = criterion.nodeImpurity();
      weightedTotal = weighted;
    }
    let isLeaf = depth >= maxDepth || rows < minSamplesSplit || rows < 2 * minSamplesLeaf || impurity <= EPSILON;
    if (!isLeaf) {
      isLeaf = !splitter.findSplit(start, end, split);
      if (!isLeaf) {
        const decrease = weighted * impurity - split.weightedRight * split.impurityRight - split.weightedLeft * split.impurityLeft;
        // scikit-learn's impurity_improvement: the decrease as a share of all training weight.
        const improvement = (weighted / weightedTotal) * (impurity - (split.weightedRight / weighted) * split.impurityRight - (split.weightedLeft / weighted) * split.impurityLeft);
        if (improvement + EPSILON < minImpurityDecrease) { isLeaf = true; } else { importance[split.feature] += decrease; }
      }
    }
    const node = store.addNode(parent, isLeft);
    if (isLeaf) {
      criterion.nodeValue(store.values, store.reserveValues(node));
    } else {
      store.setSplit(node, split.feature, split.threshold);
      // Right pushed first so the left child is built next: nodes come out in pre-order.
      bounds.push(split.pos, end, depth + 1, node, 0);
      impurities.push(split.impurityRight);
      bounds.push(start, split.pos, depth + 1, node, 1);
      impurities.push(split.impurityLeft);
    }
    work += rows * features;
    if (work >= WORK_PER_YIELD) {
      work = 0;
      await new Promise(setImmediate);
      if (control.isCancelled()) { throw new FitCancelledError(); }
    }
  }
  let sum = 0;
  for (let f = 0; f < features; f++) { importance[f] /= weightedTotal; sum += importance[f]; }
  if (sum > 0) { for (let f = 0; f < features; f++) { importance[f] /= sum; } }
  return importance;
}

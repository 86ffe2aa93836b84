// What the tree builder asks of a splitter, and the rules both splitters share: the order in
// which features are tried at a node and when a value step counts as one.

import { randomInt } from '../../random';
import type { SplitCriterion } from './splitCriterion';

/**
 * scikit-learn's FEATURE_THRESHOLD: values closer than this are treated as equal, so no split
 * falls between values that differ only by rounding noise.
 */
export const FEATURE_THRESHOLD = 1e-7;

/** The best split found at a node. */
export interface Split {
  feature: number;
  threshold: number;
  /** Rows [start, pos) of the node go left after `findSplit` has partitioned them. */
  pos: number;
  impurityLeft: number;
  impurityRight: number;
  weightedLeft: number;
  weightedRight: number;
}

/** Finds and applies splits over a node's rows, kept as contiguous ranges [start, end). */
export interface Splitter {
  readonly criterion: SplitCriterion;
  /** Number of rows with a positive weight: the root is [0, rows). */
  readonly rows: number;
  /** Computes the criterion's totals for the node [start, end). */
  initNode(start: number, end: number): void;
  /**
   * Finds the best split of the node whose totals `initNode` computed; false when no feature can
   * split it. When true, rows are partitioned so that [start, split.pos) is the left child.
   */
  findSplit(start: number, end: number, split: Split): boolean;
}

/**
 * Visits features in random order, as scikit-learn does: stops once `maxFeatures` have been tried
 * and at least one was not constant in the node, so a node is only a leaf for want of features
 * when every feature is constant in it. `tryFeature` returns whether the feature was non-constant.
 */
export function visitFeatures(features: Int32Array, maxFeatures: number, random: () => number, tryFeature: (feature: number) => boolean): void {
  const p = features.length;
  let visited = 0;
  let nonConstant = 0;
  for (let i = 0; i < p; i++) {
    if (visited >= maxFeatures && nonConstant > 0) { return; }
    const j = i + randomInt(random, p - i);
    const f = features[j];
    features[j] = features[i];
    features[i] = f;
    visited++;
    if (tryFeature(f)) { nonConstant++; }
  }
}

/** The split value between two neighbouring distinct values: their midpoint, unless rounding makes it the upper one. */
export function midpoint(lower: number, upper: number): number {
  const t = lower / 2 + upper / 2;
  return t === upper || t === Infinity || t === -Infinity ? lower : t;
}

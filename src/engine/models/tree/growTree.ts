// One tree from training data and per-row weights: picks the rows that take part (positive
// weight: a bootstrap leaves about a third out), sets up the splitter, and builds. Shared by the
// decision tree and both forests.

import { buildTree } from './buildTree';
import type { BuildControl } from './buildTree';
import { countPositive, keepRows, keepSorted } from './loopKernels';
import { PresortedSplitter } from './presortedSplitter';
import { RandomSplitter } from './randomSplitter';
import { argsort } from './sortIndex';
import { makeCriterion } from './splitCriterion';
import type { Splitter } from './splitter';
import type { TreeData } from './trainingData';
import type { NodeStore } from './treeArrays';
import type { TreeSettings } from './treeParams';

/** 'best': exact CART split search; 'random': extra trees' random thresholds. */
export type SplitterKind = 'best' | 'random';

/**
 * What every tree of a fit shares, prepared once. 'best': each feature's rows in ascending order,
 * plus work buffers (rows x features) that each tree refills. 'random': the features row-major
 * and a row buffer.
 */
export interface TreeInputs {
  sorted?: Int32Array[];
  order?: Int32Array;
  values?: Float64Array;
  matrix?: Float64Array;
  samples?: Int32Array;
}

/** Prepares the shared inputs for a splitter kind. */
export function prepareInputs(data: TreeData, kind: SplitterKind): TreeInputs {
  const p = data.columns.length;
  if (kind === 'best') {
    return { sorted: data.columns.map((column) => argsort(column)), order: new Int32Array(data.rows * p), values: new Float64Array(data.rows * p) };
  }
  const matrix = new Float64Array(data.rows * p);
  data.columns.forEach((column, f) => { for (let i = 0; i < data.rows; i++) { matrix[i * p + f] = column[i]; } });
  return { matrix, samples: new Int32Array(data.rows) };
}

/** Values stored per leaf: one per class, or one for regression. */
export function leafWidth(data: TreeData): number {
  return data.task === 'regression' ? 1 : data.classes;
}

/**
 * Grows one tree into `store` over the rows with positive `weight` (bootstrap counts, or all ones)
 * and returns its normalised feature importances. `inputs` come from `prepareInputs` for `kind`.
 */
export async function growTree(
  data: TreeData, settings: TreeSettings, kind: SplitterKind, weight: Float64Array, inputs: TreeInputs,
  random: () => number, store: NodeStore, control: BuildControl,
): Promise<Float64Array> {
  const criterion = makeCriterion(settings.criterion, weight, data.yClass, data.yValue, leafWidth(data));
  const p = data.columns.length;
  const rows = countPositive(weight);
  let splitter: Splitter;
  if (kind === 'best') {
    const { sorted, order, values } = inputs;
    if (!sorted || !order || !values) { throw new Error('The exact splitter needs presorted rows.'); }
    // Feature f's rows occupy order[f * rows, (f + 1) * rows): the sorted rows that take part.
    for (let f = 0; f < p; f++) { keepSorted(sorted[f], data.columns[f], weight, order, values, f * rows); }
    splitter = new PresortedSplitter(criterion, p, order, values, rows, data.rows, settings.maxFeatures, settings.minSamplesLeaf, random);
  } else {
    const { matrix, samples } = inputs;
    if (!matrix || !samples) { throw new Error('The random splitter needs the row-major features.'); }
    keepRows(weight, samples);
    splitter = new RandomSplitter(criterion, matrix, p, samples, rows, settings.maxFeatures, settings.minSamplesLeaf, random);
  }
  return buildTree(splitter, store, settings, p, control);
}

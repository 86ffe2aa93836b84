// Data helpers shared by the tree and forest tests: the sample datasets as the tree families
// receive them, row subsets for folds, and small fit helpers.
import * as path from 'node:path';
import { readCsv } from '../../src/engine/data/csvReader';
import type { FeatureMatrix, FitContext, Labels, TrainedModel } from '../../src/engine/models/types';
import { toFrame } from '../../src/engine/pipeline/frame';
import { ROOT } from './tempDir';

const TARGETS: Record<string, string> = { iris: 'species', diabetes: 'progression', breast_cancer: 'target' };

/**
 * A sample dataset as the tree families receive it. `float32` rounds the features as scikit-learn
 * does before fitting a tree (it converts X to float32), so thresholds and held-out routing can be
 * compared exactly; the engine itself keeps float64.
 */
export async function treeDataset(name: string, float32: boolean): Promise<{ data: FeatureMatrix; labels: Labels }> {
  const frame = toFrame(await readCsv({ path: path.join(ROOT, 'test', 'fixtures', 'datasets', `${name}.csv`) }));
  const target = TARGETS[name];
  const names = frame.columnNames().filter((c) => c !== target);
  const columns = names.map((n) => Float64Array.from(frame.array(n) as ArrayLike<number>, (v) => (float32 ? Math.fround(v) : v)));
  const raw = Array.from(frame.array(target) as ArrayLike<unknown>);
  const data = { names, columns, rows: frame.numRows() };
  if (name === 'diabetes') { return { data, labels: { task: 'regression', y: Float64Array.from(raw as number[]) } }; }
  const classes = [...new Set(raw.map(String))].sort();
  return { data, labels: { task: name === 'iris' ? 'multiclass' : 'binary', y: Float64Array.from(raw, (v) => classes.indexOf(String(v))), classes } };
}

/** The rows `keep` of a dataset, in that order. */
export function rowsOf(data: FeatureMatrix, labels: Labels, keep: number[]): { data: FeatureMatrix; labels: Labels } {
  return {
    data: { names: data.names, columns: data.columns.map((c) => Float64Array.from(keep, (i) => c[i])), rows: keep.length },
    labels: { ...labels, y: Float64Array.from(keep, (i) => labels.y[i]) },
  };
}

/** A fit context with a seed and an optional cancel flag. */
export const context = (seed = 7, isCancelled = () => false): FitContext => ({ seed, isCancelled });

/** A model's values (regression) or probabilities (classification). */
export const outputOf = (model: TrainedModel, data: FeatureMatrix): Float64Array => { const p = model.predict(data); return (p.values ?? p.probabilities) as Float64Array; };

// The fitted model of every tree family (one tree or a forest): flat node arrays, the feature
// importances, and the model file round trip. One class so the decision tree and the forests
// predict, save and load the same way.

import type { Task } from '../../../shared/project/types';
import type { FamilyId, FeatureMatrix, ModelFile, Params, Predictions, TrainedModel } from '../types';
import { assertNoMissing } from './trainingData';
import { decodeTrees, encodeTrees, predictAverage } from './treeArrays';
import type { EncodedTrees, TreeArrays } from './treeArrays';

/** What a tree family keeps in `ModelFile.state`. */
interface TreeState {
  trees: EncodedTrees;
  /** Feature importances as JSON numbers (exact round trip). */
  importance: number[];
}

/** A fitted tree or forest. */
export class TreeModel implements TrainedModel {
  /** Features some split uses: only these are checked for missing values at prediction time. */
  private readonly used: number[];

  constructor(
    readonly family: FamilyId,
    readonly task: Task,
    readonly features: string[],
    readonly classes: string[] | undefined,
    readonly params: Params,
    readonly trees: TreeArrays,
    private readonly importance: Float64Array,
  ) {
    const used = new Set<number>();
    for (const f of trees.feature) { if (f >= 0) { used.add(f); } }
    this.used = [...used].sort((a, b) => a - b);
  }

  /** Number of trees and of nodes, e.g. for the leaderboard's model size. */
  get size(): { trees: number; nodes: number } { return { trees: this.trees.roots.length, nodes: this.trees.feature.length }; }

  predict(data: FeatureMatrix): Predictions {
    const columns = this.columnsOf(data);
    assertNoMissing(this.used.map((f) => columns[f]), this.used.map((f) => this.features[f]), data.rows);
    const out = predictAverage(this.trees, columns, data.rows);
    return this.task === 'regression' ? { values: out } : { probabilities: out };
  }

  featureImportance(): Float64Array { return Float64Array.from(this.importance); }

  save(): ModelFile {
    const state: TreeState = { trees: encodeTrees(this.trees), importance: Array.from(this.importance) };
    return {
      format: 'ml-workflow-model', formatVersion: 1, family: this.family, task: this.task, features: [...this.features],
      ...(this.classes ? { classes: [...this.classes] } : {}), params: { ...this.params }, state: state as unknown as Record<string, unknown>,
    };
  }

  /** The model's columns in training order, matched by name when the names differ in order. */
  private columnsOf(data: FeatureMatrix): Float64Array[] {
    const sameOrder = data.names.length === this.features.length && data.names.every((name, i) => name === this.features[i]);
    const columns = sameOrder ? data.columns : this.features.map((name) => {
      const i = data.names.indexOf(name);
      if (i < 0) { throw new Error(`The data has no feature '${name}', which the model was trained on.`); }
      return data.columns[i];
    });
    for (const column of columns) {
      if (column.length < data.rows) { throw new Error(`A feature column has ${column.length} values for ${data.rows} rows.`); }
    }
    return columns;
  }
}

/** Rebuilds a tree model from its file, checking it is one of `family`'s and is not damaged. */
export function loadTreeModel(file: ModelFile, family: FamilyId): TreeModel {
  if (file.format !== 'ml-workflow-model' || file.formatVersion !== 1) { throw new Error('Not an ML Workflow model file (format version 1).'); }
  if (file.family !== family) { throw new Error(`This model file is a '${file.family}' model, not '${family}'.`); }
  const state = file.state as unknown as TreeState;
  if (!state || typeof state.trees !== 'object' || !Array.isArray(state.importance)) { throw new Error('Damaged model file: tree state is missing.'); }
  const features = file.features.length;
  const trees = decodeTrees(state.trees, features);
  const width = file.task === 'regression' ? 1 : file.classes?.length;
  if (trees.width !== width) { throw new Error(`Damaged model file: trees predict ${trees.width} values, expected ${String(width)}.`); }
  if (state.importance.length !== features) { throw new Error('Damaged model file: feature importances do not match the features.'); }
  return new TreeModel(family, file.task, [...file.features], file.classes ? [...file.classes] : undefined, { ...file.params }, trees, Float64Array.from(state.importance));
}

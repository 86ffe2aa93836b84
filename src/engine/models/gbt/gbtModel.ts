// A fitted gradient-boosted ensemble: predicts on raw feature values by walking the trees'
// thresholds, and saves to / loads from the model file (node arrays as base64 blobs, so a loaded
// model predicts bit-identically).

import type { Task } from '../../../shared/project/types';
import { decodeFloat64, decodeInt32, encodeArray, type EncodedArray } from '../arrayCodec';
import type { FeatureMatrix, ModelFile, Params, Predictions, TrainedModel } from '../types';
import type { BoosterResult } from './booster';
import { probabilities, treesPerRound, type LossKind } from './losses';
import { addForestPredictions, type Forest } from './tree';

/** The family-specific part of a saved model (ModelFile.state). */
export interface GbtState {
  loss: LossKind;
  /** Number of boosting rounds kept (each has treesPerRound trees). */
  rounds: number;
  treesPerRound: number;
  earlyStopped: boolean;
  baseline: number[];
  /** Per feature, the bin thresholds learned on the training rows (concatenated; offsets[f]..offsets[f+1]). */
  binThresholds: { offsets: number[]; values: EncodedArray };
  /** Node arrays of all trees, concatenated; tree t's root is roots[t]; children are absolute indices. */
  trees: Record<'roots' | 'feature' | 'binThreshold' | 'missingLeft' | 'left' | 'right' | 'count' | 'threshold' | 'value' | 'gain', EncodedArray>;
  /** Loss after each round: squared error or log-loss on the training rows, and on the early-stopping split when there was one. */
  history: { trainLoss: number[]; validLoss: number[] };
}

/** What a GbtModel is made of. */
interface GbtParts {
  task: Task;
  features: string[];
  classes?: string[];
  params: Params;
  loss: LossKind;
  /** Number of classes for classification, 0 for regression. */
  classCount: number;
  baseline: Float64Array;
  forest: Forest;
  binThresholds: Float64Array[];
  rounds: number;
  earlyStopped: boolean;
  history: { trainLoss: number[]; validLoss: number[] };
}

/** A fitted gradient-boosted trees model. */
export class GbtModel implements TrainedModel {
  readonly family = 'gbt' as const;
  readonly params: Params;
  private readonly parts: GbtParts;

  constructor(parts: GbtParts) {
    this.parts = parts;
    this.params = parts.params;
  }

  /** The model a fit produced. */
  static fromFit(result: BoosterResult, task: Task, features: string[], classes: string[] | undefined, params: Params): GbtModel {
    return new GbtModel({
      task, features, classes, params, loss: result.loss, classCount: result.classes, baseline: result.baseline, forest: result.forest,
      binThresholds: result.binMapper.thresholds, rounds: result.rounds,
      earlyStopped: result.earlyStopped, history: { trainLoss: result.trainLoss, validLoss: result.validLoss },
    });
  }

  /** Rounds actually boosted (fewer than max_iter when early stopping ended the fit). */
  get rounds(): number { return this.parts.rounds; }

  /** Loss per round on the training rows and on the early-stopping split. */
  get history(): { trainLoss: number[]; validLoss: number[] } { return this.parts.history; }

  /** Raw scores (before the link function), class-major: tree group k of row i at k * rows + i. */
  predictRaw(data: FeatureMatrix): Float64Array {
    const { features, loss, classCount, baseline, forest } = this.parts;
    if (data.columns.length !== features.length) {
      throw new Error(`The model expects ${features.length} features (${features.join(', ')}), got ${data.columns.length}.`);
    }
    const n = data.rows;
    const K = treesPerRound(loss, classCount);
    const raw = new Float64Array(K * n);
    for (let k = 0; k < K; k++) { raw.fill(baseline[k], k * n, (k + 1) * n); }
    addForestPredictions(forest, data.columns, n, K, raw);
    return raw;
  }

  /** Regression values, or class probabilities (row-major). */
  predict(data: FeatureMatrix): Predictions {
    const raw = this.predictRaw(data);
    const { loss, classCount } = this.parts;
    if (loss === 'squared_error') { return { values: raw }; }
    return { probabilities: probabilities(loss, classCount, raw, data.rows) };
  }

  /** Total split gain per feature, normalised to sum to 1 (equal shares when no tree split at all). */
  featureImportance(): Float64Array {
    const { forest, features } = this.parts;
    const out = new Float64Array(features.length);
    let total = 0;
    for (let i = 0; i < forest.feature.length; i++) {
      const f = forest.feature[i];
      if (f >= 0) { out[f] += forest.gain[i]; total += forest.gain[i]; }
    }
    if (total > 0) { for (let f = 0; f < out.length; f++) { out[f] /= total; } } else { out.fill(1 / Math.max(1, out.length)); }
    return out;
  }

  /** The model file. */
  save(): ModelFile {
    const p = this.parts;
    const f = p.forest;
    const offsets = [0];
    for (const t of p.binThresholds) { offsets.push(offsets[offsets.length - 1] + t.length); }
    const values = new Float64Array(offsets[offsets.length - 1]);
    p.binThresholds.forEach((t, i) => values.set(t, offsets[i]));
    const state: GbtState = {
      loss: p.loss, rounds: p.rounds, treesPerRound: treesPerRound(p.loss, p.classCount), earlyStopped: p.earlyStopped,
      baseline: Array.from(p.baseline),
      binThresholds: { offsets, values: encodeArray(values) },
      trees: {
        roots: encodeArray(f.roots), feature: encodeArray(f.feature), binThreshold: encodeArray(f.binThreshold),
        missingLeft: encodeArray(Int32Array.from(f.missingLeft)), left: encodeArray(f.left), right: encodeArray(f.right),
        count: encodeArray(f.count), threshold: encodeArray(f.threshold), value: encodeArray(f.value), gain: encodeArray(f.gain),
      },
      history: p.history,
    };
    return {
      format: 'ml-workflow-model', formatVersion: 1, family: 'gbt', task: p.task, features: [...p.features],
      classes: p.classes ? [...p.classes] : undefined, params: { ...p.params }, state: state as unknown as Record<string, unknown>,
    };
  }

  /** Rebuilds a model from its file. */
  static load(file: ModelFile): GbtModel {
    if (file.format !== 'ml-workflow-model' || file.family !== 'gbt') { throw new Error('Not a gradient-boosted trees model file.'); }
    const s = file.state as unknown as GbtState;
    const t = s.trees;
    const forest: Forest = {
      roots: decodeInt32(t.roots), feature: decodeInt32(t.feature), binThreshold: decodeInt32(t.binThreshold),
      missingLeft: Uint8Array.from(decodeInt32(t.missingLeft)), left: decodeInt32(t.left), right: decodeInt32(t.right),
      count: decodeInt32(t.count), threshold: decodeFloat64(t.threshold), value: decodeFloat64(t.value), gain: decodeFloat64(t.gain),
    };
    const nodes = forest.feature.length;
    for (const name of ['binThreshold', 'missingLeft', 'left', 'right', 'count', 'threshold', 'value', 'gain'] as const) {
      if (forest[name].length !== nodes) { throw new Error(`The model file's tree array "${name}" has the wrong length.`); }
    }
    for (let i = 0; i < nodes; i++) {
      const f = forest.feature[i];
      if (f >= file.features.length || (f >= 0 && !(forest.left[i] > i && forest.left[i] < nodes && forest.right[i] > i && forest.right[i] < nodes))) {
        throw new Error(`The model file's node ${i} is malformed.`);
      }
    }
    const all = decodeFloat64(s.binThresholds.values);
    const o = s.binThresholds.offsets;
    const binThresholds = file.features.map((_, i) => all.slice(o[i], o[i + 1]));
    const classCount = s.loss === 'squared_error' ? 0 : s.loss === 'log_loss' ? 2 : s.treesPerRound;
    return new GbtModel({
      task: file.task, features: [...file.features], classes: file.classes ? [...file.classes] : undefined, params: { ...file.params },
      loss: s.loss, classCount, baseline: Float64Array.from(s.baseline), forest, binThresholds,
      rounds: s.rounds, earlyStopped: s.earlyStopped, history: s.history,
    });
  }
}

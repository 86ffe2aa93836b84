// The boosting loop, following scikit-learn's HistGradientBoosting: bin the training rows, start
// from the baseline prediction, then each round compute gradients and grow one tree per class,
// watching the loss on a held-out validation split for early stopping. Reports progress every
// round, checks for cancellation, and yields to the event loop so cancel messages get read.

import { deriveSeed, seededRandom } from '../../random';
import { FitCancelledError, type FeatureMatrix, type FitContext, type Labels } from '../types';
import { binColumns, fitBinMapper, type BinMapper } from './binning';
import { baselinePrediction, computeGradients, hasConstantHessian, meanLoss, treesPerRound, type LossKind } from './losses';
import type { GbtParams } from './params';
import { sampleFeatures, sampleRows, validationSplit } from './sampling';
import { ForestBuilder, type Forest } from './tree';
import { TreeGrower } from './treeGrower';

/** Above this many rows early_stopping 'auto' turns on, as sklearn. */
const AUTO_EARLY_STOPPING_ROWS = 10000;
/** Yield to the event loop at least this often (ms) so IPC messages such as cancel are handled. */
const YIELD_EVERY_MS = 20;

/** Everything a fit produces: the model's parts, its loss curves, and the training rows' final raw scores. */
export interface BoosterResult {
  loss: LossKind;
  /** Classes for classification (2 for binary), 0 for regression. */
  classes: number;
  baseline: Float64Array;
  forest: Forest;
  binMapper: BinMapper;
  rounds: number;
  earlyStopped: boolean;
  trainLoss: number[];
  validLoss: number[];
  /** Rows trained on (ascending; the rest were the validation split) and their raw scores, class-major. */
  trainRows: Int32Array;
  trainRaw: Float64Array;
}

/** Which loss fits the task: squared error, binomial (two classes) or multinomial log-loss. */
export function lossFor(labels: Labels): { loss: LossKind; classes: number } {
  if (labels.task === 'regression') { return { loss: 'squared_error', classes: 0 }; }
  let classes = labels.classes?.length ?? 0;
  for (let i = 0; i < labels.y.length; i++) {
    const c = labels.y[i];
    if (!Number.isInteger(c) || c < 0) { throw new Error(`Class labels must be indices 0, 1, 2, ...; row ${i} has ${c}.`); }
    if (!labels.classes && c + 1 > classes) { classes = c + 1; }
    if (c >= classes) { throw new Error(`Row ${i} has class index ${c} but there are ${classes} classes.`); }
  }
  classes = Math.max(classes, 2);
  return { loss: classes === 2 ? 'log_loss' : 'multinomial', classes };
}

function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) { out[i] = values[rows[i]]; }
  return out;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Fits a boosted ensemble. */
export async function fitBooster(data: FeatureMatrix, labels: Labels, p: GbtParams, context: FitContext): Promise<BoosterResult> {
  const n = data.rows;
  if (n < 1) { throw new Error('Cannot fit gradient-boosted trees on no rows.'); }
  if (labels.y.length !== n) { throw new Error(`There are ${n} rows but ${labels.y.length} targets.`); }
  if (data.columns.some((c) => c.length !== n)) { throw new Error('Every feature column must have one value per row.'); }
  for (let i = 0; i < n; i++) { if (!Number.isFinite(labels.y[i])) { throw new Error(`The target of row ${i} is missing or not finite.`); } }
  const { loss, classes } = lossFor(labels);
  const K = treesPerRound(loss, classes);
  const constantHessian = hasConstantHessian(loss);

  const earlyStopping = p.earlyStopping === 'on' || (p.earlyStopping === 'auto' && n > AUTO_EARLY_STOPPING_ROWS);
  let trainRows: Int32Array = Int32Array.from({ length: n }, (_, i) => i);
  let validRows: Int32Array = new Int32Array(0);
  if (earlyStopping && n >= 2) {
    const split = validationSplit(labels.y, loss === 'squared_error' ? 0 : classes, p.validationFraction, seededRandom(deriveSeed(context.seed, 'gbt', 'validation')));
    trainRows = split.train;
    validRows = split.valid;
  }
  const nTrain = trainRows.length;
  const nValid = validRows.length;

  const binMapper = fitBinMapper(data.columns, trainRows, p.maxBins, context.seed);
  const trainBins = binColumns(binMapper, data.columns, trainRows);
  const validBins = binColumns(binMapper, data.columns, validRows);
  const featureCount = data.columns.length;
  const hasMissing = Uint8Array.from(trainBins, (column, f) => (column.includes(binMapper.binsNonMissing[f]) ? 1 : 0));
  const yTrain = gather(labels.y, trainRows);
  const yValid = gather(labels.y, validRows);

  const baseline = baselinePrediction(loss, yTrain, classes);
  const raw = new Float64Array(K * nTrain);
  const rawValid = new Float64Array(K * nValid);
  for (let k = 0; k < K; k++) { raw.fill(baseline[k], k * nTrain, (k + 1) * nTrain); rawValid.fill(baseline[k], k * nValid, (k + 1) * nValid); }
  const gradient = new Float64Array(K * nTrain);
  const hessian = new Float64Array(constantHessian ? 0 : K * nTrain);

  const grower = new TreeGrower({
    bins: trainBins, binThresholds: binMapper.thresholds, binsNonMissing: binMapper.binsNonMissing, hasMissing,
    rows: nTrain, maxLeafNodes: p.maxLeafNodes, maxDepth: p.maxDepth, minSamplesLeaf: p.minSamplesLeaf,
    l2Regularization: p.l2Regularization, minGainToSplit: p.minGainToSplit, learningRate: p.learningRate, constantHessian,
    subsampled: p.subsample < 1,
  });
  const forest = new ForestBuilder();
  const rowRandom = seededRandom(deriveSeed(context.seed, 'gbt', 'rows'));
  const featureRandom = seededRandom(deriveSeed(context.seed, 'gbt', 'features'));
  const sampleBuffer = new Int32Array(p.subsample < 1 ? nTrain : 0);

  // Early stopping compares scores (minus the loss; half the squared error, as sklearn's tol expects).
  const scale = loss === 'squared_error' ? 0.5 : 1;
  const trainLoss: number[] = [];
  const validLoss: number[] = [];
  const scores: number[] = [];
  if (earlyStopping && nValid > 0) { scores.push(-scale * meanLoss(loss, classes, yValid, rawValid)); }
  let earlyStopped = false;
  let rounds = 0;
  let lastYield = performance.now();

  for (let round = 0; round < p.maxIter; round++) {
    if (context.isCancelled()) { throw new FitCancelledError(); }
    computeGradients(loss, classes, yTrain, raw, gradient, hessian);
    const sample = p.subsample < 1 ? sampleRows(nTrain, p.subsample, rowRandom, sampleBuffer) : null;
    for (let k = 0; k < K; k++) {
      const features = sampleFeatures(featureCount, p.colsample, featureRandom);
      grower.grow(gradient, hessian, k * nTrain, sample, features, forest, sample ? null : raw);
      const root = forest.lastRoot;
      // Rows left out of the round's sample still move: walk them down the new tree.
      if (sample) { forest.addBinnedPredictions(root, trainBins, binMapper.binsNonMissing, nTrain, raw, k * nTrain); }
      if (nValid > 0) { forest.addBinnedPredictions(root, validBins, binMapper.binsNonMissing, nValid, rawValid, k * nValid); }
    }
    rounds = round + 1;
    const train = meanLoss(loss, classes, yTrain, raw);
    trainLoss.push(train);
    let valid: number | undefined;
    if (nValid > 0) { valid = meanLoss(loss, classes, yValid, rawValid); validLoss.push(valid); }
    context.onProgress?.({ unit: 'round', step: rounds, total: p.maxIter, trainLoss: train, validLoss: valid });
    if (earlyStopping && valid !== undefined) {
      scores.push(-scale * valid);
      if (shouldStop(scores, p.nIterNoChange, p.tol)) { earlyStopped = true; break; }
    }
    if (performance.now() - lastYield >= YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  }
  if (context.isCancelled()) { throw new FitCancelledError(); }
  return {
    loss, classes, baseline, forest: forest.finish(), binMapper, rounds, earlyStopped, trainLoss, validLoss, trainRows, trainRaw: raw,
  };
}

/** sklearn's rule: stop when none of the last n scores beats the one before them by more than tol. */
export function shouldStop(scores: number[], nIterNoChange: number, tol: number): boolean {
  const reference = nIterNoChange + 1;
  if (scores.length < reference) { return false; }
  const referenceScore = scores[scores.length - reference] + tol;
  for (let i = scores.length - reference + 1; i < scores.length; i++) { if (scores[i] > referenceScore) { return false; } }
  return true;
}

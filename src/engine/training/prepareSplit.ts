// One train/validation split made ready for model families, without leakage: the pipeline is
// fitted on the training rows only and applied to the validation rows; the model-input adapter
// (encoding, fill, scaling) is learned from the training rows only. The final model goes through
// the same code with every row training and no validation part.

import type { ColumnTable } from 'arquero';
import type { PipelineStep } from '../../shared/pipeline/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError } from '../errors';
import type { FeatureMatrix, Labels } from '../models/types';
import { isMissing } from '../pipeline/frame';
import { applyPipeline, fitPipeline } from '../pipeline/runPipeline';
import { columnValues, encodeFrame, encodedColumnNames, fitEncoding, fitTransforms, transformMatrix } from './inputAdapter';
import type { FamilyNeeds, InputAdapter } from './inputAdapter';
import type { TrainingInput } from './trainingInput';

export interface PreparedPart { matrix: FeatureMatrix; labels: Labels }

/** A family's view of a split: the adapter learned for its needs and its input matrices. */
export interface SplitVariant { adapter: InputAdapter; train: FeatureMatrix; valid?: FeatureMatrix }

export interface PreparedSplit {
  /** The pipeline as fitted on this split's training rows. */
  steps: PipelineStep[];
  /** Encoding only; each family's variant adds fill and scaling. */
  encoding: InputAdapter;
  train: PreparedPart;
  valid?: PreparedPart;
  /** The matrices for a family's needs, computed once per kind of need. */
  variant(needs: FamilyNeeds): SplitVariant;
}

/** Fits the pipeline and the adapter on `trainRows` (all rows when null) and applies both to `validRows`. */
export function prepareSplit(input: TrainingInput, trainRows: Int32Array | null, validRows?: Int32Array, foldColumn?: string): PreparedSplit {
  const trainFrame = trainRows === null ? input.frame : input.frame.reify(Array.from(trainRows));
  const fitted = fitPipeline(input.steps, trainFrame);
  const exclude = foldColumn === undefined ? [input.target] : [input.target, foldColumn];
  requireTarget(fitted.frame, input.target);
  const encoding = fitEncoding(fitted.frame, exclude, encodedColumnNames(fitted.steps));
  const train = { matrix: encodeFrame(fitted.frame, encoding), labels: labelsOf(fitted.frame, input) };
  let valid: PreparedPart | undefined;
  if (validRows) {
    const validFrame = applyPipeline(fitted.steps, input.frame.reify(Array.from(validRows))).frame;
    requireTarget(validFrame, input.target);
    valid = { matrix: encodeFrame(validFrame, encoding), labels: labelsOf(validFrame, input) };
  }
  const variants = new Map<string, SplitVariant>();
  return {
    steps: fitted.steps,
    encoding,
    train,
    valid,
    variant(needs: FamilyNeeds): SplitVariant {
      const key = `${needs.needsScaling}/${needs.handlesMissing}`;
      let v = variants.get(key);
      if (!v) {
        const adapter = fitTransforms(encoding, train.matrix, needs);
        v = { adapter, train: transformMatrix(train.matrix, adapter), valid: valid && transformMatrix(valid.matrix, adapter) };
        variants.set(key, v);
      }
      return v;
    },
  };
}

function requireTarget(frame: ColumnTable, target: string): void {
  if (!frame.columnNames().includes(target)) {
    throw new EngineError(EngineErrorCodes.InvalidInput, `The pipeline removes the target "${target}"; it must keep it.`);
  }
}

/** The target after the pipeline, as labels (classes from the whole training data, so every fold uses the same indices). */
function labelsOf(frame: ColumnTable, input: TrainingInput): Labels {
  const values = columnValues(frame, input.target);
  const n = frame.numRows();
  const y = new Float64Array(n);
  if (input.task === 'regression') {
    for (let i = 0; i < n; i++) { y[i] = typeof values[i] === 'number' ? values[i] as number : Number(values[i]); }
    if (y.some((v) => !Number.isFinite(v))) { throw new EngineError(EngineErrorCodes.InvalidInput, `The pipeline leaves missing or non-numeric values in the target "${input.target}".`); }
    return { task: input.task, y };
  }
  const index = new Map(input.classes!.map((c, i) => [c, i]));
  for (let i = 0; i < n; i++) {
    const code = isMissing(values[i]) ? undefined : index.get(String(values[i]));
    if (code === undefined) { throw new EngineError(EngineErrorCodes.InvalidInput, `The pipeline changes the target "${input.target}" (value "${String(values[i])}" is not one of its classes); leave the target to the models.`); }
    y[i] = code;
  }
  return { task: input.task, y, classes: input.classes };
}

// A trained model as saved under runs/<id>/models/<model>.json: the family's own model file
// (TrainedModel.save()) wrapped with everything prediction needs to repeat what training did —
// the pipeline as fitted on the training rows and the model-input adapter — so raw rows in, the
// same predictions out.

import { promises as fs } from 'node:fs';
import type { ColumnTable } from 'arquero';
import type { PipelineStep } from '../../shared/pipeline/types';
import type { Task } from '../../shared/project/types';
import type { MetricSummary } from '../../shared/training/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError, fileError } from '../errors';
import type { ModelFamily, ModelFile, Predictions, TrainedModel } from '../models/types';
import { applyPipeline } from '../pipeline/runPipeline';
import { adaptFrame } from './inputAdapter';
import type { InputAdapter } from './inputAdapter';

export interface ModelBundle {
  format: 'ml-workflow-bundle';
  formatVersion: 1;
  model: string;
  runId: string;
  createdAt: string;
  task: Task;
  target: string;
  classes?: string[];
  /** The data columns prediction reads (the training data's columns except the target). */
  inputColumns: string[];
  /** Fitted on all training rows. */
  pipeline: PipelineStep[];
  adapter: InputAdapter;
  /** The candidate's cross-validated metrics. */
  cv: Record<string, MetricSummary>;
  modelFile: ModelFile;
}

/** Reads a bundle and rebuilds its model with the family that saved it. */
export async function loadBundle(file: string, families: readonly ModelFamily[]): Promise<{ bundle: ModelBundle; model: TrainedModel }> {
  let bundle: ModelBundle;
  try {
    bundle = JSON.parse(await fs.readFile(file, 'utf8')) as ModelBundle;
  } catch (err) {
    if (err instanceof SyntaxError) { throw new EngineError(EngineErrorCodes.InvalidInput, `${file}: not a model file (${err.message}).`); }
    throw fileError(file, err);
  }
  if (bundle.format !== 'ml-workflow-bundle' || bundle.formatVersion !== 1) { throw new EngineError(EngineErrorCodes.InvalidInput, `${file}: not an ML Workflow model bundle (format ${String(bundle.format)} ${String(bundle.formatVersion)}).`); }
  const family = families.find((f) => f.id === bundle.modelFile.family);
  if (!family) { throw new EngineError(EngineErrorCodes.InvalidInput, `${file}: this engine has no "${bundle.modelFile.family}" family.`); }
  return { bundle, model: family.load(bundle.modelFile) };
}

/** Predictions for raw rows: the bundle's fitted pipeline, then its adapter, then the model. */
export function predictFrame(bundle: ModelBundle, model: TrainedModel, frame: ColumnTable): Predictions {
  const prepared = applyPipeline(bundle.pipeline, frame).frame;
  return model.predict(adaptFrame(prepared, bundle.adapter));
}

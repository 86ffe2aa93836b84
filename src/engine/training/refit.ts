// After the search: the best candidate of each family is fitted again on every training row (the
// pipeline and the adapter too) and saved as a bundle under runs/<id>/models/, so the leaderboard
// names models that exist and can be loaded, served and compared.

import * as path from 'node:path';
import type { LeaderboardRow } from '../../shared/training/types';
import { FitCancelledError } from '../models/types';
import type { ModelFamily, TrainedModel } from '../models/types';
import { deriveSeed } from '../random';
import type { ModelBundle } from './modelBundle';
import { prepareSplit } from './prepareSplit';
import type { PreparedSplit } from './prepareSplit';
import { writeJson } from './runRecord';
import type { RunRecord } from './runRecord';
import type { TrainingInput } from './trainingInput';

export interface RefitOptions {
  input: TrainingInput;
  /** The rows to refit (best of each family), best first. */
  rows: readonly LeaderboardRow[];
  families: readonly ModelFamily[];
  seed: number;
  /** The fold column, which prediction does not read. */
  foldColumn?: string;
  runId: string;
  dir: string;
  isCancelled(): boolean;
  onModel?(model: string): void;
}

/** Refits and saves each row's candidate; stops (keeping the saved ones) when cancelled. */
export async function refitAndSave(options: RefitOptions): Promise<RunRecord['models']> {
  const { input } = options;
  const saved: RunRecord['models'] = [];
  if (options.rows.length === 0) { return saved; }
  let all: PreparedSplit | undefined;
  for (const row of options.rows) {
    if (options.isCancelled()) { break; }
    options.onModel?.(row.model);
    await new Promise<void>((resolve) => setImmediate(resolve));
    all ??= prepareSplit(input, null);
    const family = options.families.find((f) => f.id === row.family)!;
    const view = all.variant(family);
    let trained;
    try {
      trained = await family.fit(view.train, all.train.labels, row.params, { seed: deriveSeed(options.seed, 'final', row.model), isCancelled: () => options.isCancelled() });
    } catch (err) {
      if (err instanceof FitCancelledError) { break; }
      throw err;
    }
    const bundle: ModelBundle = {
      format: 'ml-workflow-bundle',
      formatVersion: 1,
      model: row.model,
      runId: options.runId,
      createdAt: new Date().toISOString(),
      task: input.task,
      target: input.target,
      ...(input.classes ? { classes: input.classes } : {}),
      inputColumns: input.frame.columnNames().filter((c) => c !== input.target && c !== options.foldColumn),
      pipeline: all.steps,
      adapter: view.adapter,
      cv: row.cv,
      modelFile: trained.save(),
    };
    const file = path.join(options.dir, 'models', `${row.model}.json`);
    const sizeBytes = await writeJson(file, bundle, false);
    saved.push({ model: row.model, file: path.relative(options.dir, file), sizeBytes, ...importancesOf(trained, view.train.names) });
  }
  return saved;
}

/** The fitted model's feature importances by feature name, when its family has them. */
function importancesOf(trained: TrainedModel, names: readonly string[]): { importances?: Record<string, number> } {
  const values = trained.featureImportance?.();
  if (!values || values.length !== names.length) { return {}; }
  const importances: Record<string, number> = {};
  names.forEach((name, i) => { if (Number.isFinite(values[i])) { importances[name] = values[i]; } });
  return { importances };
}

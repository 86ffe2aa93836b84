import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FeatureImportance, FoldMetrics, RowDetail } from '../../shared/protocol/trainingPanel';

// The leaderboard's detail beyond its row: per-fold scores from the run's record
// (runs/<id>/run.json, written by the engine), and feature importances where a record carries
// them. The record is read as untrusted JSON: anything unexpected is left out, never guessed.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Per-fold scores of one trial record, or undefined when it has none. */
function foldMetrics(trial: Json): FoldMetrics[] | undefined {
  if (!Array.isArray(trial.folds) || trial.folds.length === 0) { return undefined; }
  const folds: FoldMetrics[] = [];
  for (const f of trial.folds) {
    if (!isObject(f) || finite(f.fold) === undefined || !isObject(f.metrics)) { return undefined; }
    const metrics: Record<string, number | null> = {};
    for (const [name, value] of Object.entries(f.metrics)) { metrics[name] = finite(value) ?? null; }
    folds.push({ fold: finite(f.fold)!, metrics, fitSeconds: finite(f.fitSeconds), trainRows: finite(f.trainRows), validRows: finite(f.validRows) });
  }
  return folds;
}

/** Importances as `{ feature: value }` or `[{ feature, importance }]`, largest first; undefined when absent. */
export function importancesOf(value: unknown): FeatureImportance[] | undefined {
  let list: FeatureImportance[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const importance = isObject(item) ? finite(item.importance) ?? finite(item.value) : undefined;
      if (!isObject(item) || typeof item.feature !== 'string' || importance === undefined) { return undefined; }
      list.push({ feature: item.feature, importance });
    }
  } else if (isObject(value)) {
    for (const [feature, v] of Object.entries(value)) {
      const importance = finite(v);
      if (importance === undefined) { return undefined; }
      list.push({ feature, importance });
    }
  } else {
    return undefined;
  }
  list = list.sort((a, b) => b.importance - a.importance);
  return list.length > 0 ? list : undefined;
}

/** Reads the detail of one model of a run from its record in `runDir`. */
export async function readRowDetail(runDir: string, model: string): Promise<RowDetail> {
  let record: unknown;
  try {
    record = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(runDir, 'run.json')))));
  } catch (err) {
    return { note: `The run's record could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!isObject(record)) { return { note: 'The run\'s record is not a run record.' }; }
  const trial = Array.isArray(record.trials) ? record.trials.find((t): t is Json => isObject(t) && t.model === model) : undefined;
  const row = Array.isArray(record.leaderboard) ? record.leaderboard.find((r): r is Json => isObject(r) && r.model === model) : undefined;
  const folds = trial ? foldMetrics(trial) : undefined;
  const importances = importancesOf(row?.importances) ?? importancesOf(trial?.importances);
  const detail: RowDetail = {};
  if (folds) { detail.folds = folds; }
  if (importances) { detail.importances = importances; }
  if (!folds) { detail.note = 'The run\'s record has no per-fold scores for this model; the cross-validated mean and spread are shown.'; }
  return detail;
}

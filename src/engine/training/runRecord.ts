// A training run on disk: runs/<id>/run.json (what was asked, on which data, what came out, with
// which software) and runs/<id>/models/<model>.json. Ids are the start time plus a short random
// part and a folder is created exclusively, so a run never overwrites another.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { PipelineStep } from '../../shared/pipeline/types';
import type { Task } from '../../shared/project/types';
import type { IncompleteTrial, LeaderboardRow, StopReason, TrainingParams } from '../../shared/training/types';
import { fileError } from '../errors';
import { writeFileAtomic } from '../storage/atomicWrite';
import { ENGINE_VERSION } from '../version';
import type { FoldScore } from './crossValidate';
import type { SourceRecord } from './trainingInput';

export interface TrialRecord {
  model: string;
  family: string;
  trial: number;
  phase: 'defaults' | 'search';
  params: LeaderboardRow['params'];
  status: 'ok' | 'cut' | 'failed';
  error?: string;
  folds: FoldScore[];
  seconds: number;
}

export interface RunRecord {
  format: 'ml-workflow-run';
  formatVersion: 1;
  id: string;
  /** failed: an unexpected error ended the run (see `error`). */
  status: 'complete' | 'cancelled' | 'failed';
  error?: string;
  stopReason: StopReason;
  startedAt: string;
  finishedAt: string;
  elapsedSeconds: number;
  parameters: Omit<TrainingParams, 'progressToken'> & { seed: number; folds: number };
  task: Task;
  target: string;
  classes?: string[];
  metric: string;
  metrics: string[];
  data: { kind: 'csv' | 'project'; file: string; project?: string; sources: SourceRecord[]; rows: number; rowsWithoutTarget: number };
  pipeline: { source: 'project' | 'default'; steps: PipelineStep[] };
  /** How the pipeline's output becomes model inputs (see training/inputAdapter.ts). */
  inputAdapter: string;
  folds: { kind: 'kfold' | 'stratified' | 'column'; column?: string; names?: string[]; trainRows: number[]; validRows: number[] };
  software: { engine: string; node: string; platform: string };
  trials: TrialRecord[];
  leaderboard: LeaderboardRow[];
  incomplete: IncompleteTrial[];
  /** The saved model of each family's best, with its feature importances where the family has them. */
  models: { model: string; file: string; sizeBytes: number; importances?: Record<string, number> }[];
}

/** A run id: UTC start time to the second, then 4 random hex digits (e.g. 20261127-224501-3fa2). */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** Creates runs/<id>/ (and runs/ when needed); a clash of ids draws another. */
export async function createRunDir(runsDir: string, now: Date): Promise<{ id: string; dir: string }> {
  try {
    await fs.mkdir(runsDir, { recursive: true });
  } catch (err) {
    throw fileError(runsDir, err);
  }
  for (;;) {
    const id = newRunId(now);
    const dir = path.join(runsDir, id);
    try {
      await fs.mkdir(dir);
      await fs.mkdir(path.join(dir, 'models'));
      return { id, dir };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') { throw fileError(dir, err); }
    }
  }
}

/** Writes JSON atomically (readers see the old file or the new one), indented or compact; returns its size in bytes. */
export async function writeJson(file: string, value: unknown, indent = true): Promise<number> {
  const text = `${indent ? JSON.stringify(value, null, 1) : JSON.stringify(value)}\n`;
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    throw fileError(file, err);
  }
  return Buffer.byteLength(text, 'utf8');
}

/** The software a run was made with. */
export function softwareVersions(): RunRecord['software'] {
  return { engine: ENGINE_VERSION, node: process.version, platform: `${process.platform}-${process.arch}` };
}

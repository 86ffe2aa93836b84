// Which model families a run uses, and how the UI sees them.

import type { Task } from '../../shared/project/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import type { FamilyInfo } from '../../shared/training/types';
import { EngineError } from '../errors';
import type { ModelFamily } from '../models/types';

/** The families asked for (ids, any case) or every family for the task, in the registry's order (cheap first). */
export function chooseFamilies(available: readonly ModelFamily[], task: Task, wanted?: readonly string[]): ModelFamily[] {
  if (wanted === undefined || wanted.length === 0) {
    const all = available.filter((f) => f.tasks.includes(task));
    if (all.length === 0) { throw new EngineError(EngineErrorCodes.InvalidInput, `No model family can do ${task} tasks in this engine.`); }
    return all;
  }
  const chosen = new Set<ModelFamily>();
  for (const name of wanted) {
    const family = available.find((f) => f.id.toLowerCase() === name.trim().toLowerCase());
    if (!family) { throw new EngineError(EngineErrorCodes.InvalidInput, `Unknown model "${name}" (available: ${available.map((f) => f.id).join(', ')}).`); }
    if (!family.tasks.includes(task)) { throw new EngineError(EngineErrorCodes.InvalidInput, `The ${family.id} family cannot do ${task} tasks (it does ${family.tasks.join(', ')}).`); }
    chosen.add(family);
  }
  return available.filter((f) => chosen.has(f));
}

/** What the UI shows of each family: the family without its fit and load (copies, not the registry's objects). */
export function familyInfos(available: readonly ModelFamily[]): FamilyInfo[] {
  return available.map(({ fit: _fit, load: _load, ...info }) => structuredClone(info));
}

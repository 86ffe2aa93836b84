// The model families this engine offers, in the order a run tries their defaults: cheap and fast
// first (so a tight time budget still yields a leaderboard), then by cost on large data — the
// histogram-based boosting fits large tables faster than the forests; k-nearest neighbours (cheap
// to fit, costly to predict on many rows) and the neural network last.
// A new family is one import and one entry here.

import { baselineFamily } from './baseline/baselineFamily';
import { extraTreesFamily, randomForestFamily } from './forest/forestFamilies';
import { gbtFamily } from './gbt/gbtFamily';
import { knnFamily } from './knn/knnFamily';
import { linearFamily } from './linear/linearFamily';
import { mlpFamily } from './mlp/mlpFamily';
import { naiveBayesFamily } from './naiveBayes/naiveBayesFamily';
import { decisionTreeFamily } from './tree/decisionTreeFamily';
import type { ModelFamily } from './types';

/** Every family, in the order a run tries them. */
export const FAMILIES: readonly ModelFamily[] = [baselineFamily, linearFamily, naiveBayesFamily, decisionTreeFamily, gbtFamily, extraTreesFamily, randomForestFamily, knnFamily, mlpFamily];

/** The family with this id, if the engine has it. */
export function findFamily(id: string): ModelFamily | undefined {
  return FAMILIES.find((f) => f.id === id);
}

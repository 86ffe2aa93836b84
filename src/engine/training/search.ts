// The search under a budget. First every chosen family with its defaults (cheap families first,
// so a tight budget still gives a leaderboard), then the rest of the budget goes to the most
// promising families: random search over each family's hyperparameter ranges, the best family
// getting every other trial and the next two sharing the rest, re-ranked after every trial.
// Every draw comes from a stream seeded by (seed, family), and the choice of family depends only
// on scores, so with a trial budget the same seed gives the same trials.

import type { HyperparameterSpec, ModelFamily, Params, ParamValue } from '../models/types';
import { deriveSeed, seededRandom } from '../random';

export interface Candidate { model: string; family: ModelFamily; params: Params; trial: number; phase: 'defaults' | 'search' }

/**
 * How a trial ended: scored (the primary metric's CV mean, null when undefined), cut by the budget
 * or a cancel (the search ends), stopped for taking too large a share of the budget (its family is
 * left out of the search, the search goes on), or failed.
 */
export type TrialOutcome = { status: 'ok'; score: number | null } | { status: 'cut' } | { status: 'tooSlow' } | { status: 'failed' };

export interface SearchOptions {
  families: readonly ModelFamily[];
  seed: number;
  maxTrials?: number;
  /** With a time budget: whether no new trial should start (and a running fit should stop). */
  outOfTime?: () => boolean;
  isCancelled: () => boolean;
  /** Direction of the primary metric. */
  higherIsBetter: boolean;
}

export type SearchStop = 'complete' | 'trials' | 'time' | 'cancelled';

/** Draws repeated before a family's search space counts as exhausted (small discrete spaces). */
const MAX_REDRAWS = 25;

/** Runs trials until the budget, the search space or the caller says stop. */
export async function runSearch(options: SearchOptions, evaluate: (candidate: Candidate) => Promise<TrialOutcome>): Promise<SearchStop> {
  const { families, maxTrials } = options;
  const best = new Map<string, number>();
  const tried = new Map<string, Set<string>>(families.map((f) => [f.id, new Set<string>()]));
  const streams = new Map(families.map((f) => [f.id, seededRandom(deriveSeed(options.seed, 'search', f.id))]));
  const exhausted = new Set<string>();
  let trial = 0;
  const stopBefore = (): SearchStop | undefined => {
    if (options.isCancelled()) { return 'cancelled'; }
    if (maxTrials !== undefined && trial >= maxTrials) { return 'trials'; }
    if (options.outOfTime?.()) { return 'time'; }
    return undefined;
  };
  const run = async (candidate: Candidate): Promise<SearchStop | undefined> => {
    tried.get(candidate.family.id)!.add(paramsKey(candidate.params));
    const outcome = await evaluate(candidate);
    if (outcome.status === 'cut') { return options.isCancelled() ? 'cancelled' : 'time'; }
    if (outcome.status === 'tooSlow') { exhausted.add(candidate.family.id); }
    if (outcome.status === 'ok' && outcome.score !== null) {
      const previous = best.get(candidate.family.id);
      if (previous === undefined || better(outcome.score, previous, options.higherIsBetter)) { best.set(candidate.family.id, outcome.score); }
    }
    return undefined;
  };

  for (const family of families) {
    const stop = stopBefore();
    if (stop) { return stop; }
    trial++;
    const cut = await run({ model: `${family.id}-${trial}`, family, params: defaultParams(family), trial, phase: 'defaults' });
    if (cut) { return cut; }
  }
  if (maxTrials === undefined && options.outOfTime === undefined) { return 'complete'; }

  for (let round = 0; ; round++) {
    const stop = stopBefore();
    if (stop) { return stop; }
    const ranked = families
      .filter((f) => best.has(f.id) && searchable(f) && !exhausted.has(f.id))
      .sort((a, b) => (better(best.get(a.id)!, best.get(b.id)!, options.higherIsBetter) ? -1 : better(best.get(b.id)!, best.get(a.id)!, options.higherIsBetter) ? 1 : families.indexOf(a) - families.indexOf(b)));
    if (ranked.length === 0) { return 'complete'; }
    const pick = [0, 1, 0, 2][round % 4];
    const family = ranked[pick < ranked.length ? pick : 0];
    const params = drawNew(family, streams.get(family.id)!, tried.get(family.id)!);
    if (!params) { exhausted.add(family.id); round--; continue; }
    trial++;
    const cut = await run({ model: `${family.id}-${trial}`, family, params, trial, phase: 'search' });
    if (cut) { return cut; }
  }
}

/** A family's default hyperparameters. */
export function defaultParams(family: ModelFamily): Params {
  return Object.fromEntries(family.hyperparameters.map((h) => [h.name, h.default]));
}

/** One random draw from every hyperparameter's search range (values without a range keep their default). */
export function drawParams(family: ModelFamily, random: () => number): Params {
  return Object.fromEntries(family.hyperparameters.map((h) => [h.name, drawOne(h, random)]));
}

function drawNew(family: ModelFamily, random: () => number, tried: Set<string>): Params | undefined {
  for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
    const params = drawParams(family, random);
    if (!tried.has(paramsKey(params))) { return params; }
  }
  return undefined;
}

function drawOne(h: HyperparameterSpec, random: () => number): ParamValue {
  const r = random();
  switch (h.kind) {
    case 'bool': return r < 0.5;
    case 'choice': return h.choices && h.choices.length > 0 ? h.choices[Math.min(h.choices.length - 1, Math.floor(r * h.choices.length))] : h.default;
    case 'int': case 'float': {
      if (h.min === undefined || h.max === undefined) { return h.default; }
      const log = h.log === true && h.min > 0;
      if (h.kind === 'int') {
        if (!log) { return h.min + Math.min(h.max - h.min, Math.floor(r * (h.max - h.min + 1))); }
        // Log-uniform over [min, max + 1) then floored, so every integer in range can come up.
        return Math.min(h.max, Math.floor(Math.exp(Math.log(h.min) + r * (Math.log(h.max + 1) - Math.log(h.min)))));
      }
      return log ? Math.exp(Math.log(h.min) + r * (Math.log(h.max) - Math.log(h.min))) : h.min + r * (h.max - h.min);
    }
  }
}

/** Whether a family has anything to search. */
export function searchable(family: ModelFamily): boolean {
  return family.hyperparameters.some((h) => (h.kind === 'bool') || (h.kind === 'choice' && (h.choices?.length ?? 0) > 1)
    || ((h.kind === 'int' || h.kind === 'float') && h.min !== undefined && h.max !== undefined && h.max > h.min));
}

function paramsKey(params: Params): string {
  return JSON.stringify(Object.keys(params).sort().map((k) => [k, params[k]]));
}

function better(a: number, b: number, higherIsBetter: boolean): boolean {
  return higherIsBetter ? a > b : a < b;
}

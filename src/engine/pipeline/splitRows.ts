import type { ColumnTable } from 'arquero';
import type { SplitSettings } from '../../shared/project/types';
import { EngineErrorCodes } from '../../shared/protocol/engine';
import { EngineError } from '../errors';
import { seededRandom, shuffleInPlace } from '../random';
import { isMissing } from './frame';

/** Row indices of the two parts of a split, each in the source's row order. */
export interface RowSplit { train: number[]; test: number[] }

const DEFAULT_TEST_FRACTION = 0.2;

/**
 * Splits the training source's rows into training and held-out test rows as the project's split
 * settings say. The same settings and data always give the same split.
 */
export function splitRows(frame: ColumnTable, split: SplitSettings, target?: string): RowSplit {
  const n = frame.numRows();
  const fraction = split.testFraction ?? DEFAULT_TEST_FRACTION;
  if (split.method !== 'column' && !(fraction > 0 && fraction < 1)) {
    throw invalid(`the split's testFraction must be between 0 and 1 (found ${fraction}).`);
  }
  const random = seededRandom(split.seed ?? 0);
  const testFlags = new Uint8Array(n);
  switch (split.method) {
    case 'random': {
      const order = shuffleInPlace(Array.from({ length: n }, (_, i) => i), random);
      for (const row of order.slice(0, Math.round(n * fraction))) { testFlags[row] = 1; }
      break;
    }
    case 'stratified': {
      if (!target) { throw invalid('a stratified split needs the problem\'s target column (step 1).'); }
      const values = column(frame, target, 'the target');
      const groups = new Map<string, number[]>();
      for (let i = 0; i < n; i++) {
        const key = isMissing(values[i]) ? '\u0000missing' : String(values[i]);
        let group = groups.get(key);
        if (!group) { groups.set(key, group = []); }
        group.push(i);
      }
      // Sorted keys: the split must not depend on which class happens to come first in the file.
      for (const key of [...groups.keys()].sort()) {
        const rows = shuffleInPlace(groups.get(key)!, random);
        for (const row of rows.slice(0, Math.round(rows.length * fraction))) { testFlags[row] = 1; }
      }
      break;
    }
    case 'timeOrdered': {
      const values = column(frame, requireColumn(split), 'the time column');
      const keys = Array.from({ length: n }, (_, i) => timeKey(values[i]));
      // Stable: rows with equal times keep their file order; missing times sort first (train).
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
      for (const row of order.slice(n - Math.round(n * fraction))) { testFlags[row] = 1; }
      break;
    }
    case 'column': {
      const values = column(frame, requireColumn(split), 'the split column');
      for (let i = 0; i < n; i++) { testFlags[i] = isTestMarker(values[i]) ? 1 : 0; }
      break;
    }
    default:
      throw invalid(`unknown split method ${JSON.stringify((split as { method: unknown }).method)} (random, stratified, timeOrdered or column).`);
  }
  const out: RowSplit = { train: [], test: [] };
  for (let i = 0; i < n; i++) { (testFlags[i] ? out.test : out.train).push(i); }
  if (out.train.length === 0) { throw invalid('the split leaves no training rows.'); }
  return out;
}

/** The rows of a frame at the given indices, in that order. */
export function takeRows(frame: ColumnTable, rows: readonly number[]): ColumnTable {
  return frame.reify(rows as number[]);
}

function column(frame: ColumnTable, name: string, what: string): ArrayLike<unknown> {
  if (!frame.columnNames().includes(name)) { throw invalid(`${what} "${name}" is not a column of the training source.`); }
  return frame.array(name) as ArrayLike<unknown>;
}

function requireColumn(split: SplitSettings): string {
  if (!split.column) { throw invalid(`a ${split.method} split needs "column".`); }
  return split.column;
}

function timeKey(value: unknown): number {
  if (isMissing(value)) { return -Infinity; }
  if (typeof value === 'number') { return value; }
  const parsed = Date.parse(String(value));
  return Number.isNaN(parsed) ? -Infinity : parsed;
}

function isTestMarker(value: unknown): boolean {
  if (value === 1 || value === true) { return true; }
  return typeof value === 'string' && ['test', '1', 'true'].includes(value.trim().toLowerCase());
}

function invalid(message: string): EngineError {
  return new EngineError(EngineErrorCodes.InvalidInput, `Split: ${message}`);
}

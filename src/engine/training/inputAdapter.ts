// The model-input adapter: how a frame that came out of the pipeline becomes the numbers a model
// family reads. It is learned on training rows only (a fold's training part, or all training rows
// for the final model) and saved with the model, so prediction later applies exactly the same:
//   1. numeric columns pass as they are; text columns left by the pipeline get ordinal codes
//      (categories sorted, learned from the training rows; unseen or missing text -> NaN);
//   2. for families that do not handle missing values, NaN becomes the training median
//      (numeric) or the most frequent code (categorical);
//   3. for families that need scaling, every feature that is not a 0/1 indicator is standardised
//      with the training mean and population standard deviation (a zero std becomes 1, as
//      scikit-learn's StandardScaler); a standardised ordinal column is no longer flagged categorical.

import type { ColumnTable } from 'arquero';
import type { FeatureMatrix, ModelFamily } from '../models/types';
import { isMissing } from '../pipeline/frame';

export interface AdapterFeature {
  name: string;
  /** Text column: its categories, the code being the index. */
  categories?: string[];
  /** Came from a categorical column (ordinal codes, or a one-hot indicator made by the pipeline). */
  categorical: boolean;
}

/** What the adapter learned; JSON, stored in the model file. */
export interface InputAdapter {
  features: AdapterFeature[];
  /** Per feature, what replaces NaN (absent: the family reads NaN itself). */
  fill?: number[];
  /** Per feature, standardisation; null for features left unscaled (indicators). */
  scale?: ({ mean: number; std: number } | null)[];
}

/** Which transforms a family needs beyond encoding. */
export type FamilyNeeds = Pick<ModelFamily, 'needsScaling' | 'handlesMissing'>;

/** Learns the encoding of every column except the excluded ones (target, fold column) from training rows. */
export function fitEncoding(frame: ColumnTable, exclude: readonly string[], categoricalNames: ReadonlySet<string> = new Set()): InputAdapter {
  const features: AdapterFeature[] = [];
  for (const name of frame.columnNames()) {
    if (exclude.includes(name)) { continue; }
    const values = columnValues(frame, name);
    if (isNumericColumn(values)) { features.push({ name, categorical: categoricalNames.has(name) }); continue; }
    const categories = new Set<string>();
    for (let i = 0; i < values.length; i++) { if (!isMissing(values[i])) { categories.add(String(values[i])); } }
    features.push({ name, categories: [...categories].sort(), categorical: true });
  }
  return { features };
}

/** The frame's features as a matrix with the encoding only (no fill, no scaling). */
export function encodeFrame(frame: ColumnTable, adapter: InputAdapter): FeatureMatrix {
  const rows = frame.numRows();
  const present = new Set(frame.columnNames());
  const columns = adapter.features.map((feature) => {
    if (!present.has(feature.name)) { throw new Error(`The data has no column "${feature.name}", which the model reads.`); }
    const values = columnValues(frame, feature.name);
    const out = new Float64Array(rows);
    if (feature.categories) {
      const codes = new Map(feature.categories.map((c, i) => [c, i]));
      for (let i = 0; i < rows; i++) { out[i] = isMissing(values[i]) ? NaN : codes.get(String(values[i])) ?? NaN; }
    } else {
      for (let i = 0; i < rows; i++) { out[i] = toNumber(values[i]); }
    }
    return out;
  });
  return { names: adapter.features.map((f) => f.name), columns, rows, categorical: adapter.features.map((f) => f.categorical) };
}

/** Adds what a family needs (fill values, scaling) learned from the encoded training matrix. */
export function fitTransforms(adapter: InputAdapter, train: FeatureMatrix, needs: FamilyNeeds): InputAdapter {
  const out: InputAdapter = { features: adapter.features };
  if (!needs.handlesMissing) {
    out.fill = train.columns.map((column, j) => (adapter.features[j].categorical ? mostFrequent(column) : median(column)));
  }
  if (needs.needsScaling) {
    out.scale = train.columns.map((column, j) => {
      const fill = out.fill?.[j];
      if (isIndicator(column)) { return null; }
      let sum = 0;
      let count = 0;
      for (let i = 0; i < column.length; i++) { const v = valueOf(column[i], fill); if (!Number.isNaN(v)) { sum += v; count++; } }
      const mean = count === 0 ? 0 : sum / count;
      let squares = 0;
      for (let i = 0; i < column.length; i++) { const v = valueOf(column[i], fill); if (!Number.isNaN(v)) { squares += (v - mean) ** 2; } }
      const std = count === 0 ? 0 : Math.sqrt(squares / count);
      return { mean, std: std === 0 ? 1 : std };
    });
  }
  return out;
}

/** Applies the fill and scaling to an encoded matrix (new arrays only where something changes). */
export function transformMatrix(matrix: FeatureMatrix, adapter: InputAdapter): FeatureMatrix {
  if (!adapter.fill && !adapter.scale) { return matrix; }
  const categorical = (matrix.categorical ?? matrix.columns.map(() => false)).slice();
  const columns = matrix.columns.map((column, j) => {
    const fill = adapter.fill?.[j];
    const scale = adapter.scale?.[j] ?? null;
    if (fill === undefined && scale === null) { return column; }
    const out = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const v = valueOf(column[i], fill);
      out[i] = scale ? (v - scale.mean) / scale.std : v;
    }
    if (scale) { categorical[j] = false; }
    return out;
  });
  return { names: matrix.names, columns, rows: matrix.rows, categorical };
}

/** Encoding, fill and scaling in one go: what prediction applies to the pipeline's output. */
export function adaptFrame(frame: ColumnTable, adapter: InputAdapter): FeatureMatrix {
  return transformMatrix(encodeFrame(frame, adapter), adapter);
}

/** The names of the pipeline's one-hot indicator and ordinal/frequency-coded columns. */
export function encodedColumnNames(steps: readonly object[]): Set<string> {
  const names = new Set<string>();
  for (const step of steps as { kind?: string; enabled?: boolean; method?: string; columns?: string[]; fitted?: Record<string, unknown> }[]) {
    if (step.kind !== 'encode' || step.enabled === false || !step.fitted) { continue; }
    for (const column of step.columns ?? []) {
      const levels = step.fitted[column];
      if (step.method === 'onehot' && Array.isArray(levels)) { for (const level of levels) { names.add(`${column}_${String(level)}`); } } else { names.add(column); }
    }
  }
  return names;
}

/** A column's values in row order, without a copy when the frame holds them as a plain or typed array (never written to). */
export function columnValues(frame: ColumnTable, name: string): ArrayLike<unknown> {
  const column = frame.column(name);
  if (column && !frame.isFiltered() && !frame.isOrdered() && (Array.isArray(column) || ArrayBuffer.isView(column))) { return column as unknown as ArrayLike<unknown>; }
  return frame.array(name) as ArrayLike<unknown>;
}

function valueOf(v: number, fill: number | undefined): number {
  return Number.isNaN(v) && fill !== undefined ? fill : v;
}

function isNumericColumn(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isMissing(v) && typeof v !== 'number' && typeof v !== 'boolean') { return false; }
  }
  return true;
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') { return v; }
  if (typeof v === 'boolean') { return v ? 1 : 0; }
  if (isMissing(v)) { return NaN; }
  const text = String(v).trim();
  return text === '' ? NaN : Number(text);
}

function isIndicator(column: Float64Array): boolean {
  for (let i = 0; i < column.length; i++) { const v = column[i]; if (!(v === 0 || v === 1 || Number.isNaN(v))) { return false; } }
  return true;
}

/** numpy's median of the present values (mean of the two middle ones); 0 when there are none. */
function median(column: Float64Array): number {
  const present = column.filter((v) => !Number.isNaN(v)).sort();
  if (present.length === 0) { return 0; }
  const mid = present.length >> 1;
  return present.length % 2 === 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2;
}

/** The most frequent present code (the smallest among ties); 0 when there are none. */
function mostFrequent(column: Float64Array): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < column.length; i++) { const v = column[i]; if (!Number.isNaN(v)) { counts.set(v, (counts.get(v) ?? 0) + 1); } }
  let best = 0;
  let bestCount = 0;
  for (const [v, n] of counts) { if (n > bestCount || (n === bestCount && v < best)) { best = v; bestCount = n; } }
  return best;
}

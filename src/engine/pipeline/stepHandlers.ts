import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { DatePart, PipelineStep } from '../../shared/pipeline/types';
import { quantiles } from '../profile/quantiles';
import { isMissing, numericValues, valueCounts } from './frame';

type Row = Record<string, unknown>;
type Fitted = NonNullable<Extract<PipelineStep, { fitted?: unknown }>['fitted']>;

/** Learns a step's parameters from training rows (only for steps that learn). */
export function fitStep(step: PipelineStep, frame: ColumnTable): Fitted | undefined {
  switch (step.kind) {
    case 'impute': {
      const strategy = step.strategy;
      if (strategy === 'dropRows') { return undefined; }
      return Object.fromEntries(step.columns.map((c) => [c, imputeValue(strategy, step.value, frame, c)]));
    }
    case 'outliers':
      return Object.fromEntries(step.columns.map((c) => [c, fences(numericValues(frame, c), step.method, step.factor)]));
    case 'scale':
      return Object.fromEntries(step.columns.map((c) => [c, scaling(numericValues(frame, c), step.method)]));
    case 'encode':
      return Object.fromEntries(step.columns.map((c) => [c, encoding(frame, c, step.method, step.maxLevels)]));
    default:
      return undefined;
  }
}

/** Applies a (fitted) step to any rows: training, test, new data or a prediction request. */
export function applyStep(step: PipelineStep, frame: ColumnTable): ColumnTable {
  switch (step.kind) {
    case 'drop': return frame.select(aq.not(...step.columns));
    case 'rename': return frame.rename(step.mapping);
    case 'filter': return frame.filter(step.expression);
    case 'dedupe': return frame.dedupe();
    case 'derive': return frame.derive({ [step.column]: step.expression });
    case 'cast': {
      const column = step.column;
      // Text that is not a number becomes missing, as pandas' to_numeric(errors='coerce').
      return frame.derive({ [column]: aq.escape((d: Row) => (isMissing(d[column]) ? (step.to === 'number' ? NaN : null)
        : step.to === 'number' ? toNumber(d[column]) : textOf(d[column]))) });
    }
    case 'dateParts': {
      const column = step.column;
      const parts = Object.fromEntries(step.parts.map((part) => [`${column}_${part}`, aq.escape((d: Row) => datePart(d[column], part))]));
      const derived = frame.derive(parts);
      return step.drop ? derived.select(aq.not(column)) : derived;
    }
    case 'impute': {
      if (step.strategy === 'dropRows') {
        const columns = step.columns;
        return frame.filter(aq.escape((d: Row) => columns.every((c) => !isMissing(d[c]))));
      }
      const fitted = step.fitted as Record<string, number | string>;
      return frame.derive(Object.fromEntries(step.columns.map((c) => [c, aq.escape((d: Row) => (isMissing(d[c]) ? fitted[c] : d[c]))])));
    }
    case 'outliers': {
      const fitted = step.fitted as Record<string, [number, number]>;
      if (step.action === 'remove') {
        return frame.filter(aq.escape((d: Row) => step.columns.every((c) => isMissing(d[c]) || (Number(d[c]) >= fitted[c][0] && Number(d[c]) <= fitted[c][1]))));
      }
      return frame.derive(Object.fromEntries(step.columns.map((c) => [c, aq.escape((d: Row) => (isMissing(d[c]) ? d[c] : Math.min(fitted[c][1], Math.max(fitted[c][0], Number(d[c])))))])));
    }
    case 'scale': {
      const fitted = step.fitted as Record<string, { center: number; scale: number }>;
      return frame.derive(Object.fromEntries(step.columns.map((c) => [c, aq.escape((d: Row) => (isMissing(d[c]) ? NaN : (Number(d[c]) - fitted[c].center) / fitted[c].scale))])));
    }
    case 'encode':
      return encode(frame, step.columns, step.method, step.fitted as Record<string, string[] | Record<string, number>>);
  }
}

/** The names of the columns a step reads, to check them before running. */
export function columnsRead(step: PipelineStep): string[] {
  switch (step.kind) {
    case 'drop': case 'impute': case 'outliers': case 'scale': case 'encode': return step.columns;
    case 'cast': case 'dateParts': return [step.column];
    case 'rename': return Object.keys(step.mapping);
    default: return [];
  }
}

function imputeValue(strategy: 'mean' | 'median' | 'mostFrequent' | 'constant', value: number | string | undefined, frame: ColumnTable, column: string): number | string {
  if (strategy === 'constant') {
    if (value === undefined) { throw new Error('a constant to fill in is needed'); }
    return value;
  }
  if (strategy === 'mostFrequent') {
    const top = valueCounts(frame, column)[0];
    if (!top) { throw new Error(`${column} has no values to learn from`); }
    // A numeric column gets a number back; text keeps its text.
    const values = frame.array(column) as ArrayLike<unknown>;
    let first: unknown;
    for (let i = 0; i < values.length && isMissing(first); i++) { first = values[i]; }
    return typeof first === 'number' ? Number(top[0]) : top[0];
  }
  const values = numericValues(frame, column);
  if (values.length === 0) { throw new Error(`${column} has no numbers to learn from`); }
  if (strategy === 'mean') { return values.reduce((s, v) => s + v, 0) / values.length; }
  return quantiles(values, [0.5])[0];
}

/** Clipping/removal bounds: Q1 - k IQR .. Q3 + k IQR (k = 1.5), or mean -/+ k std (k = 3). */
function fences(values: Float64Array, method: 'iqr' | 'zscore', factor?: number): [number, number] {
  if (values.length === 0) { throw new Error('no numbers to learn from'); }
  if (method === 'iqr') {
    const k = factor ?? 1.5;
    const [q1, q3] = quantiles(values, [0.25, 0.75]);
    return [q1 - k * (q3 - q1), q3 + k * (q3 - q1)];
  }
  const k = factor ?? 3;
  const { mean, std } = moments(values);
  return [mean - k * std, mean + k * std];
}

/** As scikit-learn's scalers: StandardScaler (population std), MinMaxScaler, RobustScaler (median, IQR); a zero scale becomes 1. */
function scaling(values: Float64Array, method: 'standard' | 'minmax' | 'robust'): { center: number; scale: number } {
  if (values.length === 0) { throw new Error('no numbers to learn from'); }
  let center: number;
  let scale: number;
  if (method === 'standard') {
    ({ mean: center, std: scale } = moments(values));
  } else if (method === 'minmax') {
    center = values.reduce((m, v) => Math.min(m, v), Infinity);
    scale = values.reduce((m, v) => Math.max(m, v), -Infinity) - center;
  } else {
    const [q1, median, q3] = quantiles(Float64Array.from(values), [0.25, 0.5, 0.75]);
    center = median;
    scale = q3 - q1;
  }
  return { center, scale: scale === 0 ? 1 : scale };
}

function moments(values: Float64Array): { mean: number; std: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/** One-hot and ordinal learn the levels (the most frequent, up to maxLevels); frequency learns each level's share. */
function encoding(frame: ColumnTable, column: string, method: 'onehot' | 'ordinal' | 'frequency', maxLevels?: number): string[] | Record<string, number> {
  const counts = valueCounts(frame, column);
  if (method === 'frequency') {
    const total = counts.reduce((s, [, n]) => s + n, 0);
    return Object.fromEntries(counts.map(([v, n]) => [v, n / total]));
  }
  const levels = counts.slice(0, maxLevels ?? 50).map(([v]) => v);
  return method === 'ordinal' ? levels.sort() : levels;
}

function encode(frame: ColumnTable, columns: string[], method: 'onehot' | 'ordinal' | 'frequency', fitted: Record<string, string[] | Record<string, number>>): ColumnTable {
  if (method === 'onehot') {
    // A level unseen in training sets no indicator (scikit-learn's handle_unknown='ignore').
    const indicators: Record<string, unknown> = {};
    for (const c of columns) {
      for (const level of fitted[c] as string[]) { indicators[`${c}_${level}`] = aq.escape((d: Row) => (isMissing(d[c]) ? 0 : String(d[c]) === level ? 1 : 0)); }
    }
    return frame.derive(indicators as never).select(aq.not(...columns));
  }
  return frame.derive(Object.fromEntries(columns.map((c) => [c, aq.escape((d: Row) => {
    if (isMissing(d[c])) { return NaN; }
    if (method === 'ordinal') { return (fitted[c] as string[]).indexOf(String(d[c])); }
    return (fitted[c] as Record<string, number>)[String(d[c])] ?? 0;
  })])));
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') { return value; }
  const text = String(value).trim();
  return text === '' ? NaN : Number(text);
}

/** A number as text the way the reader writes it (1.0 reads as "1"). */
function textOf(value: unknown): string {
  return String(value);
}

/**
 * A part of a date written as text (ISO, as the reader's date type), in UTC; NaN when the cell is
 * not a date. weekday: Monday = 0 ... Sunday = 6, as pandas' dt.weekday.
 */
function datePart(value: unknown, part: DatePart): number {
  if (isMissing(value)) { return NaN; }
  const text = String(value);
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : /[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  if (Number.isNaN(time)) { return NaN; }
  const date = new Date(time);
  switch (part) {
    case 'year': return date.getUTCFullYear();
    case 'month': return date.getUTCMonth() + 1;
    case 'day': return date.getUTCDate();
    case 'weekday': return (date.getUTCDay() + 6) % 7;
    case 'hour': return date.getUTCHours();
  }
}

import type { HistogramBin } from '../../shared/profile/types';

const MAX_BINS = 30;

/** Equal-width bins over [start, start + bins * width); the last bin also takes the maximum. */
export interface BinShape { bins: number; start: number; width: number }

/**
 * The bins of a column's histogram (Sturges' count, at most 30; one bin per value for integers in
 * a narrow range), or undefined when there are no values or only one value (no width to divide).
 */
export function binShape(n: number, min: number, max: number, integral: boolean): BinShape | undefined {
  if (n === 0 || min === max) { return undefined; }
  const perInteger = integral && max - min + 1 <= MAX_BINS;
  const bins = perInteger ? max - min + 1 : Math.min(MAX_BINS, Math.ceil(Math.log2(n)) + 1);
  return { bins, start: perInteger ? min - 0.5 : min, width: perInteger ? 1 : (max - min) / bins };
}

/** The bin of a value; nondecreasing in the value, which lets counted columns find bin edges by bisection. */
export function binOf(v: number, shape: BinShape): number {
  const k = Math.floor((v - shape.start) / shape.width);
  return k >= shape.bins ? shape.bins - 1 : k;
}

/** The histogram from per-bin counts (or the single bin of a constant column, none for no values). */
export function histogramOf(shape: BinShape | undefined, counts: ArrayLike<number>, n: number, min: number, max: number): HistogramBin[] {
  if (!shape) { return n === 0 ? [] : [{ start: min, end: max, count: n }]; }
  const { start, width } = shape;
  return Array.from({ length: shape.bins }, (_, k) => ({ start: start + k * width, end: start + (k + 1) * width, count: counts[k] }));
}

/** A histogram counted value by value (the general path, for columns not counted by value). */
export function buildHistogram(values: Float64Array, min: number, max: number, integral: boolean): HistogramBin[] {
  const n = values.length;
  const shape = binShape(n, min, max, integral);
  if (!shape) { return histogramOf(shape, [], n, min, max); }
  const counts = new Uint32Array(shape.bins);
  const { bins, start, width } = shape;
  const last = bins - 1;
  for (let i = 0; i < n; i++) {
    const k = Math.floor((values[i] - start) / width);
    counts[k > last ? last : k]++;
  }
  return histogramOf(shape, counts, n, min, max);
}

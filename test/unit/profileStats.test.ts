import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HistogramBin, TopValue } from '../../src/shared/profile/types';
import { MISSING_CODE, NUMBER_CODE } from '../../src/engine/data/columnBuilder';
import type { ChunkedColumn } from '../../src/engine/profile/chunkedTable';
import { allPairs, pearsonMatrix, pearsonPairs } from '../../src/engine/profile/correlations';
import { countDistinct } from '../../src/engine/profile/distinctCounter';
import { countDuplicateRows } from '../../src/engine/profile/duplicates';
import { chunksNumericStats, numericStats } from '../../src/engine/profile/numericStats';
import { presentNumbers } from '../../src/engine/profile/chunkedTable';
import { quantiles } from '../../src/engine/profile/quantiles';
import { deriveSeed, seededRandom, shuffleInPlace } from '../../src/engine/random';

// The fast statistics (counting by value, histogram selection, partitioned hashing, blocked sums)
// against straightforward references: sort a copy, a Set, numpy's quantile rule, two-pass moments.

/** numpy's linear quantile of sorted values. */
function refQuantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lo = Math.floor(position);
  const t = position - lo;
  if (t === 0 || lo + 1 >= sorted.length) { return sorted[lo]; }
  const [a, b] = [sorted[lo], sorted[lo + 1]];
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

/** Everything numericStats reports, computed the plain way (moments with pandas' formulas). */
function reference(input: readonly number[], integral: boolean) {
  const values = input.map((v) => (v === 0 ? 0 : v));
  const sorted = [...values].sort((a, b) => a - b);
  const n = values.length;
  let sum = 0;
  for (const v of values) { sum += v; }
  const mean = sum / n;
  let [m2, m3, m4] = [0, 0, 0];
  for (const v of values) { const d = v - mean; m2 += d * d; m3 += d * d * d; m4 += d * d * d * d; }
  const noise = (x: number) => (Math.abs(x) < 1e-14 ? 0 : x);
  const skew = n < 3 ? NaN : noise(m2) === 0 ? 0 : (n * Math.sqrt(n - 1) / (n - 2)) * (noise(m3) / noise(m2) ** 1.5);
  const den = noise((n - 2) * (n - 3) * m2 ** 2);
  const kurtosis = n < 4 ? NaN : den === 0 ? 0 : noise(n * (n + 1) * (n - 1) * m4) / den - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  const [q25, median, q75] = [0.25, 0.5, 0.75].map((q) => refQuantile(sorted, q));
  const [min, max] = [sorted[0], sorted[n - 1]];
  const iqr = q75 - q25;
  const outliers = values.filter((v) => v < q25 - 1.5 * iqr || v > q75 + 1.5 * iqr).length;
  const histogram: HistogramBin[] = [];
  if (min === max) {
    histogram.push({ start: min, end: max, count: n });
  } else {
    const perInteger = integral && max - min + 1 <= 30;
    const bins = perInteger ? max - min + 1 : Math.min(30, Math.ceil(Math.log2(n)) + 1);
    const start = perInteger ? min - 0.5 : min;
    const width = perInteger ? 1 : (max - min) / bins;
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) { const k = Math.floor((v - start) / width); counts[Math.min(k, bins - 1)]++; }
    counts.forEach((count, k) => histogram.push({ start: start + k * width, end: start + (k + 1) * width, count }));
  }
  const byValue = new Map<number, number>();
  for (const v of sorted) { byValue.set(v, (byValue.get(v) ?? 0) + 1); }
  const top: TopValue[] = [...byValue].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 10).map(([v, count]) => ({ value: String(v), count }));
  return {
    mean, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN, skew, kurtosis, min, max, q25, median, q75, outliers, histogram,
    zeros: values.filter((v) => v === 0).length, negatives: values.filter((v) => v < 0).length, distinct: new Set(values).size,
    top: integral && byValue.size <= 20 ? top : undefined,
  };
}

function relClose(actual: number, expected: number, what: string): void {
  if (Number.isNaN(expected)) { assert.ok(Number.isNaN(actual), `${what}: expected NaN, got ${actual}`); return; }
  assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

function checkStats(values: readonly number[], integral: boolean, hint: number, what: string): void {
  const expected = reference(values, integral);
  const actual = numericStats(Float64Array.from(values), integral, hint);
  for (const key of ['mean', 'std', 'skew', 'kurtosis'] as const) { relClose(actual[key], expected[key], `${what}: ${key}`); }
  for (const key of ['min', 'max', 'q25', 'median', 'q75', 'outliers', 'zeros', 'negatives', 'distinct'] as const) {
    assert.ok(Object.is(actual[key], expected[key]), `${what}: ${key} is ${actual[key]}, expected ${expected[key]}`);
  }
  assert.deepEqual(actual.histogram, expected.histogram, `${what}: histogram`);
  assert.deepEqual(actual.top, expected.top, `${what}: top values`);
}

/** n values drawn by `draw` from a generator seeded by the name. */
function column(name: string, n: number, draw: (random: () => number) => number): number[] {
  const random = seededRandom(deriveSeed(7, name));
  return Array.from({ length: n }, () => draw(random));
}

const fixed = (decimals: number, scale: number, offset = 0) => (r: () => number) => Number(((r() * scale) + offset).toFixed(decimals));
const normal = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

describe('numericStats equals the plain computation', () => {
  // Sizes on both sides of the thresholds: 2^15 values for selection by histogram and partitioned hashing.
  const shapes: [string, number, boolean, number, (r: () => number) => number][] = [
    ['integers 0-9', 50000, true, 0, (r) => Math.floor(r() * 10)],
    ['integers 18-90', 3000, true, 0, (r) => 18 + Math.floor(r() * 73)],
    ['integers, wide signed', 40000, true, 0, (r) => Math.floor(r() * 2000001) - 1000000],
    ['integers 0-2^31', 40000, true, 0, (r) => Math.floor(r() * 2147483647)],
    ['integers 0-2^31, few values', 40000, true, 0, (r) => [0, 7, 2 ** 31 - 1][Math.floor(r() * 3)]],
    ['integers 0 or 600000', 40000, true, 0, (r) => (r() < 0.3 ? 0 : 600000)],
    ['skewed counts', 40000, true, 0, (r) => Math.floor(Math.exp(1.5 + 1.2 * normal(r)))],
    ['1 decimal', 2000, false, 1, fixed(1, 10)],
    ['2 decimals, heavy tail', 40000, false, 2, (r) => Number(Math.exp(10.5 + 2 * normal(r)).toFixed(2))],
    ['3 decimals around 0', 40000, false, 3, fixed(3, 2000, -1000)],
    ['4 decimals, normal', 40000, false, 4, (r) => Number(normal(r).toFixed(4))],
    ['5 decimals', 5000, false, 5, fixed(5, 3, -1)],
    ['6 decimals in [0, 1)', 40000, false, 6, fixed(6, 1)],
    ['6 decimals, wide', 40000, false, 6, fixed(6, 1e4)],
    ['exponents', 40000, false, Infinity, (r) => (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20)],
    ['full doubles', 1000, false, Infinity, (r) => r() * 1e3],
  ];
  for (const [name, n, integral, decimals, draw] of shapes) {
    it(name, () => {
      const values = column(name, n, draw);
      checkStats(values, integral, decimals, `${name}, right hint`);
      checkStats(values, integral, Infinity, `${name}, no hint`);
      if (decimals > 0 && decimals < Infinity) { checkStats(values, integral, decimals - 1, `${name}, hint one decimal short`); }
      if (decimals === 0) { checkStats(values, false, 0, `${name}, as floats with 0 decimals`); }
      checkStats(values, integral, 12, `${name}, hint too large`);
    });
  }

  it('zero and minus zero are one value; negatives, constants and tiny columns', () => {
    const zeros = column('signed zeros', 40000, (r) => [0, -0, 1.5, -2.25][Math.floor(r() * 4)]);
    checkStats(zeros, false, 2, 'signed zeros');
    checkStats(zeros.slice(0, 500), false, 2, 'signed zeros, few');
    checkStats(new Array<number>(40000).fill(-3.7), false, 1, 'a constant');
    checkStats([0.1, 0.1, 0.1, 0.1, 0.1], false, 1, 'a short constant');
    for (const values of [[4], [-1, 2], [1e150, -1e150, 0.5], [2.5, 2.5, -0]]) {
      checkStats(values, false, Infinity, `${values.length} values`);
      checkStats(values, false, 1, `${values.length} values, hint 1`);
    }
    checkStats([3, -0, 0, 3], true, 0, 'integers with minus zero');
    checkStats([-0, -0, -0, 1, -1], false, Infinity, 'a median of minus zero');
    checkStats(column('many minus zeros', 40000, (r) => (r() < 0.6 ? -0 : r() - 0.5)), false, Infinity, 'many minus zeros');
  });

  it('the counted path and the general path agree when the hint is wrong in the middle of a column', () => {
    // Two decimals everywhere but one value, far into the column: counting starts and must give up.
    const values = column('late surprise', 40000, fixed(2, 100));
    values[39000] = 12.345;
    checkStats(values, false, 2, 'one value with three decimals');
    const exact = numericStats(Float64Array.from(values), false, 3);
    assert.deepEqual(numericStats(Float64Array.from(values), false, 2), exact);
  });

  it('quantiles (kept for the pipeline) still interpolate as numpy does', () => {
    const values = column('quantiles', 1001, (r) => r() * 7);
    const sorted = [...values].sort((a, b) => a - b);
    assert.deepEqual(quantiles(Float64Array.from(values), [0.1, 0.5, 0.9, 1]), [0.1, 0.5, 0.9, 1].map((q) => refQuantile(sorted, q)));
  });

  it('countDistinct counts by value, partitioned or not', () => {
    for (const n of [10, 5000, 100000]) {
      const values = column(`distinct ${n}`, n, (r) => Math.floor(r() * n) / 4);
      values[0] = -0;
      values[1] = 0;
      assert.equal(countDistinct(Float64Array.from(values)), new Set(values).size, `${n} values`);
    }
  });
});

/** A column cut into chunks at the given row indices. */
function chunksOf(values: readonly number[], cuts: readonly number[]): Float64Array[] {
  const edges = [0, ...cuts, values.length];
  return edges.slice(1).map((end, i) => Float64Array.from(values.slice(edges[i], end)));
}

/** Pearson r over the rows where both are present, two-pass; null for fewer than 2 rows or a column constant there. */
function refPearson(x: readonly number[], y: readonly number[]): number | null {
  const rows = x.map((_, i) => i).filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]));
  if (rows.length < 2) { return null; }
  const xs = rows.map((i) => x[i]);
  const ys = rows.map((i) => y[i]);
  if (xs.every((v) => v === xs[0]) || ys.every((v) => v === ys[0])) { return null; }
  // Means corrected by a second pass: a column far from 0 (1e9 + noise) would otherwise lose digits here.
  const meanOf = (v: number[]) => { const m = v.reduce((a, b) => a + b, 0) / v.length; return m + v.reduce((a, b) => a + (b - m), 0) / v.length; };
  const [mx, my] = [meanOf(xs), meanOf(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  xs.forEach((v, k) => { sxy += (v - mx) * (ys[k] - my); sxx += (v - mx) ** 2; syy += (ys[k] - my) ** 2; });
  return sxy / Math.sqrt(sxx * syy);
}

describe('pearsonPairs equals the pairwise-complete two-pass r', () => {
  const n = 9000;
  const random = seededRandom(11);
  const base = Array.from({ length: n }, () => normal(random));
  const holes = (rate: number, values: number[]) => values.map((v) => (random() < rate ? NaN : v));
  const columns: number[][] = [
    holes(0.02, base.map((v) => 50 + 10 * v)),
    holes(0.1, base.map((v) => -3 * v + normal(random))),
    holes(0.3, base.map((v) => 1e9 + v + 0.001 * normal(random))),
    base.map((_, i) => i * 0.5),
    holes(0.05, base.map(() => random() * 100)),
    new Array<number>(n).fill(NaN),
    holes(0.05, new Array<number>(n).fill(2.5)),
    // Constant wherever column 0 is present; varies only where column 0 is missing.
    holes(0, base.map(() => 7)),
    holes(0.5, base.map((v) => Math.round(v * 2))),
  ];
  columns[7] = columns[7].map((v, i) => (Number.isNaN(columns[0][i]) ? i : v));
  columns[5][123] = 4;

  const check = (cuts: number[], pairs: [number, number][]) => {
    const chunked = columns.map((c) => chunksOf(c, cuts));
    const r = pearsonPairs(chunked, pairs);
    pairs.forEach(([a, b], q) => {
      const expected = a === b ? (new Set(columns[a].filter((v) => !Number.isNaN(v))).size > 1 ? 1 : null) : refPearson(columns[a], columns[b]);
      const at = `columns ${a}, ${b} (chunks cut at ${cuts.join(', ') || 'nowhere'})`;
      if (expected === null) { assert.equal(r[q], null, at); return; }
      assert.ok(r[q] !== null && Math.abs(r[q]! - expected) <= 1e-12, `${at}: ${r[q]} vs ${expected}`);
    });
    return r;
  };

  it('every pair, in one to three chunks, with the same bits however the rows are cut', () => {
    const pairs = allPairs(columns.length);
    const whole = check([], pairs);
    assert.deepEqual(check([4000], pairs), whole);
    assert.deepEqual(check([1, 2047, 6100], pairs), whole);
    assert.equal(whole[pairs.findIndex(([a, b]) => a === 0 && b === 7)], null, 'constant on the pair');
    assert.ok(whole[pairs.findIndex(([a, b]) => a === 0 && b === 1)]! < -0.9);
  });

  it('a subset of the pairs, in any order, gives the same values as all pairs', () => {
    const pairs = allPairs(columns.length);
    const all = pearsonPairs(columns.map((c) => [Float64Array.from(c)]), pairs);
    const some: [number, number][] = [[2, 3], [0, 0], [5, 5], [1, 8], [0, 4]];
    const r = check([3000], some);
    some.forEach(([a, b], q) => { assert.equal(r[q], all[pairs.findIndex(([x, y]) => x === a && y === b)]); });
    assert.deepEqual(pearsonMatrix([[Float64Array.of(1, 2, 3)], [Float64Array.of(2, 4, 7)]]).map((row) => row.map((v) => v !== null)), [[true, true], [true, true]]);
    assert.deepEqual(pearsonPairs([], []), []);
  });
});

/** A table of chunked columns from cells: numbers, texts (dictionary-coded) or undefined (missing). */
function table(cells: readonly (number | string | undefined)[][], cuts: readonly number[]): ChunkedColumn[] {
  return cells[0].map((_, j) => {
    const dictionary: string[] = [];
    const values = cells.map((row) => row[j]);
    const hasText = values.some((v) => typeof v === 'string');
    const edges = [0, ...cuts, values.length];
    const chunks = edges.slice(1).map((end, i) => {
      const part = values.slice(edges[i], end);
      const numbers = Float64Array.from(part, (v) => (typeof v === 'number' ? v : NaN));
      // A chunk where the column is all missing has no codes, as a reading thread would leave it.
      const codes = hasText && part.some((v) => v !== undefined) ? Int32Array.from(part, (v) => {
        if (typeof v !== 'string') { return v === undefined ? MISSING_CODE : NUMBER_CODE; }
        if (!dictionary.includes(v)) { dictionary.push(v); }
        return dictionary.indexOf(v);
      }) : undefined;
      return { numbers, codes };
    });
    const numericCount = values.filter((v) => typeof v === 'number').length;
    const textCount = values.filter((v) => typeof v === 'string').length;
    return { name: `c${j}`, chunks, dictionary, numericCount, textCount, missingCount: values.length - numericCount - textCount, allIntegral: false, maxDecimals: Infinity };
  });
}

function refDuplicates(cells: readonly (number | string | undefined)[][]): number {
  const key = (v: number | string | undefined) => (v === undefined ? 'M' : typeof v === 'string' ? `T${v}` : `N${String(v)}`);
  return cells.length - new Set(cells.map((row) => row.map(key).join('|'))).size;
}

describe('countDuplicateRows equals counting rows by their cells', () => {
  const make = (n: number, pool: number, seed: number, texts = true): (number | string | undefined)[][] => {
    const random = seededRandom(seed);
    const rows = Array.from({ length: pool }, () => [
      random() < 0.1 ? undefined : Math.floor(random() * 3),
      random() < 0.1 ? undefined : [0, -0, 1.5][Math.floor(random() * 3)],
      texts ? (random() < 0.1 ? undefined : ['a', 'b', 'c'][Math.floor(random() * 3)]) : random(),
      random() < 0.5 ? `t${Math.floor(random() * 2)}` : random() < 0.5 ? undefined : Math.floor(random() * 2),
      random() * 1e6,
    ]);
    // Some rows repeat a row of the pool exactly; the rest are new.
    return Array.from({ length: n }, (_, i) => (i < pool ? rows[i] : rows[Math.floor(random() * pool)].map((v, j) => (j === 4 && random() < 0.5 ? random() : v))));
  };

  it('small tables, in one to three chunks', () => {
    const cells = make(5000, 3000, 1);
    // Repeats that differ only in the sign of a zero are still repeats.
    cells.forEach((row, i) => { if (i >= 3000 && row[1] === 0) { row[1] = Object.is(row[1], -0) ? 0 : -0; } });
    const expected = refDuplicates(cells);
    assert.ok(expected > 500);
    for (const cuts of [[], [2500], [7, 2049, 4000]]) { assert.equal(countDuplicateRows(table(cells, cuts), cells.length), expected, `cut at ${cuts}`); }
    assert.equal(countDuplicateRows([], 0), 0);
  });

  it('large tables: first narrowed to the most varied columns, with or without duplicates', () => {
    const unique = make(70000, 70000, 2, false);
    assert.equal(refDuplicates(unique), 0);
    assert.equal(countDuplicateRows(table(unique, [30000]), unique.length), 0);
    const few = unique.map((row) => [...row]);
    for (let i = 0; i < 300; i++) { few[60000 + i] = [...few[i * 7]]; }
    // Rows equal on the varied columns but not on others must not count.
    for (let i = 0; i < 300; i++) { few[50000 + i] = [...few[i * 11]]; few[50000 + i][0] = 'other'; }
    shuffleInPlace(few, seededRandom(5));
    assert.equal(countDuplicateRows(table(few, [35000, 35001]), few.length), refDuplicates(few));
    const many = make(70000, 20000, 3);
    assert.equal(countDuplicateRows(table(many, [40000]), many.length), refDuplicates(many));
  });
});

describe('chunksNumericStats (gathering and first pass fused) equals numericStats of the gathered values', () => {
  it('agrees on chunked columns with missing cells, -0 and 0, with and without a scratch', () => {
    const random = seededRandom(11);
    for (let t = 0; t < 40; t++) {
      const chunks = Array.from({ length: 1 + (t % 3) }, () => ({
        numbers: Float64Array.from({ length: Math.floor(random() * 300) }, () => {
          const r = random();
          return r < 0.1 ? NaN : r < 0.15 ? -0 : r < 0.2 ? 0 : Math.round((random() - 0.5) * 1e5) / 100;
        }),
        codes: undefined,
      }));
      if (presentNumbers(chunks).length === 0) { continue; }
      const expected = numericStats(presentNumbers(chunks), false, 2);
      assert.deepEqual(chunksNumericStats(chunks, false, 2), expected);
      assert.deepEqual(chunksNumericStats(chunks, false, 2, new Float64Array(1000)), expected);
    }
  });
});

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { profileFile } from '../../src/engine/profile/profileFile';
import type { ColumnProfile } from '../../src/shared/profile/types';
import { ROOT } from './tempDir';

// Every number of our exact profile against pandas 1.5.3 on every sample dataset (fixtures made
// with Debian's pandas; see each file's `conventions`). The fixtures round to 12 significant
// digits, so 1e-9 relative is a tight check. Deliberate differences: our `distinct` and `top`
// count a mixed column's numbers by value; none of the sample datasets has such a column.

interface PandasColumn {
  count: number; missing: number; n_unique: number; kind: 'numeric' | 'categorical' | string;
  mean?: number; std?: number; min?: number; q25?: number; median?: number; q75?: number; max?: number;
  skewness?: number | null; kurtosis?: number | null; n_zeros?: number; outliers_iqr?: number;
  top?: string; top_freq?: number; top10?: [string, number][];
}
interface PandasProfile {
  rows: number; columns: number; missing_cells: number; rows_with_missing: number; duplicate_rows: number;
  column_order: string[]; columns_profile: Record<string, PandasColumn>; pearson: { columns: string[]; matrix: (number | null)[][] };
}

const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function close(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  if (expected === null || expected === undefined) {
    assert.ok(actual === null || actual === undefined || Number.isNaN(actual), `${what}: expected no value, got ${actual}`);
    return;
  }
  assert.ok(typeof actual === 'number', `${what}: expected ${expected}, got ${actual}`);
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} differs from pandas' ${expected}`);
}

function checkNumeric(ours: ColumnProfile, theirs: PandasColumn, at: string): void {
  for (const [key, ourKey] of [['mean', 'mean'], ['std', 'std'], ['min', 'min'], ['q25', 'q25'], ['median', 'median'], ['q75', 'q75'],
    ['max', 'max'], ['skewness', 'skew'], ['kurtosis', 'kurtosis']] as const) {
    close(ours[ourKey] as number | undefined, theirs[key], `${at}.${key}`);
  }
  assert.equal(ours.zeros, theirs.n_zeros, `${at}.zeros`);
  assert.equal(ours.outliers, theirs.outliers_iqr, `${at}.outliers`);
}

function checkCategorical(ours: ColumnProfile, theirs: PandasColumn, at: string): void {
  const top10 = theirs.top10 ?? [];
  assert.equal(ours.top?.[0]?.count, theirs.top_freq, `${at}: count of the top value`);
  assert.deepEqual(ours.top?.map((t) => t.count), top10.map(([, c]) => c), `${at}: counts of the top values`);
  // With ties pandas' order among equals is its hash order; compare values only where counts differ.
  const unambiguous = top10.filter(([, c]) => top10.filter(([, d]) => d === c).length === 1).map(([v]) => v);
  for (const value of unambiguous) { assert.ok(ours.top?.some((t) => t.value === value), `${at}: top value ${value}`); }
}

describe('profile numbers equal pandas on every sample dataset', () => {
  for (const file of readdirSync(path.join(FIXTURES, 'profiles-pandas')).filter((f) => f.endsWith('.json')).sort()) {
    const name = file.replace(/\.json$/, '');
    it(name, async () => {
      const pandas = JSON.parse(readFileSync(path.join(FIXTURES, 'profiles-pandas', file), 'utf8')) as PandasProfile;
      const ours = await profileFile({ path: path.join(FIXTURES, 'datasets', `${name}.csv`), mode: 'full' });
      assert.equal(ours.sampled, false);
      assert.equal(ours.rows, pandas.rows);
      assert.deepEqual(ours.columns.map((c) => c.name), pandas.column_order);
      assert.equal(ours.missingCells, pandas.missing_cells);
      assert.equal(ours.rowsWithMissing, pandas.rows_with_missing);
      assert.equal(ours.duplicateRows, pandas.duplicate_rows);
      assert.deepEqual(ours.problems, []);
      for (const column of ours.columns) {
        const theirs = pandas.columns_profile[column.name];
        const at = `${name}.${column.name}`;
        assert.equal(column.count, theirs.count, `${at}.count`);
        assert.equal(column.missing, theirs.missing, `${at}.missing`);
        assert.equal(column.distinct, theirs.n_unique, `${at}.distinct`);
        if (theirs.kind === 'numeric') { checkNumeric(column, theirs, at); } else { checkCategorical(column, theirs, at); }
      }
      assert.deepEqual(ours.correlations.columns, pandas.pearson.columns);
      pandas.pearson.matrix.forEach((row, i) => row.forEach((r, j) => close(ours.correlations.pearson[i][j], r, `${name} pearson[${i}][${j}]`)));
    });
  }
});

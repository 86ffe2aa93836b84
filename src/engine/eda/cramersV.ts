import type { CategoryCodes } from './columnRoles';

/** Counts of rows per (level of a, level of b); rows where either is missing are left out. */
export function contingencyTable(a: CategoryCodes, b: CategoryCodes): number[][] {
  const table = a.levels.map(() => new Array<number>(b.levels.length).fill(0));
  for (let i = 0; i < a.codes.length; i++) {
    const x = a.codes[i];
    const y = b.codes[i];
    if (x >= 0 && y >= 0) { table[x][y]++; }
  }
  return table;
}

/**
 * Cramér's V of a contingency table: sqrt(chi² / n / (min(rows, columns) - 1)) over the levels that
 * occur, without bias correction (as scipy's `association(method="cramer")`). Null when either
 * side has fewer than two levels, where association is undefined.
 */
export function cramersV(table: readonly (readonly number[])[]): number | null {
  const rowSums = table.map((r) => r.reduce((s, v) => s + v, 0));
  const colSums = (table[0] ?? []).map((_, j) => table.reduce((s, r) => s + r[j], 0));
  const rows = rowSums.map((s, i) => (s > 0 ? i : -1)).filter((i) => i >= 0);
  const cols = colSums.map((s, j) => (s > 0 ? j : -1)).filter((j) => j >= 0);
  const n = rowSums.reduce((s, v) => s + v, 0);
  const k = Math.min(rows.length, cols.length) - 1;
  if (k < 1 || n === 0) { return null; }
  let chi2 = 0;
  for (const i of rows) {
    for (const j of cols) {
      const expected = (rowSums[i] * colSums[j]) / n;
      const d = table[i][j] - expected;
      chi2 += (d * d) / expected;
    }
  }
  return Math.sqrt(chi2 / n / k);
}

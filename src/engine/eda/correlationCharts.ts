import type { EdaChart } from '../../shared/eda/types';
import { categoryCodes, roleOf } from './columnRoles';
import type { CategoryCodes } from './columnRoles';
import { contingencyTable, cramersV } from './cramersV';
import { num } from './edaTable';
import type { EdaTable } from './edaTable';
import { heatmapSpec } from './specs';

/** Pearson correlations of the numeric columns (from the profile) and Cramér's V of the categorical ones. */
export function correlationCharts(t: EdaTable): EdaChart[] {
  const charts: EdaChart[] = [];
  const pearson = pearsonChart(t);
  if (pearson) { charts.push(pearson); }
  const association = associationChart(t);
  if (association) { charts.push(association); }
  return charts;
}

function pearsonChart(t: EdaTable): EdaChart | undefined {
  const { columns, pearson } = t.profile.correlations;
  if (columns.length < 2) { return undefined; }
  const cells = columns.flatMap((a, i) => columns.map((b, j) => ({ a, b, value: pearson[i][j] ?? 0 })));
  const strongest = strongestPair(columns, (i, j) => pearson[i][j]);
  const answer = strongest
    ? `Strongest linear relation: ${strongest.a} and ${strongest.b} (r = ${num(strongest.value)})${Math.abs(strongest.value) >= 0.9 ? ': nearly redundant, consider keeping one' : ''}.`
    : 'No pair of numeric columns could be correlated.';
  return { id: 'correlation', kind: 'correlation', title: 'Correlation of numeric columns (Pearson)', spec: heatmapSpec(cells, columns, 'r', [-1, 1], 'redblue', '.2f'), answer };
}

function associationChart(t: EdaTable): EdaChart | undefined {
  const picked = t.profile.columns.map((c, i) => ({ c, i })).filter(({ c }) => roleOf(c) === 'categorical' && c.distinct >= 2);
  if (picked.length < 2) { return undefined; }
  const names = picked.map(({ c }) => c.name);
  const codes: CategoryCodes[] = picked.map(({ i }) => categoryCodes(t.table.columns[i]));
  const v = codes.map((a, x) => codes.map((b, y) => (x === y ? 1 : y < x ? null : cramersV(contingencyTable(a, b)))));
  const value = (x: number, y: number): number | null => (y < x ? v[y][x] : v[x][y]);
  const cells = names.flatMap((a, x) => names.map((b, y) => ({ a, b, value: value(x, y) ?? 0 })));
  const strongest = strongestPair(names, value);
  const answer = strongest
    ? `Strongest association between categories: ${strongest.a} and ${strongest.b} (Cramér's V = ${num(strongest.value)}; 0 is none, 1 is one determines the other).`
    : 'No pair of categorical columns could be compared.';
  return { id: 'association', kind: 'association', title: "Association of categorical columns (Cramér's V)", spec: heatmapSpec(cells, names, "Cramér's V", [0, 1], 'blues', '.2f'), answer };
}

function strongestPair(names: string[], value: (i: number, j: number) => number | null): { a: string; b: string; value: number } | undefined {
  let best: { a: string; b: string; value: number } | undefined;
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const r = value(i, j);
      if (r !== null && !Number.isNaN(r) && (!best || Math.abs(r) > Math.abs(best.value))) { best = { a: names[i], b: names[j], value: r }; }
    }
  }
  return best;
}

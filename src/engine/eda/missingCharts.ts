import type { EdaChart } from '../../shared/eda/types';
import { missingMask } from './columnRoles';
import { pct } from './edaTable';
import type { EdaTable } from './edaTable';
import { barSpec, heatmapSpec } from './specs';

/** Columns with more missing columns than this get no co-occurrence chart beyond the first ones. */
const MAX_PAIR_COLUMNS = 30;

/** The missing share of every column, and how often columns are missing in the same rows. */
export function missingCharts(t: EdaTable): EdaChart[] {
  const { profile } = t;
  const rows = profile.rows;
  const withMissing = profile.columns.filter((c) => c.missing > 0);
  const shares = profile.columns.map((c) => ({ label: c.name, value: rows === 0 ? 0 : c.missing / rows }));
  const answer = withMissing.length === 0
    ? 'No cell is missing.'
    : `${withMissing.length} of ${profile.columns.length} columns have missing cells: ${withMissing.map((c) => `${c.name} ${pct(c.missing, rows)}`).join(', ')}; ${profile.rowsWithMissing} rows (${pct(profile.rowsWithMissing, rows)}) miss at least one.`;
  const charts: EdaChart[] = [{ id: 'missing', kind: 'missing', title: 'Missing values per column', spec: barSpec(shares, 'share missing', 'column', '%'), answer }];
  const pairs = missingPairsChart(t);
  if (pairs) { charts.push(pairs); }
  return charts;
}

/** For the columns with missing cells: the rows that miss both of each pair (the diagonal: each column alone). */
function missingPairsChart(t: EdaTable): EdaChart | undefined {
  const indices = t.profile.columns.map((c, i) => (c.missing > 0 ? i : -1)).filter((i) => i >= 0).slice(0, MAX_PAIR_COLUMNS);
  if (indices.length === 0) { return undefined; }
  const names = indices.map((i) => t.profile.columns[i].name);
  const masks = indices.map((i) => missingMask(t.table.columns[i]));
  const cells: { a: string; b: string; value: number }[] = [];
  let most = { a: '', b: '', value: 0 };
  for (let x = 0; x < masks.length; x++) {
    for (let y = 0; y < masks.length; y++) {
      let both = 0;
      if (y >= x) {
        const mx = masks[x];
        const my = masks[y];
        for (let i = 0; i < mx.length; i++) { both += mx[i] & my[i]; }
      } else {
        both = cells[y * masks.length + x].value;
      }
      cells.push({ a: names[x], b: names[y], value: both });
      if (x < y && both > most.value) { most = { a: names[x], b: names[y], value: both }; }
    }
  }
  const answer = names.length === 1
    ? `Only ${names[0]} has missing cells (${t.profile.columns[indices[0]].missing} rows): nothing is missing together.`
    : most.value === 0
      ? `No row misses two of ${names.join(', ')} at once: the gaps are unrelated.`
      : `${most.a} and ${most.b} are both missing in ${most.value} rows, the most of any pair: their gaps may share a cause.`;
  const max = Math.max(1, ...cells.map((c) => c.value));
  return { id: 'missingPairs', kind: 'missingPairs', title: 'Missing together (rows missing both columns)', spec: heatmapSpec(cells, names, 'rows', [0, max], 'oranges', 'd'), answer };
}

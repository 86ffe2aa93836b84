import type { ColumnProfile, ProfileAlert } from '../../shared/profile/types';

// ydata-profiling's default thresholds, so alerts mean what its users expect.
const CARDINALITY = 50;
const SKEWNESS = 20;
const IMBALANCE = 0.5;
const CORRELATION = 0.9;
const SHARE = 0.01;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Alerts for the columns, their correlations and duplicate rows. */
export function profileAlerts(columns: readonly ColumnProfile[], rows: number, duplicateRows: number,
  correlations: { columns: string[]; pearson: (number | null)[][] }): ProfileAlert[] {
  const alerts: ProfileAlert[] = [];
  const add = (column: string | null, kind: ProfileAlert['kind'], message: string) => alerts.push({ column, kind, message });
  for (const c of columns) {
    if (c.count > 0 && c.distinct === 1) { add(c.name, 'constant', `${c.name} has a constant value`); }
    if ((c.type === 'categorical' || c.type === 'text') && c.distinct > CARDINALITY) { add(c.name, 'highCardinality', `${c.name} has a high cardinality: ${c.distinct} distinct values`); }
    if (c.count > 1 && c.distinct === c.count && c.missing === 0 && c.type !== 'float') { add(c.name, 'unique', `${c.name} has unique values (ID-like)`); }
    if (c.skew !== undefined && Math.abs(c.skew) > SKEWNESS) { add(c.name, 'skewed', `${c.name} is highly skewed (γ1 = ${c.skew.toFixed(1)})`); }
    if (rows > 0 && c.missing / rows > SHARE) { add(c.name, 'missing', `${c.name} has ${c.missing} (${pct(c.missing / rows)}) missing values`); }
    if (c.zeros !== undefined && c.count > 0 && c.zeros / c.count > SHARE) { add(c.name, 'zeros', `${c.name} has ${c.zeros} (${pct(c.zeros / c.count)}) zeros`); }
    const imbalance = imbalanceOf(c);
    if (imbalance !== undefined && imbalance > IMBALANCE) { add(c.name, 'imbalanced', `${c.name} is highly imbalanced (${pct(imbalance)})`); }
  }
  const names = correlations.columns;
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      const r = correlations.pearson[a][b];
      if (r !== null && Math.abs(r) > CORRELATION) { add(names[a], 'highCorrelation', `${names[a]} is highly correlated with ${names[b]} (r = ${r.toFixed(3)})`); }
    }
  }
  if (duplicateRows > 0) { add(null, 'duplicates', `Dataset has ${duplicateRows} (${pct(duplicateRows / rows)}) duplicate rows`); }
  return alerts;
}

/** 1 - entropy / log(classes) over a categorical column's values (ydata-profiling's measure). */
function imbalanceOf(c: ColumnProfile): number | undefined {
  if (!(c.type === 'categorical' || c.type === 'boolean') || !c.top || c.distinct < 2 || c.distinct > CARDINALITY || c.count === 0) { return undefined; }
  // top holds at most 10 values; beyond that the tail is spread evenly (a small underestimate).
  const listed = c.top.reduce((s, t) => s + t.count, 0);
  const rest = c.distinct - c.top.length;
  const shares = c.top.map((t) => t.count / c.count);
  if (rest > 0) { for (let i = 0; i < rest; i++) { shares.push((c.count - listed) / rest / c.count); } }
  const entropy = -shares.reduce((s, p) => (p > 0 ? s + p * Math.log(p) : s), 0);
  return 1 - entropy / Math.log(c.distinct);
}

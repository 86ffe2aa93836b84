import type { EdaChart } from '../../shared/eda/types';
import type { ColumnProfile } from '../../shared/profile/types';
import { boxStats } from './boxStats';
import type { BoxStats } from './boxStats';
import { categoryCodes, MAX_LEVELS, roleOf } from './columnRoles';
import type { CategoryCodes } from './columnRoles';
import { contingencyTable } from './cramersV';
import { features, num, pct } from './edaTable';
import type { EdaTable } from './edaTable';
import { barSpec, binnedScatterSpec, boxPlotSpec, histogramSpec, stackedShareSpec } from './specs';

const POSITIVE = new Set(['yes', 'y', 'true', 't', '1', 'positive', 'pos']);

/** The target's distribution, then each feature against the target. */
export function targetCharts(t: EdaTable): EdaChart[] {
  if (t.target < 0) { return []; }
  const target = t.profile.columns[t.target];
  if (t.task === 'regression') {
    const y = t.table.columns[t.target].finish().numbers;
    const charts: EdaChart[] = [];
    if (target.histogram) {
      charts.push({ id: `target:${target.name}`, kind: 'target', title: `Target ${target.name}`, column: target.name, spec: histogramSpec(target.histogram, target.name),
        answer: `The target ${target.name} ranges from ${num(target.min as number)} to ${num(target.max as number)} (mean ${num(target.mean)}, median ${num(target.median)}, skew ${num(target.skew)}).` });
    }
    for (const { index, column } of features(t)) {
      const chart = regressionFeatureChart(t, index, column, y, target.name);
      if (chart) { charts.push(chart); }
    }
    return charts;
  }
  const classes = categoryCodes(t.table.columns[t.target]);
  if (classes.levels.length > MAX_LEVELS) { return []; }
  const counts = classes.levels.map(() => 0);
  for (const c of classes.codes) { if (c >= 0) { counts[c]++; } }
  const total = counts.reduce((s, c) => s + c, 0);
  const order = counts.map((_, k) => k).filter((k) => counts[k] > 0).sort((a, b) => counts[b] - counts[a]);
  const charts: EdaChart[] = [{
    id: `target:${target.name}`, kind: 'target', title: `Target ${target.name}`, column: target.name,
    spec: barSpec(order.map((k) => ({ label: classes.levels[k], value: counts[k] })), 'rows', target.name),
    answer: `${order.length} classes: ${order.map((k) => `"${classes.levels[k]}" ${pct(counts[k], total)}`).join(', ')}. Always guessing "${classes.levels[order[0]]}" is right ${pct(counts[order[0]], total)} of the time: the baseline to beat.`,
  }];
  for (const { index, column } of features(t)) {
    const chart = classificationFeatureChart(t, index, column, classes, order, target.name);
    if (chart) { charts.push(chart); }
  }
  return charts;
}

function classificationFeatureChart(t: EdaTable, index: number, c: ColumnProfile, classes: CategoryCodes, order: number[], targetName: string): EdaChart | undefined {
  const role = roleOf(c);
  const id = `featureTarget:${c.name}`;
  const title = `${c.name} by ${targetName}`;
  if (role === 'numeric' && c.type !== 'id') {
    const x = t.table.columns[index].finish().numbers;
    const groups = order.flatMap((k) => {
      const values: number[] = [];
      for (let i = 0; i < x.length; i++) { if (classes.codes[i] === k && x[i] === x[i]) { values.push(x[i]); } }
      const stats = boxStats(Float64Array.from(values));
      return stats ? [{ group: classes.levels[k], stats }] : [];
    });
    if (groups.length === 0) { return undefined; }
    return { id, kind: 'featureTarget', title, column: c.name, spec: boxPlotSpec(groups, c.name, targetName), answer: boxAnswer(c.name, groups) };
  }
  if (role !== 'categorical') { return undefined; }
  const feature = categoryCodes(t.table.columns[index]);
  const table = contingencyTable(feature, classes);
  const present = feature.levels.map((_, f) => f).filter((f) => table[f].some((n) => n > 0));
  if (order.length === 2) {
    const positive = positiveClass(classes, order);
    const rates = present.map((f) => ({ label: feature.levels[f], value: table[f][positive] / table[f].reduce((s, n) => s + n, 0) }));
    rates.sort((a, b) => b.value - a.value);
    const answer = rates.length < 2 ? `${c.name} has one value where ${targetName} is known.`
      : `Rate of ${targetName} = "${classes.levels[positive]}" ranges from ${pct(rates[rates.length - 1].value, 1)} ("${rates[rates.length - 1].label}") to ${pct(rates[0].value, 1)} ("${rates[0].label}").`;
    return { id, kind: 'featureTarget', title, column: c.name, spec: barSpec(rates, `rate of ${targetName} = ${classes.levels[positive]}`, c.name, '%'), answer };
  }
  const rows = present.flatMap((f) => {
    const n = table[f].reduce((s, v) => s + v, 0);
    return order.map((k) => ({ category: feature.levels[f], cls: classes.levels[k], share: table[f][k] / n, count: table[f][k] }));
  });
  const majorities = present.map((f) => `"${feature.levels[f]}": mostly "${classes.levels[order.reduce((best, k) => (table[f][k] > table[f][best] ? k : best), order[0])]}"`);
  return { id, kind: 'featureTarget', title, column: c.name, spec: stackedShareSpec(rows, c.name, targetName), answer: `Share of each class of ${targetName} per value of ${c.name}: ${majorities.slice(0, 8).join(', ')}.` };
}

/** The class a "rate" is about: a yes-like label, else the rarer of two classes. */
function positiveClass(classes: CategoryCodes, order: number[]): number {
  return order.find((k) => POSITIVE.has(classes.levels[k].toLowerCase())) ?? order[1];
}

function boxAnswer(name: string, groups: { group: string; stats: BoxStats }[]): string {
  const medians = groups.map((g) => `"${g.group}" ${num(g.stats.median)}`).join(', ');
  const outliers = groups.reduce((s, g) => s + g.stats.outliers, 0);
  return `Median ${name} per class: ${medians}. ${outliers} values lie outside their class's 1.5 x IQR fences.`;
}

function regressionFeatureChart(t: EdaTable, index: number, c: ColumnProfile, y: Float64Array, targetName: string): EdaChart | undefined {
  const role = roleOf(c);
  const id = `featureTarget:${c.name}`;
  const title = `${targetName} against ${c.name}`;
  if (role === 'numeric' && c.type !== 'id' && c.histogram && c.histogram.length > 0) {
    const bins = c.histogram;
    const x = t.table.columns[index].finish().numbers;
    const sums = bins.map(() => 0);
    const counts = bins.map(() => 0);
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== x[i] || y[i] !== y[i]) { continue; }
      const k = binOf(bins, x[i]);
      sums[k] += y[i];
      counts[k]++;
    }
    const rows = bins.flatMap((b, k) => (counts[k] > 0 ? [{ x: (b.start + b.end) / 2, mean: sums[k] / counts[k], count: counts[k] }] : []));
    const r = pearsonOf(t, c.name, targetName);
    const answer = `Mean ${targetName} per bin of ${c.name}${r === undefined ? '' : ` (Pearson r = ${num(r)})`}: from ${num(Math.min(...rows.map((p) => p.mean)))} to ${num(Math.max(...rows.map((p) => p.mean)))}.`;
    return { id, kind: 'featureTarget', title, column: c.name, spec: binnedScatterSpec(rows, c.name, `mean ${targetName}`), answer };
  }
  if (role !== 'categorical') { return undefined; }
  const feature = categoryCodes(t.table.columns[index]);
  const sums = feature.levels.map(() => 0);
  const counts = feature.levels.map(() => 0);
  for (let i = 0; i < y.length; i++) {
    const f = feature.codes[i];
    if (f >= 0 && y[i] === y[i]) { sums[f] += y[i]; counts[f]++; }
  }
  const rows = feature.levels.flatMap((label, f) => (counts[f] > 0 ? [{ label, value: sums[f] / counts[f] }] : [])).sort((a, b) => b.value - a.value);
  if (rows.length === 0) { return undefined; }
  const answer = `Mean ${targetName} per value of ${c.name}: highest "${rows[0].label}" ${num(rows[0].value)}, lowest "${rows[rows.length - 1].label}" ${num(rows[rows.length - 1].value)}.`;
  return { id, kind: 'featureTarget', title, column: c.name, spec: barSpec(rows, `mean ${targetName}`, c.name), answer };
}

function binOf(bins: { start: number; end: number }[], v: number): number {
  let lo = 0;
  let hi = bins.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (bins[mid].start <= v) { lo = mid; } else { hi = mid - 1; } }
  return lo;
}

function pearsonOf(t: EdaTable, a: string, b: string): number | undefined {
  const { columns, pearson } = t.profile.correlations;
  const i = columns.indexOf(a);
  const j = columns.indexOf(b);
  return i < 0 || j < 0 ? undefined : pearson[i][j] ?? undefined;
}

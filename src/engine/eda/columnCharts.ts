import type { EdaChart } from '../../shared/eda/types';
import type { ColumnProfile } from '../../shared/profile/types';
import { boxStats } from './boxStats';
import { roleOf } from './columnRoles';
import { numericValues, num, pct } from './edaTable';
import type { EdaTable } from './edaTable';
import { barSpec, boxPlotSpec, histogramSpec } from './specs';

/** The distribution of every column: a histogram for numbers, the most frequent values otherwise. */
export function distributionCharts(t: EdaTable): EdaChart[] {
  return t.profile.columns.flatMap((c) => {
    const chart = distributionChart(c);
    return chart ? [chart] : [];
  });
}

function distributionChart(c: ColumnProfile): EdaChart | undefined {
  const id = `distribution:${c.name}`;
  const title = `Distribution of ${c.name}`;
  if (roleOf(c) === 'numeric' && c.histogram && c.histogram.length > 0) {
    return { id, kind: 'distribution', title, column: c.name, spec: histogramSpec(c.histogram, c.name), answer: numericAnswer(c) };
  }
  // Every value of an ID is its own bar of one row: a chart that says nothing.
  if (!c.top || c.top.length === 0 || c.type === 'id') { return undefined; }
  const shown = c.top.map((v) => ({ label: v.value, value: v.count }));
  const first = c.top[0];
  const more = c.distinct > shown.length ? ` The ${shown.length} most frequent of ${c.distinct} values are shown.` : '';
  const answer = c.type === 'text'
    ? `${c.name} is free text with ${c.distinct} distinct values: not a feature as it is.${more}`
    : `${c.name} has ${c.distinct} distinct values; the most frequent is "${first.value}" (${pct(first.count, c.count)} of present cells).${more}`;
  return { id, kind: 'distribution', title, column: c.name, spec: barSpec(shown, 'rows', c.name), answer };
}

function numericAnswer(c: ColumnProfile): string {
  const skew = c.skew ?? 0;
  const shape = Math.abs(skew) > 1 ? `strongly ${skew > 0 ? 'right' : 'left'}-skewed (skew ${num(skew)})`
    : Math.abs(skew) > 0.5 ? `moderately ${skew > 0 ? 'right' : 'left'}-skewed (skew ${num(skew)})` : `roughly symmetric (skew ${num(skew)})`;
  return `${c.name} ranges from ${num(c.min as number)} to ${num(c.max as number)}, mean ${num(c.mean)}, median ${num(c.median)}: ${shape}.`;
}

/** A box plot per numeric column (not IDs), from its quartiles, whiskers and extremes, with its IQR outlier count. */
export function boxPlotCharts(t: EdaTable): EdaChart[] {
  return t.profile.columns.flatMap((c, i) => {
    if (roleOf(c) !== 'numeric' || c.type === 'id') { return []; }
    const stats = boxStats(numericValues(t, i));
    if (!stats) { return []; }
    const answer = stats.outliers === 0
      ? `${c.name}: no values outside the 1.5 x IQR fences (middle half between ${num(stats.q1)} and ${num(stats.q3)}).`
      : `${c.name}: ${stats.outliers} values (${pct(stats.outliers, stats.count)}) outside the 1.5 x IQR fences; the middle half lies between ${num(stats.q1)} and ${num(stats.q3)}, the extremes at ${num(stats.min)} and ${num(stats.max)}.`;
    return [{ id: `boxPlot:${c.name}`, kind: 'boxPlot', title: `Box plot of ${c.name}`, column: c.name, spec: boxPlotSpec([{ group: c.name, stats }], c.name, ''), answer }];
  });
}

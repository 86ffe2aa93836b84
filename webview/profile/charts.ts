import embed from 'vega-embed';
import type { Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';
import type { ColumnProfile, DataProfile } from '../../src/shared/profile/types';
import { vegaConfig } from './theme';
import type { ChartTheme } from './theme';

// Vega-Lite specs for the panel's charts, and their embedding. The engine already binned the
// histograms, counted the top values and computed the correlations: these specs only draw them.

/** The histogram (numbers, dates) or the top-values bars (everything else) of a column. */
export function columnChartSpec(column: ColumnProfile): TopLevelSpec | undefined {
  if (column.histogram && column.histogram.length > 0) {
    return {
      width: 'container', height: 110,
      data: { values: column.histogram },
      mark: { type: 'bar', binSpacing: 1 },
      encoding: {
        x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: null, axis: { labelOverlap: true, tickCount: 5 } },
        x2: { field: 'end' },
        y: { field: 'count', type: 'quantitative', title: 'rows', axis: { tickCount: 3 } },
        tooltip: [
          { field: 'start', type: 'quantitative', title: 'from', format: '.4~g' },
          { field: 'end', type: 'quantitative', title: 'to', format: '.4~g' },
          { field: 'count', type: 'quantitative', title: 'rows', format: ',' },
        ],
      },
    };
  }
  if (column.top && column.top.length > 0) {
    const values = column.top.slice(0, 10).map((t) => ({ value: t.value === '' ? '(empty)' : t.value, count: t.count }));
    return {
      width: 'container', height: { step: 18 },
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'value', type: 'nominal', sort: null, title: null, axis: { labelLimit: 120 } },
        x: { field: 'count', type: 'quantitative', title: 'rows', axis: { tickCount: 3 } },
        tooltip: [{ field: 'value', type: 'nominal' }, { field: 'count', type: 'quantitative', title: 'rows', format: ',' }],
      },
    };
  }
  return undefined;
}

/** The Pearson correlation heatmap, or undefined when fewer than two numeric columns have one. */
export function correlationSpec(correlations: DataProfile['correlations'], theme: ChartTheme): TopLevelSpec | undefined {
  const names = correlations.columns;
  if (names.length < 2) { return undefined; }
  const values = names.flatMap((a, i) => names.map((b, j) => ({ a, b, r: correlations.pearson[i]?.[j] ?? null })));
  const step = Math.max(22, Math.min(44, Math.floor(560 / names.length)));
  const encoding = {
    x: { field: 'a', type: 'nominal' as const, sort: names, title: null, axis: { labelAngle: -40, labelLimit: 110 } },
    y: { field: 'b', type: 'nominal' as const, sort: names, title: null, axis: { labelLimit: 140 } },
  };
  return {
    width: { step }, height: { step },
    data: { values },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          ...encoding,
          color: {
            field: 'r', type: 'quantitative', title: 'Pearson r',
            scale: { domain: [-1, 0, 1], range: [theme.secondary, theme.background, theme.primary] },
            legend: { gradientLength: Math.min(200, step * names.length), format: '.1f' },
          },
          tooltip: [{ field: 'a', title: 'column' }, { field: 'b', title: 'with' }, { field: 'r', type: 'quantitative', title: 'Pearson r', format: '.3f' }],
        },
      },
      ...(names.length <= 12 ? [{
        mark: { type: 'text' as const, fontSize: 10 },
        encoding: { ...encoding, text: { field: 'r', type: 'quantitative' as const, format: '.2f' } },
      }] : []),
    ],
  };
}

/**
 * Draws a spec into an element without evaluating generated code: `ast: true` with the
 * vega-interpreter keeps the panel within a CSP that forbids 'unsafe-eval', and no default
 * stylesheet is injected (the CSP forbids inline styles too; style.css styles the tooltip).
 */
export async function drawChart(element: HTMLElement, spec: TopLevelSpec, theme: ChartTheme): Promise<Result> {
  return embed(element, spec, {
    ast: true,
    expr: expressionInterpreter,
    actions: false,
    defaultStyle: false,
    renderer: 'svg',
    config: vegaConfig(theme),
    tooltip: { disableDefaultStyle: true, theme: 'custom' },
    logLevel: 0,
  });
}

import type { JsonValue, VegaLiteSpec } from '../../shared/eda/types';
import type { BoxStats } from './boxStats';

// Vega-Lite specs drawn from precomputed numbers only: every spec carries its summarised data inline.

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 360;

type Row = { [key: string]: JsonValue };

function base(values: Row[], height: number): VegaLiteSpec {
  return { $schema: SCHEMA, width: WIDTH, height, data: { values } };
}

/** A histogram from bins already counted. */
export function histogramSpec(bins: { start: number; end: number; count: number }[], xTitle: string): VegaLiteSpec {
  return {
    ...base(bins.map((b) => ({ start: b.start, end: b.end, count: b.count })), 180),
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: 'binned', title: xTitle },
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', title: 'rows' },
    },
  };
}

/** Horizontal bars of a value per label, in the given order. */
export function barSpec(rows: { label: string; value: number }[], valueTitle: string, labelTitle: string, format?: string): VegaLiteSpec {
  return {
    ...base(rows, Math.max(60, 18 * rows.length)),
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: labelTitle },
      x: { field: 'value', type: 'quantitative', title: valueTitle, ...(format ? { axis: { format } } : {}) },
    },
  };
}

/** Box plots, one per group, drawn with rule (whiskers), bar (quartiles), tick (median) and points (extremes beyond the whiskers). */
export function boxPlotSpec(groups: { group: string; stats: BoxStats }[], valueTitle: string, groupTitle: string): VegaLiteSpec {
  const rows: Row[] = groups.map(({ group, stats: s }) => ({
    group, count: s.count, min: s.min, q1: s.q1, median: s.median, q3: s.q3, max: s.max,
    lowerWhisker: s.lowerWhisker, upperWhisker: s.upperWhisker, outliers: s.outliers,
  }));
  const extremes: Row[] = groups.flatMap(({ group, stats: s }) => [
    ...(s.min < s.lowerWhisker ? [{ group, extreme: s.min }] : []),
    ...(s.max > s.upperWhisker ? [{ group, extreme: s.max }] : []),
  ]);
  const y = { field: 'group', type: 'nominal', sort: null, title: groupTitle };
  return {
    $schema: SCHEMA, width: WIDTH, height: Math.max(40, 30 * groups.length),
    layer: [
      { data: { values: rows }, mark: { type: 'rule' }, encoding: { y, x: { field: 'lowerWhisker', type: 'quantitative', scale: { zero: false }, title: valueTitle }, x2: { field: 'upperWhisker' } } },
      {
        data: { values: rows }, mark: { type: 'bar', size: 14, tooltip: true },
        encoding: { y, x: { field: 'q1', type: 'quantitative' }, x2: { field: 'q3' } },
      },
      { data: { values: rows }, mark: { type: 'tick', color: 'white', size: 14 }, encoding: { y, x: { field: 'median', type: 'quantitative' } } },
      { data: { values: extremes }, mark: { type: 'point', filled: true, size: 20 }, encoding: { y, x: { field: 'extreme', type: 'quantitative' } } },
    ],
  };
}

/** A heatmap of a value per (a, b) cell, with the values printed on the cells. */
export function heatmapSpec(cells: { a: string; b: string; value: number }[], order: string[], legend: string, domain: [number, number], scheme: string, format: string): VegaLiteSpec {
  const size = Math.max(120, Math.min(480, 36 * order.length));
  const encoding = {
    x: { field: 'a', type: 'nominal', sort: order, title: null },
    y: { field: 'b', type: 'nominal', sort: order, title: null },
  };
  return {
    $schema: SCHEMA, width: size, height: size, data: { values: cells },
    layer: [
      { mark: { type: 'rect', tooltip: true }, encoding: { ...encoding, color: { field: 'value', type: 'quantitative', title: legend, scale: { domain, scheme } } } },
      { mark: { type: 'text', fontSize: 9 }, encoding: { ...encoding, text: { field: 'value', type: 'quantitative', format } } },
    ],
  };
}

/** The share of each class per category, as stacked bars. */
export function stackedShareSpec(rows: { category: string; cls: string; share: number; count: number }[], categoryTitle: string, classTitle: string): VegaLiteSpec {
  const categories = new Set(rows.map((r) => r.category)).size;
  return {
    ...base(rows, Math.max(60, 20 * categories)),
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: null, title: categoryTitle },
      x: { field: 'share', type: 'quantitative', stack: 'normalize', axis: { format: '%' }, title: 'share of rows' },
      color: { field: 'cls', type: 'nominal', title: classTitle },
    },
  };
}

/** Mean of the target per bin of a feature: points sized by rows, joined by a line. */
export function binnedScatterSpec(rows: { x: number; mean: number; count: number }[], xTitle: string, yTitle: string): VegaLiteSpec {
  const x = { field: 'x', type: 'quantitative', scale: { zero: false }, title: xTitle };
  const y = { field: 'mean', type: 'quantitative', scale: { zero: false }, title: yTitle };
  return {
    ...base(rows, 200),
    layer: [
      { mark: { type: 'line' }, encoding: { x, y } },
      { mark: { type: 'point', filled: true, tooltip: true }, encoding: { x, y, size: { field: 'count', type: 'quantitative', title: 'rows' } } },
    ],
  };
}

import type { Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import type { EdaChart, EdaChartKind } from '../../src/shared/eda/types';
import type { ChartFormat } from '../../src/shared/protocol/edaPanel';

// The engine's charts as the panel shows them: grouped by what they are about, and stretched to
// the width of their card so they follow the panel's size.

export interface ChartGroup { id: string; title: string; kinds: readonly EdaChartKind[] }

/** The groups in the order the panel shows them; ids match EDA_SUBTASK_SECTIONS. */
export const CHART_GROUPS: readonly ChartGroup[] = [
  { id: 'charts-target', title: 'The target', kinds: ['target', 'featureTarget'] },
  { id: 'charts-distribution', title: 'Distributions', kinds: ['distribution'] },
  { id: 'charts-boxPlot', title: 'Spread and outliers', kinds: ['boxPlot'] },
  { id: 'charts-missing', title: 'Missing values', kinds: ['missing', 'missingPairs'] },
  { id: 'charts-correlation', title: 'Correlations and associations', kinds: ['correlation', 'association'] },
];

/** Square heatmaps keep their size (their cells are labelled); other charts fill their card. */
const FIXED: ReadonlySet<EdaChartKind> = new Set(['correlation', 'association', 'missingPairs']);

/** Whether a chart spans the whole width of the panel. */
export function isWide(chart: EdaChart): boolean {
  return FIXED.has(chart.kind);
}

/** The chart's spec, made to fill its container's width when it can. */
export function panelSpec(chart: EdaChart): TopLevelSpec {
  const spec = { ...chart.spec } as Record<string, unknown>;
  delete spec.$schema;
  if (!FIXED.has(chart.kind) && typeof spec.width === 'number') {
    spec.width = 'container';
    spec.autosize = { type: 'fit-x', contains: 'padding' };
  }
  return spec as unknown as TopLevelSpec;
}

/**
 * The chart as a file: SVG text, or a PNG data URL at twice the pixels. Drawn on `background` (the
 * panel's charts are transparent, and theme-coloured text would not read on another page), then
 * put back as it was.
 */
export async function chartImage(view: Result['view'], format: ChartFormat, background: string): Promise<string> {
  const previous = view.background();
  view.background(background);
  try {
    return format === 'svg' ? await view.toSVG() : await view.toImageURL('png', 2);
  } finally {
    view.background(previous);
    await view.runAsync();
  }
}

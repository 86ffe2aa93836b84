import type { Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import type { FeatureImportance, LossCurve, LossPoint } from '../../src/shared/protocol/trainingPanel';
import { drawChart } from '../profile/charts';
import type { ChartTheme } from '../profile/theme';

// The panel's two charts: the loss curve of the candidate being fitted (fed point by point as the
// engine reports them) and a model's feature importances. Both draw in the theme's colours.

const LOSS_DATA = 'loss';

/** The loss chart's spec: one line per series and fold (each fold's fit starts again at step 1). */
function lossSpec(curve: LossCurve, theme: ChartTheme): TopLevelSpec {
  return {
    width: 'container', height: 190, autosize: { type: 'fit-x', contains: 'padding' },
    data: { name: LOSS_DATA, values: curve.points },
    // Points too: a fit reported a few times a second may have only one or two per fold.
    mark: { type: 'line', strokeWidth: 1.6, point: { filled: true, size: 22 } },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: curve.unit, axis: { tickCount: 6, format: 'd' } },
      y: { field: 'loss', type: 'quantitative', title: 'loss', scale: { zero: false }, axis: { tickCount: 5, format: '.3~g' } },
      color: {
        field: 'series', type: 'nominal', title: null,
        scale: { domain: ['train', 'validation'], range: [theme.primary, theme.secondary] },
        legend: { orient: 'top', direction: 'horizontal' },
      },
      detail: { field: 'fold', type: 'ordinal' },
      tooltip: [
        { field: 'fold', type: 'ordinal', title: 'fold' },
        { field: 'step', type: 'quantitative', title: curve.unit },
        { field: 'series', type: 'nominal', title: 'series' },
        { field: 'loss', type: 'quantitative', title: 'loss', format: '.4~g' },
      ],
    },
  };
}

/** A loss chart that grows as points arrive; a new candidate gets a new chart. */
export class LossChart {
  private drawing: Promise<Result | undefined>;

  constructor(readonly element: HTMLElement, readonly curve: LossCurve, theme: ChartTheme) {
    this.drawing = drawChart(element, lossSpec(curve, theme), theme).catch((err: unknown) => {
      element.replaceChildren(`The loss chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    });
  }

  /** Adds points (in order after whatever is being added already). */
  add(points: readonly LossPoint[]): void {
    if (points.length === 0) { return; }
    this.curve.points.push(...points);
    this.drawing = this.drawing.then(async (result) => {
      if (!result) { return result; }
      await result.view.insert(LOSS_DATA, points.map((p) => ({ ...p }))).runAsync();
      return result;
    });
  }

  /** Frees the chart's view. */
  finalize(): void {
    void this.drawing.then((r) => r?.finalize());
  }
}

/** Importances as horizontal bars, largest first (the first 25). */
export function drawImportances(element: HTMLElement, importances: readonly FeatureImportance[], theme: ChartTheme): Promise<Result> {
  const values = importances.slice(0, 25).map((i) => ({ feature: i.feature, importance: i.importance }));
  const spec: TopLevelSpec = {
    width: 'container', height: { step: 18 }, autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'feature', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 180 } },
      x: { field: 'importance', type: 'quantitative', title: 'importance', axis: { tickCount: 4, format: '.2~f' } },
      tooltip: [{ field: 'feature', type: 'nominal' }, { field: 'importance', type: 'quantitative', format: '.4f' }],
    },
  };
  return drawChart(element, spec, theme);
}

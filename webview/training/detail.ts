import type { Result } from 'vega-embed';
import { metricText } from '../../src/shared/protocol/trainingPanel';
import type { RowDetail } from '../../src/shared/protocol/trainingPanel';
import type { LeaderboardRow } from '../../src/shared/training/types';
import type { ChartTheme } from '../profile/theme';
import { h, icon } from '../shared/dom';
import { drawImportances } from './charts';
import { criteriaBadge, metricLabel, metricsOf } from './leaderboard';

// The detail of the selected leaderboard row: its hyperparameters, how it scored on each fold
// (from the run's record) or its cross-validated summary, the success criteria one by one, and
// its feature importances when the run recorded them.

export interface DetailOptions {
  row: LeaderboardRow;
  metric: string;
  /** Undefined while the host reads the run's record. */
  detail: RowDetail | undefined;
  hasCriteria: boolean;
  theme: ChartTheme;
}

/** The detail section, and the importance chart being drawn in it (if any). */
export function detailView(o: DetailOptions): { element: HTMLElement; chart?: Promise<Result> } {
  const { row } = o;
  const parts: HTMLElement[] = [
    h('h3', { id: 'detail-title' }, `${row.label} — `, h('span', { class: 'mono' }, row.model), ' ', criteriaBadge(row, o.hasCriteria)),
    h('p', { class: 'muted' }, `Trial ${row.trial} (${row.phase === 'defaults' ? 'the family\'s defaults' : 'search'}) · fit ${row.fitSeconds.toFixed(3)} s per fold`),
  ];
  const columns: HTMLElement[] = [paramsTable(row)];
  if (row.criteria && row.criteria.length > 0) { columns.push(criteriaList(row)); }
  parts.push(h('div', { class: 'detail-columns' }, ...columns));
  if (!o.detail) {
    parts.push(h('p', { class: 'muted', role: 'status' }, icon('loading codicon-modifier-spin'), ' Reading the per-fold scores…'));
  } else if (o.detail.folds) {
    parts.push(foldsTable(row, o.metric, o.detail.folds));
  } else {
    parts.push(summaryTable(row, o.metric));
    if (o.detail.note) { parts.push(h('p', { class: 'muted' }, o.detail.note)); }
  }
  let chart: Promise<Result> | undefined;
  if (o.detail?.importances && o.detail.importances.length > 0) {
    const area = h('div', { class: 'chart', id: 'importance-chart', role: 'img', 'aria-label': `Feature importance of ${row.model}` });
    parts.push(h('h4', {}, 'Feature importance'), area);
    chart = drawImportances(area, o.detail.importances, o.theme);
    chart.catch((err: unknown) => area.replaceChildren(h('p', { class: 'muted' }, `The chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`)));
  }
  return { element: h('section', { class: 'card detail', id: 'leaderboard-detail', 'aria-labelledby': 'detail-title', tabindex: -1 }, ...parts), chart };
}

function paramsTable(row: LeaderboardRow): HTMLElement {
  const entries = Object.entries(row.params);
  return h('div', {}, h('h4', {}, 'Hyperparameters'),
    entries.length === 0 ? h('p', { class: 'muted' }, 'None.')
      : h('table', { class: 'stats params' }, h('tbody', {}, ...entries.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', { class: 'mono' }, String(value)))))));
}

function criteriaList(row: LeaderboardRow): HTMLElement {
  return h('div', {}, h('h4', {}, 'Success criteria'),
    h('ul', { class: 'criteria' }, ...(row.criteria ?? []).map((c) => h('li', { class: c.met ? 'met' : 'not-met' },
      icon(c.met ? 'pass' : 'error'), ` ${metricLabel(c.metric)} ${metricText(c.value)} — needs ${c.comparator} ${c.threshold}: `, h('strong', {}, c.met ? 'met' : 'not met')))));
}

function summaryTable(row: LeaderboardRow, metric: string): HTMLElement {
  const metrics = metricsOf([row], metric);
  return h('div', {}, h('h4', {}, 'Cross-validated scores'),
    h('table', { class: 'grid summary' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Metric'), h('th', { scope: 'col', class: 'num' }, 'Mean'), h('th', { scope: 'col', class: 'num' }, 'Std'))),
      h('tbody', {}, ...metrics.map((m) => h('tr', {}, h('td', {}, metricLabel(m)), h('td', { class: 'num' }, metricText(row.cv[m]?.mean)), h('td', { class: 'num' }, metricText(row.cv[m]?.std)))))));
}

function foldsTable(row: LeaderboardRow, metric: string, folds: NonNullable<RowDetail['folds']>): HTMLElement {
  const metrics = metricsOf([row], metric);
  const rowsKnown = folds.some((f) => f.validRows !== undefined);
  return h('div', {}, h('h4', {}, 'Scores per fold'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'grid folds', id: 'fold-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Fold'), ...metrics.map((m) => h('th', { scope: 'col', class: 'num' }, metricLabel(m))),
        h('th', { scope: 'col', class: 'num' }, 'Fit s'), ...(rowsKnown ? [h('th', { scope: 'col', class: 'num' }, 'Train / valid rows')] : []))),
      h('tbody', {}, ...folds.map((f) => h('tr', {}, h('td', {}, String(f.fold)), ...metrics.map((m) => h('td', { class: 'num' }, metricText(f.metrics[m]))),
        h('td', { class: 'num' }, f.fitSeconds !== undefined ? f.fitSeconds.toFixed(3) : '–'),
        ...(rowsKnown ? [h('td', { class: 'num' }, `${f.trainRows ?? '?'} / ${f.validRows ?? '?'}`)] : [])))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Mean ± std'), ...metrics.map((m) => h('td', { class: 'num' }, `${metricText(row.cv[m]?.mean)} ± ${metricText(row.cv[m]?.std)}`)),
        h('td', {}), ...(rowsKnown ? [h('td', {})] : []))))));
}

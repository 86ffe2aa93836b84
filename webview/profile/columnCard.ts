import type { ColumnProfile, ColumnType, DataProfile } from '../../src/shared/profile/types';
import { h, icon } from '../shared/dom';
import { count, percent, stat } from '../../src/shared/profile/format';

// One card per column, in the spirit of ydata-profiling's variable cards with Data Wrangler's
// header (type, missing and distinct at a glance): the chart slot, the statistics, the alerts.

const TYPE_ICONS: Record<ColumnType, string> = {
  integer: 'symbol-number', float: 'symbol-number', boolean: 'symbol-boolean', date: 'calendar',
  categorical: 'symbol-enum', text: 'symbol-string', id: 'key',
};

/** The card, and the empty element its chart is drawn into (lazily, when it scrolls into view). */
export function columnCard(column: ColumnProfile, index: number, profile: DataProfile): { card: HTMLElement; chart: HTMLElement | undefined } {
  const total = column.count + column.missing;
  const titleId = `column-${index}-title`;
  const alerts = profile.alerts.filter((a) => a.column === column.name);
  const hasChart = (column.histogram?.length ?? 0) > 0 || (column.top?.length ?? 0) > 0;
  const chart = hasChart ? h('div', { class: 'chart', role: 'img', 'aria-label': chartLabel(column) }) : undefined;
  const card = h('section', { class: 'card', id: `column-${index}`, 'data-column': column.name, tabindex: 0, 'aria-labelledby': titleId },
    h('header', { class: 'card-head' },
      h('h3', { id: titleId, title: column.name }, icon(TYPE_ICONS[column.type] ?? 'symbol-field'), h('span', { class: 'name' }, column.name)),
      h('span', { class: `type type-${column.type}` }, column.mixed ? `${column.type} (mixed)` : column.type)),
    completeness(column.missing, total),
    h('div', { class: 'glance' },
      h('span', {}, h('strong', {}, percent(column.missing, total)), ' missing'),
      h('span', {}, h('strong', {}, count(column.distinct)), ' distinct'),
      h('span', {}, h('strong', {}, count(column.count)), ' values')),
    chart ?? h('p', { class: 'muted' }, 'No distribution to draw.'),
    statsTable(column),
    ...(alerts.length > 0 ? [h('ul', { class: 'alerts', 'aria-label': `Alerts for ${column.name}` },
      ...alerts.map((a) => h('li', { class: `alert alert-${a.kind}` }, icon('warning'), ' ', a.message)))] : []),
  );
  return { card, chart };
}

/** A thin bar: filled part = present values (Data Wrangler's "missing" strip). */
function completeness(missing: number, total: number): HTMLElement {
  const present = total === 0 ? 0 : (total - missing) / total;
  const meter = h('meter', { class: 'completeness', min: 0, max: 1, value: present, 'aria-label': `${percent(total - missing, total)} of the cells are filled` });
  return meter;
}

function statsTable(column: ColumnProfile): HTMLElement {
  const rows: [string, string][] = [];
  const add = (label: string, value: number | string | undefined) => { if (value !== undefined) { rows.push([label, stat(value)]); } };
  add('mean', column.mean);
  add('std', column.std);
  add('min', column.min);
  add('25%', column.q25);
  add('median', column.median);
  add('75%', column.q75);
  add('max', column.max);
  add('skewness', column.skew);
  add('kurtosis', column.kurtosis);
  add('zeros', column.zeros);
  add('negatives', column.negatives);
  add('outliers (1.5 × IQR)', column.outliers);
  if (column.lengths) { rows.push(['length', `${stat(column.lengths.min)} – ${stat(column.lengths.max)}, mean ${stat(column.lengths.mean)}`]); }
  if (!column.histogram?.length && column.top?.length) {
    const first = column.top[0];
    rows.push(['most frequent', `${first.value === '' ? '(empty)' : first.value} (${count(first.count)})`]);
  }
  return h('table', { class: 'stats' }, h('tbody', {}, ...rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
}

/** What the chart shows, for screen readers. */
function chartLabel(column: ColumnProfile): string {
  if (column.histogram?.length) {
    const peak = column.histogram.reduce((a, b) => (b.count > a.count ? b : a));
    return `Histogram of ${column.name} in ${column.histogram.length} bins; the fullest bin is ${stat(peak.start)} to ${stat(peak.end)} with ${count(peak.count)} rows.`;
  }
  const top = (column.top ?? []).slice(0, 3).map((t) => `${t.value || '(empty)'} (${count(t.count)})`).join(', ');
  return `Most frequent values of ${column.name}: ${top}.`;
}

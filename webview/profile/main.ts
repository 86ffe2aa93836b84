import '@vscode-elements/elements/dist/vscode-button/index.js';
import './style.css';
import type { Result } from 'vega-embed';
import type { DataProfile } from '../../src/shared/profile/types';
import { isProfileHostMessage } from '../../src/shared/protocol/profilePanel';
import type { ProfileHostMessage, ProfileViewState, ProfileWebviewMessage } from '../../src/shared/protocol/profilePanel';
import { h } from '../shared/dom';
import { createMessageClient } from '../shared/messageClient';
import { columnChartSpec, correlationSpec, drawChart } from './charts';
import { columnCard } from './columnCard';
import { overview, statusLine } from './overview';
import type { OverviewActions } from './overview';
import { count } from '../../src/shared/profile/format';
import { onThemeChange, readTheme } from './theme';

// The Data Profile panel's browser side. It renders what the host sends (a sample first, then the
// exact profile) and never computes statistics: the engine binned, counted and correlated.

const client = createMessageClient<ProfileWebviewMessage, ProfileHostMessage>(isProfileHostMessage);
const app = document.getElementById('app') as HTMLElement;

let state: ProfileViewState | undefined;
/** The profile last rendered, serialised: a phase change alone must not redraw every chart. */
let renderedProfile = '';
let views: Result[] = [];
let pendingCharts = new Map<Element, () => Promise<Result | undefined>>();

// Charts are drawn when their card scrolls into view: a wide file has hundreds of columns.
const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    const draw = pendingCharts.get(entry.target);
    if (!entry.isIntersecting || !draw) { continue; }
    pendingCharts.delete(entry.target);
    observer.unobserve(entry.target);
    void draw().then((view) => { if (view) { views.push(view); } }, (err: unknown) => {
      entry.target.replaceChildren(h('p', { class: 'muted' }, `The chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`));
    });
  }
}, { rootMargin: '200px' });

const actions: OverviewActions = {
  refresh: () => client.post({ type: 'profile/refresh' }),
  cancel: () => client.post({ type: 'profile/cancel' }),
  revealLine: (line) => client.post({ type: 'profile/revealLine', line }),
  focusColumn,
};

function render(next: ProfileViewState): void {
  state = next;
  document.title = `Data Profile: ${next.fileName}`;
  const profileJson = next.profile ? JSON.stringify(next.profile) : '';
  const header = h('header', { class: 'page-head' },
    h('h1', {}, 'Data Profile: ', h('span', { class: 'file' }, next.fileName)),
    h('p', { class: 'muted path' }, next.displayPath),
    statusLine(next, actions));
  if (profileJson === renderedProfile && app.querySelector('.page-head')) {
    app.querySelector('.page-head')?.replaceWith(header);
    return;
  }
  renderedProfile = profileJson;
  clearCharts();
  const body: HTMLElement[] = [header];
  if (next.profile) { body.push(overview(next.profile, actions), columnsSection(next.profile), correlationSection(next.profile)); }
  app.replaceChildren(...body);
  app.classList.toggle('sampled', next.profile?.sampled ?? false);
  app.removeAttribute('aria-busy');
}

function columnsSection(profile: DataProfile): HTMLElement {
  const theme = readTheme();
  const grid = h('div', { class: 'cards' });
  profile.columns.forEach((column, i) => {
    const { card, chart } = columnCard(column, i, profile);
    const spec = columnChartSpec(column);
    if (chart && spec) { lazyChart(chart, () => drawChart(chart, spec, theme)); }
    grid.append(card);
  });
  const sampled = profile.sampled ? h('span', { class: 'badge' }, 'sample') : '';
  return h('section', { 'aria-labelledby': 'columns-title' }, h('h2', { id: 'columns-title' }, `Columns (${count(profile.columns.length)}) `, sampled), grid);
}

function correlationSection(profile: DataProfile): HTMLElement {
  const theme = readTheme();
  const spec = correlationSpec(profile.correlations, theme);
  const title = h('h2', { id: 'correlations-title' }, 'Correlations');
  if (!spec) { return h('section', { 'aria-labelledby': 'correlations-title' }, title, h('p', { class: 'muted' }, 'Fewer than two numeric columns: no correlations to show.')); }
  const chart = h('div', { class: 'heatmap', role: 'img', tabindex: 0,
    'aria-label': `Pearson correlations between ${profile.correlations.columns.length} numeric columns` });
  lazyChart(chart, () => drawChart(chart, spec, theme));
  return h('section', { 'aria-labelledby': 'correlations-title' }, title,
    h('p', { class: 'muted' }, 'Pearson r between numeric columns, over the rows where both have a value.'), chart);
}

function lazyChart(element: HTMLElement, draw: () => Promise<Result>): void {
  pendingCharts.set(element, draw);
  observer.observe(element);
}

function clearCharts(): void {
  for (const view of views) { view.finalize(); }
  views = [];
  for (const element of pendingCharts.keys()) { observer.unobserve(element); }
  pendingCharts = new Map();
}

function focusColumn(name: string): void {
  const card = [...document.querySelectorAll<HTMLElement>('.card')].find((c) => c.dataset.column === name);
  card?.scrollIntoView({ block: 'start' });
  card?.focus();
}

function showProgress(fraction: number, rows: number): void {
  const bar = document.getElementById('progress') as HTMLProgressElement | null;
  if (bar) { bar.value = Math.round(100 * fraction); }
  const text = document.getElementById('progress-text');
  if (text) { text.textContent = ` ${Math.floor(100 * fraction)}% · ${count(rows)} rows`; }
}

client.onMessage((message) => {
  switch (message.type) {
    case 'profile/update':
      render(message.state);
      return;
    case 'profile/progress': {
      const { bytesRead, bytesTotal, rows } = message.progress;
      showProgress(bytesTotal > 0 ? bytesRead / bytesTotal : 0, rows);
      return;
    }
    case 'profile/focusColumn':
      focusColumn(message.column);
  }
});

// A new theme means new chart colours: redraw from the same profile.
onThemeChange(() => {
  if (!state) { return; }
  renderedProfile = '';
  render(state);
});

app.replaceChildren(h('p', { class: 'muted' }, 'Loading the profile…'));
client.post({ type: 'profile/ready' });

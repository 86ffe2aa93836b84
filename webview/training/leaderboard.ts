import { findMetric } from '../../src/shared/project/metrics';
import { bytes } from '../../src/shared/profile/format';
import { metricText } from '../../src/shared/protocol/trainingPanel';
import type { LeaderboardRow } from '../../src/shared/training/types';
import { h } from '../shared/dom';

// The leaderboard table: one row per candidate, sortable by any column (the header cells are
// buttons, so the keyboard reaches them), rows selectable by click or keyboard (a roving tab stop:
// Tab enters the table once, the arrow keys move through it).

export type SortKey = 'rank' | 'model' | 'family' | 'fit' | 'predict' | 'size' | 'criteria' | `metric:${string}`;
export interface SortState { key: SortKey; ascending: boolean }

export const RANK_ORDER: SortState = { key: 'rank', ascending: true };

/** A metric's label: "Accuracy", or its id when the metric is not one we name. */
export function metricLabel(id: string): string {
  return findMetric(id)?.label ?? id;
}

/** The metrics the rows report, the ranking metric first. */
export function metricsOf(rows: readonly LeaderboardRow[], metric: string): string[] {
  const all = new Set<string>([metric]);
  for (const row of rows) { for (const m of Object.keys(row.cv)) { all.add(m); } }
  return [...all];
}

/** The direction a first click on a column sorts in: the best (or cheapest, or met) first. */
export function firstDirection(key: SortKey): boolean {
  if (key.startsWith('metric:')) { return !(findMetric(key.slice('metric:'.length))?.higherIsBetter ?? true); }
  return key !== 'criteria';
}

function sortValue(row: LeaderboardRow, key: SortKey, rank: number): number | string | null {
  switch (key) {
    case 'rank': return rank;
    case 'model': return row.model;
    case 'family': return row.label;
    case 'fit': return row.fitSeconds;
    case 'predict': return row.predictMsPerRow;
    case 'size': return row.sizeBytes ?? null;
    case 'criteria': return row.meetsCriteria === undefined ? null : row.meetsCriteria ? 1 : 0;
    default: return row.cv[key.slice('metric:'.length)]?.mean ?? null;
  }
}

/** The rows in the chosen order; missing values always last, ties in rank order. */
export function sortRows(rows: readonly LeaderboardRow[], sort: SortState): LeaderboardRow[] {
  const ranked = rows.map((row, i) => ({ row, rank: i + 1 }));
  return ranked.sort((a, b) => {
    const x = sortValue(a.row, sort.key, a.rank);
    const y = sortValue(b.row, sort.key, b.rank);
    if (x === null || y === null) { return x === y ? a.rank - b.rank : x === null ? 1 : -1; }
    const order = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return order === 0 ? a.rank - b.rank : sort.ascending ? order : -order;
  }).map((r) => r.row);
}

export interface LeaderboardTableOptions {
  rows: readonly LeaderboardRow[];
  /** The ranking metric. */
  metric: string;
  sort: SortState;
  selected?: string;
  /** Whether the project has success criteria (otherwise the badge column says so). */
  hasCriteria: boolean;
  onSort(key: SortKey): void;
  onSelect(model: string): void;
}

function seconds(s: number): string {
  return s < 0.01 ? '<0.01 s' : `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

function msPerRow(ms: number): string {
  return ms === 0 ? '0' : ms < 0.001 ? ms.toExponential(1) : ms.toPrecision(2);
}

/** The criteria badge of a row: met, not met, or a dash without criteria. */
export function criteriaBadge(row: LeaderboardRow, hasCriteria: boolean): HTMLElement {
  if (row.meetsCriteria === undefined) {
    return h('span', { class: 'muted', title: hasCriteria ? 'Not checked' : 'The problem definition has no success criteria' }, '–');
  }
  const failed = (row.criteria ?? []).filter((c) => !c.met).map((c) => `${metricLabel(c.metric)} ${metricText(c.value)} (needs ${c.comparator} ${c.threshold})`);
  return h('span', { class: `badge ${row.meetsCriteria ? 'met' : 'not-met'}`, title: row.meetsCriteria ? 'Meets every success criterion' : `Misses: ${failed.join('; ')}` },
    row.meetsCriteria ? 'met' : 'not met');
}

/** The sortable, selectable table. */
export function leaderboardTable(o: LeaderboardTableOptions): HTMLElement {
  const metrics = metricsOf(o.rows, o.metric);
  const ranks = new Map(o.rows.map((r, i) => [r.model, i + 1]));
  const columns: { key: SortKey; label: string; numeric: boolean; title?: string }[] = [
    { key: 'rank', label: '#', numeric: true, title: 'Rank by the ranking metric' },
    { key: 'model', label: 'Model', numeric: false },
    { key: 'family', label: 'Family', numeric: false },
    ...metrics.map((m, i) => ({ key: `metric:${m}` as SortKey, label: i === 0 ? `${metricLabel(m)} (mean ± std)` : metricLabel(m), numeric: true, title: `Cross-validated ${metricLabel(m)}` })),
    { key: 'fit', label: 'Fit', numeric: true, title: 'Mean fit time per fold' },
    { key: 'predict', label: 'Predict ms/row', numeric: true, title: 'Prediction time per row' },
    { key: 'size', label: 'Size', numeric: true, title: 'Size of the saved model (the best of each family is saved)' },
    { key: 'criteria', label: 'Criteria', numeric: false, title: 'Whether the mean cross-validated scores meet the success criteria of step 1' },
  ];
  const head = h('tr', {}, ...columns.map((c) => {
    const active = o.sort.key === c.key;
    const button = h('button', { class: 'sort', type: 'button', 'data-sort': c.key, title: c.title ?? `Sort by ${c.label}` },
      c.label, h('span', { class: `codicon codicon-${active ? (o.sort.ascending ? 'arrow-up' : 'arrow-down') : 'blank'}`, 'aria-hidden': 'true' }));
    button.addEventListener('click', () => o.onSort(c.key));
    return h('th', { scope: 'col', class: c.numeric ? 'num' : undefined, 'aria-sort': active ? (o.sort.ascending ? 'ascending' : 'descending') : undefined }, button);
  }));
  const sorted = sortRows(o.rows, o.sort);
  const focusable = sorted.some((r) => r.model === o.selected) ? o.selected : sorted[0]?.model;
  const body = h('tbody', {}, ...sorted.map((row) => {
    const primary = row.cv[o.metric];
    const tr = h('tr', { tabindex: row.model === focusable ? 0 : -1, 'aria-selected': row.model === o.selected ? 'true' : 'false', 'data-model': row.model, class: row.model === o.selected ? 'selected' : undefined },
      h('td', { class: 'num' }, String(ranks.get(row.model) ?? '')),
      h('td', { class: 'mono' }, row.model),
      h('td', { class: 'family-cell' }, row.label),
      ...metrics.map((m, i) => {
        const s = row.cv[m];
        return h('td', { class: 'num', title: s ? `mean ${metricText(s.mean)} ± ${metricText(s.std)}` : undefined },
          i === 0 && primary ? `${metricText(primary.mean)} ± ${metricText(primary.std)}` : metricText(s?.mean));
      }),
      h('td', { class: 'num' }, seconds(row.fitSeconds)),
      h('td', { class: 'num' }, msPerRow(row.predictMsPerRow)),
      h('td', { class: 'num' }, row.sizeBytes !== undefined ? bytes(row.sizeBytes) : '–'),
      h('td', {}, criteriaBadge(row, o.hasCriteria)));
    tr.addEventListener('click', () => o.onSelect(row.model));
    tr.addEventListener('keydown', (e) => onRowKey(e, tr, o));
    return tr;
  }));
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'grid leaderboard', id: 'leaderboard-table', role: 'grid', 'aria-label': 'Leaderboard: select a row for its detail' }, h('thead', {}, head), body));
}

/** Enter or Space selects a row; the arrow keys, Home and End move to another and select it. */
function onRowKey(e: KeyboardEvent, tr: HTMLElement, o: LeaderboardTableOptions): void {
  const rows = [...(tr.parentElement?.children ?? [])] as HTMLElement[];
  const at = rows.indexOf(tr);
  const target = e.key === 'ArrowDown' ? rows[at + 1] : e.key === 'ArrowUp' ? rows[at - 1] : e.key === 'Home' ? rows[0] : e.key === 'End' ? rows[rows.length - 1] : undefined;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    o.onSelect(tr.dataset.model ?? '');
  } else if (target) {
    e.preventDefault();
    o.onSelect(target.dataset.model ?? '');
  }
}

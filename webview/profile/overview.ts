import type { DataProfile } from '../../src/shared/profile/types';
import type { ProfileViewState } from '../../src/shared/protocol/profilePanel';
import { h, icon } from '../shared/dom';
import { bytes, count, percent, plural, stat } from '../../src/shared/profile/format';

// The top of the panel: what the file is, how far profiling got, and the whole-table numbers,
// alerts and reading problems.

/** Callbacks for the overview's controls. */
export interface OverviewActions {
  refresh(): void;
  cancel(): void;
  revealLine(line: number): void;
  focusColumn(name: string): void;
}

/** The status line: sampled or exact, running or failed, with the matching button. */
export function statusLine(state: ProfileViewState, actions: OverviewActions): HTMLElement {
  const { phase, profile } = state;
  const parts: (Node | string)[] = [];
  let kind = 'info';
  if (phase === 'failed') {
    kind = 'error';
    parts.push(icon('error'), h('span', {}, `Could not profile ${state.fileName}: ${state.error ?? 'unknown error'}`));
  } else if (phase === 'sampling') {
    parts.push(icon('loading codicon-modifier-spin'), h('span', {}, profile ? 'Profiling again…' : 'Reading a sample…'));
  } else if (phase === 'profiling') {
    kind = 'sampled';
    parts.push(icon('loading codicon-modifier-spin'), h('span', {}, h('strong', {}, 'Sampled. '), `${profile?.sampleNote ?? 'These numbers come from a sample.'} Computing the exact profile… `),
      h('progress', { id: 'progress', max: 100, 'aria-label': 'Exact profile progress' }), h('span', { id: 'progress-text', class: 'muted' }));
  } else if (phase === 'cancelled') {
    kind = 'sampled';
    parts.push(icon('circle-slash'), h('span', {}, h('strong', {}, 'Sampled. '), 'The exact profile was cancelled; these numbers come from a sample.'));
  } else if (profile) {
    parts.push(icon('pass'), h('span', {}, h('strong', {}, 'Exact. '), `Every row profiled in ${stat(profile.seconds)} s.`));
  }
  const button = phase === 'profiling' || phase === 'sampling'
    ? h('vscode-button', { id: 'cancel', secondary: true, icon: 'stop-circle' }, 'Cancel')
    : h('vscode-button', { id: 'refresh', secondary: true, icon: phase === 'failed' ? 'debug-restart' : 'refresh' }, phase === 'failed' ? 'Retry' : 'Profile again');
  button.addEventListener('click', () => (phase === 'profiling' || phase === 'sampling' ? actions.cancel() : actions.refresh()));
  return h('div', { class: `status-line ${kind}`, role: 'status', 'aria-live': 'polite' }, ...parts, button);
}

/** The whole-table tiles, the alerts and the reading problems. */
export function overview(profile: DataProfile, actions: OverviewActions): HTMLElement {
  const cells = profile.rows * profile.columns.length;
  const approx = profile.sampled ? '≈ ' : '';
  const tiles = h('div', { class: 'tiles' },
    tile('Rows', `${profile.sampled ? 'sample of ' : ''}${count(profile.rows)}`),
    tile('Columns', count(profile.columns.length)),
    tile('Missing cells', `${approx}${count(profile.missingCells)}`, percent(profile.missingCells, cells)),
    tile('Duplicate rows', `${approx}${count(profile.duplicateRows)}`, percent(profile.duplicateRows, profile.rows)),
    tile('Alerts', count(profile.alerts.length)),
    tile('Problems', `${count(profile.problems.length)}${profile.problemsTruncated ? '+' : ''}`),
    tile('File size', bytes(profile.bytes), profile.delimiter === '\t' ? 'tab-separated' : `“${profile.delimiter}” separated`),
  );
  return h('section', { class: 'overview', 'aria-labelledby': 'overview-title' },
    h('h2', { id: 'overview-title' }, 'Overview'), tiles, alertList(profile, actions), problemList(profile, actions));
}

function tile(label: string, value: string, note?: string): HTMLElement {
  return h('div', { class: 'tile' }, h('div', { class: 'tile-label' }, label), h('div', { class: 'tile-value' }, value),
    ...(note ? [h('div', { class: 'tile-note' }, note)] : []));
}

function alertList(profile: DataProfile, actions: OverviewActions): HTMLElement {
  if (profile.alerts.length === 0) { return h('p', { class: 'muted' }, 'No alerts.'); }
  return h('div', {}, h('h3', {}, plural(profile.alerts.length, 'alert')),
    h('ul', { class: 'alerts' }, ...profile.alerts.map((a) => {
      const item = h('li', { class: `alert alert-${a.kind}` }, icon('warning'), ' ', h('span', { class: 'kind' }, alertLabel(a.kind)), ' ', a.message);
      const column = a.column;
      if (column !== null) {
        const go = h('button', { class: 'link', title: `Show the column ${column}` }, column);
        go.addEventListener('click', () => actions.focusColumn(column));
        item.append(' · ', go);
      }
      return item;
    })));
}

function problemList(profile: DataProfile, actions: OverviewActions): HTMLElement {
  if (profile.problems.length === 0) { return h('p', { class: 'muted' }, 'No problems reading the file.'); }
  const more = profile.problemsTruncated ? ' (more were found than listed)' : '';
  return h('div', {}, h('h3', {}, `${plural(profile.problems.length, 'problem')} reading the file${more}`),
    h('ul', { class: 'problems' }, ...profile.problems.map((p) => {
      const line = h('button', { class: 'link', title: `Show line ${p.line} in the editor` }, `line ${count(p.line)}`);
      line.addEventListener('click', () => actions.revealLine(p.line));
      return h('li', {}, icon(p.kind === 'raggedRow' ? 'warning' : 'error'), line, ': ', p.message);
    })));
}

/** highCorrelation -> high correlation */
function alertLabel(kind: string): string {
  return kind.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../profile/style.css';
import './style.css';
import type { Result } from 'vega-embed';
import { isTrainingHostMessage, rankingMetric, runLabel } from '../../src/shared/protocol/trainingPanel';
import type { LeaderboardFocus, LossPoint, RowDetail, TrainingHostMessage, TrainingViewState, TrainingWebviewMessage } from '../../src/shared/protocol/trainingPanel';
import type { LeaderboardRow, TrainingProgress } from '../../src/shared/training/types';
import { onThemeChange, readTheme } from '../profile/theme';
import { h, icon } from '../shared/dom';
import { createMessageClient } from '../shared/messageClient';
import { detailView } from './detail';
import { firstDirection, leaderboardTable, metricLabel, RANK_ORDER } from './leaderboard';
import type { SortKey, SortState } from './leaderboard';
import { ProgressView, runStatus } from './progress';
import { draftOf, settingsOf, setupSection } from './setup';
import type { SetupDraft } from './setup';

// The Training panel's browser side (step 4): the form that starts a run, the run's live progress,
// and the leaderboard of any recorded run with a detail per row. The host starts and stops runs
// in the engine and relays their progress; nothing is computed here.

const client = createMessageClient<TrainingWebviewMessage, TrainingHostMessage>(isTrainingHostMessage);
const app = document.getElementById('app') as HTMLElement;

let state: TrainingViewState | undefined;
let draft: SetupDraft | undefined;
/** The host's settings the draft started from: new ones (a run started elsewhere) replace the draft. */
let adopted = '';
let formMessage: { kind: 'info' | 'error'; text: string } | undefined;
let progressView: ProgressView | undefined;
let boardHost: HTMLElement | undefined;
let detailChart: Promise<Result> | undefined;
/** The leaderboard's choices: which run, which row, the order, best of each family or every trial. */
const board: { runId?: string; model?: string; sort: SortState; allTrials: boolean } = { sort: RANK_ORDER, allTrials: false };
let shownResult: string | undefined;
const details = new Map<string, RowDetail>();
const asked = new Set<string>();
let nextId = 1;

const running = () => state?.live?.phase === 'running' || state?.live?.phase === 'stopping';
const detailKey = (runId: string, model: string) => `${runId}\n${model}`;

function render(): void {
  if (!state) { return; }
  const s = state;
  document.title = `Training: ${s.projectName}`;
  const active = document.activeElement as HTMLElement | null;
  const focusedId = active?.id;
  progressView?.dispose();
  progressView = undefined;
  const theme = readTheme();
  const metric = s.result?.metric ?? rankingMetric(s.task, s.criteria);
  const criteria = s.criteria.map((c) => `${metricLabel(c.metric)} ${c.comparator} ${c.threshold}`).join(', ');
  const header = h('header', { class: 'page-head' },
    h('h1', {}, 'Training: ', h('span', { class: 'file' }, s.projectName)),
    h('p', { class: 'muted path' }, s.task && s.target
      ? `Step 4: ${s.task} task, target ${s.target}, ranked by ${metricLabel(metric)}${criteria ? ` · success criteria: ${criteria}` : ' · no success criteria yet'}.`
      : 'Step 4: choose candidate models and train them in the background.'));
  draft ??= draftOf(s.settings);
  const setup = setupSection({
    state: s, draft, running: running(), stopping: s.live?.phase === 'stopping', message: formMessage,
    onStart: start, onStop: () => client.post({ type: 'training/stop' }), onRedraw: render,
  });
  const parts: HTMLElement[] = [header, setup];
  if (s.live) {
    progressView = new ProgressView(s.live, s.result && s.result.runId === s.live.runId ? s.result : undefined, metric, s.families, theme);
    parts.push(progressView.element);
  }
  boardHost = h('div', { id: 'board-host' });
  parts.push(boardHost);
  app.replaceChildren(...parts);
  app.toggleAttribute('aria-busy', running());
  renderBoard();
  if (focusedId) { document.getElementById(focusedId)?.focus(); }
}

function start(): void {
  if (!state || !draft) { return; }
  const settings = settingsOf(draft, state.families);
  if ('error' in settings) {
    formMessage = { kind: 'error', text: settings.error };
  } else {
    formMessage = { kind: 'info', text: 'Starting…' };
    client.post({ type: 'training/start', id: nextId++, settings });
  }
  render();
}

interface BoardRun { id: string; rows: LeaderboardRow[]; metric: string; status: { text: string; kind: string }; facts: string; hasTrials: boolean }

/** The run the leaderboard shows: the chosen one, else this session's last result, else the newest recorded. */
function boardRun(s: TrainingViewState): BoardRun | undefined {
  const fallback = s.result?.runId ?? s.runs[0]?.id;
  // A chosen run that is no longer recorded (deleted on disk) gives way to the newest.
  const id = board.runId !== undefined && (board.runId === s.result?.runId || s.runs.some((x) => x.id === board.runId)) ? board.runId : fallback;
  if (id === undefined) { return undefined; }
  const r = s.result;
  if (r && r.runId === id) {
    const status = s.live && s.live.runId === id ? runStatus(s.live, r) : runStatus({ phase: 'finished', settings: s.settings }, r);
    return {
      id, rows: board.allTrials ? r.trials : r.leaderboard, metric: r.metric, status, hasTrials: r.trials.length > r.leaderboard.length,
      facts: `${r.rows.toLocaleString('en-US')} rows · ${r.folds} folds · seed ${r.seed} · ${r.trials.length} completed trial${r.trials.length === 1 ? '' : 's'}${r.incomplete.length > 0 ? `, ${r.incomplete.length} cut or failed` : ''} · ${Math.round(r.elapsedSeconds)} s`,
    };
  }
  const run = s.runs.find((x) => x.id === id);
  if (!run) { return undefined; }
  const status = run.status === 'cancelled' ? { text: 'stopped', kind: 'stopped' } : run.status === 'failed' ? { text: 'failed', kind: 'failed' } : { text: 'complete', kind: 'complete' };
  return { id, rows: run.leaderboard, metric: run.metric, status, hasTrials: false, facts: `${run.rows.toLocaleString('en-US')} rows · ${run.task}, target ${run.target} · best of each family` };
}

/** Draws the leaderboard section again (choices, sorting, a detail arriving) without touching the rest. */
function renderBoard(focusRow = false): void {
  if (!state || !boardHost) { return; }
  const s = state;
  void detailChart?.then((c) => c.finalize(), () => undefined);
  detailChart = undefined;
  const parts: HTMLElement[] = [h('h2', { id: 'leaderboard-title', tabindex: -1 }, 'Leaderboard')];
  const run = boardRun(s);
  if (!run) {
    parts.push(h('p', { class: 'muted', id: 'leaderboard-empty' }, 'No runs yet. Start one above: its candidates appear here, ranked, as they complete.'));
    boardHost.replaceChildren(h('section', { id: 'leaderboard', 'aria-labelledby': 'leaderboard-title' }, ...parts));
    return;
  }
  const options = s.runs.map((r) => ({ value: r.id, label: runLabel(r) }));
  if (s.result && !options.some((o) => o.value === s.result?.runId)) { options.unshift({ value: s.result.runId, label: `Run ${s.result.runId}` }); }
  const picker = h('vscode-single-select', { id: 'run-select', 'aria-label': 'Run' });
  for (const o of options) { picker.append(h('vscode-option', { value: o.value, selected: o.value === run.id }, o.label)); }
  picker.value = run.id;
  picker.addEventListener('change', () => { board.runId = picker.value; board.model = undefined; board.allTrials = false; renderBoard(); });
  const controls: HTMLElement[] = [h('label', { class: 'field-label', for: 'run-select' }, 'Run'), picker];
  if (run.hasTrials) {
    const all = h('vscode-checkbox', { id: 'all-trials', checked: board.allTrials, label: 'Every trial (not only the best of each family)' });
    all.addEventListener('change', () => { board.allTrials = (all as unknown as { checked: boolean }).checked; renderBoard(); });
    controls.push(all);
  }
  parts.push(h('div', { class: 'board-controls' }, ...controls),
    h('p', { class: 'board-facts' }, h('span', { class: `badge run-status ${run.status.kind}`, id: 'board-status' }, run.status.text), ` ${run.facts}`));
  if (run.rows.length === 0) {
    parts.push(h('p', { class: 'muted' }, 'No candidate completed in this run.'));
  } else {
    parts.push(leaderboardTable({
      rows: run.rows, metric: run.metric, sort: board.sort, selected: board.model, hasCriteria: s.criteria.length > 0,
      onSort: (key: SortKey) => {
        board.sort = board.sort.key === key ? { key, ascending: !board.sort.ascending } : { key, ascending: key === 'rank' ? true : firstDirection(key) };
        renderBoard();
        document.querySelector<HTMLElement>(`button.sort[data-sort="${CSS.escape(key)}"]`)?.focus();
      },
      onSelect: (model) => select(run.id, model),
    }));
    const row = run.rows.find((r) => r.model === board.model);
    if (row) {
      const key = detailKey(run.id, row.model);
      if (!asked.has(key)) {
        asked.add(key);
        client.post({ type: 'training/detail', id: nextId++, runId: run.id, model: row.model });
      }
      const view = detailView({ row, metric: run.metric, detail: details.get(key), hasCriteria: s.criteria.length > 0, theme: readTheme() });
      detailChart = view.chart;
      parts.push(view.element);
    } else {
      parts.push(h('p', { class: 'muted hint' }, 'Select a row (click, or Enter on the keyboard) to see its parameters, its score on each fold and how it meets the success criteria.'));
    }
  }
  boardHost.replaceChildren(h('section', { id: 'leaderboard', 'aria-labelledby': 'leaderboard-title' }, ...parts));
  if (focusRow && board.model) { document.querySelector<HTMLElement>(`#leaderboard-table tr[data-model="${CSS.escape(board.model)}"]`)?.focus(); }
}

function select(runId: string, model: string): void {
  if (!model) { return; }
  board.runId = runId;
  board.model = model;
  renderBoard(true);
}

function focus(f: LeaderboardFocus): void {
  if (f.view === 'setup') {
    document.getElementById('setup-title')?.scrollIntoView({ block: 'start' });
    return;
  }
  if (f.runId && f.runId !== board.runId) { board.runId = f.runId; board.model = undefined; board.allTrials = false; }
  renderBoard();
  const title = document.getElementById('leaderboard-title');
  title?.scrollIntoView({ block: 'start' });
  title?.focus();
}

function update(next: TrainingViewState): void {
  const settings = JSON.stringify(next.settings);
  if (settings !== adopted) { adopted = settings; draft = draftOf(next.settings); }
  // A run that has just finished here is the one to look at.
  if (next.result && next.result.runId !== shownResult) {
    if (shownResult !== undefined || !board.runId) { board.runId = next.result.runId; board.model = undefined; board.allTrials = false; }
    shownResult = next.result.runId;
  }
  if (next.live?.phase === 'running' && formMessage?.text === 'Starting…') { formMessage = undefined; }
  state = next;
  render();
}

function progressed(progress: TrainingProgress, curve: { model: string; family: string; unit: string } | undefined, points: LossPoint[], reset: boolean): void {
  if (!state) { return; }
  if (!running()) {
    // The host's update saying the run started may come after its first reports.
    state = { ...state, live: { phase: 'running', settings: state.settings, progress } };
    render();
  }
  const live = state.live!;
  live.progress = progress;
  if (curve) {
    live.curve = reset || live.curve?.model !== curve.model ? { ...curve, points: [...points] } : { ...live.curve, unit: curve.unit, points: [...live.curve.points, ...points] };
  }
  progressView?.update(progress, curve, points, reset);
}

client.onMessage((message) => {
  switch (message.type) {
    case 'training/update':
      update(message.state);
      return;
    case 'training/progress':
      progressed(message.progress, message.curve, message.points, message.reset);
      return;
    case 'training/started':
      formMessage = message.outcome.kind === 'refused' ? { kind: 'error', text: message.outcome.message } : undefined;
      render();
      return;
    case 'training/detail': {
      details.set(detailKey(message.runId, message.model), message.detail);
      if (board.model === message.model) {
        renderBoard(Boolean(document.activeElement?.closest('#leaderboard-table')));
      }
      return;
    }
    case 'training/focus':
      focus(message.focus);
  }
});

// A new theme means new chart colours: draw again from the same state.
onThemeChange(() => render());

app.replaceChildren(h('p', { class: 'muted' }, icon('loading codicon-modifier-spin'), ' Loading the model families and runs…'));
client.post({ type: 'training/ready' });

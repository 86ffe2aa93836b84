import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import { metricText } from '../../src/shared/protocol/trainingPanel';
import type { LiveRun, LossCurve, LossPoint } from '../../src/shared/protocol/trainingPanel';
import type { FamilyInfo, TrainingProgress, TrainingResult } from '../../src/shared/training/types';
import type { ChartTheme } from '../profile/theme';
import { h, icon } from '../shared/dom';
import { LossChart } from './charts';
import { metricLabel } from './leaderboard';

// The run in progress (or the last one started here): time against the budget, what is being
// fitted, the loss curve of the running fit, and the candidates as they complete. Progress reports
// arrive a few times a second; they update these elements in place instead of redrawing the page.

const PHASES: Record<TrainingProgress['phase'], string> = {
  preparing: 'Preparing the folds', defaults: 'Trying each family\'s defaults', search: 'Searching hyperparameters',
  refit: 'Refitting the best of each family on all rows', saving: 'Saving the run', done: 'Done',
};

/** The run's state in a word or two: running, stopping…, stopped, complete, time budget reached, failed. */
export function runStatus(live: LiveRun, result: TrainingResult | undefined): { text: string; kind: string } {
  if (live.phase === 'running') { return { text: 'running', kind: 'running' }; }
  if (live.phase === 'stopping') { return { text: 'stopping…', kind: 'running' }; }
  if (live.phase === 'failed') { return { text: 'failed', kind: 'failed' }; }
  if (!result || result.cancelled) { return { text: 'stopped', kind: 'stopped' }; }
  return result.stopReason === 'time' ? { text: 'time budget reached', kind: 'complete' }
    : result.stopReason === 'trials' ? { text: 'trial budget reached', kind: 'complete' } : { text: 'complete', kind: 'complete' };
}

/** The live progress section; `update` takes each progress report. */
export class ProgressView {
  readonly element: HTMLElement;
  private readonly bar: HTMLElement & { value?: number; max: number; indeterminate: boolean };
  private readonly time: HTMLElement;
  private readonly line: HTMLElement;
  private readonly chartTitle: HTMLElement;
  private readonly chartArea: HTMLElement;
  private readonly chartNote: HTMLElement;
  private readonly table: HTMLElement;
  private chart: LossChart | undefined;
  private readonly labels: Map<string, string>;

  constructor(private readonly live: LiveRun, result: TrainingResult | undefined, private readonly metric: string, families: readonly FamilyInfo[], private readonly theme: ChartTheme) {
    this.labels = new Map(families.map((f) => [f.id, f.label]));
    const status = runStatus(live, result);
    this.bar = h('vscode-progress-bar', { id: 'run-progress', 'aria-label': 'Time used of the budget' }) as unknown as ProgressView['bar'];
    this.time = h('span', { class: 'run-time' });
    this.line = h('p', { class: 'run-line', id: 'run-line', 'aria-live': 'polite' });
    this.chartTitle = h('h3', { id: 'loss-title' }, 'Loss of the running fit');
    this.chartArea = h('div', { class: 'chart', id: 'loss-chart', role: 'img', 'aria-labelledby': 'loss-title' });
    this.chartNote = h('p', { class: 'muted chart-note' });
    this.table = h('div', { id: 'trials', class: 'table-scroll' });
    const running = live.phase === 'running' || live.phase === 'stopping';
    const heading = h('h2', { id: 'run-title' }, running ? 'Run in progress ' : 'Last run ', h('span', { class: `badge run-status ${status.kind}`, id: 'run-status' }, status.text));
    const error = live.phase === 'failed' ? h('div', { class: 'status-line error', role: 'alert' }, icon('error'), ` ${live.error ?? 'The run failed.'}`) : '';
    const stopped = status.kind === 'stopped' && result
      ? h('p', { class: 'muted' }, `Stopped after ${result.trials.length} completed trial${result.trials.length === 1 ? '' : 's'}; they are kept, and on the leaderboard below.`) : '';
    this.element = h('section', { id: 'progress', 'aria-labelledby': 'run-title' }, heading, error, stopped,
      h('div', { class: 'run-bar' }, this.bar, this.time), this.line,
      h('div', { class: 'progress-grid' },
        h('section', { class: 'card loss-card' }, this.chartTitle, this.chartArea, this.chartNote),
        h('section', { class: 'card trials-card', 'aria-labelledby': 'trials-title' }, h('h3', { id: 'trials-title' }, 'Completed candidates (best of each family)'), this.table)));
    if (live.curve) { this.newChart(live.curve); }
    this.showProgress(live.progress, running);
  }

  /** Takes a progress report (and the loss points it adds). */
  update(progress: TrainingProgress, curve: Omit<LossCurve, 'points'> | undefined, points: readonly LossPoint[], reset: boolean): void {
    if (curve && (reset || !this.chart || this.chart.curve.model !== curve.model)) {
      this.newChart({ ...curve, points: [...points] });
    } else if (this.chart) {
      this.chart.add(points);
    }
    this.showProgress(progress, this.live.phase === 'running' || this.live.phase === 'stopping');
    this.noteChart(progress);
  }

  private newChart(curve: LossCurve): void {
    this.chart?.finalize();
    this.chartArea.replaceChildren();
    this.chart = new LossChart(this.chartArea, { ...curve, points: [...curve.points] }, this.theme);
    this.chartTitle.textContent = `Loss of ${curve.model} (${this.labels.get(curve.family) ?? curve.family}) per ${curve.unit}`;
  }

  private noteChart(p: TrainingProgress | undefined): void {
    const curve = this.chart?.curve;
    const hasPoints = (curve?.points.length ?? 0) > 0;
    this.chartArea.classList.toggle('empty', !hasPoints);
    const searching = p?.phase === 'defaults' || p?.phase === 'search';
    // Families without a loss (forests, a single tree) leave the last curve up: say what is fitting now.
    const other = searching && p?.model !== undefined && curve !== undefined && p.model !== curve.model;
    if (hasPoints) {
      const noLoss = p?.step !== undefined && p.trainLoss === undefined && p.validLoss === undefined
        ? `, which reports no loss (${p.unit ?? 'step'} ${p.step}${p.total ? ` of ${p.total}` : ''})` : '';
      this.chartNote.textContent = other && p ? `Now fitting ${p.model} (${this.labels.get(p.family ?? '') ?? p.family})${noLoss}; the curve is the last one reported.` : '';
    } else {
      this.chartNote.textContent = 'The loss curve appears when a family that reports one (boosting, neural network, logistic regression) is fitting.';
    }
  }

  private showProgress(p: TrainingProgress | undefined, running: boolean): void {
    if (!p) {
      this.bar.indeterminate = running;
      this.line.textContent = running ? 'Starting…' : '';
      this.table.replaceChildren(h('p', { class: 'muted' }, running ? 'No candidate has completed yet.' : 'No candidate completed.'));
      this.noteChart(undefined);
      return;
    }
    if (p.budgetSeconds) {
      this.bar.indeterminate = false;
      this.bar.max = p.budgetSeconds;
      this.bar.value = Math.min(p.elapsedSeconds, p.budgetSeconds);
      this.time.textContent = `${Math.round(p.elapsedSeconds)} s of ${p.budgetSeconds} s`;
    } else {
      this.bar.indeterminate = running;
      this.time.textContent = `${Math.round(p.elapsedSeconds)} s`;
    }
    const parts = [PHASES[p.phase]];
    if ((p.phase === 'defaults' || p.phase === 'search') && p.trial !== undefined) { parts.push(`trial ${p.trial}${p.trials ? ` of ${p.trials}` : ''}`); }
    if ((p.phase === 'defaults' || p.phase === 'search') && p.family) { parts.push(this.labels.get(p.family) ?? p.family); }
    if (p.fold !== undefined && p.folds !== undefined && p.phase !== 'refit') { parts.push(`fold ${p.fold} of ${p.folds}`); }
    if (p.step !== undefined && p.unit && p.phase !== 'refit') { parts.push(`${p.unit} ${p.step}${p.total ? `/${p.total}` : ''}`); }
    this.line.textContent = running ? parts.join(' · ') : `${Math.round(p.elapsedSeconds)} s in all.`;
    this.table.replaceChildren(this.trialTable(p));
    this.noteChart(p);
  }

  private trialTable(p: TrainingProgress): HTMLElement {
    if (p.leaderboard.length === 0) { return h('p', { class: 'muted' }, 'No candidate has completed yet.'); }
    return h('table', { class: 'grid', id: 'trial-table' },
      h('thead', {}, h('tr', {}, ...['Family', 'Model', `${metricLabel(this.metric)} (mean ± std)`, 'Fit'].map((t, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : undefined }, t)))),
      h('tbody', {}, ...p.leaderboard.map((row) => h('tr', {},
        h('td', {}, row.label), h('td', { class: 'mono', title: `trial ${row.trial}` }, row.model),
        h('td', { class: 'num' }, `${metricText(row.cv[this.metric]?.mean)} ± ${metricText(row.cv[this.metric]?.std)}`),
        h('td', { class: 'num' }, `${row.fitSeconds.toFixed(2)} s`)))));
  }

  /** Frees the chart. */
  dispose(): void {
    this.chart?.finalize();
  }
}

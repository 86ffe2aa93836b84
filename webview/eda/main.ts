import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import '../profile/style.css';
import './style.css';
import type { Result } from 'vega-embed';
import type { EdaChart, EdaQuestion, EdaReport } from '../../src/shared/eda/types';
import { count } from '../../src/shared/profile/format';
import { isEdaHostMessage } from '../../src/shared/protocol/edaPanel';
import type { AddStepOutcome, ChartFormat, EdaHostMessage, EdaViewState, EdaWebviewMessage, FileOutcome, SuggestedStepRef } from '../../src/shared/protocol/edaPanel';
import { drawChart } from '../profile/charts';
import { onThemeChange, readTheme } from '../profile/theme';
import { h, icon } from '../shared/dom';
import { createMessageClient } from '../shared/messageClient';
import { CHART_GROUPS, chartImage, isWide, panelSpec } from './charts';
import { describeStep } from './steps';

// The Exploratory Data Analysis panel's browser side. It renders the engine's report (charts
// already binned and summarised: no rows) and asks the host to add the suggested steps.

const client = createMessageClient<EdaWebviewMessage, EdaHostMessage>(isEdaHostMessage);
const app = document.getElementById('app') as HTMLElement;

let state: EdaViewState | undefined;
/** The drawn charts, by their drawing area. */
let views = new Map<Element, Promise<Result>>();
let pending = new Map<Element, () => Promise<Result>>();
let nextId = 1;
/** Where each reply about a file goes: the status line under its chart or beside the export button. */
const fileReplies = new Map<number, (outcome: FileOutcome) => void>();

/** Draws a chart now (once), whether or not it scrolled into view. */
function drawNow(area: Element): Promise<Result> | undefined {
  const drawing = views.get(area);
  if (drawing) { return drawing; }
  const draw = pending.get(area);
  if (!draw) { return undefined; }
  pending.delete(area);
  observer.unobserve(area);
  const view = draw();
  views.set(area, view);
  view.catch((err: unknown) => {
    area.replaceChildren(h('p', { class: 'muted' }, `The chart could not be drawn: ${err instanceof Error ? err.message : String(err)}`));
  });
  return view;
}

// Charts are drawn when they scroll into view: a wide file has many.
const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting) { void drawNow(entry.target)?.catch(() => undefined); }
  }
}, { rootMargin: '200px' });

const key = (ref: SuggestedStepRef) => `${ref.question}:${ref.index}`;

function render(next: EdaViewState): void {
  state = next;
  document.title = `Exploratory Data Analysis: ${next.projectName}`;
  clearCharts();
  const body: HTMLElement[] = [header(next)];
  if (next.report) { body.push(questionsSection(next.report, new Set(next.added.map(key))), ...chartSections(next.report)); }
  app.replaceChildren(...body);
  app.toggleAttribute('aria-busy', next.phase === 'exploring');
}

function header(s: EdaViewState): HTMLElement {
  const r = s.report;
  const facts = r
    ? `${r.file.split(/[\\/]/).pop() ?? r.file} · ${count(r.rows)} rows · ${count(r.columns)} columns${r.target ? ` · target ${r.target}${r.task ? ` (${r.task})` : ''}` : ' · no target yet'} · computed in ${r.seconds < 0.1 ? 'under 0.1' : r.seconds.toFixed(1)} s`
    : '';
  const exportButton = h('vscode-button', { id: 'export-html', icon: 'export', secondary: true, disabled: s.phase !== 'done' }, 'Export HTML report');
  const exportStatus = h('span', { class: 'export-status muted', role: 'status', id: 'export-status' });
  exportButton.addEventListener('click', () => {
    if (exportButton.hasAttribute('disabled')) { return; }
    exportButton.setAttribute('disabled', '');
    exportStatus.replaceChildren(icon('loading codicon-modifier-spin'), ' Exporting…');
    const id = nextId++;
    // The header may have been drawn again meanwhile (a new analysis): answer in the one shown.
    fileReplies.set(id, (outcome) => {
      document.getElementById('export-html')?.removeAttribute('disabled');
      showOutcome(document.getElementById('export-status') ?? exportStatus, outcome, 'Exported to');
    });
    client.post({ type: 'eda/exportHtml', id });
  });
  const status = s.phase === 'exploring'
    ? h('div', { class: 'status-line' }, icon('loading codicon-modifier-spin'), ' Exploring the data…')
    : s.phase === 'failed'
      ? h('div', { class: 'status-line error', role: 'alert' }, icon('error'), ` ${s.error ?? 'The analysis failed.'}`, refreshButton('Retry'))
      : h('div', { class: 'status-line' }, icon('pass'), ' Computed by the engine from every row.', refreshButton('Explore again'));
  return h('header', { class: 'page-head' },
    h('div', { class: 'title-row' }, h('h1', {}, 'Exploratory Data Analysis: ', h('span', { class: 'file' }, s.projectName)),
      h('div', { class: 'export' }, exportStatus, exportButton)),
    h('p', { class: 'muted path' }, facts), status);
}

/** Shows what became of a file: where it went, nothing when cancelled, or why it failed. */
function showOutcome(line: HTMLElement, outcome: FileOutcome, saved: string): void {
  line.setAttribute('role', outcome.kind === 'failed' ? 'alert' : 'status');
  line.classList.toggle('error-text', outcome.kind === 'failed');
  if (outcome.kind === 'saved') { line.replaceChildren(icon('check'), ` ${saved} ${outcome.path.split(/[\\/]/).pop() ?? outcome.path}`); }
  else if (outcome.kind === 'failed') { line.replaceChildren(icon('error'), ` ${outcome.message}`); }
  else { line.replaceChildren(); }
}

function refreshButton(label: string): HTMLElement {
  const button = h('vscode-button', { id: 'refresh', secondary: true, icon: 'refresh' }, label);
  button.addEventListener('click', () => client.post({ type: 'eda/refresh' }));
  return button;
}

function questionsSection(report: EdaReport, added: Set<string>): HTMLElement {
  return h('section', { 'aria-labelledby': 'questions-title' },
    h('h2', { id: 'questions-title' }, 'Handling questions'),
    h('div', { class: 'questions' }, ...report.questions.map((q) => questionCard(q, added))));
}

function questionCard(q: EdaQuestion, added: Set<string>): HTMLElement {
  const findings = q.findings.length > 0
    ? h('ul', { class: 'findings' }, ...q.findings.slice(0, 8).map((f) => h('li', {}, h('strong', {}, f.column), ` ${f.note}`)))
    : '';
  const steps = q.suggestedSteps.length > 0
    ? h('ul', { class: 'steps' }, ...q.suggestedSteps.map((step, index) => {
      const ref = { question: q.kind, index };
      return h('li', {}, h('span', { class: 'step-text' }, icon('symbol-event'), ` ${describeStep(step)}`), addButton(ref, added.has(key(ref))));
    }))
    : h('p', { class: 'muted' }, 'No step needed.');
  return h('section', { class: 'card question', id: `question-${q.kind}`, tabindex: 0, 'aria-label': q.title },
    h('h3', {}, q.title), h('p', { class: 'answer' }, q.answer), findings, steps);
}

function addButton(ref: SuggestedStepRef, isAdded: boolean): HTMLElement {
  const button = h('vscode-button', { class: 'add-step', 'data-step': key(ref), icon: isAdded ? 'check' : 'add', disabled: isAdded }, isAdded ? 'Added' : 'Add to pipeline');
  button.addEventListener('click', () => {
    if (button.hasAttribute('disabled')) { return; }
    button.setAttribute('disabled', '');
    button.textContent = 'Adding…';
    client.post({ type: 'eda/addStep', id: nextId++, step: ref });
  });
  return button;
}

function stepAdded(ref: SuggestedStepRef, outcome: AddStepOutcome): void {
  const button = document.querySelector<HTMLElement>(`.add-step[data-step="${key(ref)}"]`);
  if (!button) { return; }
  const item = button.closest('li');
  item?.querySelector('.step-error')?.remove();
  if (outcome.kind === 'added') {
    state?.added.push(ref);
    button.setAttribute('icon', 'check');
    button.textContent = 'Added';
  } else {
    button.removeAttribute('disabled');
    button.textContent = 'Add to pipeline';
    item?.append(h('p', { class: 'step-error', role: 'alert' }, icon('error'), ` ${outcome.message}`));
  }
}

function chartSections(report: EdaReport): HTMLElement[] {
  const theme = readTheme();
  return CHART_GROUPS.flatMap((group) => {
    const charts = report.charts.filter((c) => group.kinds.includes(c.kind));
    if (charts.length === 0) { return []; }
    return [h('section', { id: group.id, 'aria-labelledby': `${group.id}-title` },
      h('h2', { id: `${group.id}-title` }, group.title),
      h('div', { class: 'charts' }, ...charts.map((chart) => chartCard(chart, theme))))];
  });
}

function chartCard(chart: EdaChart, theme: ReturnType<typeof readTheme>): HTMLElement {
  const area = h('div', { class: 'chart', role: 'img', 'aria-label': chart.title });
  pending.set(area, () => drawChart(area, panelSpec(chart), theme));
  observer.observe(area);
  const line = h('p', { class: 'chart-status muted', role: 'status' });
  const toolbar = h('div', { class: 'chart-toolbar', role: 'group', 'aria-label': `Save ${chart.title}` },
    saveButton(area, chart, 'svg', line), saveButton(area, chart, 'png', line));
  return h('section', { class: `card chart-card${isWide(chart) ? ' wide' : ''}`, 'data-chart': chart.id },
    h('div', { class: 'chart-head' }, h('h3', {}, chart.title), toolbar), area, h('p', { class: 'answer' }, chart.answer), line);
}

/** A toolbar button that saves the chart as drawn (theme colours on the theme's background). */
function saveButton(area: Element, chart: EdaChart, format: ChartFormat, line: HTMLElement): HTMLElement {
  const label = `Save chart as ${format.toUpperCase()}`;
  const button = h('vscode-toolbar-button', { icon: format === 'svg' ? 'file-code' : 'file-media', label, title: label, class: `save-${format}` }, format.toUpperCase());
  button.addEventListener('click', () => void (async () => {
    const drawing = drawNow(area);
    if (!drawing) { return; }
    try {
      const data = await chartImage((await drawing).view, format, readTheme().background);
      const id = nextId++;
      fileReplies.set(id, (outcome) => showOutcome(line, outcome, 'Saved to'));
      client.post({ type: 'eda/saveChart', id, title: chart.title, format, data });
    } catch (err) {
      showOutcome(line, { kind: 'failed', message: `The chart could not be exported: ${err instanceof Error ? err.message : String(err)}` }, '');
    }
  })());
  return button;
}

function clearCharts(): void {
  for (const view of views.values()) { void view.then((v) => v.finalize(), () => undefined); }
  views = new Map();
  for (const element of pending.keys()) { observer.unobserve(element); }
  pending = new Map();
}

function focus(section: string): void {
  const target = document.getElementById(section);
  target?.scrollIntoView({ block: 'start' });
  if (target?.hasAttribute('tabindex')) { target.focus(); }
}

client.onMessage((message) => {
  switch (message.type) {
    case 'eda/update':
      render(message.state);
      return;
    case 'eda/stepAdded':
      stepAdded(message.step, message.outcome);
      return;
    case 'eda/focus':
      focus(message.section);
      return;
    case 'eda/chartSaved':
    case 'eda/exported':
      fileReplies.get(message.id)?.(message.outcome);
      fileReplies.delete(message.id);
  }
});

// A new theme means new chart colours: redraw from the same report.
onThemeChange(() => { if (state) { render(state); } });

app.replaceChildren(h('p', { class: 'muted' }, 'Exploring the data…'));
client.post({ type: 'eda/ready' });

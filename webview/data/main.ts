import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../profile/style.css';
import './style.css';
import type { PipelineStep } from '../../src/shared/pipeline/types';
import { count } from '../../src/shared/profile/format';
import { isDataHostMessage } from '../../src/shared/protocol/dataPanel';
import type { DataHostMessage, DataOutcome, DataViewState, DataWebviewMessage } from '../../src/shared/protocol/dataPanel';
import type { PipelinePreview } from '../../src/shared/protocol/engine';
import { describeStep } from '../eda/steps';
import { h, icon } from '../shared/dom';
import { createMessageClient } from '../shared/messageClient';
import { previewSection } from './preview';
import { draftOf, splitSection } from './splitSection';
import type { SplitDraft } from './splitSection';
import { stepForm } from './stepForm';

// The Data panel's browser side: data sources, quality findings, the train/test split, and the
// pipeline editor. Every edit asks the host for a new preview (debounced); Save writes the steps
// to the project file.

const client = createMessageClient<DataWebviewMessage, DataHostMessage>(isDataHostMessage);
const app = document.getElementById('app') as HTMLElement;

let state: DataViewState | undefined;
let steps: PipelineStep[] = [];
let dirty = false;
let editing: number | undefined;
let preview: PipelinePreview | undefined;
let previewFailure: string | undefined;
let previewing = false;
let status: { kind: 'info' | 'error'; text: string } | undefined;
let nextId = 1;
let latestPreview = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let splitDraft: SplitDraft = draftOf(undefined);
let splitStatus: { kind: 'info' | 'error'; text: string } | undefined;
let splitSaving = false;
/** The columns after a prefix of the steps (keyed by its JSON); null when the engine could not say. */
const columnsAfter = new Map<string, string[] | null>();
/** Column requests in flight: id -> the prefix's key. */
const columnRequests = new Map<number, string>();

function render(): void {
  if (!state) { return; }
  document.title = `Data: ${state.projectName}`;
  const focused = document.activeElement?.id;
  app.replaceChildren(
    h('header', { class: 'page-head' }, h('h1', {}, 'Data: ', h('span', { class: 'file' }, state.projectName)),
      h('p', { class: 'muted path' }, 'Step 2: register the data, check its quality, and build the preprocessing pipeline.')),
    sourcesSection(state), qualitySection(state), splitView(state), pipelineSection(), previewSection(preview, previewFailure, previewing));
  if (focused) { document.getElementById(focused)?.focus(); }
}

function button(id: string, label: string, iconName: string, onClick: () => void, extra: Record<string, string | boolean> = {}): HTMLElement {
  const b = h('vscode-button', { id, icon: iconName, ...extra }, label);
  b.addEventListener('click', () => { if (!b.hasAttribute('disabled')) { onClick(); } });
  return b;
}

function iconButton(id: string, label: string, iconName: string, disabled: boolean, onClick: () => void): HTMLElement {
  return button(id, '', iconName, onClick, { secondary: true, 'aria-label': label, title: label, disabled, class: 'icon-button' });
}

function sourcesSection(s: DataViewState): HTMLElement {
  const add = button('source-add', 'Add Data Source', 'add', () => client.post({ type: 'data/source', action: 'add' }), { secondary: true });
  const body = s.sources.length === 0
    ? h('p', { class: 'muted' }, 'No data sources yet.')
    : h('table', { class: 'grid sources' },
      h('thead', {}, h('tr', {}, ...['Name', 'File', 'Role', 'Rows × columns', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...s.sources.map((src, i) => h('tr', {},
        h('td', {}, src.name), h('td', { class: 'mono' }, src.path), h('td', {}, src.role),
        h('td', { class: 'num' }, src.rows !== undefined ? `${count(src.rows)} × ${src.columns ?? '?'}` : '—',
          src.stale ? h('div', { class: 'stale', role: 'alert', title: src.stale }, icon('warning'), ' changed since registered') : ''),
        h('td', { class: 'actions' },
          iconButton(`source-refresh-${i}`, `Refresh ${src.name}`, 'refresh', false, () => client.post({ type: 'data/source', action: 'refresh', name: src.name })),
          iconButton(`source-remove-${i}`, `Remove ${src.name}`, 'trash', false, () => client.post({ type: 'data/source', action: 'remove', name: src.name })))))));
  return h('section', { id: 'sources', 'aria-labelledby': 'sources-title' }, h('h2', { id: 'sources-title' }, 'Data sources'), body, h('div', { class: 'row-buttons' }, add));
}

const SEVERITY_ICON = { error: 'error', warning: 'warning', info: 'info' } as const;

function qualitySection(s: DataViewState): HTMLElement {
  const q = s.quality;
  const title = h('h2', { id: 'quality-title' }, 'Quality', q.report ? h('span', { class: 'muted' }, ` of ${q.report.source} (${count(q.report.rows)} rows × ${q.report.columns} columns)`) : '');
  let body: (HTMLElement | string)[];
  if (q.phase === 'assessing') { body = [h('p', { class: 'muted' }, icon('loading codicon-modifier-spin'), ' Assessing the training data…')]; }
  else if (q.phase === 'failed') { body = [h('p', { class: 'error-text', role: 'alert' }, icon('error'), ` ${q.error ?? 'The assessment failed.'}`)]; }
  else if (!q.report) { body = [h('p', { class: 'muted' }, 'Add a training source to assess its quality.')]; }
  else {
    const findings = q.report.findings.length === 0
      ? h('p', {}, icon('pass'), ' No problems found.')
      : h('ul', { class: 'problems findings' }, ...q.report.findings.map((f) => h('li', { class: f.severity }, icon(SEVERITY_ICON[f.severity]), h('span', { class: 'sr-only' }, `${f.severity}: `), ` ${f.message}`)));
    body = [findings];
    if (q.report.suggestedRisks.length > 0) {
      body.push(h('div', { class: 'row-buttons' }, button('record-risks', `Record ${q.report.suggestedRisks.length} suggested risk${q.report.suggestedRisks.length === 1 ? '' : 's'}`, 'shield', () => {
        client.post({ type: 'data/recordRisks', id: nextId++ });
      }, { secondary: true })));
    }
  }
  const again = button('assess', 'Assess again', 'refresh', () => client.post({ type: 'data/assess' }), { secondary: true, disabled: q.phase === 'assessing' || s.sources.length === 0 });
  return h('section', { id: 'quality', 'aria-labelledby': 'quality-title' }, title, ...body, h('div', { class: 'row-buttons' }, again));
}

let splitCache: { key: string; element: HTMLElement } | undefined;

/** The split section, kept across redraws while nothing it shows changed (so typing is never interrupted). */
function splitView(s: DataViewState): HTMLElement {
  const columns = preview?.columnsBefore ?? [];
  const key = JSON.stringify([s.split ?? null, columns, splitStatus ?? null, splitSaving, splitDraft.method]);
  if (splitCache?.key === key) { return splitCache.element; }
  const element = splitSection({
    saved: s.split, draft: splitDraft, columns, status: splitStatus, saving: splitSaving,
    onMethod: () => { splitStatus = undefined; render(); },
    onSave: (split) => {
      splitSaving = true;
      splitStatus = undefined;
      render();
      client.post({ type: 'data/saveSplit', id: nextId++, split });
    },
  });
  splitCache = { key, element };
  return element;
}

/**
 * The columns step `i` sees: those after the steps before it, which the engine works out (a
 * derive adds one, a one-hot encoding adds one per category). Undefined while it is asked.
 */
function columnsBefore(i: number): readonly string[] | undefined {
  if (i === 0 && preview) { return preview.columnsBefore; }
  const prefix = steps.slice(0, i);
  const key = JSON.stringify(prefix);
  const known = columnsAfter.get(key);
  if (known !== undefined) { return known ?? preview?.columnsBefore ?? []; }
  if (![...columnRequests.values()].includes(key)) {
    const id = nextId++;
    columnRequests.set(id, key);
    client.post({ type: 'data/columnsAt', id, steps: prefix });
  }
  return undefined;
}

let editCache: { key: string; element: HTMLElement } | undefined;

/** The form editing step `i`, kept across redraws while the step and its columns stay the same. */
function editForm(i: number): HTMLElement {
  const columns = columnsBefore(i);
  if (!columns) { return h('p', { class: 'muted', role: 'status' }, icon('loading codicon-modifier-spin'), ' Finding the columns this step sees…'); }
  const key = JSON.stringify([i, steps[i], columns]);
  if (editCache?.key === key) { return editCache.element; }
  const element = stepForm(`edit-${i}`, steps[i], columns, (next) => { editing = undefined; edit(() => { steps[i] = next; }); }, () => { editing = undefined; render(); });
  editCache = { key, element };
  return element;
}

function pipelineSection(): HTMLElement {
  const error = preview?.error;
  const items = steps.map((step, i) => {
    const c = preview?.counts[i];
    const enabled = h('vscode-checkbox', { id: `step-enabled-${i}`, checked: step.enabled !== false, label: 'Enabled', 'aria-label': `Enable step ${i + 1}` });
    enabled.addEventListener('change', () => edit(() => {
      const on = (enabled as unknown as { checked: boolean }).checked;
      const next = { ...step } as PipelineStep;
      if (on) { delete next.enabled; } else { next.enabled = false; }
      steps[i] = next;
    }));
    const item = h('li', { class: `step${step.enabled === false ? ' disabled' : ''}${error?.step === i ? ' failed' : ''}`, 'data-step': i },
      h('div', { class: 'step-line' },
        h('span', { class: 'step-number' }, `${i + 1}.`),
        enabled,
        h('span', { class: 'step-text' }, describeStep(step)),
        h('span', { class: 'step-count muted' }, c ? `→ ${count(c.rows)} × ${c.columns}` : ''),
        iconButton(`step-edit-${i}`, `Edit step ${i + 1}`, 'edit', false, () => { editing = i; render(); }),
        iconButton(`step-up-${i}`, `Move step ${i + 1} up`, 'arrow-up', i === 0, () => edit(() => { [steps[i - 1], steps[i]] = [steps[i], steps[i - 1]]; })),
        iconButton(`step-down-${i}`, `Move step ${i + 1} down`, 'arrow-down', i === steps.length - 1, () => edit(() => { [steps[i + 1], steps[i]] = [steps[i], steps[i + 1]]; })),
        iconButton(`step-remove-${i}`, `Remove step ${i + 1}`, 'trash', false, () => edit(() => { steps.splice(i, 1); }))));
    if (error?.step === i) { item.append(h('p', { class: 'step-error', role: 'alert' }, icon('error'), ` ${error.message}`)); }
    if (editing === i) { item.append(editForm(i)); }
    return item;
  });
  const columnsHere = preview && !preview.error ? preview.columnsAfter : preview?.columnsBefore ?? [];
  const save = button('save', dirty ? 'Save pipeline' : 'Saved', 'save', () => {
    client.post({ type: 'data/save', id: nextId++, steps });
  }, { disabled: !dirty });
  const discard = button('discard', 'Discard changes', 'discard', () => { steps = structuredClone(state?.steps ?? []); dirty = false; status = undefined; render(); schedulePreview(); }, { secondary: true, disabled: !dirty });
  const statusLine = status ? h('p', { class: status.kind === 'error' ? 'error-text' : 'muted', role: status.kind === 'error' ? 'alert' : 'status' }, icon(status.kind === 'error' ? 'error' : 'check'), ` ${status.text}`) : '';
  return h('section', { id: 'pipeline', 'aria-labelledby': 'pipeline-title' },
    h('h2', { id: 'pipeline-title' }, 'Pipeline', dirty ? h('span', { class: 'badge unsaved' }, 'unsaved') : ''),
    steps.length === 0 ? h('p', { class: 'muted' }, 'No steps yet: the data goes to training as it is.') : h('ol', { class: 'steps' }, ...items),
    addForm(columnsHere),
    h('div', { class: 'row-buttons' }, save, discard), statusLine);
}

let addDetails: { element: HTMLDetailsElement; columns: string } | undefined;

/** The Add step form, kept across redraws so that a preview arriving does not wipe what is being typed. */
function addForm(columns: readonly string[]): HTMLElement {
  const key = columns.join('\u0000');
  if (addDetails && (addDetails.columns === key || addDetails.element.contains(document.activeElement))) { return addDetails.element; }
  const element = h('details', { class: 'add-step', open: addDetails ? addDetails.element.open : steps.length === 0 }, h('summary', {}, 'Add step'));
  // Filled once open: the toolkit's dropdowns take their options' labels from rendered text,
  // which the inside of a closed <details> does not have (they would show blank).
  const fill = () => {
    if (element.open && element.childElementCount === 1) { element.append(stepForm('add', undefined, columns, (step) => edit(() => { steps.push(step); }))); }
  };
  element.addEventListener('toggle', fill);
  fill();
  addDetails = { element, columns: key };
  return element;
}

/** Applies an edit to the working steps, redraws, and asks for a new preview. */
function edit(change: () => void): void {
  change();
  dirty = true;
  status = undefined;
  render();
  schedulePreview();
}

function schedulePreview(): void {
  if (timer) { clearTimeout(timer); }
  timer = setTimeout(() => {
    timer = undefined;
    latestPreview = nextId++;
    previewing = true;
    client.post({ type: 'data/preview', id: latestPreview, steps });
  }, 300);
}

function outcome(o: DataOutcome): void {
  status = o.kind === 'done' ? { kind: 'info', text: o.message ?? 'Done.' } : { kind: 'error', text: o.message };
}

client.onMessage((message) => {
  switch (message.type) {
    case 'data/update': {
      const first = state === undefined;
      const savedChanged = JSON.stringify(state?.steps) !== JSON.stringify(message.state.steps);
      // A new split or new sources mean new training rows: columns and preview are fitted again.
      const dataChanged = !first && (JSON.stringify(state?.split) !== JSON.stringify(message.state.split) || JSON.stringify(state?.sources) !== JSON.stringify(message.state.sources));
      if (first || JSON.stringify(state?.split) !== JSON.stringify(message.state.split)) { splitDraft = draftOf(message.state.split); }
      if (dataChanged) { columnsAfter.clear(); columnRequests.clear(); }
      state = message.state;
      if (!dirty && (first || savedChanged)) { steps = structuredClone(message.state.steps); }
      render();
      if (first || savedChanged || dataChanged) { schedulePreview(); }
      return;
    }
    case 'data/splitSaved':
      splitSaving = false;
      splitStatus = message.outcome.kind === 'done' ? { kind: 'info', text: message.outcome.message ?? 'Saved.' } : { kind: 'error', text: message.outcome.message };
      render();
      return;
    case 'data/columns': {
      const key = columnRequests.get(message.id);
      if (key === undefined) { return; }
      columnRequests.delete(message.id);
      columnsAfter.set(key, message.columns ?? null);
      render();
      return;
    }
    case 'data/previewed':
      if (message.id !== latestPreview) { return; }
      previewing = false;
      preview = message.preview;
      previewFailure = message.failure;
      render();
      return;
    case 'data/saved':
      if (message.outcome.kind === 'done') { dirty = false; }
      outcome(message.outcome);
      render();
      return;
    case 'data/risksRecorded':
      outcome(message.outcome);
      render();
  }
});

app.replaceChildren(h('p', { class: 'muted' }, 'Loading the data…'));
client.post({ type: 'data/ready' });

import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-form-group/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './style.css';
import { draftFromProblem, problemFromDraft } from '../../src/shared/project/problemDraft';
import type { ProblemHostMessage, ProblemWebviewMessage, SaveOutcome } from '../../src/shared/protocol/problemPanel';
import { createMessageClient } from '../shared/messageClient';
import { h } from '../shared/dom';
import { ProblemForm } from './form';

// The Problem Definition panel's browser side: renders the form, checks it with the same rules
// the host applies, and sends drafts to the host to save. It never writes files itself.

const HOST_TYPES = new Set(['problem/load', 'problem/changedOnDisk', 'problem/saved', 'problem/focus']);
const client = createMessageClient<ProblemWebviewMessage, ProblemHostMessage>(
  (v): v is ProblemHostMessage => typeof v === 'object' && v !== null && HOST_TYPES.has((v as { type?: string }).type ?? ''),
);

const app = document.getElementById('app') as HTMLElement;
const title = h('h1', {}, 'Problem Definition');
const banner = h('div', { class: 'banner', role: 'status', hidden: true });
const formRoot = h('div', { class: 'form' });
const status = h('span', { class: 'status', 'aria-live': 'polite' });
const saveButton = h('vscode-button', { id: 'save', icon: 'save' }, 'Save');
const revertButton = h('vscode-button', { id: 'revert', secondary: true, icon: 'discard' }, 'Revert');
const footer = h('div', { class: 'footer' }, saveButton, revertButton, status);
app.replaceChildren(h('header', {}, title, h('p', { class: 'hint' }, 'Step 1 of the workflow. Saved in the project file (mlworkflow.json); later steps check models against the success criteria.')), banner, formRoot, footer);

let columns: string[] = [];
let dirty = false;
let nextId = 1;
const form = new ProblemForm(formRoot, draftFromProblem(undefined), columns, () => setDirty(true));

function setDirty(value: boolean): void {
  if (dirty !== value) { client.post({ type: 'problem/dirty', dirty: value }); }
  dirty = value;
  status.textContent = value ? 'Unsaved changes' : status.textContent;
}

function showBanner(kind: 'error' | 'warning' | 'info', parts: (Node | string)[]): void {
  banner.className = `banner ${kind}`;
  banner.replaceChildren(...parts);
  banner.hidden = false;
}

function save(overwrite = false): void {
  // The same rules as the host, so mistakes show at once; the host checks again before writing.
  const { errors } = problemFromDraft(form.value, columns);
  if (errors.length > 0) { reportInvalid(errors); return; }
  status.textContent = 'Saving…';
  client.post({ type: 'problem/save', id: nextId++, draft: form.value, overwrite });
}

function reportInvalid(errors: { field: string; message: string }[]): void {
  const orphans = form.showErrors(errors);
  status.textContent = `Not saved: ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix.`;
  if (orphans.length > 0) { showBanner('error', [orphans.map((e) => e.message).join(' ')]); }
}

function onSaved(outcome: SaveOutcome): void {
  switch (outcome.kind) {
    case 'saved':
      banner.hidden = true;
      form.showErrors([]);
      setDirty(false);
      status.textContent = `Saved at ${new Date().toLocaleTimeString()}`;
      return;
    case 'invalid':
      reportInvalid(outcome.errors);
      return;
    case 'conflict':
      status.textContent = 'Not saved: the file changed on disk.';
      showChangedOnDisk();
      return;
    case 'failed':
      status.textContent = 'Not saved.';
      showBanner('error', [outcome.message]);
  }
}

function showChangedOnDisk(): void {
  const reload = h('vscode-button', { secondary: true, id: 'conflict-reload' }, 'Reload from disk');
  const overwrite = h('vscode-button', { secondary: true, id: 'conflict-overwrite' }, 'Overwrite with my edits');
  reload.addEventListener('click', () => client.post({ type: 'problem/reload' }));
  overwrite.addEventListener('click', () => save(true));
  showBanner('warning', [h('span', {}, 'mlworkflow.json changed on disk while you were editing. Reload it (your edits are discarded) or save your edits over it.'), reload, overwrite]);
}

client.onMessage((message) => {
  switch (message.type) {
    case 'problem/load': {
      const { state } = message;
      columns = state.columns;
      title.textContent = `Problem Definition: ${state.projectName}`;
      form.load(state.draft, state.columns);
      dirty = false;
      status.textContent = 'Loaded from mlworkflow.json';
      const notes = [...state.fileErrors, ...(state.columnsError ? [`Target dropdown unavailable: ${state.columnsError}`] : [])];
      if (notes.length > 0) { showBanner('warning', [h('strong', {}, 'The project file has problems: '), notes.join(' ')]); } else { banner.hidden = true; }
      app.removeAttribute('aria-busy');
      return;
    }
    case 'problem/changedOnDisk':
      showChangedOnDisk();
      return;
    case 'problem/saved':
      onSaved(message.outcome);
      return;
    case 'problem/focus': {
      const target = document.getElementById(message.field);
      target?.scrollIntoView({ block: 'center' });
      target?.focus();
    }
  }
});

saveButton.addEventListener('click', () => save());
revertButton.addEventListener('click', () => client.post({ type: 'problem/reload' }));
window.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
    event.preventDefault();
    save();
  }
});
client.post({ type: 'problem/ready' });

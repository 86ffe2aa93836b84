import type { SplitSettings } from '../../src/shared/project/types';
import { h, icon } from '../shared/dom';
import { select, textfield } from '../problem/inputs';
import { singlePicker } from './columnInputs';

// The train/test split of the training source: which rows are held out for the final test. The
// engine makes the split and fits the pipeline on the training rows; this only edits the settings.

export type SplitMethod = SplitSettings['method'] | 'none';

/** The settings as the form holds them while they are edited (numbers still text). */
export interface SplitDraft { method: SplitMethod; testFraction: string; seed: string; column: string }

/** The engine's defaults when a setting is absent (src/engine/pipeline/splitRows.ts). */
const DEFAULT_FRACTION = '0.2';
const DEFAULT_SEED = '0';

const METHODS: { value: SplitMethod; label: string }[] = [
  { value: 'none', label: 'None — every row trains' },
  { value: 'random', label: 'Random' },
  { value: 'stratified', label: 'Stratified (keeps the target\'s class shares)' },
  { value: 'timeOrdered', label: 'Time-ordered (the latest rows are the test)' },
  { value: 'column', label: 'A column marks the test rows' },
];

/** Which settings each method uses. */
const USES: Record<SplitMethod, { fraction: boolean; seed: boolean; column: boolean }> = {
  none: { fraction: false, seed: false, column: false },
  random: { fraction: true, seed: true, column: false },
  stratified: { fraction: true, seed: true, column: false },
  timeOrdered: { fraction: true, seed: false, column: true },
  column: { fraction: false, seed: false, column: true },
};

const HELP: Record<SplitMethod, string> = {
  none: 'No rows are held out: the pipeline and the models learn from every row of the training source.',
  random: 'A share of the rows, drawn at random with the seed, is held out for the final test.',
  stratified: 'Like random, but each class of the target keeps its share in both parts (needs the target of step 1).',
  timeOrdered: 'Rows are ordered by the time column; the latest share is held out, so models are tested on the future.',
  column: 'Rows whose value in this column is "test", 1 or true are held out; the others train.',
};

/** The form's values for saved settings (absent ones at the engine's defaults). */
export function draftOf(split: SplitSettings | undefined): SplitDraft {
  return {
    method: split?.method ?? 'none',
    testFraction: String(split?.testFraction ?? DEFAULT_FRACTION),
    seed: String(split?.seed ?? DEFAULT_SEED),
    column: split?.column ?? '',
  };
}

/** Whether two drafts mean the same split (settings the method does not use are ignored). */
export function sameSplit(a: SplitDraft, b: SplitDraft): boolean {
  if (a.method !== b.method) { return false; }
  const uses = USES[a.method];
  return (!uses.fraction || Number(a.testFraction) === Number(b.testFraction))
    && (!uses.seed || Number(a.seed) === Number(b.seed))
    && (!uses.column || a.column === b.column);
}

/** The settings to save (null: no split), or what is wrong with the draft. */
export function settingsOf(draft: SplitDraft): { split: SplitSettings | null } | { error: string } {
  if (draft.method === 'none') { return { split: null }; }
  const uses = USES[draft.method];
  const split: SplitSettings = { method: draft.method };
  if (uses.fraction) {
    const fraction = Number(draft.testFraction.trim());
    if (draft.testFraction.trim() === '' || !(fraction > 0 && fraction < 1)) { return { error: 'The test share must be a number between 0 and 1, e.g. 0.2 for 20 %.' }; }
    split.testFraction = fraction;
  }
  if (uses.seed) {
    const seed = Number(draft.seed.trim());
    if (draft.seed.trim() === '' || !Number.isSafeInteger(seed)) { return { error: 'The seed must be a whole number.' }; }
    split.seed = seed;
  }
  if (uses.column) {
    if (draft.column.trim() === '') { return { error: draft.method === 'timeOrdered' ? 'Choose the time column.' : 'Choose the column that marks the test rows.' }; }
    split.column = draft.column.trim();
  }
  return { split };
}

/** The saved split in words. */
function describe(split: SplitSettings | undefined): string {
  if (!split) { return 'No split: every row trains.'; }
  const share = `${Math.round((split.testFraction ?? Number(DEFAULT_FRACTION)) * 1000) / 10} % test`;
  switch (split.method) {
    case 'random': return `Random, ${share}, seed ${split.seed ?? DEFAULT_SEED}.`;
    case 'stratified': return `Stratified by the target, ${share}, seed ${split.seed ?? DEFAULT_SEED}.`;
    case 'timeOrdered': return `Time-ordered by ${split.column ?? '?'}, the latest ${share}.`;
    case 'column': return `The column ${split.column ?? '?'} marks the test rows.`;
  }
}

/** What the split section shows and whom it tells about changes. */
export interface SplitSectionOptions {
  saved: SplitSettings | undefined;
  /** Edited in place as the user changes the form. */
  draft: SplitDraft;
  /** The training source's columns (the split is made before any step runs); empty when unknown. */
  columns: readonly string[];
  status?: { kind: 'info' | 'error'; text: string };
  saving: boolean;
  /** The method changed: the fields it uses differ, so the section is drawn again. */
  onMethod(): void;
  onSave(split: SplitSettings | null): void;
}

/** The "Train/test split" section: method, test share, seed and column, with its own Save. */
export function splitSection(o: SplitSectionOptions): HTMLElement {
  const { draft } = o;
  const uses = USES[draft.method];
  const problem = h('p', { class: 'error-text', role: 'alert', id: 'split-problem' });
  const fields: HTMLElement[] = [];
  const method = select('split-method', METHODS, draft.method, 'Split method');
  method.addEventListener('change', () => { draft.method = method.value as SplitMethod; o.onMethod(); });
  fields.push(field('split-method', 'Method', method));
  if (uses.fraction) {
    const input = textfield('split-fraction', draft.testFraction, '0.2', 'Test share (0 to 1)');
    input.setAttribute('type', 'number');
    for (const [k, v] of [['min', '0.01'], ['max', '0.99'], ['step', '0.05']]) { input.setAttribute(k, v); }
    input.addEventListener('input', () => { draft.testFraction = input.value; changed(); });
    fields.push(field('split-fraction', 'Test share (0 to 1)', input));
  }
  if (uses.seed) {
    const input = textfield('split-seed', draft.seed, '0', 'Seed');
    input.setAttribute('type', 'number');
    input.setAttribute('step', '1');
    input.addEventListener('input', () => { draft.seed = input.value; changed(); });
    fields.push(field('split-seed', 'Seed', input));
  }
  if (uses.column) {
    const label = draft.method === 'timeOrdered' ? 'Time column' : 'Marker column';
    if (o.columns.length > 0) {
      const picker = singlePicker('split-column', o.columns, draft.column, label);
      draft.column = picker.read() as string;
      picker.element.addEventListener('change', () => { draft.column = picker.read() as string; changed(); });
      fields.push(field('split-column', label, picker.element));
    } else {
      const input = textfield('split-column', draft.column, 'a column name', label);
      input.addEventListener('input', () => { draft.column = input.value; changed(); });
      fields.push(field('split-column', label, input));
    }
  }
  const save = h('vscode-button', { id: 'split-save', icon: 'save' }, 'Save split');
  save.addEventListener('click', () => {
    if (save.hasAttribute('disabled')) { return; }
    const result = settingsOf(draft);
    if ('error' in result) { problem.replaceChildren(icon('error'), ` ${result.error}`); return; }
    o.onSave(result.split);
  });
  const statusLine = o.status
    ? h('p', { class: o.status.kind === 'error' ? 'error-text' : 'muted', role: o.status.kind === 'error' ? 'alert' : 'status', id: 'split-status' }, icon(o.status.kind === 'error' ? 'error' : 'check'), ` ${o.status.text}`)
    : '';
  const dirty = () => !sameSplit(draft, draftOf(o.saved));
  const badge = h('span', { class: 'badge unsaved', hidden: !dirty() }, 'unsaved');
  function changed(): void {
    problem.replaceChildren();
    save.toggleAttribute('disabled', o.saving || !dirty());
    badge.toggleAttribute('hidden', !dirty());
  }
  changed();
  return h('section', { id: 'split', 'aria-labelledby': 'split-title' },
    h('h2', { id: 'split-title' }, 'Train/test split', badge),
    h('p', { class: 'muted', id: 'split-saved' }, `Saved: ${describe(o.saved)}`),
    h('div', { class: 'step-form' }, h('div', { class: 'fields' }, ...fields)),
    h('p', { class: 'muted hint' }, HELP[draft.method]),
    problem,
    h('div', { class: 'row-buttons' }, save, o.saving ? h('span', { class: 'muted' }, icon('loading codicon-modifier-spin'), ' Saving and refitting…') : ''),
    statusLine);
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return h('label', { class: 'field', for: id }, h('span', { class: 'field-label' }, label), input);
}

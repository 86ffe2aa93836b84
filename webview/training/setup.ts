import { settingsProblem } from '../../src/shared/protocol/trainingPanel';
import type { TrainingSettings, TrainingViewState } from '../../src/shared/protocol/trainingPanel';
import type { FamilyInfo } from '../../src/shared/training/types';
import { multiPicker, singlePicker } from '../data/columnInputs';
import { select, textfield } from '../problem/inputs';
import { h, icon } from '../shared/dom';

// The form that starts a run: candidate families (with what each costs and how readable it is),
// the validation folds, the seed and the budget, and columns to leave out. Numbers stay text while
// they are edited; Start checks them with the same rules the host applies.

/** The form's values while they are edited. */
export interface SetupDraft {
  families: Set<string>;
  validation: 'kfold' | 'column';
  folds: string;
  foldColumn: string;
  seed: string;
  seconds: string;
  trials: string;
  drop: string[];
}

/** The form's values for settings. */
export function draftOf(s: TrainingSettings): SetupDraft {
  return {
    families: new Set(s.families), validation: s.foldColumn !== undefined ? 'column' : 'kfold', folds: String(s.folds), foldColumn: s.foldColumn ?? '',
    seed: String(s.seed), seconds: s.budgetSeconds !== undefined ? String(s.budgetSeconds) : '', trials: s.trials !== undefined ? String(s.trials) : '', drop: [...s.drop],
  };
}

/** Settings from the form, in the families' order, or what is wrong with them. */
export function settingsOf(d: SetupDraft, families: readonly FamilyInfo[]): TrainingSettings | { error: string } {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
  const optional = (text: string) => (text.trim() === '' ? undefined : number(text));
  const settings: TrainingSettings = {
    families: families.filter((f) => d.families.has(f.id)).map((f) => f.id),
    folds: number(d.folds), seed: number(d.seed), drop: [...d.drop],
    ...(d.validation === 'column' ? { foldColumn: d.foldColumn } : {}),
  };
  const seconds = optional(d.seconds);
  const trials = optional(d.trials);
  if (seconds !== undefined) { settings.budgetSeconds = seconds; }
  if (trials !== undefined) { settings.trials = trials; }
  if (d.validation === 'column') { settings.folds = Number.isFinite(settings.folds) ? settings.folds : 5; }
  const problem = settingsProblem(settings);
  return problem ? { error: problem } : settings;
}

export interface SetupOptions {
  state: TrainingViewState;
  /** Edited in place. */
  draft: SetupDraft;
  running: boolean;
  stopping: boolean;
  message?: { kind: 'info' | 'error'; text: string };
  onStart(): void;
  onStop(): void;
  /** The validation kind changed: the fields it shows differ. */
  onRedraw(): void;
}

const LEVEL_TEXT: Record<string, string> = { low: 'low', medium: 'medium', high: 'high' };

function familyCard(f: FamilyInfo, draft: SetupDraft, disabled: boolean): HTMLElement {
  const box = h('vscode-checkbox', { id: `family-${f.id}`, checked: draft.families.has(f.id), label: f.label, disabled, 'data-family': f.id });
  box.addEventListener('change', () => {
    if ((box as unknown as { checked: boolean }).checked) { draft.families.add(f.id); } else { draft.families.delete(f.id); }
  });
  return h('div', { class: 'family' }, box,
    h('div', { class: 'family-facts' },
      h('span', { class: `level level-${f.complexity}`, title: 'Training cost and capacity' }, `complexity ${LEVEL_TEXT[f.complexity]}`),
      h('span', { class: `level level-${f.interpretability === 'high' ? 'low' : f.interpretability === 'low' ? 'high' : 'medium'}`, title: 'How readable the fitted model is' }, `interpretability ${LEVEL_TEXT[f.interpretability]}`),
      f.needsScaling ? h('span', { class: 'level', title: 'Inputs are standardised for it' }, 'scaled inputs') : '',
      f.handlesMissing ? h('span', { class: 'level', title: 'Missing values need no imputation' }, 'handles missing') : ''),
    h('p', { class: 'family-notes muted' }, f.notes));
}

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  return h('div', { class: 'field' }, h('label', { class: 'field-label', for: id }, label), input, hint ? h('span', { class: 'hint muted' }, hint) : '');
}

function numberField(id: string, value: string, placeholder: string, label: string, onInput: (v: string) => void, disabled: boolean): HTMLElement {
  const input = textfield(id, value, placeholder, label);
  input.setAttribute('type', 'number');
  if (disabled) { input.setAttribute('disabled', ''); }
  input.addEventListener('input', () => onInput(input.value));
  return input;
}

/** The "Candidates and budget" section with Start and Stop. */
export function setupSection(o: SetupOptions): HTMLElement {
  const { state, draft } = o;
  const locked = o.running || state.blocker !== undefined;
  const parts: HTMLElement[] = [h('h2', { id: 'setup-title' }, 'Candidates and budget')];
  if (state.blocker) { parts.push(h('div', { class: 'status-line error', role: 'alert', id: 'blocker' }, icon('warning'), ` ${state.blocker}`)); }
  const all = h('button', { class: 'link', type: 'button', id: 'families-all', disabled: locked }, 'All');
  const none = h('button', { class: 'link', type: 'button', id: 'families-none', disabled: locked }, 'None');
  all.addEventListener('click', () => { for (const f of state.families) { draft.families.add(f.id); } o.onRedraw(); });
  none.addEventListener('click', () => { draft.families.clear(); o.onRedraw(); });
  parts.push(
    h('div', { class: 'families-head' }, h('h3', {}, `Candidate model families${state.task ? ` for ${state.task}` : ''}`), h('span', { class: 'muted' }, 'Choose: ', all, ' · ', none)),
    state.families.length > 0
      ? h('div', { class: 'families', role: 'group', 'aria-label': 'Candidate model families' }, ...state.families.map((f) => familyCard(f, draft, locked)))
      : h('p', { class: 'muted' }, 'No model family to offer yet.'));

  const columns = state.columns.filter((c) => c !== state.target);
  const validation = select('validation', [{ value: 'kfold', label: 'k-fold cross-validation' }, { value: 'column', label: 'A fold column' }], draft.validation, 'Validation');
  if (locked) { validation.setAttribute('disabled', ''); }
  validation.addEventListener('change', () => { draft.validation = validation.value === 'column' ? 'column' : 'kfold'; o.onRedraw(); });
  const fields: HTMLElement[] = [field('validation', 'Validation', validation, state.task && state.task !== 'regression' ? 'Folds keep the class shares (stratified).' : undefined)];
  if (draft.validation === 'kfold') {
    fields.push(field('folds', 'Folds', numberField('folds', draft.folds, '5', 'Folds', (v) => { draft.folds = v; }, locked)));
  } else {
    const picker = singlePicker('fold-column', columns, draft.foldColumn, 'Fold column');
    const read = () => { const v = picker.read(); return typeof v === 'string' ? v : v[0] ?? ''; };
    draft.foldColumn = read();
    picker.element.addEventListener('change', () => { draft.foldColumn = read(); });
    if (locked) { picker.element.setAttribute('disabled', ''); }
    fields.push(field('fold-column', 'Fold column', picker.element, 'Each value names a fold; rows without one always train.'));
  }
  fields.push(
    field('seed', 'Seed', numberField('seed', draft.seed, '0', 'Seed', (v) => { draft.seed = v; }, locked), 'Same seed and trials, same leaderboard.'),
    field('budget-seconds', 'Time budget (s)', numberField('budget-seconds', draft.seconds, 'no limit', 'Time budget in seconds', (v) => { draft.seconds = v; }, locked)),
    field('budget-trials', 'Trials', numberField('budget-trials', draft.trials, 'no limit', 'Trial budget', (v) => { draft.trials = v; }, locked),
      'Without either budget each family is tried once with its defaults.'));
  const drop = multiPicker('drop', columns, draft.drop, 'Columns to leave out');
  drop.element.addEventListener('change', () => { draft.drop = drop.read() as string[]; });
  parts.push(h('div', { class: 'fields' }, ...fields), h('div', { class: 'fields' }, field('drop', 'Leave out (IDs, names, leaks)', drop.element)));

  const start = h('vscode-button', { id: 'start', icon: 'play', disabled: locked }, o.running ? 'Training…' : 'Start training');
  start.addEventListener('click', () => { if (!start.hasAttribute('disabled')) { o.onStart(); } });
  const stop = h('vscode-button', { id: 'stop', icon: 'debug-stop', secondary: true, disabled: !o.running || o.stopping }, o.stopping ? 'Stopping…' : 'Stop');
  stop.addEventListener('click', () => { if (!stop.hasAttribute('disabled')) { o.onStop(); } });
  const message = o.message
    ? h('p', { id: 'form-message', class: o.message.kind === 'error' ? 'error-text' : 'muted', role: o.message.kind === 'error' ? 'alert' : 'status' }, o.message.text)
    : h('p', { id: 'form-message', role: 'status' });
  parts.push(h('div', { class: 'row-buttons' }, start, stop), message);
  return h('section', { id: 'setup', 'aria-labelledby': 'setup-title' }, ...parts);
}

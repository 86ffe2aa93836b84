import type { PipelineStep, StepKind } from '../../src/shared/pipeline/types';
import { h } from '../shared/dom';
import { select, textfield } from '../problem/inputs';
import { multiPicker, singlePicker } from './columnInputs';
import type { FieldInput } from './columnInputs';

// The small form that adds or edits one pipeline step: a field per parameter of its kind, never JSON.

export const KINDS: { value: StepKind; label: string }[] = [
  { value: 'impute', label: 'Impute missing values' },
  { value: 'drop', label: 'Drop columns' },
  { value: 'outliers', label: 'Handle outliers' },
  { value: 'scale', label: 'Scale' },
  { value: 'encode', label: 'Encode categories' },
  { value: 'filter', label: 'Filter rows' },
  { value: 'derive', label: 'Derive a column' },
  { value: 'cast', label: 'Cast a column' },
  { value: 'rename', label: 'Rename columns' },
  { value: 'dateParts', label: 'Date parts' },
  { value: 'dedupe', label: 'Remove duplicate rows' },
];

const opts = (...values: string[]) => values.map((value) => ({ value, label: value }));

type Field =
  | { name: string; label: string; type: 'columns' | 'column' | 'text' | 'number'; placeholder?: string }
  | { name: string; label: string; type: 'select'; options: { value: string; label: string }[] }
  /** Several of a fixed list (not columns). */
  | { name: string; label: string; type: 'multi'; options: string[] };

const FIELDS: Record<StepKind, Field[]> = {
  impute: [{ name: 'columns', label: 'Columns', type: 'columns' }, { name: 'strategy', label: 'Strategy', type: 'select', options: opts('median', 'mean', 'mostFrequent', 'constant', 'dropRows') }, { name: 'value', label: 'Constant (for "constant")', type: 'text', placeholder: 'e.g. 0 or unknown' }],
  drop: [{ name: 'columns', label: 'Columns', type: 'columns' }],
  outliers: [{ name: 'columns', label: 'Columns', type: 'columns' }, { name: 'method', label: 'Method', type: 'select', options: opts('iqr', 'zscore') }, { name: 'action', label: 'Action', type: 'select', options: opts('clip', 'remove') }, { name: 'factor', label: 'Factor', type: 'number', placeholder: '1.5 (IQR) or 3 (z-score)' }],
  scale: [{ name: 'columns', label: 'Columns', type: 'columns' }, { name: 'method', label: 'Method', type: 'select', options: opts('standard', 'minmax', 'robust') }],
  encode: [{ name: 'columns', label: 'Columns', type: 'columns' }, { name: 'method', label: 'Method', type: 'select', options: opts('onehot', 'ordinal', 'frequency') }],
  filter: [{ name: 'expression', label: 'Keep rows where', type: 'text', placeholder: 'e.g. d => d.age >= 18' }],
  derive: [{ name: 'column', label: 'New column', type: 'text', placeholder: 'e.g. family' }, { name: 'expression', label: 'Expression', type: 'text', placeholder: 'e.g. d => d.sibsp + d.parch' }],
  cast: [{ name: 'column', label: 'Column', type: 'column' }, { name: 'to', label: 'To', type: 'select', options: opts('number', 'text') }],
  rename: [{ name: 'mapping', label: 'Renames', type: 'text', placeholder: 'old=new, other=name' }],
  dateParts: [{ name: 'column', label: 'Column', type: 'column' }, { name: 'parts', label: 'Parts', type: 'multi', options: ['year', 'month', 'day', 'weekday', 'hour'] }],
  dedupe: [],
};

const list = (text: string) => text.split(',').map((s) => s.trim()).filter((s) => s !== '');

/** The value a field shows for a step: a list for the fields that pick several, text for the rest. */
function shown(step: Partial<PipelineStep> | undefined, field: Field): string | string[] {
  const value = (step as Record<string, unknown> | undefined)?.[field.name];
  const many = field.type === 'columns' || field.type === 'multi';
  if (value === undefined || value === null) { return field.type === 'select' ? field.options[0].value : many ? [] : ''; }
  if (Array.isArray(value)) { return many ? value.map(String) : value.join(', '); }
  if (field.name === 'mapping' && typeof value === 'object') { return Object.entries(value as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(', '); }
  return String(value);
}

/** Builds a step of `kind` from the field values, keeping what the form does not show (enabled, note). */
function build(kind: StepKind, values: Record<string, string | string[]>, base: Partial<PipelineStep> | undefined): PipelineStep {
  const step: Record<string, unknown> = { kind };
  if (base?.enabled === false) { step.enabled = false; }
  if (base?.note) { step.note = base.note; }
  for (const field of FIELDS[kind]) {
    const value = values[field.name] ?? '';
    // A list from a picker; a typed list (no columns known) is comma-separated text.
    if (field.type === 'columns' || field.type === 'multi') {
      step[field.name] = Array.isArray(value) ? value : list(value);
      continue;
    }
    const raw = (Array.isArray(value) ? value.join(',') : value).trim();
    if (raw === '') { continue; }
    if (field.type === 'number') { step[field.name] = Number(raw); continue; }
    if (field.name === 'mapping') { step.mapping = Object.fromEntries(list(raw).map((pair) => pair.split('=').map((s) => s.trim()))); continue; }
    if (field.name === 'value' && kind === 'impute') { step.value = raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw; continue; }
    step[field.name] = raw;
  }
  if (kind === 'impute' && step.strategy !== 'constant') { delete step.value; }
  return step as unknown as PipelineStep;
}

/** The input of one field: pickers when the columns are known, typed text only when they are not. */
function fieldInput(id: string, field: Field, value: string | string[], columns: readonly string[]): FieldInput {
  const text = (placeholder: string): FieldInput => {
    const input = textfield(id, Array.isArray(value) ? value.join(', ') : value, placeholder, field.label);
    return { element: input, read: () => input.value };
  };
  switch (field.type) {
    case 'select': {
      const input = select(id, field.options, String(value), field.label);
      return { element: input, read: () => input.value };
    }
    case 'multi':
      return multiPicker(id, field.options, Array.isArray(value) ? value : list(value), field.label);
    case 'columns':
      return columns.length > 0 ? multiPicker(id, columns, Array.isArray(value) ? value : list(value), field.label) : text('comma-separated column names');
    case 'column':
      return columns.length > 0 ? singlePicker(id, columns, String(value), field.label) : text('a column name');
    default:
      return text(field.placeholder ?? '');
  }
}

/**
 * A form for one step. `initial` edits a step (its kind fixed); without it the kind is chosen from
 * a dropdown. `columns` are the columns the step sees: column fields pick from them.
 */
export function stepForm(idPrefix: string, initial: PipelineStep | undefined, columns: readonly string[], onApply: (step: PipelineStep) => void, onCancel?: () => void): HTMLElement {
  const form = h('div', { class: 'step-form', role: 'group', 'aria-label': initial ? 'Edit step' : 'Add a step' });
  let kind: StepKind = initial?.kind ?? 'impute';
  const fields = h('div', { class: 'fields' });
  const hint = h('p', { class: 'muted hint' });
  const inputs = new Map<string, FieldInput>();

  const drawFields = () => {
    inputs.clear();
    fields.replaceChildren(...FIELDS[kind].map((field) => {
      const id = `${idPrefix}-${field.name}`;
      const input = fieldInput(id, field, shown(initial?.kind === kind ? initial : undefined, field), columns);
      inputs.set(field.name, input);
      return h('label', { class: 'field', for: id }, h('span', { class: 'field-label' }, field.label), input.element);
    }));
    if (FIELDS[kind].length === 0) { fields.append(h('p', { class: 'muted' }, 'No settings: rows that repeat an earlier row are removed.')); }
    // Expressions and renames name columns in text: list them there (pickers list them already).
    const typed = FIELDS[kind].some((f) => f.name === 'expression' || f.name === 'mapping');
    hint.textContent = columns.length > 0 && typed ? `Columns here: ${columns.join(', ')}` : '';
  };

  const head: HTMLElement[] = [];
  if (!initial) {
    const kindSelect = select(`${idPrefix}-kind`, KINDS, kind, 'Step kind');
    kindSelect.addEventListener('change', () => { kind = kindSelect.value as StepKind; drawFields(); });
    head.push(h('label', { class: 'field', for: `${idPrefix}-kind` }, h('span', { class: 'field-label' }, 'Kind'), kindSelect));
  }
  drawFields();
  const apply = h('vscode-button', { id: `${idPrefix}-apply`, icon: initial ? 'check' : 'add' }, initial ? 'Apply' : 'Add step');
  apply.addEventListener('click', () => {
    const values: Record<string, string | string[]> = {};
    for (const [name, input] of inputs) { values[name] = input.read(); }
    onApply(build(kind, values, initial));
  });
  const buttons = h('div', { class: 'form-buttons' }, apply);
  if (onCancel) {
    const cancel = h('vscode-button', { secondary: true }, 'Cancel');
    cancel.addEventListener('click', onCancel);
    buttons.append(cancel);
  }
  form.append(...head, fields, hint, buttons);
  return form;
}

import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { h } from '../shared/dom';

// Pickers for the columns a step works on: the toolkit's own dropdowns (native look, keyboard
// reachable), filled with the columns that exist where the step runs.

/** One input of a form and how to read its value. */
export interface FieldInput {
  element: HTMLElement;
  read(): string | string[];
}

/** Past this many options a picker filters as the user types: wide files have hundreds of columns. */
const FILTER_FROM = 12;

/**
 * The options to offer: the known names, then any chosen name that is not among them (a step
 * written for a column the data no longer has), so an edit never drops it unseen.
 */
function withChosen(options: readonly string[], chosen: readonly string[]): { value: string; label: string }[] {
  const known = new Set(options);
  return [...options.map((o) => ({ value: o, label: o })), ...chosen.filter((c) => !known.has(c)).map((c) => ({ value: c, label: `${c} (not here)` }))];
}

/**
 * A multi-select of `options` with `chosen` ticked, and a line under it naming what is ticked
 * (the dropdown's face only says how many).
 */
export function multiPicker(id: string, options: readonly string[], chosen: readonly string[], label: string): FieldInput {
  const all = withChosen(options, chosen);
  const picked = new Set(chosen);
  const select = h('vscode-multi-select', { id, label, 'aria-label': label, combobox: all.length > FILTER_FROM });
  for (const o of all) { select.append(h('vscode-option', { value: o.value, selected: picked.has(o.value) }, o.label)); }
  const summary = h('span', { class: 'picked muted', id: `${id}-picked`, 'aria-live': 'polite' });
  const read = (): string[] => {
    const value = select.value as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [...picked];
  };
  const show = (values: readonly string[]) => { summary.textContent = values.length === 0 ? 'None chosen' : values.join(', '); };
  select.addEventListener('change', () => show(read()));
  show(chosen);
  return { element: h('span', { class: 'picker' }, select, summary), read };
}

/** A single-select of `options` with `value` chosen (the first option when there is none). */
export function singlePicker(id: string, options: readonly string[], value: string, label: string): FieldInput {
  const all = withChosen(options, value === '' ? [] : [value]);
  const chosen = value !== '' ? value : all[0]?.value ?? '';
  const select = h('vscode-single-select', { id, label, 'aria-label': label, combobox: all.length > FILTER_FROM });
  for (const o of all) { select.append(h('vscode-option', { value: o.value, selected: o.value === chosen }, o.label)); }
  select.value = chosen;
  return { element: select, read: () => select.value };
}

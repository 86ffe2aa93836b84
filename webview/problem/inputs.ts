// The form's inputs, built from the toolkit's elements.
import { h } from '../shared/dom';

/** A dropdown of options; `value` is selected. */
export function select(id: string, options: { value: string; label: string }[], value: string, label: string): HTMLElementTagNameMap['vscode-single-select'] {
  const el = h('vscode-single-select', { id, 'aria-label': label });
  for (const o of options) {
    el.append(h('vscode-option', { value: o.value, selected: o.value === value }, o.label));
  }
  el.value = value;
  return el;
}

/** A one-line text input. */
export function textfield(id: string, value: string, placeholder: string, label: string): HTMLElementTagNameMap['vscode-textfield'] {
  const el = h('vscode-textfield', { id, placeholder, 'aria-label': label });
  el.value = value;
  return el;
}

/** A multi-line text input. */
export function textarea(id: string, value: string, placeholder: string, rows = 3): HTMLElementTagNameMap['vscode-textarea'] {
  const el = h('vscode-textarea', { id, placeholder, rows, resize: 'vertical' });
  el.value = value;
  return el;
}

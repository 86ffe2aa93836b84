// Small helpers to build the form with the toolkit's elements; the form is plain DOM, no framework.

type Attrs = Record<string, string | boolean | number | undefined>;

/** Creates an element with attributes and children. Boolean true sets an empty attribute, false/undefined none. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) { continue; }
    el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children);
  return el;
}

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

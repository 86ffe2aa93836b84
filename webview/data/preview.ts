import type { PipelinePreview, PreviewCell } from '../../src/shared/protocol/engine';
import { h, icon } from '../shared/dom';

// The live preview: the first rows before and after the pipeline (the engine sends no more).

function cell(value: PreviewCell): HTMLTableCellElement {
  if (value === null) { return h('td', { class: 'missing' }, '—'); }
  return h('td', { class: typeof value === 'number' ? 'num' : '' }, typeof value === 'number' ? String(Number(value.toPrecision(6))) : value);
}

function table(id: string, caption: string, columns: readonly string[], rows: readonly PreviewCell[][]): HTMLElement {
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', { class: 'grid preview', id },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map(cell))))));
}

/** The preview section: before and after tables, or why there is no "after". */
export function previewSection(preview: PipelinePreview | undefined, failure: string | undefined, busy: boolean): HTMLElement {
  const body: (HTMLElement | string)[] = [];
  if (failure) { body.push(h('p', { class: 'error-text', role: 'alert' }, icon('error'), ` ${failure}`)); }
  else if (!preview) { body.push(h('p', { class: 'muted' }, icon('loading codicon-modifier-spin'), ' Fitting the steps…')); }
  else {
    if (preview.error) {
      body.push(h('p', { class: 'error-text', role: 'alert' }, icon('error'), ` Step ${preview.error.step + 1} fails, so nothing runs: ${preview.error.message}`));
    } else {
      const last = preview.counts[preview.counts.length - 1];
      body.push(table('preview-after', `After the pipeline (first ${preview.rowsAfter.length} rows${last ? ` of ${last.rows}; ${last.columns} columns` : ''})`, preview.columnsAfter, preview.rowsAfter));
    }
    body.push(table('preview-before', `Before (first ${preview.rowsBefore.length} rows of the training source)`, preview.columnsBefore, preview.rowsBefore));
  }
  return h('section', { id: 'preview', 'aria-labelledby': 'preview-title', 'aria-busy': busy ? 'true' : 'false' },
    h('h2', { id: 'preview-title' }, 'Preview', busy ? h('span', { class: 'muted' }, ' (updating…)') : ''), ...body);
}

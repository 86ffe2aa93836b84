import { metricsForTask, METRICS, naturalComparator, findMetric } from '../../src/shared/project/metrics';
import type { CriterionDraft, FieldError, ProblemDraft, RiskDraft } from '../../src/shared/project/problemDraft';
import { COMPARATORS, LEVELS } from '../../src/shared/project/types';
import type { Task } from '../../src/shared/project/types';
import { h } from '../shared/dom';
import { select, textarea, textfield } from './inputs';

type Input = HTMLElement & { invalid: boolean; value: string };

/** Where each field's input and error line are, so errors can be shown next to their field. */
interface FieldSlot { input: Input; helper: HTMLElement }

const TASK_OPTIONS = [
  { value: '', label: 'Choose a task…' },
  { value: 'binary', label: 'Binary classification' },
  { value: 'multiclass', label: 'Multiclass classification' },
  { value: 'regression', label: 'Regression' },
];
const LEVEL_OPTIONS = LEVELS.map((l) => ({ value: l, label: l[0].toUpperCase() + l.slice(1) }));

/**
 * The problem-definition form. It edits a draft in place and calls `onEdit` on every change;
 * `render` rebuilds it from the draft (after a load, or when rows are added or removed).
 */
export class ProblemForm {
  private readonly slots = new Map<string, FieldSlot>();

  constructor(private readonly root: HTMLElement, private draft: ProblemDraft, private columns: string[], private readonly onEdit: () => void) {}

  /** Replaces the draft and the columns the form shows. */
  load(draft: ProblemDraft, columns: string[]): void {
    this.draft = draft;
    this.columns = columns;
    this.render();
  }

  /** The draft as the user has edited it. */
  get value(): ProblemDraft {
    return this.draft;
  }

  render(): void {
    this.slots.clear();
    const d = this.draft;
    this.root.replaceChildren(
      section('Objective', 'Why this model matters, and the question it answers.',
        this.field('businessObjective', 'Business objective', textarea('businessObjective', d.businessObjective, 'The business outcome this model serves, e.g. reduce churn by 10% this year.'),
          (v) => { d.businessObjective = v; }),
        this.field('problemStatement', 'Problem statement', textarea('problemStatement', d.problemStatement, 'The question as a prediction problem, e.g. will this customer cancel in the next 30 days?'),
          (v) => { d.problemStatement = v; })),
      section('Task and target', 'What kind of prediction, and which column holds the answer.',
        h('div', { class: 'row' },
          this.field('task', 'Task type', select('task', TASK_OPTIONS, d.task, 'Task type'), (v) => { d.task = v; this.render(); }),
          this.field('target', 'Target column', this.targetInput(), (v) => { d.target = v; }))),
      section('Success criteria', 'Measurable thresholds a model must meet on held-out data: the go / no-go gate of later steps.',
        ...d.successCriteria.map((c, i) => this.criterionRow(c, i)),
        this.addButton('add-criterion', 'Add criterion', () => { d.successCriteria.push(this.newCriterion()); })),
      section('Data requirements and constraints', 'What data is needed, and the limits the solution must respect.',
        this.field('dataRequirements', 'Data requirements', textarea('dataRequirements', d.dataRequirements, 'Sources, volume, time span, freshness, labels…'),
          (v) => { d.dataRequirements = v; }),
        this.field('constraints', 'Constraints', textarea('constraints', d.constraints, 'Latency, interpretability, privacy, budget, deadlines…'),
          (v) => { d.constraints = v; })),
      section('Risk register', 'What could go wrong, how likely and how bad, and what reduces it.', this.riskTable(),
        this.addButton('add-risk', 'Add risk', () => { d.risks.push({ risk: '', likelihood: 'medium', impact: 'medium', mitigation: '' }); })),
    );
  }

  /** Marks fields with errors (and clears the others); returns errors that belong to no field. */
  showErrors(errors: FieldError[]): FieldError[] {
    for (const slot of this.slots.values()) { slot.input.invalid = false; slot.helper.textContent = ''; }
    const orphans: FieldError[] = [];
    let first: Input | undefined;
    for (const e of errors) {
      const slot = this.slots.get(e.field);
      if (!slot) { orphans.push(e); continue; }
      slot.input.invalid = true;
      slot.helper.textContent = slot.helper.textContent ? `${slot.helper.textContent} ${e.message}` : e.message;
      first ??= slot.input;
    }
    first?.focus();
    return orphans;
  }

  private targetInput(): Input {
    const { target } = this.draft;
    if (this.columns.length === 0) { return textfield('target', target, 'Column name', 'Target column'); }
    const options = [{ value: '', label: 'Choose a column…' }, ...this.columns.map((c) => ({ value: c, label: c }))];
    // A target typed by hand that the data lacks stays visible, so the error next to it makes sense.
    if (target && !this.columns.includes(target)) { options.push({ value: target, label: `${target} (not in the data)` }); }
    return select('target', options, target, 'Target column');
  }

  private newCriterion(): CriterionDraft {
    const task = this.draft.task as Task;
    const metric = (this.draft.task ? metricsForTask(task) : METRICS)[0];
    return { metric: metric.id, comparator: naturalComparator(metric), threshold: '' };
  }

  private criterionRow(c: CriterionDraft, i: number): HTMLElement {
    const available = this.draft.task ? metricsForTask(this.draft.task as Task) : [...METRICS];
    const options = available.map((m) => ({ value: m.id, label: m.label }));
    if (!available.some((m) => m.id === c.metric)) { options.push({ value: c.metric, label: `${findMetric(c.metric)?.label ?? c.metric} (does not fit the task)` }); }
    const at = `successCriteria.${i}`;
    return h('div', { class: 'row criterion', 'data-index': i },
      this.field(`${at}.metric`, 'Metric', select(`${at}.metric`, options, c.metric, `Criterion ${i + 1} metric`), (v) => {
        c.metric = v;
        const metric = findMetric(v);
        if (metric && c.threshold === '') { c.comparator = naturalComparator(metric); this.render(); }
      }),
      this.field(`${at}.comparator`, 'Must be', select(`${at}.comparator`, COMPARATORS.map((x) => ({ value: x, label: x })), c.comparator, `Criterion ${i + 1} comparator`),
        (v) => { c.comparator = v; }, 'narrow'),
      this.field(`${at}.threshold`, 'Threshold', textfield(`${at}.threshold`, c.threshold, 'e.g. 0.85', `Criterion ${i + 1} threshold`), (v) => { c.threshold = v; }, 'narrow'),
      this.field(`${at}.note`, 'Note (optional)', textfield(`${at}.note`, c.note ?? '', 'Why this threshold', `Criterion ${i + 1} note`), (v) => { c.note = v; }),
      this.removeButton(`Remove criterion ${i + 1}`, () => { this.draft.successCriteria.splice(i, 1); }),
    );
  }

  private riskTable(): HTMLElement {
    if (this.draft.risks.length === 0) { return h('p', { class: 'empty' }, 'No risks recorded yet.'); }
    const head = h('tr', {}, ...['Risk', 'Likelihood', 'Impact', 'Mitigation', ''].map((t) => h('th', { scope: 'col' }, t)));
    const rows = this.draft.risks.map((r, i) => this.riskRow(r, i));
    return h('table', { class: 'risks' }, h('thead', {}, head), h('tbody', {}, ...rows));
  }

  private riskRow(r: RiskDraft, i: number): HTMLElement {
    const at = `risks.${i}`;
    const cell = (field: string, input: Input, set: (v: string) => void) => h('td', {}, this.slot(field, input, set));
    return h('tr', { 'data-index': i },
      cell(`${at}.risk`, textfield(`${at}.risk`, r.risk, 'What could go wrong', `Risk ${i + 1}`), (v) => { r.risk = v; }),
      cell(`${at}.likelihood`, select(`${at}.likelihood`, LEVEL_OPTIONS, r.likelihood, `Risk ${i + 1} likelihood`), (v) => { r.likelihood = v; }),
      cell(`${at}.impact`, select(`${at}.impact`, LEVEL_OPTIONS, r.impact, `Risk ${i + 1} impact`), (v) => { r.impact = v; }),
      cell(`${at}.mitigation`, textfield(`${at}.mitigation`, r.mitigation, 'What reduces it', `Risk ${i + 1} mitigation`), (v) => { r.mitigation = v; }),
      h('td', { class: 'actions' }, this.removeButton(`Remove risk ${i + 1}`, () => { this.draft.risks.splice(i, 1); })),
    );
  }

  /** A labelled field with its error line; `set` receives the input's value on every edit. */
  private field(name: string, label: string, input: Input, set: (v: string) => void, width?: 'narrow'): HTMLElement {
    const group = h('vscode-form-group', { variant: 'vertical', class: width ?? '' }, h('vscode-label', { for: input.id }, label));
    group.append(this.slot(name, input, set));
    return group;
  }

  private slot(name: string, input: Input, set: (v: string) => void): HTMLElement {
    const helper = h('div', { class: 'error', role: 'alert', 'data-error-for': name });
    const update = () => { set(input.value); input.invalid = false; helper.textContent = ''; this.onEdit(); };
    input.addEventListener('input', update);
    input.addEventListener('change', update);
    this.slots.set(name, { input, helper });
    return h('div', { class: 'slot' }, input, helper);
  }

  private addButton(id: string, label: string, add: () => void): HTMLElement {
    const button = h('vscode-button', { id, secondary: true, icon: 'add' }, label);
    button.addEventListener('click', () => { add(); this.onEdit(); this.render(); });
    return h('div', { class: 'add' }, button);
  }

  private removeButton(label: string, remove: () => void): HTMLElement {
    const button = h('vscode-button', { secondary: true, icon: 'trash', 'aria-label': label, title: label, class: 'remove' });
    button.addEventListener('click', () => { remove(); this.onEdit(); this.render(); });
    return button;
  }
}

function section(title: string, hint: string, ...children: HTMLElement[]): HTMLElement {
  return h('section', {}, h('h2', {}, title), h('p', { class: 'hint' }, hint), ...children);
}

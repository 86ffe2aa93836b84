import { findMetric } from './metrics';
import { COMPARATORS, LEVELS, TASKS } from './types';
import type { Comparator, Level, Problem, Risk, SuccessCriterion, Task } from './types';

// What the problem form holds while the user types: thresholds are still text. The extension
// host turns a draft into a Problem, or into errors keyed by the field they belong to.

export interface CriterionDraft {
  metric: string;
  comparator: string;
  threshold: string;
  note?: string;
}

export interface RiskDraft {
  risk: string;
  likelihood: string;
  impact: string;
  mitigation: string;
}

export interface ProblemDraft {
  businessObjective: string;
  problemStatement: string;
  task: string;
  target: string;
  successCriteria: CriterionDraft[];
  dataRequirements: string;
  constraints: string;
  risks: RiskDraft[];
}

/** An error attached to one form field, e.g. `successCriteria.1.threshold`. */
export interface FieldError {
  field: string;
  message: string;
}

const MAX_TEXT = 20000;

/** The form's view of a saved problem. */
export function draftFromProblem(problem: Problem | undefined): ProblemDraft {
  const p = problem ?? {};
  return {
    businessObjective: p.businessObjective ?? '',
    problemStatement: p.problemStatement ?? '',
    task: p.task ?? '',
    target: p.target ?? '',
    successCriteria: (p.successCriteria ?? []).map((c) => ({
      metric: c.metric, comparator: c.comparator, threshold: String(c.threshold), ...(c.note ? { note: c.note } : {}),
    })),
    dataRequirements: p.dataRequirements ?? '',
    constraints: p.constraints ?? '',
    risks: (p.risks ?? []).map((r) => ({ risk: r.risk, likelihood: r.likelihood, impact: r.impact, mitigation: r.mitigation ?? '' })),
  };
}

/** Whether an untrusted value (a webview message) has the shape of a draft. */
export function isProblemDraft(value: unknown): value is ProblemDraft {
  if (!isRecord(value)) { return false; }
  const texts = ['businessObjective', 'problemStatement', 'task', 'target', 'dataRequirements', 'constraints'];
  if (!texts.every((k) => typeof value[k] === 'string')) { return false; }
  const criteria = value.successCriteria;
  const risks = value.risks;
  return Array.isArray(criteria) && criteria.every((c) => isRecord(c)
      && typeof c.metric === 'string' && typeof c.comparator === 'string' && typeof c.threshold === 'string'
      && (c.note === undefined || typeof c.note === 'string'))
    && Array.isArray(risks) && risks.every((r) => isRecord(r)
      && typeof r.risk === 'string' && typeof r.likelihood === 'string' && typeof r.impact === 'string'
      && typeof r.mitigation === 'string');
}

/**
 * Checks a draft and builds the Problem to save. Incomplete is fine (the user saves progress);
 * invalid is not: with a single error nothing is saved. `columns` is the data file's header, when known.
 */
export function problemFromDraft(draft: ProblemDraft, columns?: readonly string[]): { problem?: Problem; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (field: keyof ProblemDraft, value: string): string | undefined => {
    const trimmed = value.trim();
    if (trimmed.length > MAX_TEXT) { errors.push({ field, message: `Too long: at most ${MAX_TEXT} characters.` }); }
    return trimmed === '' ? undefined : trimmed;
  };
  const problem: Problem = {};
  assign(problem, 'businessObjective', text('businessObjective', draft.businessObjective));
  assign(problem, 'problemStatement', text('problemStatement', draft.problemStatement));

  let task: Task | undefined;
  if (draft.task !== '') {
    if ((TASKS as readonly string[]).includes(draft.task)) { task = draft.task as Task; problem.task = task; }
    else { errors.push({ field: 'task', message: `Unknown task "${draft.task}": choose binary, multiclass or regression.` }); }
  }
  const target = text('target', draft.target);
  if (target !== undefined) {
    if (columns && columns.length > 0 && !columns.includes(target)) {
      errors.push({ field: 'target', message: `"${target}" is not a column of the data file (columns: ${columns.join(', ')}).` });
    }
    problem.target = target;
  }

  const criteria = draft.successCriteria.map((c, i) => criterionFromDraft(c, i, task, errors));
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    if (!c) { return; }
    const key = `${c.metric} ${c.comparator}`;
    if (seen.has(key)) { errors.push({ field: `successCriteria.${i}.metric`, message: `A criterion "${key}" is already listed.` }); }
    seen.add(key);
  });
  if (criteria.length > 0) { problem.successCriteria = criteria.filter((c): c is SuccessCriterion => c !== undefined); }

  assign(problem, 'dataRequirements', text('dataRequirements', draft.dataRequirements));
  assign(problem, 'constraints', text('constraints', draft.constraints));

  const risks = draft.risks.map((r, i) => riskFromDraft(r, i, errors));
  if (risks.length > 0) { problem.risks = risks.filter((r): r is Risk => r !== undefined); }

  return errors.length > 0 ? { errors } : { problem, errors };
}

function criterionFromDraft(c: CriterionDraft, i: number, task: Task | undefined, errors: FieldError[]): SuccessCriterion | undefined {
  const at = (f: string) => `successCriteria.${i}.${f}`;
  const before = errors.length;
  const metric = findMetric(c.metric);
  if (!metric) {
    errors.push({ field: at('metric'), message: c.metric === '' ? 'Choose a metric.' : `Unknown metric "${c.metric}".` });
  } else if (task && !metric.tasks.includes(task)) {
    errors.push({ field: at('metric'), message: `${metric.label} does not apply to ${task} tasks.` });
  }
  if (!(COMPARATORS as readonly string[]).includes(c.comparator)) {
    errors.push({ field: at('comparator'), message: 'Choose one of >=, >, <=, <.' });
  }
  const raw = c.threshold.trim();
  const threshold = Number(raw);
  if (raw === '' || !Number.isFinite(threshold)) {
    errors.push({ field: at('threshold'), message: raw === '' ? 'Enter a threshold.' : `"${raw}" is not a number.` });
  } else if (metric && ((metric.min !== undefined && threshold < metric.min) || (metric.max !== undefined && threshold > metric.max))) {
    errors.push({ field: at('threshold'), message: `${metric.label} ranges ${rangeText(metric.min, metric.max)}.` });
  }
  if (errors.length > before) { return undefined; }
  const note = c.note?.trim();
  return { metric: c.metric, comparator: c.comparator as Comparator, threshold, ...(note ? { note } : {}) };
}

function riskFromDraft(r: RiskDraft, i: number, errors: FieldError[]): Risk | undefined {
  const at = (f: string) => `risks.${i}.${f}`;
  const before = errors.length;
  if (r.risk.trim() === '') { errors.push({ field: at('risk'), message: 'Describe the risk (or remove the row).' }); }
  for (const key of ['likelihood', 'impact'] as const) {
    if (!(LEVELS as readonly string[]).includes(r[key])) { errors.push({ field: at(key), message: 'Choose low, medium or high.' }); }
  }
  if (errors.length > before) { return undefined; }
  const mitigation = r.mitigation.trim();
  return { risk: r.risk.trim(), likelihood: r.likelihood as Level, impact: r.impact as Level, ...(mitigation ? { mitigation } : {}) };
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) { return `from ${min} to ${max}`; }
  return min !== undefined ? `from ${min} up` : `up to ${max}`;
}

function assign<K extends keyof Problem>(problem: Problem, key: K, value: Problem[K] | undefined): void {
  if (value !== undefined) { problem[key] = value; }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

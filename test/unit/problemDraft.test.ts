import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metricsForTask } from '../../src/shared/project/metrics';
import { draftFromProblem, isProblemDraft, problemFromDraft } from '../../src/shared/project/problemDraft';
import type { ProblemDraft } from '../../src/shared/project/problemDraft';
import type { Problem } from '../../src/shared/project/types';

const EMPTY = draftFromProblem(undefined);

describe('problem drafts', () => {
  it('round-trips a full problem through the form draft', () => {
    const problem: Problem = {
      businessObjective: 'Keep customers', problemStatement: 'Who leaves?', task: 'binary', target: 'churn',
      successCriteria: [{ metric: 'roc_auc', comparator: '>=', threshold: 0.85, note: 'held-out' }],
      dataRequirements: 'CRM export', constraints: 'GDPR',
      risks: [{ risk: 'Drift', likelihood: 'high', impact: 'medium', mitigation: 'Monitor' }],
    };
    const draft = draftFromProblem(problem);
    assert.equal(draft.successCriteria[0].threshold, '0.85');
    assert.deepEqual(problemFromDraft(draft, ['churn', 'age']), { problem, errors: [] });
  });

  it('saves an incomplete draft (progress) but drops empty text', () => {
    const { problem, errors } = problemFromDraft({ ...EMPTY, businessObjective: '  Grow revenue  ' });
    assert.deepEqual(errors, []);
    assert.deepEqual(problem, { businessObjective: 'Grow revenue' });
  });

  it('reports each invalid field by its path and returns no problem', () => {
    const draft: ProblemDraft = {
      ...EMPTY, task: 'clustering', target: 'nope',
      successCriteria: [
        { metric: 'accuracy', comparator: '>=', threshold: '1.5' },
        { metric: 'accuracy', comparator: '=>', threshold: '' },
        { metric: 'bogus', comparator: '>=', threshold: 'x' },
      ],
      risks: [{ risk: ' ', likelihood: 'sometimes', impact: 'high', mitigation: '' }],
    };
    const { problem, errors } = problemFromDraft(draft, ['a', 'b']);
    assert.equal(problem, undefined);
    assert.deepEqual(errors.map((e) => e.field), [
      'task', 'target',
      'successCriteria.0.threshold',
      'successCriteria.1.comparator', 'successCriteria.1.threshold',
      'successCriteria.2.metric', 'successCriteria.2.threshold',
      'risks.0.risk', 'risks.0.likelihood',
    ]);
    assert.match(errors[2].message, /Accuracy ranges from 0 to 1/);
  });

  it('rejects metrics that do not fit the task, and duplicate criteria', () => {
    const { errors } = problemFromDraft({
      ...EMPTY, task: 'regression',
      successCriteria: [{ metric: 'roc_auc', comparator: '>=', threshold: '0.8' }, { metric: 'rmse', comparator: '<=', threshold: '3' }, { metric: 'rmse', comparator: '<=', threshold: '2' }],
    });
    assert.deepEqual(errors, [
      { field: 'successCriteria.0.metric', message: 'ROC-AUC does not apply to regression tasks.' },
      { field: 'successCriteria.2.metric', message: 'A criterion "rmse <=" is already listed.' },
    ]);
  });

  it('offers only the metrics that fit each task', () => {
    assert.deepEqual(metricsForTask('regression').map((m) => m.id), ['rmse', 'mae', 'r2', 'mape']);
    assert.ok(metricsForTask('binary').some((m) => m.id === 'precision'));
    assert.ok(!metricsForTask('multiclass').some((m) => m.id === 'precision'));
  });

  it('recognises a well-formed draft and rejects other shapes', () => {
    assert.equal(isProblemDraft(EMPTY), true);
    assert.equal(isProblemDraft({ ...EMPTY, risks: 'none' }), false);
    assert.equal(isProblemDraft({ ...EMPTY, successCriteria: [{ metric: 'accuracy', comparator: '>=', threshold: 0.9 }] }), false);
    assert.equal(isProblemDraft(null), false);
  });
});

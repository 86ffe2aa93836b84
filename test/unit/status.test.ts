import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProjectDiagnostic } from '../../src/shared/project/diagnostics';
import { computeStatuses } from '../../src/shared/project/status';
import type { ProjectFile } from '../../src/shared/project/types';

const BASE: ProjectFile = { version: 1, name: 'p' };

describe('workflow statuses', () => {
  it('lists the six steps in order, all not started for an empty project', () => {
    const steps = computeStatuses(BASE, []);
    assert.deepEqual(steps.map((s) => s.label), ['Problem Definition', 'Data Collection & Preprocessing', 'Exploratory Data Analysis',
      'Model Selection & Training', 'Model Evaluation & Tuning', 'Deployment & Monitoring']);
    assert.ok(steps.every((s) => s.status === 'notStarted'));
  });

  it('moves step 1 from in progress to done as its parts are filled', () => {
    const partial = computeStatuses({ ...BASE, problem: { businessObjective: 'x', task: 'binary' } }, [])[0];
    assert.equal(partial.status, 'inProgress');
    assert.equal(partial.subTasks.find((s) => s.id === 'taskTarget')?.status, 'inProgress');
    const full = computeStatuses({ ...BASE, problem: {
      businessObjective: 'x', problemStatement: 'y', task: 'binary', target: 't',
      successCriteria: [{ metric: 'accuracy', comparator: '>=', threshold: 0.8 }], dataRequirements: 'd', constraints: 'c',
      risks: [{ risk: 'r', likelihood: 'low', impact: 'low' }],
    } }, [])[0];
    assert.equal(full.status, 'done');
  });

  it('marks the sub-task and step that an error points into as needing attention', () => {
    const diagnostic: ProjectDiagnostic = { kind: 'semantic', severity: 'error', pointer: '/problem/successCriteria/0/metric',
      message: 'Metric "rmse" does not apply to a binary task.', line: 1, column: 1, endLine: 1, endColumn: 1 };
    const [problem] = computeStatuses({ ...BASE, problem: { task: 'binary', successCriteria: [{ metric: 'rmse', comparator: '<=', threshold: 1 }] } }, [diagnostic]);
    assert.equal(problem.status, 'attention');
    assert.equal(problem.subTasks.find((s) => s.id === 'criteria')?.status, 'attention');
    assert.match(problem.detail, /does not apply/);
  });

  it('follows the pipeline in step 2: steps not fitted yet, then fitted', () => {
    const unfitted = computeStatuses({ ...BASE, data: { pipeline: [{ kind: 'drop', columns: ['x'] }, { kind: 'scale', columns: ['y'], method: 'standard' }] } }, [])[1];
    assert.deepEqual([unfitted.subTasks[2].status, unfitted.subTasks[3].status], ['inProgress', 'notStarted']);
    const fitted = computeStatuses({ ...BASE, data: { pipeline: [{ kind: 'scale', columns: ['y'], method: 'standard', fitted: { y: { center: 0, scale: 1 } } }] } }, [])[1];
    assert.deepEqual([fitted.subTasks[2].status, fitted.subTasks[3].status], ['done', 'done']);
  });

  it('counts registered data sources in step 2', () => {
    const data = computeStatuses({ ...BASE, data: { sources: [{ name: 'a', path: 'a.csv' }] } }, [])[1];
    assert.equal(data.status, 'inProgress');
    assert.equal(data.subTasks[0].status, 'done');
  });
});

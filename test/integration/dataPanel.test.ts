import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { DataPanel } from '../../src/extension/panels/dataPanel';
import type { PipelineStep } from '../../src/shared/pipeline/types';
import type { SplitSettings } from '../../src/shared/project/types';
import { api, readJson, titanicProject } from './helpers';

async function openReady(uri: vscode.Uri): Promise<DataPanel> {
  const panel = await vscode.commands.executeCommand<DataPanel>('mlWorkflow.data.open', uri);
  assert.ok(panel, 'the command returns the panel');
  const update = await panel.receive({ type: 'data/ready' });
  assert.ok(update?.type === 'data/update', 'the ready handshake is answered with the state');
  return panel;
}

const impute: PipelineStep = { kind: 'impute', columns: ['age'], strategy: 'median' };

suite('Data panel (through its message path)', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('lists the source and its quality findings', async function () {
    this.timeout(60000);
    const uri = await titanicProject('data-panel-sources');
    const panel = await openReady(uri);
    const state = panel.view;
    assert.equal(state.sources.length, 1);
    assert.equal(state.sources[0].role, 'train');
    assert.equal(state.sources[0].path, 'titanic.csv');
    assert.equal(state.sources[0].stale, undefined);
    assert.equal(state.quality.phase, 'done', state.quality.error);
    assert.equal(state.quality.report?.target, 'survived');
    assert.ok(state.quality.report?.findings.some((f) => f.kind === 'missing' && f.column === 'age'), JSON.stringify(state.quality.report?.findings));
    assert.equal(await panel.receive({ type: 'data/source', action: 'remove' }), undefined, 'a remove without a name is refused');
  });

  test('previews an impute step on age: counts and rows after, first rows only', async function () {
    this.timeout(60000);
    const uri = await titanicProject('data-panel-preview');
    const panel = await openReady(uri);
    const reply = await panel.receive({ type: 'data/preview', id: 3, steps: [impute, { kind: 'drop', columns: ['name'] }] });
    assert.ok(reply?.type === 'data/previewed' && reply.id === 3, JSON.stringify(reply));
    assert.equal(reply.failure, undefined);
    const p = reply.preview;
    assert.ok(p);
    assert.equal(p.error, undefined);
    assert.deepEqual(p.counts.map((c) => c.rows), [1309, 1309]);
    assert.equal(p.counts[1].columns, p.columnsBefore.length - 1, 'the drop removes one column');
    assert.equal(p.rowsBefore.length, 20);
    assert.equal(p.rowsAfter.length, 20);
    const ageBefore = p.columnsBefore.indexOf('age');
    const ageAfter = p.columnsAfter.indexOf('age');
    const gaps = p.rowsBefore.map((r, i) => (r[ageBefore] === null ? i : -1)).filter((i) => i >= 0);
    assert.ok(gaps.length > 0, 'some of the first rows miss age');
    for (const i of gaps) { assert.equal(typeof p.rowsAfter[i][ageAfter], 'number', `row ${i} filled`); }
    assert.ok(!p.columnsAfter.includes('name'));
    assert.deepEqual(((await readJson(uri.fsPath)).data as { pipeline?: unknown[] }).pipeline, [], 'a preview writes nothing');
  });

  test('a step on an unknown column comes back as an error on that step; the file is unchanged', async function () {
    this.timeout(60000);
    const uri = await titanicProject('data-panel-bad');
    const panel = await openReady(uri);
    const before = await fs.readFile(uri.fsPath, 'utf8');
    const reply = await panel.receive({ type: 'data/preview', id: 4, steps: [impute, { kind: 'scale', columns: ['no_such_column'], method: 'standard' }] });
    assert.ok(reply?.type === 'data/previewed');
    const p = reply.preview;
    assert.ok(p?.error, JSON.stringify(reply));
    assert.equal(p.error.step, 1);
    assert.match(p.error.message, /no_such_column/);
    assert.deepEqual(p.rowsAfter, [], 'nothing half-run');
    assert.equal(p.rowsBefore.length, 20);
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), before);
    const badKind = await panel.receive({ type: 'data/save', id: 5, steps: [{ kind: 'explode' }] });
    assert.ok(badKind?.type === 'data/saved' && badKind.outcome.kind === 'failed', JSON.stringify(badKind));
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), before, 'an unknown kind is not saved');
    assert.equal(await panel.receive({ type: 'data/preview', id: 6, steps: 'impute' }), undefined, 'malformed steps are ignored');
  });

  test('save writes data.pipeline and the tree sees it', async function () {
    this.timeout(60000);
    const a = await api();
    const uri = await titanicProject('data-panel-save');
    const panel = await openReady(uri);
    const steps: PipelineStep[] = [impute, { kind: 'drop', columns: ['name'], enabled: false }];
    const reply = await panel.receive({ type: 'data/save', id: 7, steps });
    assert.deepEqual(reply, { type: 'data/saved', id: 7, outcome: { kind: 'done', message: 'Saved 2 steps.' } });
    const saved = await readJson(uri.fsPath);
    // Saving fits the steps on the training rows: what they learned is stored with them.
    assert.deepEqual((saved.data as { pipeline: unknown[] }).pipeline, [{ ...impute, fitted: { age: 28 } }, steps[1]]);
    assert.equal((saved.problem as Record<string, unknown>).target, 'survived', 'the rest of the file is kept');
    assert.deepEqual(panel.view.steps.map(({ fitted: _, ...rest }: PipelineStep & { fitted?: unknown }) => rest), steps);
    assert.equal(a.index.get(uri)?.steps[1].subTasks[2].status, 'done', 'saving fits the steps on the training rows');
  });

  test('the split section saves data.split through the engine; the preview then fits on the training rows; null removes it', async function () {
    this.timeout(60000);
    const uri = await titanicProject('data-panel-split');
    const panel = await openReady(uri);
    assert.equal(panel.view.split, undefined, 'no split yet');
    const split: SplitSettings = { method: 'random', testFraction: 0.2, seed: 7 };
    const reply = await panel.receive({ type: 'data/saveSplit', id: 8, split });
    assert.deepEqual(reply, { type: 'data/splitSaved', id: 8, outcome: { kind: 'done', message: 'Saved the split.' } });
    const saved = await readJson(uri.fsPath);
    assert.deepEqual((saved.data as { split?: unknown }).split, split);
    assert.equal((saved.problem as Record<string, unknown>).target, 'survived', 'the rest of the file is kept');
    assert.deepEqual(panel.view.split, split, 'the panel shows the saved split');

    const previewed = await panel.receive({ type: 'data/preview', id: 9, steps: [impute] });
    assert.ok(previewed?.type === 'data/previewed' && previewed.preview, JSON.stringify(previewed));
    assert.deepEqual(previewed.preview.counts.map((c) => c.rows), [1309 - Math.round(1309 * 0.2)], 'the steps are fitted on the training rows only');

    const before = await fs.readFile(uri.fsPath, 'utf8');
    const bad = await panel.receive({ type: 'data/saveSplit', id: 10, split: { method: 'column', column: 'no_such_column' } });
    assert.ok(bad?.type === 'data/splitSaved' && bad.outcome.kind === 'failed', JSON.stringify(bad));
    assert.match(bad.outcome.message, /no_such_column/);
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), before, 'a split that cannot be made is not written');
    assert.equal(await panel.receive({ type: 'data/saveSplit', id: 11, split: { method: 'bogus' } }), undefined, 'an unknown method is ignored');
    assert.equal(await panel.receive({ type: 'data/saveSplit', id: 12, split: { method: 'random', testFraction: 1.5 } }), undefined, 'a share outside (0, 1) is ignored');
    assert.equal(await panel.receive({ type: 'data/saveSplit', id: 13 }), undefined, 'a missing split is not a removal');
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), before);

    const removed = await panel.receive({ type: 'data/saveSplit', id: 14, split: null });
    assert.deepEqual(removed, { type: 'data/splitSaved', id: 14, outcome: { kind: 'done', message: 'Removed the split: every row trains.' } });
    assert.equal(((await readJson(uri.fsPath)).data as { split?: unknown }).split, undefined);
    assert.equal(panel.view.split, undefined);
  });

  test('columnsAt gives the columns a step sees: those after the steps before it', async function () {
    this.timeout(60000);
    const uri = await titanicProject('data-panel-columns');
    const panel = await openReady(uri);
    const first = await panel.receive({ type: 'data/columnsAt', id: 20, steps: [] });
    assert.deepEqual(first, { type: 'data/columns', id: 20, columns: ['name', 'survived', 'sex', 'age', 'passengerClass'] });
    const later = await panel.receive({ type: 'data/columnsAt', id: 21, steps: [{ kind: 'drop', columns: ['name'] }, { kind: 'derive', column: 'age2', expression: 'd => d.age * 2' }] });
    assert.deepEqual(later, { type: 'data/columns', id: 21, columns: ['survived', 'sex', 'age', 'passengerClass', 'age2'] });
    const failing = await panel.receive({ type: 'data/columnsAt', id: 22, steps: [{ kind: 'scale', columns: ['no_such_column'], method: 'standard' }] });
    assert.ok(failing?.type === 'data/columns' && failing.columns === undefined, JSON.stringify(failing));
    assert.match(failing.failure ?? '', /no_such_column/);
    assert.equal(await panel.receive({ type: 'data/columnsAt', id: 23, steps: 'drop' }), undefined, 'malformed steps are ignored');
  });

  test('the tree opens the panel for step 2 and its sub-tasks other than sources', async function () {
    this.timeout(60000);
    const a = await api();
    const uri = await titanicProject('data-panel-tree');
    const panel = await vscode.commands.executeCommand<DataPanel>('mlWorkflow.step.open', { projectUri: uri.toString(), step: 'data', subTask: 'pipeline' });
    assert.ok(panel);
    assert.equal(a.dataPanel(uri), panel);
  });
});

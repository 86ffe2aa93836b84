import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { EdaPanel } from '../../src/extension/panels/edaPanel';
import type { PipelineStep } from '../../src/shared/pipeline/types';
import { AddPipelineStepRequest, EngineErrorCodes } from '../../src/shared/protocol/engine';
import { api, freshFolder, readJson, titanicProject } from './helpers';

async function openReady(uri: vscode.Uri): Promise<EdaPanel> {
  const panel = await vscode.commands.executeCommand<EdaPanel>('mlWorkflow.eda.open', uri);
  assert.ok(panel, 'the command returns the panel');
  return panel;
}

suite('Exploratory Data Analysis panel (through its message path)', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('shows the report, and one click adds the suggested impute step to the pipeline', async function () {
    this.timeout(60000);
    const a = await api();
    const uri = await titanicProject('eda-titanic');
    const panel = await openReady(uri);
    const update = await panel.receive({ type: 'eda/ready' });
    assert.ok(update?.type === 'eda/update', 'the ready handshake is answered with the report');
    assert.equal(update.state.phase, 'done', update.state.error);
    const report = update.state.report;
    assert.ok(report);
    assert.equal(report.target, 'survived');
    assert.equal(report.task, 'binary');
    assert.deepEqual(report.questions.map((q) => q.kind), ['missing', 'outliers', 'normalisation']);
    assert.ok(report.charts.length > 5, `${report.charts.length} charts`);
    assert.ok(report.charts.some((c) => c.kind === 'target'), 'a chart of the target');
    assert.deepEqual(update.state.added, []);
    assert.ok(!JSON.stringify(report).includes('Allen, Miss. Elisabeth Walton'), 'no rows reach the webview');

    const missing = report.questions.find((q) => q.kind === 'missing');
    const index = missing?.suggestedSteps.findIndex((s) => s.kind === 'impute' && s.columns.includes('age')) ?? -1;
    assert.ok(index >= 0, `an impute step for age among ${JSON.stringify(missing?.suggestedSteps)}`);
    const step = missing?.suggestedSteps[index] as PipelineStep;
    assert.equal(a.index.get(uri)?.steps[1].subTasks[2].status, 'notStarted', 'no pipeline yet');

    const reply = await panel.receive({ type: 'eda/addStep', id: 5, step: { question: 'missing', index } });
    assert.deepEqual(reply, { type: 'eda/stepAdded', id: 5, step: { question: 'missing', index }, outcome: { kind: 'added' } });
    const saved = await readJson(uri.fsPath);
    assert.deepEqual((saved.data as { pipeline: unknown[] }).pipeline, [step]);
    assert.deepEqual((saved.problem as Record<string, unknown>).target, 'survived', 'the rest of the file is kept');
    const pipeline = a.index.get(uri)?.steps[1].subTasks[2];
    assert.equal(pipeline?.status, 'inProgress', 'the step is in the pipeline, not fitted yet');

    // Explored again, the panel knows the step is in the pipeline already.
    const again = await panel.receive({ type: 'eda/refresh' });
    assert.ok(again?.type === 'eda/update');
    assert.deepEqual(again.state.added, [{ question: 'missing', index }]);
  });

  test('a malformed or unknown suggestion changes nothing; the engine refuses unknown step kinds', async function () {
    this.timeout(60000);
    const a = await api();
    const uri = await titanicProject('eda-malformed');
    const panel = await openReady(uri);
    await panel.receive({ type: 'eda/ready' });
    const before = await fs.readFile(uri.fsPath, 'utf8');
    assert.equal(await panel.receive({ type: 'eda/addStep', step: { question: 'missing', index: 0 } }), undefined, 'no id');
    assert.equal(await panel.receive({ type: 'eda/addStep', id: 1, step: { question: 'colour', index: 0 } }), undefined, 'no such question');
    assert.equal(await panel.receive({ type: 'eda/addStep', id: 1, step: { kind: 'drop', columns: ['name'] } }), undefined, 'steps are named by reference, never sent');
    const reply = await panel.receive({ type: 'eda/addStep', id: 2, step: { question: 'missing', index: 99 } });
    assert.ok(reply?.type === 'eda/stepAdded' && reply.outcome.kind === 'failed');
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), before);

    await assert.rejects(a.engine.request(AddPipelineStepRequest.type, { projectFile: uri.fsPath, step: { kind: 'bogus' } as unknown as PipelineStep }),
      (err: { code?: number; message: string }) => err.code === EngineErrorCodes.InvalidInput && /Unknown pipeline step kind "bogus"/.test(err.message));
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), before);
  });

  test('the tree opens the panel on step 3, and a project without data says to add a source first', async function () {
    this.timeout(60000);
    const folder = await freshFolder('eda-nodata');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlWorkflow.project.create', { folder, name: 'No data' });
    const panel = await vscode.commands.executeCommand<EdaPanel>('mlWorkflow.step.open', { projectUri: uri.toString(), step: 'eda', subTask: 'missing' });
    assert.ok(panel, 'the tree click opens the EDA panel');
    const update = await panel.receive({ type: 'eda/ready' });
    assert.ok(update?.type === 'eda/update');
    assert.equal(update.state.phase, 'failed');
    assert.match(update.state.error ?? '', /Add a data source first/);
    const same = await vscode.commands.executeCommand<EdaPanel>('mlWorkflow.eda.open', uri);
    assert.equal(same, panel, 'the open panel is reused');
  });
});

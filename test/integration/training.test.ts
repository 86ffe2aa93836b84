import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TrainingPanel } from '../../src/extension/panels/trainingPanel';
import type { WorkflowNode } from '../../src/extension/tree/workflowTree';
import type { TrainingHostMessage, TrainingSettings } from '../../src/shared/protocol/trainingPanel';
import { api, readJson, titanicProject, waitFor } from './helpers';

// Step 4 in a real VS Code: the Training panel's host side (the same path its webview's messages
// take), real runs in the engine, the tree's step 4, and the commands.

/** Two cheap families and two trials: a run of a second or so on titanic. */
const SHORT: TrainingSettings = { families: ['baseline', 'linear'], folds: 3, seed: 0, trials: 2, drop: ['name'] };
/** Enough work to be stopped midway: a time budget far beyond what the test waits. */
const LONG: TrainingSettings = { families: ['baseline', 'linear', 'decisionTree', 'gbt', 'randomForest', 'extraTrees'], folds: 5, seed: 0, budgetSeconds: 300, drop: ['name'] };

async function openReady(uri: vscode.Uri): Promise<{ panel: TrainingPanel; posted: TrainingHostMessage[] }> {
  const panel = await vscode.commands.executeCommand<TrainingPanel>('mlWorkflow.training.open', uri);
  assert.ok(panel, 'the command returns the panel');
  const posted: TrainingHostMessage[] = [];
  panel.onDidPost((m) => posted.push(m));
  const update = await panel.receive({ type: 'training/ready' });
  assert.ok(update?.type === 'training/update', 'the ready handshake is answered with the state');
  assert.equal(update.state.blocker, undefined, update.state.blocker);
  return { panel, posted };
}

/** Step 4 of a project in the tree: its item and its children's items. */
async function stepFour(uri: vscode.Uri): Promise<{ item: vscode.TreeItem; children: vscode.TreeItem[] }> {
  const { tree } = await api();
  const project = tree.getChildren().find((n) => n.kind === 'project' && n.entry.uri.toString() === uri.toString());
  assert.ok(project, 'the project is in the tree');
  const step = tree.getChildren(project).find((n): n is Extract<WorkflowNode, { kind: 'step' }> => n.kind === 'step' && n.step.id === 'training');
  assert.ok(step, 'step 4 is in the tree');
  return { item: tree.getTreeItem(step), children: tree.getChildren(step).map((n) => tree.getTreeItem(n)) };
}

suite('Training panel (through its message path)', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('mlWorkflow.training.stop').then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('lists the families for the task, and refuses malformed or impossible settings', async function () {
    this.timeout(60000);
    const uri = await titanicProject('training-checks');
    const panel = await vscode.commands.executeCommand<TrainingPanel>('mlWorkflow.training.open', uri);
    const update = await panel.receive({ type: 'training/ready' });
    assert.ok(update?.type === 'training/update');
    const { state } = update;
    assert.equal(state.task, 'binary');
    assert.equal(state.target, 'survived');
    assert.ok(state.families.length >= 2 && state.families.every((f) => f.tasks.includes('binary')), state.families.map((f) => f.id).join());
    assert.ok(state.families.some((f) => f.id === 'baseline') && state.families.some((f) => f.id === 'linear'));
    assert.deepEqual(state.settings.families, state.families.filter((f) => f.id !== 'mlp').map((f) => f.id), 'every family but the slow ones is ticked');
    assert.equal(state.settings.folds, 5);
    assert.equal(state.settings.seed, 0);
    assert.equal(state.settings.budgetSeconds, 60);
    assert.deepEqual(state.columns, ['name', 'survived', 'sex', 'age', 'passengerClass']);

    assert.equal(await panel.receive({ type: 'training/start', id: 1, settings: { ...SHORT, families: 'linear' } }), undefined, 'families must be a list');
    assert.equal(await panel.receive({ type: 'training/start', settings: SHORT }), undefined, 'no id');
    assert.equal(await panel.receive({ type: 'training/launch', id: 1 }), undefined, 'no such message');
    const refusals: [TrainingSettings, RegExp][] = [
      [{ ...SHORT, folds: 1 }, /folds must be a whole number from 2/],
      [{ ...SHORT, families: [] }, /at least one/],
      [{ ...SHORT, families: ['linear', 'astrology'] }, /no family astrology/],
      [{ ...SHORT, drop: ['survived'] }, /target survived cannot be left out/],
      [{ ...SHORT, drop: ['shoe size'] }, /no column shoe size/],
      [{ ...SHORT, budgetSeconds: -3 }, /time budget/],
    ];
    for (const [settings, why] of refusals) {
      const reply = await panel.receive({ type: 'training/start', id: 2, settings });
      assert.ok(reply?.type === 'training/started' && reply.outcome.kind === 'refused', JSON.stringify(reply));
      assert.match(reply.outcome.message, why);
    }
    await fs.access(path.join(path.dirname(uri.fsPath), 'runs')).then(() => assert.fail('nothing was run'), () => undefined);
    const stranger = await panel.receive({ type: 'training/detail', id: 3, runId: '../../../etc', model: 'passwd' });
    assert.ok(stranger?.type === 'training/detail');
    assert.equal(stranger.detail.folds, undefined);
    assert.match(stranger.detail.note ?? '', /not among the recorded runs/);
  });

  test('a run trains in the engine, fills the leaderboard, records run.json and completes step 4', async function () {
    this.timeout(120000);
    const uri = await titanicProject('training-run');
    const { panel, posted } = await openReady(uri);
    assert.equal((await stepFour(uri)).item.description, 'Not started');

    const started = await panel.receive({ type: 'training/start', id: 7, settings: SHORT });
    assert.deepEqual(started, { type: 'training/started', id: 7, outcome: { kind: 'started' } });
    const outcome = await panel.finished();
    assert.ok(outcome?.kind === 'finished', JSON.stringify(outcome));
    const result = outcome.result;
    assert.equal(result.cancelled, false);
    assert.equal(result.task, 'binary');
    assert.equal(result.target, 'survived');
    assert.equal(result.folds, 3);
    assert.deepEqual(result.leaderboard.map((r) => r.family).sort(), ['baseline', 'linear']);
    assert.equal(result.leaderboard[0].family, 'linear', 'logistic regression beats the majority class');
    const accuracy = result.leaderboard[0].cv.accuracy.mean ?? 0;
    assert.ok(accuracy > 0.7 && accuracy < 0.9, `linear accuracy ${accuracy}`);
    assert.equal(result.leaderboard[1].cv.accuracy.mean?.toFixed(3), (809 / 1309).toFixed(3), 'the baseline predicts the majority class (809 of 1309 did not survive)');

    const record = await readJson(path.join(result.runDir, 'run.json'));
    assert.equal(record.status, 'complete');
    assert.equal(record.id, result.runId);
    assert.equal(path.dirname(result.runDir), path.join(path.dirname(uri.fsPath), 'runs'));

    // The webview saw progress, then the result and the recorded run (posting is asynchronous).
    await waitFor('progress relayed to the webview', () => posted.some((m) => m.type === 'training/progress'));
    const last = await waitFor('the result and the recorded run posted to the webview', () => posted.find((m): m is Extract<TrainingHostMessage, { type: 'training/update' }> =>
      m.type === 'training/update' && m.state.result?.runId === result.runId && m.state.runs.some((r) => r.id === result.runId)));
    assert.equal(last.state.live?.phase, 'finished');
    assert.ok(last.state.runs.some((r) => r.id === result.runId && r.status === 'complete'));

    // The detail of a row: the score of each fold, from run.json.
    const detail = await panel.receive({ type: 'training/detail', id: 8, runId: result.runId, model: result.leaderboard[0].model });
    assert.ok(detail?.type === 'training/detail');
    assert.equal(detail.detail.folds?.length, 3);
    const mean = (detail.detail.folds ?? []).reduce((s, f) => s + (f.metrics.accuracy ?? 0), 0) / 3;
    assert.ok(Math.abs(mean - accuracy) < 1e-12, 'the folds average to the leaderboard mean');

    const four = await waitFor('step 4 done in the tree', async () => { const s = await stepFour(uri); return s.item.description === 'Done' ? s : undefined; });
    assert.deepEqual(four.children.map((c) => c.label).slice(0, 1), ['Choose candidates & train']);
    const runItem = four.children.find((c) => typeof c.label === 'string' && c.label.startsWith('Run '));
    assert.ok(runItem, four.children.map((c) => c.label).join(' | '));
    assert.match(String(runItem.label), /^Run \d{4}-\d\d-\d\d \d\d:\d\d — best linear 0\.\d{3} accuracy$/);
    const click = runItem.command;
    assert.equal(click?.command, 'mlWorkflow.training.openLeaderboard');

    // Clicking the run opens the leaderboard of that run.
    const again = await vscode.commands.executeCommand<TrainingPanel>(click.command, ...(click.arguments ?? []));
    assert.equal(again, panel, 'the open panel is reused');
    await waitFor('the leaderboard focused on the run', () => posted.some((m) => JSON.stringify(m) === JSON.stringify({ type: 'training/focus', focus: { view: 'leaderboard', runId: result.runId } })));
    const viaStep = await vscode.commands.executeCommand<TrainingPanel>('mlWorkflow.step.open', { projectUri: uri.toString(), step: 'training' });
    assert.equal(viaStep, panel, 'the tree\'s step 4 opens the panel');
  });

  test('the extension host answers during a run; stopping keeps the completed candidates, marked cancelled', async function () {
    this.timeout(180000);
    const a = await api();
    const uri = await titanicProject('training-stop');
    const { panel, posted } = await openReady(uri);
    assert.equal((await panel.receive({ type: 'training/start', id: 1, settings: LONG }))?.type, 'training/started');
    const done = panel.finished();
    assert.ok(done, 'a run is in progress');
    await waitFor('two completed candidates', () => posted.some((m) => m.type === 'training/progress' && m.progress.leaderboard.length >= 2), 120000);
    assert.ok(a.trainingPanel(uri) === panel);

    // Training is in the engine: the extension host runs commands meanwhile.
    const t0 = Date.now();
    const same = await vscode.commands.executeCommand<TrainingPanel>('mlWorkflow.training.open', uri);
    const hostMs = Date.now() - t0;
    assert.equal(same, panel);
    const busy = await panel.receive({ type: 'training/start', id: 2, settings: SHORT });
    assert.ok(busy?.type === 'training/started' && busy.outcome.kind === 'refused');
    assert.match(busy.outcome.message, /in progress/);
    const four = await stepFour(uri);
    assert.equal(four.item.description, 'In progress');
    assert.ok(four.children.some((c) => c.label === 'Training in progress…'));
    assert.ok(hostMs < 5000, `a command took ${hostMs} ms during training`);
    // The engine itself yields between folds and inside fits: it answers a quick request too.
    const e0 = Date.now();
    await a.engine.ping();
    const engineMs = Date.now() - e0;
    console.log(`      (while the engine trained: a command answered in ${hostMs} ms, the engine's version request in ${engineMs} ms)`);

    const stopped = await vscode.commands.executeCommand<boolean>('mlWorkflow.training.stop', uri);
    assert.equal(stopped, true);
    const outcome = await done;
    assert.ok(outcome.kind === 'finished', JSON.stringify(outcome));
    const result = outcome.result;
    assert.equal(result.cancelled, true);
    assert.equal(result.stopReason, 'cancelled');
    assert.ok(result.leaderboard.length >= 2, `${result.leaderboard.length} candidates kept`);
    assert.ok(result.elapsedSeconds < (LONG.budgetSeconds ?? 0), `stopped after ${result.elapsedSeconds} s, before the budget`);
    const record = await readJson(path.join(result.runDir, 'run.json'));
    assert.equal(record.status, 'cancelled');
    assert.equal((record.leaderboard as unknown[]).length, result.leaderboard.length);

    const last = await waitFor('the stopped result and the recorded run posted to the webview', () => posted.find((m): m is Extract<TrainingHostMessage, { type: 'training/update' }> =>
      m.type === 'training/update' && m.state.result?.runId === result.runId && m.state.runs.some((r) => r.id === result.runId)));
    assert.equal(last.state.result?.cancelled, true);
    assert.ok(last.state.runs.some((r) => r.id === result.runId && r.status === 'cancelled'));
    const after = await waitFor('the stopped run in the tree', async () => {
      const s = await stepFour(uri);
      return s.children.some((c) => String(c.label).includes('— stopped, best')) ? s : undefined;
    });
    assert.equal(after.item.description, 'In progress', 'only a stopped run: step 4 is in progress');
    assert.equal(await vscode.commands.executeCommand<boolean>('mlWorkflow.training.stop'), false, 'nothing left to stop');
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProblemPanel } from '../../src/extension/panels/problemPanel';
import type { ProblemDraft } from '../../src/shared/project/problemDraft';
import type { ProblemHostMessage } from '../../src/shared/protocol/problemPanel';
import { api, freshFolder, readJson, waitFor, workspaceDir } from './helpers';

const DRAFT: ProblemDraft = {
  businessObjective: 'Sort iris flowers automatically in the greenhouse.',
  problemStatement: 'Predict the species from four measurements.',
  task: 'multiclass',
  target: 'species',
  successCriteria: [{ metric: 'accuracy', comparator: '>=', threshold: '0.9' }],
  dataRequirements: '150 labelled flowers.',
  constraints: 'Runs on a Raspberry Pi.',
  risks: [{ risk: 'Mislabelled flowers', likelihood: 'low', impact: 'medium', mitigation: 'Double-check labels.' }],
};

async function newProjectWithPanel(name: string): Promise<{ uri: vscode.Uri; panel: ProblemPanel }> {
  const folder = await freshFolder(name);
  const uri = await vscode.commands.executeCommand<vscode.Uri>('mlWorkflow.project.create',
    { folder, name, dataFile: path.join(workspaceDir(), 'data', 'iris.csv') });
  const panel = await vscode.commands.executeCommand<ProblemPanel>('mlWorkflow.problem.open', uri);
  assert.ok(panel, 'the command returns the panel');
  const loaded = await panel.receive({ type: 'problem/ready' });
  assert.equal(loaded?.type, 'problem/load');
  return { uri, panel };
}

/** The next message of a type the panel posts (that `accept` accepts: a write may be seen half-done first). */
function nextPost(panel: ProblemPanel, type: ProblemHostMessage['type'], accept: (m: ProblemHostMessage) => boolean = () => true): Promise<ProblemHostMessage> {
  return new Promise((resolve) => {
    const sub = panel.onDidPost((m) => { if (m.type === type && accept(m)) { sub.dispose(); resolve(m); } });
  });
}

suite('Problem Definition panel (through its message path)', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('loads the project: target choices come from the CSV header', async () => {
    const { panel } = await newProjectWithPanel('load');
    const reply = await panel.receive({ type: 'problem/reload' });
    assert.ok(reply?.type === 'problem/load');
    assert.deepEqual(reply.state.columns, ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)', 'species']);
    assert.equal(reply.state.draft.task, '');
  });

  test('save writes the problem section and the tree statuses update at once', async () => {
    const a = await api();
    const { uri, panel } = await newProjectWithPanel('save');
    const reply = await panel.receive({ type: 'problem/save', id: 7, draft: DRAFT });
    assert.deepEqual(reply, { type: 'problem/saved', id: 7, outcome: { kind: 'saved' } });
    const saved = await readJson(uri.fsPath);
    assert.deepEqual(saved.problem, {
      businessObjective: DRAFT.businessObjective, problemStatement: DRAFT.problemStatement, task: 'multiclass', target: 'species',
      successCriteria: [{ metric: 'accuracy', comparator: '>=', threshold: 0.9 }],
      dataRequirements: DRAFT.dataRequirements, constraints: DRAFT.constraints,
      risks: [{ risk: 'Mislabelled flowers', likelihood: 'low', impact: 'medium', mitigation: 'Double-check labels.' }],
    });
    assert.equal(saved.name, 'save', 'the rest of the file is kept');
    const entry = a.index.get(uri);
    assert.equal(entry?.steps[0].status, 'done', 'step 1 is done as soon as the save returns');
    const node = a.tree.getChildren().find((n) => n.kind === 'project' && n.entry.uri.fsPath === uri.fsPath);
    assert.ok(node);
    assert.equal(a.tree.getTreeItem(a.tree.getChildren(node)[0]).description, 'Done');
  });

  test('invalid input is reported per field and nothing is saved', async () => {
    const { uri, panel } = await newProjectWithPanel('invalid');
    const before = await fs.readFile(uri.fsPath, 'utf8');
    const bad: ProblemDraft = {
      ...DRAFT, target: 'colour',
      successCriteria: [{ metric: 'rmse', comparator: '<=', threshold: '1' }, { metric: 'accuracy', comparator: '>=', threshold: 'high' }],
      risks: [{ risk: '', likelihood: 'medium', impact: 'medium', mitigation: '' }],
    };
    const reply = await panel.receive({ type: 'problem/save', id: 1, draft: bad });
    assert.ok(reply?.type === 'problem/saved' && reply.outcome.kind === 'invalid');
    const fields = reply.outcome.errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['risks.0.risk', 'successCriteria.0.metric', 'successCriteria.1.threshold', 'target']);
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), before, 'the file is untouched');
  });

  test('a malformed message from the webview is ignored', async () => {
    const { uri, panel } = await newProjectWithPanel('malformed');
    const before = await fs.readFile(uri.fsPath, 'utf8');
    assert.equal(await panel.receive({ type: 'problem/save', draft: DRAFT }), undefined, 'no id');
    assert.equal(await panel.receive({ command: 'save' }), undefined);
    const reply = await panel.receive({ type: 'problem/save', id: 2, draft: { ...DRAFT, risks: 'none' } });
    assert.ok(reply?.type === 'problem/saved' && reply.outcome.kind === 'failed');
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), before);
  });

  test('a hand edit reloads a clean form; a dirty form is warned and never overwrites the newer file', async () => {
    const { uri, panel } = await newProjectWithPanel('watcher');
    // Clean form: the edit on disk is loaded into it.
    const project = await readJson(uri.fsPath);
    project.problem = { businessObjective: 'Edited by hand' };
    const reloaded = nextPost(panel, 'problem/load', (m) => m.type === 'problem/load' && m.state.draft.businessObjective !== '');
    await fs.writeFile(uri.fsPath, JSON.stringify(project, null, 2));
    const load = await reloaded;
    assert.ok(load.type === 'problem/load');
    assert.equal(load.state.draft.businessObjective, 'Edited by hand');

    // Dirty form: the user is warned, and a save is refused as a conflict.
    await panel.receive({ type: 'problem/dirty', dirty: true });
    const warned = nextPost(panel, 'problem/changedOnDisk');
    project.problem = { businessObjective: 'Edited again by hand' };
    await fs.writeFile(uri.fsPath, JSON.stringify(project, null, 2));
    await warned;
    const conflict = await panel.receive({ type: 'problem/save', id: 3, draft: DRAFT });
    assert.ok(conflict?.type === 'problem/saved');
    assert.deepEqual(conflict.outcome, { kind: 'conflict' });
    assert.equal(((await readJson(uri.fsPath)).problem as { businessObjective: string }).businessObjective, 'Edited again by hand');

    // The user chooses to overwrite.
    const overwritten = await panel.receive({ type: 'problem/save', id: 4, draft: DRAFT, overwrite: true });
    assert.ok(overwritten?.type === 'problem/saved');
    assert.deepEqual(overwritten.outcome, { kind: 'saved' });
    assert.equal(((await readJson(uri.fsPath)).problem as { businessObjective: string }).businessObjective, DRAFT.businessObjective);
  });

  test('clicking a sub-task in the tree opens the form on its field', async () => {
    const { uri, panel } = await newProjectWithPanel('focus');
    const focused = nextPost(panel, 'problem/focus');
    const same = await vscode.commands.executeCommand<ProblemPanel>('mlWorkflow.step.open', { projectUri: uri.toString(), step: 'problem', subTask: 'risks' });
    assert.equal(same, panel, 'the open panel is reused');
    assert.deepEqual(await focused, { type: 'problem/focus', field: 'add-risk' });
  });

  test('the form opens on a broken project file and says what is wrong', async () => {
    const a = await api();
    const folder = await freshFolder('broken-form');
    const file = path.join(folder, 'mlworkflow.json');
    await fs.writeFile(file, '{ "version": 1, "name": "Broken", "problem": { "task": "clustering" } }\n');
    await waitFor('the broken project in the index', () => a.index.get(vscode.Uri.file(file)));
    const panel = await vscode.commands.executeCommand<ProblemPanel>('mlWorkflow.problem.open', vscode.Uri.file(file));
    const loaded = await panel.receive({ type: 'problem/ready' });
    assert.ok(loaded?.type === 'problem/load');
    assert.match(loaded.state.fileErrors.join('\n'), /mlworkflow\.json:1: "problem\.task" must be one of: binary, multiclass, regression/);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorkflowNode } from '../../src/extension/tree/workflowTree';
import { api, freshFolder, readJson, waitFor, workspaceDir } from './helpers';

const STEP_LABELS = ['1. Problem Definition', '2. Data Collection & Preprocessing', '3. Exploratory Data Analysis',
  '4. Model Selection & Training', '5. Model Evaluation & Tuning', '6. Deployment & Monitoring'];

function projectNode(nodes: WorkflowNode[], file: string): WorkflowNode | undefined {
  return nodes.find((n) => n.kind === 'project' && n.entry.uri.fsPath === file);
}

suite('Projects and the workflow tree', () => {
  test('Create Project writes mlworkflow.json and the tree shows its six steps with statuses', async () => {
    const a = await api();
    const folder = await freshFolder('created');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlWorkflow.project.create',
      { folder, name: 'Iris species', dataFile: path.join(workspaceDir(), 'data', 'iris.csv') });
    assert.ok(uri, 'the command returns the project file');
    assert.equal(uri.fsPath, path.join(folder, 'mlworkflow.json'));
    const saved = await readJson(uri.fsPath);
    assert.equal(saved.name, 'Iris species');
    assert.equal(saved.version, 1);
    const sources = (saved.data as { sources: { path: string; sha256: string; columns: number }[] }).sources;
    assert.equal(sources[0].path, '../data/iris.csv');
    assert.match(sources[0].sha256, /^[0-9a-f]{64}$/);
    assert.equal(sources[0].columns, 5);

    const node = await waitFor('the project in the tree', () => projectNode(a.tree.getChildren(), uri.fsPath));
    assert.equal(a.tree.getTreeItem(node).label, 'Iris species');
    const steps = a.tree.getChildren(node);
    assert.deepEqual(steps.map((s) => a.tree.getTreeItem(s).label), STEP_LABELS);
    const descriptions = steps.map((s) => a.tree.getTreeItem(s).description);
    assert.deepEqual(descriptions, ['Not started', 'In progress', 'Not started', 'Not started', 'Not started', 'Not started']);
    const problemSubTasks = a.tree.getChildren(steps[0]).map((s) => a.tree.getTreeItem(s).label);
    assert.deepEqual(problemSubTasks, ['Business objective', 'Problem statement', 'Task and target column', 'Success criteria',
      'Data requirements and constraints', 'Risk register']);
    const sourcesItem = a.tree.getTreeItem(a.tree.getChildren(steps[1])[0]);
    assert.equal(sourcesItem.label, 'Register data sources');
    assert.match(String((sourcesItem.tooltip as vscode.MarkdownString).value), /1 data source registered/);
    assert.equal((sourcesItem.iconPath as vscode.ThemeIcon).id, 'pass-filled');
  });

  test('Create Project refuses to overwrite an existing project', async () => {
    const folder = await freshFolder('twice');
    await vscode.commands.executeCommand('mlWorkflow.project.create', { folder, name: 'First' });
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlWorkflow.project.create', { folder, name: 'Second' });
    assert.equal(again, undefined);
    assert.equal((await readJson(path.join(folder, 'mlworkflow.json'))).name, 'First');
  });

  test('Open Sample Project copies the penguins sample and the tree shows step 1 done', async () => {
    const a = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mlWorkflow.project.openSample', workspaceDir());
    assert.ok(uri);
    const csv = await fs.readFile(path.join(path.dirname(uri.fsPath), 'data', 'penguins.csv'), 'utf8');
    assert.ok(csv.startsWith('Species,Island,'));
    const node = await waitFor('the sample in the tree', () => projectNode(a.tree.getChildren(), uri.fsPath));
    const steps = a.tree.getChildren(node);
    assert.equal(a.tree.getTreeItem(steps[0]).description, 'Done');
    assert.equal(a.tree.getTreeItem(node).label, 'Penguin species');
  });

  test('several projects in one workspace are all listed', async () => {
    const a = await api();
    await a.index.rescan();
    const names = a.tree.getChildren().map((n) => a.tree.getTreeItem(n).label);
    assert.ok(names.length >= 3, `projects listed: ${names.join(', ')}`);
    assert.ok(names.includes('Iris species') && names.includes('Penguin species'));
  });

  test('Export Problem Definition writes PROBLEM.md beside the project file', async () => {
    const sample = await vscode.commands.executeCommand<vscode.Uri>('mlWorkflow.project.openSample', workspaceDir());
    const written = await vscode.commands.executeCommand<vscode.Uri>('mlWorkflow.problem.export', sample);
    assert.equal(written.fsPath, path.join(path.dirname(sample.fsPath), 'PROBLEM.md'));
    const text = await fs.readFile(written.fsPath, 'utf8');
    assert.match(text, /^# Penguin species: problem definition/);
    assert.match(text, /\| Accuracy \| >= 0\.95 \|/);
    assert.match(text, /## Risk register/);
  });
});

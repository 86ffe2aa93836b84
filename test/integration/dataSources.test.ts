import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DataSource } from '../../src/shared/project/types';
import { api, freshFolder, waitFor, workspaceDir } from './helpers';

suite('Data sources', () => {
  test('add, notice a changed file, register it again, remove', async () => {
    const a = await api();
    const folder = await freshFolder('sources');
    const project = await vscode.commands.executeCommand<vscode.Uri>('mlWorkflow.project.create', { folder, name: 'Sources' });
    const data = path.join(folder, 'iris.csv');
    await fs.copyFile(path.join(workspaceDir(), 'data', 'iris.csv'), data);
    const source = await vscode.commands.executeCommand<DataSource>('mlWorkflow.data.addSource', { project: project.fsPath, file: data, role: 'train' });
    assert.deepEqual([source.name, source.path, source.rows, source.columns], ['iris', 'iris.csv', 150, 5]);
    assert.equal(a.index.get(project)?.steps[1].subTasks[0].status, 'done');

    // The extension watches registered data files: the change alone makes the source stale.
    await fs.appendFile(data, '5.0,3.0,1.0,0.1,setosa\n');
    const warning = await waitFor('the stale warning', () => vscode.languages.getDiagnostics(project).find((d) => /changed since it was registered/.test(d.message)));
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    await waitFor('the source to need attention', () => a.index.get(project)?.steps[1].subTasks[0].status === 'attention');

    const again = await vscode.commands.executeCommand<DataSource>('mlWorkflow.data.refreshSource', { project: project.fsPath, name: 'iris' });
    assert.equal(again.rows, 151);
    assert.equal(a.index.get(project)?.steps[1].subTasks[0].status, 'done');
    assert.deepEqual(vscode.languages.getDiagnostics(project), []);

    assert.equal(await vscode.commands.executeCommand<boolean>('mlWorkflow.data.removeSource', { project: project.fsPath, name: 'iris' }), true);
    assert.equal(a.index.get(project)?.steps[1].subTasks[0].status, 'notStarted');
  });
});

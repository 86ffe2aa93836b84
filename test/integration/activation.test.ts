import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './helpers';

suite('Activation and contributions', () => {
  test('the extension activates and registers its commands', async () => {
    const a = await api();
    assert.ok(a.engine && a.index && a.tree, 'activate returns the API');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.isActive, true);
    console.log(`    (extension loaded from ${extension?.extensionPath}, mode ${process.env.MLW_TEST_MODE})`);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['mlWorkflow.project.create', 'mlWorkflow.project.openSample', 'mlWorkflow.problem.open',
      'mlWorkflow.problem.export', 'mlWorkflow.engine.restart', 'mlWorkflow.engine.showLog']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });

  test('every command has the ML Workflow category and the schema ships with the extension', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const contributes = extension.packageJSON.contributes as {
      commands: { command: string; category: string }[];
      jsonValidation: { fileMatch: string[]; url: string }[];
      walkthroughs: { steps: unknown[] }[];
    };
    for (const c of contributes.commands) { assert.equal(c.category, 'ML Workflow', c.command); }
    const validation = contributes.jsonValidation[0];
    assert.ok(validation.fileMatch.includes('mlworkflow.json'));
    const schema = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, validation.url), 'utf8')) as { title: string };
    assert.equal(schema.title, 'ML Workflow project');
    assert.equal(contributes.walkthroughs[0].steps.length, 7, 'a project step and the six workflow steps');
  });

  test('the engine answers with the extension version', async () => {
    const a = await api();
    const pid = await a.engine.ping();
    assert.ok(pid > 0 && pid !== process.pid, 'the engine is a separate process');
  });
});

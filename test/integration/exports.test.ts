import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PipelineStep } from '../../src/shared/pipeline/types';
import { SavePipelineRequest } from '../../src/shared/protocol/engine';
import { api, titanicProject, waitFor } from './helpers';

suite('Exports and DATA.md from VS Code', () => {
  test('saving the pipeline regenerates DATA.md; the pipeline exports as Python and TypeScript', async function () {
    this.timeout(60000);
    const a = await api();
    const uri = await titanicProject('exports-titanic');
    const folder = path.dirname(uri.fsPath);
    const steps: PipelineStep[] = [
      { kind: 'impute', columns: ['age'], strategy: 'median' },
      { kind: 'drop', columns: ['name'] },
      { kind: 'encode', columns: ['sex', 'passengerClass'], method: 'onehot' },
    ];
    await a.engine.request(SavePipelineRequest.type, { projectFile: uri.fsPath, steps });
    const lineage = await fs.readFile(path.join(folder, 'DATA.md'), 'utf8');
    assert.match(lineage, /### 3\. Encode `sex`, `passengerClass` \(onehot\)/);
    assert.match(lineage, /learned on training rows: `\{"age":28\}`/);

    const python = vscode.Uri.file(path.join(folder, 'pipeline.py'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('mlWorkflow.data.exportPipeline', uri, { language: 'python', target: python });
    assert.equal(written?.fsPath, python.fsPath);
    const code = await fs.readFile(python.fsPath, 'utf8');
    assert.match(code, /import pandas as pd/);
    assert.match(code, /28/, 'the fitted median is in the script');
    const ts = vscode.Uri.file(path.join(folder, 'pipeline.ts'));
    await vscode.commands.executeCommand('mlWorkflow.data.exportPipeline', uri, { language: 'typescript', target: ts });
    assert.match(await fs.readFile(ts.fsPath, 'utf8'), /export function transform/);
  });

  test('a hand edit of the project file regenerates DATA.md without rewriting the project', async function () {
    this.timeout(60000);
    const uri = await titanicProject('lineage-hand-edit');
    const dataMd = path.join(path.dirname(uri.fsPath), 'DATA.md');
    const project = JSON.parse(await fs.readFile(uri.fsPath, 'utf8')) as { data: { pipeline?: object[] } };
    project.data.pipeline = [{ kind: 'dedupe' }];
    const text = `${JSON.stringify(project, null, 2)}\n`;
    await fs.writeFile(uri.fsPath, text);
    await waitFor('DATA.md with the hand-written step', async () => (await fs.readFile(dataMd, 'utf8').catch(() => '')).includes('Remove duplicate rows'), 20000);
    assert.equal(await fs.readFile(uri.fsPath, 'utf8'), text);
  });

  test('the EDA exports as a self-contained HTML report', async function () {
    this.timeout(90000);
    const uri = await titanicProject('eda-html');
    const target = vscode.Uri.file(path.join(path.dirname(uri.fsPath), 'eda.html'));
    await vscode.commands.executeCommand('mlWorkflow.eda.exportHtml', uri, { target });
    const html = await fs.readFile(target.fsPath, 'utf8');
    assert.ok((html.match(/<svg/g) ?? []).length > 5, 'charts as inline SVG');
    assert.doesNotMatch(html, /<script/);
  });
});

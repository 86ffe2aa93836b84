import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EdaPanel } from '../../src/extension/panels/edaPanel';
import type { PipelineStep } from '../../src/shared/pipeline/types';
import { MAX_CHART_CHARS } from '../../src/shared/protocol/edaPanel';
import type { SaveChartMessage } from '../../src/shared/protocol/edaPanel';
import { AddPipelineStepRequest, EngineErrorCodes } from '../../src/shared/protocol/engine';
import { api, freshFolder, readJson, titanicProject } from './helpers';

async function openReady(uri: vscode.Uri): Promise<EdaPanel> {
  const panel = await vscode.commands.executeCommand<EdaPanel>('mlWorkflow.eda.open', uri);
  assert.ok(panel, 'the command returns the panel');
  return panel;
}

/** A 1 x 1 PNG (a valid file: signature, IHDR, IDAT, IEND with their CRCs). */
const PNG_1X1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
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
    // Adding a step refits the pipeline: the mean it learned from the training rows is stored with it.
    const [added] = (saved.data as { pipeline: (PipelineStep & { fitted?: Record<string, number> })[] }).pipeline;
    const { fitted, ...rest } = added;
    assert.deepEqual(rest, step);
    assert.ok(Math.abs((fitted?.age ?? 0) - 29.8811) < 1e-4, `fitted ${JSON.stringify(fitted)}`);
    assert.deepEqual((saved.problem as Record<string, unknown>).target, 'survived', 'the rest of the file is kept');
    const pipeline = a.index.get(uri)?.steps[1].subTasks[2];
    assert.equal(pipeline?.status, 'done', 'the step is in the pipeline, fitted on the training rows');

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

  test('exportHtml writes the whole analysis as one self-contained HTML page with the charts as SVG', async function () {
    this.timeout(90000);
    const uri = await titanicProject('eda-export');
    const panel = await openReady(uri);
    await panel.receive({ type: 'eda/ready' });
    const target = vscode.Uri.file(path.join(path.dirname(uri.fsPath), 'report.html'));
    const outcome = await panel.exportHtml(target);
    assert.deepEqual(outcome, { kind: 'saved', path: target.fsPath });
    const html = await fs.readFile(target.fsPath, 'utf8');
    assert.ok(html.startsWith('<!DOCTYPE html>'), html.slice(0, 80));
    assert.ok(html.includes('<svg'), 'the charts are inline SVG');
    assert.ok((html.match(/<svg/g) ?? []).length >= (panel.report?.charts.length ?? 1), 'every chart is in it');
    assert.ok(!/<script/i.test(html), 'no scripts: it opens anywhere');
    assert.ok(html.includes('Missing data') && html.includes('survived'), 'the handling questions and the target are in it');
  });

  test('saveChart writes the SVG and the PNG it is given to the target; anything else is refused and nothing written', async function () {
    this.timeout(90000);
    const uri = await titanicProject('eda-save-chart');
    const panel = await openReady(uri);
    await panel.receive({ type: 'eda/ready' });
    const dir = path.dirname(uri.fsPath);
    // A real chart as the engine's Vega renders it: the first one of the exported report.
    const report = vscode.Uri.file(path.join(dir, 'report.html'));
    assert.equal((await panel.exportHtml(report)).kind, 'saved');
    const svg = /<svg[\s\S]*?<\/svg>/.exec(await fs.readFile(report.fsPath, 'utf8'))?.[0];
    assert.ok(svg, 'the report holds an SVG chart');

    const chart = (format: 'svg' | 'png', data: string): SaveChartMessage => ({ type: 'eda/saveChart', id: 1, title: 'Target survived', format, data });
    const svgFile = vscode.Uri.file(path.join(dir, 'target.svg'));
    assert.deepEqual(await panel.saveChart(chart('svg', svg), svgFile), { kind: 'saved', path: svgFile.fsPath });
    const writtenSvg = await fs.readFile(svgFile.fsPath, 'utf8');
    assert.ok(writtenSvg.startsWith('<svg'), writtenSvg.slice(0, 40));
    assert.equal(writtenSvg, svg);

    const pngFile = vscode.Uri.file(path.join(dir, 'target.png'));
    assert.deepEqual(await panel.saveChart(chart('png', PNG_1X1), pngFile), { kind: 'saved', path: pngFile.fsPath });
    const writtenPng = await fs.readFile(pngFile.fsPath);
    assert.deepEqual(writtenPng.subarray(0, 8), PNG_MAGIC, 'the PNG signature');
    assert.equal(writtenPng.length, 70, 'the decoded bytes, not the data URL');

    const refused = vscode.Uri.file(path.join(dir, 'refused.bin'));
    const gif = `data:image/png;base64,${Buffer.from('GIF89a\x01\x00\x01\x00').toString('base64')}`;
    for (const [what, message] of [
      ['text that is not SVG', chart('svg', '<html><script>alert(1)</script></html>')],
      ['a PNG without its data URL prefix', chart('png', PNG_1X1.slice('data:image/png;base64,'.length))],
      ['another image type under a PNG prefix', chart('png', gif)],
      ['base64 with stray characters', chart('png', `${PNG_1X1}<>`)],
    ] as const) {
      const outcome = await panel.saveChart(message, refused);
      assert.equal(outcome.kind, 'failed', `${what}: ${JSON.stringify(outcome)}`);
      assert.equal(await exists(refused.fsPath), false, `${what}: nothing written`);
    }
    assert.equal(await panel.receive({ type: 'eda/saveChart', id: 2, title: 'x', format: 'gif', data: PNG_1X1 }), undefined, 'an unknown format is ignored');
    assert.equal(await panel.receive({ type: 'eda/saveChart', id: 3, title: 'x', format: 'svg', data: `<svg>${'x'.repeat(MAX_CHART_CHARS)}</svg>` }), undefined, 'a chart over the size cap is ignored');
    assert.equal(await panel.receive({ type: 'eda/saveChart', id: 4, format: 'svg', data: svg }), undefined, 'a chart without a title is ignored');
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

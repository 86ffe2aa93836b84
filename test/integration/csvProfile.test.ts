import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cellAt, headerCells } from '../../src/extension/csv/headerCells';
import type { DataProfilePanel } from '../../src/extension/panels/dataProfilePanel';
import type { ProfileHostMessage, ProfilePhase } from '../../src/shared/protocol/profilePanel';
import { api, freshFolder, waitFor, workspaceDir } from './helpers';

const HEADER = new vscode.Range(0, 0, 0, 1000);

async function hintsOf(uri: vscode.Uri): Promise<vscode.InlayHint[]> {
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, HEADER)) ?? [];
}

function hintText(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.map((l) => l.command?.title ?? '');
}

/** A CSV of about 19 MB in a fresh folder: large enough that the engine answers with a sample first (it reads files under 16 MB whole). */
async function writeLargeCsv(name: string, rows = 700000): Promise<vscode.Uri> {
  const folder = await freshFolder(name);
  const lines = ['id,group,value'];
  for (let i = 0; i < rows; i++) { lines.push(`${i},${['a', 'b', 'c'][i % 3]},${(i % 97) / 7}`); }
  const file = path.join(folder, `${name}.csv`);
  await fs.writeFile(file, `${lines.join('\n')}\n`);
  return vscode.Uri.file(file);
}

suite('Inline CSV profiling', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opening a CSV shows a summary after each header cell, a hover with statistics and a chart, and a CodeLens', async () => {
    await api();
    const uri = vscode.Uri.file(path.join(workspaceDir(), 'data', 'iris.csv'));
    await vscode.window.showTextDocument(uri);
    const hints = await waitFor('five header hints', async () => {
      const h = await hintsOf(uri);
      return h.length === 5 ? h : undefined;
    });
    const header = 'sepal length (cm),sepal width (cm),petal length (cm),petal width (cm),species';
    assert.equal(hints[0].position.character, 'sepal length (cm)'.length, 'the first hint sits right after its cell');
    assert.equal(hints[4].position.character, header.length);
    assert.equal(hintText(hints[0]), 'float · 0% missing · 35 distinct');
    assert.match(hintText(hints[4]), /^categorical · 0% missing · 3 distinct$/);

    const hover = await hoverText(uri, new vscode.Position(0, 3));
    assert.match(hover, /sepal length \\\(cm\\\)/);
    assert.match(hover, /\| mean \| 5\.843 \|/);
    assert.match(hover, /\| median \| 5\.8 \|/);
    assert.match(hover, /!\[Histogram of .*\]\(data:image\/svg\+xml;base64,/);
    const speciesHover = await hoverText(uri, new vscode.Position(0, header.length - 2));
    assert.match(speciesHover, /setosa: 50/);
    assert.equal(await hoverText(uri, new vscode.Position(1, 2)), '', 'no hover on data rows');

    assert.ok((await lensTitles(uri)).some((t) => t.includes('Open Data Profile')));
  });

  test('a broken CSV puts its ragged rows in the Problems panel at their lines', async () => {
    await api();
    const uri = vscode.Uri.file(path.join(workspaceDir(), 'data', 'broken.csv'));
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitFor('two diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'ML Workflow');
      return d.length === 2 ? d : undefined;
    });
    const byLine = diagnostics.sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(byLine.map((d) => d.range.start.line + 1), [4, 7]);
    assert.match(byLine[0].message, /3 fields/);
    assert.equal(byLine[0].code, 'raggedRow');
    assert.equal(byLine[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(byLine[0].range.end.character, '3,Cairo,31.0'.length, 'the whole line is marked');
    assert.ok((await lensTitles(uri)).some((t) => t.includes('2 problems')));
  });

  test('an edit re-profiles the unsaved text; closing the editor drops the profile and its problems', async () => {
    const a = await api();
    const folder = await freshFolder('edit-csv');
    const file = path.join(folder, 'broken.csv');
    await fs.copyFile(path.join(workspaceDir(), 'data', 'broken.csv'), file);
    const uri = vscode.Uri.file(file);
    const editor = await vscode.window.showTextDocument(uri);
    await waitFor('two diagnostics', () => vscode.languages.getDiagnostics(uri).length === 2);
    await editor.edit((e) => e.insert(new vscode.Position(3, '3,Cairo,31.0'.length), ',true'));
    assert.ok(editor.document.isDirty);
    const after = await waitFor('one diagnostic after the fix', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length === 1 ? d : undefined;
    });
    assert.equal(after[0].range.start.line + 1, 7);
    assert.equal(await fs.readFile(file, 'utf8').then((t) => t.includes('31.0,true')), false, 'the fix is only in the editor');

    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the profile to be dropped', () => a.profiles.get(uri) === undefined);
    await waitFor('the problems to be cleared', () => vscode.languages.getDiagnostics(uri).length === 0);
  });

  test('a TSV with a quoted header cell gets its hints at the right cells', async () => {
    await api();
    const folder = await freshFolder('tsv');
    const file = path.join(folder, 'people.tsv');
    await fs.writeFile(file, 'name\t"age, years"\tcity\nAda\t36\tLondon\nAlan\t41\tWilmslow\nGrace\t\tArlington\n');
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(uri);
    const hints = await waitFor('three hints', async () => {
      const h = await hintsOf(uri);
      return h.length === 3 ? h : undefined;
    });
    assert.deepEqual(hints.map((h) => h.position.character), [4, 17, 22]);
    assert.match(hintText(hints[1]), /^integer · 33% missing · 2 distinct$/);
  });

  test('the setting turns inline profiling off, and on again', async () => {
    await api();
    const uri = vscode.Uri.file(path.join(workspaceDir(), 'data', 'iris.csv'));
    await vscode.window.showTextDocument(uri);
    await waitFor('hints', async () => (await hintsOf(uri)).length === 5);
    const config = vscode.workspace.getConfiguration('mlWorkflow.csv');
    try {
      await config.update('inlineProfiling', false, vscode.ConfigurationTarget.Workspace);
      await waitFor('no hints', async () => (await hintsOf(uri)).length === 0);
      assert.deepEqual(await lensTitles(uri), []);
      assert.equal(await hoverText(uri, new vscode.Position(0, 3)), '');
    } finally {
      await config.update('inlineProfiling', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('hints again', async () => (await hintsOf(uri)).length === 5);
  });
});

suite('Data Profile panel', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a file larger than the sample is shown sampled first, then exactly, in the panel', async () => {
    const a = await api();
    const uri = await writeLargeCsv('large');
    const seen: { phase: ProfilePhase; sampled?: boolean; rows?: number }[] = [];
    const watch = a.profiles.onDidChange((changed) => {
      const entry = a.profiles.get(changed);
      if (changed.toString() === uri.toString() && entry) { seen.push({ phase: entry.phase, sampled: entry.profile?.sampled, rows: entry.profile?.rows }); }
    });
    const progress: number[] = [];
    const progressWatch = a.profiles.onDidProgress((p) => { if (p.uri.toString() === uri.toString()) { progress.push(p.progress.bytesRead / p.progress.bytesTotal); } });
    const posted: ProfileHostMessage[] = [];
    try {
      // As for a file too large to open: the panel alone, the engine reading from disk.
      const panel = await vscode.commands.executeCommand<DataProfilePanel>('mlWorkflow.data.profile', uri);
      const postWatch = panel.onDidPost((m) => posted.push(m));
      await waitFor('the exact profile', () => a.profiles.get(uri)?.phase === 'done', 30000);
      assert.ok(seen.some((s) => s.phase === 'profiling' && s.sampled === true), `a sampled stage first: ${JSON.stringify(seen)}`);
      const exact = a.profiles.get(uri)?.profile;
      assert.equal(exact?.sampled, false);
      assert.equal(exact?.rows, 700000);
      assert.ok(progress.length > 0 && progress.every((f) => f >= 0 && f <= 1), `progress reached the extension: ${JSON.stringify(progress)}`);
      const update = await waitFor('the webview to get the exact profile', () => posted.find((m) => m.type === 'profile/update' && m.state.phase === 'done'), 30000);
      assert.ok(update.type === 'profile/update' && update.state.profile?.columns.length === 3);
      assert.equal(update.type === 'profile/update' && update.state.fileName, 'large.csv');
      postWatch.dispose();
      panel.panel.dispose();
      await waitFor('the profile to be dropped with the panel', () => a.profiles.get(uri) === undefined);
    } finally {
      watch.dispose();
      progressWatch.dispose();
    }
  });

  test('cancelling the exact profile keeps the sample, marked as sampled', async () => {
    const a = await api();
    const uri = await writeLargeCsv('cancel');
    const watch = a.profiles.onDidChange((changed) => {
      if (changed.toString() === uri.toString() && a.profiles.get(changed)?.phase === 'profiling') { a.profiles.cancel(uri); }
    });
    try {
      const panel = await vscode.commands.executeCommand<DataProfilePanel>('mlWorkflow.data.profile', uri);
      const entry = await waitFor('the cancelled state', () => (a.profiles.get(uri)?.phase === 'cancelled' ? a.profiles.get(uri) : undefined));
      assert.equal(entry.profile?.sampled, true);
      // A late answer from the engine must not overwrite the cancelled state.
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(a.profiles.get(uri)?.phase, 'cancelled');
      panel.panel.dispose();
    } finally {
      watch.dispose();
    }
  });

  test('the command opens beside the CSV editor and focuses a column; malformed webview messages are ignored', async () => {
    const a = await api();
    const uri = vscode.Uri.file(path.join(workspaceDir(), 'data', 'iris.csv'));
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One });
    const panel = await vscode.commands.executeCommand<DataProfilePanel>('mlWorkflow.data.profile', uri.toString(), 'species');
    // The webview says ready later than this: listen before anything else is awaited.
    const posted: string[] = [];
    const focusing = Promise.race([
      new Promise<string>((resolve) => {
        const sub = panel.onDidPost((m) => { posted.push(m.type); if (m.type === 'profile/focusColumn') { sub.dispose(); resolve(m.column); } });
      }),
      new Promise<string>((resolve) => setTimeout(() => resolve(`(no focus message within 20 s; posted ${posted.join(', ')})`), 20000)),
    ]);
    assert.equal(await waitFor('the panel to be placed', () => panel.panel.viewColumn), vscode.ViewColumn.Two);
    assert.equal(a.dataProfilePanel(uri), panel);
    // Through the webview's own message path: a webview opened beside an editor without focus
    // does not always load in this headless workbench (the e2e test clicks one open for real).
    await panel.receive({ type: 'profile/ready' });
    const focused = await focusing;
    assert.equal(focused, 'species');
    await panel.receive({ type: 'profile/revealLine', line: 'three' });
    await panel.receive({ type: 'profile/unknown' });
    assert.equal(a.dataProfilePanel(uri), panel, 'still open');
  });
});

suite('Header cells', () => {
  test('quoted cells, doubled quotes, a BOM and multi-character positions', () => {
    const cells = headerCells('\uFEFFa,"b, c","say ""hi""",,d', ',');
    assert.deepEqual(cells.map((c) => c.name), ['a', 'b, c', 'say "hi"', '', 'd']);
    assert.deepEqual(cells.map((c) => [c.start, c.end]), [[1, 2], [3, 9], [10, 22], [23, 23], [24, 25]]);
    assert.equal(cellAt(cells, 4), 1);
    assert.equal(cellAt(cells, 9), undefined, 'the delimiter belongs to no cell');
  });

  test('a header cell whose quote does not close on the line stops the list there', () => {
    assert.deepEqual(headerCells('a\t"b\tc', '\t').map((c) => c.name), ['a']);
  });
});

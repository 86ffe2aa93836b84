import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, freshFolder, waitFor } from './helpers';

suite('Project file validation', () => {
  test('a malformed mlworkflow.json shows in the Problems panel at its line, and the extension keeps working', async () => {
    const a = await api();
    const folder = await freshFolder('malformed');
    const file = path.join(folder, 'mlworkflow.json');
    const uri = vscode.Uri.file(file);
    await fs.writeFile(file, '{\n  "version": 1,\n  "name": "Bad",\n  "problem": {\n    "task": "regression",\n    "successCriteria": [\n      { "metric": "accuracy", "comparator": ">=", "threshold": 0.9 }\n    ]\n  },\n  "extra": true\n}\n');
    const diagnostics = await waitFor('diagnostics for the bad file', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length >= 1 ? d : undefined;
    });
    const messages = diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`);
    assert.ok(messages.includes('10: Unknown property "extra" in the project file.'), messages.join('\n'));
    assert.ok(diagnostics.every((d) => d.source === 'ML Workflow'));

    const node = a.tree.getChildren().find((n) => n.kind === 'project' && n.entry.uri.fsPath === file);
    assert.ok(node, 'the broken project is still listed');
    assert.equal(a.tree.getTreeItem(node).description, 'needs attention');

    // Fixing the schema error reveals the semantic one (metric does not fit the task), at line 7.
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(',\n  "extra": true', ''));
    const semantic = await waitFor('the semantic diagnostic', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length === 1 && /does not apply/.test(d[0].message) ? d[0] : undefined;
    });
    assert.equal(semantic.range.start.line + 1, 7);
    const step = a.tree.getChildren(a.tree.getChildren().find((n) => n.kind === 'project' && n.entry.uri.fsPath === file))[0];
    assert.equal(a.tree.getTreeItem(step).description, 'Needs attention');

    // Broken JSON: a syntax diagnostic, and everything else still works.
    await fs.writeFile(file, '{ "version": 1, "name": ');
    await waitFor('the syntax diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => /Invalid JSON/.test(d.message)));
    assert.ok(await a.engine.ping() > 0);
    await fs.rm(folder, { recursive: true });
    await waitFor('the deleted project to leave the tree', () => !a.tree.getChildren().some((n) => n.kind === 'project' && n.entry.uri.fsPath === file));
  });
});

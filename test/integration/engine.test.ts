import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CsvPreviewRequest } from '../../src/shared/protocol/engine';
import { api, waitFor, workspaceDir } from './helpers';

suite('Engine process', () => {
  test('a killed engine is restarted by the next request', async () => {
    const a = await api();
    const first = await a.engine.ping();
    process.kill(first, 'SIGKILL');
    // Another feature (a file watcher, the tree) may start the next engine first: any other pid will do.
    await waitFor('the engine to be seen dead', () => a.engine.pid !== first);
    const second = await a.engine.ping();
    assert.notEqual(second, first);
    const preview = await a.engine.request(CsvPreviewRequest.type, { path: path.join(workspaceDir(), 'data', 'iris.csv'), maxRows: 2 });
    assert.equal(preview.columns.length, 5);
    assert.deepEqual(preview.rows[0], ['5.1', '3.5', '1.4', '0.2', 'setosa']);
  });

  test('a request in flight when the engine dies fails instead of hanging', async () => {
    const a = await api();
    const pid = await a.engine.ping();
    const pending = a.engine.request(CsvPreviewRequest.type, { path: path.join(workspaceDir(), 'data', 'iris.csv') });
    process.kill(pid, 'SIGKILL');
    // Either it answered before dying or it failed; it must settle well before the request timeout.
    const settled = await Promise.race([pending.then(() => 'answered', () => 'failed'), new Promise((r) => setTimeout(() => r('hung'), 10000))]);
    assert.notEqual(settled, 'hung');
    assert.ok(await a.engine.ping() > 0);
  });

  test('Restart Engine starts a new process', async () => {
    const a = await api();
    const before = await a.engine.ping();
    const { commands } = await import('vscode');
    const after = await commands.executeCommand<number>('mlWorkflow.engine.restart');
    assert.notEqual(after, before);
  });
});

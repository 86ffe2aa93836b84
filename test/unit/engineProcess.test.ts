import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, ResponseError } from 'vscode-jsonrpc/node';
import { CsvPreviewRequest, EngineErrorCodes, LogNotification, ShutdownRequest, ValidateProjectRequest, VersionRequest } from '../../src/shared/protocol/engine';
import { ROOT } from './tempDir';

// The bundled engine (dist/engine.js), spoken to over IPC exactly as the extension does.
function startEngine() {
  const child = fork(path.join(ROOT, 'dist', 'engine.js'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const logs: string[] = [];
  connection.onNotification(LogNotification.type, (p) => logs.push(p.message));
  connection.listen();
  after(() => { connection.dispose(); child.kill('SIGKILL'); });
  return { child, connection, logs };
}

describe('engine process over JSON-RPC', () => {
  it('answers version, CSV preview and validation requests, and logs its start', async () => {
    const { child, connection, logs } = startEngine();
    const info = await connection.sendRequest(VersionRequest.type);
    assert.equal(info.pid, child.pid);
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    assert.match(logs.join('\n'), /engine .* started/);
    const preview = await connection.sendRequest(CsvPreviewRequest.type, { path: path.join(ROOT, 'samples', 'penguins', 'data', 'penguins.csv'), maxRows: 1 });
    assert.equal(preview.columns[0], 'Species');
    const validation = await connection.sendRequest(ValidateProjectRequest.type, { path: '/nowhere/mlworkflow.json', text: '{"version":1,"name":"x","bogus":1}' });
    assert.equal(validation.diagnostics[0].message, 'Unknown property "bogus" in the project file.');
  });

  it('turns its own failures into coded errors with a message that names the file', async () => {
    const { connection } = startEngine();
    await assert.rejects(connection.sendRequest(CsvPreviewRequest.type, { path: '/nowhere/data.csv' }), (err: unknown) => {
      assert.ok(err instanceof ResponseError);
      assert.equal(err.code, EngineErrorCodes.FileNotFound);
      assert.match(err.message, /\/nowhere\/data\.csv: no such file/);
      return true;
    });
  });

  it('exits when asked to shut down', async () => {
    const { child, connection } = startEngine();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await connection.sendRequest(ShutdownRequest.type);
    assert.equal(await exited, 0);
  });
});

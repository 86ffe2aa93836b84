import * as assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { EngineErrorCodes } from '../../src/shared/protocol/engine';
import { computeStatuses } from '../../src/shared/project/status';
import { createProject } from '../../src/engine/project/createProject';
import { validateProject } from '../../src/engine/project/validateProject';
import { addSource, removeSource } from '../../src/engine/sources/dataSources';
import { tempDir } from './tempDir';

describe('data sources', () => {
  it('registers a file with its hash, rows and columns; a changed file is reported stale until registered again', async () => {
    const dir = tempDir();
    const { path: projectFile } = await createProject({ folder: path.join(dir, 'p'), name: 'p' });
    const data = path.join(dir, 'sales.csv');
    writeFileSync(data, 'region,amount,note\nnorth,10,"two\nlines"\nsouth,12,x\n');
    const source = await addSource(projectFile, data, { role: 'test' });
    assert.deepEqual({ ...source, sha256: source.sha256?.length }, { name: 'sales', path: '../sales.csv', role: 'test', sha256: 64, rows: 2, columns: 3 });
    assert.deepEqual((await validateProject(projectFile)).diagnostics, []);

    await assert.rejects(addSource(projectFile, data), (err: { code: number }) => err.code === EngineErrorCodes.AlreadyExists);
    appendFileSync(data, 'east,7,y\n');
    const stale = await validateProject(projectFile);
    assert.deepEqual(stale.diagnostics.map((d) => [d.severity, d.pointer]), [['warning', '/data/sources/0/sha256']]);
    assert.equal(computeStatuses(stale.project, stale.diagnostics)[1].subTasks[0].status, 'attention');

    const again = await addSource(projectFile, data, { role: 'test', replace: true });
    assert.equal(again.rows, 3);
    assert.deepEqual((await validateProject(projectFile)).diagnostics, []);
    await removeSource(projectFile, 'sales');
    assert.deepEqual((JSON.parse(readFileSync(projectFile, 'utf8')) as { data: { sources: unknown[] } }).data.sources, []);
    await assert.rejects(removeSource(projectFile, 'sales'), /No data source named "sales"/);
  });

  it('refuses a file without a header, and a broken project file, without writing anything', async () => {
    const dir = tempDir();
    const { path: projectFile } = await createProject({ folder: dir, name: 'q' });
    writeFileSync(path.join(dir, 'empty.csv'), '');
    await assert.rejects(addSource(projectFile, path.join(dir, 'empty.csv')), /no header row/);
    writeFileSync(path.join(dir, 'ok.csv'), 'a\n1\n');
    writeFileSync(projectFile, '{ "version": 1, ');
    await assert.rejects(addSource(projectFile, path.join(dir, 'ok.csv')), /not valid JSON/);
    assert.equal(readFileSync(projectFile, 'utf8'), '{ "version": 1, ');
  });
});

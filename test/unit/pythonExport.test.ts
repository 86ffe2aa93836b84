import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readCsv } from '../../src/engine/data/csvReader';
import { toFrame } from '../../src/engine/pipeline/frame';
import { toPandas } from '../../src/engine/pipeline/export/pythonExpression';
import { createProject } from '../../src/engine/project/createProject';
import { ROOT, tempDir } from './tempDir';

// The exported script runs with Debian's pandas (python3-pandas), the peer the issue names.
const PYTHON = '/usr/bin/python3';

describe('pipeline export as Python', () => {
  it('translates row expressions exactly, and refuses what it cannot', () => {
    assert.equal(toPandas('d => d.age < 12 && d["sex"] === "male" ? 1 : 0'), 'np.where(((df["age"] < 12) & (df["sex"] == "male")), 1, 0)');
    assert.equal(toPandas('d => !(d.x > Math.abs(d.y))'), '(~(df["x"] > np.abs(df["y"])))');
    assert.throws(() => toPandas('d => op.mean(d.x)'), /cannot translate/);
  });

  it('gives the engine\'s output for date parts and casts when run by pandas', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'orders.csv');
    writeFileSync(csv, 'ordered,amount,units\n2024-03-01,10.5,3\n2024-12-31 23:30:00,n/a,\n,7,2\n2023-07-15 08:05:00,1e3,1\n');
    const { path: projectFile, project } = await createProject({ folder: dir, name: 'dates', dataFile: csv });
    project.data = { ...project.data, pipeline: [
      { kind: 'dateParts', column: 'ordered', parts: ['year', 'month', 'day', 'weekday', 'hour'], drop: true },
      { kind: 'cast', column: 'amount', to: 'number' },
      { kind: 'impute', columns: ['amount', 'units'], strategy: 'median' },
    ] };
    writeFileSync(projectFile, JSON.stringify(project, null, 2));
    await compareWithPandas(projectFile, csv, dir);
  });

  it('gives the engine\'s output on titanic when run by pandas', async () => {
    assert.ok(spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0, 'this test needs Debian\'s pandas: apt-get install -y python3-pandas');
    const dir = tempDir();
    const csv = path.join(dir, 'titanic.csv');
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'datasets', 'titanic.csv'), csv);
    const { path: projectFile, project } = await createProject({ folder: dir, name: 'export', dataFile: csv });
    project.data = { ...project.data, pipeline: [
      { kind: 'drop', columns: ['name'] },
      { kind: 'rename', mapping: { passengerClass: 'klass' } },
      { kind: 'impute', columns: ['age'], strategy: 'median' },
      { kind: 'outliers', columns: ['age'], method: 'iqr', action: 'clip' },
      { kind: 'derive', column: 'child', expression: 'd => d.age < 12 ? 1 : 0' },
      { kind: 'filter', expression: 'd => d.klass !== "1st" || d.age > 1' },
      { kind: 'encode', columns: ['sex'], method: 'onehot' },
      { kind: 'encode', columns: ['klass'], method: 'ordinal' },
      { kind: 'scale', columns: ['age'], method: 'robust' },
    ] };
    writeFileSync(projectFile, JSON.stringify(project, null, 2));
    await compareWithPandas(projectFile, csv, dir);
  });
});

/** Runs the pipeline in the engine and the exported script with pandas on the same CSV, and compares the outputs cell by cell. */
async function compareWithPandas(projectFile: string, csv: string, dir: string): Promise<void> {
  assert.ok(spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0, 'this test needs Debian\'s pandas: apt-get install -y python3-pandas');
  const mlw = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'mlw.js'), ...args], { encoding: 'utf8' });
  const engineOut = path.join(dir, 'engine.csv');
  const script = path.join(dir, 'pipeline.py');
  const pythonOut = path.join(dir, 'python.csv');
  assert.equal(mlw(['pipeline', 'run', projectFile, '--out', engineOut]).status, 0);
  assert.equal(mlw(['pipeline', 'export', projectFile, '--python', script]).status, 0);
  const run = spawnSync(PYTHON, [script, csv, pythonOut], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.ok(existsSync(pythonOut));
  const ours = toFrame(await readCsv({ path: engineOut }));
  const theirs = toFrame(await readCsv({ path: pythonOut }));
  assert.deepEqual(theirs.columnNames(), ours.columnNames());
  assert.equal(theirs.numRows(), ours.numRows());
  for (const name of ours.columnNames()) {
    const a = ours.array(name) as ArrayLike<unknown>;
    const b = theirs.array(name) as ArrayLike<unknown>;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      const y = b[i];
      if (typeof x === 'number') {
        assert.ok((Number.isNaN(x) && Number.isNaN(y as number)) || Math.abs(x - (y as number)) <= 1e-9, `${name}[${i}]: ${x} vs ${String(y)}`);
      } else {
        assert.equal(y, x, `${name}[${i}]`);
      }
    }
  }
}

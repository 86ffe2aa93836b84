import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readCsv } from '../../src/engine/data/csvReader';
import { addPipelineStep, savePipeline } from '../../src/engine/pipeline/addStep';
import { toFrame } from '../../src/engine/pipeline/frame';
import { refreshLineage } from '../../src/engine/pipeline/refitProject';
import { splitRows } from '../../src/engine/pipeline/splitRows';
import { createProject } from '../../src/engine/project/createProject';
import { addSource, removeSource } from '../../src/engine/sources/dataSources';
import type { PipelineStep } from '../../src/shared/pipeline/types';
import { ROOT, tempDir } from './tempDir';

const TITANIC = path.join(ROOT, 'test', 'fixtures', 'datasets', 'titanic.csv');

async function titanicProject(split?: object): Promise<string> {
  const dir = tempDir();
  const dataFile = path.join(dir, 'titanic.csv');
  copyFileSync(TITANIC, dataFile);
  const projectFile = (await createProject({ folder: dir, name: 't', dataFile })).path;
  const project = JSON.parse(readFileSync(projectFile, 'utf8'));
  project.problem = { ...project.problem, target: 'survived', task: 'binary' };
  if (split) { project.data.split = split; }
  writeFileSync(projectFile, JSON.stringify(project, null, 2));
  return projectFile;
}

const dataMd = (projectFile: string) => readFileSync(path.join(path.dirname(projectFile), 'DATA.md'), 'utf8');

describe('DATA.md follows every change', () => {
  it('saving the pipeline stores the fitted steps and regenerates DATA.md with counts and what was learned', async () => {
    const projectFile = await titanicProject();
    await savePipeline(projectFile, [{ kind: 'impute', columns: ['age'], strategy: 'median' }, { kind: 'drop', columns: ['name'] }]);
    const saved = JSON.parse(readFileSync(projectFile, 'utf8')).data.pipeline as PipelineStep[];
    assert.deepEqual(saved[0].kind === 'impute' && saved[0].fitted, { age: 28 });
    const text = dataMd(projectFile);
    assert.match(text, /### 1\. Impute `age` \(median\)/);
    assert.match(text, /learned on training rows: `\{"age":28\}`/);
    assert.match(text, /### 2\. Drop `name`\n\n- rows: 1309 -> 1309; columns: 5 -> 4/);
  });

  it('a step that does not fit the data is refused and nothing is written', async () => {
    const projectFile = await titanicProject();
    await savePipeline(projectFile, [{ kind: 'drop', columns: ['name'] }]);
    const [project, lineage] = [readFileSync(projectFile, 'utf8'), dataMd(projectFile)];
    await assert.rejects(addPipelineStep(projectFile, { kind: 'scale', columns: ['nope'], method: 'standard' }), /Step 2 \(scale\): unknown column "nope"/);
    assert.equal(readFileSync(projectFile, 'utf8'), project);
    assert.equal(dataMd(projectFile), lineage);
  });

  it('adding and removing a source regenerates DATA.md; a hand edit regenerates it without rewriting the project', async () => {
    const dir = tempDir();
    const projectFile = (await createProject({ folder: dir, name: 'p' })).path;
    await refreshLineage(projectFile);
    assert.equal(existsSync(path.join(dir, 'DATA.md')), false, 'no data, no DATA.md');
    copyFileSync(TITANIC, path.join(dir, 'titanic.csv'));
    await addSource(projectFile, path.join(dir, 'titanic.csv'));
    assert.match(dataMd(projectFile), /\| titanic \| `titanic.csv` \| train \| 1309 \| 5 \| `[0-9a-f]{64}` \|/);
    const project = JSON.parse(readFileSync(projectFile, 'utf8'));
    project.data.pipeline = [{ kind: 'impute', columns: ['age'], strategy: 'mean' }];
    const handEdited = JSON.stringify(project);
    writeFileSync(projectFile, handEdited);
    await refreshLineage(projectFile);
    assert.equal(readFileSync(projectFile, 'utf8'), handEdited, 'the hand edit stays as typed');
    assert.match(dataMd(projectFile), /Impute `age` \(mean\)/);
    await removeSource(projectFile, 'titanic');
    assert.match(dataMd(projectFile), /1 step not fitted: .*no training data source/);
  });
});

describe('train/test split settings', () => {
  const frame = async () => toFrame(await readCsv({ path: TITANIC }));

  it('random and stratified splits are reproducible from the seed; stratified keeps class shares', async () => {
    const f = await frame();
    const a = splitRows(f, { method: 'random', testFraction: 0.25, seed: 3 });
    assert.deepEqual(a, splitRows(f, { method: 'random', testFraction: 0.25, seed: 3 }));
    assert.notDeepEqual(a.test, splitRows(f, { method: 'random', testFraction: 0.25, seed: 4 }).test);
    assert.equal(a.test.length, Math.round(1309 * 0.25));
    assert.equal(a.train.length + a.test.length, 1309);
    const s = splitRows(f, { method: 'stratified', testFraction: 0.2, seed: 0 }, 'survived');
    const survived = f.array('survived') as ArrayLike<unknown>;
    const share = (rows: number[]) => rows.filter((r) => survived[r] === 'yes').length / rows.length;
    assert.ok(Math.abs(share(s.test) - share(s.train)) < 0.005, `${share(s.test)} vs ${share(s.train)}`);
  });

  it('time-ordered holds out the latest rows; a column marks test rows', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'time.csv');
    writeFileSync(file, 'day,x,part\n2024-01-03,1,train\n2024-01-01,2,test\n2024-01-05,3,train\n2024-01-02,4,TEST\n2024-01-04,5,train\n');
    const f = toFrame(await readCsv({ path: file }));
    assert.deepEqual(splitRows(f, { method: 'timeOrdered', column: 'day', testFraction: 0.4 }).test, [2, 4]);
    assert.deepEqual(splitRows(f, { method: 'column', column: 'part' }).test, [1, 3]);
    assert.throws(() => splitRows(f, { method: 'column', column: 'nope' }), /Split: the split column "nope" is not a column/);
  });

  it('the pipeline learns from the training rows only', async () => {
    const projectFile = await titanicProject({ method: 'random', testFraction: 0.5, seed: 1 });
    await savePipeline(projectFile, [{ kind: 'impute', columns: ['age'], strategy: 'mean' }]);
    const saved = JSON.parse(readFileSync(projectFile, 'utf8')).data.pipeline[0].fitted.age as number;
    const f = await frame();
    const { train } = splitRows(f, { method: 'random', testFraction: 0.5, seed: 1 });
    const ages = f.array('age') as Float64Array;
    const present = train.map((r) => ages[r]).filter((v) => !Number.isNaN(v));
    assert.equal(saved, present.reduce((a, b) => a + b, 0) / present.length);
    assert.match(dataMd(projectFile), /654 training rows, 655 held-out test rows/);
  });
});
